package dev.falcojava.sdk.abi.events;

import dev.falcojava.sdk.abi.ReturnCode;
import dev.falcojava.sdk.api.AsyncEventRejectedException;
import dev.falcojava.sdk.api.AsyncEvents;
import dev.falcojava.sdk.api.PluginEvent;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static dev.falcojava.sdk.abi.Layouts.*;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Pushes async events (type 402: plugin id, name, data) to the handler the host set, from any thread. The event
 * memory belongs to the pushing call and is released when the handler returned, as the API allows. Once
 * {@linkplain #withdraw() withdrawn}, no push reaches the handler: a push in progress finishes first.
 */
public final class NativeAsyncEvents implements AsyncEvents {

    /** {@code PLUGIN_MAX_ERRLEN}: the size of the error buffer the handler may fill. */
    private static final int ERROR_BYTES = 1024;
    private static final FunctionDescriptor HANDLER = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);

    private final MemorySegment owner;
    private final MethodHandle handler;
    private final Set<String> names;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean withdrawn;

    public NativeAsyncEvents(long owner, long handler, List<String> names) {
        this.owner = MemorySegment.ofAddress(owner);
        this.handler = Linker.nativeLinker().downcallHandle(MemorySegment.ofAddress(handler), HANDLER);
        this.names = Set.copyOf(names);
    }

    @Override
    public void push(String name, byte[] data, long timestamp, long threadId) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (!names.contains(name)) {
            throw new IllegalArgumentException("async event '" + name + "' is not declared; the plugin declares "
                    + names.stream().sorted().toList());
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long nameLength = nameBytes.length + 1L;
        long params = EVENT_HEADER_SIZE + 12;
        long length = params + 4 + nameLength + data.length;
        if (length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("async event '" + name + "' of " + length + " bytes is too large");
        }
        lock.readLock().lock();
        try (Arena arena = Arena.ofConfined()) {
            if (withdrawn) {
                throw new AsyncEventRejectedException("async event '" + name
                        + "' not pushed: the host withdrew its handler (stopAsync was called)");
            }
            MemorySegment event = arena.allocate(length, 8);
            event.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TS, timestamp);
            event.set(ValueLayout.JAVA_LONG_UNALIGNED, EVENT_TID, threadId);
            event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_LEN, (int) length);
            event.set(ValueLayout.JAVA_SHORT_UNALIGNED, EVENT_TYPE, (short) PluginEvent.ASYNC_EVENT_TYPE);
            event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_NPARAMS, 3);
            event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_HEADER_SIZE, 4);
            event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_HEADER_SIZE + 4, (int) nameLength);
            event.set(ValueLayout.JAVA_INT_UNALIGNED, EVENT_HEADER_SIZE + 8, data.length);
            event.set(ValueLayout.JAVA_INT_UNALIGNED, params, 0);
            MemorySegment.copy(nameBytes, 0, event, ValueLayout.JAVA_BYTE, params + 4, nameBytes.length);
            MemorySegment.copy(data, 0, event, ValueLayout.JAVA_BYTE, params + 4 + nameLength, data.length);
            MemorySegment error = arena.allocate(ERROR_BYTES);
            int rc = (int) handler.invokeExact(owner, event, error);
            if (rc != ReturnCode.SUCCESS) {
                String why = error.getString(0);
                throw new AsyncEventRejectedException("the host refused async event '" + name + "' (rc " + rc + ")"
                        + (why.isEmpty() ? "" : ": " + why));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** From now on pushes fail; waits for the pushes in progress. */
    public void withdraw() {
        lock.writeLock().lock();
        try {
            withdrawn = true;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
