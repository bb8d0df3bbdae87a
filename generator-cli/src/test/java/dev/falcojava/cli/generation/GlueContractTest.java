package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.sdk.abi.BridgeSlot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rendered glue and the SDK's {@link BridgeSlot} agree on the slot order, the table version and the mask. */
class GlueContractTest {

    private static final String HEADER = """
            name: contract
            version: 1.0.0
            description: d
            contact: c
            id: 999
            package: org.acme.contract
            """;
    private static final String EXTRACT = """
              extract:
                fields:
                  - name: contract.count
                    type: uint64
                    description: The number of the event
            """;

    /** A plugin.yaml with the fewest capabilities and one with all of them, each with the capabilities whose slots it uses. */
    static Stream<Arguments> descriptors() {
        return Stream.of(
                Arguments.of(HEADER + "capabilities:\n  source:\n    event-source: contract\n" + EXTRACT,
                        List.of("core", "source", "extract")),
                Arguments.of(HEADER + "metrics: true\nreconfigure: true\ncapabilities:\n  source:\n    event-source: contract\n"
                                + EXTRACT + "  parse: {}\n  async:\n    events: [contract_tick]\n  capture-listen: {}\n",
                        List.of("core", "source", "extract", "parse", "async", "capture-listen", "metrics", "reconfigure")));
    }

    @ParameterizedTest
    @MethodSource("descriptors")
    void theGlueTableIsTheSdksBridgeSlotContract(String descriptor, List<String> capabilities, @TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("contract");
        new ProjectGenerator(CliVersion.projectVersions()).create(DescriptorReader.parse(descriptor, "plugin.yaml"), project);
        String glue = Files.readString(project.resolve("src/generated/native/plugin_glue.c"));

        Matcher enumBody = Pattern.compile("enum \\{\\s*(FJP_SLOT_[^}]*)\\};").matcher(glue);
        enumBody.find();
        List<String> slots = Arrays.stream(enumBody.group(1).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).map(name -> name.substring("FJP_SLOT_".length())).toList();
        List<String> expected = new java.util.ArrayList<>(Arrays.stream(BridgeSlot.values()).map(Enum::name).toList());
        expected.add("COUNT");
        assertEquals(expected, slots);

        Matcher version = Pattern.compile("#define FJP_BRIDGE_ABI_VERSION (\\d+)").matcher(glue);
        version.find();
        assertEquals(BridgeSlot.ABI_VERSION, Integer.parseInt(version.group(1)));

        long mask = 0;
        for (BridgeSlot slot : BridgeSlot.values()) {
            if (capabilities.contains(slot.capability())) {
                mask |= slot.bit();
            }
        }
        Matcher table = Pattern.compile("fjp_bridge = \\{FJP_BRIDGE_ABI_VERSION, FJP_SLOT_COUNT, 0x([0-9a-f]+)ULL").matcher(glue);
        table.find();
        assertEquals(mask, Long.parseLong(table.group(1), 16));
    }
}
