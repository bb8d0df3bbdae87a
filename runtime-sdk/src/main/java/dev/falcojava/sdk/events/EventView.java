package dev.falcojava.sdk.events;

import dev.falcojava.sdk.abi.syscall.ParamReader;
import dev.falcojava.sdk.api.PluginEvent;

/** What every generated view shares: its type, its reader, and the decoding of the structured parameter types. */
abstract class EventView {

    static final int AF_UNSPEC = 0;
    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    final ParamReader params;
    private final int code;
    private final String typeName;

    EventView(int code, String typeName, String[] paramNames, boolean largePayload) {
        this.code = code;
        this.typeName = typeName;
        this.params = new ParamReader(code, typeName, paramNames);
    }

    final void reset(PluginEvent event) {
        params.reset(event);
    }

    public final int eventCode() {
        return code;
    }

    public final String eventName() {
        return typeName;
    }

    public final PluginEvent event() {
        return params.event();
    }

    /** Appends {@code " name=value"} for every parameter, read through the typed accessors. */
    abstract void appendParams(StringBuilder out);

    /** The event type and every parameter as read through the typed accessors: {@code openat_x fd=3 ...}. */
    @Override
    public final String toString() {
        StringBuilder out = new StringBuilder(typeName);
        appendParams(out);
        return out.toString();
    }

    final Errno errno(int index, Errno errno) {
        errno.set(params.s64(index));
        return errno;
    }

    final SocketAddress socketAddress(int index, SocketAddress address) {
        address.read(params, index);
        return address;
    }

    final SocketTuple socketTuple(int index, SocketTuple tuple) {
        tuple.read(params, index);
        return tuple;
    }

    final FdList fdList(int index, FdList list) {
        list.read(params, index);
        return list;
    }

    final DynamicParam dynamic(int index, DynamicParam param) {
        param.read(params, index);
        return param;
    }
}
