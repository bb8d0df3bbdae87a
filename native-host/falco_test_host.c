/*
 * falco-test-host: loads a Falco plugin library the way libsinsp's plugin loader does, checks what the real
 * loader checks, drives it (init, open, next_batch, extract_fields, event_to_string, close, destroy) and prints
 * what it saw in a stable format. Anything a real host would refuse, or that would corrupt a real host, is a
 * loud failure: a line starting with "FAIL: " on stderr and exit code 1.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

/* What the last cycle measured, for the leak check. */
static hl_cycle last_cycle;

size_t with_ids[MAX_FIELDS];
size_t with_id_count;

/* ---- the --with plugin: a second plugin in the process, with its own owner and the same table registry ---- */

static void load_companion(const options* o) {
    load_library(&with, o, o->with, "--with: ");
    if (with.api.get_fields && with.api.extract_fields) with.caps |= CAP_EXTRACT;
    if (with.api.parse_event) with.caps |= CAP_PARSE;
    if (!(with.caps & (CAP_EXTRACT | CAP_PARSE)))
        fail("--with %s: the plugin has neither parse nor extract capability, so it gets no tables", o->with);
    printf("with plugin name=%s version=%s api=%s\n", with.api.get_name(), with.api.get_version(),
           with.api.get_required_api_version());
    if (with.caps & CAP_EXTRACT) {
        with.field_count = check_fields(&with);
        with_id_count = select_fields(&with, NULL, NULL, with_ids);
    }
    with.loaded = 1;
}

/* Initialized after the plugin under test, as libsinsp initializes plugins in load order: it sees its tables. */
static void init_companion(const options* o) {
    ht_owner_init(&with_owner, "the --with plugin");
    int32_t rc;
    with.state = init_hosted(&with, &with_owner, o->with_config, 1, &rc);
    if (rc != HOST_API_RC_SUCCESS || with.state == NULL)
        fail("could not initialize the --with plugin: %s", with.state ? with.api.get_last_error(with.state) : "(no state)");
    ht_owner_attach(&with_owner, with.state, with.api.get_last_error);
    if (with.caps & CAP_EXTRACT)
        resolve_filter("with extract", with.api.get_extract_event_types, with.api.get_extract_event_sources, with.state, 0,
                       &with.extract_filter);
    if (with.caps & CAP_PARSE)
        resolve_filter("with parse", with.api.get_parse_event_types, with.api.get_parse_event_sources, with.state, 0,
                       &with.parse_filter);
}

static void destroy_companion(void) {
    ht_owner_detach(&with_owner);
    with.api.destroy(with.state);
    with.state = NULL;
}

/* ---- the plugin under test: its cycles of init, events and destroy ---- */

static int exports_field(const char* name) {
    for (size_t i = 0; i < tested.field_count; i++)
        if (strcmp(tested.fields[i].name, name) == 0) return 1;
    return 0;
}


