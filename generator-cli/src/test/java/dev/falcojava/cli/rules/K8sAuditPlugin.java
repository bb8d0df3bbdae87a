package dev.falcojava.cli.rules;

import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import dev.falcojava.cli.rules.fields.FalcoFacts;
import dev.falcojava.cli.rules.fields.FieldCatalog;
import dev.falcojava.cli.rules.yaml.RulesReader;

import java.util.ArrayList;
import java.util.List;

/** A plugin shaped like Falco's k8saudit, with fields of every kind of type and argument, and a checker for it. */
final class K8sAuditPlugin {

    static final String DESCRIPTOR = """
            name: k8sjava
            version: 0.3.0
            description: Kubernetes audit events
            contact: c
            id: 1234
            package: a.b
            capabilities:
              source:
                event-source: k8s_audit
              extract:
                fields:
                  - {name: ka.verb, type: string, description: the verb}
                  - {name: ka.user.name, type: string, description: the user}
                  - {name: ka.target.namespace, type: string, description: the namespace}
                  - {name: ka.target.resource, type: string, description: the resource}
                  - {name: ka.response.code, type: uint64, description: the response code}
                  - {name: ka.req.pod.privileged, type: bool, description: whether privileged}
                  - {name: ka.req.pod.containers.image, type: string, list: true, arg: index, description: images}
                  - {name: ka.uri.param, type: string, arg: key, arg-required: true, description: a parameter}
                  - {name: ka.sourceips, type: ipaddr, list: true, description: the client addresses}
                  - {name: ka.client, type: ipaddr, description: the first client address}
                  - {name: ka.latency, type: reltime, description: the latency}
            """;

    static PluginDescriptor descriptor() {
        try {
            return DescriptorReader.parse(DESCRIPTOR, "plugin.yaml");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every finding for rules files loaded in order, each given as its text, named f0.yaml, f1.yaml, ... */
    static List<Finding> check(PluginDescriptor plugin, String... files) {
        List<Finding> findings = new ArrayList<>();
        List<RulesItem> items = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            RulesReader.Result read = RulesReader.read("f" + i + ".yaml", files[i]);
            findings.addAll(read.findings());
            items.addAll(read.items());
        }
        findings.addAll(new RulesChecker(new FieldCatalog(plugin, FalcoFacts.shipped())).check(items));
        return findings;
    }

    static List<Finding> check(String... files) {
        return check(descriptor(), files);
    }

    private K8sAuditPlugin() {
    }
}
