package dev.falcojava.cli.generation;

import dev.falcojava.sdk.abi.BridgeSlot;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything the templates of one project see. Texts are escaped per target language: {@code j*} for Java
 * string literals, {@code c*} for C string literals, {@code doc*} for Javadoc, {@code yaml*} for YAML scalars,
 * {@code xml*} for XML, {@code md*} for Markdown.
 */
public record ProjectModel(
        String name,
        String javaPackage,
        String packagePath,
        String className,
        String baseClassName,
        String instanceClassName,
        String testClassName,
        String jName, String jVersion, String jDescription, String jContact, String jRequiredApiVersion,
        String jEventSource,
        String cName, String cVersion, String cDescription, String cContact, String cRequiredApiVersion,
        String cEventSource, String cFieldsJson, String cPluginClass, String cSymbolPrefix, String cJavaHome,
        String docName, String docDescription,
        String yamlName, String yamlVersion, String yamlDescription, String yamlContact, String yamlPackage,
        String yamlClass, String yamlEventSource, String yamlJavaHome,
        String xmlName, String xmlDescription, String xmlGroupId,
        String mdName, String mdDescription,
        long id,
        boolean staticLinkage,
        String linkage,
        String cApiSymbol,
        String headerFile,
        String cHeaderGuard,
        boolean hasConfig,
        boolean generatedConfig,
        String configClassName,
        ConfigView config,
        String cInitSchema,
        TablesView tables,
        boolean source,
        boolean extract,
        List<Item> interfaces,
        List<FieldView> fields,
        List<YamlFieldView> yamlFields,
        List<JvmOptionView> jvmOptions,
        Versions versions,
        Natives natives,
        Deployment deployment) {

    /** A name in a comma-separated list. */
    public record Item(String name, boolean last) {
    }

    /** A field as plugin.yaml writes it; optional keys are {@code null} when absent. */
    public record YamlFieldView(String yamlName, String yamlType, String yamlDescription, Boolean list, String arg,
                                Boolean argRequired, String yamlDisplay, String yamlProperties, Boolean addOutput) {
    }

    /** A list of values as plugin.yaml writes it ({@code [a, b]}), and as the generated code uses it. */
    public record ValueList(String yaml, String cJson, String cNumbers, int count, List<Item> jStrings) {
        public boolean present() {
            return count > 0;
        }
    }

    /** A suggested open parameter, in Java string literals and YAML scalars. */
    public record OpenParamView(String jValue, String jDescription, String jSeparator, String yamlValue,
                                String yamlDescription, String yamlSeparator, boolean last) {
    }

    /**
     * What the capabilities beyond sourcing and extraction add: the parse, async and capture listening groups,
     * metrics, the lists the glue returns as constants, and the bridge slots the glue asks the SDK for.
     */
    public record Natives(boolean parse, boolean async, boolean captureListen, boolean metrics,
                          ValueList extractEventSources, ValueList extractEventTypes, ValueList parseEventSources,
                          ValueList parseEventTypes, ValueList asyncEvents, ValueList asyncEventSources,
                          List<OpenParamView> openParams, String bridgeMask, String firstAsyncEvent,
                          List<Item> userImports) {
        /** The glue's slot enum, in the SDK's order. */
        public List<Item> bridgeSlots() {
            BridgeSlot[] slots = BridgeSlot.values();
            return IntStream.range(0, slots.length)
                    .mapToObj(i -> new Item(slots[i].name(), i == slots.length - 1)).toList();
        }

        /** The version of the glue's table layout the SDK expects. */
        public int bridgeAbiVersion() {
            return BridgeSlot.ABI_VERSION;
        }

        public boolean hasOpenParams() {
            return !openParams.isEmpty();
        }

        public boolean hasParseOptions() {
            return parseEventSources.present() || parseEventTypes.present();
        }
    }

    /** A JVM option, for the C glue and for plugin.yaml. */
    public record JvmOptionView(String cOption, String yamlOption) {
    }

    /**
     * What the files for deploying the plugin in Falco say: the falco.yaml entry, an example rule, the plugins
     * registry entry. Texts are YAML scalars.
     *
     * @param yamlInitConfig   an init_config with every key: defaults, or a placeholder of the key's type
     * @param yamlOpenParams   the first suggested open parameter, or an empty string
     * @param ruleSource       the event source the example rule applies to
     * @param syscallRule      whether that is the syscall source, where a rule names its event types
     * @param ruleFields       fields a rule can use without an argument
     * @param yamlRuleName     the example rule's name
     * @param extractSources   the sources the plugin extracts from, for the registry
     */
    public record Deployment(String yamlInitConfig, String yamlOpenParams, String ruleSource, boolean syscallRule,
                             List<Item> ruleFields,
                             String yamlRuleName, String extractSources) {
        public boolean hasRuleFields() {
            return !ruleFields.isEmpty();
        }

        public String firstRuleField() {
            return ruleFields.isEmpty() ? "" : ruleFields.getFirst().name();
        }
    }

    /** Versions of the SDK and of the build plugins the generated pom pins. */
    public record Versions(String sdk, String junit, String compilerPlugin, String surefirePlugin,
                           String shadePlugin, String buildHelperPlugin, String jarPlugin, String resourcesPlugin,
                           String installPlugin, String enforcerPlugin) {
    }
}
