package dev.falcojava.cli.rules.filter;

import java.util.Optional;

/**
 * A condition or output that Falco's filter grammar does not accept.
 *
 * @see FilterParser
 */
public final class FilterSyntaxException extends Exception {

    private final int offset;
    private final String misplacedName;

    FilterSyntaxException(int offset, String message) {
        this(offset, message, null);
    }

    FilterSyntaxException(int offset, String message, String misplacedName) {
        super(message);
        this.offset = offset;
        this.misplacedName = misplacedName;
    }

    /** Where in the text the problem is. */
    public int offset() {
        return offset;
    }

    /**
     * A name without a dot written where a field goes ({@code admins contains x}): a list or a macro used as a field.
     */
    public Optional<String> misplacedName() {
        return Optional.ofNullable(misplacedName);
    }
}
