/*
 * The state tables of the test host: a registry shared by every plugin loaded in the process, the host's own
 * "threads" table (int64 key), and the tables plugins add. Plugins reach tables through accessors, one per plugin
 * and table, and through vtables that check the access rules of the plugin API: readers in every call that has
 * tables, writers in init, parse_event and capture_open/close, fields only in init. A violation is a loud failure.
 * Not thread-safe: concurrent plugin states must not share it.
 */
#ifndef HOST_TABLES_H
#define HOST_TABLES_H

#include <stdio.h>

#include "falco_host_abi.h"

/* A breach of the plugin API: a line starting with "FAIL: " on stderr, and exit 1 (host_common.c). */
void fail(const char* fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

enum { HT_PHASE_NONE, HT_PHASE_INIT, HT_PHASE_PARSE, HT_PHASE_EXTRACT, HT_PHASE_CAPTURE, HT_PHASE_HOST };

typedef struct ht_held {
    struct ht_accessor* accessor;
    void* entry;
} ht_held;

/* A plugin's owner as the tables see it: its last error, the call it is in, its accessors and held entries. */
typedef struct ht_owner {
    uint32_t magic;
    const char* label;
    int phase;
    int has_error;
    char last_error[1024];
    void* plugin_state;
    const char* (*plugin_last_error)(void* state);
    struct ht_accessor* accessors;
    struct ht_accessor* subs;
    struct ht_accessor* stale_subs;
    ht_held* held;
    size_t held_count;
    size_t held_capacity;
    struct ht_owner* next_owner;
} ht_owner;

/* The vtables of one call, owned by the caller (on its stack, as libsinsp does). */
typedef struct {
    host_init_tables_input init;
    host_table_fields_vtable fields;
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
} ht_inputs;

void ht_owner_init(ht_owner* o, const char* label);
int ht_is_owner(const void* o);
/* The get_owner_last_error callback: NULL when the owner has no error. */
const char* ht_owner_last_error(void* o);
/* Called after the plugin's init returned a state: errors of the tables it owns are read from it. */
void ht_owner_attach(ht_owner* o, void* state, const char* (*last_error)(void*));
/* Called before the plugin is destroyed: its tables leave the registry, its accessors are freed. */
void ht_owner_detach(ht_owner* o);
/* Brackets one plugin call; leaving releases the entries the plugin still holds, as libsinsp does. */
void ht_enter(ht_owner* o, int phase);
void ht_leave(ht_owner* o);

void ht_fill_inputs(ht_inputs* in);
void ht_reader_vtables(host_table_reader_vtable* deprecated, host_table_reader_vtable_ext* ext);
void ht_writer_vtables(host_table_writer_vtable* deprecated, host_table_writer_vtable_ext* ext);

/* Registers the host's tables; then populates "threads" with n entries of tid 1001 .. 1000+n. */
void ht_setup(void);
void ht_populate_threads(long n);
/* Prints every entry of a table, read through the same vtables plugins use; 0 when there is no such table. */
int ht_dump(const char* name, FILE* out);
const char* ht_type_name(uint32_t type);

#endif
