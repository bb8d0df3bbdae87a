package dev.falcojava.codegen.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the SDK's typed event sources from its event table: {@code EventCodegen <table.json> <output source dir>}.
 * Each file is written only when its content changes, so an unchanged table leaves the build incremental.
 */
public final class EventCodegen {

    static final String PACKAGE = "dev.falcojava.sdk.events";

    private final DefaultMustacheFactory templates = new DefaultMustacheFactory("dev/falcojava/codegen/events") {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EventCodegen <event table json> <output source directory>");
        }
        EventTable table = read(Path.of(args[0]));
        int written = new EventCodegen().write(new EventModels(table, Path.of(args[0]).getFileName().toString()),
                Path.of(args[1]));
        System.out.println("typed events: " + table.events().size() + " event types, " + written + " files changed");
    }

    static EventTable read(Path file) throws IOException {
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .readValue(file.toFile(), EventTable.class);
    }

    int write(EventModels models, Path root) throws IOException {
        Path dir = root.resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        int changed = 0;
        for (EventModels.View view : models.views()) {
            changed += render("View.java.mustache", Map.of("view", view, "dataFile", models.dataFile()), dir.resolve(view.className() + ".java"));
        }
        for (EventModels.Direction direction : models.directions()) {
            changed += render("Direction.java.mustache", direction, dir.resolve(direction.interfaceName() + ".java"));
        }
        for (EventModels.FlagSet flags : models.flagSets()) {
            changed += render("Flags.java.mustache", flags, dir.resolve(flags.className() + ".java"));
        }
        changed += render("EventTypes.java.mustache", models, dir.resolve("EventTypes.java"));
        return changed;
    }

    private int render(String template, Object model, Path target) throws IOException {
        Mustache mustache = templates.compile(template);
        StringWriter out = new StringWriter();
        mustache.execute(out, model instanceof Map<?, ?> ? model : Map.of("m", model)).flush();
        String text = out.toString();
        if (Files.exists(target) && Files.readString(target).equals(text)) {
            return 0;
        }
        Files.writeString(target, text);
        return 1;
    }
}
