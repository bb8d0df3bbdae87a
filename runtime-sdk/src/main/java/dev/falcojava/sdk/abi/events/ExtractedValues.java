package dev.falcojava.sdk.abi.events;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ScratchBuffer;
import dev.falcojava.sdk.abi.Utf8;
import dev.falcojava.sdk.abi.Utf8Writer;
import dev.falcojava.sdk.api.FieldDefinition;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * The values one {@code extract_fields} call collects, per requested field, and how they are written into native
 * memory owned by the plugin state (valid until the next call).
 *
 * <p>Result memory: for each field with values, its array of values ({@code uint64_t} for numbers and times,
 * {@code uint32_t} for bools, {@code char*} for strings, {@code ss_plugin_byte_buffer} for addresses), then the
 * bytes the strings and addresses point to.
 */
final class ExtractedValues {

    private static final long BYTE_BUFFER_SIZE = 16;

    /** How values of a field are stored: in {@code numbers} (8-byte or bool), or in {@code references}. */
    private static final int NUMBER = 0;
    private static final int BOOL = 1;
    private static final int STRING = 2;
    private static final int BYTES = 3;
    private static final long[] ELEMENT_SIZE = {8, 4, 8, BYTE_BUFFER_SIZE};
    /** Largest result laid out roomily (see {@link #stringBytes}). */
    private static final long ROOMY_LIMIT = 1L << 20;
    /** Longest Java string published by the single-string path: its worst-case size stays well under the limit. */
    private static final int ONE_STRING_MAX_CHARS = 1 << 20;
    /** A string value that is a NUL-terminated string in the event: {@code numbers} holds its address. */
    static final Object IN_EVENT = new Object();
    /** A string value to copy from the event: {@code numbers} holds its address, {@code lengths} its length. */
    static final Object FROM_EVENT = new Object();

    /** Per field id, how its values are stored. */
    private final int[] kinds;
    private final ScratchBuffer results = new ScratchBuffer("extracted values", 4096, ScratchBuffer.RESULT_LIMIT);
    private final Utf8Writer utf8 = new Utf8Writer();
    /**
     * The result memory of a call's only value when it is a number, a bool or a pointer into the event: its own
     * 8 bytes at a fixed address, so that publishing it reads no segment.
     */
    private final MemorySegment oneValue = Arena.ofAuto().allocate(8, 8);
    private final long oneValueAddress = oneValue.address();

    private int[] requestedIds = new int[8];
    private int[] firstValue = new int[8];
    private int[] valueCount = new int[8];
    private long[] numbers = new long[16];
    private Object[] references = new Object[16];
    /** For string values given as bytes: their length (the offset or address is in {@code numbers}). */
    private int[] lengths = new int[16];
    private int values;

    ExtractedValues(List<FieldDefinition> fields) {
        this.kinds = new int[fields.size()];
        for (int id = 0; id < kinds.length; id++) {
            kinds[id] = kind(fields.get(id));
        }
    }

    private static int kind(FieldDefinition field) {
        return switch (field.type()) {
            case BOOL -> BOOL;
            case STRING -> STRING;
            case IPADDR, IPNET -> BYTES;
            default -> NUMBER;
        };
    }

    /** Starts a call requesting {@code fieldCount} fields: no values yet. */
    void begin(int fieldCount) {
        values = 0;
        if (requestedIds.length < fieldCount) {
            requestedIds = new int[fieldCount];
            firstValue = new int[fieldCount];
            valueCount = new int[fieldCount];
        }
    }

    /** The {@code index}-th requested field is field {@code id}; its values follow. */
    void select(int index, int id) {
        requestedIds[index] = id;
        firstValue[index] = values;
        valueCount[index] = 0;
    }

    /** Adds a value to the {@code index}-th requested field, or ({@code replace}) makes it its only value. */
    void store(int index, boolean replace, long number, Object reference, int length) {
        if (replace) {
            values = firstValue[index];
            valueCount[index] = 0;
        }
        if (values == numbers.length) {
            numbers = Arrays.copyOf(numbers, values * 2);
            references = Arrays.copyOf(references, values * 2);
            lengths = Arrays.copyOf(lengths, values * 2);
        }
        numbers[values] = number;
        references[values] = reference;
        lengths[values] = length;
        values++;
        valueCount[index]++;
    }

