package dev.falcojava.sdk.events;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Coverage-guided fuzzing of the typed views over random events: of a type of the table with random parameter
 * counts, lengths and bytes, or wholly random bytes. Reading every parameter of the view, and the parts of its
 * structured parameters, either succeeds or fails with a {@link MalformedEventException} that names the event and
 * the parameter; nothing else is thrown, and nothing is read outside the event.
 */
class TypedEventFuzzTest {

    private static final int[] CODES = IntStream.range(0, 1024).filter(code -> EventTypes.typeName(code) != null).toArray();

    private final SyscallEvents events = new SyscallEvents();

    @FuzzTest(maxExecutions = 50_000)
    void typedViews(FuzzedDataProvider data) {
        BytesEvent event = data.consumeBoolean() ? structured(data) : new BytesEvent(data.consumeRemainingAsBytes());
        try {
            SyscallEvent view = events.read(event);
            if (view != null) {
                assertFalse(view.toString().isEmpty());
                readParts(view);
            }
        } catch (MalformedEventException e) {
            assertNotNull(e.getMessage());
            if (!e.eventType().isEmpty()) {
                assertTrue(e.getMessage().startsWith(e.eventType() + " (code "), e.getMessage());
                assertTrue(e.getMessage().contains("'" + e.param() + "'"), e.getMessage());
                assertFalse(e.param().isEmpty(), e.getMessage());
            } else {
                assertTrue(e.getMessage().startsWith("event 1: malformed event"), e.getMessage());
            }
        }
        assertFalse(event.readOutside(), "a view read outside its event");
    }

    /** An event of a type of the table, with a parameter count and lengths near the type's. */
    private static BytesEvent structured(FuzzedDataProvider data) {
        int code = CODES[data.consumeInt(0, CODES.length - 1)];
        int count = data.consumeInt(0, 12);
        byte[][] params = new byte[count][];
        for (int i = 0; i < count; i++) {
            params[i] = data.consumeBytes(data.pickValue(new int[] {0, 1, 2, 4, 8, 13, 17, 19, 37, data.consumeInt(0, 64)}));
        }
        BytesEvent event = BytesEvent.of(code, params);
        return count > 0 && data.consumeBoolean() ? new BytesEvent(event.paramLengthsPastTheEnd()) : event;
    }

    /** The parts of structured parameters that toString does not read. */
    private static void readParts(SyscallEvent view) {
        switch (view) {
            case ConnectX connect -> {
                connect.tuple().unixPath();
                connect.addr().unixPath();
            }
            case AcceptX accept -> accept.tuple().unixPath();
            case PollX poll -> {
                for (int i = 0; i < poll.fds().count(); i++) {
                    poll.fds().fd(i);
                }
            }
            default -> {
            }
        }
    }
}
