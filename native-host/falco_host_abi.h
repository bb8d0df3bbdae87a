/*
 * The Falco plugin API (3.12, LP64) as this project declares it: the structs a host and a plugin exchange, and the
 * plugin_api table of functions. The generated glue, the header of a static plugin library and the native test host
 * all include this one header; every offset and size they rely on is checked below at compile time, and a test of the
 * CLI compares them with the SDK's Layouts. The names are the project's own, so that the header compiles beside
 * libsinsp's plugin_api.h.
 */
#ifndef FALCO_HOST_ABI_H
#define FALCO_HOST_ABI_H

#include <stddef.h>
#include <stdint.h>

/* The header is also read by C++ hosts (libsinsp), which spell the compile-time check static_assert. */
#if defined(__cplusplus) && !defined(_Static_assert)
#define _Static_assert static_assert
#endif

#define HOST_API_RC_SUCCESS 0
#define HOST_API_RC_FAILURE 1
#define HOST_API_RC_TIMEOUT (-1)
#define HOST_API_RC_EOF 2
#define HOST_API_RC_NOT_SUPPORTED 3

#define HOST_SCHEMA_NONE 0
#define HOST_SCHEMA_JSON 1

#define HOST_FTYPE_UINT64 8
#define HOST_FTYPE_STRING 9
#define HOST_FTYPE_RELTIME 20
#define HOST_FTYPE_ABSTIME 21
#define HOST_FTYPE_BOOL 25
#define HOST_FTYPE_IPADDR 40
#define HOST_FTYPE_IPNET 41

#define HOST_PLUGIN_EVENT_TYPE 322

#pragma pack(push, 1)
typedef struct {
    uint64_t ts;
    uint64_t tid;
    uint32_t len;
    uint16_t type;
    uint32_t nparams;
} host_event_header;
#pragma pack(pop)

typedef struct {
    const host_event_header* evt;
    uint64_t evtnum;
    const char* evtsrc;
} host_event_input;

typedef struct {
    uint32_t len;
    const void* ptr;
} host_byte_buffer;

typedef struct {
    union {
        const char** str;
        uint64_t* u64;
        uint32_t* u32;
        uint32_t* boolean;
        host_byte_buffer* buf;
    } res;
    uint64_t res_len;
    uint32_t field_id;
    const char* field;
    const char* arg_key;
    uint64_t arg_index;
    uint32_t arg_present;
    uint32_t ftype;
    uint32_t flist;
} host_extract_field;

/* ---- state tables ---- */

#define HOST_ST_INT8 1
#define HOST_ST_INT16 2
#define HOST_ST_INT32 3
#define HOST_ST_INT64 4
#define HOST_ST_UINT8 5
#define HOST_ST_UINT16 6
#define HOST_ST_UINT32 7
#define HOST_ST_UINT64 8
#define HOST_ST_STRING 9
#define HOST_ST_TABLE 10
#define HOST_ST_BOOL 25

typedef union {
    int8_t s8;
    int16_t s16;
    int32_t s32;
    int64_t s64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    const char* str;
    uint32_t b;
    void* table;
} host_state_data;

typedef struct {
    const char* name;
    uint32_t key_type;
} host_table_info;

typedef struct {
    const char* name;
    uint32_t field_type;
    uint32_t read_only;
} host_table_fieldinfo;

typedef uint32_t (*host_table_iterator)(void* state, void* entry);

typedef struct {
    const host_table_fieldinfo* (*list_table_fields)(void* t, uint32_t* nfields);
    void* (*get_table_field)(void* t, const char* name, uint32_t type);
    void* (*add_table_field)(void* t, const char* name, uint32_t type);
} host_table_fields_vtable;

typedef struct {
    const char* (*get_table_name)(void* t);
    uint64_t (*get_table_size)(void* t);
    void* (*get_table_entry)(void* t, const host_state_data* key);
    int32_t (*read_entry_field)(void* t, void* e, const void* f, host_state_data* out);
} host_table_reader_vtable;

