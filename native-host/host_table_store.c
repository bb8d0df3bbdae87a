/*
 * The host's own tables (the "threads" table): int64 keys, static fields, dynamic fields added by plugins, with
 * libsinsp's semantics. The registry (host_tables.c) serves them to plugins through their vtables.
 */
#define _GNU_SOURCE
#include "host_table_store.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTRY_MAGIC 0xe4e4e4e4u
#define MAX_FIELDS 64
#define THREAD_BUCKETS 4096
#define SUB_BUCKETS 16

char hs_error[512];

typedef struct {
    char name[64];
    uint32_t type;
    int read_only;
} bi_field;

typedef struct bi_entry {
    uint32_t magic;
    int64_t key;
    int in_table;
    int refs;
    /* Out of its table but still held by a plugin: its table waits for its release before it is freed. */
    int pending;
    host_state_data* values;
    size_t capacity;
    struct bi_entry* bucket_next;
    struct bi_entry* prev;
    struct bi_entry* next;
} bi_entry;

/* The fields of a table, shared by every sub-table of one table-typed field (as libsinsp shares them). */
typedef struct bi_schema {
    bi_field fields[MAX_FIELDS];
    size_t field_count;
    size_t static_count;
    host_table_fieldinfo infos[MAX_FIELDS];
    struct bi_schema* subs[MAX_FIELDS];
} bi_schema;

typedef struct {
    const char* name;
    bi_schema* schema;
    bi_entry** buckets;
    size_t bucket_count;
    bi_entry* head;
    bi_entry* tail;
    uint64_t size;
    /* Entries out of the table that plugins still hold; a sub-table whose entry went (orphan) lives until they go. */
    size_t pending;
    int orphan;
} bi_table;


static void bi_fail(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static void bi_fail(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(hs_error, sizeof hs_error, fmt, args);
    va_end(args);
}

static size_t bucket_of(const bi_table* t, int64_t key) {
    return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 40) % t->bucket_count;
}

static bi_entry* bi_find(bi_table* t, int64_t key) {
    if (t->orphan) return NULL;
    for (bi_entry* e = t->buckets[bucket_of(t, key)]; e != NULL; e = e->bucket_next)
        if (e->key == key) return e;
    return NULL;
}

static void bi_free_table(bi_table* t);

static void bi_free_entry(bi_table* t, bi_entry* e) {
    for (size_t i = 0; i < e->capacity && i < t->schema->field_count; i++) {
        if (t->schema->fields[i].type == HOST_ST_STRING) free((char*)e->values[i].str);
        if (t->schema->fields[i].type == HOST_ST_TABLE && e->values[i].table != NULL) bi_free_table(e->values[i].table);
    }
    free(e->values);
    e->magic = 0;
    int last = e->pending && --t->pending == 0 && t->orphan;
    free(e);
    if (last) free(t);
}

static void bi_unlink(bi_table* t, bi_entry* e) {
    bi_entry** link = &t->buckets[bucket_of(t, e->key)];
    while (*link != e) link = &(*link)->bucket_next;
    *link = e->bucket_next;
    if (e->prev) e->prev->next = e->next;
    else t->head = e->next;
    if (e->next) e->next->prev = e->prev;
    else t->tail = e->prev;
    e->in_table = 0;
    e->prev = e->next = e->bucket_next = NULL;
    t->size--;
    if (e->refs == 0) bi_free_entry(t, e);
    else if (!e->pending) {
        e->pending = 1;
        t->pending++;
    }
}

static void bi_link(bi_table* t, bi_entry* e, int64_t key) {
    e->key = key;
    e->in_table = 1;
    size_t b = bucket_of(t, key);
    e->bucket_next = t->buckets[b];
    t->buckets[b] = e;
    e->prev = t->tail;
    e->next = NULL;
    if (t->tail) t->tail->next = e;
    else t->head = e;
    t->tail = e;
    t->size++;
}

static bi_entry* bi_new_entry(void) {
    bi_entry* e = calloc(1, sizeof *e);
    e->magic = ENTRY_MAGIC;
    return e;
}

static bi_table* bi_new_table(const char* name, bi_schema* schema, size_t buckets) {
    bi_table* t = calloc(1, sizeof *t);
    t->name = name;
    t->schema = schema;
    t->bucket_count = buckets;
    t->buckets = calloc(buckets, sizeof *t->buckets);
    return t;
}

static void bi_unlink(bi_table* t, bi_entry* e);

