package dev.falcojava.sdk.abi.events;

import dev.falcojava.sdk.abi.NativeMemory;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldArgument;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.api.IpNetwork;
import dev.falcojava.sdk.api.PluginEvent;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/**
 * Serves one {@code extract_fields} call: presents each requested field to the plugin, checks each value it sets
 * against the field's declaration, and has {@link ExtractedValues} collect them and write them for the host.
 */
public final class NativeExtractRequest implements ExtractRequest {

    private final FieldDefinition[] fields;
    /** Per field id, what every call checks, worked out once. */
    private final FieldSlot[] slots;
    private final NativePluginEvent event = new NativePluginEvent();
    private final ExtractedValues values;

    private int index;
    private int fieldId;
    private FieldSlot slot;
    private long fieldStruct;
    private boolean noValueMarked;
    /**
     * Whether the call requests one field only, as libsinsp's calls do: then the value of a field that is not a list
     * is kept here ({@code direct*}, when {@link #hasDirect}) and written as it is published, without the staging.
     */
    private boolean single;
    private boolean hasDirect;
    private long direct;
    private Object directReference;
    private int directLength;

    public NativeExtractRequest(List<FieldDefinition> fields) {
        this.fields = fields.toArray(new FieldDefinition[0]);
        this.values = new ExtractedValues(fields);
        this.slots = new FieldSlot[this.fields.length];
        for (int id = 0; id < slots.length; id++) {
            slots[id] = new FieldSlot(this.fields[id]);
        }
    }

    /** What a call checks of a field and how its values are kept. */
    private static final class FieldSlot {
        final FieldType type;
        final int typeCode;
        final boolean list;
        final FieldArgument argument;
        /** Whether the argument's presence is checked: every rule but the optional ones. */
        final boolean checksArgument;
        /** Whether a present argument breaks the rule ({@link FieldArgument#NONE}) or a missing one does. */
        final boolean forbidsArgument;
        final boolean requiresArgument;
        /** A number or a bool, not a list: its value goes out as one 8- or 4-byte number. */
        final boolean number;

        FieldSlot(FieldDefinition field) {
            type = field.type();
            typeCode = type.code();
            list = field.list();
            argument = field.argument();
            checksArgument = argument != FieldArgument.OPTIONAL_INDEX && argument != FieldArgument.OPTIONAL_KEY;
            forbidsArgument = argument == FieldArgument.NONE;
            requiresArgument = argument.isRequired();
            number = !list && type != FieldType.STRING && type != FieldType.IPADDR && type != FieldType.IPNET;
        }
    }

    public void beginEvent(long eventInput, int fieldCount) {
        fieldStruct = 0;
        single = fieldCount == 1;
        if (!single) {
            values.begin(fieldCount);
        }
        event.resetFromInput(eventInput);
    }

    /** Selects the {@code i}-th requested field, checking it against the declared fields. */
    public void selectField(int i, long extractField) {
        int id = NativeMemory.u32(extractField + FIELD_ID);
        if (id < 0 || id >= slots.length) {
            throw new IllegalArgumentException("unknown field id " + Integer.toUnsignedString(id) + " (plugin has "
                    + fields.length + " fields) requested as " + NativeMemory.string(NativeMemory.pointer(extractField + FIELD_NAME), "?"));
        }
        FieldSlot selected = slots[id];
        fieldId = id;
        fieldStruct = extractField;
        int requestedType = NativeMemory.u32(extractField + FIELD_TYPE);
        if (requestedType != selected.typeCode) {
            throw new IllegalArgumentException("field " + fields[id].name() + " is of type " + selected.type.jsonName()
                    + " but the host requested type code " + requestedType);
        }
        if (selected.checksArgument) {
            boolean present = NativeMemory.u32(extractField + FIELD_ARG_PRESENT) != 0;
            if (present ? selected.forbidsArgument : selected.requiresArgument) {
                checkArgument(id, present, selected.argument);
            }
        }
        slot = selected;
        index = i;
        hasDirect = false;
        if (!single || selected.list) {
            values.select(i, id);
        }
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

    /** Writes the collected values and points each host field struct at its values. */
    public void publish(long fieldsArray, int count) {
        fieldStruct = 0;
        FieldSlot current = slot;
        if (single && !current.list) {
            Object reference = directReference;
            if (hasDirect && current.number) {
                values.publishNumber(fieldsArray, current.type == FieldType.BOOL, direct);
                return;
            }
            directReference = null;
            if (hasDirect && reference == ExtractedValues.IN_EVENT) {
                values.publishInEvent(fieldsArray, direct);
                return;
            }
            values.publishSingle(fieldsArray, fieldId, hasDirect, direct, reference, directLength);
        } else {
            values.publish(fieldsArray, count);
        }
    }

    /** Forgets the values' references, so that they do not outlive a failed call. */
    public void clearReferences() {
        directReference = null;
        values.clearReferences();
    }

    /** What the call was doing, for error messages: the field being extracted, if any. */
    public String context() {
        return fieldStruct == 0 ? "extract_fields" : "extracting " + fields[fieldId].name();
    }

    private void store(FieldType type, boolean adding, long number, Object reference) {
        store(type, adding, number, reference, 0);
    }

    private void store(FieldType type, boolean adding, long number, Object reference, int length) {
        FieldSlot current = slot;
        if (current.type != type || current.list != adding) {
            throw misuse(type, adding);
        }
        if (noValueMarked) {
            return;
        }
        if (single && !adding) {
            direct = number;
            directReference = reference;
            directLength = length;
            hasDirect = true;
        } else {
            values.store(index, !adding, number, reference, length);
        }
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
        if (single && !slot.list) {
            hasDirect = false;
            directReference = null;
        } else {
            values.drop(index);
        }
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
        storeSlice(event.payloadSlice(from, length), length);
    }

    @Override
    public void setStringFromParam(int index, int from, int length) {
        storeSlice(event.paramSlice(index, from, length), length);
    }

    /** Stores the {@code length} bytes at {@code at}, a slice of the checked event, as the string value. */
    private void storeSlice(long at, int length) {
        store(FieldType.STRING, false, at, event.nulAfterSlice(at, length) ? ExtractedValues.IN_EVENT : ExtractedValues.FROM_EVENT, length);
    }

    @Override
    public boolean hasValue() {
        return fieldStruct != 0 && (single && !slot.list ? hasDirect : values.hasValue(index));
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
