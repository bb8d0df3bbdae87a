package dev.falcojava.sdk.api;

/**
 * One field to extract from one event, and where its value goes. The same object is reused for every
 * field and event: never keep a reference to it after the call.
 */
public interface ExtractRequest {

    /** The event the field is extracted from. */
    PluginEvent event();

    /** The index of the field in {@link ExtractPlugin#fields()}. */
    int fieldId();

    /** The field name as the host requested it. */
    String fieldName();

    /** Whether the rule passed an argument, as in {@code field[arg]}. */
    boolean hasArgument();

    /** The numeric argument, for fields with an index argument. */
    long argumentIndex();

    /** The string argument, for fields with a key argument, or {@code null}. */
    String argumentKey();

    /**
     * Marks the field as having no value for this event (Falco treats it as not present). A value set in the
     * same call is ignored.
     */
    void noValue();

    /** Sets the value of a {@code uint64} field. */
    void setU64(long value);

    /** Sets the value of a {@code string} field; {@code null} means no value. */
    void setString(String value);

    /** Sets the value of a {@code bool} field. */
    void setBool(boolean value);
}
