package dev.falcojava.cli.rules.fields;

/** What the catalog of a source says about a field name. */
public sealed interface FieldLookup {

    /** The field exists there. */
    record Known(FieldInfo field) implements FieldLookup {
    }

    /** Falco refuses it there: {@code message} says why and what to write instead. */
    record Unknown(String message) implements FieldLookup {
    }

    /** It may come from a plugin this check does not know (or a build of Falco with more fields): not checked. */
    record NotChecked(String message) implements FieldLookup {
    }
}
