/*
 * The test host's state tables; see host_tables.h. The semantics follow libsinsp's: a missing entry is NULL plus
 * an owner last error, reads zero the output first, read-only fields refuse writes, a field added twice with the
 * same type is the same field, a table-typed field cannot be added, an unknown table is NULL without an error.
 */
#define _GNU_SOURCE
#include "host_table_store.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define OWNER_MAGIC 0x0a7e0a7eu
#define MAX_TABLES 32
#define MAX_FIELDS 64

enum { NEED_READ, NEED_WRITE, NEED_FIELDS };


static ht_table* registry[MAX_TABLES];
static size_t registry_count;
static host_table_info table_infos[MAX_TABLES];
static ht_owner* owners;
static ht_owner host_owner;

int ht_is_owner(const void* o);

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

/* ---- registry and owners ---- */

static ht_table* registry_find(const char* name) {
    for (size_t i = 0; i < registry_count; i++)
        if (strcmp(registry[i]->name, name) == 0) return registry[i];
    return NULL;
}

static void registry_add_builtin(void* table, uint32_t key_type) {
    ht_table* entry = calloc(1, sizeof *entry);
    hs_vtables(&entry->reader, &entry->writer, &entry->fields);
    snprintf(entry->name, sizeof entry->name, "%s", entry->reader.get_table_name(table));
    entry->key_type = key_type;
    entry->table = table;
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
        fail("%s got an owner that is not one the host passed (%p)", call, o);
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
        htn_free_shapes(gone);
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
    htn_free_owner(o);
    o->plugin_state = NULL;
    o->plugin_last_error = NULL;
}

void ht_enter(ht_owner* o, int phase) {
    o->phase = phase;
}

void ht_leave(ht_owner* o) {
    while (o->held_count > 0) {
        ht_held h = o->held[--o->held_count];
        if (h.accessor->table != NULL) h.accessor->table->reader.release_table_entry(TP(h.accessor), h.entry);
    }
    htn_leave(o);
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
    fail("%s released an entry of table %s that it did not get, or released it twice", o->label, a->table->name);
}

static const char* phase_name(int phase) {
    static const char* const names[] = {"no call", "plugin_init", "parse_event", "extract_fields", "capture_open/close", "the host"};
    return names[phase];
}

static ht_accessor* checked(void* t, const char* call, int need) {
    ht_accessor* a = t;
    if (a != NULL && a->magic == STALE_SUB_MAGIC)
        fail("%s: %s used a sub-table after the end of the call that read it: a sub-table is valid until then", call,
             a->owner->label);
    if (a == NULL || a->magic != ACCESSOR_MAGIC) fail("%s got a table pointer the host did not give (%p)", call, t);
    ht_owner* o = a->owner;
    if (a->table == NULL) fail("%s: %s used a table whose owner was destroyed", call, o->label);
    if (o->phase == HT_PHASE_NONE)
        fail("%s: %s used the tables API outside plugin_init, parse_event, extract_fields and capture_open/close", call,
                  o->label);
    if (need == NEED_WRITE && o->phase == HT_PHASE_EXTRACT)
        fail("%s: %s wrote table %s during extract_fields, whose input has no writer vtable", call, o->label, a->table->name);
    if (need == NEED_FIELDS && o->phase != HT_PHASE_INIT && o->phase != HT_PHASE_HOST)
        fail("%s: %s used the fields vtable of table %s during %s; fields are only available in plugin_init", call,
                  o->label, a->table->name, phase_name(o->phase));
    return a;
}

/* After a failed call on the table of a: the accessing owner's last error becomes the table owner's. */
static void propagate(ht_accessor* a) {
    ht_table* t = a->table;
    if (t->owner == NULL) {
        set_error(a->owner, "%s", hs_error);
        return;
    }
    const char* err = t->owner->plugin_last_error && t->owner->plugin_state ? t->owner->plugin_last_error(t->owner->plugin_state) : NULL;
    set_error(a->owner, "%s", err && err[0] ? err : "(the plugin owning the table gave no error)");
}

/* ---- the vtables plugins get: dispatch through the accessor to the table's own functions ---- */

static const char* d_get_table_name(void* t) {
    ht_accessor* a = checked(t, "get_table_name", NEED_READ);
    const char* name = a->table->reader.get_table_name(TP(a));
    if (name == NULL) propagate(a);
    return name;
}

static uint64_t d_get_table_size(void* t) {
    ht_accessor* a = checked(t, "get_table_size", NEED_READ);
    uint64_t size = a->table->reader.get_table_size(TP(a));
    if (size == UINT64_MAX) propagate(a);
    return size;
}

static void* d_get_table_entry(void* t, const host_state_data* key) {
    ht_accessor* a = checked(t, "get_table_entry", NEED_READ);
    if (key == NULL) fail("get_table_entry: %s passed a NULL key", a->owner->label);
    void* e = a->table->reader.get_table_entry(TP(a), key);
    if (e == NULL) propagate(a);
    else hold(a->owner, a, e);
    return e;
}

static int32_t d_read_entry_field(void* t, void* e, const void* f, host_state_data* out) {
    ht_accessor* a = checked(t, "read_entry_field", NEED_READ);
    if (e == NULL || f == NULL || out == NULL) fail("read_entry_field: %s passed a NULL entry, field or output", a->owner->label);
    memset(out, 0, sizeof *out);
    int32_t rc = a->table->reader.read_entry_field(TP(a), e, f, out);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    else htn_wrap(a, f, out);
    return rc;
}

