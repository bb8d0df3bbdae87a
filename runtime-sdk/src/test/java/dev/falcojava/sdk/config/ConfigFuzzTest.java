package dev.falcojava.sdk.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Coverage-guided fuzzing of init_config reading and binding: whatever the text, reading it either succeeds or fails
 * with an {@link InvalidConfigException} with a message; nothing else is thrown (the fuzzer reports any other
 * exception as a finding, and a hang as a timeout). The test command runs a bounded number of inputs with
 * {@code JAZZER_FUZZ=1}; docs/design.md says how to run it longer.
 */
class ConfigFuzzTest {

    @FuzzTest(maxExecutions = 50_000)
    @DictionaryEntries({"{", "}", "[", "]", ":", ",", "\"aws\"", "\"region\"", "\"profile-name\"", "\"rules\"", "\"user\"",
            "\"weight\"", "\"mode\"", "\"fast-path\"", "\"limit\"", "\"ratio\"", "\"on\"", "\"ports\"", "\"limits\"",
            "\"burst\"", "\"rate\"", "\"level\"", "\"debug\"", "\"accounts\"", "true", "false", "null", "\\u00e9", "1e400",
            "99999999999999999999", "-0", "0.5"})
    void initConfig(FuzzedDataProvider data) {
        String json = data.consumeRemainingAsString();
        bindsOrRefuses(() -> ConfigRecords.bind(json, ConfigRecordsTest.Settings.class));
        bindsOrRefuses(() -> ConfigValueTest.Cloud.parse(json));
    }

    private interface Read {
        Object read() throws InvalidConfigException;
    }

    private static void bindsOrRefuses(Read read) {
        try {
            assertNotNull(read.read());
        } catch (InvalidConfigException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a config error says what is wrong");
        }
    }
}
