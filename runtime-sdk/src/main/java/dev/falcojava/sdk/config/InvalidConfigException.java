package dev.falcojava.sdk.config;

/** An init_config that cannot be used; the message names the key (or position) and why. */
public final class InvalidConfigException extends Exception {

    public InvalidConfigException(String message) {
        super(message);
    }
}
