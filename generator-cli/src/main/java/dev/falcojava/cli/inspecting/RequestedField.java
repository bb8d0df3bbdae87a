package dev.falcojava.cli.inspecting;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.FIELD_ARG_INDEX;
import static dev.falcojava.sdk.abi.Layouts.FIELD_ARG_KEY;
import static dev.falcojava.sdk.abi.Layouts.FIELD_ARG_PRESENT;
import static dev.falcojava.sdk.abi.Layouts.FIELD_ID;
import static dev.falcojava.sdk.abi.Layouts.FIELD_LIST;
import static dev.falcojava.sdk.abi.Layouts.FIELD_NAME;
import static dev.falcojava.sdk.abi.Layouts.FIELD_TYPE;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A field as a rule names it, {@code name} or {@code name[arg]}, resolved against the plugin's fields.
 *
 * @param label    what the user wrote
 * @param id       the field's index in {@code plugin_get_fields}
 * @param type     its type name
 * @param list     whether it is a list field
 * @param argument the argument, or {@code null}
 * @param index    whether the argument is an index
 */
public record RequestedField(String label, int id, String type, boolean list, String argument, boolean index) {

    private static final List<String> TYPES = List.of("uint64", "string", "reltime", "abstime", "bool", "ipaddr", "ipnet");
    private static final int[] CODES = {8, 9, 20, 21, 25, 40, 41};

    /** @throws IllegalArgumentException naming the field when it is unknown or its argument is wrong */
    public static RequestedField resolve(String label, List<FieldRow> fields) {
        int bracket = label.indexOf('[');
        String name = bracket < 0 ? label : label.substring(0, bracket);
        String argument = null;
        if (bracket >= 0) {
            if (!label.endsWith("]")) {
                throw new IllegalArgumentException("field " + label + ": the argument is not closed with ']'");
            }
            argument = label.substring(bracket + 1, label.length() - 1);
        }
        for (int id = 0; id < fields.size(); id++) {
            FieldRow field = fields.get(id);
            if (!field.name().equals(name)) {
                continue;
            }
            boolean index = field.argument().startsWith("index");
            if (argument == null && field.argumentRequired()) {
                throw new IllegalArgumentException("field " + name + " requires an argument, as in " + name + (index ? "[0]" : "[key]"));
            }
            if (argument != null && field.argument().equals("none")) {
                throw new IllegalArgumentException("field " + name + " takes no argument");
            }
            if (argument != null && index && !argument.matches("0|[1-9][0-9]*")) {
                throw new IllegalArgumentException("field " + name + " takes a number as argument, not '" + argument + "'");
            }
            return new RequestedField(label, id, field.type(), field.list(), argument, index);
        }
        throw new IllegalArgumentException("the plugin has no field " + name);
    }

    void writeRequest(MemorySegment request, Arena arena) {
        request.set(JAVA_INT, FIELD_ID, id);
        int bracket = label.indexOf('[');
        request.set(ADDRESS, FIELD_NAME, arena.allocateFrom(bracket < 0 ? label : label.substring(0, bracket)));
        if (argument != null) {
            request.set(JAVA_INT, FIELD_ARG_PRESENT, 1);
            if (index) {
                request.set(JAVA_LONG, FIELD_ARG_INDEX, Long.parseUnsignedLong(argument));
            } else {
                request.set(ADDRESS, FIELD_ARG_KEY, arena.allocateFrom(argument));
            }
        }
        request.set(JAVA_INT, FIELD_TYPE, CODES[TYPES.indexOf(type)]);
        request.set(JAVA_INT, FIELD_LIST, list ? 1 : 0);
    }
}