/*
 * A sub-table goes with its entry; entries a plugin still holds are freed when released, and the table after the
 * last of them, so that releasing an fd entry after its thread was erased never touches freed memory.
 */
static void bi_free_table(bi_table* t) {
    while (t->head != NULL) bi_unlink(t, t->head);
    free(t->buckets);
    t->buckets = NULL;
    if (t->pending == 0) free(t);
    else t->orphan = 1;
}

static bi_entry* bi_checked_entry(void* p) {
    bi_entry* e = p;
    if (e == NULL || e->magic != ENTRY_MAGIC) fail("a table call got an entry pointer the host did not give (%p)", p);
    return e;
}

static const bi_field* bi_checked_field(bi_table* t, const void* f) {
    const bi_field* field = f;
    if (field < t->schema->fields || field >= t->schema->fields + t->schema->field_count)
        fail("a call on table %s got a field pointer that is not one of its fields (%p)", t->name, f);
    return field;
}

static host_state_data* bi_slot(bi_entry* e, size_t index) {
    if (index >= e->capacity) {
        size_t capacity = MAX_FIELDS;
        e->values = realloc(e->values, capacity * sizeof *e->values);
        memset(e->values + e->capacity, 0, (capacity - e->capacity) * sizeof *e->values);
        e->capacity = capacity;
    }
    return &e->values[index];
}

static void bi_store(bi_table* t, bi_entry* e, size_t index, const host_state_data* in) {
    host_state_data* slot = bi_slot(e, index);
    if (t->schema->fields[index].type == HOST_ST_TABLE) return;
    host_state_data v;
    memset(&v, 0, sizeof v);
    switch (t->schema->fields[index].type) {
        case HOST_ST_INT8: v.s8 = in->s8; break;
        case HOST_ST_INT16: v.s16 = in->s16; break;
        case HOST_ST_INT32: v.s32 = in->s32; break;
        case HOST_ST_INT64: v.s64 = in->s64; break;
        case HOST_ST_UINT8: v.u8 = in->u8; break;
        case HOST_ST_UINT16: v.u16 = in->u16; break;
        case HOST_ST_UINT32: v.u32 = in->u32; break;
        case HOST_ST_UINT64: v.u64 = in->u64; break;
        case HOST_ST_BOOL: v.b = in->b != 0; break;
        case HOST_ST_STRING:
            free((char*)slot->str);
            v.str = strdup(in->str);
            break;
        default: break;
    }
    *slot = v;
}

static const char* bi_get_name(void* t) {
    return ((bi_table*)t)->name;
}

static uint64_t bi_get_size(void* t) {
    return ((bi_table*)t)->size;
}

static void* bi_get_entry(void* tp, const host_state_data* key) {
    bi_table* t = tp;
    bi_entry* e = bi_find(t, key->s64);
    if (e == NULL) {
        bi_fail("table %s has no entry with key %" PRId64, t->name, key->s64);
        return NULL;
    }
    e->refs++;
    return e;
}

static int32_t bi_read(void* tp, void* ep, const void* f, host_state_data* out) {
    bi_table* t = tp;
    bi_entry* e = bi_checked_entry(ep);
    const bi_field* field = bi_checked_field(t, f);
    size_t index = (size_t)(field - t->schema->fields);
    if (field->type == HOST_ST_TABLE && (index >= e->capacity || e->values[index].table == NULL))
        bi_slot(e, index)->table = bi_new_table(field->name, t->schema->subs[index], SUB_BUCKETS);
    if (index < e->capacity) *out = e->values[index];
    if (field->type == HOST_ST_STRING && out->str == NULL) out->str = "";
    return HOST_API_RC_SUCCESS;
}

static void bi_release(void* tp, void* ep) {
    bi_entry* e = bi_checked_entry(ep);
    if (e->refs <= 0) fail("entry %" PRId64 " of table %s released more often than it was got", e->key, ((bi_table*)tp)->name);
    if (--e->refs == 0 && !e->in_table) bi_free_entry(tp, e);
}

static uint32_t bi_iterate(void* tp, host_table_iterator it, void* state) {
    bi_table* t = tp;
    for (bi_entry* e = t->head; e != NULL;) {
        e->refs++;
        uint32_t more = it(state, e);
        bi_entry* next = e->next;
        e->refs--;
        if (e->refs == 0 && !e->in_table) bi_free_entry(t, e);
        if (!more) return 0;
        e = next;
    }
    return 1;
}

