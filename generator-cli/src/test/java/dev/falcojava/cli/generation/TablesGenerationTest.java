package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.DescriptorReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesGenerationTest {

    private static final String DESCRIPTOR = """
            name: enrich
            version: 0.1.0
            description: Enriches threads
            contact: me
            package: com.example.enrich
            capabilities:
              parse: {}
            tables:
              - name: threads
                key: int64
                fields:
                  - name: comm
                    type: string
                  - name: uid
                    type: uint32
                  - name: enrich_count
                    type: uint64
                    add: true
                    description: "Events seen, */ counted"
              - name: by_name
                key: string
            """;

    private final ProjectGenerator generator = new ProjectGenerator(CliVersion.projectVersions());

    @Test
    void theTablesClassHasATypedAccessorPerTableAndFieldAndTheBaseLooksThemUpAtInit(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("enrich");
        generator.create(DescriptorReader.parse(DESCRIPTOR, "plugin.yaml"), project);
        String tables = Files.readString(project.resolve("src/generated/java/com/example/enrich/EnrichTables.java"));
        assertThat(tables).contains("public final class EnrichTables {");
        assertThat(tables).contains("    public final Threads threads;\n");
        assertThat(tables).contains("    public final ByName byName;\n");
        assertThat(tables)
                .contains("            table = tables.table(\"threads\", StateType.INT64);\n"
                + "            commField = table.field(\"comm\", FieldKind.STRING);\n"
                + "            uidField = table.field(\"uid\", FieldKind.UINT32);\n"
                + "            enrichCountField = table.addField(\"enrich_count\", FieldKind.UINT64);\n");
        assertThat(tables).contains("        public final IntField uidField;\n");
        assertThat(tables).contains("        public long enrichCount(Entry entry) {\n");
        assertThat(tables).contains("        public void setEnrichCount(Entry entry, long value) {\n");
        assertThat(tables).as(() -> "by_name has string keys: " + tables)
                .contains("        public Entry get(String key) {\n");
        assertThat(tables).as(() -> "a description must not close the Javadoc comment: " + tables)
                .doesNotContain("*/ counted");
        String base = Files.readString(project.resolve("src/generated/java/com/example/enrich/AbstractEnrichPlugin.java"));
        assertThat(base)
                .contains("public final void init(String config, dev.falcojava.sdk.api.tables.Tables hostTables) throws Exception {\n"
                + "        this.tables = new EnrichTables(hostTables);");
        assertThat(base).contains("protected final EnrichTables tables() {");
    }

    @Test
    void aPluginWithATableTypedFieldGetsAStarterTestAsAnyOther(@TempDir Path tmp) throws Exception {
        String nested = DESCRIPTOR.replace("      - name: uid\n        type: uint32\n",
                "      - name: file_descriptors\n        type: table\n        key: int64\n        fields:\n"
                + "          - name: name\n            type: string\n");
        assertThat(nested).contains("type: table");
        Path withSubtable = tmp.resolve("nested");
        generator.create(DescriptorReader.parse(nested, "plugin.yaml"), withSubtable);
        assertTrue(Files.exists(withSubtable.resolve("src/test/java/com/example/enrich/EnrichPluginTest.java")),
                "the harness's threads have the file_descriptors sub-tables, so the starter test can init the plugin");
        assertTrue(Files.exists(withSubtable.resolve("src/main/java/com/example/enrich/EnrichPlugin.java")));
        Path flat = tmp.resolve("flat");
        generator.create(DescriptorReader.parse(DESCRIPTOR, "plugin.yaml"), flat);
        assertTrue(Files.exists(flat.resolve("src/test/java/com/example/enrich/EnrichPluginTest.java")));
    }

    @Test
    void aPluginWithoutTablesHasNoTablesClass(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("enrich");
        generator.create(DescriptorReader.parse(DESCRIPTOR.substring(0, DESCRIPTOR.indexOf("tables:")), "plugin.yaml"), project);
        assertFalse(Files.exists(project.resolve("src/generated/java/com/example/enrich/EnrichTables.java")));
        String base = Files.readString(project.resolve("src/generated/java/com/example/enrich/AbstractEnrichPlugin.java"));
        assertThat(base).doesNotContain("Tables");
    }

    @Test
    void anExportedTableIsCreatedAtInitWithEveryFieldAndTheFieldsOfItsSubtables(@TempDir Path tmp) throws Exception {
        String exported = DESCRIPTOR + """
                  - name: enrich_files
                    key: string
                    export: true
                    fields:
                      - name: writers
                        type: table
                        key: int64
                        fields:
                          - name: bytes
                            type: uint64
                """;
        Path project = tmp.resolve("enrich");
        generator.create(DescriptorReader.parse(exported, "plugin.yaml"), project);
        String tables = Files.readString(project.resolve("src/generated/java/com/example/enrich/EnrichTables.java"));
        assertThat(tables).contains("table = tables.addTable(\"enrich_files\", StateType.STRING);",
                "writersField = table.addField(\"writers\", FieldKind.table(StateType.INT64));",
                "bytesField = field.addField(\"bytes\", FieldKind.UINT64);",
                "table = tables.table(\"threads\", StateType.INT64);",
                "/** Table {@code enrich_files} (string keys, exported by this plugin). */");
    }
}