static void d_release_table_entry(void* t, void* e) {
    ht_accessor* a = checked(t, "release_table_entry", NEED_READ);
    unhold(a->owner, a, e);
    a->table->reader.release_table_entry(TP(a), e);
}

static uint32_t d_iterate_entries(void* t, host_table_iterator it, void* state) {
    ht_accessor* a = checked(t, "iterate_entries", NEED_READ);
    if (it == NULL) fail("iterate_entries: %s passed a NULL iterator", a->owner->label);
    return a->table->reader.iterate_entries(TP(a), it, state);
}

static int32_t d_clear_table(void* t) {
    ht_accessor* a = checked(t, "clear_table", NEED_WRITE);
    int32_t rc = a->table->writer.clear_table(TP(a));
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static int32_t d_erase_table_entry(void* t, const host_state_data* key) {
    ht_accessor* a = checked(t, "erase_table_entry", NEED_WRITE);
    if (key == NULL) fail("erase_table_entry: %s passed a NULL key", a->owner->label);
    int32_t rc = a->table->writer.erase_table_entry(TP(a), key);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static void* d_create_table_entry(void* t) {
    ht_accessor* a = checked(t, "create_table_entry", NEED_WRITE);
    void* e = a->table->writer.create_table_entry(TP(a));
    if (e == NULL) propagate(a);
    return e;
}

static void d_destroy_table_entry(void* t, void* e) {
    ht_accessor* a = checked(t, "destroy_table_entry", NEED_WRITE);
    a->table->writer.destroy_table_entry(TP(a), e);
}

static void* d_add_table_entry(void* t, const host_state_data* key, void* e) {
    ht_accessor* a = checked(t, "add_table_entry", NEED_WRITE);
    if (key == NULL || e == NULL) fail("add_table_entry: %s passed a NULL key or entry", a->owner->label);
    void* added = a->table->writer.add_table_entry(TP(a), key, e);
    if (added == NULL) propagate(a);
    else hold(a->owner, a, added);
    return added;
}

static int32_t d_write_entry_field(void* t, void* e, const void* f, const host_state_data* in) {
    ht_accessor* a = checked(t, "write_entry_field", NEED_WRITE);
    if (e == NULL || f == NULL || in == NULL) fail("write_entry_field: %s passed a NULL entry, field or input", a->owner->label);
    int32_t rc = a->table->writer.write_entry_field(TP(a), e, f, in);
    if (rc != HOST_API_RC_SUCCESS) propagate(a);
    return rc;
}

static const host_table_fieldinfo* d_list_table_fields(void* t, uint32_t* n) {
    ht_accessor* a = checked(t, "list_table_fields", NEED_FIELDS);
    if (n == NULL) fail("list_table_fields: %s passed a NULL count", a->owner->label);
    const host_table_fieldinfo* infos = a->table->fields.list_table_fields(TP(a), n);
    if (infos == NULL) propagate(a);
    return infos;
}

static void* d_get_table_field(void* t, const char* name, uint32_t type) {
    ht_accessor* a = checked(t, "get_table_field", NEED_FIELDS);
    if (name == NULL) fail("get_table_field: %s passed a NULL name", a->owner->label);
    void* f = a->table->fields.get_table_field(TP(a), name, type);
    if (f == NULL) propagate(a);
    else if (type == HOST_ST_TABLE) htn_note_field(a->table, name, f);
    return f;
}

static void* d_add_table_field(void* t, const char* name, uint32_t type) {
    ht_accessor* a = checked(t, "add_table_field", NEED_FIELDS);
    if (name == NULL) fail("add_table_field: %s passed a NULL name", a->owner->label);
    if (type == HOST_ST_TABLE) {
        set_error(a->owner, "cannot add field %s of type table to table %s", name, a->table->name);
        return NULL;
    }
    void* f = a->table->fields.add_table_field(TP(a), name, type);
    if (f == NULL) propagate(a);
    return f;
}

/* ---- the init input: list, get and add tables ---- */

static host_table_info* i_list_tables(void* owner, uint32_t* n) {
    ht_owner* o = checked_owner(owner, "list_tables");
    if (o->phase != HT_PHASE_INIT && o->phase != HT_PHASE_HOST) fail("list_tables: %s called it outside plugin_init", o->label);
    for (size_t i = 0; i < registry_count; i++) table_infos[i] = (host_table_info){registry[i]->name, registry[i]->key_type};
    *n = (uint32_t)registry_count;
    return table_infos;
}

static void* i_get_table(void* owner, const char* name, uint32_t key_type) {
    ht_owner* o = checked_owner(owner, "get_table");
    if (o->phase != HT_PHASE_INIT && o->phase != HT_PHASE_HOST) fail("get_table: %s called it outside plugin_init", o->label);
    if (name == NULL) fail("get_table: %s passed a NULL name", o->label);
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
    if (o->phase != HT_PHASE_INIT) fail("add_table: %s called it outside plugin_init", o->label);
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
    registry_add_builtin(hs_threads(), HOST_ST_INT64);
}


ht_owner* ht_host_owner(void) {
    return &host_owner;
}