static int32_t bi_clear(void* tp) {
    bi_table* t = tp;
    while (t->head != NULL) bi_unlink(t, t->head);
    return HOST_API_RC_SUCCESS;
}

static int32_t bi_erase(void* tp, const host_state_data* key) {
    bi_table* t = tp;
    bi_entry* e = bi_find(t, key->s64);
    if (e == NULL) {
        bi_fail("table %s has no entry with key %" PRId64 " to erase", t->name, key->s64);
        return HOST_API_RC_FAILURE;
    }
    bi_unlink(t, e);
    return HOST_API_RC_SUCCESS;
}

static void* bi_create(void* tp) {
    (void)tp;
    bi_entry* e = bi_new_entry();
    e->refs = 1;
    return e;
}

static void bi_destroy(void* tp, void* ep) {
    bi_entry* e = bi_checked_entry(ep);
    if (e->in_table) fail("destroy_table_entry on an entry of table %s that was added to it", ((bi_table*)tp)->name);
    bi_free_entry(tp, e);
}

static void* bi_add(void* tp, const host_state_data* key, void* ep) {
    bi_table* t = tp;
    bi_entry* e = bi_checked_entry(ep);
    if (e->in_table || t->orphan) {
        bi_fail(t->orphan ? "add_table_entry: sub-table %s belongs to an erased entry" : "add_table_entry: the entry is"
                " already in table %s", t->name);
        return NULL;
    }
    bi_entry* old = bi_find(t, key->s64);
    if (old != NULL) bi_unlink(t, old);
    bi_link(t, e, key->s64);
    return e;
}

static int32_t bi_write(void* tp, void* ep, const void* f, const host_state_data* in) {
    bi_table* t = tp;
    bi_entry* e = bi_checked_entry(ep);
    const bi_field* field = bi_checked_field(t, f);
    if (field->read_only) {
        bi_fail("field %s of table %s is read-only", field->name, t->name);
        return HOST_API_RC_FAILURE;
    }
    if (field->type == HOST_ST_STRING && in->str == NULL) {
        bi_fail("a NULL string written to field %s of table %s", field->name, t->name);
        return HOST_API_RC_FAILURE;
    }
    bi_store(t, e, (size_t)(field - t->schema->fields), in);
    return HOST_API_RC_SUCCESS;
}

static const host_table_fieldinfo* bi_list_fields(void* tp, uint32_t* n) {
    bi_schema* s = ((bi_table*)tp)->schema;
    for (size_t i = 0; i < s->field_count; i++) {
        s->infos[i].name = s->fields[i].name;
        s->infos[i].field_type = s->fields[i].type;
        s->infos[i].read_only = (uint32_t)s->fields[i].read_only;
    }
    *n = (uint32_t)s->field_count;
    return s->infos;
}

static bi_field* bi_field_named(bi_table* t, const char* name) {
    for (size_t i = 0; i < t->schema->field_count; i++)
        if (strcmp(t->schema->fields[i].name, name) == 0) return &t->schema->fields[i];
    return NULL;
}

static void* bi_get_field(void* tp, const char* name, uint32_t type) {
    bi_table* t = tp;
    bi_field* f = bi_field_named(t, name);
    if (f == NULL) {
        bi_fail("table %s has no field %s", t->name, name);
        return NULL;
    }
    if (f->type != type) {
        bi_fail("field %s of table %s is of type %s, not %s", name, t->name, ht_type_name(f->type),
                ht_type_name(type) ? ht_type_name(type) : "unknown");
        return NULL;
    }
    return f;
}

static void* bi_add_field(void* tp, const char* name, uint32_t type) {
    bi_table* t = tp;
    bi_field* f = bi_field_named(t, name);
    if (f != NULL && (size_t)(f - t->schema->fields) < t->schema->static_count) {
        bi_fail("field %s of table %s is defined by the host and cannot be added", name, t->name);
        return NULL;
    }
    if (f != NULL) {
        if (f->type != type) {
            bi_fail("field %s of table %s was added with type %s, not %s", name, t->name, ht_type_name(f->type),
                    ht_type_name(type) ? ht_type_name(type) : "unknown");
            return NULL;
        }
        return f;
    }
    if (ht_type_name(type) == NULL) {
        bi_fail("cannot add field %s to table %s: unknown type %u", name, t->name, type);
        return NULL;
    }
    if (type == HOST_ST_TABLE) {
        bi_fail("cannot add field %s of type table to table %s", name, t->name);
        return NULL;
    }
    if (t->schema->field_count == MAX_FIELDS || strlen(name) >= sizeof t->schema->fields[0].name) {
        bi_fail("cannot add field %s to table %s: too many fields or name too long", name, t->name);
        return NULL;
    }
    f = &t->schema->fields[t->schema->field_count++];
    snprintf(f->name, sizeof f->name, "%s", name);
    f->type = type;
    f->read_only = 0;
    return f;
}