static int run_cycle(const options* o, long cycle, const size_t* ids, size_t n_ids) {
    ht_owner_init(&main_owner, "the plugin");
    const char* config = checked_config(o);
    int32_t rc;
    hl_cycle measured = {0, 0, -1};
    double started = hl_now_ms();
    void* state = init_hosted(&tested, &main_owner, config, tested.caps & (CAP_PARSE | CAP_EXTRACT), &rc);
    measured.init_ms = hl_now_ms() - started;
    if (rc == 0x7777) fail("init did not set rc");
    if (rc != HOST_API_RC_SUCCESS) {
        const char* err = state ? tested.api.get_last_error(state) : NULL;
        if (state && (err == NULL || !err[0])) fail("init failed (rc %d) without a last error", rc);
        if (!o->expect_init_failure) fail("could not initialize plugin: %s", err ? err : "(no state)");
        printf("init failed: %s\n", err ? err : "(no state)");
        ht_owner_detach(&main_owner);
        if (state) tested.api.destroy(state);
        return 0;
    }
    if (state == NULL) fail("init succeeded but returned a NULL state");
    if (o->expect_init_failure) fail("init succeeded but a failure was expected");
    ht_owner_attach(&main_owner, state, tested.api.get_last_error);
    printf("cycle %ld\n", cycle);
    if (with.loaded) init_companion(o);
    if (o->stack_kib > 0) {
        use_stack(o->stack_kib);
        printf("used %ld KiB of the host thread's stack after init\n", o->stack_kib);
    }
    if (o->signals) check_signals();
    if (o->list_jar_files) list_jar_files();
    if (tested.caps & CAP_EXTRACT)
        resolve_filter("extract", tested.api.get_extract_event_types, tested.api.get_extract_event_sources, state, has_own_source(),
                       &tested.extract_filter);
    if (tested.caps & CAP_PARSE)
        resolve_filter("parse", tested.api.get_parse_event_types, tested.api.get_parse_event_sources, state, has_own_source(), &tested.parse_filter);
    if (tested.api.list_open_params) check_open_params(state);
    if (o->event_schema != NULL) check_event_schema(&tested, state, o->event_schema);
    else if (tested.api.get_required_event_schema_version) check_event_schema(&tested, state, NULL);
    if (tested.caps & CAP_CAPTURE_LISTEN) capture_call(state, 1, o->routine_runs);
    if (tested.caps & CAP_ASYNC) {
        read_async_names();
        start_async(state);
    }
    if (o->soak_events > 0 && (tested.caps & CAP_SOURCE)) {
        soak(state, o, ids, n_ids);
    } else if (tested.caps & CAP_SOURCE) {
        rc = 0x7777;
        void* instance = tested.api.open(state, o->open_params, &rc);
        if (rc != HOST_API_RC_SUCCESS) fail("open failed (rc %d): %s", rc, tested.api.get_last_error(state));
        if (instance == NULL) fail("open succeeded but returned a NULL instance");
        run_events(state, instance, o, ids, n_ids);
        if (tested.api.get_progress) print_progress(state, instance);
        tested.api.close(state, instance);
    }
    if (o->feed_events > 0) feed_events(state, o, ids, n_ids);
    if (o->syscall_events != NULL) feed_syscall_events(state, o, ids, n_ids);
    if (o->set_config_count > 0) set_configs(state, o->set_config, o->set_config_count);
    if (o->dump_state && (tested.caps & CAP_ASYNC)) dump_async_state(state);
    if (tested.caps & CAP_ASYNC) stop_async(state, o->expect_async);
    if (tested.caps & CAP_CAPTURE_LISTEN) capture_call(state, 0, o->routine_runs);
    if (tested.api.get_metrics) print_metrics(state);
    if (o->malformed_events && (tested.caps & CAP_EXTRACT)) probe_malformed_events(state, ids, n_ids);
    if (o->dump_tables) dump_tables(o->dump_tables);
    if (o->leak_probe != NULL && (!o->reload || exports_field(o->leak_probe)))
        measured.classes = leak_probe_value(state, o->leak_probe);
    if (with.loaded) destroy_companion();
    ht_owner_detach(&main_owner);
    if (o->aot_train != NULL && cycle == o->cycles) {
        printf("kept the last plugin state for the AOT cache\n");
        return 1;
    }
    started = hl_now_ms();
    tested.api.destroy(state);
    measured.destroy_ms = hl_now_ms() - started;
    last_cycle = measured;
    return 1;
}

/*
 * Loads one plugin (a library path, or static:NAME) and checks it like the loader; returns the dlopen handle (NULL
 * for a static plugin). Fills ids with the fields the run extracts.
 */
static void* load_target(const options* o, const char* target, int print, size_t* ids, size_t* n_ids) {
    void* handle = load_library(&tested, o, target, "");
    infer_capabilities(&tested);
    if (o->expect_caps != NULL) check_expected_capabilities(&tested, handle, o->expect_caps);
    if (print) print_metadata(&tested);
    if (tested.caps & CAP_EXTRACT) tested.field_count = check_fields(&tested);
    *n_ids = 0;
    if (tested.caps & CAP_EXTRACT) *n_ids = select_fields(&tested, o->fields, o->leak_probe, ids);
    else if (o->fields != NULL) fail("--fields names %s, but the plugin has no field extraction capability", o->fields);
    return handle;
}

