package dev.falcojava.cli.packaging;

import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.generation.escape.YamlString;

import java.util.List;

/**
 * What the deployment files of {@code target/dist} say. Names are validated plain names (letters, digits, '.', '_',
 * '-'); texts meant for YAML are quoted.
 *
 * @param plugin          the project's model: name, init_config and open_params for Falco's configuration
 * @param version         the plugin version
 * @param pluginArtifact  the plugin tarball's file name
 * @param rulesArtifact   the rules tarball's file name
 * @param runtimeFolder   the bundled runtime's folder name, or empty when the library uses an installed Java
 * @param aotCacheFile    the AOT cache's file name beside the library, or empty when the build trained none
 * @param rulesFiles      the rules files' names, as they are in the rules tarball
 * @param falcoVersion    the tag of the falcosecurity/falco image the Dockerfile starts from
 * @param yamlPluginRef   the plugin artifact's OCI reference, quoted for YAML
 * @param yamlRulesRef    the rules artifact's OCI reference, quoted for YAML
 * @param ociPlatform     the OCI platform of the plugin artifact, for example linux/amd64
 */
public record DistributionModel(ProjectModel plugin, String version, String pluginArtifact, String rulesArtifact,
                                String runtimeFolder, String aotCacheFile, List<ProjectModel.Item> rulesFiles, String falcoVersion,
                                String yamlPluginRef, String yamlRulesRef, String ociPlatform) {

    public DistributionModel {
        rulesFiles = List.copyOf(rulesFiles);
    }

    /** The plugin's name, quoted for YAML. */
    public String yamlPluginName() {
        return YamlString.quote(plugin.name());
    }

    public boolean hasRuntime() {
        return !runtimeFolder.isEmpty();
    }

    public boolean hasAotCache() {
        return !aotCacheFile.isEmpty();
    }
}
