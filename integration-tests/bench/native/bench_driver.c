/*
 * Benchmark driver: loads a plugin library the way libsinsp does (dlopen, plugin_* symbols) and measures, as
 * the median of several runs: ns per event delivered by next_batch, ns per extract_fields call for one uint64
 * field, one string field, four mixed fields and a list of eight strings, ns per parse_event, and plugin_init's
 * time and resident memory added. Fields are requested by id: 0 uint64, 1 string, 2 bool, 3 uint64, 4 list of
 * strings, 5 uint64 (the number of events parsed) (the bench plugins' order). The list and parse results are
 * checked, so both plugins are known to do the same work.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "falco_host_abi.h"

#define RUNS 5

static void* (*p_init)(const host_init_input*, int32_t*);
static const char* (*p_last_error)(void*);
static void* (*p_open)(void*, const char*, int32_t*);
static int32_t (*p_next)(void*, void*, uint32_t*, void***);
static int32_t (*p_extract)(void*, const host_event_input*, const host_extract_input*);
static int32_t (*p_parse)(void*, const host_event_input*, const void*);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static long rss_kib(void) {
    FILE* f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = 0;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) kib = atol(line + 6);
    if (f) fclose(f);
    return kib;
}

static int compare(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

static double median(double* values) {
    qsort(values, RUNS, sizeof(double), compare);
    return values[RUNS / 2];
}

static void* resolve(void* handle, const char* name) {
    void* symbol = dlsym(handle, name);
    if (symbol == NULL) {
        fprintf(stderr, "bench: %s has no %s\n", "library", name);
        exit(1);
    }
    return symbol;
}

static double source_ns(void* state, void* instance, long events) {
    long taken = 0;
    double start = now();
    while (taken < events) {
        uint32_t n = 0;
        void** batch = NULL;
        if (p_next(state, instance, &n, &batch) != 0 || n == 0) {
            fprintf(stderr, "bench: next_batch failed: %s\n", p_last_error(state));
            exit(1);
        }
        taken += n;
    }
    return (now() - start) * 1e9 / (double)taken;
}

static const uint32_t TYPES[] = {8, 9, 25, 8, 9, 8};

static void prepare(host_extract_field* fields, host_extract_input* in, const uint32_t* ids, uint32_t n) {
    memset(fields, 0, n * sizeof fields[0]);
    for (uint32_t i = 0; i < n; i++) {
        fields[i].field_id = ids[i];
        fields[i].ftype = TYPES[ids[i]];
        fields[i].flist = ids[i] == 4;
        fields[i].field = "bench";
    }
    memset(in, 0, sizeof *in);
    in->num_fields = n;
    in->fields = fields;
}

static double extract_ns(void* state, void** events, uint32_t count, const uint32_t* ids, uint32_t n, long calls) {
    host_extract_field fields[4];
    host_extract_input in;
    prepare(fields, &in, ids, n);
    host_event_input evt = {NULL, 0, "bench"};
    double start = now();
    for (long c = 0; c < calls; c++) {
        evt.evt = events[c % count];
        evt.evtnum = (uint64_t)c + 1;
        if (p_extract(state, &evt, &in) != 0) {
            fprintf(stderr, "bench: extract_fields failed: %s\n", p_last_error(state));
            exit(1);
        }
    }
    return (now() - start) * 1e9 / (double)calls;
}

/* One extraction of field id on events[0], checked: the list of words, or the number of events parsed. */
static void check(void* state, void** events, uint32_t id, uint64_t parsed) {
    host_extract_field field;
    host_extract_input in;
    prepare(&field, &in, &id, 1);
    host_event_input evt = {events[0], 1, "bench"};
    if (p_extract(state, &evt, &in) != 0) {
        fprintf(stderr, "bench: extract_fields failed: %s\n", p_last_error(state));
        exit(1);
    }
    if (id == 4) {
        for (uint64_t i = 0; i < 8; i++) {
            char expected[8];
            snprintf(expected, sizeof expected, "word%u", (unsigned)i);
            if (field.res_len != 8 || strcmp(field.res.str[i], expected) != 0) {
                fprintf(stderr, "bench: the list field is not the eight words\n");
                exit(1);
            }
        }
    } else if (field.res_len != 1 || field.res.u64[0] != parsed) {
        fprintf(stderr, "bench: %lu events parsed but the plugin counted %lu\n", (unsigned long)parsed,
                (unsigned long)(field.res_len ? field.res.u64[0] : 0));
        exit(1);
    }
}