/* dlclose, as a host that unloads plugins between restarts does; says whether the library really went away. */
static void unload_target(void* handle, const char* target) {
    if (handle == NULL) return;
    memset(&tested.api, 0, sizeof tested.api);
    if (dlclose(handle) != 0) fail("dlclose of %s failed: %s", target, dlerror());
    void* still = dlopen(target, RTLD_NOW | RTLD_NOLOAD);
    if (still != NULL) {
        dlclose(still);
        printf("unload: %s stayed loaded after dlclose\n", target);
    } else {
        printf("unload: %s unloaded\n", target);
    }
}

/*
 * How long the leak check lets the process rest before sampling a cycle: the cycles it compares (the last of the
 * warm-up, and the last) wait the quiet period, the others only until the process is idle.
 */
static long quiet_before_sample(const options* o, long cycle) {
    return cycle == o->leak_limits.warmup || cycle == o->cycles ? o->leak_limits.quiet_ms : 0;
}

/* Drives one plugin: its cycles in turn, sampled by the leak check when asked. */
static void test_target(const options* o, const char* target) {
    size_t ids[MAX_FIELDS];
    size_t n_ids = 0;
    load_target(o, target, 1, ids, &n_ids);
    if (o->metadata_only) {
        return;
    }
    if (o->threads > 0 && (tested.caps & CAP_SOURCE)) {
        run_threads(o, ids, n_ids);
        return;
    }
    for (long cycle = 1; cycle <= o->cycles; cycle++) {
        if (!run_cycle(o, cycle, ids, n_ids)) break;
        if (o->check_leaks) hl_sample(cycle, &last_cycle, quiet_before_sample(o, cycle));
    }
}

/*
 * --reload: every cycle loads each plugin, drives it through one cycle and unloads it again, the way Falco's hot
 * restart destroys and reloads every plugin; the leak check samples the process after each round.
 */
static void reload_targets(const options* o, const char* const* targets, int count) {
    for (long cycle = 1; cycle <= o->cycles; cycle++) {
        hl_cycle round = {0, 0, -1};
        for (int t = 0; t < count; t++) {
            size_t ids[MAX_FIELDS];
            size_t n_ids = 0;
            void* handle = load_target(o, targets[t], cycle == 1, ids, &n_ids);
            if (!run_cycle(o, cycle, ids, n_ids)) fail("%s: init failed in cycle %ld", targets[t], cycle);
            double started = hl_now_ms();
            unload_target(handle, targets[t]);
            round.init_ms += last_cycle.init_ms;
            round.destroy_ms += last_cycle.destroy_ms + (hl_now_ms() - started);
            if (last_cycle.classes >= 0) round.classes = last_cycle.classes;
        }
        if (o->leak_probe != NULL && round.classes < 0) fail("no plugin exports the --leak-probe field %s", o->leak_probe);
        if (o->check_leaks) hl_sample(cycle, &round, quiet_before_sample(o, cycle));
    }
}

