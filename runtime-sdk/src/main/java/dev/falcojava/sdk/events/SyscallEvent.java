package dev.falcojava.sdk.events;

import dev.falcojava.sdk.api.PluginEvent;

/**
 * A syscall event read through its typed view: one final class per event type ({@link OpenatX}, {@link ExecveX},
 * ...), each an {@link EnterEvent} or an {@link ExitEvent}, with one accessor per parameter. Get one from
 * {@link SyscallEvents}; match on it with {@code switch} or {@code instanceof}.
 */
public sealed interface SyscallEvent permits EnterEvent, ExitEvent {

    /** The event type code. */
    int eventCode();

    /** The event's name with its direction, as in {@code openat_x}. */
    String eventName();

    /** The event this view reads. */
    PluginEvent event();
}
