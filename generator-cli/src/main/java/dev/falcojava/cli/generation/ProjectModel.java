package dev.falcojava.cli.generation;

import java.util.List;

/**
 * Everything the templates of one project see, each value once and as plugin.yaml gives it. The texts are escaped
 * where they land: {@link TemplateRenderer} puts the view of the template's {@link TargetLanguage} beside the model
 * ({@link GlueView}, {@link JavaSourceView}, {@link DescriptorView}, {@link PomView}, {@link ReadmeView}).
 *
 * @param symbolPrefix the prefix of the glue's C symbols, a C identifier
 * @param apiSymbol    the struct name of a static plugin (a validated C identifier), empty for a shared one
 * @param headerGuard  the include guard of a static plugin's header, a C identifier
 * @param fieldsJson   the JSON array {@code plugin_get_fields} returns
 * @param initSchema   the JSON schema {@code plugin_get_init_schema} returns
 */
public record ProjectModel(
        String name,
        String javaPackage,
        String packagePath,
        String className,
        String baseClassName,
        String instanceClassName,
        String testClassName,
        String version,
        String description,
        String contact,
        String requiredApiVersion,
        String eventSource,
        String javaHome,
        String symbolPrefix,
        long id,
        boolean staticLinkage,
        String linkage,
        String apiSymbol,
        String headerFile,
        String headerGuard,
        boolean hasConfig,
        boolean generatedConfig,
        String configClassName,
        ConfigView config,
        String fieldsJson,
        String initSchema,
        TablesView tables,
        boolean source,
        boolean extract,
        List<Item> interfaces,
        List<FieldView> fields,
        List<YamlFieldView> yamlFields,
        List<String> jvmOptions,
        Versions versions,
        Natives natives,
        Deployment deployment) {

    /** The plugin class's fully qualified name. */
    public String pluginClass() {
        return javaPackage + "." + className;
    }

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
     * metrics, and the lists the glue returns as constants.
     */
    public record Natives(boolean parse, boolean async, boolean captureListen, boolean metrics,
                          ValueList extractEventSources, ValueList extractEventTypes, ValueList parseEventSources,
                          ValueList parseEventTypes, ValueList asyncEvents, ValueList asyncEventSources,
                          List<OpenParamView> openParams, String firstAsyncEvent,
                          List<Item> userImports, String cEventSchemaVersion, boolean reconfigure,
                          boolean dumpState) {
        /** Whether the glue exports {@code plugin_get_required_event_schema_version}: the plugin takes syscall events. */
        public boolean requiresEventSchema() {
            return !cEventSchemaVersion.isEmpty();
        }

        public boolean hasOpenParams() {
            return !openParams.isEmpty();
        }

        public boolean hasParseOptions() {
            return parseEventSources.present() || parseEventTypes.present();
        }
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
