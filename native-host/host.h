/*
 * The test host's own declarations, shared by its sources: the plugins it hosts (the one under test and the --with
 * plugin, each a hosted_plugin), its options, and what each source gives the others.
 *
 *   host_loader.c     loading a library or a static plugin's struct the way libsinsp's loader does, and its checks
 *   host_fields.c     the fields JSON, field requests with arguments, extract_fields and the values it returns
 *   host_events.c     sourcing events, the event filters, parse_event, and what happens to each event
 *   host_async.c      async events, capture listening, metrics
 *   host_pool.c       the thread pool capture listeners subscribe routines to
 *   host_scenarios.c  the operational probes: signals, the jar, malformed events, soak, threads, the leak probe
 *   host_tables*.c    the state tables (host_tables.h); host_leaks.c the leak check (host_leaks.h)
 *   falco_test_host.c the options, the cycles of init and destroy, main
 */
#ifndef FALCO_TEST_HOST_H
#define FALCO_TEST_HOST_H

#include <json-c/json.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "falco_host_abi.h"
#include "host_leaks.h"
#include "host_tables.h"

#define MAX_FIELDS 256
#define MAX_TIMEOUTS_IN_A_ROW 1000

enum { CAP_SOURCE = 1, CAP_EXTRACT = 2, CAP_PARSE = 4, CAP_ASYNC = 8, CAP_CAPTURE_LISTEN = 16 };

typedef struct {
    char name[256];
    int ftype;
    int is_list;
    int arg_index;
    int arg_key;
    int arg_required;
} field_info;

/* One field a rule uses: a field id and its argument, as libsinsp's filtercheck passes it. */
typedef struct {
    size_t id;
    int arg_present;
    uint64_t arg_index;
    char arg_key[128];
    char label[512];
} field_request;

/* Which events a plugin's parse or extract wants: libsinsp's filter of event types and sources. */
typedef struct {
    uint16_t types[512];
    uint32_t count;
    int any_type;
    char sources[1024];
} event_filter;

/* A plugin loaded in the host: the plugin under test, or the --with plugin that shares its tables. */
typedef struct {
    const char* prints;  /* what its output lines start with: "" or "with " */
    const char* whose;   /* how failures name its calls: "" or "the --with plugin's " */
    ht_owner* owner;
    int loaded;
    host_plugin_api api;
    int caps;
    const char* event_source;
    field_info fields[MAX_FIELDS];
    size_t field_count;
    /* The fields the run extracts, with their arguments; the ids arrays index into it. */
    field_request selection[MAX_FIELDS];
    event_filter extract_filter;
    event_filter parse_filter;
    void* state;
} hosted_plugin;

typedef struct {
    unsigned api_major, api_minor, api_patch;
    const char* config;
    const char* open_params;
    long events;
    long cycles;
    const char* fields;
    const char* expect_caps;
    int metadata_only;
    int expect_init_failure;
    int allow_extract_failure;
    long stack_kib;
    int signals;
    int list_jar_files;
    int malformed_events;
    int skip_config_check;
    long soak_events;
    long threads;
    const char* library;
    long expect_async;
    long feed_events;
    const char* feed_source;
    long feed_id;
    long feed_type;
    const char* alloc_probe;
    int check_leaks;
    int reload;
    const char* leak_probe;
    hl_limits leak_limits;
    /* the tables: entries of the threads table, tables to print, the --with plugin and its config */
    long thread_entries;
    const char* dump_tables;
    const char* with;
    const char* with_config;
    const char* syscall_events;
    long routine_runs;
    const char* event_schema;
    int dump_state;
    const char* set_config[4];
    int set_config_count;
    /* --aot-train: where the JVM writes the plugin's AOT cache; the last plugin state is not destroyed */
    const char* aot_train;
    /* --aot-jvm-options: more JVM options of the training run, space-separated */
    const char* aot_jvm_options;
} options;

/* The rendering of one extracted value, so that repeated extractions can be compared exactly. */
typedef struct {
    char text[8192];
} rendered;

/* The plugin under test and the --with plugin, with the owners the host passes them. */
extern hosted_plugin tested, with;
extern ht_owner main_owner, with_owner;
/* The owner of the plugin state a --threads thread drives; NULL on the main thread, whose owner is main_owner. */
extern __thread ht_owner* thread_owner;

