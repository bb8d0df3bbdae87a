/*
 * The operational probes: a host's deep stack after init, signals, where the jar is, malformed events, a soak of
 * many events in one process, many host threads at once, the init config check, and the leak check's probe field.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "host.h"


/* Uses about kib KiB of the calling thread's stack, as a host's own deep call chains would. */
__attribute__((noinline)) int use_stack(long kib) {
    volatile char frame[1024];
    memset((char*)frame, (int)kib, sizeof frame);
    return kib <= 1 ? frame[7] : use_stack(kib - 1) + frame[9];
}

/* ---- operational probes: signals, the embedded jar, malformed events, soak, threads ---- */

static volatile sig_atomic_t signals_seen[65];
static const int PROBED_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP, SIGUSR1};
#define PROBED_SIGNAL_COUNT (sizeof PROBED_SIGNALS / sizeof PROBED_SIGNALS[0])

static void on_signal(int sig) {
    signals_seen[sig] = 1;
}

/* The host's own handlers, installed before any plugin starts, as Falco does. */
void install_signal_handlers(void) {
    for (size_t i = 0; i < PROBED_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        if (sigaction(PROBED_SIGNALS[i], &action, NULL) != 0) fail("cannot install a handler for signal %d", PROBED_SIGNALS[i]);
    }
}

void check_signals(void) {
    for (size_t i = 0; i < PROBED_SIGNAL_COUNT; i++) {
        int sig = PROBED_SIGNALS[i];
        signals_seen[sig] = 0;
        raise(sig);
        if (!signals_seen[sig]) fail("signal %s did not reach the host's handler after init", strsignal(sig));
        printf("signal %s reached the host\n", strsignal(sig));
    }
}

/* Every open file whose name mentions a jar: where the plugin jar was put for the JVM to read. */
void list_jar_files(void) {
    DIR* fds = opendir("/proc/self/fd");
    if (fds == NULL) fail("cannot list /proc/self/fd");
    struct dirent* entry;
    while ((entry = readdir(fds)) != NULL) {
        char path[512], target[1024];
        snprintf(path, sizeof path, "/proc/self/fd/%s", entry->d_name);
        ssize_t n = readlink(path, target, sizeof target - 1);
        if (n <= 0) continue;
        target[n] = '\0';
        if (strstr(target, ".jar") != NULL) printf("jar file: %s\n", target);
    }
    closedir(fds);
}


/* Writes a plugin event with payload text into buf, and returns it. */
host_event_header* make_event(unsigned char* buf, const char* payload) {
    uint32_t len = (uint32_t)strlen(payload);
    host_event_header* e = (host_event_header*)buf;
    e->ts = 1;
    e->tid = UINT64_MAX;
    e->len = (uint32_t)sizeof *e + 12 + len;
    e->type = HOST_PLUGIN_EVENT_TYPE;
    e->nparams = 2;
    uint32_t params[3] = {4, len, tested.api.get_id ? tested.api.get_id() : 0};
    memcpy(buf + sizeof *e, params, sizeof params);
    memcpy(buf + sizeof *e + 12, payload, len);
    return e;
}

/* Malformed events given to extract_fields must be refused with a message, and the plugin must go on working. */
void probe_malformed_events(void* state, const size_t* ids, size_t n) {
    static const char* const what[] = {"three parameters", "length shorter than its header", "payload longer than the event",
                                       "plugin id parameter of 8 bytes"};
    for (int variant = 0; variant < 4; variant++) {
        unsigned char buf[256];
        host_event_header* e = make_event(buf, "probe 1");
        uint32_t* params = (uint32_t*)(buf + sizeof *e);
        switch (variant) {
            case 0: e->nparams = 3; break;
            case 1: e->len = 20; break;
            case 2: params[1] = 100000; break;
            default: params[0] = 8;
        }
        host_event_input in = {e, 1, tested.event_source};
        uint64_t hash = 0;
        int32_t rc = lean_extract(state, &in, ids, n, &hash);
        const char* err = tested.api.get_last_error(state);
        if (rc != HOST_API_RC_FAILURE) fail("a malformed event (%s) was not refused: rc %d", what[variant], rc);
        if (err == NULL || !err[0]) fail("a malformed event (%s) was refused without a last error", what[variant]);
        printf("malformed event (%s) refused: %s\n", what[variant], err);
    }
    unsigned char buf[256];
    host_event_input in = {make_event(buf, "probe 1"), 1, tested.event_source};
    uint64_t hash = 0;
    int32_t rc = lean_extract(state, &in, ids, n, &hash);
    if (rc != HOST_API_RC_SUCCESS) fail("extraction fails after malformed events: %s", tested.api.get_last_error(state));
    printf("a valid event after them is extracted\n");
}

