package dev.falcojava.sdk.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Layouts of the plugin API structs the bridge reads and writes (Falco plugin API 3.x, LP64). Internal to the
 * SDK and its test harness; not for plugin code.
 */
public final class Layouts {

    private Layouts() {
    }

    /** {@code ss_plugin_event}: packed 26-byte header followed by the parameter lengths and data. */
    public static final StructLayout EVENT_HEADER = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG_UNALIGNED.withName("ts"),
            ValueLayout.JAVA_LONG_UNALIGNED.withName("tid"),
            ValueLayout.JAVA_INT_UNALIGNED.withName("len"),
            ValueLayout.JAVA_SHORT_UNALIGNED.withName("type"),
            ValueLayout.JAVA_INT_UNALIGNED.withName("nparams"));

    public static final long EVENT_TS = offset(EVENT_HEADER, "ts");
    public static final long EVENT_TID = offset(EVENT_HEADER, "tid");
    public static final long EVENT_LEN = offset(EVENT_HEADER, "len");
    public static final long EVENT_TYPE = offset(EVENT_HEADER, "type");
    public static final long EVENT_NPARAMS = offset(EVENT_HEADER, "nparams");
    public static final long EVENT_HEADER_SIZE = EVENT_HEADER.byteSize();

    /** A plugin event: header, two uint32 parameter lengths, the uint32 plugin id, the payload. */
    public static final long PLUGIN_EVENT_PARAM_LENS = EVENT_HEADER_SIZE;
    public static final long PLUGIN_EVENT_PLUGIN_ID = EVENT_HEADER_SIZE + 8;
    public static final long PLUGIN_EVENT_PAYLOAD = EVENT_HEADER_SIZE + 12;

    /** {@code ss_plugin_event_input}. */
    public static final StructLayout EVENT_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("evt"),
            JAVA_LONG.withName("evtnum"),
            ADDRESS.withName("evtsrc"));

    public static final long EVENT_INPUT_EVT = offset(EVENT_INPUT, "evt");
    public static final long EVENT_INPUT_EVTNUM = offset(EVENT_INPUT, "evtnum");
    public static final long EVENT_INPUT_EVTSRC = offset(EVENT_INPUT, "evtsrc");

    /** {@code ss_plugin_extract_field}. */
    public static final StructLayout EXTRACT_FIELD = MemoryLayout.structLayout(
            ADDRESS.withName("res"),
            JAVA_LONG.withName("res_len"),
            JAVA_INT.withName("field_id"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("field"),
            ADDRESS.withName("arg_key"),
            JAVA_LONG.withName("arg_index"),
            JAVA_INT.withName("arg_present"),
            JAVA_INT.withName("ftype"),
            JAVA_INT.withName("flist"),
            MemoryLayout.paddingLayout(4));

    public static final long FIELD_RES = offset(EXTRACT_FIELD, "res");
    public static final long FIELD_RES_LEN = offset(EXTRACT_FIELD, "res_len");
    public static final long FIELD_ID = offset(EXTRACT_FIELD, "field_id");
    public static final long FIELD_NAME = offset(EXTRACT_FIELD, "field");
    public static final long FIELD_ARG_KEY = offset(EXTRACT_FIELD, "arg_key");
    public static final long FIELD_ARG_INDEX = offset(EXTRACT_FIELD, "arg_index");
    public static final long FIELD_ARG_PRESENT = offset(EXTRACT_FIELD, "arg_present");
    public static final long FIELD_TYPE = offset(EXTRACT_FIELD, "ftype");
    public static final long FIELD_LIST = offset(EXTRACT_FIELD, "flist");
    public static final long EXTRACT_FIELD_SIZE = EXTRACT_FIELD.byteSize();

    /** {@code ss_plugin_table_reader_vtable}, embedded by value in the extract input. */
    public static final StructLayout TABLE_READER = MemoryLayout.structLayout(
            ADDRESS.withName("get_table_name"),
            ADDRESS.withName("get_table_size"),
            ADDRESS.withName("get_table_entry"),
            ADDRESS.withName("read_entry_field"));

    /** {@code ss_plugin_table_reader_vtable_ext}. */
    public static final StructLayout TABLE_READER_EXT = MemoryLayout.structLayout(
            ADDRESS.withName("get_table_name"),
            ADDRESS.withName("get_table_size"),
            ADDRESS.withName("get_table_entry"),
            ADDRESS.withName("read_entry_field"),
            ADDRESS.withName("release_table_entry"),
            ADDRESS.withName("iterate_entries"));

    public static final long READER_GET_TABLE_NAME = offset(TABLE_READER_EXT, "get_table_name");
    public static final long READER_GET_TABLE_SIZE = offset(TABLE_READER_EXT, "get_table_size");
    public static final long READER_GET_TABLE_ENTRY = offset(TABLE_READER_EXT, "get_table_entry");
    public static final long READER_READ_ENTRY_FIELD = offset(TABLE_READER_EXT, "read_entry_field");
    public static final long READER_RELEASE_TABLE_ENTRY = offset(TABLE_READER_EXT, "release_table_entry");
    public static final long READER_ITERATE_ENTRIES = offset(TABLE_READER_EXT, "iterate_entries");

    /** {@code ss_plugin_table_writer_vtable} and {@code _ext}: the same six functions. */
    public static final StructLayout TABLE_WRITER = MemoryLayout.structLayout(
            ADDRESS.withName("clear_table"),
            ADDRESS.withName("erase_table_entry"),
            ADDRESS.withName("create_table_entry"),
            ADDRESS.withName("destroy_table_entry"),
            ADDRESS.withName("add_table_entry"),
            ADDRESS.withName("write_entry_field"));

    public static final long WRITER_CLEAR_TABLE = offset(TABLE_WRITER, "clear_table");
    public static final long WRITER_ERASE_TABLE_ENTRY = offset(TABLE_WRITER, "erase_table_entry");
    public static final long WRITER_CREATE_TABLE_ENTRY = offset(TABLE_WRITER, "create_table_entry");
    public static final long WRITER_DESTROY_TABLE_ENTRY = offset(TABLE_WRITER, "destroy_table_entry");
    public static final long WRITER_ADD_TABLE_ENTRY = offset(TABLE_WRITER, "add_table_entry");
    public static final long WRITER_WRITE_ENTRY_FIELD = offset(TABLE_WRITER, "write_entry_field");

    /** {@code ss_plugin_table_fields_vtable} and {@code _ext}: the same three functions. */
    public static final StructLayout TABLE_FIELDS = MemoryLayout.structLayout(
            ADDRESS.withName("list_table_fields"),
            ADDRESS.withName("get_table_field"),
            ADDRESS.withName("add_table_field"));

    public static final long FIELDS_LIST_TABLE_FIELDS = offset(TABLE_FIELDS, "list_table_fields");
    public static final long FIELDS_GET_TABLE_FIELD = offset(TABLE_FIELDS, "get_table_field");
    public static final long FIELDS_ADD_TABLE_FIELD = offset(TABLE_FIELDS, "add_table_field");

    /** {@code ss_plugin_table_info}. */
    public static final StructLayout TABLE_INFO = MemoryLayout.structLayout(
            ADDRESS.withName("name"),
            JAVA_INT.withName("key_type"),
            MemoryLayout.paddingLayout(4));

    public static final long TABLE_INFO_NAME = offset(TABLE_INFO, "name");
    public static final long TABLE_INFO_KEY_TYPE = offset(TABLE_INFO, "key_type");
    public static final long TABLE_INFO_SIZE = TABLE_INFO.byteSize();

    /** {@code ss_plugin_table_fieldinfo}. */
    public static final StructLayout TABLE_FIELD_INFO = MemoryLayout.structLayout(
            ADDRESS.withName("name"),
            JAVA_INT.withName("field_type"),
            JAVA_INT.withName("read_only"));

    public static final long FIELD_INFO_NAME = offset(TABLE_FIELD_INFO, "name");
    public static final long FIELD_INFO_TYPE = offset(TABLE_FIELD_INFO, "field_type");
    public static final long FIELD_INFO_READ_ONLY = offset(TABLE_FIELD_INFO, "read_only");
    public static final long FIELD_INFO_SIZE = TABLE_FIELD_INFO.byteSize();

    /** {@code ss_plugin_table_input}: a table a plugin owns, as passed to {@code add_table}. */
    public static final StructLayout TABLE_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("name"),
            JAVA_INT.withName("key_type"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("table"),
            TABLE_READER.withName("reader"),
            TABLE_WRITER.withName("writer"),
            TABLE_FIELDS.withName("fields"),
            ADDRESS.withName("reader_ext"),
            ADDRESS.withName("writer_ext"),
            ADDRESS.withName("fields_ext"));

    public static final long TABLE_INPUT_NAME = offset(TABLE_INPUT, "name");
    public static final long TABLE_INPUT_KEY_TYPE = offset(TABLE_INPUT, "key_type");
    public static final long TABLE_INPUT_TABLE = offset(TABLE_INPUT, "table");
    public static final long TABLE_INPUT_READER = offset(TABLE_INPUT, "reader");
    public static final long TABLE_INPUT_WRITER = offset(TABLE_INPUT, "writer");
    public static final long TABLE_INPUT_FIELDS = offset(TABLE_INPUT, "fields");
    public static final long TABLE_INPUT_READER_EXT = offset(TABLE_INPUT, "reader_ext");
    public static final long TABLE_INPUT_WRITER_EXT = offset(TABLE_INPUT, "writer_ext");
    public static final long TABLE_INPUT_FIELDS_EXT = offset(TABLE_INPUT, "fields_ext");

    /** {@code ss_plugin_init_tables_input}. */
    public static final StructLayout INIT_TABLES_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("list_tables"),
            ADDRESS.withName("get_table"),
            ADDRESS.withName("add_table"),
            TABLE_FIELDS.withName("fields"),
            ADDRESS.withName("fields_ext"),
            ADDRESS.withName("reader_ext"),
            ADDRESS.withName("writer_ext"));

    public static final long TABLES_LIST_TABLES = offset(INIT_TABLES_INPUT, "list_tables");
    public static final long TABLES_GET_TABLE = offset(INIT_TABLES_INPUT, "get_table");
    public static final long TABLES_ADD_TABLE = offset(INIT_TABLES_INPUT, "add_table");
    public static final long TABLES_FIELDS_EXT = offset(INIT_TABLES_INPUT, "fields_ext");
    public static final long TABLES_READER_EXT = offset(INIT_TABLES_INPUT, "reader_ext");
    public static final long TABLES_WRITER_EXT = offset(INIT_TABLES_INPUT, "writer_ext");

    /** {@code ss_plugin_field_extract_input}. */
    public static final StructLayout EXTRACT_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("owner"),
            ADDRESS.withName("get_owner_last_error"),
            JAVA_INT.withName("num_fields"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("fields"),
            TABLE_READER.withName("table_reader"),
            ADDRESS.withName("table_reader_ext"),
            ADDRESS.withName("value_offsets"));

    public static final long EXTRACT_INPUT_OWNER = offset(EXTRACT_INPUT, "owner");
    public static final long EXTRACT_INPUT_GET_OWNER_LAST_ERROR = offset(EXTRACT_INPUT, "get_owner_last_error");
    public static final long EXTRACT_INPUT_TABLE_READER_EXT = offset(EXTRACT_INPUT, "table_reader_ext");
    public static final long EXTRACT_INPUT_NUM_FIELDS = offset(EXTRACT_INPUT, "num_fields");
    public static final long EXTRACT_INPUT_FIELDS = offset(EXTRACT_INPUT, "fields");

    /** {@code ss_plugin_init_input}. */
    public static final StructLayout INIT_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("config"),
            ADDRESS.withName("owner"),
            ADDRESS.withName("get_owner_last_error"),
            ADDRESS.withName("tables"),
            ADDRESS.withName("log_fn"));

    public static final long INIT_INPUT_CONFIG = offset(INIT_INPUT, "config");
    public static final long INIT_INPUT_OWNER = offset(INIT_INPUT, "owner");
    public static final long INIT_INPUT_LOG_FN = offset(INIT_INPUT, "log_fn");
    public static final long INIT_INPUT_GET_OWNER_LAST_ERROR = offset(INIT_INPUT, "get_owner_last_error");
    public static final long INIT_INPUT_TABLES = offset(INIT_INPUT, "tables");

    /** {@code ss_plugin_event_parse_input}. */
    public static final StructLayout PARSE_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("owner"),
            ADDRESS.withName("get_owner_last_error"),
            TABLE_READER.withName("table_reader"),
            TABLE_WRITER.withName("table_writer"),
            ADDRESS.withName("table_reader_ext"),
            ADDRESS.withName("table_writer_ext"));

    public static final long PARSE_INPUT_OWNER = offset(PARSE_INPUT, "owner");
    public static final long PARSE_INPUT_GET_OWNER_LAST_ERROR = offset(PARSE_INPUT, "get_owner_last_error");
    public static final long PARSE_INPUT_TABLE_READER_EXT = offset(PARSE_INPUT, "table_reader_ext");
    public static final long PARSE_INPUT_TABLE_WRITER_EXT = offset(PARSE_INPUT, "table_writer_ext");

    /** {@code ss_plugin_capture_listen_input}. */
    public static final StructLayout CAPTURE_LISTEN_INPUT = MemoryLayout.structLayout(
            ADDRESS.withName("owner"),
            ADDRESS.withName("routine"),
            ADDRESS.withName("table_reader_ext"),
            ADDRESS.withName("table_writer_ext"),
            ADDRESS.withName("get_owner_last_error"));

    public static final long CAPTURE_INPUT_OWNER = offset(CAPTURE_LISTEN_INPUT, "owner");
    public static final long CAPTURE_INPUT_ROUTINE = offset(CAPTURE_LISTEN_INPUT, "routine");
    public static final long CAPTURE_INPUT_TABLE_READER_EXT = offset(CAPTURE_LISTEN_INPUT, "table_reader_ext");
    public static final long CAPTURE_INPUT_TABLE_WRITER_EXT = offset(CAPTURE_LISTEN_INPUT, "table_writer_ext");
    public static final long CAPTURE_INPUT_GET_OWNER_LAST_ERROR = offset(CAPTURE_LISTEN_INPUT, "get_owner_last_error");

    /** {@code ss_plugin_set_config_input}: the new configuration. */
    public static final StructLayout SET_CONFIG_INPUT = MemoryLayout.structLayout(ADDRESS.withName("config"));

    public static final long SET_CONFIG_INPUT_CONFIG = offset(SET_CONFIG_INPUT, "config");

    /** {@code ss_plugin_routine_vtable}: subscribe and unsubscribe a routine on the host's thread pool. */
    public static final StructLayout ROUTINE_VTABLE = MemoryLayout.structLayout(
            ADDRESS.withName("subscribe"),
            ADDRESS.withName("unsubscribe"));

    public static final long ROUTINE_SUBSCRIBE = offset(ROUTINE_VTABLE, "subscribe");
    public static final long ROUTINE_UNSUBSCRIBE = offset(ROUTINE_VTABLE, "unsubscribe");

    /** {@code ss_plugin_metric}: name, type, the 8-byte value union, value type. */
    public static final StructLayout METRIC = MemoryLayout.structLayout(
            ADDRESS.withName("name"),
            JAVA_INT.withName("type"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("value"),
            JAVA_INT.withName("value_type"),
            MemoryLayout.paddingLayout(4));

    public static final long METRIC_NAME = offset(METRIC, "name");
    public static final long METRIC_TYPE = offset(METRIC, "type");
    public static final long METRIC_VALUE = offset(METRIC, "value");
    public static final long METRIC_VALUE_TYPE = offset(METRIC, "value_type");
    public static final long METRIC_SIZE = METRIC.byteSize();

    private static long offset(StructLayout layout, String name) {
        return layout.byteOffset(PathElement.groupElement(name));
    }
}
