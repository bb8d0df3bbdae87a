package com.example.typed;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.events.FileFlags;
import dev.falcojava.sdk.events.OpenatX;
import dev.falcojava.sdk.events.SyscallEvent;
import dev.falcojava.sdk.events.SyscallEvents;

/** Reads every syscall event through its typed view; a malformed one fails the call with the view's message. */
public class TypedPlugin extends AbstractTypedPlugin {

    private final SyscallEvents events = new SyscallEvents();

    @Override
    public void init(String config) {
    }

    @Override
    protected String extractView(ExtractRequest request) {
        SyscallEvent view = events.read(request.event());
        return view == null ? "untyped " + request.event().type() : view.toString();
    }

    @Override
    protected String extractOpenat(ExtractRequest request) {
        if (events.read(request.event()) instanceof OpenatX open) {
            return open.fd() + " " + open.name() + " " + ((open.flags() & FileFlags.O_CREAT) != 0);
        }
        return "";
    }

}
