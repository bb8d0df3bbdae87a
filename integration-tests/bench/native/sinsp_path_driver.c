/*
 * The libsinsp-path benchmark driver: calls a plugin the way libsinsp does on its real path, and drives the C
 * baseline and the Java plugin interleaved in one process.
 *   - extract_fields once per field per event (a filter check per field), num_fields = 1, the field's members set
 *     one by one as libsinsp's plugin filter check sets them (res and res_len left to the plugin);
 *   - extract input with owner, get_owner_last_error and table_reader_ext set, value_offsets NULL;
 *   - event input with evt, evtnum and evtsrc; every event fresh out of the source's last batch;
 *   - parse_event on syscall-shaped events (an openat exit: type 307, seven parameters), written fresh per batch.
 * Only the extract (or parse) calls are timed, per batch. Every value is checked against what the event holds, so
 * both plugins are known to do the same work. With SINSP_CLOCK=cpu the rows are measured in the CPU time of the
 * driver's thread instead of wall time, which other processes on a loaded machine barely disturb: each row runs once
 * with the calls and once without them (the same batches, inputs and checks skipped), and the difference is the
 * calls' CPU time (reading the thread's CPU clock is a system call, too slow to time each batch with). Prints, per row, the median over the rounds of ns per call for each
 * side, the difference and the ratio. Field ids: 0 uint64 (the event number), 1 string (a constant, set from a
 * Java String), 4 list of eight strings, 6 string (the payload, set through the byte API: it points into the event).
 * SINSP_ROWS=NAMES times only the rows named, after the usual warm-up of every row (for a profile of one row).
 * The warm-up first gives every event to the four extract rows' fields in turn, as libsinsp does for a rule set that
 * uses them, so that the JIT profiles them together, as in Falco, before the rows run one field at a time; then each
 * row runs twice on a quarter of its events. SINSP_WARMUP=rows leaves the first part out (each row's profile then
 * builds up in turn, as in the releases before).
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "falco_host_abi.h"

#define MAX_ROUNDS 64
#define PAYLOAD_OFFSET (26 + 12)
#define SYSCALL_BATCH 128

typedef struct {
    const char* label;
    void* state;
    void* instance;
    const char* (*last_error)(void*);
    int32_t (*next_batch)(void*, void*, uint32_t*, void***);
    int32_t (*extract)(void*, const host_event_input*, const host_extract_input*);
    int32_t (*parse)(void*, const host_event_input*, const host_parse_input*);
    uint64_t evtnum;
} side;

enum { ROW_SOURCE, ROW_U64, ROW_STRING, ROW_BYTES, ROW_LIST, ROW_PARSE, ROW_COUNT };
static const char* const ROW_NAMES[ROW_COUNT] = {
    "sinsp_source_ns_per_event", "sinsp_extract_uint64_ns", "sinsp_extract_string_ns", "sinsp_extract_string_bytes_ns",
    "sinsp_extract_list_8_ns", "sinsp_parse_syscall_ns"};
static const uint32_t ROW_FIELD[ROW_COUNT] = {0, 0, 1, 6, 4, 0};

static int cpu_clock;

static double clock_ns(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static double now_ns(void) {
    return clock_ns(CLOCK_MONOTONIC);
}

static void die(const side* s, const char* what) {
    fprintf(stderr, "sinsp-path: %s: %s: %s\n", s->label, what, s->state ? s->last_error(s->state) : "");
    exit(1);
}

static const char* owner_last_error(void* owner) {
    (void)owner;
    return NULL;
}

static void log_line(void* owner, const char* component, const char* msg, int severity) {
    (void)owner;
    (void)component;
    (void)msg;
    (void)severity;
}

/* The table vtables libsinsp hands out; the bench plugins never call them. */
static const char* table_name(void* t) { (void)t; return "none"; }
static uint64_t table_size(void* t) { (void)t; return 0; }
static void* table_entry(void* t, const host_state_data* k) { (void)t; (void)k; return NULL; }
static int32_t read_field(void* t, void* e, const void* f, host_state_data* o) { (void)t; (void)e; (void)f; (void)o; return 1; }
static void release_entry(void* t, void* e) { (void)t; (void)e; }
static uint32_t iterate(void* t, host_table_iterator it, void* s) { (void)t; (void)it; (void)s; return 0; }
static host_table_reader_vtable_ext reader_ext = {table_name, table_size, table_entry, read_field, release_entry, iterate};
static host_table_info* list_tables(void* owner, uint32_t* n) { (void)owner; *n = 0; return NULL; }
static void* get_table(void* owner, const char* name, uint32_t type) { (void)owner; (void)name; (void)type; return NULL; }
static int32_t add_table(void* owner, const host_table_input* in) { (void)owner; (void)in; return 1; }
static const host_table_fieldinfo* list_fields(void* t, uint32_t* n) { (void)t; *n = 0; return NULL; }
static void* get_field(void* t, const char* name, uint32_t type) { (void)t; (void)name; (void)type; return NULL; }
static host_table_fields_vtable fields_ext = {list_fields, get_field, get_field};
static host_init_tables_input init_tables = {list_tables, get_table, add_table, {list_fields, get_field, get_field},
                                             &fields_ext, &reader_ext, NULL};