static long resident_kib(void) {
    FILE* status = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (status != NULL && fgets(line, sizeof line, status)) {
        if (strncmp(line, "VmRSS:", 6) == 0) kib = atol(line + 6);
    }
    if (status != NULL) fclose(status);
    return kib;
}

/* Pulls events from one open instance and extracts all fields of each; returns how many were taken. */
/* A uint64 field the soak extracts at each report: the plugin's count of bytes its calls allocated on this thread. */
static const size_t* alloc_probe;

static long pull_and_extract(void* state, void* instance, long events, const size_t* ids, size_t n, uint64_t* hash,
                             long* number, long report_every) {
    long taken = 0;
    int timeouts = 0;
    while (taken < events) {
        uint32_t count = 0;
        host_event_header** batch = NULL;
        int32_t rc = tested.api.next_batch(state, instance, &count, &batch);
        if (rc == HOST_API_RC_FAILURE) fail("next_batch failed: %s", tested.api.get_last_error(state));
        if (rc == HOST_API_RC_TIMEOUT && count == 0) {
            if (++timeouts > MAX_TIMEOUTS_IN_A_ROW) fail("next_batch timed out %d times in a row", MAX_TIMEOUTS_IN_A_ROW);
            continue;
        }
        timeouts = 0;
        for (uint32_t i = 0; i < count && taken < events; i++) {
            host_event_input in = {batch[i], (uint64_t)++*number, tested.event_source};
            if (n > 0 && lean_extract(state, &in, ids, n, hash) != HOST_API_RC_SUCCESS)
                fail("extract_fields failed at event %ld: %s", *number, tested.api.get_last_error(state));
            taken++;
            if (report_every > 0 && *number % report_every == 0) {
                printf("soak %ld events: VmRSS %ld KiB", *number, resident_kib());
                if (alloc_probe != NULL) {
                    host_extract_field probe[1];
                    if (call_extract(&tested, state, &in, alloc_probe, 1, probe, 0) != HOST_API_RC_SUCCESS || probe[0].res_len != 1)
                        fail("the allocation probe field could not be extracted: %s", tested.api.get_last_error(state));
                    printf(", %" PRIu64 " bytes allocated on this thread", probe[0].res.u64[0]);
                }
                putchar('\n');
            }
        }
        if (rc == HOST_API_RC_EOF) break;
    }
    return taken;
}

/* Sources and extracts o->soak_events events in this process, reopening the source at its end, reporting RSS. */
void soak(void* state, const options* o, const size_t* ids, size_t n) {
    long number = 0;
    static size_t probe_id;
    alloc_probe = NULL;
    if (o->alloc_probe != NULL) {
        probe_id = MAX_FIELDS - 1;
        resolve_field(&tested, o->alloc_probe, &tested.selection[probe_id]);
        if (tested.fields[tested.selection[probe_id].id].ftype != HOST_FTYPE_UINT64) fail("--alloc-probe %s is not a uint64 field", o->alloc_probe);
        alloc_probe = &probe_id;
    }
    uint64_t hash = 14695981039346656037ULL;
    printf("soak start: VmRSS %ld KiB\n", resident_kib());
    while (number < o->soak_events) {
        int32_t rc = 0x7777;
        void* instance = tested.api.open(state, o->open_params, &rc);
        if (rc != HOST_API_RC_SUCCESS || instance == NULL) fail("open failed during the soak: %s", tested.api.get_last_error(state));
        long taken = pull_and_extract(state, instance, o->soak_events - number, ids, n, &hash, &number, o->soak_events / 10);
        tested.api.close(state, instance);
        if (taken == 0) fail("the source gave no event during the soak");
    }
}

typedef struct {
    const options* o;
    const size_t* ids;
    size_t n;
    uint64_t hash;
    long taken;
    ht_owner owner;
} thread_job;

