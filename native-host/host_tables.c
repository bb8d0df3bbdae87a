/*
 * The test host's state tables; see host_tables.h. The semantics follow libsinsp's: a missing entry is NULL plus
 * an owner last error, reads zero the output first, read-only fields refuse writes, a field added twice with the
 * same type is the same field, a table-typed field cannot be added, an unknown table is NULL without an error.
 */
#define _GNU_SOURCE
#include "host_tables.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define OWNER_MAGIC 0x0a7e0a7eu
#define ACCESSOR_MAGIC 0xacce5500u
#define ENTRY_MAGIC 0xe4e4e4e4u
#define MAX_TABLES 32
#define MAX_FIELDS 64
#define BUCKETS 4096

enum { NEED_READ, NEED_WRITE, NEED_FIELDS };

typedef struct ht_table {
    char name[128];
    uint32_t key_type;
    void* table;
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
    host_table_fields_vtable fields;
    ht_owner* owner;
} ht_table;

typedef struct ht_accessor {
    uint32_t magic;
    ht_owner* owner;
    ht_table* table;
    struct ht_accessor* next;
} ht_accessor;

static ht_table* registry[MAX_TABLES];
static size_t registry_count;
static host_table_info table_infos[MAX_TABLES];
static ht_owner* owners;
static ht_owner host_owner;

int ht_is_owner(const void* o);