    /** Drops the values of the {@code index}-th requested field. */
    void drop(int index) {
        Arrays.fill(references, firstValue[index], values, null);
        values = firstValue[index];
        valueCount[index] = 0;
    }

    boolean hasValue(int index) {
        return valueCount[index] > 0;
    }

    /** Writes the collected values and points each host field struct at its values. */
    void publish(long fieldsArray, int count) {
        if (count == 1 && valueCount[0] == 1) {
            int kind = kinds[requestedIds[0]];
            if (kind <= BOOL) {
                publishOneNumber(fieldsArray, kind);
                return;
            }
            Object value = references[firstValue[0]];
            if (kind == STRING && value == IN_EVENT) {
                publishInEvent(fieldsArray, numbers[firstValue[0]]);
                clearReferences();
                return;
            }
            if (kind == STRING && value instanceof String text && text.length() <= ONE_STRING_MAX_CHARS) {
                publishOneString(fieldsArray, text);
                return;
            }
        }
        long arrays = 0;
        long data = 0;
        long roomyData = 0;
        for (int i = 0; i < count; i++) {
            int n = valueCount[i];
            if (n == 0) {
                continue;
            }
            int kind = kinds[requestedIds[i]];
            arrays += align8(ELEMENT_SIZE[kind] * (long) n);
            if (kind == STRING) {
                for (int v = firstValue[i], end = v + n; v < end; v++) {
                    roomyData += stringBytes(v, true);
                }
            } else if (kind == BYTES) {
                for (int v = firstValue[i], end = v + n; v < end; v++) {
                    data += ((byte[]) references[v]).length;
                }
            }
        }
        boolean roomy = arrays + roomyData <= ROOMY_LIMIT;
        if (roomy) {
            data += roomyData;
        } else {
            for (int i = 0; i < count; i++) {
                if (valueCount[i] > 0 && kinds[requestedIds[i]] == STRING) {
                    for (int v = firstValue[i], end = v + valueCount[i]; v < end; v++) {
                        data += stringBytes(v, false);
                    }
                }
            }
        }
        MemorySegment out = results.reserve(Math.max(arrays + data, 8));
        long base = out.address();
        long arrayOffset = 0;
        long dataOffset = arrays;
        for (int i = 0; i < count; i++) {
            long field = fieldsArray + i * EXTRACT_FIELD_SIZE;
            int n = valueCount[i];
            NativeMemory.putPointer(field + FIELD_RES, n == 0 ? 0 : base + arrayOffset);
            NativeMemory.putU64(field + FIELD_RES_LEN, n);
            if (n == 0) {
                continue;
            }
            int kind = kinds[requestedIds[i]];
            int first = firstValue[i];
            switch (kind) {
                case NUMBER -> {
                    for (int k = 0; k < n; k++) {
                        out.set(ValueLayout.JAVA_LONG, arrayOffset + 8L * k, numbers[first + k]);
                    }
                }
                case BOOL -> {
                    for (int k = 0; k < n; k++) {
                        out.set(ValueLayout.JAVA_INT, arrayOffset + 4L * k, (int) numbers[first + k]);
                    }
                }
                case STRING -> {
                    for (int k = 0; k < n; k++) {
                        dataOffset = writeString(first + k, out, arrayOffset + 8L * k, dataOffset, roomy);
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++) {
                        byte[] bytes = (byte[]) references[first + k];
                        long at = arrayOffset + BYTE_BUFFER_SIZE * k;
                        out.set(ValueLayout.JAVA_INT, at, bytes.length);
                        out.set(ValueLayout.JAVA_LONG, at + 8, base + dataOffset);
                        MemorySegment.copy(bytes, 0, out, ValueLayout.JAVA_BYTE, dataOffset, bytes.length);
                        dataOffset += bytes.length;
                    }
                }
            }
            arrayOffset += align8(ELEMENT_SIZE[kind] * (long) n);
        }
        clearReferences();
    }

    /** The one value of the one field requested, a number or a bool: the call libsinsp makes for every filter check. */
    private void publishOneNumber(long field, int kind) {
        publishNumber(field, kind == BOOL, numbers[firstValue[0]]);
        values = 0;
    }

