package dev.falcojava.cli.rules;

import dev.falcojava.cli.rules.Definitions.ListDef;
import dev.falcojava.cli.rules.Definitions.MacroDef;
import dev.falcojava.cli.rules.Definitions.RuleDef;
import dev.falcojava.cli.rules.RulesItem.RuleException;
import dev.falcojava.cli.rules.fields.FieldCatalog;
import dev.falcojava.cli.rules.fields.FieldInfo;
import dev.falcojava.cli.rules.fields.FieldLookup;
import dev.falcojava.cli.rules.fields.ValueKind;
import dev.falcojava.cli.rules.filter.Expr;
import dev.falcojava.cli.rules.filter.Expr.Check;
import dev.falcojava.cli.rules.filter.Expr.FieldRef;
import dev.falcojava.cli.rules.filter.Expr.Operand;
import dev.falcojava.cli.rules.filter.FilterParser;
import dev.falcojava.cli.rules.filter.FilterSyntaxException;
import dev.falcojava.cli.rules.filter.Operator;
import dev.falcojava.cli.rules.filter.OutputParser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the items of rules files, loaded in order, against a plugin the way Falco compiles them: macros and lists
 * expanded where they are used, every field looked up on the rule's source, its argument, operator and values
 * checked against its type, outputs resolved; and warns where Falco warns.
 */
public final class RulesChecker {

