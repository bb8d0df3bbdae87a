package dev.falcojava.cli.model;

/** plugin.yaml texts with a config section, shared by the tests that read, render and check configs. */
public final class ConfigDescriptors {

    /**
     * A config with every kind of key: nested objects, lists of objects and of lists, enums, constraints, defaults,
     * optional keys, and texts to escape.
     */
    public static final String CLOUD = withConfig("""
                - name: aws
                  type: object
                  description: "AWS, */ with \\"quotes\\""
                  keys:
                    - name: region
                      type: string
                      description: Region
                      pattern: "^[a-z]+-[a-z]+-[0-9]$"
                    - name: profile
                      type: string
                      description: Profile
                      optional: true
                - name: port
                  type: int
                  description: Port
                  minimum: 1
                  maximum: 65535
                  default: 8080
                - name: level
                  type: enum
                  description: Level
                  values: [debug, info, us-east-1]
                  default: info
                - name: rules
                  type: list
                  description: Rules
                  min-items: 1
                  items:
                    type: object
                    keys:
                      - name: user
                        type: string
                        description: User
                      - name: weight
                        type: number
                        description: Weight
                        minimum: 0
                        default: 1
                - name: ignored
                  type: list
                  description: Ignored users
                  items: string
                  default: [root, "a\\"dmin"]
                - name: max-events
                  type: integer
                  description: Old style long
                  default: 10
                - name: matrix
                  type: list
                  description: Lists of lists
                  items:
                    type: list
                    items: long
                  optional: true
                """);

    private ConfigDescriptors() {
    }

    /** A descriptor of the plugin {@code cloud} whose config section is {@code config} (its keys at column 0). */
    public static String withConfig(String config) {
        return """
                name: cloud
                version: 0.1.0
                description: d
                contact: c
                package: com.example.cloud
                config:
                """ + config.indent(2) + """
                capabilities:
                  extract:
                    event-sources: [x]
                    fields:
                      - name: cloud.a
                        type: string
                        description: A
                """;
    }
}
