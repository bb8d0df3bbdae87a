package dev.falcojava.sdk.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The functions a host gives a plugin, as upcall stubs: the log function and the async event handler. They check
 * the owner and the event encoding the way a host does, and record what they receive.
 */
final class HostCallbacks {

    private static final int ASYNC_EVENT_TYPE = 402;

    private final MemorySegment owner;
    private final MemorySegment logFunction;
    private final MemorySegment asyncHandler;
    private final List<LogRecord> logLines = Collections.synchronizedList(new ArrayList<>());
    private final List<AsyncEventRecord> asyncEvents = Collections.synchronizedList(new ArrayList<>());

    HostCallbacks(MemorySegment owner, Arena arena) {
        this.owner = owner;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Linker linker = Linker.nativeLinker();
            logFunction = linker.upcallStub(lookup.findVirtual(HostCallbacks.class, "log",
                            MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class, MemorySegment.class, int.class)).bindTo(this),
                    FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_INT), arena);
            asyncHandler = linker.upcallStub(lookup.findVirtual(HostCallbacks.class, "onAsyncEvent",
                            MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, MemorySegment.class)).bindTo(this),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS), arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    MemorySegment logFunction() {
        return logFunction;
    }

    MemorySegment asyncHandler() {
        return asyncHandler;
    }

    List<LogRecord> logLines() {
        return List.copyOf(logLines);
    }

    List<AsyncEventRecord> asyncEvents() {
        return List.copyOf(asyncEvents);
    }

    private void log(MemorySegment from, MemorySegment component, MemorySegment message, int severity) {
        logLines.add(new LogRecord(from.address() == owner.address() && component.address() != 0
                ? component.reinterpret(Long.MAX_VALUE).getString(0) : null,
                from.address() != owner.address() ? "(wrong owner) " + text(message) : text(message), severity));
    }

    private int onAsyncEvent(MemorySegment from, MemorySegment event, MemorySegment error) {
        try {
            if (from.address() != owner.address()) {
                throw new IllegalStateException("the async handler got an owner that is not the one passed to the plugin");
            }
            MemorySegment header = event.reinterpret(EVENT_HEADER_SIZE + 16);
            long length = Integer.toUnsignedLong(header.get(ValueLayout.JAVA_INT_UNALIGNED, EVENT_LEN));
            int type = Short.toUnsignedInt(header.get(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE));
            int params = header.get(ValueLayout.JAVA_INT_UNALIGNED, EVENT_NPARAMS);
            if (type != ASYNC_EVENT_TYPE || params != 3) {
                throw new IllegalStateException("async event of type " + type + " with " + params + " parameters, expected 402 with 3");
            }
            MemorySegment whole = event.reinterpret(length);
            int nameLength = whole.get(ValueLayout.JAVA_INT_UNALIGNED, EVENT_HEADER_SIZE + 4);
            int dataLength = whole.get(ValueLayout.JAVA_INT_UNALIGNED, EVENT_HEADER_SIZE + 8);
            long names = EVENT_HEADER_SIZE + 16;
            if (names + nameLength + dataLength != length || nameLength < 1 || whole.get(ValueLayout.JAVA_BYTE, names + nameLength - 1) != 0) {
                throw new IllegalStateException("async event parameters do not match its length " + length);
            }
            asyncEvents.add(new AsyncEventRecord(whole.getString(names),
                    whole.asSlice(names + nameLength, dataLength).toArray(ValueLayout.JAVA_BYTE),
                    whole.get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TS), whole.get(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID)));
            return 0;
        } catch (Throwable t) {
            error.reinterpret(1024).setString(0, String.valueOf(t.getMessage()));
            return 1;
        }
    }

    private static String text(MemorySegment message) {
        return message.address() == 0 ? "(null)" : message.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
