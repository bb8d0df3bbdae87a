package dev.falcojava.sdk.abi.events;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.abi.ScratchBuffer;
import dev.falcojava.sdk.abi.Utf8;
import dev.falcojava.sdk.abi.Utf8Writer;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldArgument;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.IpNetwork;
import dev.falcojava.sdk.api.PluginEvent;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * Serves one {@code extract_fields} call: presents each requested field to the plugin, collects its values,
 * then writes them into native memory owned by the plugin state (valid until the next call).
 *
 * <p>Result memory: for each field with values, its array of values ({@code uint64_t} for numbers and times,
 * {@code uint32_t} for bools, {@code char*} for strings, {@code ss_plugin_byte_buffer} for addresses), then the
 * bytes the strings and addresses point to.
 */
public final class NativeExtractRequest implements ExtractRequest {

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
    private static final Object IN_EVENT = new Object();
    /** A string value to copy from the event: {@code numbers} holds its address, {@code lengths} its length. */
    private static final Object FROM_EVENT = new Object();

    private final FieldDefinition[] fields;
    private final int[] kinds;
    /** Per field id, what every call checks: the type, its host type code, list or not, the argument rule. */
    private final FieldType[] types;
    private final int[] typeCodes;
    private final boolean[] lists;
    private final FieldArgument[] arguments;
    private final NativePluginEvent event = new NativePluginEvent();
    private final ScratchBuffer results = new ScratchBuffer("extracted values", 4096, ScratchBuffer.RESULT_LIMIT);
    private final Utf8Writer utf8 = new Utf8Writer();

    private int[] requestedIds = new int[8];
    private int[] firstValue = new int[8];
    private int[] valueCount = new int[8];
    private long[] numbers = new long[16];
    private Object[] references = new Object[16];
    /** For string values given as bytes: their length (the offset or address is in {@code numbers}). */
    private int[] lengths = new int[16];
    private int values;

    private int index;
    private int fieldId;
    private long fieldStruct;
    private boolean noValueMarked;

    public NativeExtractRequest(List<FieldDefinition> fields) {
        this.fields = fields.toArray(FieldDefinition[]::new);
        this.kinds = fields.stream().mapToInt(field -> switch (field.type()) {
            case BOOL -> BOOL;
            case STRING -> STRING;
            case IPADDR, IPNET -> BYTES;
            default -> NUMBER;
        }).toArray();
        this.types = fields.stream().map(FieldDefinition::type).toArray(FieldType[]::new);
        this.typeCodes = fields.stream().mapToInt(field -> field.type().code()).toArray();
        this.lists = new boolean[this.fields.length];
        for (int i = 0; i < lists.length; i++) {
            lists[i] = this.fields[i].list();
        }
        this.arguments = fields.stream().map(FieldDefinition::argument).toArray(FieldArgument[]::new);
    }

    public void beginEvent(long eventInput, int fieldCount) {
        fieldStruct = 0;
        values = 0;
        event.resetFromInput(eventInput);
        if (requestedIds.length < fieldCount) {
            requestedIds = new int[fieldCount];
            firstValue = new int[fieldCount];
            valueCount = new int[fieldCount];
        }
    }

    /** Selects the {@code i}-th requested field, checking it against the declared fields. */
    public void selectField(int i, long extractField) {
        int id = NativeMemory.u32(extractField + FIELD_ID);
        if (id < 0 || id >= fields.length) {
            throw new IllegalArgumentException("unknown field id " + Integer.toUnsignedString(id) + " (plugin has "
                    + fields.length + " fields) requested as " + NativeMemory.string(NativeMemory.pointer(extractField + FIELD_NAME), "?"));
        }
        fieldId = id;
        fieldStruct = extractField;
        int requestedType = NativeMemory.u32(extractField + FIELD_TYPE);
        if (requestedType != typeCodes[id]) {
            throw new IllegalArgumentException("field " + fields[id].name() + " is of type " + types[id].jsonName()
                    + " but the host requested type code " + requestedType);
        }
        FieldArgument argument = arguments[id];
        if (argument != FieldArgument.OPTIONAL_INDEX && argument != FieldArgument.OPTIONAL_KEY) {
            checkArgument(id, NativeMemory.u32(extractField + FIELD_ARG_PRESENT) != 0, argument);
        }
        index = i;
        requestedIds[i] = id;
        firstValue[i] = values;
        valueCount[i] = 0;
        noValueMarked = false;
    }

