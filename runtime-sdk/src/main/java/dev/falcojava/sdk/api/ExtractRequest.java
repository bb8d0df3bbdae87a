package dev.falcojava.sdk.api;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * One field to extract from one event, and where its value goes. The same object is reused for every
 * field and event: never keep a reference to it after the call.
 *
 * <p>A single-valued field takes one {@code setX} call; a list field takes one {@code addX} call per value (no
 * call, or only {@link #noValue()}, means no value). Setting a value of another type than the field's fails the
 * extraction with a message naming the field.
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
     * Marks the field as having no value for this event (Falco treats it as not present). Values set in the
     * same call are dropped.
     */
    void noValue();

    /** Sets the value of a {@code uint64} field. */
    void setU64(long value);

    /**
     * Sets the value of a {@code string} field; {@code null} means no value, unless this call already set the value
     * through one of the byte methods below: then that value stands. So a typed extract method may set its value
     * with {@code setString(bytes...)} or {@code setStringFromPayload} and return {@code null}.
     */
    void setString(String value);

    /**
     * Sets the value of a {@code string} field from UTF-8 bytes, copied as they are: no decoding into a String and
     * no encoding back. The host reads the value up to its first NUL byte.
     */
    void setString(byte[] utf8, int offset, int length);

    /**
     * Sets the value of a {@code string} field to {@code length} bytes of the event's payload (plugin and async
     * events) starting at {@code from}, as UTF-8, without decoding them. When the event holds a NUL byte right
     * after them (a payload that is a C string), the value points into the event itself, as a C plugin would do:
     * nothing is copied. Otherwise the bytes are copied.
     */
    void setStringFromPayload(int from, int length);

    /** Like {@link #setStringFromPayload} for {@code length} bytes of parameter {@code index} from {@code from}. */
    void setStringFromParam(int index, int from, int length);

    /** Whether this call set a value for the current field so far. */
    boolean hasValue();

    /** Sets the value of a {@code bool} field. */
    void setBool(boolean value);

    /** Sets the value of a {@code reltime} field (nanoseconds); {@code null} means no value. */
    void setRelTime(Duration value);

    /** Sets the value of an {@code abstime} field (nanoseconds since the epoch); {@code null} means no value. */
    void setAbsTime(Instant value);

    /** Sets the value of an {@code ipaddr} field; {@code null} means no value. */
    void setIpAddr(InetAddress value);

    /** Sets the value of an {@code ipnet} field; {@code null} means no value. */
    void setIpNet(IpNetwork value);

    /** Adds a value to a {@code uint64} list field. */
    void addU64(long value);

    /** Adds a value to a {@code string} list field. */
    void addString(String value);

    /** Adds a value to a {@code bool} list field. */
    void addBool(boolean value);

    /** Adds a value to a {@code reltime} list field. */
    void addRelTime(Duration value);

    /** Adds a value to an {@code abstime} list field. */
    void addAbsTime(Instant value);

    /** Adds a value to an {@code ipaddr} list field. */
    void addIpAddr(InetAddress value);

    /** Adds a value to an {@code ipnet} list field. */
    void addIpNet(IpNetwork value);
}