    /**
     * Publishes the value of the only field of a call, field {@code id}, not a list, given as {@link #store} takes it
     * (or no value when not {@code present}), without staging it: the call libsinsp makes for every filter check.
     */
    void publishSingle(long field, int id, boolean present, long number, Object reference, int length) {
        int kind = kinds[id];
        if (!present) {
            NativeMemory.putPointer(field + FIELD_RES, 0);
            NativeMemory.putU64(field + FIELD_RES_LEN, 0);
        } else if (kind <= BOOL) {
            publishNumber(field, kind == BOOL, number);
        } else if (reference == IN_EVENT) {
            publishInEvent(field, number);
        } else if (reference instanceof String text && text.length() <= ONE_STRING_MAX_CHARS) {
            publishOneString(field, text);
        } else {
            begin(1);
            select(0, id);
            store(0, true, number, reference, length);
            publish(field, 1);
        }
    }

    /** Writes the string at {@code address}, NUL-terminated in the event, as the only value of {@code field}. */
    void publishInEvent(long field, long address) {
        long out = oneValueAddress;
        NativeMemory.putPointer(out, address);
        NativeMemory.putPointer(field + FIELD_RES, out);
        NativeMemory.putU64(field + FIELD_RES_LEN, 1);
    }

    /** Writes {@code number} (a bool when {@code bool}) as the only value of {@code field}. */
    void publishNumber(long field, boolean bool, long number) {
        long out = oneValueAddress;
        if (bool) {
            NativeMemory.putU32(out, (int) number);
        } else {
            NativeMemory.putU64(out, number);
        }
        NativeMemory.putPointer(field + FIELD_RES, out);
        NativeMemory.putU64(field + FIELD_RES_LEN, 1);
    }

    /**
     * The one value of the one field requested, a Java string: encoded in one pass into result memory sized for the
     * worst case of 3 bytes per char, with no pass to measure it first.
     */
    private void publishOneString(long field, String text) {
        MemorySegment out = results.reserve(8 + Utf8Writer.maxBytes(text.length()) + 1);
        out.set(ValueLayout.JAVA_BYTE, utf8.write(text, out, 8), (byte) 0);
        out.set(ValueLayout.JAVA_LONG, 0, out.address() + 8);
        NativeMemory.putPointer(field + FIELD_RES, out.address());
        NativeMemory.putU64(field + FIELD_RES_LEN, 1);
        clearReferences();
    }

    /**
     * The bytes string value {@code v} adds to the data part: its UTF-8 bytes and a NUL, or none in the event. A
     * roomy layout gives a Java string room for its worst case, 3 bytes per char, so it needs no measuring pass (the
     * strings are still packed one after the other); results over {@link #ROOMY_LIMIT} are measured exactly instead.
     */
    private long stringBytes(int v, boolean roomy) {
        Object value = references[v];
        if (value instanceof String text) {
            return roomy ? Utf8Writer.maxBytes(text.length()) + 1 : Utf8.encodedLength(text) + 1;
        }
        return value == IN_EVENT ? 0 : lengths[v] + 1L;
    }

    /** Writes the pointer of string value {@code v} at {@code slot} and its bytes at {@code data}; returns the new end. */
    private long writeString(int v, MemorySegment out, long slot, long data, boolean roomy) {
        Object value = references[v];
        if (value == IN_EVENT) {
            out.set(ValueLayout.JAVA_LONG, slot, numbers[v]);
            return data;
        }
        out.set(ValueLayout.JAVA_LONG, slot, out.address() + data);
        long end;
        if (value instanceof String text) {
            end = roomy ? utf8.write(text, out, data) : Utf8.encode(text, out, data);
        } else if (value == FROM_EVENT) {
            MemorySegment.copy(NativeMemory.ALL, numbers[v], out, data, lengths[v]);
            end = data + lengths[v];
        } else {
            MemorySegment.copy((byte[]) value, (int) numbers[v], out, ValueLayout.JAVA_BYTE, data, lengths[v]);
            end = data + lengths[v];
        }
        out.set(ValueLayout.JAVA_BYTE, end, (byte) 0);
        return end + 1;
    }

    void clearReferences() {
        Arrays.fill(references, 0, values, null);
        values = 0;
    }


    private static long align8(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
