package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.CaptureListener;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.PluginEvent;
import dev.falcojava.sdk.api.PluginInfo;
import dev.falcojava.sdk.api.tables.BoolField;
import dev.falcojava.sdk.api.tables.FieldKind;
import dev.falcojava.sdk.api.tables.StateType;
import dev.falcojava.sdk.api.tables.Table;
import dev.falcojava.sdk.api.tables.Tables;

/** Marks every thread when a capture opens and unmarks it when it closes: table writes from capture listening. */
public class CaptureTablesPlugin implements ParsePlugin, CaptureListener {

    private Table threads;
    private BoolField captured;

    @Override
    public PluginInfo info() {
        return new PluginInfo("capture-tables", "1.0.0", "marks threads during a capture", "nobody", "3.7.0");
    }

    @Override
    public void init(String config) {
    }

    @Override
    public void init(String config, Tables tables) {
        threads = tables.table("threads", StateType.INT64);
        captured = threads.addField("captured", FieldKind.BOOL);
    }

    @Override
    public void parse(PluginEvent event) {
    }

    @Override
    public void captureOpened() {
        mark(true);
    }

    @Override
    public void captureClosed() {
        mark(false);
    }

    private void mark(boolean value) {
        threads.forEach(thread -> {
            thread.set(captured, value);
            return true;
        });
    }
}
