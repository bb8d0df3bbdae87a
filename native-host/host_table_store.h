/* The host's own tables, as the registry of host_tables.c sees them. */
#ifndef HOST_TABLE_STORE_H
#define HOST_TABLE_STORE_H

#include "host_tables.h"

#define ACCESSOR_MAGIC 0xacce5500u
/* A sub-table accessor after the end of the call that read it: kept, so that a later use is caught. */
#define STALE_SUB_MAGIC 0x5ba1e500u
#define HT_MAX_SHAPES 8

/* A table-typed field of a registered table, and the shape its sub-tables share (name, vtables, owner). */
typedef struct ht_shape {
    const void* field;
    struct ht_table* sub;
} ht_shape;

typedef struct ht_table {
    char name[128];
    uint32_t key_type;
    void* table;
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
    host_table_fields_vtable fields;
    ht_owner* owner;
    ht_shape shapes[HT_MAX_SHAPES];
    size_t shape_count;
} ht_table;

/* What a plugin holds as a table pointer: a registered table, or (sub != NULL) one sub-table of a shape. */
typedef struct ht_accessor {
    uint32_t magic;
    ht_owner* owner;
    ht_table* table;
    void* sub;
    struct ht_accessor* next;
} ht_accessor;

#define TP(a) ((a)->sub != NULL ? (a)->sub : (a)->table->table)

/* Nested tables (host_table_nested.c). A table-typed field handed out by get_table_field gets a shape; */
void htn_note_field(ht_table* t, const char* name, const void* field);
/* a read of it gives the plugin a sub-accessor, valid until the end of the call (htn_leave frees them). */
void htn_wrap(ht_accessor* a, const void* field, host_state_data* out);
void htn_leave(ht_owner* o);
/* Frees the owner's sub-accessors, live and stale, when it is destroyed. */
void htn_free_owner(ht_owner* o);
void htn_free_shapes(ht_table* t);

/* The host's own owner, with which it reads tables itself. */
ht_owner* ht_host_owner(void);

/* The error of the last failed call on a host table, copied into the calling owner by the dispatcher. */
extern char hs_error[512];

/* The functions of the host's tables: the table pointer they take is one hs_threads returns. */
void hs_vtables(host_table_reader_vtable_ext* reader, host_table_writer_vtable_ext* writer, host_table_fields_vtable* fields);
/* The "threads" table (int64 key), with its static fields. */
void* hs_threads(void);

#endif