static int owner_token;

static void* resolve(void* handle, const char* path, const char* name) {
    void* symbol = dlsym(handle, name);
    if (symbol == NULL) {
        fprintf(stderr, "sinsp-path: %s has no %s\n", path, name);
        exit(1);
    }
    return symbol;
}

static side load(const char* label, const char* path) {
    void* handle = dlopen(path, RTLD_LOCAL | RTLD_NOW);
    if (handle == NULL) {
        fprintf(stderr, "sinsp-path: %s\n", dlerror());
        exit(1);
    }
    side s = {label, NULL, NULL, NULL, NULL, NULL, NULL, 0};
    void* (*init)(const host_init_input*, int32_t*);
    void* (*open)(void*, const char*, int32_t*);
    *(void**)&init = resolve(handle, path, "plugin_init");
    *(void**)&open = resolve(handle, path, "plugin_open");
    *(void**)&s.last_error = resolve(handle, path, "plugin_get_last_error");
    *(void**)&s.next_batch = resolve(handle, path, "plugin_next_batch");
    *(void**)&s.extract = resolve(handle, path, "plugin_extract_fields");
    *(void**)&s.parse = resolve(handle, path, "plugin_parse_event");
    host_init_input input = {"", &owner_token, owner_last_error, &init_tables, log_line};
    int32_t rc = 1;
    s.state = init(&input, &rc);
    if (rc != 0) die(&s, "init failed");
    s.instance = open(s.state, "", &rc);
    if (rc != 0) die(&s, "open failed");
    return s;
}

static uint32_t batch(side* s, void*** events) {
    uint32_t n = 0;
    if (s->next_batch(s->state, s->instance, &n, events) != 0 || n == 0) die(s, "next_batch failed");
    return n;
}

static void check_value(side* s, const host_extract_field* f, uint32_t id, const host_event_input* in) {
    const char* payload = (const char*)in->evt + PAYLOAD_OFFSET;
    int ok;
    switch (id) {
        case 0: ok = f->res_len == 1 && f->res.u64[0] == in->evtnum; break;
        case 1: ok = f->res_len == 1 && strcmp(f->res.str[0], "bench event") == 0; break;
        case 4: ok = f->res_len == 8 && strcmp(f->res.str[7], "word7") == 0; break;
        default: ok = f->res_len == 1 && strcmp(f->res.str[0], payload) == 0;
    }
    if (!ok) die(s, "an extracted value is not what the event holds");
}

/* The input of a one-field extract_fields call, as libsinsp fills it. */
static void extract_input(host_extract_input* in, host_extract_field* field) {
    memset(field, 0, sizeof *field);
    memset(in, 0, sizeof *in);
    in->owner = &owner_token;
    in->get_owner_last_error = owner_last_error;
    in->num_fields = 1;
    in->fields = field;
    memcpy(&in->table_reader, &reader_ext, sizeof in->table_reader);
    in->table_reader_ext = &reader_ext;
}

