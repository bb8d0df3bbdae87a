package dev.falcojava.codegen.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the templates see of the event table: every name checked and turned into a Java name, every string that
 * reaches Java source checked to need no escaping.
 */
public final class EventModels {

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final String dataFile;
    private final String schemaVersion;
    private final String libsCommit;
    private final List<View> views = new ArrayList<>();
    private final List<FlagSet> flagSets = new ArrayList<>();
    private final List<Dynamic> dynamics = new ArrayList<>();

    /** One typed view: an event type of the table. */
    public record View(String className, int code, String id, String name, String typeName, String direction,
                       String interfaceName, boolean large, List<Accessor> params, String paramNames) {
    }

    /** One parameter's accessor. */
    public record Accessor(int index, String name, String type, String format, String accessor, String javaType,
                           String read, String field, String flagsClass, String render, boolean last) {
    }

    /** The sealed interface of one direction and the views it permits. */
    public record Direction(String interfaceName, String direction, String permits) {
    }

    /** The constants of one flag set. */
    public record FlagSet(String name, String className, List<Constant> constants) {
    }

    /** One flag constant. */
    public record Constant(String name, String value) {
    }

    /** The variant types of one dynamic parameter table, by index. */
    public record Dynamic(String name, String constant, String types) {
    }

    /** One event type for the registry. */
    public record Entry(int code, String typeName, String className, boolean large) {
    }

    EventModels(EventTable table, String dataFile) {
        this.dataFile = matching(dataFile, FILE_NAME, "data file name");
        this.schemaVersion = matching(table.schemaVersion(), VERSION, "schemaVersion");
        this.libsCommit = matching(table.source().commit(), COMMIT, "source.commit");
        table.flagSets().forEach((name, values) -> flagSets.add(flagSet(name, values)));
        table.dynamicParams().forEach((name, variants) -> dynamics.add(dynamic(name, variants)));
        Set<String> typeNames = new HashSet<>();
        Set<Integer> codes = new HashSet<>();
        for (EventTable.Event event : table.events()) {
            View view = view(event, table);
            if (!codes.add(event.code()) || !typeNames.add(view.typeName())) {
                throw new IllegalArgumentException("event " + event.id() + " (code " + event.code()
                        + "): its code or its name " + view.typeName() + " appears twice");
            }
            views.add(view);
        }
    }