static void usage(void) {
    fprintf(stderr,
            "usage: falco-test-host [--api-version X.Y.Z] [--expect-caps LIST] [--metadata-only] [--config S]\n"
            "       [--open-params S] [--events N] [--fields a,b] [--cycles N] [--expect-init-failure]\n"
            "       [--allow-extract-failure] [--stack-after-init KIB] [--signals] [--list-jar-files]\n"
            "       [--thread-entries N] [--dump-tables a,b] [--with LIB [--with-config S]]\n"
            "       [--malformed-events] [--skip-config-check] [--soak N] [--threads N] [--expect-async N]\n"
            "       [--feed N [--feed-source S] [--feed-id ID] [--feed-type T]] [--syscall-events FILE]\n"
            "       [--alloc-probe FIELD] [--routine-runs N] [--event-schema X.Y.Z] [--dump-state]\n"
            "       [--set-config S]...\n"
            "       [--check-leaks [--leak-probe FIELD] [--leak-warmup N] [--leak-rss-kib K] [--leak-classes N]\n"
            "       [--leak-quiet-ms MS] [--leak-smaps]]\n"
            "       [--reload] [--aot-train FILE [--aot-jvm-options S]] (plugin.so | static:NAME)...\n"
            "Each plugin is tested in turn, in this one process. The host's table \"threads\" (int64 key) gets N\n"
            "entries of tid 1001 .. 1000+N; the tables named by --dump-tables are printed before each destroy. --with\n"
            "loads a second plugin (parse or extract) that shares the tables and is given every event too.\n"
            "--check-leaks samples descriptors, VmRSS, threads and (with --leak-probe, a uint64 field giving the\n"
            "loaded classes) after each cycle, and fails when descriptors grow at all, threads grow after the warm-up\n"
            "(default 10 cycles), or VmRSS (default 8192 KiB) or classes (default 100) grow past a bound after it.\n"
            "The two compared cycles are sampled after the process rested --leak-quiet-ms (default 5500: the JVM\n"
            "frees its JIT compilers' spare work areas every 5 s), the others once it is idle. --leak-smaps prints\n"
            "the mappings whose resident memory grew between them.\n"
            "--routine-runs N: after capture_open, waits until every routine the plugin subscribed ran N times or\n"
            "ended; after capture_close, prints how each routine ended.\n"
            "--event-schema X.Y.Z: the event schema version of the host's engine, checked against the plugin's\n"
            "required one at capture open as libsinsp does with a live driver (without it, as with a capture file).\n"
            "--set-config S (up to 4): set_config with S after the events; --dump-state: dump_state, as when a\n"
            "capture file is opened, printing each event the plugin dumps.\n"
            "--reload loads, drives and dlcloses every plugin in each cycle, interleaved, as Falco's hot restart does.\n"
            "--aot-train keeps the last plugin state and ends the JVM from main, which writes its AOT cache to FILE;\n"
            "--aot-jvm-options gives the training JVM more options (space-separated, before the cache's).\n");
    exit(2);
}

