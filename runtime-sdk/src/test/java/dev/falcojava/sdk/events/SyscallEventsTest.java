package dev.falcojava.sdk.events;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.falcojava.sdk.events.BytesEvent.*;
import static org.junit.jupiter.api.Assertions.*;

class SyscallEventsTest {

    private final SyscallEvents events = new SyscallEvents();

    private static BytesEvent openat(long fd, String name, int flags) {
        return BytesEvent.of(OpenatX.CODE, le(fd, 8), le(-100, 8), cstring(name), le(flags, 4), le(0644, 4),
                le(2049, 4), le(131, 8));
    }

    @Test
    void anOpenatReadsThroughItsTypedAccessors() {
        SyscallEvent event = events.read(openat(7, "/etc/shadow", FileFlags.O_RDWR | FileFlags.O_CREAT));
        OpenatX open = assertInstanceOf(OpenatX.class, event);
        assertEquals(7, open.fd());
        assertEquals(-100, open.dirfd());
        assertEquals(Path.of("/etc/shadow"), open.name());
        assertEquals(FileFlags.O_CREAT, open.flags() & FileFlags.O_CREAT);
        assertEquals(0644, open.mode());
        assertEquals(2049, open.dev());
        assertEquals(131, open.ino());
        assertEquals(307, open.eventCode());
        assertEquals("openat_x", open.eventName());
        assertInstanceOf(ExitEvent.class, open);
    }

    @Test
    void theViewOfATypeIsReusedForEachEventOfIt() {
        OpenatX first = events.as(openat(3, "/a", 0), OpenatX.class);
        OpenatX second = events.as(openat(4, "/b", 0), OpenatX.class);
        assertSame(first, second);
        assertEquals(4, second.fd());
    }

    @Test
    void asRefusesAnEventOfAnotherType() {
        BytesEvent close = BytesEvent.of(CloseX.CODE, le(0, 8), le(3, 8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> events.as(close, OpenatX.class));
        assertTrue(e.getMessage().contains("close_x") && e.getMessage().contains("OpenatX"), e.getMessage());
    }

    @Test
    void anEventTypeWithoutAViewReadsAsNull() {
        assertNull(events.read(BytesEvent.of(0, le(1, 2), le(2, 2))), "the old-version generic enter event");
        assertNull(EventTypes.typeName(0));
        assertEquals(-1, EventTypes.code("no_such_x"));
        assertEquals(307, EventTypes.code("openat_x"));
    }

    @Test
    void errnoTellsAFailedCallFromAResult() {
        CloseX failed = events.as(BytesEvent.of(CloseX.CODE, le(-9, 8), le(3, 8)), CloseX.class);
        assertTrue(failed.res().failed());
        assertEquals(9, failed.res().errno());
        CloseX closed = events.as(BytesEvent.of(CloseX.CODE, le(0, 8), le(3, 8)), CloseX.class);
        assertFalse(closed.res().failed());
        assertEquals(0, closed.res().errno());
    }

    @Test
    void socketTuplesOfEachFamilyRead() {
        byte[] inet = concat(new byte[] {2}, new byte[] {10, 0, 0, 1}, le(40000, 2), new byte[] {(byte) 192, (byte) 168, 1, 2},
                le(443, 2));
        ConnectX connect = events.as(BytesEvent.of(ConnectX.CODE, le(0, 8), inet, le(5, 8), new byte[0]), ConnectX.class);
        SocketTuple tuple = connect.tuple();
        assertEquals(2, tuple.family());
        assertEquals(0x0a000001, tuple.sourceIpv4());
        assertEquals(40000, tuple.sourcePort());
        assertEquals(0xc0a80102, tuple.destinationIpv4());
        assertEquals(443, tuple.destinationPort());
        assertEquals("inet:10.0.0.1:40000>192.168.1.2:443", tuple.toString());
        assertEquals(-1, connect.addr().family(), "an empty address is none");

        byte[] unix = concat(new byte[] {1}, le(0xffff888000001000L, 8), le(0xffff888000002000L, 8), cstring("/run/x.sock"));
        SocketTuple local = events.as(BytesEvent.of(ConnectX.CODE, le(0, 8), unix, le(5, 8), new byte[0]), ConnectX.class).tuple();
        assertEquals("/run/x.sock", local.unixPath());
        assertEquals(0xffff888000002000L, local.destinationPointer());
    }

    @Test
    void malformedParametersNameTheEventAndTheParameter() {
        MalformedEventException missing = assertThrows(MalformedEventException.class,
                () -> events.as(BytesEvent.of(OpenatX.CODE, le(3, 8)), OpenatX.class).dirfd());
        assertEquals("openat_x", missing.eventType());
        assertEquals("dirfd", missing.param());
        assertEquals("openat_x (code 307), parameter 1 'dirfd': missing: the event has 1 parameters, the type 7", missing.getMessage());

        MalformedEventException truncated = assertThrows(MalformedEventException.class, () -> events.as(
                BytesEvent.of(ConnectX.CODE, le(0, 8), new byte[] {10, 1, 2}, le(5, 8), new byte[0]), ConnectX.class).tuple());
        assertEquals("tuple", truncated.param());
        assertTrue(truncated.getMessage().contains("37 bytes, this one 3"), truncated.getMessage());

        byte[] past = BytesEvent.of(CloseX.CODE, le(0, 8), le(3, 8)).paramLengthsPastTheEnd();
        MalformedEventException beyond = assertThrows(MalformedEventException.class, () -> events.read(new BytesEvent(past)));
        assertEquals("event 1: malformed event: parameter 0 runs past the event length 46", beyond.getMessage());
    }
}
