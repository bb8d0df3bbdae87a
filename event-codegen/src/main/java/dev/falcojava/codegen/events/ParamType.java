package dev.falcojava.codegen.events;

import java.util.Arrays;

/**
 * How each parameter type of the event table reads in Java: the accessor's type, the reader call that decodes it,
 * and how the view's text shows it. A flyweight type is a reusable object of the view, reset by each read.
 */
enum ParamType {
    INT8("int", "s8", Render.NUMBER),
    INT16("int", "s16", Render.NUMBER),
    INT32("int", "s32", Render.NUMBER),
    INT64("long", "s64", Render.NUMBER),
    UINT8("int", "u8", Render.NUMBER),
    UINT16("int", "u16", Render.NUMBER),
    UINT32("long", "u32", Render.NUMBER),
    UINT64("long", "u64", Render.UNSIGNED),
    FD("long", "s64", Render.NUMBER),
    PID("long", "s64", Render.NUMBER),
    FD32("long", "s32", Render.NUMBER),
    PID32("long", "s32", Render.NUMBER),
    UID("long", "u32", Render.NUMBER),
    GID("long", "u32", Render.NUMBER),
    SIGTYPE("int", "u8", Render.NUMBER),
    SYSCALLID("int", "u16", Render.NUMBER),
    SIGSET("int", "s32", Render.NUMBER),
    RELTIME("long", "u64", Render.UNSIGNED),
    ABSTIME("long", "u64", Render.UNSIGNED),
    FLAGS8("int", "u8", Render.NUMBER),
    FLAGS16("int", "u16", Render.NUMBER),
    FLAGS32("int", "s32", Render.NUMBER),
    ENUMFLAGS8("int", "u8", Render.NUMBER),
    ENUMFLAGS16("int", "u16", Render.NUMBER),
    ENUMFLAGS32("int", "s32", Render.NUMBER),
    MODE("int", "s32", Render.NUMBER),
    ERRNO("Errno", "errno", Render.OBJECT),
    CHARBUF("String", "string", Render.OBJECT),
    FSPATH("java.nio.file.Path", "path", Render.OBJECT),
    FSRELPATH("java.nio.file.Path", "path", Render.OBJECT),
    BYTEBUF("byte[]", "bytes", Render.HEX),
    SOCKADDR("SocketAddress", "socketAddress", Render.OBJECT),
    SOCKTUPLE("SocketTuple", "socketTuple", Render.OBJECT),
    FDLIST("FdList", "fdList", Render.OBJECT),
    DYN("DynamicParam", "dynamic", Render.OBJECT);

    /** How the view's text shows a value. */
    enum Render { NUMBER, UNSIGNED, HEX, OBJECT }

    final String javaType;
    final String reader;
    final Render render;

    ParamType(String javaType, String reader, Render render) {
        this.javaType = javaType;
        this.reader = reader;
        this.render = render;
    }

    /** Whether the accessor returns a reusable object of the view rather than a value. */
    boolean flyweight() {
        return switch (this) {
            case ERRNO, SOCKADDR, SOCKTUPLE, FDLIST, DYN -> true;
            default -> false;
        };
    }

    static ParamType of(String type, String where) {
        return Arrays.stream(values()).filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ": parameter type '" + type
                        + "' has no Java mapping; add it to ParamType"));
    }
}
