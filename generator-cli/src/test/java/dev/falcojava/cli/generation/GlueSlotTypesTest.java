package dev.falcojava.cli.generation;

import dev.falcojava.sdk.abi.BridgeSlot;
import dev.falcojava.sdk.abi.UpcallShape;
import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The glue's slot function types are the C form of the SDK's {@link UpcallShape}s: one typedef of the uniform shape,
 * through which the glue calls exactly the slots the SDK gives that shape, and one for each slot the host calls itself.
 */
class GlueSlotTypesTest {

    private static final Path GLUE_TEMPLATES = Path.of("../templates/native");
    private static final Pattern SLOT_TYPEDEF = Pattern.compile("typedef (\\w+) \\(\\*fjp_(\\w+)_fn\\)\\(([^)]*)\\);");
    private static final Pattern SLOT_CALL = Pattern.compile("FJP_CALL\\(FJP_SLOT_(\\w+)\\)");

    @Test
    void theGlueDeclaresTheSdksShapesAndCallsOnlyUniformSlots() throws Exception {
        Map<String, String> typedefs = new TreeMap<>();
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.walk(GLUE_TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".mustache")).toList()) {
                String text = Files.readString(file);
                Matcher typedef = SLOT_TYPEDEF.matcher(text);
                while (typedef.find()) {
                    String arguments = Arrays.stream(typedef.group(3).split(","))
                            .map(argument -> argument.trim().split(" ")[0]).collect(Collectors.joining(", "));
                    String previous = typedefs.put(typedef.group(2), typedef.group(1) + "(" + arguments + ")");
                    assertEquals(null, previous, "one typedef fjp_" + typedef.group(2) + "_fn");
                }
                Matcher call = SLOT_CALL.matcher(text);
                while (call.find()) {
                    called.add(call.group(1));
                }
            }
        }
        Map<String, String> expectedTypedefs = new TreeMap<>();
        expectedTypedefs.put("slot", cSignature(UpcallShape.UNIFORM));
        Set<String> expectedCalled = new TreeSet<>();
        for (BridgeSlot slot : BridgeSlot.values()) {
            if (slot.descriptor().equals(UpcallShape.UNIFORM)) {
                expectedCalled.add(slot.name());
            } else {
                expectedTypedefs.put(slot.name().toLowerCase(), cSignature(slot.descriptor()));
            }
        }
        assertEquals(expectedTypedefs, typedefs);
        assertEquals(expectedCalled, called, "the slots the glue calls through the uniform shape");
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
