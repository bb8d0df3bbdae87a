package dev.falcojava.codegen.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EventModelsTest {

    private static final EventTable.Source SOURCE = new EventTable.Source("https://github.com/falcosecurity/libs",
            "48dfd53cd23f95720521d41b89883bbc35c8567f", List.of("driver/event_table.c"));

    private static EventTable.Param param(String name, String type) {
        return new EventTable.Param(name, type, "DEC", null, null, null);
    }

    private static EventTable table(List<EventTable.Event> events, Map<String, List<EventTable.FlagValue>> flags) {
        return new EventTable("", SOURCE, "4.3.0", "4.5.1", events, flags, Map.of());
    }

    private static EventTable.Event event(int code, String name, String direction, EventTable.Param... params) {
        return new EventTable.Event(code, "SYSCALL_" + code + "_X", name, direction, null, List.of(params));
    }

    private static String refused(EventTable table) {
        return assertThrows(IllegalArgumentException.class, () -> new EventModels(table, "t.json")).getMessage();
    }

    @Test
    void aViewHasAnAccessorPerParameterOfItsJavaType() {
        EventModels models = new EventModels(table(List.of(event(5, "close", "exit", param("res", "ERRNO"),
                param("fd", "FD"))), Map.of()), "t.json");
        EventModels.View close = models.views().getFirst();
        assertEquals("CloseX", close.className());
        assertEquals("close_x", close.typeName());
        assertEquals("ExitEvent", close.interfaceName());
        assertEquals(List.of("Errno res", "long fd"), close.params().stream().map(a -> a.javaType() + " " + a.accessor()).toList());
        assertEquals("errno(0, res)", close.params().get(0).read());
        assertEquals("params.s64(1)", close.params().get(1).read());
        assertEquals("CloseX", models.directions().get(1).permits());
    }

    @Test
    void namesThatAreNotIdentifiersOrClashAreRefusedNamingTheEventAndParameter() {
        assertEquals("event SYSCALL_3_X (code 3): 'open-at' is not a plain identifier",
                refused(table(List.of(event(3, "open-at", "exit")), Map.of())));
        assertEquals("event SYSCALL_3_X (code 3), parameter 0: 'class' makes the accessor class, which Java or the view"
                + " already uses", refused(table(List.of(event(3, "x", "exit", param("class", "FD"))), Map.of())));
        assertEquals("event SYSCALL_3_X (code 3), parameter 1: accessor fd appears twice",
                refused(table(List.of(event(3, "x", "exit", param("fd", "FD"), param("fd", "FD"))), Map.of())));
        assertEquals("event SYSCALL_3_X (code 3), parameter 0: parameter type 'FLOAT' has no Java mapping; add it to ParamType",
                refused(table(List.of(event(3, "x", "exit", param("v", "FLOAT"))), Map.of())));
        assertEquals("event SYSCALL_3_X (code 3): direction 'both' is neither enter nor exit",
                refused(table(List.of(event(3, "x", "both")), Map.of())));
        assertEquals("event SYSCALL_3_X (code 3): its code or its name y_x appears twice",
                refused(table(List.of(event(3, "x", "exit"), event(3, "y", "exit")), Map.of())));
    }

    @Test
    void flagSetsBecomeConstantsAndAConstantWithTwoValuesIsRefused() {
        EventModels models = new EventModels(table(List.of(), Map.of("file_flags", List.of(
                new EventTable.FlagValue("O_CREAT", 4), new EventTable.FlagValue("O_CREAT", 4),
                new EventTable.FlagValue("O_HIGH", 0x80000000L)))), "t.json");
        EventModels.FlagSet flags = models.flagSets().getFirst();
        assertEquals("FileFlags", flags.className());
        assertEquals(List.of("O_CREAT=0x4", "O_HIGH=0x80000000"), flags.constants().stream().map(c -> c.name() + "=" + c.value()).toList());
        assertEquals("flag set f: A has two values, 1 and 2", refused(table(List.of(), Map.of("f", List.of(
                new EventTable.FlagValue("A", 1), new EventTable.FlagValue("A", 2))))));
    }
}