static double parse_ns(void* state, void** events, uint32_t count, long calls, uint64_t first) {
    host_parse_input input;
    memset(&input, 0, sizeof input);
    host_event_input evt = {NULL, 0, "bench"};
    double start = now();
    for (long c = 0; c < calls; c++) {
        evt.evt = events[c % count];
        evt.evtnum = first + (uint64_t)c;
        if (p_parse(state, &evt, &input) != 0) {
            fprintf(stderr, "bench: parse_event failed: %s\n", p_last_error(state));
            exit(1);
        }
    }
    return (now() - start) * 1e9 / (double)calls;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_driver plugin.so [events] [calls]\n");
        return 2;
    }
    long events = argc > 2 ? atol(argv[2]) : 10000000;
    long calls = argc > 3 ? atol(argv[3]) : 5000000;
    void* handle = dlopen(argv[1], RTLD_LOCAL | RTLD_NOW);
    if (handle == NULL) {
        fprintf(stderr, "bench: %s\n", dlerror());
        return 1;
    }
    *(void**)&p_init = resolve(handle, "plugin_init");
    *(void**)&p_last_error = resolve(handle, "plugin_get_last_error");
    *(void**)&p_open = resolve(handle, "plugin_open");
    *(void**)&p_next = resolve(handle, "plugin_next_batch");
    *(void**)&p_extract = resolve(handle, "plugin_extract_fields");
    *(void**)&p_parse = resolve(handle, "plugin_parse_event");

    long rss_before = rss_kib();
    host_init_input input = {"", &input, NULL, NULL, NULL};
    int32_t rc = 1;
    double start = now();
    void* state = p_init(&input, &rc);
    double init_ms = (now() - start) * 1e3;
    if (rc != 0) {
        fprintf(stderr, "bench: init failed: %s\n", state ? p_last_error(state) : "");
        return 1;
    }
    long rss_added = rss_kib() - rss_before;
    void* instance = p_open(state, "", &rc);
    if (rc != 0) {
        fprintf(stderr, "bench: open failed: %s\n", p_last_error(state));
        return 1;
    }

    double source[RUNS], one_u64[RUNS], one_string[RUNS], mixed[RUNS], list[RUNS], parse[RUNS];
    static const uint32_t u64_field[] = {0}, string_field[] = {1}, four_fields[] = {0, 1, 2, 3}, list_field[] = {4};
    uint64_t parsed = 0;
    for (int run = -1; run < RUNS; run++) {
        double s = source_ns(state, instance, events);
        uint32_t count = 0;
        void** batch = NULL;
        p_next(state, instance, &count, &batch);
        void* copies[256];
        for (uint32_t i = 0; i < count && i < 256; i++) copies[i] = batch[i];
        count = count > 256 ? 256 : count;
        double a = extract_ns(state, copies, count, u64_field, 1, calls);
        double b = extract_ns(state, copies, count, string_field, 1, calls);
        double c = extract_ns(state, copies, count, four_fields, 4, calls);
        double d = extract_ns(state, copies, count, list_field, 1, calls);
        check(state, copies, 4, parsed);
        double e = parse_ns(state, copies, count, calls, parsed + 1);
        parsed += (uint64_t)calls;
        check(state, copies, 5, parsed);
        if (run >= 0) {
            source[run] = s;
            one_u64[run] = a;
            one_string[run] = b;
            mixed[run] = c;
            list[run] = d;
            parse[run] = e;
        }
    }
    printf("init_ms %.1f\n", init_ms);
    printf("rss_added_kib %ld\n", rss_added);
    printf("source_ns_per_event %.2f\n", median(source));
    printf("extract_uint64_ns %.2f\n", median(one_u64));
    printf("extract_string_ns %.2f\n", median(one_string));
    printf("extract_4_mixed_ns %.2f\n", median(mixed));
    printf("extract_list_8_strings_ns %.2f\n", median(list));
    printf("parse_ns %.2f\n", median(parse));
    return 0;
}