static void violation(const char* fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void violation(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    fflush(stdout);
    fputs("FAIL: ", stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
    exit(1);
}

static void set_error(ht_owner* o, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_error(ht_owner* o, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(o->last_error, sizeof o->last_error, fmt, args);
    va_end(args);
    o->has_error = 1;
}

const char* ht_type_name(uint32_t type) {
    switch (type) {
        case HOST_ST_INT8: return "int8";
        case HOST_ST_INT16: return "int16";
        case HOST_ST_INT32: return "int32";
        case HOST_ST_INT64: return "int64";
        case HOST_ST_UINT8: return "uint8";
        case HOST_ST_UINT16: return "uint16";
        case HOST_ST_UINT32: return "uint32";
        case HOST_ST_UINT64: return "uint64";
        case HOST_ST_STRING: return "string";
        case HOST_ST_TABLE: return "table";
        case HOST_ST_BOOL: return "bool";
        default: return NULL;
    }
}

/* ---- the host's own tables: int64 keys, static fields, dynamic fields added by plugins ---- */

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
    host_state_data* values;
    size_t capacity;
    struct bi_entry* bucket_next;
    struct bi_entry* prev;
    struct bi_entry* next;
} bi_entry;

typedef struct {
    const char* name;
    bi_field fields[MAX_FIELDS];
    size_t field_count;
    size_t static_count;
    host_table_fieldinfo infos[MAX_FIELDS];
    bi_entry* buckets[BUCKETS];
    bi_entry* head;
    bi_entry* tail;
    uint64_t size;
} bi_table;

/* The error of the last failed call on a host table, copied into the calling owner by the dispatcher. */
static char builtin_error[512];

static void bi_fail(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static void bi_fail(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(builtin_error, sizeof builtin_error, fmt, args);
    va_end(args);
}

static size_t bucket_of(int64_t key) {
    return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 52);
}

static bi_entry* bi_find(bi_table* t, int64_t key) {
    for (bi_entry* e = t->buckets[bucket_of(key)]; e != NULL; e = e->bucket_next)
        if (e->key == key) return e;
    return NULL;
}

static void bi_free_entry(bi_table* t, bi_entry* e) {
    for (size_t i = 0; i < e->capacity && i < t->field_count; i++)
        if (t->fields[i].type == HOST_ST_STRING) free((char*)e->values[i].str);
    free(e->values);
    e->magic = 0;
    free(e);
}

static void bi_unlink(bi_table* t, bi_entry* e) {
    bi_entry** link = &t->buckets[bucket_of(e->key)];
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
}

static void bi_link(bi_table* t, bi_entry* e, int64_t key) {
    e->key = key;
    e->in_table = 1;
    size_t b = bucket_of(key);
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

static bi_entry* bi_checked_entry(void* p) {
    bi_entry* e = p;
    if (e == NULL || e->magic != ENTRY_MAGIC) violation("a table call got an entry pointer the host did not give (%p)", p);
    return e;
}

static const bi_field* bi_checked_field(bi_table* t, const void* f) {
    const bi_field* field = f;
    if (field < t->fields || field >= t->fields + t->field_count)
        violation("a call on table %s got a field pointer that is not one of its fields (%p)", t->name, f);
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
    host_state_data v;
    memset(&v, 0, sizeof v);
    switch (t->fields[index].type) {
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
    size_t index = (size_t)(field - t->fields);
    if (index < e->capacity) *out = e->values[index];
    if (field->type == HOST_ST_STRING && out->str == NULL) out->str = "";
    return HOST_API_RC_SUCCESS;
}

static void bi_release(void* tp, void* ep) {
    bi_entry* e = bi_checked_entry(ep);
    if (e->refs <= 0) violation("entry %" PRId64 " of table %s released more often than it was got", e->key, ((bi_table*)tp)->name);
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
    if (e->in_table) violation("destroy_table_entry on an entry of table %s that was added to it", ((bi_table*)tp)->name);
    bi_free_entry(tp, e);
}

static void* bi_add(void* tp, const host_state_data* key, void* ep) {
    bi_table* t = tp;
    bi_entry* e = bi_checked_entry(ep);
    if (e->in_table) {
        bi_fail("add_table_entry: the entry is already in table %s", t->name);
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
    bi_store(t, e, (size_t)(field - t->fields), in);
    return HOST_API_RC_SUCCESS;
}

static const host_table_fieldinfo* bi_list_fields(void* tp, uint32_t* n) {
    bi_table* t = tp;
    for (size_t i = 0; i < t->field_count; i++) {
        t->infos[i].name = t->fields[i].name;
        t->infos[i].field_type = t->fields[i].type;
        t->infos[i].read_only = (uint32_t)t->fields[i].read_only;
    }
    *n = (uint32_t)t->field_count;
    return t->infos;
}

static bi_field* bi_field_named(bi_table* t, const char* name) {
    for (size_t i = 0; i < t->field_count; i++)
        if (strcmp(t->fields[i].name, name) == 0) return &t->fields[i];
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
    if (f != NULL && (size_t)(f - t->fields) < t->static_count) {
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
    if (t->field_count == MAX_FIELDS || strlen(name) >= sizeof t->fields[0].name) {
        bi_fail("cannot add field %s to table %s: too many fields or name too long", name, t->name);
        return NULL;
    }
    f = &t->fields[t->field_count++];
    snprintf(f->name, sizeof f->name, "%s", name);
    f->type = type;
    f->read_only = 0;
    return f;
}

static bi_table threads = {.name = "threads"};

static void bi_define(bi_table* t, const char* name, uint32_t type, int read_only) {
    bi_field* f = &t->fields[t->field_count++];
    snprintf(f->name, sizeof f->name, "%s", name);
    f->type = type;
    f->read_only = read_only;
    t->static_count = t->field_count;
}

/* ---- registry and owners ---- */

static ht_table* registry_find(const char* name) {
    for (size_t i = 0; i < registry_count; i++)
        if (strcmp(registry[i]->name, name) == 0) return registry[i];
    return NULL;
}

static void registry_add_builtin(bi_table* t, uint32_t key_type) {
    ht_table* entry = calloc(1, sizeof *entry);
    snprintf(entry->name, sizeof entry->name, "%s", t->name);
    entry->key_type = key_type;
    entry->table = t;
    entry->reader = (host_table_reader_vtable_ext){bi_get_name, bi_get_size, bi_get_entry, bi_read, bi_release, bi_iterate};
    entry->writer = (host_table_writer_vtable_ext){bi_clear, bi_erase, bi_create, bi_destroy, bi_add, bi_write};
    entry->fields = (host_table_fields_vtable){bi_list_fields, bi_get_field, bi_add_field};
    registry[registry_count++] = entry;
}

void ht_owner_init(ht_owner* o, const char* label) {
    int known = ht_is_owner(o);
    ht_owner* next = o->next_owner;
    free(o->held);
    memset(o, 0, sizeof *o);
    o->magic = OWNER_MAGIC;
    o->label = label;
    o->next_owner = known ? next : owners;
    if (!known) owners = o;
}

int ht_is_owner(const void* o) {
    for (const ht_owner* known = owners; known != NULL; known = known->next_owner)
        if (known == o) return 1;
    return 0;
}

static ht_owner* checked_owner(void* o, const char* call) {
    if (!ht_is_owner(o) || ((ht_owner*)o)->magic != OWNER_MAGIC)
        violation("%s got an owner that is not one the host passed (%p)", call, o);
    return o;
}

const char* ht_owner_last_error(void* o) {
    ht_owner* owner = checked_owner(o, "get_owner_last_error");
    return owner->has_error ? owner->last_error : NULL;
}

void ht_owner_attach(ht_owner* o, void* state, const char* (*last_error)(void*)) {
    o->plugin_state = state;
    o->plugin_last_error = last_error;
}

void ht_owner_detach(ht_owner* o) {
    for (size_t i = 0; i < registry_count;) {
        if (registry[i]->owner != o) {
            i++;
            continue;
        }
        ht_table* gone = registry[i];
        for (ht_owner* other = owners; other != NULL; other = other->next_owner)
            for (ht_accessor* a = other->accessors; a != NULL; a = a->next)
                if (a->table == gone) a->table = NULL;
        free(gone);
        memmove(&registry[i], &registry[i + 1], (registry_count - i - 1) * sizeof registry[0]);
        registry_count--;
    }
    while (o->accessors != NULL) {
        ht_accessor* a = o->accessors;
        o->accessors = a->next;
        a->magic = 0;
        free(a);
    }
    o->plugin_state = NULL;
    o->plugin_last_error = NULL;
}

void ht_enter(ht_owner* o, int phase) {
    o->phase = phase;
}

void ht_leave(ht_owner* o) {
    while (o->held_count > 0) {
        ht_held h = o->held[--o->held_count];
        if (h.accessor->table != NULL) h.accessor->table->reader.release_table_entry(h.accessor->table->table, h.entry);
    }
    o->phase = HT_PHASE_NONE;
}

static void hold(ht_owner* o, ht_accessor* a, void* entry) {
    if (o->held_count == o->held_capacity) {
        o->held_capacity = o->held_capacity ? o->held_capacity * 2 : 16;
        o->held = realloc(o->held, o->held_capacity * sizeof *o->held);
    }
    o->held[o->held_count++] = (ht_held){a, entry};
}

static void unhold(ht_owner* o, ht_accessor* a, void* entry) {
    for (size_t i = o->held_count; i > 0; i--) {
        if (o->held[i - 1].accessor == a && o->held[i - 1].entry == entry) {
            o->held[i - 1] = o->held[--o->held_count];
            return;
        }
    }
    violation("%s released an entry of table %s that it did not get, or released it twice", o->label, a->table->name);
}

static const char* phase_name(int phase) {
    static const char* const names[] = {"no call", "plugin_init", "parse_event", "extract_fields", "capture_open/close", "the host"};
    return names[phase];
}

static ht_accessor* checked(void* t, const char* call, int need) {
    ht_accessor* a = t;
    if (a == NULL || a->magic != ACCESSOR_MAGIC) violation("%s got a table pointer the host did not give (%p)", call, t);
    ht_owner* o = a->owner;
    if (a->table == NULL) violation("%s: %s used a table whose owner was destroyed", call, o->label);
    if (o->phase == HT_PHASE_NONE)
        violation("%s: %s used the tables API outside plugin_init, parse_event, extract_fields and capture_open/close", call,
                  o->label);
    if (need == NEED_WRITE && o->phase == HT_PHASE_EXTRACT)
        violation("%s: %s wrote table %s during extract_fields, whose input has no writer vtable", call, o->label, a->table->name);
    if (need == NEED_FIELDS && o->phase != HT_PHASE_INIT && o->phase != HT_PHASE_HOST)
        violation("%s: %s used the fields vtable of table %s during %s; fields are only available in plugin_init", call,
                  o->label, a->table->name, phase_name(o->phase));
    return a;
}

/* After a failed call on the table of a: the accessing owner's last error becomes the table owner's. */
static void propagate(ht_accessor* a) {
    ht_table* t = a->table;
    if (t->owner == NULL) {
        set_error(a->owner, "%s", builtin_error);
        return;
    }
    const char* err = t->owner->plugin_last_error && t->owner->plugin_state ? t->owner->plugin_last_error(t->owner->plugin_state) : NULL;
    set_error(a->owner, "%s", err && err[0] ? err : "(the plugin owning the table gave no error)");
}

/* ---- the vtables plugins get: dispatch through the accessor to the table's own functions ---- */

static const char* d_get_table_name(void* t) {
    ht_accessor* a = checked(t, "get_table_name", NEED_READ);
    const char* name = a->table->reader.get_table_name(a->table->table);
    if (name == NULL) propagate(a);
    return name;
}

static uint64_t d_get_table_size(void* t) {
    ht_accessor* a = checked(t, "get_table_size", NEED_READ);
    uint64_t size = a->table->reader.get_table_size(a->table->table);
    if (size == UINT64_MAX) propagate(a);
    return size;
}

static void* d_get_table_entry(void* t, const host_state_data* key) {
    ht_accessor* a = checked(t, "get_table_entry", NEED_READ);
    if (key == NULL) violation("get_table_entry: %s passed a NULL key", a->owner->label);
    void* e = a->table->reader.get_table_entry(a->table->table, key);
    if (e == NULL) propagate(a);
    else hold(a->owner, a, e);
    return e;
}

static int32_t d_read_entry_field(void* t, void* e, const void* f, host_state_data* out) {
    ht_accessor* a = checked(t, "read_entry_field", NEED_READ);
    if (e == NULL || f == NULL || out == NULL) violation("read_entry_field: %s passed a NULL entry, field or output", a->owner->label);
    memset(out, 0, sizeof *out);
    int32_t rc = a->table->reader.read_entry_field(a->table->table, e, f, out);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static void d_release_table_entry(void* t, void* e) {
    ht_accessor* a = checked(t, "release_table_entry", NEED_READ);
    unhold(a->owner, a, e);
    a->table->reader.release_table_entry(a->table->table, e);
}

static uint32_t d_iterate_entries(void* t, host_table_iterator it, void* state) {
    ht_accessor* a = checked(t, "iterate_entries", NEED_READ);
    if (it == NULL) violation("iterate_entries: %s passed a NULL iterator", a->owner->label);
    return a->table->reader.iterate_entries(a->table->table, it, state);
}

static int32_t d_clear_table(void* t) {
    ht_accessor* a = checked(t, "clear_table", NEED_WRITE);
    int32_t rc = a->table->writer.clear_table(a->table->table);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static int32_t d_erase_table_entry(void* t, const host_state_data* key) {
    ht_accessor* a = checked(t, "erase_table_entry", NEED_WRITE);
    if (key == NULL) violation("erase_table_entry: %s passed a NULL key", a->owner->label);
    int32_t rc = a->table->writer.erase_table_entry(a->table->table, key);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static void* d_create_table_entry(void* t) {
    ht_accessor* a = checked(t, "create_table_entry", NEED_WRITE);
    void* e = a->table->writer.create_table_entry(a->table->table);
    if (e == NULL) propagate(a);
    return e;
}

static void d_destroy_table_entry(void* t, void* e) {
    ht_accessor* a = checked(t, "destroy_table_entry", NEED_WRITE);
    a->table->writer.destroy_table_entry(a->table->table, e);
}

static void* d_add_table_entry(void* t, const host_state_data* key, void* e) {
    ht_accessor* a = checked(t, "add_table_entry", NEED_WRITE);
    if (key == NULL || e == NULL) violation("add_table_entry: %s passed a NULL key or entry", a->owner->label);
    void* added = a->table->writer.add_table_entry(a->table->table, key, e);
    if (added == NULL) propagate(a);
    else hold(a->owner, a, added);
    return added;
}

static int32_t d_write_entry_field(void* t, void* e, const void* f, const host_state_data* in) {
    ht_accessor* a = checked(t, "write_entry_field", NEED_WRITE);
    if (e == NULL || f == NULL || in == NULL) violation("write_entry_field: %s passed a NULL entry, field or input", a->owner->label);
    int32_t rc = a->table->writer.write_entry_field(a->table->table, e, f, in);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static const host_table_fieldinfo* d_list_table_fields(void* t, uint32_t* n) {
    ht_accessor* a = checked(t, "list_table_fields", NEED_FIELDS);
    if (n == NULL) violation("list_table_fields: %s passed a NULL count", a->owner->label);
    const host_table_fieldinfo* infos = a->table->fields.list_table_fields(a->table->table, n);
    if (infos == NULL) propagate(a);
    return infos;
}

static void* d_get_table_field(void* t, const char* name, uint32_t type) {
    ht_accessor* a = checked(t, "get_table_field", NEED_FIELDS);
    if (name == NULL) violation("get_table_field: %s passed a NULL name", a->owner->label);
    void* f = a->table->fields.get_table_field(a->table->table, name, type);
    if (f == NULL) propagate(a);
    return f;
}

static void* d_add_table_field(void* t, const char* name, uint32_t type) {
    ht_accessor* a = checked(t, "add_table_field", NEED_FIELDS);
    if (name == NULL) violation("add_table_field: %s passed a NULL name", a->owner->label);
    if (type == HOST_ST_TABLE) {
        set_error(a->owner, "cannot add field %s of type table to table %s", name, a->table->name);
        return NULL;
    }
    void* f = a->table->fields.add_table_field(a->table->table, name, type);
    if (f == NULL) propagate(a);
    return f;
}

/* ---- the init input: list, get and add tables ---- */

static host_table_info* i_list_tables(void* owner, uint32_t* n) {
    ht_owner* o = checked_owner(owner, "list_tables");
    if (o->phase != HT_PHASE_INIT && o->phase != HT_PHASE_HOST) violation("list_tables: %s called it outside plugin_init", o->label);
    for (size_t i = 0; i < registry_count; i++) table_infos[i] = (host_table_info){registry[i]->name, registry[i]->key_type};
    *n = (uint32_t)registry_count;
    return table_infos;
}

static void* i_get_table(void* owner, const char* name, uint32_t key_type) {
    ht_owner* o = checked_owner(owner, "get_table");
    if (o->phase != HT_PHASE_INIT && o->phase != HT_PHASE_HOST) violation("get_table: %s called it outside plugin_init", o->label);
    if (name == NULL) violation("get_table: %s passed a NULL name", o->label);
    ht_table* t = registry_find(name);
    if (t == NULL) return NULL;
    if (t->key_type != key_type) {
        const char* asked = ht_type_name(key_type);
        set_error(o, "table %s has keys of type %s, not %s", name, ht_type_name(t->key_type), asked ? asked : "unknown");
        return NULL;
    }
    for (ht_accessor* a = o->accessors; a != NULL; a = a->next)
        if (a->table == t) return a;
    ht_accessor* a = calloc(1, sizeof *a);
    a->magic = ACCESSOR_MAGIC;
    a->owner = o;
    a->table = t;
    a->next = o->accessors;
    o->accessors = a;
    return a;
}

#define SAME(vtable, member) (in->vtable##_ext->member != NULL && (void*)in->vtable##_ext->member == (void*)in->vtable.member)

static int32_t i_add_table(void* owner, const host_table_input* in) {
    ht_owner* o = checked_owner(owner, "add_table");
    if (o->phase != HT_PHASE_INIT) violation("add_table: %s called it outside plugin_init", o->label);
    if (in == NULL || in->name == NULL || in->table == NULL) {
        set_error(o, "add_table: the input, its name or its table is NULL");
        return HOST_API_RC_FAILURE;
    }
    if (in->reader_ext == NULL || in->writer_ext == NULL || in->fields_ext == NULL) {
        set_error(o, "add_table %s: the extended vtables must all be set", in->name);
        return HOST_API_RC_FAILURE;
    }
    if (!SAME(reader, get_table_name) || !SAME(reader, get_table_size) || !SAME(reader, get_table_entry) ||
        !SAME(reader, read_entry_field) || in->reader_ext->release_table_entry == NULL || in->reader_ext->iterate_entries == NULL) {
        set_error(o, "add_table %s: incomplete or inconsistent reader vtables", in->name);
        return HOST_API_RC_FAILURE;
    }
    if (!SAME(writer, clear_table) || !SAME(writer, erase_table_entry) || !SAME(writer, create_table_entry) ||
        !SAME(writer, destroy_table_entry) || !SAME(writer, add_table_entry) || !SAME(writer, write_entry_field)) {
        set_error(o, "add_table %s: incomplete or inconsistent writer vtables", in->name);
        return HOST_API_RC_FAILURE;
    }
    if (!SAME(fields, list_table_fields) || !SAME(fields, get_table_field) || !SAME(fields, add_table_field)) {
        set_error(o, "add_table %s: incomplete or inconsistent fields vtables", in->name);
        return HOST_API_RC_FAILURE;
    }
    if (ht_type_name(in->key_type) == NULL || in->key_type == HOST_ST_TABLE) {
        set_error(o, "add_table %s: unsupported key type %u", in->name, in->key_type);
        return HOST_API_RC_FAILURE;
    }
    if (registry_find(in->name) != NULL) {
        set_error(o, "add_table %s: a table of that name is already registered", in->name);
        return HOST_API_RC_FAILURE;
    }
    if (registry_count == MAX_TABLES || strlen(in->name) >= sizeof registry[0]->name) {
        set_error(o, "add_table %s: too many tables or name too long", in->name);
        return HOST_API_RC_FAILURE;
    }
    ht_table* t = calloc(1, sizeof *t);
    snprintf(t->name, sizeof t->name, "%s", in->name);
    t->key_type = in->key_type;
    t->table = in->table;
    t->reader = *in->reader_ext;
    t->writer = *in->writer_ext;
    t->fields = *in->fields_ext;
    t->owner = o;
    registry[registry_count++] = t;
    return HOST_API_RC_SUCCESS;
}

void ht_reader_vtables(host_table_reader_vtable* deprecated, host_table_reader_vtable_ext* ext) {
    *ext = (host_table_reader_vtable_ext){d_get_table_name, d_get_table_size, d_get_table_entry, d_read_entry_field,
                                          d_release_table_entry, d_iterate_entries};
    if (deprecated != NULL) *deprecated = (host_table_reader_vtable){d_get_table_name, d_get_table_size, d_get_table_entry, d_read_entry_field};
}

void ht_writer_vtables(host_table_writer_vtable* deprecated, host_table_writer_vtable_ext* ext) {
    *ext = (host_table_writer_vtable_ext){d_clear_table, d_erase_table_entry, d_create_table_entry, d_destroy_table_entry,
                                          d_add_table_entry, d_write_entry_field};
    if (deprecated != NULL) *deprecated = *ext;
}

void ht_fill_inputs(ht_inputs* in) {
    memset(in, 0, sizeof *in);
    in->fields = (host_table_fields_vtable){d_list_table_fields, d_get_table_field, d_add_table_field};
    ht_reader_vtables(NULL, &in->reader);
    ht_writer_vtables(NULL, &in->writer);
    in->init.list_tables = i_list_tables;
    in->init.get_table = i_get_table;
    in->init.add_table = i_add_table;
    in->init.fields = in->fields;
    in->init.fields_ext = &in->fields;
    in->init.reader_ext = &in->reader;
    in->init.writer_ext = &in->writer;
}

void ht_setup(void) {
    if (registry_count > 0) return;
    ht_owner_init(&host_owner, "the host");
    bi_define(&threads, "tid", HOST_ST_INT64, 0);
    bi_define(&threads, "pid", HOST_ST_INT64, 0);
    bi_define(&threads, "ptid", HOST_ST_INT64, 0);
    bi_define(&threads, "comm", HOST_ST_STRING, 0);
    bi_define(&threads, "exe", HOST_ST_STRING, 0);
    bi_define(&threads, "uid", HOST_ST_UINT32, 0);
    bi_define(&threads, "exe_writable", HOST_ST_BOOL, 0);
    bi_define(&threads, "cwd", HOST_ST_STRING, 1);
    registry_add_builtin(&threads, HOST_ST_INT64);
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

/* ---- dump: the host reads a table like a plugin would ---- */

typedef struct {
    ht_accessor* accessor;
    const host_table_fieldinfo* infos;
    void* handles[MAX_FIELDS];
    uint32_t count;
    FILE* out;
} dump_state;

static void print_string(FILE* out, const char* s) {
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7F) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

static uint32_t dump_entry(void* s, void* e) {
    dump_state* d = s;
    fputs(" ", d->out);
    for (uint32_t i = 0; i < d->count; i++) {
        if (d->handles[i] == NULL) continue;
        host_state_data v;
        if (d_read_entry_field(d->accessor, e, d->handles[i], &v) != HOST_API_RC_SUCCESS)
            violation("reading field %s while dumping: %s", d->infos[i].name, host_owner.last_error);
        fprintf(d->out, " %s=", d->infos[i].name);
        switch (d->infos[i].field_type) {
            case HOST_ST_INT8: fprintf(d->out, "%d", v.s8); break;
            case HOST_ST_INT16: fprintf(d->out, "%d", v.s16); break;
            case HOST_ST_INT32: fprintf(d->out, "%d", v.s32); break;
            case HOST_ST_INT64: fprintf(d->out, "%" PRId64, v.s64); break;
            case HOST_ST_UINT8: fprintf(d->out, "%u", v.u8); break;
            case HOST_ST_UINT16: fprintf(d->out, "%u", v.u16); break;
            case HOST_ST_UINT32: fprintf(d->out, "%u", v.u32); break;
            case HOST_ST_UINT64: fprintf(d->out, "%" PRIu64, v.u64); break;
            case HOST_ST_BOOL:
                if (v.b > 1) violation("field %s: bool value %u is neither 0 nor 1", d->infos[i].name, v.b);
                fputs(v.b ? "true" : "false", d->out);
                break;
            case HOST_ST_STRING:
                if (v.str == NULL) violation("field %s: a NULL string", d->infos[i].name);
                print_string(d->out, v.str);
                break;
            default: fputs("?", d->out);
        }
    }
    fputc('\n', d->out);
    return 1;
}

int ht_dump(const char* name, FILE* out) {
    ht_enter(&host_owner, HT_PHASE_HOST);
    ht_table* t = registry_find(name);
    if (t == NULL) {
        ht_leave(&host_owner);
        return 0;
    }
    ht_accessor* a = i_get_table(&host_owner, name, t->key_type);
    if (a == NULL) violation("dumping table %s: %s", name, host_owner.last_error);
    dump_state d = {.accessor = a, .out = out};
    d.infos = d_list_table_fields(a, &d.count);
    if (d.infos == NULL) violation("listing the fields of table %s: %s", name, host_owner.last_error);
    if (d.count > MAX_FIELDS) violation("table %s has %u fields", name, d.count);
    uint64_t size = d_get_table_size(a);
    fprintf(out, "table %s key=%s size=%" PRIu64 " fields=", name, ht_type_name(t->key_type), size);
    for (uint32_t i = 0; i < d.count; i++) {
        const char* type = ht_type_name(d.infos[i].field_type);
        fprintf(out, "%s%s:%s%s", i ? "," : "", d.infos[i].name, type ? type : "?", d.infos[i].read_only ? "(read-only)" : "");
        d.handles[i] = d.infos[i].field_type == HOST_ST_TABLE ? NULL : d_get_table_field(a, d.infos[i].name, d.infos[i].field_type);
        if (d.infos[i].field_type != HOST_ST_TABLE && d.handles[i] == NULL)
            violation("table %s lists field %s but does not give it: %s", name, d.infos[i].name, host_owner.last_error);
    }
    fputc('\n', out);
    if (!d_iterate_entries(a, dump_entry, &d)) violation("iterating table %s stopped early", name);
    ht_leave(&host_owner);
    return 1;
}
