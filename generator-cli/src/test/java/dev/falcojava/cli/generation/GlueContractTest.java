package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.sdk.abi.BridgeSlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rendered glue and the SDK's {@link BridgeSlot} agree on the slot order, the table version and the mask. */
class GlueContractTest {

    private static final String DESCRIPTOR = """
            name: contract
            version: 1.0.0
            description: d
            contact: c
            id: 999
            package: org.acme.contract
            capabilities:
              source:
                event-source: contract
              extract:
                fields:
                  - name: contract.count
                    type: uint64
                    description: The number of the event
            """;

    @Test
    void theGlueTableIsTheSdksBridgeSlotContract(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("contract");
        new ProjectGenerator(CliVersion.projectVersions()).create(DescriptorReader.parse(DESCRIPTOR, "plugin.yaml"), project);
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
            if (List.of("core", "source", "extract").contains(slot.capability())) {
                mask |= slot.bit();
            }
        }
        Matcher table = Pattern.compile("fjp_bridge = \\{FJP_BRIDGE_ABI_VERSION, FJP_SLOT_COUNT, 0x([0-9a-f]+)ULL").matcher(glue);
        table.find();
        assertEquals(mask, Long.parseLong(table.group(1), 16));
    }
}