typedef struct {
    const char* (*get_table_name)(void* t);
    uint64_t (*get_table_size)(void* t);
    void* (*get_table_entry)(void* t, const host_state_data* key);
    int32_t (*read_entry_field)(void* t, void* e, const void* f, host_state_data* out);
    void (*release_table_entry)(void* t, void* e);
    uint32_t (*iterate_entries)(void* t, host_table_iterator it, void* state);
} host_table_reader_vtable_ext;

typedef struct {
    int32_t (*clear_table)(void* t);
    int32_t (*erase_table_entry)(void* t, const host_state_data* key);
    void* (*create_table_entry)(void* t);
    void (*destroy_table_entry)(void* t, void* e);
    void* (*add_table_entry)(void* t, const host_state_data* key, void* e);
    int32_t (*write_entry_field)(void* t, void* e, const void* f, const host_state_data* in);
} host_table_writer_vtable;

typedef host_table_writer_vtable host_table_writer_vtable_ext;

/* ss_plugin_table_input: what a plugin passes to add_table for a table it owns. */
typedef struct {
    const char* name;
    uint32_t key_type;
    void* table;
    host_table_reader_vtable reader;
    host_table_writer_vtable writer;
    host_table_fields_vtable fields;
    host_table_reader_vtable_ext* reader_ext;
    host_table_writer_vtable_ext* writer_ext;
    host_table_fields_vtable* fields_ext;
} host_table_input;

/* ss_plugin_init_tables_input */
typedef struct {
    host_table_info* (*list_tables)(void* owner, uint32_t* ntables);
    void* (*get_table)(void* owner, const char* name, uint32_t key_type);
    int32_t (*add_table)(void* owner, const host_table_input* in);
    host_table_fields_vtable fields;
    host_table_fields_vtable* fields_ext;
    host_table_reader_vtable_ext* reader_ext;
    host_table_writer_vtable_ext* writer_ext;
} host_init_tables_input;

typedef struct {
    void* owner;
    const char* (*get_owner_last_error)(void* owner);
    uint32_t num_fields;
    host_extract_field* fields;
    host_table_reader_vtable table_reader;
    host_table_reader_vtable_ext* table_reader_ext;
    void* value_offsets;
} host_extract_input;

typedef void (*host_log_fn)(void* owner, const char* component, const char* msg, int severity);

typedef struct {
    const char* config;
    void* owner;
    const char* (*get_owner_last_error)(void* owner);
    const host_init_tables_input* tables;
    host_log_fn log_fn;
} host_init_input;

typedef int32_t (*host_async_handler)(void* owner, const host_event_header* evt, char* err);

#define HOST_ASYNC_EVENT_TYPE 402
#define HOST_PLUGIN_MAX_ERRLEN 1024

typedef struct {
    void* owner;
    const char* (*get_owner_last_error)(void* owner);
    host_table_reader_vtable table_reader;
    host_table_writer_vtable table_writer;
    host_table_reader_vtable_ext* table_reader_ext;
    host_table_writer_vtable_ext* table_writer_ext;
} host_parse_input;

typedef struct {
    const char* config;
} host_set_config_input;

typedef struct {
    void* subscribe;
    void* unsubscribe;
} host_routine_vtable;

typedef struct {
    void* owner;
    host_routine_vtable* routine;
    host_table_reader_vtable_ext* table_reader_ext;
    host_table_writer_vtable_ext* table_writer_ext;
    const char* (*get_owner_last_error)(void* owner);
} host_capture_listen_input;

typedef struct {
    const char* name;
    uint32_t type;
    union {
        uint32_t u32;
        int32_t s32;
        uint64_t u64;
        int64_t s64;
        double d;
        float f;
        int i;
    } value;
    uint32_t value_type;
} host_metric;

