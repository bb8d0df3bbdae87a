package dev.falcojava.cli.rules.fields;

import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.FieldArg;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.PluginDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a rule may use, per event source: the plugin's own (from plugin.yaml), Falco's {@code evt.*} fields of
 * plugin events on a plugin source, and Falco's syscall fields on the syscall source. Fields of other plugins are not
 * known here and are left unchecked.
 */
public final class FieldCatalog {

    /** The event source of Falco's system call events; a rule without {@code source} is on it. */
    public static final String SYSCALL = "syscall";

    /** The fields Falco itself has for the events of a plugin source ({@code falco --list=<source>}). */
    public static final List<String> PLUGIN_EVENT_FIELDS = List.of("evt.num", "evt.time", "evt.time.s",
            "evt.time.iso8601", "evt.datetime", "evt.datetime.s", "evt.rawtime", "evt.rawtime.s", "evt.rawtime.ns",
            "evt.reltime", "evt.reltime.s", "evt.reltime.ns", "evt.pluginname", "evt.plugininfo", "evt.source",
            "evt.is_async", "evt.asynctype", "evt.hostname");

    private final PluginDescriptor plugin;
    private final FalcoFacts facts;
    private final Map<String, FieldInfo> pluginFields = new LinkedHashMap<>();
    private final Set<String> prefixes = new LinkedHashSet<>();

    public FieldCatalog(PluginDescriptor plugin, FalcoFacts facts) {
        this.plugin = plugin;
        this.facts = facts;
        prefixes.add(plugin.name());
        for (FieldSpec spec : plugin.extract().map(Capability.Extract::fields).orElse(List.of())) {
            pluginFields.put(spec.name(), info(spec));
            int dot = spec.name().indexOf('.');
            if (dot > 0) {
                prefixes.add(spec.name().substring(0, dot));
            }
        }
    }

    private static FieldInfo info(FieldSpec spec) {
        ValueKind kind = switch (spec.type()) {
            case UINT64, RELTIME, ABSTIME -> ValueKind.NUMBER;
            case STRING -> ValueKind.STRING;
            case BOOL -> ValueKind.BOOL;
            case IPADDR -> ValueKind.IPADDR;
            case IPNET -> ValueKind.IPNET;
        };
        ArgRule arg = spec.arg() == FieldArg.NONE ? ArgRule.NONE
                : new ArgRule(true, spec.argRequired(), spec.arg() == FieldArg.INDEX);
        return new FieldInfo(spec.name(), kind, spec.type().yamlName(), spec.list(), arg, true);
    }

    public PluginDescriptor plugin() {
        return plugin;
    }

    public FalcoFacts facts() {
        return facts;
    }

    /** The first part of the plugin's field names (and its name): a field starting with one must be the plugin's. */
    public Set<String> prefixes() {
        return prefixes;
    }

    /** The prefix of the plugin's fields (its name when it has none), for examples in messages. */
    public String fieldPrefix() {
        return pluginFields.keySet().stream().findFirst().map(n -> n.substring(0, n.indexOf('.'))).orElse(plugin.name());
    }

    public Map<String, FieldInfo> pluginFields() {
        return pluginFields;
    }

    /** Whether {@code name} starts with one of the plugin's prefixes. */
    public boolean isPluginField(String name) {
        int dot = name.indexOf('.');
        return dot > 0 && prefixes.contains(name.substring(0, dot));
    }

    /** The sources the plugin's fields are extracted on; empty when on every source. */
    public Optional<List<String>> extractSources() {
        return plugin.extract().map(e -> !e.eventSources().isEmpty() ? e.eventSources()
                : plugin.source().map(s -> List.of(s.eventSource())).orElse(List.of()));
    }

    /** The sources a rule of this plugin may be on; empty when on every source. */
    public List<String> ruleSources() {
        return RuleSources.of(plugin);
    }

    /** What {@code name} is on {@code source}. */
    public FieldLookup lookup(String source, String name) {
        if (isPluginField(name)) {
            return pluginLookup(source, name);
        }
        if (source.equals(SYSCALL)) {
            Optional<FieldInfo> known = facts.syscallField(name);
            if (known.isPresent()) {
                return new FieldLookup.Known(known.get());
            }
            return new FieldLookup.NotChecked(name + " is not a field of Falco's syscall source as this check knows "
                    + "it (a Falco build without container and k8s metadata); it may come from another plugin or "
                    + "build, so it is not checked" + suggestion(name, facts.syscallFields().keySet(), " (did you mean ", "?)"));
        }
        if (PLUGIN_EVENT_FIELDS.contains(name)) {
            FieldInfo builtin = facts.syscallField(name).orElseThrow();
            return new FieldLookup.Known(new FieldInfo(builtin.name(), builtin.kind(), builtin.typeName(),
                    builtin.list(), builtin.arg(), true));
        }
        if (name.startsWith("evt.")) {
            String alternative = name.equals("evt.type") ? "; events of a plugin source all have one type: drop the "
                    + "evt.type check, or tell async events apart with evt.asynctype" : "";
            return new FieldLookup.Unknown(name + " does not exist on the " + source + " source (Falco fails with "
                    + "LOAD_ERR_COMPILE_CONDITION)" + alternative + "; Falco's fields of plugin events are "
                    + String.join(", ", PLUGIN_EVENT_FIELDS));
        }
        return new FieldLookup.NotChecked(name + " is not a field of plugin " + plugin.name() + " nor of Falco's plugin "
                + "events; it may come from another plugin on the " + source + " source, so it is not checked");
    }

    private FieldLookup pluginLookup(String source, String name) {
        FieldInfo field = pluginFields.get(name);
        if (field == null) {
            String known = pluginFields.isEmpty() ? "plugin " + plugin.name() + " has no fields yet (add one with "
                    + "falco-plugin add-field)" : "the fields of plugin " + plugin.name() + " are "
                    + String.join(", ", pluginFields.keySet());
            return new FieldLookup.Unknown("plugin " + plugin.name() + " has no field " + name
                    + suggestion(name, pluginFields.keySet(), "; did you mean ", "?") + " (" + known
                    + "; or declare it: falco-plugin add-field " + name + " --type TYPE)");
        }
        Optional<List<String>> sources = extractSources();
        if (sources.isPresent() && !sources.get().isEmpty() && !sources.get().contains(source)) {
            return new FieldLookup.Unknown(name + " is extracted on " + String.join(", ", sources.get())
                    + " events, not on the " + source + " source of this rule; set the rule's source to "
                    + sources.get().getFirst() + ", or add " + source + " to extract.event-sources in plugin.yaml");
        }
        return new FieldLookup.Known(field);
    }

    /** The closest name of {@code candidates}, when one is close. */
    static String suggestion(String name, Set<String> candidates, String before, String after) {
        List<String> close = new ArrayList<>();
        for (String candidate : candidates) {
            int distance = distance(name, candidate);
            if (distance <= Math.max(2, name.length() / 4)) {
                close.add(candidate);
            }
        }
        return close.stream().min(Comparator.comparingInt(c -> distance(name, c)))
                .map(c -> before + c + after).orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
