/*
 * The C side of the tables benchmark: the same parse plugin as java/TableBenchPlugin.java, written directly
 * against the plugin API. At init it looks up the host's threads table, its pid (int64) and comm (string) fields,
 * and adds bench_counter (uint64). Each parse_event reads four counts from the payload: lookups of the event's
 * thread, int64 reads, uint64 writes and string reads, and does them through the vtables of the parse input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "falco_host_abi.h"

#define EXPORT __attribute__((visibility("default")))
#define PAYLOAD (26 + 12)

typedef struct {
    char error[256];
    void* threads;
    void* pid;
    void* comm;
    void* counter;
    uint64_t checksum;
} state_t;

EXPORT const char* plugin_get_required_api_version(void) { return "3.3.0"; }
EXPORT const char* plugin_get_version(void) { return "0.1.0"; }
EXPORT const char* plugin_get_name(void) { return "c-table-bench"; }
EXPORT const char* plugin_get_description(void) { return "tables benchmark baseline in C"; }
EXPORT const char* plugin_get_contact(void) { return "nobody"; }
EXPORT const char* plugin_get_last_error(void* s) { return ((state_t*)s)->error; }
EXPORT void plugin_destroy(void* s) { free(s); }

EXPORT void* plugin_init(const host_init_input* in, int32_t* rc) {
    state_t* s = calloc(1, sizeof(state_t));
    *rc = 1;
    const host_init_tables_input* t = in->tables;
    if (t == NULL) {
        snprintf(s->error, sizeof s->error, "no tables");
        return s;
    }
    s->threads = t->get_table(in->owner, "threads", HOST_ST_INT64);
    if (s->threads != NULL) {
        s->pid = t->fields_ext->get_table_field(s->threads, "pid", HOST_ST_INT64);
        s->comm = t->fields_ext->get_table_field(s->threads, "comm", HOST_ST_STRING);
        s->counter = t->fields_ext->add_table_field(s->threads, "bench_counter", HOST_ST_UINT64);
    }
    if (s->threads == NULL || s->pid == NULL || s->comm == NULL || s->counter == NULL) {
        const char* err = in->get_owner_last_error(in->owner);
        snprintf(s->error, sizeof s->error, "threads table: %s", err ? err : "not found");
        return s;
    }
    *rc = 0;
    return s;
}

EXPORT int32_t plugin_parse_event(void* st, const host_event_input* ev, const host_parse_input* in) {
    state_t* s = st;
    const unsigned char* counts = (const unsigned char*)ev->evt + PAYLOAD;
    host_state_data key, value;
    key.s64 = (int64_t)ev->evt->tid;
    void* entry = NULL;
    for (int i = 0; i < counts[0]; i++) {
        if (entry != NULL) in->table_reader_ext->release_table_entry(s->threads, entry);
        entry = in->table_reader_ext->get_table_entry(s->threads, &key);
        if (entry == NULL) {
            snprintf(s->error, sizeof s->error, "no thread %ld", (long)key.s64);
            return 1;
        }
    }
    for (int i = 0; i < counts[1]; i++) {
        in->table_reader_ext->read_entry_field(s->threads, entry, s->pid, &value);
        s->checksum += (uint64_t)value.s64;
    }
    for (int i = 0; i < counts[2]; i++) {
        value.u64 = (uint64_t)i + 1;
        if (in->table_writer_ext->write_entry_field(s->threads, entry, s->counter, &value) != 0) {
            snprintf(s->error, sizeof s->error, "write failed");
            return 1;
        }
    }
    for (int i = 0; i < counts[3]; i++) {
        in->table_reader_ext->read_entry_field(s->threads, entry, s->comm, &value);
        s->checksum += strlen(value.str);
    }
    if (entry != NULL) in->table_reader_ext->release_table_entry(s->threads, entry);
    return 0;
}