    private static String matching(String value, Pattern pattern, String where) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(where + ": '" + value + "' does not match " + pattern);
        }
        return value;
    }

    private View view(EventTable.Event event, EventTable table) {
        String where = "event " + event.id() + " (code " + event.code() + ")";
        if (event.code() < 0 || event.code() > 0xffff) {
            throw new IllegalArgumentException(where + ": code out of the 16-bit range");
        }
        JavaNames.checked(event.id(), where);
        String suffix = switch (event.direction()) {
            case "enter" -> "E";
            case "exit" -> "X";
            default -> throw new IllegalArgumentException(where + ": direction '" + event.direction()
                    + "' is neither enter nor exit");
        };
        String className = JavaNames.type(event.name(), where) + suffix;
        String typeName = event.name() + "_" + suffix.toLowerCase();
        List<Accessor> accessors = new ArrayList<>();
        Set<String> members = new HashSet<>();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < event.params().size(); i++) {
            EventTable.Param param = event.params().get(i);
            String paramWhere = where + ", parameter " + i;
            ParamType type = ParamType.of(param.type(), paramWhere);
            String member = JavaNames.member(param.name(), paramWhere);
            if (!members.add(member)) {
                throw new IllegalArgumentException(paramWhere + ": accessor " + member + " appears twice");
            }
            String flagsClass = null;
            if (param.flags() != null) {
                if (!table.flagSets().containsKey(param.flags())) {
                    throw new IllegalArgumentException(paramWhere + ": no flag set " + param.flags());
                }
                flagsClass = JavaNames.type(param.flags(), paramWhere);
            }
            String read;
            String field = null;
            if (type == ParamType.DYN) {
                if (param.dynamic() == null || !table.dynamicParams().containsKey(param.dynamic())) {
                    throw new IllegalArgumentException(paramWhere + ": DYN without a known dynamic table");
                }
                field = "private final DynamicParam " + member + " = new DynamicParam(EventTypes."
                        + dynamicConstant(param.dynamic()) + ");";
                read = "dynamic(" + i + ", " + member + ")";
            } else if (type.flyweight()) {
                field = "private final " + type.javaType + " " + member + " = new " + type.javaType + "();";
                read = type.reader + "(" + i + ", " + member + ")";
            } else {
                read = "params." + type.reader + "(" + i + ")";
            }
            String value = member + "()";
            String render = switch (type.render) {
                case NUMBER, OBJECT -> value;
                case UNSIGNED -> "Long.toUnsignedString(" + value + ")";
                case HEX -> "ParamText.hex(" + value + ")";
            };
            accessors.add(new Accessor(i, JavaNames.checked(param.name(), paramWhere), type.name(),
                    JavaNames.checked(param.format(), paramWhere), member, type.javaType, read, field, flagsClass,
                    render, i == event.params().size() - 1));
            names.append(i == 0 ? "" : ", ").append('"').append(param.name()).append('"');
        }
        return new View(className, event.code(), event.id(), event.name(), typeName, event.direction(),
                suffix.equals("E") ? "EnterEvent" : "ExitEvent", event.large(), accessors, names.toString());
    }

    private static FlagSet flagSet(String name, List<EventTable.FlagValue> values) {
        String where = "flag set " + name;
        Map<String, Long> seen = new HashMap<>();
        List<Constant> constants = new ArrayList<>();
        for (EventTable.FlagValue value : values) {
            String constant = JavaNames.checked(value.name(), where);
            Long earlier = seen.putIfAbsent(constant, value.value());
            if (earlier != null && earlier != value.value()) {
                throw new IllegalArgumentException(where + ": " + constant + " has two values, " + earlier
                        + " and " + value.value());
            }
            if (earlier != null) {
                continue;
            }
            if (value.value() < 0 || value.value() > 0xffffffffL) {
                throw new IllegalArgumentException(where + ": " + constant + " is out of the 32-bit range");
            }
            constants.add(new Constant(constant, "0x" + Long.toHexString(value.value())));
        }
        return new FlagSet(name, JavaNames.type(name, where), constants);
    }

    private static String dynamicConstant(String name) {
        return JavaNames.checked(name, "dynamic table").toUpperCase();
    }

    private static Dynamic dynamic(String name, List<EventTable.Param> variants) {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < variants.size(); i++) {
            String type = ParamType.of(variants.get(i).type(), "dynamic table " + name + ", variant " + i).name();
            types.append(i == 0 ? "" : ", ").append('"').append(type).append('"');
        }
        return new Dynamic(name, dynamicConstant(name), types.toString());
    }

    public String dataFile() {
        return dataFile;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public String libsCommit() {
        return libsCommit;
    }

    public List<View> views() {
        return views;
    }

    public int count() {
        return views.size();
    }

    public int maxCode() {
        return views.stream().mapToInt(View::code).max().orElse(0);
    }

    public List<FlagSet> flagSets() {
        return flagSets;
    }

    public List<Dynamic> dynamics() {
        return dynamics;
    }

    public List<Direction> directions() {
        return List.of(direction("EnterEvent", "enter"), direction("ExitEvent", "exit"));
    }

    private Direction direction(String interfaceName, String direction) {
        return new Direction(interfaceName, direction, String.join(", ", views.stream()
                .filter(v -> v.interfaceName().equals(interfaceName)).map(View::className).toList()));
    }

    public List<Entry> entries() {
        return views.stream().map(v -> new Entry(v.code(), v.typeName(), v.className(), v.large())).toList();
    }
}
