/*
 * The calls around events: the async event handler, checked the way libsinsp's async queue checks what a plugin
 * pushes; capture_open and capture_close; the metrics.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "host.h"

void capture_call(void* state, int open, long routine_runs) {
    /* Vtables outlive the call, as libsinsp's do: a plugin calling a kept one out of turn meets the access rules. */
    static __thread host_table_reader_vtable_ext reader;
    static __thread host_table_writer_vtable_ext writer;
    ht_reader_vtables(NULL, &reader);
    ht_writer_vtables(NULL, &writer);
    host_capture_listen_input input = {&main_owner, pool_lend(state), &reader, &writer, owner_last_error};
    ht_enter(&main_owner, HT_PHASE_CAPTURE);
    int32_t rc = open ? tested.api.capture_open(state, &input) : tested.api.capture_close(state, &input);
    ht_leave(&main_owner);
    pool_take_back();
    if (rc != HOST_API_RC_SUCCESS)
        fail("%s failed (rc %d): %s", open ? "capture_open" : "capture_close", rc, tested.api.get_last_error(state));
    printf("capture %s\n", open ? "open" : "close");
    if (open && routine_runs > 0) pool_await(routine_runs);
    if (!open) pool_purge(routine_runs);
}

#define MAX_ASYNC_RECORDS 64
static pthread_mutex_t async_lock = PTHREAD_MUTEX_INITIALIZER;
static char async_names[16][128];
static size_t async_name_count;
static char async_records[MAX_ASYNC_RECORDS][512];
static size_t async_count;
static volatile int async_withdrawn;
static char async_violation[512];

