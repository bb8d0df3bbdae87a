package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.PluginEvent;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * Serves one {@code extract_fields} call: presents each requested field to the plugin, collects the values,
 * then writes them into native memory owned by the plugin state (valid until the next call).
 *
 * <p>Result memory: one 8-byte slot per field ({@code uint64}, {@code uint32} bool, or a {@code char*}),
 * followed by the bytes of the string values.
 */
final class NativeExtractRequest implements ExtractRequest {

    private static final byte NONE = 0;
    private static final byte U64 = 1;
    private static final byte STRING = 2;
    private static final byte BOOL = 3;

    private final FieldDefinition[] fields;
    private final int[] typeCodes;
    private final NativePluginEvent event = new NativePluginEvent();
    private final ScratchBuffer results = new ScratchBuffer("extracted values", 4096, ScratchBuffer.RESULT_LIMIT);

    private byte[] kinds = new byte[8];
    private long[] numbers = new long[8];
    private String[] strings = new String[8];

    private int index;
    private int fieldId;
    private long fieldStruct;
    private boolean noValue;

    NativeExtractRequest(List<FieldDefinition> fields) {
        this.fields = fields.toArray(FieldDefinition[]::new);
        this.typeCodes = fields.stream().mapToInt(field -> field.type().code()).toArray();
    }

    void beginEvent(long eventInput, int fieldCount) {
        fieldStruct = 0;
        event.resetFromInput(eventInput);
        if (kinds.length < fieldCount) {
            kinds = new byte[fieldCount];
            numbers = new long[fieldCount];
            strings = new String[fieldCount];
        }
    }

    /** Selects the {@code i}-th requested field, checking it against the declared fields. */
    void selectField(int i, long extractField) {
        int id = NativeMemory.u32(extractField + FIELD_ID);
        if (id < 0 || id >= fields.length) {
            throw new IllegalArgumentException("unknown field id " + Integer.toUnsignedString(id) + " (plugin has "
                    + fields.length + " fields) requested as " + NativeMemory.string(NativeMemory.pointer(extractField + FIELD_NAME), "?"));
        }
        int requestedType = NativeMemory.u32(extractField + FIELD_TYPE);
        if (requestedType != typeCodes[id]) {
            throw new IllegalArgumentException("field " + fields[id].name() + " is of type " + fields[id].type().jsonName()
                    + " but the host requested type code " + requestedType);
        }
        index = i;
        fieldId = id;
        fieldStruct = extractField;
        noValue = false;
        kinds[i] = NONE;
        strings[i] = null;
    }

    /** What the call was doing, for error messages: the field being extracted, if any. */
    String context() {
        return fieldStruct == 0 ? "extract_fields" : "extracting " + fields[fieldId].name();
    }

    /** Records "no value" when the plugin set nothing or called {@link #noValue()}. */
    void finishField() {
        if (noValue) {
            kinds[index] = NONE;
            strings[index] = null;
        }
    }

    /** Writes the collected values and points each host field struct at its value. */
    void publish(long fieldsArray, int count) {
        fieldStruct = 0;
        long size = 8L * count;
        for (int i = 0; i < count; i++) {
            if (kinds[i] == STRING) {
                size += Utf8.encodedLength(strings[i]) + 1;
            }
        }
        MemorySegment out = results.reserve(Math.max(size, 8));
        long base = out.address();
        long stringOffset = 8L * count;
        for (int i = 0; i < count; i++) {
            long field = fieldsArray + i * EXTRACT_FIELD_SIZE;
            long slot = 8L * i;
            switch (kinds[i]) {
                case U64 -> out.set(ValueLayout.JAVA_LONG, slot, numbers[i]);
                case BOOL -> out.set(ValueLayout.JAVA_INT, slot, (int) numbers[i]);
                case STRING -> {
                    out.set(ValueLayout.JAVA_LONG, slot, base + stringOffset);
                    stringOffset = Utf8.encode(strings[i], out, stringOffset);
                    out.set(ValueLayout.JAVA_BYTE, stringOffset++, (byte) 0);
                    strings[i] = null;
                }
                default -> {
                }
            }
            boolean hasValue = kinds[i] != NONE;
            NativeMemory.putPointer(field + FIELD_RES, hasValue ? base + slot : 0);
            NativeMemory.putU64(field + FIELD_RES_LEN, hasValue ? 1 : 0);
        }
    }

    void clearStrings() {
        Arrays.fill(strings, null);
    }

    private void set(FieldType expected, byte kind, long number, String string) {
        if (typeCodes[fieldId] != expected.code()) {
            throw new IllegalStateException("field " + fields[fieldId].name() + " is of type "
                    + fields[fieldId].type().jsonName() + " but the plugin set a " + expected.jsonName() + " value");
        }
        kinds[index] = kind;
        numbers[index] = number;
        strings[index] = string;
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
        noValue = true;
    }

    @Override
    public void setU64(long value) {
        set(FieldType.UINT64, U64, value, null);
    }

    @Override
    public void setString(String value) {
        if (value == null) {
            set(FieldType.STRING, NONE, 0, null);
        } else {
            set(FieldType.STRING, STRING, 0, value);
        }
    }

    @Override
    public void setBool(boolean value) {
        set(FieldType.BOOL, BOOL, value ? 1 : 0, null);
    }
}
