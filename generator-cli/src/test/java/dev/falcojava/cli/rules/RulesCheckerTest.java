package dev.falcojava.cli.rules;

import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/** Rules in the style of Falco's k8saudit plugin rules (macros, lists, exceptions), each mistake with its place. */
class RulesCheckerTest {

    static final String GOOD = """
            - required_plugin_versions:
                - name: k8sjava
                  version: 0.2.0
                  alternatives:
                    - name: k8saudit
                      version: 0.7.0
                - name: json
                  version: 0.7.0

            - list: k8s_audit_stages
              items: ["ResponseComplete"]

            - list: sensitive_verbs
              items: [create, update, patch]

            - list: system_users
              items: ["system:kube-scheduler", "system:kube-controller-manager"]

            - list: admin_users
              items: [system_users, cluster-admin]

            - macro: kevt
              condition: (jevt.value[/stage] in (k8s_audit_stages))

            - macro: pod
              condition: ka.target.resource = pods

            - macro: kcreate
              condition: ka.verb = create

            - macro: privileged_pod
              condition: ka.req.pod.privileged = true

            - rule: Create privileged pod
              desc: A pod was created with a privileged container
              condition: >
                kevt and pod and kcreate
                and privileged_pod and not ka.user.name in (admin_users)
              output: "Privileged pod (user=%ka.user.name pod=%ka.uri.param[name] ns=%ka.target.namespace images=%ka.req.pod.containers.image)"
              priority: WARNING
              source: k8s_audit
              tags: [k8s]
              exceptions:
                - name: trusted_images
                  fields: [ka.target.namespace, ka.req.pod.containers.image]
                  comps: [=, intersects]
                  values:
                    - [kube-system, [registry.k8s.io/pause]]

            - rule: Unauthorized request
              desc: The API server refused a request that changes something
              condition: kevt and ka.response.code in (401, 403) and ka.verb in sensitive_verbs
              output: "unauthorized %ka.verb by %ka.user.name from %ka.client in %ka.latency (%evt.time, %evt.plugininfo)"
              priority: NOTICE
              source: k8s_audit

            - rule: Request from outside
              desc: A request from an address outside the cluster
              condition: kevt and not ka.client in (10.0.0.1, "2001:db8::1") and not ka.sourceips intersects (172.16.0.1)
              output: "outside request from %ka.client (%ka.sourceips)"
              priority: INFO
              source: k8s_audit

            - rule: Unauthorized request
              append: true
              condition: and not ka.user.name startswith "system:"

            - rule: Create privileged pod
              enabled: false
            """;

    @Test
    void rulesInTheStyleOfFalcosK8sAuditRulesPass() {
        List<Finding> findings = K8sAuditPlugin.check(GOOD);
        assertEquals(List.of(), problems(findings));
        assertThat(findings).anyMatch(f -> f.severity() == Severity.NOTE
                && f.message().startsWith("jevt.value is not a field of plugin k8sjava"));
        assertThat(findings).anyMatch(f -> f.severity() == Severity.NOTE
                && f.message().contains("plugin json is not checked"));
    }