static void async_violated(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static void async_violated(const char* fmt, ...) {
    if (async_violation[0]) return;
    va_list args;
    va_start(args, fmt);
    vsnprintf(async_violation, sizeof async_violation, fmt, args);
    va_end(args);
}

/*
 * Checks one event pushed to a handler the way libsinsp does (type 402 with 3 parameters, a declared name) and
 * renders it into record; a broken event is a violation, an undeclared name the handler's error. Locked by the caller.
 */
static int32_t check_async_event(void* owner, const host_event_header* e, char* err, const char* what, char* record,
                                 size_t size) {
    record[0] = '\0';
    if (owner != &main_owner) async_violated("the %s handler got an owner that is not the one passed", what);
    const uint32_t* lens = (const uint32_t*)((const char*)e + sizeof *e);
    if (e->type != HOST_ASYNC_EVENT_TYPE || e->nparams != 3) {
        async_violated("%s event of type %u with %u parameters, expected 402 with 3", what, e->type, e->nparams);
    } else if (lens[0] != 4 || (uint64_t)e->len != sizeof *e + 12 + (uint64_t)lens[0] + lens[1] + lens[2] || lens[1] < 1) {
        async_violated("%s event parameters (%u, %u, %u) do not match its length %u", what, lens[0], lens[1], lens[2], e->len);
    } else {
        const char* name = (const char*)e + sizeof *e + 16;
        const char* data = name + lens[1];
        int known = 0;
        if (name[lens[1] - 1] != '\0') async_violated("%s event name is not NUL-terminated", what);
        for (size_t i = 0; i < async_name_count; i++) known |= strcmp(async_names[i], name) == 0;
        if (!known) {
            snprintf(err, HOST_PLUGIN_MAX_ERRLEN, "async event '%s' is not in the plugin's list", name);
            return HOST_API_RC_FAILURE;
        }
        char text[300];
        size_t n = lens[2] < sizeof text - 1 ? lens[2] : sizeof text - 1;
        memcpy(text, data, n);
        text[n] = '\0';
        snprintf(record, size, "%s name=%s data=\"%s\"", what, name, text);
    }
    return HOST_API_RC_SUCCESS;
}

/* The async event handler: checks each event the way libsinsp's async queue does and records it. */
static int32_t async_handler(void* owner, const host_event_header* e, char* err) {
    pthread_mutex_lock(&async_lock);
    if (async_withdrawn) async_violated("the plugin pushed an async event after its handler was withdrawn");
    char record[sizeof async_records[0]];
    int32_t rc = check_async_event(owner, e, err, "async", record, sizeof record);
    if (record[0] && async_count < MAX_ASYNC_RECORDS) memcpy(async_records[async_count++], record, sizeof record);
    pthread_mutex_unlock(&async_lock);
    return rc;
}

static int dumping;

/* The handler of dump_state, as libsinsp's capture file dumper: the same checks, valid only during the call. */
static int32_t dump_handler(void* owner, const host_event_header* e, char* err) {
    pthread_mutex_lock(&async_lock);
    if (!dumping) async_violated("the plugin pushed a dump event after dump_state returned");
    char record[sizeof async_records[0]];
    int32_t rc = check_async_event(owner, e, err, "dumped", record, sizeof record);
    if (record[0]) puts(record);
    pthread_mutex_unlock(&async_lock);
    return rc;
}

void dump_async_state(void* state) {
    if (tested.api.dump_state == NULL) {
        puts("dump_state: not exported");
        return;
    }
    pthread_mutex_lock(&async_lock);
    dumping = 1;
    pthread_mutex_unlock(&async_lock);
    int32_t rc = tested.api.dump_state(state, &main_owner, dump_handler);
    pthread_mutex_lock(&async_lock);
    dumping = 0;
    if (async_violation[0]) fail("%s", async_violation);
    pthread_mutex_unlock(&async_lock);
    if (rc != HOST_API_RC_SUCCESS) fail("dump error for plugin '%s' : %s", tested.api.get_name(), tested.api.get_last_error(state));
    puts("dump_state: done");
}

/* set_config with each text in turn, as libsinsp's sinsp_plugin::set_config; a refused config is printed, not fatal. */
void set_configs(void* state, const char* const* configs, int count) {
    for (int i = 0; i < count; i++) {
        if (tested.api.set_config == NULL) fail("--set-config given, but the plugin does not export set_config");
        host_set_config_input input = {configs[i]};
        int32_t rc = tested.api.set_config(state, &input);
        if (rc == HOST_API_RC_SUCCESS) printf("set_config accepted: %s\n", configs[i]);
        else printf("set_config refused (rc %d): %s\n", rc, tested.api.get_last_error(state));
    }
}

void read_async_names(void) {
    char err[256];
    const char* names = tested.api.get_async_events();
    if (names == NULL) fail("get_async_events returned NULL");
    json_object* list;
    if (!parse_json(names, &list, err, sizeof err) || !json_object_is_type(list, json_type_array) ||
        json_object_array_length(list) == 0)
        fail("get_async_events must return a non-empty JSON array of strings: %s", names);
    async_name_count = 0;
    for (size_t i = 0; i < json_object_array_length(list) && i < 16; i++) {
        json_object* name = json_object_array_get_idx(list, i);
        if (!json_object_is_type(name, json_type_string)) fail("get_async_events has a non-string entry");
        snprintf(async_names[async_name_count++], sizeof async_names[0], "%s", json_object_get_string(name));
    }
    json_object_put(list);
    printf("async events: %s\n", names);
    if (tested.api.get_async_event_sources) resolve_filter("async", NULL, tested.api.get_async_event_sources, NULL, has_own_source(), &tested.parse_filter);
}

void start_async(void* state) {
    async_count = 0;
    async_withdrawn = 0;
    async_violation[0] = '\0';
    int32_t rc = tested.api.set_async_event_handler(state, &main_owner, async_handler);
    if (rc != HOST_API_RC_SUCCESS) fail("set_async_event_handler failed (rc %d): %s", rc, tested.api.get_last_error(state));
}

/* Waits for expected events (up to 10 s), withdraws the handler, and prints what arrived. */
void stop_async(void* state, long expected) {
    for (int waited = 0; waited < 1000; waited++) {
        pthread_mutex_lock(&async_lock);
        size_t got = async_count;
        pthread_mutex_unlock(&async_lock);
        if ((long)got >= expected) break;
        usleep(10000);
    }
    int32_t rc = tested.api.set_async_event_handler(state, &main_owner, NULL);
    if (rc != HOST_API_RC_SUCCESS) fail("set_async_event_handler(NULL) failed (rc %d): %s", rc, tested.api.get_last_error(state));
    pthread_mutex_lock(&async_lock);
    async_withdrawn = 1;
    pthread_mutex_unlock(&async_lock);
    usleep(50000);
    pthread_mutex_lock(&async_lock);
    if (async_violation[0]) fail("%s", async_violation);
    if ((long)async_count < expected) fail("expected %ld async events, got %zu", expected, async_count);
    for (size_t i = 0; i < async_count; i++) puts(async_records[i]);
    pthread_mutex_unlock(&async_lock);
}

void print_metrics(void* state) {
    static const char* const value_types[] = {"u32", "s32", "u64", "s64", "double", "float", "int"};
    uint32_t n = 0xdeadbeef;
    host_metric* metrics = tested.api.get_metrics(state, &n);
    if (n == 0xdeadbeef) fail("get_metrics did not set the number of metrics");
    if (n > 0 && metrics == NULL) fail("get_metrics returned %u metrics and a NULL array", n);
    for (uint32_t i = 0; i < n; i++) {
        const host_metric* m = &metrics[i];
        if (m->name == NULL || !valid_utf8(m->name)) fail("metric %u has no valid name", i);
        if (m->type > 1) fail("metric %s has the unknown type %u", m->name, m->type);
        if (m->value_type > 6) fail("metric %s has the unknown value type %u", m->name, m->value_type);
        printf("metric %s %s %s=", m->name, m->type == 0 ? "monotonic" : "non-monotonic", value_types[m->value_type]);
        switch (m->value_type) {
            case 0: printf("%u\n", m->value.u32); break;
            case 1: printf("%d\n", m->value.s32); break;
            case 2: printf("%" PRIu64 "\n", m->value.u64); break;
            case 3: printf("%" PRId64 "\n", m->value.s64); break;
            case 4: printf("%g\n", m->value.d); break;
            case 5: printf("%g\n", (double)m->value.f); break;
            default: printf("%d\n", m->value.i); break;
        }
    }
}
