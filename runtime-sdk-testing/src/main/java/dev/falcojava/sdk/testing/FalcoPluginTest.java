package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.Plugin;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of the class with a started {@link PluginHarness} of {@link #value()}: the test method (or a
 * {@code @BeforeEach} method) declares a {@code PluginHarness} parameter, and a
 * {@code PluginHarness.OpenSource} parameter for a source opened with {@link #openParams()}. The harness is
 * initialized with {@link #config()} before the test and closed after it, the source too. On a method it replaces the
 * class's annotation for that test.
 *
 * <pre>{@code
 * @FalcoPluginTest(value = MyPlugin.class, config = "{\"max-events\": 3}")
 * class MyPluginTest {
 *     @Test
 *     void emitsThreeEvents(PluginHarness.OpenSource source) {
 *         assertEquals(3, source.take(10).size());
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PluginHarnessExtension.class)
public @interface FalcoPluginTest {

    /** The plugin class. */
    Class<? extends Plugin> value();

    /** The init_config passed to {@code plugin_init}. */
    String config() default "";

    /** The parameters passed to {@code plugin_open} for a {@code PluginHarness.OpenSource} parameter. */
    String openParams() default "";
}
