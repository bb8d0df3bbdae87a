package com.example.sysx;

import dev.falcojava.sdk.api.ExtractRequest;
import dev.falcojava.sdk.api.PluginEvent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads system events and other plugins' events by parameter; counts what it parsed. */
public class SysxPlugin extends AbstractSysxPlugin {

    private long seen;

    @Override
    public void init(String config) {
    }

    @Override
    public void parse(PluginEvent event) {
        seen++;
    }

    @Override
    protected String extractSource(ExtractRequest request) {
        return request.event().source();
    }

    @Override
    protected long extractTid(ExtractRequest request) {
        return request.event().threadId();
    }

    @Override
    protected long extractNumber(ExtractRequest request) {
        PluginEvent event = request.event();
        if (event.type() == PluginEvent.PLUGIN_EVENT_TYPE) {
            return event.pluginId();
        }
        return ByteBuffer.wrap(event.param(0)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    protected String extractText(ExtractRequest request) {
        byte[] text = request.event().param(1);
        int end = text.length > 0 && text[text.length - 1] == 0 ? text.length - 1 : text.length;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    protected List<Long> extractLengths(ExtractRequest request) {
        List<Long> lengths = new ArrayList<>();
        for (int i = 0; i < request.event().paramCount(); i++) {
            lengths.add((long) request.event().paramLength(i));
        }
        return lengths;
    }

    @Override
    protected long extractSeen(ExtractRequest request) {
        return seen;
    }
}