    private static final Set<String> PRIORITIES = Set.of("emergency", "alert", "critical", "error", "warning",
            "notice", "informational", "info", "debug");
    private static final Pattern UNSIGNED = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]+");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Pattern VERSION = Pattern.compile("([0-9]+)\\.([0-9]+)\\.([0-9]+)");

    private final FieldCatalog catalog;
    private final Set<Finding> findings = new LinkedHashSet<>();
    private Definitions definitions;
    private final Map<String, Optional<Expr>> parsedMacros = new HashMap<>();

    public RulesChecker(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every finding, in the order found, for the items of the files loaded in order. */
    public List<Finding> check(List<RulesItem> items) {
        definitions = Definitions.of(items, findings::add);
        for (ListDef list : definitions.lists.values()) {
            for (Located item : list.items) {
                ListDef referenced = definitions.lists.get(item.value());
                if (referenced != null && referenced != list) {
                    referenced.used = true;
                }
            }
        }
        for (RuleDef rule : definitions.rules.values()) {
            rule(rule);
        }
        for (MacroDef macro : definitions.macros.values()) {
            parsedMacro(macro).ifPresent(expr -> walk(expr, new Context(null, macro.condition, null,
                    new ArrayDeque<>(List.of(macro.name.value())), false)));
        }
        for (RulesItem.PluginRequirement requirement : definitions.requirements) {
            requirement(requirement);
        }
        for (MacroDef macro : definitions.macros.values()) {
            if (!macro.used) {
                warning(macro.name.position(), "macro " + macro.name.value() + " is not used by any rule or macro "
                        + "(Falco: LOAD_UNUSED_MACRO); use it in a condition or remove it");
            }
        }
        for (ListDef list : definitions.lists.values()) {
            if (!list.used) {
                warning(list.name.position(), "list " + list.name.value() + " is not used by any rule, macro or "
                        + "list (Falco: LOAD_UNUSED_LIST); use it, as in FIELD in (" + list.name.value()
                        + "), or remove it");
            }
        }
        return List.copyOf(findings);
    }

    /**
     * Where a walk is: the rule's source (null for a macro checked on its own, where only the plugin's fields are
     * looked up), the text offsets refer to, the rule, and the macros being expanded.
     */
    private record Context(String source, SourceText text, RuleDef rule, Deque<String> macros, boolean lenient) {
        Context in(SourceText other, String macro) {
            Deque<String> deeper = new ArrayDeque<>(macros);
            deeper.push(macro);
            return new Context(source, other, rule, deeper, lenient);
        }

        Position at(int offset) {
            return text.positionAt(offset);
        }
    }

    private void rule(RuleDef rule) {
        String source = source(rule);
        Context context = new Context(source, rule.condition, rule, new ArrayDeque<>(), rule.flags.skipIfUnknownFilter());
        Optional<Expr> condition = parse(rule.condition);
        EventTypes types = condition.map(expr -> walk(expr, context)).orElse(EventTypes.ALL);
        rule.output.ifPresent(output -> output(output, context));
        for (RuleException exception : rule.exceptions) {
            exception(exception, context);
        }
        rule.priority.ifPresent(this::priority);
        if (condition.isPresent() && source.equals(FieldCatalog.SYSCALL) && rule.flags.warnEvttypes()) {
            int codes = types.names().stream().mapToInt(catalog.facts()::eventCodes).sum();
            if (types.complement() || codes > 100 || types.names().isEmpty()) {
                warning(rule.name.position(), "rule '" + rule.name.value() + "' is not restricted to a few event "
                        + "types, so Falco evaluates it on every system call event (Falco: LOAD_NO_EVTTYPE); start "
                        + "its condition with evt.type in (...), or set warn_evttypes: false");
            }
        }
    }

    /** The rule's source after reporting one the plugin does not serve; its fields are then looked up on a good one. */
    private String source(RuleDef rule) {
        String source = rule.source.map(Located::value).orElse(FieldCatalog.SYSCALL);
        List<String> sources = catalog.ruleSources();
        if (sources.isEmpty() || sources.contains(source)) {
            return source;
        }
        String serves = "plugin " + catalog.plugin().name() + " works on " + String.join(", ", sources) + " events";
        if (rule.source.isPresent()) {
            error(rule.source.get().position(), "source " + source + " is not a source of this plugin: " + serves
                    + "; write source: " + sources.getFirst());
        } else {
            error(rule.name.position(), "rule '" + rule.name.value() + "' has no source, so Falco applies it to "
                    + "syscall events, but " + serves + "; add source: " + sources.getFirst());
        }
        return sources.getFirst();
    }

    private Optional<Expr> parse(SourceText text) {
        try {
            return Optional.of(FilterParser.parse(text.text()));
        } catch (FilterSyntaxException e) {
            Position at = text.positionAt(e.offset());
            if (e.misplacedName().isPresent()) {
                String name = e.misplacedName().get();
                error(at, misplaced(name) + " (Falco: LOAD_ERR_COMPILE_CONDITION)");
            } else {
                error(at, "the condition does not parse: " + e.getMessage() + " (Falco: LOAD_ERR_COMPILE_CONDITION)");
            }
            return Optional.empty();
        }
    }

    private String misplaced(String name) {
        if (definitions.lists.containsKey(name)) {
            definitions.lists.get(name).used = true;
            return name + " is a list, not a field: a list goes after in, intersects or pmatch, as in FIELD in ("
                    + name + ")";
        }
        if (definitions.macros.containsKey(name)) {
            return name + " is a macro, not a field: use it as a condition of its own, as in " + name + " and ...";
        }
        return name + " is not a field: field names have a dot, as in " + catalog.fieldPrefix()
                + ".NAME or proc.name";
    }

    private Optional<Expr> parsedMacro(MacroDef macro) {
        return parsedMacros.computeIfAbsent(macro.name.value(), name -> parse(macro.condition));
    }

    private EventTypes walk(Expr expr, Context context) {
        return switch (expr) {
            case Expr.And and -> and.operands().stream().map(e -> walk(e, context)).reduce(EventTypes::and).orElseThrow();
            case Expr.Or or -> or.operands().stream().map(e -> walk(e, context)).reduce(EventTypes::or).orElseThrow();
            case Expr.Not not -> walk(not.operand(), context).not();
            case Expr.MacroRef ref -> macro(ref, context);
            case Check check -> check(check, context);
        };
    }

    private EventTypes macro(Expr.MacroRef ref, Context context) {
        MacroDef macro = definitions.macros.get(ref.name());
        Position at = context.at(ref.offset());
        if (macro == null) {
            if (definitions.lists.containsKey(ref.name())) {
                definitions.lists.get(ref.name()).used = true;
                error(at, ref.name() + " is a list, not a macro: compare a field with it, as in FIELD in ("
                        + ref.name() + ") (Falco: LOAD_ERR_COMPILE_CONDITION)");
            } else {
                error(at, "no macro " + ref.name() + " is defined (Falco: LOAD_ERR_COMPILE_CONDITION, undefined macro); "
                        + "define it with '- macro: " + ref.name() + "', or pass the rules file that defines it (such "
                        + "as falco_rules.yaml) to check-rules before this one");
            }
            return EventTypes.ALL;
        }
        if (context.macros().contains(ref.name())) {
            error(at, "macro " + ref.name() + " uses itself (through " + String.join(" <- ", context.macros())
                    + "); Falco cannot expand it");
            return EventTypes.ALL;
        }
        macro.used = true;
        return parsedMacro(macro).map(expr -> walk(expr, context.in(macro.condition, ref.name())))
                .orElse(EventTypes.ALL);
    }

    private EventTypes check(Check check, Context context) {
        Optional<FieldInfo> field = operand(check.left(), context);
        Position operatorAt = context.at(check.operatorOffset());
        Operator operator = check.operator();
        boolean fits = true;
        if (field.isPresent()) {
            FieldInfo f = field.get();
            boolean list = f.list() && !(check.left() instanceof Expr.Transformed);
            Set<Operator> allowed = list ? ValueKind.LIST_OPERATORS : f.kind().operators();
            if (!allowed.contains(operator)) {
                fits = false;
                String what = list ? "a list field (" + f.typeName() + " values)" : "a " + f.typeName() + " field";
                error(operatorAt, "'" + operator.text() + "' does not fit " + f.name() + ", " + what
                        + " (Falco: LOAD_ERR_COMPILE_CONDITION); use one of " + allowed.stream()
                        .map(Operator::text).collect(Collectors.joining(", ")));
            }
        }
        List<Expr.Scalar> values = new ArrayList<>();
        check.value().ifPresent(value -> values.addAll(values(value, context)));
        if (fits && field.isPresent() && field.get().checkValues() && !(check.left() instanceof Expr.Transformed)) {
            for (Expr.Scalar value : values) {
                value(field.get(), value.text(), context.at(value.offset()));
            }
        }
        if (check.left() instanceof FieldRef ref && ref.name().equals("evt.type")
                && FieldCatalog.SYSCALL.equals(context.source())) {
            for (Expr.Scalar value : values) {
                if (catalog.facts().eventCodes(value.text()) == 0) {
                    warning(context.at(value.offset()), "Falco has no event type '" + value.text()
                            + "' (Falco: LOAD_UNKNOWN_FILTER); see falco --list-events for the names");
                }
            }
            Set<String> names = values.stream().map(Expr.Scalar::text).collect(Collectors.toSet());
            return switch (operator) {
                case EQ, EQEQ, IN -> EventTypes.only(names);
                case NE -> new EventTypes(true, names);
                default -> EventTypes.ALL;
            };
        }
        return EventTypes.ALL;
    }

    /** The scalars a value stands for, with lists expanded as Falco expands them. */
    private List<Expr.Scalar> values(Expr.Value value, Context context) {
        List<Expr.Scalar> scalars = new ArrayList<>();
        switch (value) {
            case Expr.Scalar scalar -> scalars.add(scalar);
            case Expr.ListValue list -> {
                for (Expr.Scalar item : list.items()) {
                    ListDef named = item.quoted() ? null : definitions.lists.get(item.text());
                    if (named == null) {
                        scalars.add(item);
                    } else {
                        named.used = true;
                        expand(named, item.offset(), scalars, new LinkedHashSet<>());
                    }
                }
            }
            case Expr.ListRef ref -> {
                ListDef named = definitions.lists.get(ref.name());
                if (named == null) {
                    error(context.at(ref.offset()), "no list " + ref.name() + " is defined (Falco: "
                            + "LOAD_ERR_COMPILE_CONDITION); define it with '- list: " + ref.name()
                            + "' and items, or write the values in parentheses: (a, b)");
                } else {
                    named.used = true;
                    expand(named, ref.offset(), scalars, new LinkedHashSet<>());
                }
            }
            case Expr.OperandValue operand -> operand(operand.operand(), context);
        }
        return scalars;
    }

    /** A list's items, with items naming lists replaced by theirs; each is reported where the list is used. */
    private void expand(ListDef list, int offset, List<Expr.Scalar> into, Set<String> seen) {
        if (!seen.add(list.name.value())) {
            return;
        }
        for (Located item : list.items) {
            ListDef nested = definitions.lists.get(item.value());
            if (nested != null && nested != list) {
                expand(nested, offset, into, seen);
            } else {
                into.add(new Expr.Scalar(item.value(), true, offset));
            }
        }
    }

    /** Looks up the operand's field and checks its argument; its type when known. */
    private Optional<FieldInfo> operand(Operand operand, Context context) {
        return switch (operand) {
            case FieldRef ref -> field(ref, context);
            case Expr.Transformed transformed -> {
                Optional<FieldInfo> inner = operand(transformed.operand(), context);
                if (inner.isEmpty()) {
                    yield Optional.empty();
                }
                FieldInfo f = inner.get();
                boolean len = transformed.transformer().equals("len");
                boolean fits = f.kind() == ValueKind.STRING || f.kind() == ValueKind.BUFFER
                        || f.kind() == ValueKind.DYNAMIC || len && f.list();
                if (!fits) {
                    error(context.at(transformed.offset()), transformed.transformer() + "() takes a string field"
                            + (len ? " or a list field" : "") + ", and " + f.name() + " is a " + f.typeName()
                            + " field");
                    yield Optional.empty();
                }
                yield Optional.of(len ? new FieldInfo("len(" + f.name() + ")", ValueKind.NUMBER, "uint64", false,
                        f.arg(), f.checkValues()) : new FieldInfo(transformed.transformer() + "(" + f.name() + ")",
                        f.kind(), f.typeName(), f.list(), f.arg(), false));
            }
        };
    }

    private Optional<FieldInfo> field(FieldRef ref, Context context) {
        Position at = context.at(ref.offset());
        if (context.source() == null && !catalog.isPluginField(ref.name())) {
            return Optional.empty();
        }
        String source = context.source() != null ? context.source()
                : catalog.extractSources().filter(s -> !s.isEmpty()).map(List::getFirst).orElse(FieldCatalog.SYSCALL);
        FieldLookup lookup = catalog.lookup(source, ref.name());
        String where = context.macros().isEmpty() ? "" : "in macro " + context.macros().peek() + ": ";
        switch (lookup) {
            case FieldLookup.Unknown unknown -> {
                if (context.lenient()) {
                    warning(at, where + unknown.message() + "; with skip-if-unknown-filter Falco skips the rule");
                } else {
                    error(at, where + unknown.message());
                }
                return Optional.empty();
            }
            case FieldLookup.NotChecked notChecked -> {
                findings.add(new Finding(Severity.NOTE, at, notChecked.message()));
                return Optional.empty();
            }
            case FieldLookup.Known known -> {
                argument(known.field(), ref, context);
                return Optional.of(known.field());
            }
        }
    }

    private void argument(FieldInfo field, FieldRef ref, Context context) {
        boolean inName = !field.name().equals(ref.name());
        boolean given = ref.arg().isPresent() || inName;
        Position at = context.at(ref.offset());
        if (!field.arg().accepted() && given) {
            error(context.at(ref.argOffset()), field.name() + " takes no argument: write " + field.name()
                    + " without [" + ref.arg().orElse("") + "]");
        } else if (field.arg().required() && !given) {
            error(at, field.name() + " needs an argument: write " + field.name() + "["
                    + (field.arg().index() ? "0" : "KEY") + "]");
        } else if (field.arg().index() && ref.arg().isPresent() && !ref.arg().get().matches("[0-9]+")) {
            error(context.at(ref.argOffset()), field.name() + " takes an index, a number such as " + field.name()
                    + "[0], not '" + ref.arg().get() + "'");
        }
    }

    /** Checks one value compared with a field whose value parsing is known. */
    private void value(FieldInfo field, String value, Position at) {
        String problem = switch (field.kind()) {
            case NUMBER -> UNSIGNED.matcher(value).matches() ? null : "a number";
            case BOOL -> value.equals("true") || value.equals("false") ? null : "true or false";
            case IPADDR -> ip(value) ? null : "an IP address, such as 10.0.0.1 or 2001:db8::1";
            case IPNET -> net(value) ? null : "an IP network, such as 10.0.0.0/8";
            default -> null;
        };
        if (problem != null) {
            error(at, field.name() + " is a " + field.typeName() + " field: compare it with " + problem + ", not '"
                    + value + "' (Falco: LOAD_ERR_COMPILE_CONDITION)");
        }
    }

    private static boolean ip(String value) {
        return IPV4.matcher(value).matches() || IPV6.matcher(value).matches() && value.contains(":");
    }

    private static boolean net(String value) {
        int slash = value.indexOf('/');
        return slash > 0 && ip(value.substring(0, slash)) && value.substring(slash + 1).matches("[0-9]{1,3}");
    }

    private void output(SourceText output, Context context) {
        Context outputContext = new Context(context.source(), output, context.rule(), context.macros(), context.lenient());
        for (OutputParser.Token token : OutputParser.parse(output.text())) {
            Position at = output.positionAt(token.offset());
            switch (token) {
                case OutputParser.FieldToken field -> operand(field.operand(), outputContext);
                case OutputParser.NameToken name -> {
                    String what = definitions.lists.containsKey(name.name()) ? name.name() + " is a list"
                            : definitions.macros.containsKey(name.name()) ? name.name() + " is a macro"
                            : name.name() + " has no dot";
                    error(at, "%" + name.name() + " is not a field: " + what + "; an output prints fields, as in %"
                            + catalog.fieldPrefix() + ".NAME (Falco: LOAD_ERR_COMPILE_OUTPUT)");
                }
                case OutputParser.BadToken bad -> error(at, "the output does not parse: " + bad.message()
                        + " (Falco: LOAD_ERR_COMPILE_OUTPUT)");
            }
        }
    }

    private void exception(RuleException exception, Context context) {
        Position at = exception.name().position();
        String name = "exception " + exception.name().value();
        if (exception.fields().isEmpty()) {
            if (!exception.values().isEmpty()) {
                error(at, name + " has values but no fields: add 'fields: [FIELD, ...]'");
            }
            return;
        }
        List<Optional<FieldInfo>> fields = new ArrayList<>();
        for (Located field : exception.fields()) {
            try {
                Operand operand = FilterParser.parseOperand(field.value());
                fields.add(operand(operand, new Context(context.source(), SourceText.at(field.value(),
                        field.position()), context.rule(), context.macros(), context.lenient())));
            } catch (FilterSyntaxException e) {
                error(field.position(), name + ": '" + field.value() + "' is not a field: " + e.getMessage());
                fields.add(Optional.empty());
            }
        }
        int size = exception.fields().size();
        List<Located> comps = exception.comps();
        if (!comps.isEmpty() && (exception.singleField() ? comps.size() != 1 : comps.size() != size)) {
            error(comps.getFirst().position(), name + ": fields and comps lists must have equal length (" + size
                    + " fields, " + comps.size() + " comps) (Falco: LOAD_ERR_VALIDATE)");
            return;
        }
        List<Operator> operators = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Located comp = comps.isEmpty() ? null : comps.get(exception.singleField() ? 0 : i);
            String text = comp == null ? (exception.singleField() ? "in" : "=") : comp.value();
            Optional<Operator> operator = Operator.fromText(text);
            if (operator.isEmpty() || operator.get() == Operator.EXISTS) {
                error(comp == null ? at : comp.position(), name + ": '" + text + "' is not a comparison operator "
                        + "(use =, !=, <, <=, >, >=, contains, startswith, endswith, glob, in, pmatch, ...)");
                return;
            }
            operators.add(operator.get());
            Optional<FieldInfo> field = fields.get(i);
            if (field.isPresent()) {
                FieldInfo f = field.get();
                Set<Operator> allowed = f.list() ? ValueKind.LIST_OPERATORS : f.kind().operators();
                if (!allowed.contains(operator.get())) {
                    error(comp == null ? at : comp.position(), name + ": '" + text + "' does not fit " + f.name()
                            + ", a " + (f.list() ? "list" : f.typeName()) + " field; use one of " + allowed.stream()
                            .map(Operator::text).collect(Collectors.joining(", ")));
                }
            }
        }
        for (List<Located> tuple : exception.values()) {
            if (!exception.singleField() && tuple.size() != size) {
                error(tuple.isEmpty() ? at : tuple.getFirst().position(), name + ": each value has " + size
                        + " items, one per field (" + exception.fields().stream().map(Located::value)
                        .collect(Collectors.joining(", ")) + "), not " + tuple.size() + " (Falco: LOAD_ERR_VALIDATE)");
                continue;
            }
            for (int i = 0; i < tuple.size(); i++) {
                int index = exception.singleField() ? 0 : i;
                Optional<FieldInfo> field = fields.get(index);
                exceptionValue(field, operators.get(index), tuple.get(i));
            }
        }
    }

    private void exceptionValue(Optional<FieldInfo> field, Operator operator, Located value) {
        List<String> items = new ArrayList<>();
        String text = value.value();
        if (text.startsWith("(") && text.endsWith(")")) {
            for (String item : text.substring(1, text.length() - 1).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        } else if (operator.takes() == Operator.Takes.LIST && definitions.lists.containsKey(text)) {
            ListDef list = definitions.lists.get(text);
            list.used = true;
            List<Expr.Scalar> expanded = new ArrayList<>();
            expand(list, 0, expanded, new LinkedHashSet<>());
            expanded.forEach(s -> items.add(s.text()));
        } else {
            items.add(text);
        }
        for (String item : items) {
            ListDef named = definitions.lists.get(item);
            if (named != null) {
                named.used = true;
            } else if (field.isPresent() && field.get().checkValues()) {
                value(field.get(), item, value.position());
            }
        }
    }

    private void priority(Located priority) {
        if (!PRIORITIES.contains(priority.value().toLowerCase(Locale.ROOT))) {
            error(priority.position(), "priority " + priority.value() + " is not one of Falco's: EMERGENCY, ALERT, "
                    + "CRITICAL, ERROR, WARNING, NOTICE, INFORMATIONAL, DEBUG (Falco: LOAD_ERR_VALIDATE)");
        }
    }

    private void requirement(RulesItem.PluginRequirement requirement) {
        List<RulesItem.PluginRequirement> options = new ArrayList<>(List.of(requirement));
        options.addAll(requirement.alternatives());
        String plugin = catalog.plugin().name();
        Optional<RulesItem.PluginRequirement> ours = options.stream()
                .filter(o -> o.name().value().equals(plugin)).findFirst();
        if (ours.isEmpty()) {
            findings.add(new Finding(Severity.NOTE, requirement.name().position(), "the requirement of plugin "
                    + requirement.name().value() + " is not checked: this project is plugin " + plugin));
            return;
        }
        Located version = ours.get().version();
        var required = VERSION.matcher(version.value());
        var own = VERSION.matcher(catalog.plugin().version());
        if (!required.matches()) {
            error(version.position(), "required version '" + version.value() + "' of plugin " + plugin
                    + " is not major.minor.patch (Falco: LOAD_ERR_VALIDATE)");
            return;
        }
        if (!own.matches()) {
            return;
        }
        int[] r = {Integer.parseInt(required.group(1)), Integer.parseInt(required.group(2)),
                Integer.parseInt(required.group(3))};
        int[] o = {Integer.parseInt(own.group(1)), Integer.parseInt(own.group(2)), Integer.parseInt(own.group(3))};
        boolean sameMajor = r[0] == o[0];
        boolean notNewer = r[1] < o[1] || r[1] == o[1] && r[2] <= o[2];
        if (!sameMajor || !notNewer) {
            error(version.position(), "the rules require plugin " + plugin + " " + version.value()
                    + ", but plugin.yaml declares version " + catalog.plugin().version() + "; Falco loads a plugin "
                    + "for rules that need the same major version and no newer minor.patch (Falco: "
                    + "LOAD_ERR_VALIDATE): write version: " + catalog.plugin().version() + ", or raise the "
                    + "plugin's version");
        }
    }

    private void error(Position at, String message) {
        findings.add(new Finding(Severity.ERROR, at, message));
    }

    private void warning(Position at, String message) {
        findings.add(new Finding(Severity.WARNING, at, message));
    }
}
