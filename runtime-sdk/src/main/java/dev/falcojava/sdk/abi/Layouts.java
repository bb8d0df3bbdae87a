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
