/*
 * Tables benchmark driver: loads a parse plugin (dlopen, plugin_* symbols), gives it the test host's tables
 * (host_tables.c: a threads table of 1024 entries) and times parse_event calls that do a given number of table
 * operations through the vtables of the parse input. Prints, as the median of several runs, ns per parse call
 * with one lookup, and ns per extra lookup, int64 read, uint64 write and string read (the difference to the
 * one-lookup call, divided by the number of operations). Checks at the end that the writes reached the table.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "falco_host_abi.h"
#include "host_tables.h"

#define RUNS 5
#define THREADS 1024
#define OPS 16

static void* (*p_init)(const host_init_input*, int32_t*);
static const char* (*p_last_error)(void*);
static int32_t (*p_parse)(void*, const host_event_input*, const host_parse_input*);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
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
        fprintf(stderr, "table_bench: the library has no %s\n", name);
        exit(1);
    }
    return symbol;
}

/* ns per parse_event call whose payload asks for the given operations. */
static double parse_ns(void* state, ht_owner* owner, const unsigned char counts[4], long calls) {
    unsigned char buffer[64];
    host_event_header* e = (host_event_header*)buffer;
    uint32_t lens[2] = {4, 4}, id = 999;
    e->ts = 1;
    e->len = (uint32_t)(sizeof *e + 12 + 4);
    e->type = HOST_PLUGIN_EVENT_TYPE;
    e->nparams = 2;
    memcpy(buffer + sizeof *e, lens, 8);
    memcpy(buffer + sizeof *e + 8, &id, 4);
    memcpy(buffer + sizeof *e + 12, counts, 4);
    host_event_input in = {e, 0, "bench"};
    host_parse_input input;
    memset(&input, 0, sizeof input);
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
    ht_reader_vtables(&input.table_reader, &reader);
    ht_writer_vtables(&input.table_writer, &writer);
    input.owner = owner;
    input.get_owner_last_error = ht_owner_last_error;
    input.table_reader_ext = &reader;
    input.table_writer_ext = &writer;
    double start = now();
    for (long c = 0; c < calls; c++) {
        e->tid = (uint64_t)(1001 + c % THREADS);
        in.evtnum = (uint64_t)c + 1;
        ht_enter(owner, HT_PHASE_PARSE);
        int32_t rc = p_parse(state, &in, &input);
        ht_leave(owner);
        if (rc != 0) {
            fprintf(stderr, "table_bench: parse_event failed: %s\n", p_last_error(state));
            exit(1);
        }
    }
    return (now() - start) * 1e9 / (double)calls;
}

/* The bench_counter of every thread, read through the vtables as the host: OPS after the write runs. */
static void check_counters(ht_owner* host) {
    ht_inputs tables;
    ht_fill_inputs(&tables);
    ht_enter(host, HT_PHASE_HOST);
    void* threads = tables.init.get_table(host, "threads", HOST_ST_INT64);
    void* counter = threads ? tables.fields.get_table_field(threads, "bench_counter", HOST_ST_UINT64) : NULL;
    if (counter == NULL) {
        fprintf(stderr, "table_bench: the plugin did not add bench_counter\n");
        exit(1);
    }
    for (int64_t tid = 1001; tid < 1001 + THREADS; tid++) {
        host_state_data key = {.s64 = tid}, value;
        void* entry = tables.reader.get_table_entry(threads, &key);
        if (entry == NULL || tables.reader.read_entry_field(threads, entry, counter, &value) != 0 || value.u64 != OPS) {
            fprintf(stderr, "table_bench: thread %ld has bench_counter %lu, expected %d\n", (long)tid,
                    entry ? (unsigned long)value.u64 : 0UL, OPS);
            exit(1);
        }
        tables.reader.release_table_entry(threads, entry);
    }
    ht_leave(host);
}

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: table_bench plugin.so [calls]\n");
        return 2;
    }
    long calls = argc > 2 ? atol(argv[2]) : 1000000;
    void* handle = dlopen(argv[1], RTLD_LOCAL | RTLD_NOW);
    if (handle == NULL) {
        fprintf(stderr, "table_bench: %s\n", dlerror());
        return 1;
    }
    *(void**)&p_init = resolve(handle, "plugin_init");
    *(void**)&p_last_error = resolve(handle, "plugin_get_last_error");
    *(void**)&p_parse = resolve(handle, "plugin_parse_event");

    ht_setup();
    ht_populate_threads(THREADS);
    static ht_owner owner, host;
    ht_owner_init(&owner, "the benchmarked plugin");
    ht_owner_init(&host, "the benchmark driver");
    ht_inputs tables;
    ht_fill_inputs(&tables);
    host_init_input input = {"", &owner, ht_owner_last_error, &tables.init, NULL};
    int32_t rc = 1;
    ht_enter(&owner, HT_PHASE_INIT);
    void* state = p_init(&input, &rc);
    ht_leave(&owner);
    if (rc != 0) {
        fprintf(stderr, "table_bench: init failed: %s\n", state ? p_last_error(state) : "");
        return 1;
    }
    ht_owner_attach(&owner, state, p_last_error);

    static const unsigned char one_lookup[4] = {1, 0, 0, 0}, lookups[4] = {OPS + 1, 0, 0, 0}, reads[4] = {1, OPS, 0, 0},
                               writes[4] = {1, 0, OPS, 0}, strings[4] = {1, 0, 0, OPS};
    double base[RUNS], lookup[RUNS], read[RUNS], write[RUNS], string[RUNS];
    for (int run = -1; run < RUNS; run++) {
        double a = parse_ns(state, &owner, one_lookup, calls);
        double l = parse_ns(state, &owner, lookups, calls);
        double r = parse_ns(state, &owner, reads, calls);
        double w = parse_ns(state, &owner, writes, calls);
        double s = parse_ns(state, &owner, strings, calls);
        if (run >= 0) {
            base[run] = a;
            lookup[run] = (l - a) / OPS;
            read[run] = (r - a) / OPS;
            write[run] = (w - a) / OPS;
            string[run] = (s - a) / OPS;
        }
    }
    check_counters(&host);
    printf("parse_1_lookup_ns %.2f\n", median(base));
    printf("table_lookup_ns %.2f\n", median(lookup));
    printf("table_read_int64_ns %.2f\n", median(read));
    printf("table_write_uint64_ns %.2f\n", median(write));
    printf("table_read_string_ns %.2f\n", median(string));
    return 0;
}
