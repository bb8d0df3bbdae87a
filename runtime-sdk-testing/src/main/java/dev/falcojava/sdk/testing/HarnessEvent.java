package dev.falcojava.sdk.testing;

/**
 * An event a {@link PluginHarness} passes to the plugin: a plugin event ({@link CapturedEvent}) or a system call
 * event ({@link SyscallEventRecord}, made with {@link SyscallEventBuilder}).
 */
public sealed interface HarnessEvent permits CapturedEvent, SyscallEventRecord {

    /** The number the host gives the event ({@code evtnum}). */
    long number();

    /** The thread id of the event header ({@code -1}: no thread). */
    long threadId();
}