/* The field's members, set one by one as libsinsp's plugin filter check sets them (res and res_len are the plugin's). */
static void request_field(host_extract_field* field, uint32_t id) {
    field->field_id = id;
    field->field = "bench";
    field->arg_key = NULL;
    field->arg_index = 0;
    field->arg_present = 0;
    field->ftype = id == 0 ? 8 : 9;
    field->flist = id == 4;
}

/* ns per extract_fields call on fresh events; every 64th value is checked. With call == 0, only the rest. */
static double extract_row(side* s, uint32_t id, long events, int call) {
    host_extract_field field;
    host_extract_input in;
    extract_input(&in, &field);
    double spent = 0;
    long done = 0;
    while (done < events) {
        void** evts = NULL;
        uint32_t n = batch(s, &evts);
        double start = now_ns();
        for (uint32_t i = 0; i < n; i++) {
            host_event_input evt = {evts[i], ++s->evtnum, "bench"};
            request_field(&field, id);
            if (!call) continue;
            if (s->extract(s->state, &evt, &in) != 0) die(s, "extract_fields failed");
            if ((i & 63) == 0) check_value(s, &field, id, &evt);
        }
        spent += now_ns() - start;
        done += n;
    }
    return spent / (double)done;
}

/*
 * The warm-up libsinsp's rules give a plugin: every event goes through every field the rules use, one extract_fields
 * call per field, so the JIT profiles all of them together before any row is timed.
 */
static void ruleset_warm_up(side* s, long events) {
    static const uint32_t fields[] = {0, 1, 6, 4};
    host_extract_field field;
    host_extract_input in;
    extract_input(&in, &field);
    long done = 0;
    while (done < events) {
        void** evts = NULL;
        uint32_t n = batch(s, &evts);
        for (uint32_t i = 0; i < n; i++) {
            host_event_input evt = {evts[i], ++s->evtnum, "bench"};
            for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
                uint32_t id = fields[f];
                request_field(&field, id);
                if (s->extract(s->state, &evt, &in) != 0) die(s, "extract_fields failed");
                check_value(s, &field, id, &evt);
            }
        }
        done += n;
    }
}

static double source_row(side* s, long events) {
    long done = 0;
    double start = now_ns();
    while (done < events) {
        void** evts = NULL;
        done += batch(s, &evts);
    }
    return (now_ns() - start) / (double)done;
}

/* An openat exit event: fd, dirfd, name, flags, mode, dev, ino, with 16-bit parameter lengths. */
static size_t syscall_event(unsigned char* buf, uint64_t tid, uint64_t ts) {
    static const char name[] = "/etc/ld.so.cache";
    uint16_t lens[7] = {8, 8, sizeof name, 4, 4, 4, 8};
    host_event_header h = {ts, tid, 0, 307, 7};
    size_t at = sizeof h;
    memcpy(buf + at, lens, sizeof lens);
    at += sizeof lens;
    int64_t fd = 3, dirfd = -100;
    uint32_t flags = 0x80000, mode = 0, dev = 0x803;
    uint64_t ino = 1234567;
    memcpy(buf + at, &fd, 8); at += 8;
    memcpy(buf + at, &dirfd, 8); at += 8;
    memcpy(buf + at, name, sizeof name); at += sizeof name;
    memcpy(buf + at, &flags, 4); at += 4;
    memcpy(buf + at, &mode, 4); at += 4;
    memcpy(buf + at, &dev, 4); at += 4;
    memcpy(buf + at, &ino, 8); at += 8;
    h.len = (uint32_t)at;
    memcpy(buf, &h, sizeof h);
    return at;
}