/* host_common.c */
void fail(const char* fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void quote(FILE* out, const char* s, size_t n);
void print_quoted(const char* s, size_t n);
int valid_utf8(const char* s);
/* Parses a whole strict JSON text (UTF-8 checked) into *out; on failure returns 0 and writes why into err. */
int parse_json(const char* text, json_object** out, char* err, size_t size);
const char* owner_last_error(void* owner);
void log_message(void* owner, const char* component, const char* msg, int severity);
/* Calls the plugin's init with owner and the tables when asked; *rc is what init set (0x7777 when it set nothing). */
void* init_hosted(const hosted_plugin* p, ht_owner* owner, const char* config, int tables, int32_t* rc);

/* host_loader.c */
void* symbol(void* handle, const char* name);
/* Loads a library file (or, for static:NAME, a registered struct) into p, checked like libsinsp's loader. */
void* load_library(hosted_plugin* p, const options* o, const char* target, const char* why);
void infer_capabilities(hosted_plugin* p);
void check_expected_capabilities(const hosted_plugin* p, void* handle, const char* expected);
void print_metadata(hosted_plugin* p);
void parse_version(const char* what, const char* text, unsigned* major, unsigned* minor, unsigned* patch);
/* Prints the plugin's required event schema version; checks it against in_use as libsinsp does at capture open. */
void check_event_schema(const hosted_plugin* p, void* state, const char* in_use);

/* host_fields.c */
/* Checks that text is a JSON array of strings; what names the function that returned it. */
void check_string_array(const char* what, const char* text);
size_t check_fields(hosted_plugin* p);
void resolve_field(hosted_plugin* p, const char* text, field_request* out);
/* Fills p's selection and ids with the fields named (a,b[arg],...), or with every field needing no argument but skip. */
size_t select_fields(hosted_plugin* p, const char* names, const char* skip, size_t* ids);
void render_value(const host_extract_field* f, const field_info* info, rendered* out);
int32_t call_extract(const hosted_plugin* p, void* state, const host_event_input* in, const size_t* ids, size_t n,
                     host_extract_field* requests, int poison);
int extract(void* state, const host_event_input* in, const size_t* ids, size_t n, rendered* values, int allow_failure);
int32_t lean_extract(void* state, const host_event_input* in, const size_t* ids, size_t n, uint64_t* hash);
void extract_and_print(const hosted_plugin* p, void* state, const host_event_input* in, const size_t* ids, size_t n);

/* host_events.c */
void resolve_filter(const char* what, uint16_t* (*get_types)(uint32_t*, void*), const char* (*get_sources)(void),
                    void* state, int own_source, event_filter* f);
int has_own_source(void);
void run_events(void* state, void* instance, const options* o, const size_t* ids, size_t n_ids);
void feed_events(void* state, const options* o, const size_t* ids, size_t n_ids);
void feed_syscall_events(void* state, const options* o, const size_t* ids, size_t n_ids);
void check_open_params(void* state);
void print_progress(void* state, void* instance);
void dump_tables(const char* names);
/* The --with plugin's selection: every field it exports that needs no argument. */
extern size_t with_ids[MAX_FIELDS];
extern size_t with_id_count;

/* host_pool.c: the routine vtable lent to one capture call, taken back after it; the waits around capture */
host_routine_vtable* pool_lend(void* state);
void pool_take_back(void);
void pool_await(long runs);
void pool_purge(long runs);

/* host_async.c */
/* Calls capture_open or capture_close with the pool's routine vtable; after open, waits until every routine ran
 * routine_runs times or ended (when routine_runs > 0); after close, purges the pool as libsinsp does. */
void capture_call(void* state, int open, long routine_runs);
void read_async_names(void);
void start_async(void* state);
void stop_async(void* state, long expected);
/* dump_state with a handler checked as libsinsp's capture file dumper checks it; prints each dumped event. */
void dump_async_state(void* state);
void set_configs(void* state, const char* const* configs, int count);
void print_metrics(void* state);

/* host_scenarios.c */
int use_stack(long kib);
void install_signal_handlers(void);
void check_signals(void);
void list_jar_files(void);
void probe_malformed_events(void* state, const size_t* ids, size_t n);
void soak(void* state, const options* o, const size_t* ids, size_t n);
void run_threads(const options* o, const size_t* ids, size_t n);
const char* checked_config(const options* o);
long leak_probe_value(void* state, const char* name);
host_event_header* make_event(unsigned char* buf, const char* payload);

/* host_aot.c: --aot-train, before the first plugin_init and at the end of main */
void aot_prepare(const char* file, const char* jvm_options);
void aot_finish(const char* file);

#endif