static bi_schema thread_fields;
static bi_schema fd_fields;
static bi_table threads = {.name = "threads", .schema = &thread_fields};

static void bi_define(bi_schema* s, const char* name, uint32_t type, int read_only) {
    bi_field* f = &s->fields[s->field_count++];
    snprintf(f->name, sizeof f->name, "%s", name);
    f->type = type;
    f->read_only = read_only;
    s->static_count = s->field_count;
}

/* The fields of libsinsp's fd table (sinsp_fdinfo::get_static_fields), less the socket ones. */
static void define_fd_fields(bi_schema* s) {
    bi_define(s, "type", HOST_ST_UINT8, 0);
    bi_define(s, "open_flags", HOST_ST_UINT32, 0);
    bi_define(s, "name", HOST_ST_STRING, 0);
    bi_define(s, "name_raw", HOST_ST_STRING, 0);
    bi_define(s, "old_name", HOST_ST_STRING, 0);
    bi_define(s, "flags", HOST_ST_UINT32, 0);
    bi_define(s, "dev", HOST_ST_UINT32, 0);
    bi_define(s, "mount_id", HOST_ST_UINT32, 0);
    bi_define(s, "ino", HOST_ST_UINT64, 0);
    bi_define(s, "pid", HOST_ST_INT64, 0);
    bi_define(s, "fd", HOST_ST_INT64, 0);
}


void hs_vtables(host_table_reader_vtable_ext* reader, host_table_writer_vtable_ext* writer, host_table_fields_vtable* fields) {
    *reader = (host_table_reader_vtable_ext){bi_get_name, bi_get_size, bi_get_entry, bi_read, bi_release, bi_iterate};
    *writer = (host_table_writer_vtable_ext){bi_clear, bi_erase, bi_create, bi_destroy, bi_add, bi_write};
    *fields = (host_table_fields_vtable){bi_list_fields, bi_get_field, bi_add_field};
}

void* hs_threads(void) {
    if (thread_fields.field_count == 0) {
        bi_schema* s = &thread_fields;
        bi_define(s, "tid", HOST_ST_INT64, 0);
        bi_define(s, "pid", HOST_ST_INT64, 0);
        bi_define(s, "ptid", HOST_ST_INT64, 0);
        bi_define(s, "comm", HOST_ST_STRING, 0);
        bi_define(s, "exe", HOST_ST_STRING, 0);
        bi_define(s, "uid", HOST_ST_UINT32, 0);
        bi_define(s, "exe_writable", HOST_ST_BOOL, 0);
        bi_define(s, "cwd", HOST_ST_STRING, 1);
        s->subs[s->field_count] = &fd_fields;
        bi_define(s, "file_descriptors", HOST_ST_TABLE, 1);
        define_fd_fields(&fd_fields);
        threads.bucket_count = THREAD_BUCKETS;
        threads.buckets = calloc(THREAD_BUCKETS, sizeof *threads.buckets);
    }
    return &threads;
}

void ht_populate_threads(long n) {
    for (long i = 1; i <= n; i++) {
        bi_entry* e = bi_new_entry();
        char comm[32], exe[64], cwd[64];
        snprintf(comm, sizeof comm, "proc%ld", 1000 + i);
        snprintf(exe, sizeof exe, "/usr/bin/proc%ld", 1000 + i);
        snprintf(cwd, sizeof cwd, "/home/user%ld", i);
        host_state_data v[8];
        memset(v, 0, sizeof v);
        v[0].s64 = 1000 + i;
        v[1].s64 = 1000 + i;
        v[2].s64 = 1;
        v[3].str = comm;
        v[4].str = exe;
        v[5].u32 = i % 2 ? 0 : 1000;
        v[6].b = i % 3 == 0;
        v[7].str = cwd;
        for (size_t f = 0; f < 8; f++) bi_store(&threads, e, f, &v[f]);
        bi_entry* old = bi_find(&threads, 1000 + i);
        if (old != NULL) bi_unlink(&threads, old);
        bi_link(&threads, e, 1000 + i);
    }
}