    @Test
    void anUnknownPluginFieldIsAnErrorAtItsPlace() {
        String rules = rule("ka.verbs = get", "%ka.user.nam");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "ka.verbs"), "plugin k8sjava has no field ka.verbs; did you mean ka.verb?"),
                problem(Severity.ERROR, at(rules, "ka.user.nam"), "no field ka.user.nam; did you mean ka.user.name?"));
    }

    @Test
    void argumentRulesHold() {
        String rules = rule("ka.uri.param = x and ka.verb[0] = get and ka.req.pod.containers.image[first] intersects (nginx)",
                "%ka.uri.param[pod] %ka.req.pod.containers.image[1]");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "ka.uri.param ="), "ka.uri.param needs an argument: write ka.uri.param[KEY]"),
                problem(Severity.ERROR, at(rules, "0]"), "ka.verb takes no argument"),
                problem(Severity.ERROR, at(rules, "first"), "ka.req.pod.containers.image takes an index, a number"));
    }

    @Test
    void anOperatorMustFitTheFieldTypeAndListsTheRightKindOfValues() {
        String rules = rule("ka.response.code contains 40 or ka.req.pod.containers.image = nginx"
                + " or ka.req.pod.privileged startswith t or ka.response.code in (ok, 403) or ka.client = nowhere"
                + " or ka.req.pod.privileged = yes", "%ka.verb") + rule("ka.latency > 1s", "%ka.verb").replace("Test", "Other");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "contains 40"), "'contains' does not fit ka.response.code, a uint64 field"),
                problem(Severity.ERROR, at(rules, "= nginx"), "'=' does not fit ka.req.pod.containers.image, a list field (string values)"),
                problem(Severity.ERROR, at(rules, "startswith t"), "'startswith' does not fit ka.req.pod.privileged, a bool field"),
                problem(Severity.ERROR, at(rules, "ok,"), "ka.response.code is a uint64 field: compare it with a number, not 'ok'"),
                problem(Severity.ERROR, at(rules, "nowhere"), "ka.client is a ipaddr field: compare it with an IP address"),
                problem(Severity.ERROR, at(rules, "yes"), "ka.req.pod.privileged is a bool field: compare it with true or false"),
                problem(Severity.ERROR, at(rules, "1s"), "'>' takes a number, not '1s'"));
    }

    @Test
    void aRuleOnAnotherSourceIsAnError() {
        String rules = """
                - rule: No source
                  desc: d
                  condition: ka.verb = get
                  output: "%ka.verb"
                  priority: NOTICE
                - rule: Wrong source
                  desc: d
                  condition: ka.verb = get
                  output: "%ka.verb"
                  priority: NOTICE
                  source: syscall
                """;
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "No source"), "rule 'No source' has no source, so Falco applies it "
                + "to syscall events, but plugin k8sjava works on k8s_audit events; add source: k8s_audit"),
                problem(Severity.ERROR, at(rules, "syscall"), "source syscall is not a source of this plugin"));
    }

    @Test
    void aMacroUsingAnUnknownFieldIsReportedInTheMacroUsedOrNot() {
        String rules = """
                - macro: kcreate
                  condition: ka.verbb = create
                - macro: kdelete
                  condition: ka.verb = delete or ka.nope exists
                """ + rule("kcreate", "%ka.verb");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "ka.verbb"), "in macro kcreate: plugin k8sjava has no field ka.verbb; did you mean ka.verb?"),
                problem(Severity.ERROR, at(rules, "ka.nope"), "plugin k8sjava has no field ka.nope"),
                problem(Severity.WARNING, at(rules, "kdelete"), "macro kdelete is not used by any rule or macro (Falco: LOAD_UNUSED_MACRO)"));
    }

    @Test
    void aListUsedAsAFieldOrAMacroIsAnError() {
        String rules = """
                - list: admin_users
                  items: [alice, bob]
                """ + rule("ka.verb = get and admin_users contains alice", "%admin_users")
                + rule("admin_users", "%ka.verb").replace("Test rule", "Second rule");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "admin_users contains"), "admin_users is a list, not a field: a list goes after in, intersects or pmatch, as in FIELD in (admin_users)"),
                problem(Severity.ERROR, at(rules, "admin_users\""), "%admin_users is not a field: admin_users is a list; an output prints fields, as in %ka.NAME"),
                problem(Severity.ERROR, at(rules, "condition: admin_users\n", 11), "admin_users is a list, not a macro"));
    }

    @Test
    void undefinedMacrosAndListsAndUnusedOnes() {
        String rules = """
                - list: unused_list
                  items: [a]
                """ + rule("kevt and ka.verb in (missing_or_value) and ka.verb in missing_list", "%ka.verb");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "kevt"), "no macro kevt is defined"),
                problem(Severity.ERROR, at(rules, "missing_list"), "no list missing_list is defined"),
                problem(Severity.WARNING, at(rules, "unused_list"), "list unused_list is not used by any rule, macro or list (Falco: LOAD_UNUSED_LIST)"));
    }

    @Test
    void evtTypeDoesNotExistOnAPluginSourceButFalcosPluginEventFieldsDo() {
        String rules = rule("evt.type = open and evt.num > 0 and evt.is_async = false and evt.asynctype = x", "%evt.source %evt.hostname %evt.dir");
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "evt.type"), "evt.type does not exist on the k8s_audit source (Falco fails with LOAD_ERR_COMPILE_CONDITION)"),
                problem(Severity.ERROR, at(rules, "evt.dir"), "evt.dir does not exist on the k8s_audit source"));
    }

    @Test
    void requiredPluginVersionsNameThePluginAtAVersionItHas() {
        String rules = """
                - required_plugin_versions:
                    - name: k8sjava
                      version: 0.4.0
                - required_plugin_versions:
                    - name: k8saudit
                      version: 0.1.0
                      alternatives:
                        - name: k8sjava
                          version: 1.0.0
                """;
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "0.4.0"), "the rules require plugin k8sjava 0.4.0, but plugin.yaml declares version 0.3.0"),
                problem(Severity.ERROR, at(rules, "1.0.0"), "the rules require plugin k8sjava 1.0.0"));
    }

    @Test
    void exceptionsAreCheckedLikeConditions() {
        String rules = rule("ka.verb = create", "%ka.verb") + """
                  exceptions:
                    - name: mismatched
                      fields: [ka.verb, ka.user.name]
                      comps: [=]
                    - name: short_tuple
                      fields: [ka.verb, ka.response.code]
                      values:
                        - [get]
                        - [get, notanumber]
                    - name: bad_field
                      fields: ka.nothing
                      values: [a]
                    - name: bad_comp
                      fields: [ka.response.code]
                      comps: [startswith]
                      values: [[4]]
                """;
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "[=]", 1), "exception mismatched: fields and comps lists must have equal length"),
                problem(Severity.ERROR, at(rules, "[get]", 1), "exception short_tuple: each value has 2 items"),
                problem(Severity.ERROR, at(rules, "notanumber"), "ka.response.code is a uint64 field"),
                problem(Severity.ERROR, at(rules, "ka.nothing"), "plugin k8sjava has no field ka.nothing"),
                problem(Severity.ERROR, at(rules, "startswith]"), "exception bad_comp: 'startswith' does not fit ka.response.code"));
    }

    @Test
    void positionsFollowFoldedLinesAndAppendedConditionsAcrossFiles() {
        String first = """
                - macro: kcreate
                  condition: >
                    ka.verb = create
                    and ka.verbz = x
                """ + rule("kcreate", "%ka.verb");
        String second = """
                - macro: kcreate
                  condition: or   ka.userr = y
                  override:
                    condition: append
                - rule: Test rule
                  append: true
                  condition: and ka.resp exists
                """;
        assertProblems(K8sAuditPlugin.check(first, second),
                problem(Severity.ERROR, at(first, "ka.verbz"), "no field ka.verbz"),
                problem(Severity.ERROR, "f1.yaml:2:19", "no field ka.userr"),
                problem(Severity.ERROR, "f1.yaml:7:18", "no field ka.resp"));
    }

    @Test
    void theShapeOfTheFileIsChecked() {
        String rules = """
                - rule: Incomplete
                  condition: ka.verb = get
                  source: k8s_audit
                - rule: Appends to nothing
                  append: true
                  condition: and ka.verb = get
                - rule: Bad priority
                  desc: d
                  condition: ka.verb = get
                  output: "%ka.verb"
                  priority: LOUD
                  source: k8s_audit
                  enabled: maybe
                - macro: broken
                  condition: ka.verb = (
                - somethingelse: 1
                """;
        assertProblems(K8sAuditPlugin.check(rules),
                problem(Severity.ERROR, at(rules, "Incomplete"), "rule 'Incomplete' has no output, desc, priority"),
                problem(Severity.ERROR, at(rules, "Appends to nothing"), "appends to or overrides an earlier rule of that name, but there is none"),
                problem(Severity.ERROR, at(rules, "LOUD"), "priority LOUD is not one of Falco's"),
                problem(Severity.ERROR, at(rules, "maybe"), "enabled must be true or false"),
                problem(Severity.ERROR, at(rules, "("), "the condition does not parse"),
                problem(Severity.WARNING, at(rules, "- somethingelse", 2), "is not something Falco knows"),
                problem(Severity.WARNING, at(rules, "broken"), "macro broken is not used"));
    }

    @Test
    void notValidYamlIsOneErrorWithItsPosition() {
        List<Finding> findings = K8sAuditPlugin.check("- rule: a\n  condition: [x\n");
        assertEquals(1, findings.size(), findings.toString());
        assertThat(findings.getFirst().message()).as(findings::toString).startsWith("not valid YAML");
        assertEquals(Severity.ERROR, findings.getFirst().severity());
    }

    static final String SYSCALL_PLUGIN = """
            name: tstate
            version: 0.1.0
            description: d
            contact: c
            package: a.b
            capabilities:
              extract:
                event-sources: [syscall]
                fields:
                  - {name: tstate.events, type: uint64, description: events}
                  - {name: tstate.comm, type: string, description: comm}
            """;

    @Test
    void onTheSyscallSourceFalcosFieldsAreKnownAndEventTypesAreWarnedAbout() throws Exception {
        PluginDescriptor plugin = DescriptorReader.parse(SYSCALL_PLUGIN, "plugin.yaml");
        String rules = """
                - rule: No event type
                  desc: d
                  condition: tstate.events > 10 and proc.name = bash
                  output: "%tstate.comm %proc.cmdline %container.id"
                  priority: NOTICE
                - rule: Every type but one
                  desc: d
                  condition: evt.type != open and tstate.comm = x
                  output: "%tstate.comm"
                  priority: NOTICE
                  source: syscall
                - rule: Restricted
                  desc: d
                  condition: evt.type in (execve, execveat, opne) and proc.nmae = bash and proc.pid contains 1 and proc.aname[2] = sh
                  output: "%tstate.comm %proc.aname[1] %evt.arg.fd"
                  priority: NOTICE
                - rule: Quiet
                  desc: d
                  condition: tstate.events > 10
                  output: "%tstate.comm"
                  priority: NOTICE
                  warn_evttypes: false
                """;
        List<Finding> findings = K8sAuditPlugin.check(plugin, rules);
        assertFinding(findings, Severity.WARNING, at(rules, "No event type"), "is not restricted to a few event types, so Falco evaluates it on every system call event (Falco: LOAD_NO_EVTTYPE)");
        assertFinding(findings, Severity.WARNING, at(rules, "Every type but one"), "LOAD_NO_EVTTYPE");
        assertFinding(findings, Severity.WARNING, at(rules, "opne"), "Falco has no event type 'opne'");
        assertFinding(findings, Severity.ERROR, at(rules, "contains 1"), "'contains' does not fit proc.pid, a INT64 field");
        assertFinding(findings, Severity.NOTE, at(rules, "proc.nmae"), "proc.nmae is not a field of Falco's syscall source as this check knows it");
        assertFinding(findings, Severity.NOTE, at(rules, "container.id"), "container.id is not a field of Falco's syscall source");
        assertEquals(4, problems(findings).size(), findings.toString());
    }

    /** A rule on the plugin's source with this condition and output, named "Test rule". */
    static String rule(String condition, String output) {
        return """
                - rule: Test rule
                  desc: d
                  condition: %s
                  output: "%s"
                  priority: NOTICE
                  source: k8s_audit
                """.formatted(condition, output);
    }

    /** Where the first occurrence of {@code needle} is in f0.yaml, as file:line:column. */
    static String at(String text, String needle) {
        return at(text, needle, 0);
    }

    /** Where the first occurrence of {@code needle} is, {@code shift} characters further on. */
    static String at(String text, String needle, int shift) {
        int found = text.indexOf(needle);
        assertTrue(found >= 0, needle);
        int index = found + shift;
        int line = 1 + (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
        int column = index - text.lastIndexOf('\n', index - 1);
        return "f0.yaml:" + line + ":" + column;
    }

    /** An error or warning expected at {@code position}, whose message contains {@code message}. */
    record Expected(Severity severity, String position, String message) {
        boolean matches(Finding finding) {
            return finding.severity() == severity && finding.position().toString().equals(position)
                    && finding.message().contains(message);
        }

        @Override
        public String toString() {
            return severity + " " + position + " " + message;
        }
    }

    static Expected problem(Severity severity, String position, String message) {
        return new Expected(severity, position, message);
    }

    /**
     * The errors and warnings are exactly the expected ones, in any order; when they are not, the failure shows both
     * lists side by side.
     */
    static void assertProblems(List<Finding> findings, Expected... expected) {
        List<Finding> problems = problems(findings);
        boolean each = java.util.Arrays.stream(expected).allMatch(e -> problems.stream().anyMatch(e::matches));
        if (!each || problems.size() != expected.length) {
            assertThat(problems.stream().map(f -> f.severity() + " " + f.position() + " " + f.message()).toList())
                    .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(expected).map(Expected::toString).toList());
        }
    }

    static void assertFinding(List<Finding> findings, Severity severity, String position, String message) {
        assertThat(findings).anyMatch(f -> f.severity() == severity && f.position().toString().equals(position)
                        && f.message().contains(message));
    }

    static List<Finding> problems(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() != Severity.NOTE).toList();
    }
}
