package dev.falcojava.cli.generation;

import dev.falcojava.cli.generation.escape.CString;
import dev.falcojava.sdk.abi.BridgeSlot;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the native glue and header (templates/native) see beside the model: the plugin's texts as the bodies of C
 * string literals, under the tag names those templates use, and the function table the glue shares with the SDK,
 * derived from the SDK's {@link BridgeSlot} contract (its slot order, ABI version and the mask of the slots this
 * plugin uses), which is the one source of those facts. Identifiers are validated, and pass as they are.
 */
public record GlueView(ProjectModel model) {

    public String cName() {
        return CString.escape(model.name());
    }

    public String cVersion() {
        return CString.escape(model.version());
    }

    public String cDescription() {
        return CString.escape(model.description());
    }

    public String cContact() {
        return CString.escape(model.contact());
    }

    public String cRequiredApiVersion() {
        return CString.escape(model.requiredApiVersion());
    }

    public String cEventSource() {
        return CString.escape(model.eventSource());
    }

    public String cFieldsJson() {
        return CString.escape(model.fieldsJson());
    }

    public String cInitSchema() {
        return CString.escape(model.initSchema());
    }

    public String cPluginClass() {
        return CString.escape(model.pluginClass());
    }

    public String cJavaHome() {
        return CString.escape(model.javaHome());
    }

    public String cSymbolPrefix() {
        return model.symbolPrefix();
    }

    public String cApiSymbol() {
        return model.apiSymbol();
    }

    public String cHeaderGuard() {
        return model.headerGuard();
    }

    /** The glue's slot enum, in the SDK's order. */
    public List<ProjectModel.Item> bridgeSlots() {
        BridgeSlot[] slots = BridgeSlot.values();
        return IntStream.range(0, slots.length).mapToObj(i -> new ProjectModel.Item(slots[i].name(), i == slots.length - 1)).toList();
    }

    /** The version of the table layout the SDK expects. */
    public int bridgeAbiVersion() {
        return BridgeSlot.ABI_VERSION;
    }

    /** The mask of the slots the glue asks the SDK for, as a C literal: the core slots and those of every declared capability. */
    public String bridgeMask() {
        long mask = Arrays.stream(BridgeSlot.values()).filter(slot -> declares(slot.capability()))
                .mapToLong(BridgeSlot::bit).reduce(0, (a, b) -> a | b);
        return "0x" + Long.toHexString(mask) + "ULL";
    }

    private boolean declares(String capability) {
        ProjectModel.Natives natives = model.natives();
        return switch (capability) {
            case "core" -> true;
            case "source" -> model.source();
            case "extract" -> model.extract();
            case "parse" -> natives.parse();
            case "async" -> natives.async();
            case "capture-listen" -> natives.captureListen();
            case "metrics" -> natives.metrics();
            case "reconfigure" -> natives.reconfigure();
            default -> throw new IllegalStateException("the SDK's bridge slots name a capability the glue does not know: " + capability);
        };
    }

    /** The JVM options, each as {@code cOption}. */
    public List<Option> jvmOptions() {
        return model.jvmOptions().stream().map(o -> new Option(CString.escape(o))).toList();
    }

    /** A JVM option as the body of a C string literal. */
    public record Option(String cOption) {
    }
}
