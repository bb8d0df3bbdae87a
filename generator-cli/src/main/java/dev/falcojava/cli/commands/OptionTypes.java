package dev.falcojava.cli.commands;

import dev.falcojava.cli.model.CapabilityKind;
import dev.falcojava.cli.model.FieldArg;
import dev.falcojava.cli.model.FieldType;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The enum types of options and parameters, read by the words the command line uses for them (those of plugin.yaml
 * where it has them); the candidates of an option list the same words.
 */
public final class OptionTypes {

    private OptionTypes() {
    }

    /** Registers the converters with {@code cli} and every command below it. */
    public static CommandLine register(CommandLine cli) {
        cli.registerConverter(CapabilityKind.class, value -> {
            try {
                return CapabilityKind.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        });
        cli.registerConverter(FieldType.class, value -> FieldType.fromYaml(value).orElseThrow(() ->
                new TypeConversionException("unknown field type '" + value + "' (known: " + FieldType.known() + ")")));
        cli.registerConverter(FieldArg.class, value -> FieldArg.fromYaml(value).filter(arg -> arg != FieldArg.NONE)
                .orElseThrow(() -> new TypeConversionException("must be index or key, not '" + value + "'")));
        cli.registerConverter(LinkageChoice.class, words(LinkageChoice.class));
        cli.registerConverter(RuntimeChoice.class, words(RuntimeChoice.class));
        return cli;
    }

    /** An enum whose constants print as their command-line word. */
    private static <E extends Enum<E>> CommandLine.ITypeConverter<E> words(Class<E> type) {
        List<E> constants = List.of(type.getEnumConstants());
        return value -> constants.stream().filter(c -> c.toString().equals(value)).findFirst().orElseThrow(() ->
                new TypeConversionException("must be " + String.join(", ", constants.stream().map(E::toString).toList())
                        + ", not '" + value + "'"));
    }

    private static <E> Iterator<String> wordsOf(E[] values, Function<E, String> word) {
        return Arrays.stream(values).map(word).iterator();
    }

    /** The candidates of a {@link FieldType} option: uint64, string, ... */
    static final class FieldTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return wordsOf(FieldType.values(), FieldType::yamlName);
        }
    }

    /** The candidates of {@code --arg}: index and key. */
    static final class FieldArgs implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return wordsOf(new FieldArg[] {FieldArg.INDEX, FieldArg.KEY}, FieldArg::yamlName);
        }
    }
}
