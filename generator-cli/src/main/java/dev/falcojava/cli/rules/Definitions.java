package dev.falcojava.cli.rules;

import dev.falcojava.cli.rules.RulesItem.Amendment;
import dev.falcojava.cli.rules.RulesItem.RuleException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lists, macros and rules of rules files loaded in order, as Falco sees them once every {@code append} and
 * {@code override} is applied to the item of the same name before it.
 */
final class Definitions {

    /** A list and every item appended to it. */
    static final class ListDef {
        final Located name;
        final List<Located> items = new ArrayList<>();
        boolean used;

        ListDef(Located name) {
            this.name = name;
        }
    }

    /** A macro with its condition (appended fragments joined as Falco joins them). */
    static final class MacroDef {
        final Located name;
        SourceText condition;
        boolean used;

        MacroDef(Located name, SourceText condition) {
            this.name = name;
            this.condition = condition;
        }
    }

    /** A rule with what its amendments made of it. */
    static final class RuleDef {
        final Located name;
        SourceText condition;
        Optional<SourceText> output;
        Optional<Located> source;
        Optional<Located> priority;
        boolean enabled = true;
        RulesItem.Flags flags;
        final List<RuleException> exceptions = new ArrayList<>();

        RuleDef(RulesItem.Rule rule) {
            this.name = rule.name();
            this.condition = rule.condition().orElseThrow();
            this.output = rule.output();
            this.source = rule.source();
            this.priority = rule.priority();
            this.flags = rule.flags();
            rule.enabled().ifPresent(e -> enabled = e);
            exceptions.addAll(rule.exceptions());
        }
    }

    final Map<String, ListDef> lists = new LinkedHashMap<>();
    final Map<String, MacroDef> macros = new LinkedHashMap<>();
    final Map<String, RuleDef> rules = new LinkedHashMap<>();
    final List<RulesItem.PluginRequirement> requirements = new ArrayList<>();

    static Definitions of(List<RulesItem> items, Consumer<Finding> findings) {
        Definitions definitions = new Definitions();
        for (RulesItem item : items) {
            switch (item) {
                case RulesItem.ListItem list -> definitions.list(list, findings);
                case RulesItem.Macro macro -> definitions.macro(macro, findings);
                case RulesItem.Rule rule -> definitions.rule(rule, findings);
                case RulesItem.PluginRequirement requirement -> definitions.requirements.add(requirement);
                case RulesItem.EngineRequirement engine -> {
                }
            }
        }
        return definitions;
    }

    private void list(RulesItem.ListItem item, Consumer<Finding> findings) {
        String name = item.name().value();
        ListDef existing = lists.get(name);
        if (item.amendment().amends()) {
            if (existing == null) {
                findings.accept(noEarlier("list", item.name()));
                return;
            }
            if (item.amendment().appends("items")) {
                existing.items.addAll(item.items());
            } else {
                existing.items.clear();
                existing.items.addAll(item.items());
            }
            return;
        }
        if (!item.hasItems()) {
            findings.accept(error(item.name(), "list " + name + " has no items: add 'items: [a, b]' (Falco: "
                    + "LOAD_ERR_YAML_VALIDATE)"));
        }
        ListDef list = new ListDef(item.name());
        list.items.addAll(item.items());
        lists.put(name, list);
    }

    private void macro(RulesItem.Macro item, Consumer<Finding> findings) {
        String name = item.name().value();
        if (item.condition().isEmpty()) {
            findings.accept(error(item.name(), "macro " + name + " has no condition: add 'condition: ...'"));
            return;
        }
        MacroDef existing = macros.get(name);
        if (item.amendment().amends()) {
            if (existing == null) {
                findings.accept(noEarlier("macro", item.name()));
                return;
            }
            existing.condition = item.amendment().appends("condition")
                    ? existing.condition.append(" ", item.condition().get()) : item.condition().get();
            return;
        }
        macros.put(name, new MacroDef(item.name(), item.condition().get()));
    }

    private void rule(RulesItem.Rule item, Consumer<Finding> findings) {
        String name = item.name().value();
        RuleDef existing = rules.get(name);
        Amendment amendment = item.amendment();
        if (amendment.amends()) {
            if (existing == null) {
                findings.accept(noEarlier("rule", item.name()));
                return;
            }
            amend(existing, item, amendment);
            return;
        }
        boolean onlyEnables = item.enabled().isPresent() && item.condition().isEmpty() && item.output().isEmpty()
                && item.desc().isEmpty() && item.priority().isEmpty();
        if (onlyEnables) {
            if (existing == null) {
                findings.accept(error(item.name(), "rule '" + name + "' only sets enabled, but no earlier rule has "
                        + "that name; check the name, or load the file that defines it first"));
            } else {
                existing.enabled = item.enabled().get();
            }
            return;
        }
        List<String> missing = new ArrayList<>();
        if (item.condition().isEmpty()) {
            missing.add("condition");
        }
        if (item.output().isEmpty()) {
            missing.add("output");
        }
        if (item.desc().isEmpty()) {
            missing.add("desc");
        }
        if (item.priority().isEmpty()) {
            missing.add("priority");
        }
        if (!missing.isEmpty()) {
            findings.accept(error(item.name(), "rule '" + name + "' has no " + String.join(", ", missing)
                    + ": a new rule needs condition, output, desc and priority (Falco: LOAD_ERR_YAML_VALIDATE)"));
        }
        if (item.condition().isEmpty()) {
            return;
        }
        rules.put(name, new RuleDef(item));
    }

    private static void amend(RuleDef rule, RulesItem.Rule item, Amendment amendment) {
        if (item.condition().isPresent()) {
            rule.condition = amendment.appends("condition") ? rule.condition.append(" ", item.condition().get())
                    : item.condition().get();
        }
        if (item.output().isPresent() && (amendment.override().containsKey("output") || !amendment.append())) {
            rule.output = amendment.appends("output") && rule.output.isPresent()
                    ? Optional.of(rule.output.get().append(" ", item.output().get())) : item.output();
        }
        if (amendment.override().containsKey("priority")) {
            rule.priority = item.priority();
        }
        if (amendment.override().containsKey("source")) {
            rule.source = item.source();
        }
        if (amendment.override().containsKey("enabled") || item.enabled().isPresent() && amendment.append()) {
            item.enabled().ifPresent(e -> rule.enabled = e);
        }
        if (amendment.override().containsKey("warn_evttypes") || amendment.override()
                .containsKey("skip-if-unknown-filter")) {
            rule.flags = item.flags();
        }
        if (!item.exceptions().isEmpty()) {
            if (!amendment.appends("exceptions")) {
                rule.exceptions.clear();
            }
            rule.exceptions.addAll(item.exceptions());
        }
    }

    private static Finding noEarlier(String kind, Located name) {
        return error(name, kind + " '" + name.value() + "' appends to or overrides an earlier " + kind
                + " of that name, but there is none (Falco: LOAD_ERR_VALIDATE); check the name, load the file that "
                + "defines it first, or remove append/override to define it here");
    }

    private static Finding error(Located at, String message) {
        return new Finding(Severity.ERROR, at.position(), message);
    }
}