static void* extraction_thread(void* arg) {
    thread_job* job = arg;
    thread_owner = &job->owner;
    int32_t rc;
    void* state = init_hosted(&tested, &job->owner, job->o->config, tested.caps & (CAP_PARSE | CAP_EXTRACT), &rc);
    if (rc != HOST_API_RC_SUCCESS || state == NULL) fail("init failed in a thread: %s", state ? tested.api.get_last_error(state) : "");
    ht_owner_attach(&job->owner, state, tested.api.get_last_error);
    void* instance = tested.api.open(state, job->o->open_params, &rc);
    if (rc != HOST_API_RC_SUCCESS || instance == NULL) fail("open failed in a thread: %s", tested.api.get_last_error(state));
    long number = 0;
    job->hash = 14695981039346656037ULL;
    job->taken = pull_and_extract(state, instance, job->o->events, job->ids, job->n, &job->hash, &number, 0);
    tested.api.close(state, instance);
    ht_owner_detach(&job->owner);
    tested.api.destroy(state);
    return NULL;
}

/* o->threads host threads, each with its own plugin state, source and extractions at once: same results in all. */
void run_threads(const options* o, const size_t* ids, size_t n) {
    static pthread_t threads[64];
    static thread_job jobs[64];
    long count = o->threads > 64 ? 64 : o->threads;
    for (long t = 0; t < count; t++) {
        jobs[t].o = o;
        jobs[t].ids = ids;
        jobs[t].n = n;
        jobs[t].hash = 0;
        jobs[t].taken = 0;
        ht_owner_init(&jobs[t].owner, "a plugin state of --threads");
        if (pthread_create(&threads[t], NULL, extraction_thread, &jobs[t]) != 0) fail("cannot start thread %ld", t);
    }
    for (long t = 0; t < count; t++) pthread_join(threads[t], NULL);
    for (long t = 1; t < count; t++) {
        if (jobs[t].taken != jobs[0].taken || jobs[t].hash != jobs[0].hash)
            fail("thread %ld extracted different values (%ld events, hash %016" PRIx64 ") than thread 0 (%ld, %016" PRIx64 ")",
                 t, jobs[t].taken, jobs[t].hash, jobs[0].taken, jobs[0].hash);
    }
    printf("threads %ld: %ld events each, identical values\n", count, jobs[0].taken);
}

/*
 * What libsinsp does with init_config before init when the plugin exports a JSON schema: an empty config becomes
 * "{}", and a config that is not JSON is refused (libsinsp then validates it against the schema).
 */
const char* checked_config(const options* o) {
    if (tested.api.get_init_schema == NULL || o->skip_config_check) return o->config;
    int32_t type = 0x7777;
    const char* schema = tested.api.get_init_schema(&type);
    if (schema == NULL || schema[0] == '\0' || type == 0) return o->config;
    if (type != 1) fail("get_init_schema returned an unknown schema type %d", type);
    char err[256] = "";
    json_object* parsed;
    if (!parse_json(schema, &parsed, err, sizeof err) || !json_object_is_type(parsed, json_type_object))
        fail("get_init_schema did not return a json object: %s", err);
    json_object_put(parsed);
    const char* config = o->config[0] == '\0' ? "{}" : o->config;
    if (!parse_json(config, &parsed, err, sizeof err)) fail("init config is not a valid json: %s", err);
    json_object_put(parsed);
    return config;
}


/* The value of the uint64 field named by --leak-probe (the plugin's loaded classes), extracted on a plugin event. */
long leak_probe_value(void* state, const char* name) {
    static size_t probe_id = MAX_FIELDS - 1;
    resolve_field(&tested, name, &tested.selection[probe_id]);
    if (tested.fields[tested.selection[probe_id].id].ftype != HOST_FTYPE_UINT64) fail("--leak-probe %s is not a uint64 field", name);
    unsigned char buf[256];
    host_event_input in = {make_event(buf, "leak probe"), 1, tested.event_source};
    host_extract_field probe[1];
    if (call_extract(&tested, state, &in, &probe_id, 1, probe, 0) != HOST_API_RC_SUCCESS || probe[0].res_len != 1)
        fail("the leak probe field %s could not be extracted: %s", name, tested.api.get_last_error(state));
    return (long)probe[0].res.u64[0];
}
