package dev.falcojava.sdk.events;

import dev.falcojava.sdk.api.PluginEvent;

/**
 * Reads events through their typed views. It keeps one view per event type, made on the first event of that type
 * and reset for each later one: reading numeric parameters allocates nothing. A view is valid during the call that
 * received its event only, and one {@code SyscallEvents} serves one thread of calls.
 *
 * <pre>{@code
 * switch (events.read(event)) {
 *     case OpenatX open when !open.res().failed() -> opened(open.fd(), open.name());
 *     case CloseX close -> closed(close.fd());
 *     case null, default -> { }
 * }
 * }</pre>
 */
public final class SyscallEvents {

    private final EventView[] views = new EventView[EventTypes.MAX_CODE + 1];

    /**
     * The typed view of {@code event}, or {@code null} if its type has none (see {@link EventTypes}).
     *
     * @throws MalformedEventException if the event's own layout is broken (its parameter lengths run past its end)
     */
    public SyscallEvent read(PluginEvent event) {
        int code;
        try {
            code = event.type();
        } catch (RuntimeException e) {
            throw new MalformedEventException("", "", "event " + event.number() + ": " + e.getMessage());
        }
        if (code < 0 || code >= views.length) {
            return null;
        }
        EventView view = views[code];
        if (view == null) {
            view = EventTypes.newView(code);
            if (view == null) {
                return null;
            }
            views[code] = view;
        }
        view.reset(event);
        return (SyscallEvent) view;
    }

    /**
     * The view of {@code event} as {@code type}, as in {@code events.as(event, OpenatX.class)}.
     *
     * @throws IllegalArgumentException if the event is of another type
     */
    public <T extends SyscallEvent> T as(PluginEvent event, Class<T> type) {
        SyscallEvent view = read(event);
        if (!type.isInstance(view)) {
            throw new IllegalArgumentException("event " + event.number() + " of type " + event.type() + " ("
                    + EventTypes.typeName(event.type()) + ") is not a " + type.getSimpleName());
        }
        return type.cast(view);
    }
}