    private void checkArgument(int id, boolean present, FieldArgument argument) {
        if (present && argument == FieldArgument.NONE) {
            throw new IllegalArgumentException("field " + fields[id].name() + " takes no argument but the host passed one");
        }
        if (!present && argument.isRequired()) {
            throw new IllegalArgumentException("field " + fields[id].name() + " requires an argument, as in "
                    + fields[id].name() + (argument.isIndex() ? "[0]" : "[key]"));
        }
    }

    /** What the call was doing, for error messages: the field being extracted, if any. */
    public String context() {
        return fieldStruct == 0 ? "extract_fields" : "extracting " + fields[fieldId].name();
    }

    /** Writes the collected values and points each host field struct at its values. */
    public void publish(long fieldsArray, int count) {
        fieldStruct = 0;
        if (count == 1 && valueCount[0] == 1) {
            int kind = kinds[requestedIds[0]];
            if (kind <= BOOL) {
                publishOneNumber(fieldsArray, kind);
                return;
            }
            Object value = references[firstValue[0]];
            if (kind == STRING && value == IN_EVENT) {
                NativeMemory.putPointer(results.segment().address(), numbers[firstValue[0]]);
                NativeMemory.putPointer(fieldsArray + FIELD_RES, results.segment().address());
                NativeMemory.putU64(fieldsArray + FIELD_RES_LEN, 1);
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
        MemorySegment out = results.segment();
        if (kind == NUMBER) {
            out.set(ValueLayout.JAVA_LONG, 0, numbers[firstValue[0]]);
        } else {
            out.set(ValueLayout.JAVA_INT, 0, (int) numbers[firstValue[0]]);
        }
        NativeMemory.putPointer(field + FIELD_RES, out.address());
        NativeMemory.putU64(field + FIELD_RES_LEN, 1);
        values = 0;
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

    public void clearReferences() {
        Arrays.fill(references, 0, values, null);
        values = 0;
    }


    private static long align8(long bytes) {
        return (bytes + 7) & ~7L;
    }

    private void store(FieldType type, boolean adding, long number, Object reference) {
        store(type, adding, number, reference, 0);
    }

    private void store(FieldType type, boolean adding, long number, Object reference, int length) {
        int id = fieldId;
        if (types[id] != type || lists[id] != adding) {
            throw misuse(type, adding);
        }
        if (noValueMarked) {
            return;
        }
        if (!adding) {
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

    private IllegalStateException misuse(FieldType type, boolean adding) {
        FieldDefinition field = fields[fieldId];
        if (field.type() != type) {
            return new IllegalStateException("field " + field.name() + " is of type " + field.type().jsonName()
                    + " but the plugin set a " + type.jsonName() + " value");
        }
        return new IllegalStateException(field.list()
                ? "field " + field.name() + " is a list: add its values with add" + suffix(type) + ", not set" + suffix(type)
                : "field " + field.name() + " is not a list: set its value with set" + suffix(type) + ", not add" + suffix(type));
    }

    private void none(FieldType type) {
        FieldDefinition field = fields[fieldId];
        if (field.type() != type) {
            throw new IllegalStateException("field " + field.name() + " is of type " + field.type().jsonName()
                    + " but the plugin set a " + type.jsonName() + " value");
        }
        noValue();
    }

    private static String suffix(FieldType type) {
        return switch (type) {
            case UINT64 -> "U64";
            case STRING -> "String";
            case BOOL -> "Bool";
            case RELTIME -> "RelTime";
            case ABSTIME -> "AbsTime";
            case IPADDR -> "IpAddr";
            case IPNET -> "IpNet";
        };
    }

    private static long nanos(Duration value) {
        return value.toNanos();
    }

    private static long nanos(Instant value) {
        return Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000_000L), value.getNano());
    }

    @Override
    public PluginEvent event() {
        return event;
    }

    @Override
    public int fieldId() {
        return fieldId;
    }

    @Override
    public String fieldName() {
        return fields[fieldId].name();
    }

    @Override
    public boolean hasArgument() {
        return NativeMemory.u32(fieldStruct + FIELD_ARG_PRESENT) != 0;
    }

    @Override
    public long argumentIndex() {
        return NativeMemory.u64(fieldStruct + FIELD_ARG_INDEX);
    }

    @Override
    public String argumentKey() {
        return NativeMemory.string(NativeMemory.pointer(fieldStruct + FIELD_ARG_KEY), null);
    }

    @Override
    public void noValue() {
        noValueMarked = true;
        Arrays.fill(references, firstValue[index], values, null);
        values = firstValue[index];
        valueCount[index] = 0;
    }

    @Override
    public void setU64(long value) {
        store(FieldType.UINT64, false, value, null);
    }

    @Override
    public void setString(String value) {
        if (value != null) {
            store(FieldType.STRING, false, 0, value);
        } else if (!hasValue()) {
            none(FieldType.STRING);
        }
    }

    @Override
    public void setString(byte[] utf8, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, utf8.length);
        store(FieldType.STRING, false, offset, utf8, length);
    }

    @Override
    public void setStringFromPayload(int from, int length) {
        setStringFromParam(event.payloadParam(), from, length);
    }

    @Override
    public void setStringFromParam(int index, int from, int length) {
        long at = event.paramSlice(index, from, length);
        store(FieldType.STRING, false, at, event.nulAt(at + length) ? IN_EVENT : FROM_EVENT, length);
    }

    @Override
    public boolean hasValue() {
        return fieldStruct != 0 && valueCount[index] > 0;
    }

    @Override
    public void setBool(boolean value) {
        store(FieldType.BOOL, false, value ? 1 : 0, null);
    }

    @Override
    public void setRelTime(Duration value) {
        if (value == null) {
            none(FieldType.RELTIME);
        } else {
            store(FieldType.RELTIME, false, nanos(value), null);
        }
    }

    @Override
    public void setAbsTime(Instant value) {
        if (value == null) {
            none(FieldType.ABSTIME);
        } else {
            store(FieldType.ABSTIME, false, nanos(value), null);
        }
    }

    @Override
    public void setIpAddr(InetAddress value) {
        if (value == null) {
            none(FieldType.IPADDR);
        } else {
            store(FieldType.IPADDR, false, 0, value.getAddress());
        }
    }

    @Override
    public void setIpNet(IpNetwork value) {
        if (value == null) {
            none(FieldType.IPNET);
        } else {
            store(FieldType.IPNET, false, 0, value.address().getAddress());
        }
    }

    @Override
    public void addU64(long value) {
        store(FieldType.UINT64, true, value, null);
    }

    @Override
    public void addString(String value) {
        store(FieldType.STRING, true, 0, requireValue(value));
    }

    @Override
    public void addBool(boolean value) {
        store(FieldType.BOOL, true, value ? 1 : 0, null);
    }

    @Override
    public void addRelTime(Duration value) {
        store(FieldType.RELTIME, true, nanos(requireValue(value)), null);
    }

    @Override
    public void addAbsTime(Instant value) {
        store(FieldType.ABSTIME, true, nanos(requireValue(value)), null);
    }

    @Override
    public void addIpAddr(InetAddress value) {
        store(FieldType.IPADDR, true, 0, requireValue(value).getAddress());
    }

    @Override
    public void addIpNet(IpNetwork value) {
        store(FieldType.IPNET, true, 0, requireValue(value).address().getAddress());
    }

    private <T> T requireValue(T value) {
        if (value == null) {
            throw new IllegalArgumentException("a list value of field " + fields[fieldId].name() + " is null");
        }
        return value;
    }
}
