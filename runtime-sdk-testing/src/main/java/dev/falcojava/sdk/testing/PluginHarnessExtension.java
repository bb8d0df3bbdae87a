package dev.falcojava.sdk.testing;

import dev.falcojava.sdk.api.Plugin;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.AnnotatedElement;
import java.util.Objects;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link FalcoPluginTest}, also usable on its own:
 *
 * <pre>{@code
 * @RegisterExtension
 * final PluginHarnessExtension plugin = PluginHarnessExtension.of(MyPlugin.class).withConfig("{}");
 *
 * @Test
 * void extracts() {
 *     PluginHarness harness = plugin.harness();
 * }
 * }</pre>
 *
 * Each test gets its own harness, initialized on first use (a parameter or {@link #harness()}) and closed after the
 * test with its open source.
 */
public final class PluginHarnessExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

    private record Setup(Class<? extends Plugin> type, String config, String openParams) {
    }

    /** What one test started. */
    private static final class Started {
        PluginHarness harness;
        PluginHarness.OpenSource source;
    }

    private final Setup registered;
    /** Each instance keeps what its tests started apart from any other registration's. */
    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(PluginHarnessExtension.class, this);
    private ExtensionContext current;

    /** The extension {@link FalcoPluginTest} registers: it reads the annotation. */
    public PluginHarnessExtension() {
        this(null);
    }

    private PluginHarnessExtension(Setup registered) {
        this.registered = registered;
    }

    /** An extension for {@code type} with an empty config and open parameters, for {@code @RegisterExtension}. */
    public static PluginHarnessExtension of(Class<? extends Plugin> type) {
        return new PluginHarnessExtension(new Setup(Objects.requireNonNull(type, "type"), "", ""));
    }

    /** The same extension with {@code config} as init_config. */
    public PluginHarnessExtension withConfig(String config) {
        return new PluginHarnessExtension(new Setup(setup().type(), Objects.requireNonNull(config, "config"), setup().openParams()));
    }

    /** The same extension opening sources with {@code openParams}. */
    public PluginHarnessExtension withOpenParams(String openParams) {
        return new PluginHarnessExtension(new Setup(setup().type(), setup().config(), Objects.requireNonNull(openParams, "openParams")));
    }

    /** The current test's harness, initialized on first use; only during a test of a {@code @RegisterExtension} field. */
    public PluginHarness harness() {
        if (current == null) {
            throw new IllegalStateException("harness() is available during a test only, with the extension registered"
                    + " through @RegisterExtension on a field");
        }
        return started(current).harness;
    }

    /** The current test's source, opened on first use. */
    public PluginHarness.OpenSource source() {
        harness();
        return source(current);
    }

    /** Remembers the test for {@link #harness()}; the harness itself starts on first use. */
    @Override
    public void beforeEach(ExtensionContext context) {
        current = context;
    }

    /** Parameters of test methods and {@code @BeforeEach} methods (not constructors, which outlive a test). */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.getDeclaringExecutable() instanceof java.lang.reflect.Method
                && (type == PluginHarness.class || type == PluginHarness.OpenSource.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PluginHarness.class ? started(context).harness : source(context);
    }

    /** Closes the source, then the harness, of the test. */
    @Override
    public void afterEach(ExtensionContext context) {
        Started started = context.getStore(namespace).remove(Started.class, Started.class);
        current = null;
        if (started == null) {
            return;
        }
        try {
            if (started.source != null) {
                started.source.close();
            }
        } finally {
            started.harness.close();
        }
    }

    private Started started(ExtensionContext context) {
        Started started = context.getStore(namespace).getOrComputeIfAbsent(Started.class, key -> new Started(), Started.class);
        if (started.harness == null) {
            Setup setup = setup(context);
            started.harness = PluginHarness.init(setup.type(), setup.config());
        }
        return started;
    }

    private PluginHarness.OpenSource source(ExtensionContext context) {
        Started started = started(context);
        if (started.source == null) {
            started.source = started.harness.open(setup(context).openParams());
        }
        return started.source;
    }

    private Setup setup() {
        if (registered == null) {
            throw new IllegalStateException("this extension reads @FalcoPluginTest; use PluginHarnessExtension.of(MyPlugin.class)");
        }
        return registered;
    }

    private Setup setup(ExtensionContext context) {
        if (registered != null) {
            return registered;
        }
        Optional<FalcoPluginTest> annotation = context.getTestMethod().flatMap(PluginHarnessExtension::annotation)
                .or(() -> context.getTestClass().flatMap(PluginHarnessExtension::annotation));
        FalcoPluginTest found = annotation.orElseThrow(() -> new ExtensionConfigurationException(
                "PluginHarnessExtension needs @FalcoPluginTest(MyPlugin.class) on the test class or method, or"
                        + " registration with @RegisterExtension PluginHarnessExtension.of(MyPlugin.class)"));
        return new Setup(found.value(), found.config(), found.openParams());
    }

    private static Optional<FalcoPluginTest> annotation(AnnotatedElement element) {
        return Optional.ofNullable(element.getAnnotation(FalcoPluginTest.class));
    }
}
