package dev.falcojava.cli.generation;

import dev.falcojava.sdk.abi.BridgeSlot;
import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The glue's typedef of each slot's function is the C form of the SDK's {@link BridgeSlot} descriptor. */
class GlueSlotTypesTest {

    private static final Path GLUE_TEMPLATES = Path.of("../templates/native");
    private static final Pattern SLOT_TYPEDEF = Pattern.compile("typedef (\\w+) \\(\\*fjp_(\\w+)_slot\\)\\(([^)]*)\\);");

    @Test
    void everySlotHasOneTypedefWithTheSdksSignature() throws Exception {
        Map<String, String> inTemplates = new TreeMap<>();
        try (Stream<Path> files = Files.walk(GLUE_TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".mustache")).toList()) {
                Matcher typedef = SLOT_TYPEDEF.matcher(Files.readString(file));
                while (typedef.find()) {
                    String arguments = Arrays.stream(typedef.group(3).split(","))
                            .map(argument -> argument.trim().split(" ")[0]).collect(Collectors.joining(", "));
                    String previous = inTemplates.put(typedef.group(2).toUpperCase(), typedef.group(1) + "(" + arguments + ")");
                    assertEquals(null, previous, "one typedef for slot " + typedef.group(2));
                }
            }
        }
        Map<String, String> expected = new TreeMap<>();
        for (BridgeSlot slot : BridgeSlot.values()) {
            expected.put(slot.name(), cSignature(slot.descriptor()));
        }
        assertEquals(expected, inTemplates);
    }

    private static String cSignature(FunctionDescriptor descriptor) {
        String result = descriptor.returnLayout().map(GlueSlotTypesTest::cType).orElse("void");
        return result + "(" + descriptor.argumentLayouts().stream().map(GlueSlotTypesTest::cType)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String cType(MemoryLayout layout) {
        if (layout.equals(ValueLayout.JAVA_LONG)) {
            return "int64_t";
        }
        if (layout.equals(ValueLayout.JAVA_INT)) {
            return "int32_t";
        }
        throw new IllegalArgumentException("no C type for " + layout);
    }
}
