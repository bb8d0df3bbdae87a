package dev.falcojava.cli.building;

import dev.falcojava.sdk.abi.Layouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The project's C header of the plugin API and the SDK's {@link Layouts} describe the same structs: a C program
 * compiled against the header prints the offset of every member the SDK names and the size of every struct, and they
 * must be the SDK's.
 */
class AbiHeaderLayoutsTest {

    private static final Path HEADER = Path.of("../native-host/falco_host_abi.h").toAbsolutePath();

    /** The header's type of each layout of the SDK. */
    private static final Map<String, String> C_TYPES = Map.ofEntries(
            Map.entry("EVENT_HEADER", "host_event_header"),
            Map.entry("EVENT_INPUT", "host_event_input"),
            Map.entry("EXTRACT_FIELD", "host_extract_field"),
            Map.entry("TABLE_READER", "host_table_reader_vtable"),
            Map.entry("TABLE_READER_EXT", "host_table_reader_vtable_ext"),
            Map.entry("TABLE_WRITER", "host_table_writer_vtable"),
            Map.entry("TABLE_FIELDS", "host_table_fields_vtable"),
            Map.entry("TABLE_INFO", "host_table_info"),
            Map.entry("TABLE_FIELD_INFO", "host_table_fieldinfo"),
            Map.entry("TABLE_INPUT", "host_table_input"),
            Map.entry("INIT_TABLES_INPUT", "host_init_tables_input"),
            Map.entry("EXTRACT_INPUT", "host_extract_input"),
            Map.entry("INIT_INPUT", "host_init_input"),
            Map.entry("PARSE_INPUT", "host_parse_input"),
            Map.entry("CAPTURE_LISTEN_INPUT", "host_capture_listen_input"),
            Map.entry("ROUTINE_VTABLE", "host_routine_vtable"),
            Map.entry("SET_CONFIG_INPUT", "host_set_config_input"),
            Map.entry("METRIC", "host_metric"));

    @Test
    void theHeaderHasTheOffsetsAndSizesOfTheSdksLayouts(@TempDir Path tmp) throws Exception {
        Map<String, StructLayout> layouts = sdkLayouts();
        assertEquals(new TreeMap<>(C_TYPES).keySet(), layouts.keySet(), "every layout of the SDK has its C type here");

        StringBuilder program = new StringBuilder("#include <stdio.h>\n#include \"falco_host_abi.h\"\nint main(void) {\n");
        List<String> expected = new ArrayList<>();
        layouts.forEach((name, layout) -> {
            String type = C_TYPES.get(name);
            program.append("    printf(\"%s size %zu\\n\", \"").append(name).append("\", sizeof(").append(type).append("));\n");
            expected.add(name + " size " + layout.byteSize());
            for (MemoryLayout member : layout.memberLayouts()) {
                if (member.name().isEmpty()) {
                    continue;
                }
                String field = member.name().get();
                program.append("    printf(\"%s.%s %zu\\n\", \"").append(name).append("\", \"").append(field)
                        .append("\", offsetof(").append(type).append(", ").append(field).append("));\n");
                expected.add(name + "." + field + " " + layout.byteOffset(PathElement.groupElement(field)));
            }
        });
        program.append("    return 0;\n}\n");
        Path source = Files.writeString(tmp.resolve("layouts.c"), program);

        Path binary = tmp.resolve("layouts");
        ProcessRunner.Outcome compiled = ProcessRunner.run(List.of(BuildTool.GCC.command(), "-Wall", "-Wextra", "-Werror",
                "-I" + HEADER.getParent(), "-o", binary.toString(), source.toString()), tmp, Map.of());
        assertEquals(0, compiled.exitCode(), compiled.output());
        ProcessRunner.Outcome printed = ProcessRunner.run(List.of(binary.toString()), tmp, Map.of());
        assertEquals(0, printed.exitCode(), printed.output());
        assertEquals(String.join("\n", expected), printed.output().strip());
    }

    private static Map<String, StructLayout> sdkLayouts() throws IllegalAccessException {
        Map<String, StructLayout> layouts = new TreeMap<>();
        for (Field field : Layouts.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == StructLayout.class) {
                layouts.put(field.getName(), (StructLayout) field.get(null));
            }
        }
        return layouts;
    }
}
