package dev.falcojava.sdk.abi;

import dev.falcojava.sdk.abi.events.NativeAsyncEvents;
import dev.falcojava.sdk.abi.events.NativeExtractRequest;
import dev.falcojava.sdk.abi.events.NativePluginEvent;
import dev.falcojava.sdk.abi.tables.OwnedTable;
import dev.falcojava.sdk.abi.tables.TableCall;
import dev.falcojava.sdk.api.ExtractPlugin;
import dev.falcojava.sdk.api.ParsePlugin;
import dev.falcojava.sdk.api.Plugin;
import dev.falcojava.sdk.logging.Failures;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything that belongs to one {@code ss_plugin_t}: the plugin object, its last error, its open instances,
 * and the native memory of results the host reads after a call.
 */
final class PluginState {

    final Plugin plugin;
    final HandleTable<InstanceState> instances = new HandleTable<>();
    final ScratchBuffer lastErrorText = new ScratchBuffer("last error", 256, ScratchBuffer.RESULT_LIMIT);
    final ScratchBuffer eventText = new ScratchBuffer("event text", 256, ScratchBuffer.RESULT_LIMIT);
    final ScratchBuffer openParamsText = new ScratchBuffer("open parameters", 64, ScratchBuffer.RESULT_LIMIT);
    final ScratchBuffer metricsMemory = new ScratchBuffer("metrics", 256, ScratchBuffer.RESULT_LIMIT);
    final NativePluginEvent eventView = new NativePluginEvent();
    final NativePluginEvent parseView = new NativePluginEvent();
    /** Where the plugin pushes async events, while the host has a handler set. */
    volatile NativeAsyncEvents asyncEvents;
    final NativeExtractRequest extraction;
    /** The plugin as an extractor, or {@code null}. */
    final ExtractPlugin extractor;
    /** The plugin as a parser, or {@code null}. */
    final ParsePlugin parser;
    /** The tables API during the current call. */
    final TableCall tableCall = new TableCall();
    /** The tables this plugin added to the host: kept reachable while the host may call them. */
    final List<OwnedTable> ownedTables = new ArrayList<>();

    private String lastError = "";

    PluginState(Plugin plugin) {
        this.plugin = plugin;
        this.extractor = plugin instanceof ExtractPlugin extract ? extract : null;
        this.parser = plugin instanceof ParsePlugin parse ? parse : null;
        this.extraction = extractor != null ? new NativeExtractRequest(extractor.fields()) : null;
    }

    /** A state whose plugin could not be created; it only reports why. */
    static PluginState broken(String why) {
        PluginState state = new PluginState(null);
        state.fail(why);
        return state;
    }

    /** Longest last error kept, in characters; the rest is cut with a note. */
    static final int MAX_ERROR_CHARS = 16 * 1024;

    void fail(String context, Throwable failure) {
        fail(Failures.describe(context, failure));
    }

    void fail(String message) {
        lastError = message.length() <= MAX_ERROR_CHARS ? message
                : message.substring(0, MAX_ERROR_CHARS) + "... (" + (message.length() - MAX_ERROR_CHARS) + " more characters)";
    }

    String lastError() {
        return lastError;
    }

    /**
     * What the plugin's tables report during init: errors become the last error, tables it adds are kept. Classes
     * rather than lambdas, as the JVM spins a lambda of a plugin's class loader at run time (the AOT cache holds none).
     */
    Consumer<String> tableErrors() {
        return new TableErrors(this);
    }

    Consumer<OwnedTable> addedTables() {
        return new AddedTables(ownedTables);
    }

    private record TableErrors(PluginState state) implements Consumer<String> {
        @Override
        public void accept(String message) {
            state.fail(message);
        }
    }

    private record AddedTables(List<OwnedTable> tables) implements Consumer<OwnedTable> {
        @Override
        public void accept(OwnedTable table) {
            tables.add(table);
        }
    }
}
