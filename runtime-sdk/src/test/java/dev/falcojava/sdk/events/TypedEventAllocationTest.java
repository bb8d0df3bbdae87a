package dev.falcojava.sdk.events;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static dev.falcojava.sdk.events.BytesEvent.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In steady state, reading numeric parameters through the typed views allocates nothing on the Java heap per
 * event: the views, their errno, socket tuple and fd list objects are reset, not made, for each event.
 */
class TypedEventAllocationTest {

    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 200_000;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void numericParametersReadWithoutAllocating() {
        SyscallEvents events = new SyscallEvents();
        byte[] tuple = concat(new byte[] {2}, new byte[] {10, 0, 0, 1}, le(40000, 2), new byte[] {10, 0, 0, 2}, le(443, 2));
        byte[] fds = concat(le(2, 2), le(3, 8), le(1, 2), le(4, 8), le(4, 2));
        BytesEvent[] batch = {
                BytesEvent.of(OpenatX.CODE, le(7, 8), le(-100, 8), cstring("/etc/passwd"), le(FileFlags.O_RDONLY, 4),
                        le(0, 4), le(2049, 4), le(131, 8)),
                BytesEvent.of(ReadX.CODE, le(512, 8), new byte[16], le(7, 8), le(512, 4)),
                BytesEvent.of(WriteX.CODE, le(-11, 8), new byte[8], le(1, 8), le(8, 4)),
                BytesEvent.of(CloseX.CODE, le(0, 8), le(7, 8)),
                BytesEvent.of(ConnectX.CODE, le(0, 8), tuple, le(5, 8), new byte[0]),
                BytesEvent.of(PollX.CODE, le(1, 8), fds, le(100, 8)),
        };
        long sum = 0;
        for (int round = 0; round < 2; round++) {
            int total = round == 0 ? WARM_UP : MEASURED;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < total; i++) {
                sum += readNumbers(events.read(batch[i % batch.length]));
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (round == 1) {
                double perEvent = (double) allocated / total;
                System.out.printf("typed views in steady state: %d bytes over %d events (%.4f bytes per event)%n",
                        allocated, total, perEvent);
                assertEquals(0.0, perEvent, 0.05, "bytes allocated per event reading numeric parameters (checksum "
                        + sum + "); a stray JIT-time allocation is below the tolerance, one object per event is not");
            }
        }
    }

    private static long readNumbers(SyscallEvent event) {
        return switch (event) {
            case OpenatX open -> open.fd() + open.dirfd() + open.flags() + open.mode() + open.dev() + open.ino();
            case ReadX read -> read.res().value() + read.fd() + read.size();
            case WriteX write -> write.res().errno() + write.fd() + write.size();
            case CloseX close -> (close.res().failed() ? 1 : 0) + close.fd();
            case ConnectX connect -> connect.res().value() + connect.tuple().sourceIpv4() + connect.tuple().sourcePort()
                    + connect.tuple().destinationPort() + connect.fd();
            case PollX poll -> poll.res().value() + poll.fds().fd(1) + poll.fds().flags(0) + poll.fds().count() + poll.timeout();
            default -> throw new AssertionError(event);
        };
    }
}
