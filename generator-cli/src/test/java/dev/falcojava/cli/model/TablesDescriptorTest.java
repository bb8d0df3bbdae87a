package dev.falcojava.cli.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesDescriptorTest {

    private static final String PLUGIN = """
            name: enrich
            version: 0.1.0
            description: Enriches threads
            contact: me
            package: com.example.enrich
            capabilities:
              parse: {}
            """;

    private static final String TABLES = """
            tables:
              - name: threads
                key: int64
                fields:
                  - name: comm
                    type: string
                  - name: enrich_count
                    type: uint64
                    add: true
                    description: Events seen
            """;

    @Test
    void readsTablesWithTheirKeysAndFields() throws Exception {
        PluginDescriptor d = DescriptorReader.parse(PLUGIN + TABLES, "plugin.yaml");
        assertEquals(List.of(new TableSpec("threads", TableType.INT64, List.of(
                new TableFieldSpec("comm", TableType.STRING, false, ""),
                new TableFieldSpec("enrich_count", TableType.UINT64, true, "Events seen")))), d.tables());
        assertEquals(List.of(), DescriptorReader.parse(PLUGIN, "plugin.yaml").tables());
        assertEquals("3.3.0", d.requiredApiVersion());
        assertEquals("4.3.0", EventSchema.required(d), "a parser of every event reports the event schema");
    }

    private static List<String> problems(String yaml) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> DescriptorReader.parse(yaml, "p.yaml"));
        return e.problems().stream().map(DescriptorProblem::toString).toList();
    }

    @Test
    void tablesNeedParseOrExtract() {
        List<String> problems = problems(PLUGIN.replace("parse: {}", "async:\n    events: [tick]") + TABLES);
        assertEquals(List.of("p.yaml:9:1: tables need the parse or extract capability: Falco gives tables to those plugins only"),
                problems);
    }

    @Test
    void everyProblemOfATableIsReportedAtItsPosition() {
        String yaml = PLUGIN + """
                tables:
                  - name: threads
                    key: bool
                    fields:
                      - name: comm
                        type: text
                      - name: class
                        type: int64
                      - name: pid
                        type: int64
                        add: maybe
                  - name: 9lives
                    key: uint64
                  - name: my-table
                    key: string
                    fields:
                      - name: a_b
                        type: bool
                      - name: a-b
                        type: bool
                  - name: my_table
                    key: uint64
                    extra: 1
                """;
        assertEquals(List.of(
                "p.yaml:10:10: a table cannot be keyed by bool: use an integer type or string",
                "p.yaml:13:15: unknown type 'text' (known: int8, int16, int32, int64, uint8, uint16, uint32, uint64, string, bool, table)",
                "p.yaml:14:15: field of table threads 'class' becomes the Java name class, which is a Java keyword",
                "p.yaml:18:14: add must be true or false, not 'maybe'",
                "p.yaml:19:11: name '9lives' is not valid: letters, digits, '_', '.' and '-', starting with a letter",
                "p.yaml:26:15: field of table my-table 'a-b' is declared twice, or becomes the same Java name aB as another one",
                "p.yaml:30:5: 'extra' is not a key of a table (known: export, fields, key, name)",
                "p.yaml:28:11: table 'my_table' is declared twice, or becomes the same Java name myTable as another one"),
                problems(yaml));
    }

    @Test
    void aFieldOfTypeTableDeclaresTheKeyAndFieldsOfItsSubtables() throws Exception {
        PluginDescriptor d = DescriptorReader.parse(PLUGIN + """
                tables:
                  - name: threads
                    key: int64
                    fields:
                      - name: file_descriptors
                        type: table
                        key: int64
                        fields:
                          - name: name
                            type: string
                          - name: enrich_bytes
                            type: uint64
                            add: true
                """, "plugin.yaml");
        assertEquals(List.of(new TableSpec("threads", TableType.INT64, List.of(
                new TableFieldSpec("file_descriptors", TableType.TABLE, false, "", new TableFieldSpec.Subtable(TableType.INT64, List.of(
                        new TableFieldSpec("name", TableType.STRING, false, ""),
                        new TableFieldSpec("enrich_bytes", TableType.UINT64, true, ""))))))), d.tables());
    }

    @Test
    void everyProblemOfANestedTableIsReportedAtItsPosition() {
        String yaml = PLUGIN + """
                tables:
                  - name: threads
                    key: table
                    fields:
                      - name: file_descriptors
                        type: table
                        key: bool
                        add: true
                        fields:
                          - name: deeper
                            type: table
                            key: int64
                          - name: name
                            type: string
                            key: int64
                      - name: comm
                        type: string
                        fields: []
                      - name: fds
                        type: table
                """;
        assertEquals(List.of(
                "p.yaml:10:10: a table cannot be keyed by table: use an integer type or string",
                "p.yaml:15:14: field threads.file_descriptors: a field of type table cannot be added, the table's owner defines it"
                        + " (a table the plugin exports can have one)",
                "p.yaml:14:14: the sub-tables of field threads.file_descriptors cannot be keyed by bool: use an integer type or string",
                "p.yaml:18:19: field threads.file_descriptors.deeper: the SDK reaches one level of nested tables, so a sub-table cannot have fields of type table",
                "p.yaml:22:13: field name of table threads.file_descriptors: 'key' is for fields of type table only",
                "p.yaml:25:9: field comm of table threads: 'fields' is for fields of type table only",
                "p.yaml:26:9: 'key' is required"),
                problems(yaml));
    }

    @Test
    void anExportedTableHasEveryFieldAddedItsFieldsOfTypeTableIncluded() throws Exception {
        PluginDescriptor d = DescriptorReader.parse(PLUGIN + """
                tables:
                  - name: enrich_files
                    key: string
                    export: true
                    fields:
                      - name: path
                        type: string
                      - name: writers
                        type: table
                        key: int64
                        fields:
                          - name: bytes
                            type: uint64
                """, "plugin.yaml");
        assertEquals(List.of(new TableSpec("enrich_files", TableType.STRING, List.of(
                new TableFieldSpec("path", TableType.STRING, true, ""),
                new TableFieldSpec("writers", TableType.TABLE, true, "", new TableFieldSpec.Subtable(TableType.INT64, List.of(
                        new TableFieldSpec("bytes", TableType.UINT64, true, ""))))), true)), d.tables());
    }

    @Test
    void everyProblemOfAnExportedTableIsReportedAtItsPosition() {
        String yaml = PLUGIN + """
                tables:
                  - name: enrich_files
                    key: string
                    export: yes please
                    fields:
                      - name: path
                        type: string
                        add: true
                      - name: writers
                        type: table
                        key: int64
                        fields:
                          - name: bytes
                            type: uint64
                            add: false
                          - name: deeper
                            type: table
                            key: int64
                """;
        assertEquals(List.of(
                "p.yaml:11:13: export must be true or false, not 'yes please'",
                "p.yaml:24:19: field enrich_files.writers.deeper: the SDK reaches one level of nested tables, so a sub-table cannot have fields of type table"),
                problems(yaml));
        assertEquals(List.of(
                "p.yaml:15:9: field path of table enrich_files: the table is exported, so the plugin adds every field of it: remove 'add'",
                "p.yaml:22:13: field bytes of table enrich_files.writers: the table is exported, so the plugin adds every field of it: remove 'add'",
                "p.yaml:24:19: field enrich_files.writers.deeper: the SDK reaches one level of nested tables, so a sub-table cannot have fields of type table"),
                problems(yaml.replace("yes please", "true")));
    }
}
