package dev.falcojava.sdk.api.tables;

/**
 * A table registered in the host, as {@link Tables#list()} reports it.
 *
 * @param name    the table's name, for example {@code threads}
 * @param keyType the type of its keys; {@code null} when the host reported a code this SDK does not know
 */
public record TableInfo(String name, StateType keyType) {
}
