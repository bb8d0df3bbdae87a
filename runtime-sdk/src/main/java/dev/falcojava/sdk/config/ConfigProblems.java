package dev.falcojava.sdk.config;

import java.util.ArrayList;
import java.util.List;

/** The problems of one init_config, each prefixed with the JSON pointer of its value; shared by all its readers. */
final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    void add(String pointer, String message) {
        problems.add((pointer.isEmpty() ? "/" : pointer) + ": " + message);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** Fails with every problem, one after the other, when there is any. */
    void check() throws InvalidConfigException {
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems.size() == 1 ? problems.getFirst()
                    : problems.size() + " problems: " + String.join("; ", problems));
        }
    }

    /** Fails with the problems like {@link #check()}, forgetting them: for readers that fail at once. */
    void checkAndForget() throws InvalidConfigException {
        try {
            check();
        } finally {
            problems.clear();
        }
    }

    /** The JSON pointer (RFC 6901) of {@code key} inside the value at {@code pointer}. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
