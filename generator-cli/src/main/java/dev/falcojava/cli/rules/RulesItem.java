package dev.falcojava.cli.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A top-level item of a Falco rules file. */
public sealed interface RulesItem {

    /** Where the item starts. */
    Position position();

    /**
     * How an item changes an earlier one of the same name: {@code append: true}, or {@code override} with the keys it
     * appends to or replaces.
     */
    record Amendment(boolean append, Map<String, Located> override) {
        public Amendment {
            override = Map.copyOf(override);
        }

        public static final Amendment NONE = new Amendment(false, Map.of());

        public boolean amends() {
            return append || !override.isEmpty();
        }

        /** Whether {@code key} of this item is appended to the earlier one's (rather than replacing it). */
        public boolean appends(String key) {
            return append || override.containsKey(key) && override.get(key).value().equals("append");
        }
    }

    /**
     * A {@code - rule:} item.
     *
     * @param condition  absent for an item that only enables, disables or amends a rule
     * @param exceptions its {@code exceptions:} entries
     * @param flags      its {@code warn_evttypes} and {@code skip-if-unknown-filter}
     */
    record Rule(Located name, Optional<SourceText> condition, Optional<SourceText> output, Optional<Located> source,
                Optional<Located> priority, Optional<Boolean> enabled, Optional<Located> desc,
                List<RuleException> exceptions, Flags flags, Amendment amendment, Position position)
            implements RulesItem {
        public Rule {
            exceptions = List.copyOf(exceptions);
        }
    }

    /** A rule's {@code warn_evttypes} (default true) and {@code skip-if-unknown-filter} (default false). */
    record Flags(boolean warnEvttypes, boolean skipIfUnknownFilter) {
        public static final Flags DEFAULT = new Flags(true, false);
    }

    /** A {@code - macro:} item. */
    record Macro(Located name, Optional<SourceText> condition, Amendment amendment, Position position)
            implements RulesItem {
    }

    /** A {@code - list:} item. */
    record ListItem(Located name, List<Located> items, boolean hasItems, Amendment amendment, Position position)
            implements RulesItem {
        public ListItem {
            items = List.copyOf(items);
        }
    }

    /** One entry of {@code required_plugin_versions}, with its {@code alternatives}. */
    record PluginRequirement(Located name, Located version, List<PluginRequirement> alternatives, Position position)
            implements RulesItem {
        public PluginRequirement {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A {@code required_engine_version} item: not checked (the engine is Falco's). */
    record EngineRequirement(Located version, Position position) implements RulesItem {
    }

    /**
     * An entry of a rule's {@code exceptions}: Falco adds {@code and not (...)} to the condition for its values.
     *
     * @param fields one field (then each value is a list for {@code comps}' single operator) or several
     * @param comps  the operators, one per field; empty for the default ({@code =}, or {@code in} for one field)
     * @param values tuples of values, one per field (for one field: single values)
     */
    record RuleException(Located name, List<Located> fields, boolean singleField, List<Located> comps,
                         List<List<Located>> values, Position position) {
        public RuleException {
            fields = List.copyOf(fields);
            comps = List.copyOf(comps);
            values = values.stream().map(List::copyOf).toList();
        }
    }
}