static double parse_row(side* s, long events, int call) {
    static unsigned char buffers[SYSCALL_BATCH][128];
    host_parse_input in;
    memset(&in, 0, sizeof in);
    in.owner = &owner_token;
    in.get_owner_last_error = owner_last_error;
    memcpy(&in.table_reader, &reader_ext, sizeof in.table_reader);
    in.table_reader_ext = &reader_ext;
    double spent = 0;
    long done = 0;
    while (done < events) {
        for (int i = 0; i < SYSCALL_BATCH; i++) syscall_event(buffers[i], 1000 + (uint64_t)(i % 7), (uint64_t)done + (uint64_t)i);
        double start = now_ns();
        for (int i = 0; i < SYSCALL_BATCH; i++) {
            host_event_input evt = {(const host_event_header*)buffers[i], ++s->evtnum, "syscall"};
            if (call && s->parse(s->state, &evt, &in) != 0) die(s, "parse_event failed");
        }
        spent += now_ns() - start;
        done += SYSCALL_BATCH;
    }
    return spent / (double)done;
}

static double timed_row(side* s, int r, long events, int call) {
    switch (r) {
        case ROW_SOURCE: return call ? source_row(s, events) : 0;
        case ROW_PARSE: return parse_row(s, events, call);
        default: return extract_row(s, ROW_FIELD[r], events, call);
    }
}

static double row(side* s, int r, long events) {
    if (!cpu_clock) return timed_row(s, r, events, 1);
    double spent = 0;
    for (int call = 1; call >= 0; call--) {
        double start = clock_ns(CLOCK_THREAD_CPUTIME_ID);
        timed_row(s, r, events, call);
        double cpu = clock_ns(CLOCK_THREAD_CPUTIME_ID) - start;
        spent += call ? cpu : -cpu;
    }
    return spent / (double)events;
}

static int compare(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: sinsp_path_driver c-plugin.so java-plugin.so [rounds] [events per row]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 7;
    long events = argc > 4 ? atol(argv[4]) : 2000000;
    if (rounds < 1 || rounds > MAX_ROUNDS) rounds = 7;
    const char* clock_name = getenv("SINSP_CLOCK");
    cpu_clock = clock_name != NULL && strcmp(clock_name, "cpu") == 0;
    /* SINSP_ROWS, a list of row names, times only those (for a profile of one row; every row still warms up, so the JIT
       sees what it sees in a full run); every row by default */
    const char* only = getenv("SINSP_ROWS");
    int wanted[ROW_COUNT];
    for (int r = 0; r < ROW_COUNT; r++) wanted[r] = only == NULL || strstr(only, ROW_NAMES[r]) != NULL;
    side sides[2] = {load("C", argv[1]), load("Java", argv[2])};
    static double results[2][ROW_COUNT][MAX_ROUNDS];
    const char* warm_up = getenv("SINSP_WARMUP");
    int ruleset = warm_up == NULL || strcmp(warm_up, "rows") != 0;
    if (ruleset)
        for (int k = 0; k < 2; k++) ruleset_warm_up(&sides[k], events / 2);
    for (int warm = 0; warm < 2; warm++)
        for (int k = 0; k < 2; k++)
            for (int r = 0; r < ROW_COUNT; r++) row(&sides[k], r, events / 4);
    for (int round = 0; round < rounds; round++)
        for (int r = 0; r < ROW_COUNT; r++)
            for (int k = 0; k < 2; k++) results[k][r][round] = wanted[r] ? row(&sides[k], r, events) : 0;
    printf("| %-30s | %8s | %8s | %8s | %6s |\n", "libsinsp path, ns per call", "C", "Java", "Java - C", "ratio");
    printf("|%s|%s|%s|%s|%s|\n", "--------------------------------", "----------", "----------", "----------", "--------");
    for (int r = 0; r < ROW_COUNT; r++) {
        if (!wanted[r]) continue;
        double m[2];
        for (int k = 0; k < 2; k++) {
            qsort(results[k][r], (size_t)rounds, sizeof(double), compare);
            m[k] = results[k][r][rounds / 2];
        }
        printf("| %-30s | %8.2f | %8.2f | %8.2f | %5.2fx |\n", ROW_NAMES[r], m[0], m[1], m[1] - m[0], m[0] > 0 ? m[1] / m[0] : 0);
    }
    printf("Median of %d interleaved rounds of %ld events per row, after %s2 warm-up rounds; %s.\n", rounds, events,
           ruleset ? "a rule set's warm-up (every field on each event) and " : "", cpu_clock ? "CPU time of the driver's thread" : "wall time");
    return 0;
}