/* plugin_api: the functions a plugin gives its host, in the order of the public header; reserved members stay NULL. */
typedef struct host_plugin_api {
    const char* (*get_required_api_version)(void);
    const char* (*get_init_schema)(int32_t* schema_type);
    void* (*init)(const host_init_input* input, int32_t* rc);
    void (*destroy)(void* s);
    const char* (*get_last_error)(void* s);
    const char* (*get_name)(void);
    const char* (*get_description)(void);
    const char* (*get_contact)(void);
    const char* (*get_version)(void);
    uint32_t (*get_id)(void);
    const char* (*get_event_source)(void);
    void* (*open)(void* s, const char* params, int32_t* rc);
    void (*close)(void* s, void* h);
    const char* (*list_open_params)(void* s, int32_t* rc);
    const char* (*get_progress)(void* s, void* h, uint32_t* progress_pct);
    const char* (*event_to_string)(void* s, const host_event_input* evt);
    int32_t (*next_batch)(void* s, void* h, uint32_t* nevts, host_event_header*** evts);
    uint16_t* (*get_extract_event_types)(uint32_t* numtypes, void* s);
    const char* (*get_extract_event_sources)(void);
    const char* (*get_fields)(void);
    int32_t (*extract_fields)(void* s, const host_event_input* evt, const host_extract_input* in);
    uint16_t* (*get_parse_event_types)(uint32_t* numtypes, void* s);
    const char* (*get_parse_event_sources)(void);
    int32_t (*parse_event)(void* s, const host_event_input* evt, const host_parse_input* in);
    const char* (*get_async_event_sources)(void);
    const char* (*get_async_events)(void);
    int32_t (*set_async_event_handler)(void* s, void* owner, host_async_handler handler);
    int32_t (*dump_state)(void* s, void* owner, host_async_handler handler);
    int32_t (*set_config)(void* s, const host_set_config_input* input);
    host_metric* (*get_metrics)(void* s, uint32_t* num_metrics);
    int32_t (*capture_open)(void* s, const host_capture_listen_input* in);
    int32_t (*capture_close)(void* s, const host_capture_listen_input* in);
    const char* (*get_required_event_schema_version)(void* s);
    void* reserved[16];
} host_plugin_api;

