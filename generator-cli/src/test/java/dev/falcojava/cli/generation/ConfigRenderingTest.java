package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.ConfigDescriptors;
import dev.falcojava.cli.model.DescriptorReader;
import dev.falcojava.cli.model.PluginDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The config record rendered from plugin.yaml, compiled against the SDK and run on configs. */
class ConfigRenderingTest {


    private static Method parse;

    @BeforeAll
    static void renderAndCompile(@TempDir Path tmp) throws Exception {
        PluginDescriptor descriptor = DescriptorReader.parse(ConfigDescriptors.CLOUD, "plugin.yaml");
        String source = new TemplateRenderer().render("java/Config.java.mustache",
                new ProjectModelFactory(CliVersion.projectVersions()).create(descriptor));
        Path file = tmp.resolve("src/com/example/cloud/CloudConfig.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = compiler.run(null, null, errors, "-Xlint:all", "-Werror", "-d", tmp.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path"), file.toString());
        assertEquals(0, rc, errors + "\n" + source);
        URLClassLoader loader = new URLClassLoader(new java.net.URL[]{tmp.resolve("classes").toUri().toURL()},
                ConfigRenderingTest.class.getClassLoader());
        parse = loader.loadClass("com.example.cloud.CloudConfig").getMethod("parse", String.class);
    }

    private static String read(String json) throws Exception {
        return parse.invoke(null, json).toString();
    }

    private static String error(String json) {
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> parse.invoke(null, json));
        assertEquals("dev.falcojava.sdk.config.InvalidConfigException", e.getCause().getClass().getName());
        return e.getCause().getMessage();
    }

    @Test
    void aConfigIsBoundToNestedRecordsListsEnumsAndOptionals() throws Exception {
        assertEquals("CloudConfig[aws=Aws[region=us-east-1, profile=Optional.empty], port=8080, level=INFO,"
                        + " rules=[RulesItem[user=root, weight=1.0]], ignored=[root, a\"dmin], maxEvents=10, matrix=Optional.empty]",
                read("{\"aws\": {\"region\": \"us-east-1\"}, \"rules\": [{\"user\": \"root\"}]}"));
        assertEquals("CloudConfig[aws=Aws[region=eu-west-3, profile=Optional[dev]], port=443, level=US_EAST_1,"
                        + " rules=[RulesItem[user=a, weight=0.5], RulesItem[user=b, weight=2.0]], ignored=[], maxEvents=99999999999,"
                        + " matrix=Optional[[[1, 2], []]]]",
                read("{\"aws\": {\"region\": \"eu-west-3\", \"profile\": \"dev\"}, \"port\": 443, \"level\": \"us-east-1\","
                        + " \"rules\": [{\"user\": \"a\", \"weight\": 0.5}, {\"user\": \"b\", \"weight\": 2}], \"ignored\": [],"
                        + " \"max-events\": 99999999999, \"matrix\": [[1, 2], []]}"));
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsJsonPointer() {
        assertEquals("3 problems: /aws/region: must be a string, not 5; /port: must be at most 65535, not 70000;"
                        + " /rules/1/user: is required",
                error("{\"aws\": {\"region\": 5}, \"port\": 70000, \"rules\": [{\"user\": \"a\"}, {}]}"));
        assertEquals("6 problems: /aws: is required; /level: must be one of debug, info, us-east-1,"
                        + " not the string \"warn\"; /rules: is required; /ignored/1: must be a string, not 2; /matrix/0/1: must be an integer,"
                        + " not 1.5; /matrix/1: must be an array, not an object",
                error("{\"level\": \"warn\", \"ignored\": [\"a\", 2], \"matrix\": [[1, 1.5], {}]}"));
        assertEquals("4 problems: /aws/regoin: is unknown (known: region, profile); /aws/region: must match the pattern"
                        + " ^[a-z]+-[a-z]+-[0-9]$, not the string \"Mars\"; /port: must be an integer from -2147483648 to"
                        + " 2147483647, not 3000000000; /rules: must have at least 1 item, not 0",
                error("{\"aws\": {\"region\": \"Mars\", \"regoin\": 1}, \"rules\": [], \"port\": 3000000000}"));
    }
}
