package dev.falcojava.cli.editing;

import dev.falcojava.cli.generation.AtomicFiles;
import dev.falcojava.cli.generation.FieldView;
import dev.falcojava.cli.generation.ProjectContributors;
import dev.falcojava.cli.generation.ProjectGenerator;
import dev.falcojava.cli.generation.ProjectModel;
import dev.falcojava.cli.generation.ProjectModelFactory;
import dev.falcojava.cli.generation.TemplateRenderer;
import dev.falcojava.cli.generation.escape.YamlString;
import dev.falcojava.cli.model.Capability;
import dev.falcojava.cli.model.DescriptorException;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.FieldSpec;
import dev.falcojava.cli.model.PluginDescriptor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grows a project: declares a field or a capability in its plugin.yaml (keeping comments and order), adds the stubs
 * to the user's class (keeping every line of it), and regenerates the derived code. Every file is prepared before
 * the first is written, so a refused edit changes nothing.
 */
public final class ProjectEditor {

    private final Path dir;
    private final Path descriptorFile;
    private final ProjectModel.Versions versions;
    private final TemplateRenderer renderer = new TemplateRenderer();

    public ProjectEditor(Path dir, ProjectModel.Versions versions) {
        this.dir = dir;
        this.descriptorFile = dir.resolve(ProjectContributors.DESCRIPTOR);
        this.versions = versions;
    }

    /** What {@link #addField} changed: the method to implement, and where. */
    public record FieldAdded(Path descriptor, String method, Path userClass) {
    }

    /** What {@link #addCapability} changed; {@code newInstance} is the source instance class it created, if any. */
    public record CapabilityAdded(Path descriptor, Path userClass, Optional<Path> newInstance) {
    }

    /** Declares {@code field} in plugin.yaml of a project described by {@code before}, with its extract stub. */
    public FieldAdded addField(PluginDescriptor before, FieldSpec field) throws IOException, EditException {
        if (before.extract().isEmpty()) {
            throw new EditException("the plugin has no extract capability; add it to plugin.yaml first");
        }
        String yaml = new DescriptorEditor(renderer).addField(Files.readString(descriptorFile),
                ProjectModelFactory.yamlField(field));
        PluginDescriptor after = reread(yaml, "the field");
        ProjectModel model = new ProjectModelFactory(versions).create(after);
        FieldView added = model.fields().getLast();
        Path userClass = userClass(model, model.className());
        String source = UserClassEditor.addMethod(read(userClass), userClass.toString(), model.className(),
                renderer.render("java/ExtractMethod.java.mustache", added), "dev.falcojava.sdk.api.ExtractRequest",
                field.list() ? "java.util.List" : null, field.type().importName());
        AtomicFiles.write(descriptorFile, yaml);
        AtomicFiles.write(userClass, source);
        new ProjectGenerator(versions).regenerate(after, dir);
        return new FieldAdded(descriptorFile, added.method(), userClass);
    }

    /**
     * Declares {@code added} in plugin.yaml of a project described by {@code before}, with the stubs of its methods;
     * empty, changing nothing, when the plugin declares it already.
     *
     * @param id the plugin id a source capability gets when plugin.yaml has none
     */
    public Optional<CapabilityAdded> addCapability(PluginDescriptor before, Capability added, long id)
            throws IOException, EditException {
        if (before.capabilities().stream().anyMatch(c -> c.key().equals(added.key()))) {
            return Optional.empty();
        }
        long newId = added instanceof Capability.Source && before.id() == 0 ? id : 0;
        String yaml = new DescriptorEditor(renderer).addCapability(Files.readString(descriptorFile), entry(added), newId);
        PluginDescriptor after = reread(yaml, "the capability");
        ProjectModel model = new ProjectModelFactory(versions).create(after);
        Path userClass = userClass(model, model.className());
        String edited = UserClassEditor.addMethod(read(userClass), userClass.toString(), model.className(),
                members(added, model), imports(added));
        Path instanceClass = userClass(model, model.instanceClassName());
        boolean newInstance = added instanceof Capability.Source && !Files.exists(instanceClass);
        String instance = newInstance ? renderer.render("java/SourceInstance.java.mustache", model) : null;
        AtomicFiles.write(descriptorFile, yaml);
        AtomicFiles.write(userClass, edited);
        if (newInstance) {
            AtomicFiles.write(instanceClass, instance);
        }
        new ProjectGenerator(versions).regenerate(after, dir);
        return Optional.of(new CapabilityAdded(descriptorFile, userClass,
                newInstance ? Optional.of(instanceClass) : Optional.empty()));
    }

    private PluginDescriptor reread(String yaml, String what) throws EditException {
        try {
            return DescriptorReader.parse(yaml, descriptorFile.toString());
        } catch (DescriptorException e) {
            throw new EditException(what + " cannot be added, nothing was changed:\n" + e.getMessage());
        }
    }

    private Path userClass(ProjectModel model, String className) {
        return dir.resolve("src/main/java").resolve(model.packagePath()).resolve(className + ".java");
    }

    private static String read(Path file) throws IOException, EditException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new EditException("no " + file + "; nothing was changed");
        }
    }

    private static DescriptorEditor.CapabilityEntry entry(Capability added) {
        return switch (added) {
            case Capability.Source source -> new DescriptorEditor.CapabilityEntry("", true, false, false, false, false,
                    YamlString.quote(source.eventSource()), List.of(), "");
            case Capability.Extract extract -> new DescriptorEditor.CapabilityEntry("", false, true, false, false, false, "",
                    extract.fields().stream().map(ProjectModelFactory::yamlField).toList(), "");
            case Capability.Parse parse -> new DescriptorEditor.CapabilityEntry("", false, false, true, false, false, "",
                    List.of(), "");
            case Capability.Async async -> new DescriptorEditor.CapabilityEntry("", false, false, false, true, false, "",
                    List.of(), "[" + String.join(", ", async.events().stream().map(YamlString::quote).toList()) + "]");
            case Capability.CaptureListen listen -> new DescriptorEditor.CapabilityEntry("", false, false, false, false, true,
                    "", List.of(), "");
        };
    }

    /** The stubs the new capability needs in the user's class, from the templates the whole class is made of. */
    private String members(Capability added, ProjectModel model) {
        return switch (added) {
            case Capability.Source source -> renderer.render("java/methods/SourceMethods.java.mustache", model);
            case Capability.Extract extract -> {
                List<String> methods = new ArrayList<>();
                for (FieldView field : model.fields()) {
                    methods.add(renderer.render("java/ExtractMethod.java.mustache", field).strip());
                }
                yield "    " + String.join("\n\n    ", methods);
            }
            case Capability.Parse parse -> renderer.render("java/methods/ParseMethods.java.mustache", model);
            case Capability.Async async -> renderer.render("java/methods/AsyncMethods.java.mustache", model);
            case Capability.CaptureListen listen -> renderer.render("java/methods/CaptureMethods.java.mustache", model);
        };
    }

    private static String[] imports(Capability added) {
        return switch (added) {
            case Capability.Source source -> new String[] {"dev.falcojava.sdk.api.SourceInstance"};
            case Capability.Extract extract -> new String[] {"dev.falcojava.sdk.api.ExtractRequest"};
            case Capability.Parse parse -> new String[] {"dev.falcojava.sdk.api.PluginEvent"};
            case Capability.Async async -> new String[] {"dev.falcojava.sdk.api.AsyncEvents"};
            case Capability.CaptureListen listen -> new String[] {"dev.falcojava.sdk.api.ThreadPool"};
        };
    }
}