_Static_assert(sizeof(host_state_data) == 8, "ss_plugin_state_data");
_Static_assert(sizeof(host_table_info) == 16, "ss_plugin_table_info");
_Static_assert(sizeof(host_table_fieldinfo) == 16, "ss_plugin_table_fieldinfo");
_Static_assert(offsetof(host_table_fieldinfo, read_only) == 12, "ss_plugin_table_fieldinfo.read_only");
_Static_assert(sizeof(host_table_reader_vtable_ext) == 48, "ss_plugin_table_reader_vtable_ext");
_Static_assert(sizeof(host_table_writer_vtable_ext) == 48, "ss_plugin_table_writer_vtable_ext");
_Static_assert(sizeof(host_table_fields_vtable) == 24, "ss_plugin_table_fields_vtable_ext");
_Static_assert(offsetof(host_table_input, table) == 16, "ss_plugin_table_input.table");
_Static_assert(offsetof(host_table_input, reader) == 24, "ss_plugin_table_input.reader");
_Static_assert(offsetof(host_table_input, writer) == 56, "ss_plugin_table_input.writer");
_Static_assert(offsetof(host_table_input, fields) == 104, "ss_plugin_table_input.fields");
_Static_assert(offsetof(host_table_input, reader_ext) == 128, "ss_plugin_table_input.reader_ext");
_Static_assert(sizeof(host_table_input) == 152, "ss_plugin_table_input");
_Static_assert(offsetof(host_init_tables_input, fields) == 24, "ss_plugin_init_tables_input.fields");
_Static_assert(offsetof(host_init_tables_input, fields_ext) == 48, "ss_plugin_init_tables_input.fields_ext");
_Static_assert(offsetof(host_init_tables_input, reader_ext) == 56, "ss_plugin_init_tables_input.reader_ext");
_Static_assert(offsetof(host_init_tables_input, writer_ext) == 64, "ss_plugin_init_tables_input.writer_ext");
_Static_assert(sizeof(host_init_tables_input) == 72, "ss_plugin_init_tables_input");
_Static_assert(sizeof(host_parse_input) == 112, "ss_plugin_event_parse_input");
_Static_assert(offsetof(host_parse_input, table_reader_ext) == 96, "ss_plugin_event_parse_input.table_reader_ext");
_Static_assert(sizeof(host_capture_listen_input) == 40, "ss_plugin_capture_listen_input");
_Static_assert(sizeof(host_metric) == 32, "ss_plugin_metric");
_Static_assert(offsetof(host_metric, value) == 16, "ss_plugin_metric.value");
_Static_assert(offsetof(host_metric, value_type) == 24, "ss_plugin_metric.value_type");
_Static_assert(sizeof(host_event_header) == 26, "ss_plugin_event header is 26 packed bytes");
_Static_assert(offsetof(host_event_header, len) == 16, "ss_plugin_event.len");
_Static_assert(offsetof(host_event_header, type) == 20, "ss_plugin_event.type");
_Static_assert(offsetof(host_event_header, nparams) == 22, "ss_plugin_event.nparams");
_Static_assert(sizeof(host_event_input) == 24, "ss_plugin_event_input");
_Static_assert(sizeof(host_extract_field) == 64, "ss_plugin_extract_field");
_Static_assert(offsetof(host_extract_field, res_len) == 8, "ss_plugin_extract_field.res_len");
_Static_assert(offsetof(host_extract_field, field_id) == 16, "ss_plugin_extract_field.field_id");
_Static_assert(offsetof(host_extract_field, field) == 24, "ss_plugin_extract_field.field");
_Static_assert(offsetof(host_extract_field, arg_key) == 32, "ss_plugin_extract_field.arg_key");
_Static_assert(offsetof(host_extract_field, arg_index) == 40, "ss_plugin_extract_field.arg_index");
_Static_assert(offsetof(host_extract_field, arg_present) == 48, "ss_plugin_extract_field.arg_present");
_Static_assert(offsetof(host_extract_field, ftype) == 52, "ss_plugin_extract_field.ftype");
_Static_assert(offsetof(host_extract_field, flist) == 56, "ss_plugin_extract_field.flist");
_Static_assert(offsetof(host_extract_input, num_fields) == 16, "ss_plugin_field_extract_input.num_fields");
_Static_assert(offsetof(host_extract_input, fields) == 24, "ss_plugin_field_extract_input.fields");
_Static_assert(offsetof(host_extract_input, table_reader_ext) == 64, "ss_plugin_field_extract_input.table_reader_ext");
_Static_assert(offsetof(host_extract_input, value_offsets) == 72, "ss_plugin_field_extract_input.value_offsets");
_Static_assert(sizeof(host_extract_input) == 80, "ss_plugin_field_extract_input");
_Static_assert(offsetof(host_init_input, tables) == 24, "ss_plugin_init_input.tables");
_Static_assert(offsetof(host_init_input, log_fn) == 32, "ss_plugin_init_input.log_fn");
_Static_assert(sizeof(host_init_input) == 40, "ss_plugin_init_input");

_Static_assert(offsetof(host_plugin_api, init) == 16, "plugin_api.init");
_Static_assert(offsetof(host_plugin_api, get_version) == 64, "plugin_api.get_version");
_Static_assert(offsetof(host_plugin_api, get_id) == 72, "plugin_api.get_id");
_Static_assert(offsetof(host_plugin_api, next_batch) == 128, "plugin_api.next_batch");
_Static_assert(offsetof(host_plugin_api, extract_fields) == 160, "plugin_api.extract_fields");
_Static_assert(offsetof(host_plugin_api, parse_event) == 184, "plugin_api.parse_event");
_Static_assert(offsetof(host_plugin_api, set_async_event_handler) == 208, "plugin_api.set_async_event_handler");
_Static_assert(offsetof(host_plugin_api, dump_state) == 216, "plugin_api.dump_state");
_Static_assert(offsetof(host_plugin_api, set_config) == 224, "plugin_api.set_config");
_Static_assert(offsetof(host_plugin_api, get_metrics) == 232, "plugin_api.get_metrics");
_Static_assert(offsetof(host_plugin_api, capture_open) == 240, "plugin_api.capture_open");
_Static_assert(offsetof(host_plugin_api, get_required_event_schema_version) == 256,
               "plugin_api.get_required_event_schema_version");
_Static_assert(offsetof(host_plugin_api, reserved) == 264, "plugin_api: 33 functions before the reserved members");

#endif
