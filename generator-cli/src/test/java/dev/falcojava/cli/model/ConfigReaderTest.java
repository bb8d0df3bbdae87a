package dev.falcojava.cli.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

/** The config section of plugin.yaml: typed keys, nested objects, lists, enums, constraints and optional keys. */
class ConfigReaderTest {

    private static List<ConfigKey> read(String config) throws DescriptorException {
        return DescriptorReader.parse(ConfigDescriptors.withConfig(config), "p.yaml").config();
    }

    private static List<String> problems(String config) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> read(config));
        return e.problems().stream().map(DescriptorProblem::toString).toList();
    }

    private static void assertProblem(String config, String expected) {
        List<String> problems = problems(config);
        assertThat(problems).anyMatch(p -> p.contains(expected));
    }

    @Test
    void readsNestedObjectsListsEnumsConstraintsAndOptionalKeys() throws Exception {
        List<ConfigKey> keys = DescriptorReader.parse(ConfigDescriptors.CLOUD, "p.yaml").config();
        ConfigType.Group aws = (ConfigType.Group) keys.get(0).type();
        assertEquals("Aws", aws.javaName());
        assertEquals(new ConfigType.Text(Optional.of("^[a-z]+-[a-z]+-[0-9]$")), aws.keys().get(0).type());
        assertTrue(aws.keys().get(1).optional());
        assertFalse(aws.keys().get(1).required());
        assertTrue(keys.get(0).required(), "aws.region is required, so aws is");
        assertEquals(new ConfigType.Integral("int", false, Optional.of(BigDecimal.ONE), Optional.of(new BigDecimal("65535"))),
                keys.get(1).type());
        assertEquals(Optional.of(8080L), keys.get(1).defaultValue());
        assertEquals(new ConfigType.Choice(List.of("debug", "info", "us-east-1"), "Level"), keys.get(2).type());
        ConfigType.Items rules = (ConfigType.Items) keys.get(3).type();
        assertEquals(1, rules.minItems());
        assertEquals("RulesItem", ((ConfigType.Group) rules.items()).javaName());
        assertEquals(Optional.of(List.of("root", "a\"dmin")), keys.get(4).defaultValue());
        assertEquals("US_EAST_1", Names.constant("us-east-1"));
    }

    @Test
    void anObjectWhoseKeysAllHaveDefaultsMayBeAbsent() throws Exception {
        ConfigKey key = read("""
                - name: limits
                  type: object
                  description: Limits
                  keys:
                    - name: rate
                      type: number
                      description: Rate
                      default: 1.5
                """).getFirst();
        assertFalse(key.required());
    }

    @Test
    void integerStaysALongForOldDescriptors() throws Exception {
        ConfigKey key = read("""
                - name: max-events
                  type: integer
                  description: How many
                  default: 10
                """).getFirst();
        assertEquals(new ConfigType.Integral("integer", true, Optional.empty(), Optional.empty()), key.type());
        assertEquals(Optional.of(10L), key.defaultValue());
    }

    @Test
    void badTypesSettingsAndDefaultsAreReportedAtTheirPosition() {
        assertProblem("""
                - name: port
                  type: int
                  description: Port
                  maximum: 99999999999
                """, "p.yaml:10:14: maximum must be from -2147483648 to 2147483647 for type int");
        assertProblem("""
                - name: port
                  type: int
                  description: Port
                  minimum: 10
                  maximum: 5
                """, "maximum 5 is below minimum 10");
        assertProblem("""
                - name: port
                  type: int
                  description: Port
                  minimum: 1
                  default: 0
                """, "p.yaml:11:14: default 0 is below minimum 1");
        assertProblem("""
                - name: port
                  type: int
                  description: Port
                  pattern: x
                """, "p.yaml:10:5: 'pattern' is not a setting of type int (its settings: minimum, maximum)");
        assertProblem("""
                - name: name
                  type: string
                  description: Name
                  pattern: "[a-"
                """, "p.yaml:10:14: pattern is not a regular expression");
        assertProblem("""
                - name: name
                  type: string
                  description: Name
                  pattern: "^[a-z]+$"
                  default: ABC
                """, "default 'ABC' does not match the pattern ^[a-z]+$");
        assertProblem("""
                - name: level
                  type: enum
                  description: Level
                """, "an enum needs 'values'");
        assertProblem("""
                - name: level
                  type: enum
                  description: Level
                  values: [a-b, a_b]
                """, "enum values 'a-b' and 'a_b' give the same Java constant A_B");
        assertProblem("""
                - name: level
                  type: enum
                  description: Level
                  values: [a, b]
                  default: c
                """, "default 'c' is not one of a, b");
        assertProblem("""
                - name: aws
                  type: object
                  description: AWS
                """, "an object needs 'keys'");
        assertProblem("""
                - name: aws
                  type: object
                  description: AWS
                  keys:
                    - name: region
                      type: string
                      description: Region
                  default: {}
                """, "an object takes no default");
        assertProblem("""
                - name: users
                  type: list
                  description: Users
                """, "a list needs 'items'");
        assertProblem("""
                - name: users
                  type: list
                  description: Users
                  items: strin
                """, "unknown config type 'strin'");
        assertProblem("""
                - name: users
                  type: list
                  description: Users
                  items: int
                  min-items: 2
                  default: [1]
                """, "the default has 1 items, fewer than min-items 2");
        assertProblem("""
                - name: users
                  type: list
                  description: Users
                  items: int
                  default: [1, x]
                """, "default 'x' is not of type int");
        assertProblem("""
                - name: token
                  type: string
                  description: Token
                  optional: true
                  default: x
                """, "a key with a default is not optional");
        assertProblem("""
                - name: to-string
                  type: string
                  description: T
                """, "becomes the Java name toString, which a record component cannot have");
    }

    @Test
    void twoTypesThatWouldGetTheSameJavaNameAreRefused() {
        assertProblem("""
                - name: mode
                  type: enum
                  description: Mode
                  values: [a]
                - name: inner
                  type: object
                  description: Inner
                  keys:
                    - name: mode
                      type: enum
                      description: Mode
                      values: [b]
                """, "becomes the Java type Mode, a name the config record or another of its types already has");
        assertProblem("""
                - name: list
                  type: enum
                  description: L
                  values: [a]
                """, "becomes the Java type List");
        assertProblem("""
                - name: cloud-config
                  type: object
                  description: C
                  keys:
                    - name: a
                      type: boolean
                      description: A
                """, "becomes the Java type CloudConfig");
    }

    @Test
    void aConfigClassIsAQualifiedNameAndExcludesConfig() throws Exception {
        String withClass = ConfigDescriptors.withConfig("""
                - name: a
                  type: string
                  description: A
                """).replace("config:\n", "config-class: com.example.cloud.CloudSettings\nconfig:\n");
        assertTrue(assertThrows(DescriptorException.class, () -> DescriptorReader.parse(withClass, "p.yaml")).problems().stream()
                .anyMatch(p -> p.message().equals("config and config-class both describe init_config: keep one")));
        String only = withClass.substring(0, withClass.indexOf("config:\n")) + withClass.substring(withClass.indexOf("capabilities:"));
        PluginDescriptor d = DescriptorReader.parse(only, "p.yaml");
        assertEquals(Optional.of(new ConfigClass("com.example.cloud.CloudSettings", Optional.empty())), d.configClass());
        assertTrue(d.config().isEmpty());
        assertThat(assertThrows(DescriptorException.class, () -> DescriptorReader.parse(only.replace(
                "com.example.cloud.CloudSettings", "CloudSettings"), "p.yaml")).problems().getFirst().message())
                .startsWith("config-class 'CloudSettings' is not the fully qualified name of a class in a package");
    }
}