int main(int argc, char** argv) {
    const char* targets[8];
    int target_count = 0;
    options o = {3, 12, 0, "", "", 10, 2, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, "other", 777, 1, NULL,
                 0, 0, NULL, {10, 8192, 100, 5500, 0}, 0, NULL, NULL, "", NULL, 0, NULL, 0, {NULL}, 0, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char* a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "--api-version") == 0 && has_value) {
            parse_version("--api-version", argv[++i], &o.api_major, &o.api_minor, &o.api_patch);
        } else if (strcmp(a, "--expect-caps") == 0 && has_value) o.expect_caps = argv[++i];
        else if (strcmp(a, "--config") == 0 && has_value) o.config = argv[++i];
        else if (strcmp(a, "--open-params") == 0 && has_value) o.open_params = argv[++i];
        else if (strcmp(a, "--events") == 0 && has_value) o.events = atol(argv[++i]);
        else if (strcmp(a, "--cycles") == 0 && has_value) o.cycles = atol(argv[++i]);
        else if (strcmp(a, "--fields") == 0 && has_value) o.fields = argv[++i];
        else if (strcmp(a, "--metadata-only") == 0) o.metadata_only = 1;
        else if (strcmp(a, "--expect-init-failure") == 0) o.expect_init_failure = 1;
        else if (strcmp(a, "--allow-extract-failure") == 0) o.allow_extract_failure = 1;
        else if (strcmp(a, "--stack-after-init") == 0 && has_value) o.stack_kib = atol(argv[++i]);
        else if (strcmp(a, "--signals") == 0) o.signals = 1;
        else if (strcmp(a, "--list-jar-files") == 0) o.list_jar_files = 1;
        else if (strcmp(a, "--malformed-events") == 0) o.malformed_events = 1;
        else if (strcmp(a, "--skip-config-check") == 0) o.skip_config_check = 1;
        else if (strcmp(a, "--soak") == 0 && has_value) o.soak_events = atol(argv[++i]);
        else if (strcmp(a, "--threads") == 0 && has_value) o.threads = atol(argv[++i]);
        else if (strcmp(a, "--expect-async") == 0 && has_value) o.expect_async = atol(argv[++i]);
        else if (strcmp(a, "--feed") == 0 && has_value) o.feed_events = atol(argv[++i]);
        else if (strcmp(a, "--alloc-probe") == 0 && has_value) o.alloc_probe = argv[++i];
        else if (strcmp(a, "--feed-source") == 0 && has_value) o.feed_source = argv[++i];
        else if (strcmp(a, "--feed-id") == 0 && has_value) o.feed_id = atol(argv[++i]);
        else if (strcmp(a, "--feed-type") == 0 && has_value) o.feed_type = atol(argv[++i]);
        else if (strcmp(a, "--thread-entries") == 0 && has_value) o.thread_entries = atol(argv[++i]);
        else if (strcmp(a, "--dump-tables") == 0 && has_value) o.dump_tables = argv[++i];
        else if (strcmp(a, "--with") == 0 && has_value) o.with = argv[++i];
        else if (strcmp(a, "--with-config") == 0 && has_value) o.with_config = argv[++i];
        else if (strcmp(a, "--check-leaks") == 0) o.check_leaks = 1;
        else if (strcmp(a, "--reload") == 0) o.reload = 1;
        else if (strcmp(a, "--leak-probe") == 0 && has_value) o.leak_probe = argv[++i];
        else if (strcmp(a, "--leak-warmup") == 0 && has_value) o.leak_limits.warmup = atol(argv[++i]);
        else if (strcmp(a, "--leak-rss-kib") == 0 && has_value) o.leak_limits.rss_kib = atol(argv[++i]);
        else if (strcmp(a, "--leak-classes") == 0 && has_value) o.leak_limits.classes = atol(argv[++i]);
        else if (strcmp(a, "--leak-quiet-ms") == 0 && has_value) o.leak_limits.quiet_ms = atol(argv[++i]);
        else if (strcmp(a, "--leak-smaps") == 0) o.leak_limits.smaps = 1;
        else if (strcmp(a, "--syscall-events") == 0 && has_value) o.syscall_events = argv[++i];
        else if (strcmp(a, "--routine-runs") == 0 && has_value) o.routine_runs = atol(argv[++i]);
        else if (strcmp(a, "--event-schema") == 0 && has_value) o.event_schema = argv[++i];
        else if (strcmp(a, "--dump-state") == 0) o.dump_state = 1;
        else if (strcmp(a, "--set-config") == 0 && has_value && o.set_config_count < 4) o.set_config[o.set_config_count++] = argv[++i];
        else if (strcmp(a, "--aot-train") == 0 && has_value) o.aot_train = argv[++i];
        else if (strcmp(a, "--aot-jvm-options") == 0 && has_value) o.aot_jvm_options = argv[++i];
        else if (a[0] == '-') usage();
        else if (target_count < 8) targets[target_count++] = o.library = a;
        else usage();
    }
    if (o.library == NULL) usage();
    if (o.aot_jvm_options != NULL && o.aot_train == NULL) fail("--aot-jvm-options needs --aot-train");
    if (o.aot_train != NULL && (o.reload || o.threads > 0 || o.metadata_only || o.expect_init_failure))
        fail("--aot-train needs a plain run: no --reload, --threads, --metadata-only or --expect-init-failure");
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (o.aot_train != NULL) aot_prepare(o.aot_train, o.aot_jvm_options);
    if (o.check_leaks) hl_prepare(&o.leak_limits);
    ht_setup();
    if (o.thread_entries > 0) ht_populate_threads(o.thread_entries);
    if (o.with != NULL) load_companion(&o);
    if (o.signals) install_signal_handlers();
    if (o.reload && !o.metadata_only) {
        reload_targets(&o, targets, target_count);
    } else {
        for (int t = 0; t < target_count; t++) {
            test_target(&o, targets[t]);
        }
    }
    if (o.check_leaks && !hl_verdict(&o.leak_limits)) exit(1);
    if (o.aot_train != NULL) aot_finish(o.aot_train);
    puts("ok");
    return 0;
}
