package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.FieldDefinition;
import dev.falcojava.sdk.api.FieldType;
import dev.falcojava.sdk.events.OpenatX;
import dev.falcojava.sdk.events.SyscallEvents;

import java.util.List;

/** Extracts parameters of openat_x events through the SDK's typed view, and the event's type and source. */
public class OpenatPlugin extends FixturePlugin implements ExtractPlugin {

    private final SyscallEvents events = new SyscallEvents();

    public OpenatPlugin() {
        super("openat", "3.3.0");
    }

    @Override
    public List<FieldDefinition> fields() {
        return List.of(new FieldDefinition("openat.fd", FieldType.UINT64, "the fd"),
                new FieldDefinition("openat.name", FieldType.STRING, "the path"),
                new FieldDefinition("openat.flags", FieldType.UINT64, "the flags"),
                new FieldDefinition("openat.ino", FieldType.UINT64, "the inode"),
                new FieldDefinition("openat.where", FieldType.STRING, "type, source and thread of the event"));
    }

    @Override
    public void extract(ExtractRequest request) {
        OpenatX open = events.as(request.event(), OpenatX.class);
        switch (request.fieldName()) {
            case "openat.fd" -> request.setU64(open.fd());
            case "openat.name" -> request.setString(open.name().toString());
            case "openat.flags" -> request.setU64(open.flags());
            case "openat.ino" -> request.setU64(open.ino());
            default -> request.setString(request.event().type() + " " + request.event().source() + " "
                    + request.event().threadId());
        }
    }
}
