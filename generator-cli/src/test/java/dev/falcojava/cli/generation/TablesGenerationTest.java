package dev.falcojava.cli.generation;

import dev.falcojava.cli.CliVersion;
import dev.falcojava.cli.model.DescriptorReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
        assertTrue(tables.contains("public final class EnrichTables {"), tables);
        assertTrue(tables.contains("    public final Threads threads;\n"), tables);
        assertTrue(tables.contains("    public final ByName byName;\n"), tables);
        assertTrue(tables.contains("            table = tables.table(\"threads\", StateType.INT64);\n"
                + "            commField = table.field(\"comm\", FieldKind.STRING);\n"
                + "            uidField = table.field(\"uid\", FieldKind.UINT32);\n"
                + "            enrichCountField = table.addField(\"enrich_count\", FieldKind.UINT64);\n"), tables);
        assertTrue(tables.contains("        public final IntField uidField;\n"), tables);
        assertTrue(tables.contains("        public long enrichCount(Entry entry) {\n"), tables);
        assertTrue(tables.contains("        public void setEnrichCount(Entry entry, long value) {\n"), tables);
        assertTrue(tables.contains("        public Entry get(String key) {\n"), "by_name has string keys: " + tables);
        assertFalse(tables.contains("*/ counted"), "a description must not close the Javadoc comment: " + tables);
        String base = Files.readString(project.resolve("src/generated/java/com/example/enrich/AbstractEnrichPlugin.java"));
        assertTrue(base.contains("public final void init(String config, dev.falcojava.sdk.api.tables.Tables hostTables) throws Exception {\n"
                + "        this.tables = new EnrichTables(hostTables);"), base);
        assertTrue(base.contains("protected final EnrichTables tables() {"), base);
    }

    @Test
    void aPluginWithoutTablesHasNoTablesClass(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("enrich");
        generator.create(DescriptorReader.parse(DESCRIPTOR.substring(0, DESCRIPTOR.indexOf("tables:")), "plugin.yaml"), project);
        assertFalse(Files.exists(project.resolve("src/generated/java/com/example/enrich/EnrichTables.java")));
        String base = Files.readString(project.resolve("src/generated/java/com/example/enrich/AbstractEnrichPlugin.java"));
        assertFalse(base.contains("Tables"), base);
    }
}
