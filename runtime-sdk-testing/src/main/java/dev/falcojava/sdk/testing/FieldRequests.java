package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.IpNetwork;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;

/** The fields a test asks {@link PluginHarness#extract} for, as the host requests them and reads their values. */
final class FieldRequests {

    private FieldRequests() {
    }

    /** Fills {@code field}, an {@code ss_plugin_extract_field}, with the request {@code requested} ({@code name} or {@code name[arg]}). */
    static FieldDefinition describe(List<FieldDefinition> fields, String requested, MemorySegment field, Arena call) {
        String name = requested;
        String argument = null;
        int bracket = requested.indexOf('[');
        if (bracket > 0 && requested.endsWith("]")) {
            name = requested.substring(0, bracket);
            argument = requested.substring(bracket + 1, requested.length() - 1);
        }
        int id = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                id = i;
            }
        }
        if (id < 0) {
            throw new IllegalArgumentException("the plugin has no field " + name);
        }
        FieldDefinition definition = fields.get(id);
        field.set(ValueLayout.JAVA_INT, FIELD_ID, id);
        field.set(ValueLayout.ADDRESS, FIELD_NAME, call.allocateFrom(name));
        field.set(ValueLayout.JAVA_INT, FIELD_TYPE, definition.type().code());
        if (argument != null) {
            field.set(ValueLayout.JAVA_INT, FIELD_ARG_PRESENT, 1);
            if (!argument.isEmpty() && argument.chars().allMatch(Character::isDigit)) {
                field.set(ValueLayout.JAVA_LONG, FIELD_ARG_INDEX, Long.parseLong(argument));
            } else {
                field.set(ValueLayout.ADDRESS, FIELD_ARG_KEY, call.allocateFrom(argument));
            }
        }
        return definition;
    }

    /** The values the plugin wrote into {@code field}: a list for list fields, else one value or null. */
    static Object readValue(FieldDefinition definition, MemorySegment field) {
        long count = field.get(ValueLayout.JAVA_LONG, FIELD_RES_LEN);
        if (count == 0) {
            return definition.list() ? List.of() : null;
        }
        MemorySegment values = field.get(ValueLayout.ADDRESS, FIELD_RES).reinterpret(16 * count);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(switch (definition.type()) {
                case UINT64, RELTIME, ABSTIME -> values.getAtIndex(ValueLayout.JAVA_LONG, i);
                case BOOL -> values.getAtIndex(ValueLayout.JAVA_INT, i) != 0;
                case STRING -> values.getAtIndex(ValueLayout.ADDRESS, i).reinterpret(Long.MAX_VALUE).getString(0);
                case IPADDR -> address(values, i);
                case IPNET -> new IpNetwork(address(values, i));
            });
        }
        return definition.list() ? List.copyOf(list) : list.getFirst();
    }

    private static InetAddress address(MemorySegment buffers, int i) {
        int length = buffers.get(ValueLayout.JAVA_INT, 16L * i);
        byte[] bytes = buffers.get(ValueLayout.ADDRESS, 16L * i + 8).reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the plugin returned an address of " + length + " bytes", e);
        }
    }
}
