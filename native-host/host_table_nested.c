/*
 * Nested tables, as libsinsp serves them: reading a field of type table (the threads' "file_descriptors") gives a
 * pointer to the entry's sub-table, used with the same reader, writer and fields vtables. The fields of all the
 * sub-tables of one field are shared, so a field got (or added) on one sub-table is valid on every other. The test
 * host hands out the sub-table as an accessor of its own, which checks the access rules like any table pointer and
 * is valid until the end of the plugin call that read it. A plugin's own table (one it added) gives its sub-tables
 * as ss_plugin_table_inputs, as libsinsp's tables and the plugin SDKs do.
 */
#define _GNU_SOURCE
#include "host_table_store.h"

#include <stdlib.h>
#include <string.h>

void htn_note_field(ht_table* t, const char* name, const void* field) {
    for (size_t i = 0; i < t->shape_count; i++)
        if (t->shapes[i].field == field) return;
    if (t->shape_count == HT_MAX_SHAPES) fail("table %s: more than %d table-typed fields", t->name, HT_MAX_SHAPES);
    ht_table* sub = calloc(1, sizeof *sub);
    snprintf(sub->name, sizeof sub->name, "%s", name);
    sub->reader = t->reader;
    sub->writer = t->writer;
    sub->fields = t->fields;
    sub->owner = t->owner;
    t->shapes[t->shape_count++] = (ht_shape){field, sub};
}

static ht_table* shape_of(ht_table* t, const void* field) {
    for (size_t i = 0; i < t->shape_count; i++)
        if (t->shapes[i].field == field) return t->shapes[i].sub;
    return NULL;
}

/*
 * A plugin's table gives a sub-table as the ss_plugin_table_input of it (libsinsp's own tables do so too), whose
 * table pointer the host uses with the vtables it names; the test host requires those to be the owner's.
 */
static void* plugin_subtable(ht_table* shape, const host_table_input* in) {
    if (in->table == NULL || in->reader_ext == NULL || in->writer_ext == NULL || in->fields_ext == NULL)
        fail("table %s: the sub-table input of field %s has a NULL table or vtable", shape->name, shape->name);
    if (memcmp(in->reader_ext, &shape->reader, sizeof shape->reader) != 0 ||
        memcmp(in->writer_ext, &shape->writer, sizeof shape->writer) != 0 ||
        memcmp(in->fields_ext, &shape->fields, sizeof shape->fields) != 0)
        fail("sub-table %s: its input's vtables are not those of the table that holds it", shape->name);
    return in->table;
}

void htn_wrap(ht_accessor* a, const void* field, host_state_data* out) {
    ht_table* shape = shape_of(a->table, field);
    if (shape == NULL) return;
    if (out->table == NULL) fail("table %s: reading table field %s gave a NULL sub-table", a->table->name, shape->name);
    void* sub = shape->owner != NULL ? plugin_subtable(shape, out->table) : out->table;
    ht_owner* o = a->owner;
    for (ht_accessor* s = o->subs; s != NULL; s = s->next) {
        if (s->table == shape && s->sub == sub) {
            out->table = s;
            return;
        }
    }
    ht_accessor* s = o->stale_subs;
    if (s != NULL) o->stale_subs = s->next;
    else s = calloc(1, sizeof *s);
    s->magic = ACCESSOR_MAGIC;
    s->owner = o;
    s->table = shape;
    s->sub = sub;
    s->next = o->subs;
    o->subs = s;
    out->table = s;
}

void htn_leave(ht_owner* o) {
    while (o->subs != NULL) {
        ht_accessor* s = o->subs;
        o->subs = s->next;
        s->magic = STALE_SUB_MAGIC;
        s->next = o->stale_subs;
        o->stale_subs = s;
    }
}

void htn_free_owner(ht_owner* o) {
    htn_leave(o);
    while (o->stale_subs != NULL) {
        ht_accessor* s = o->stale_subs;
        o->stale_subs = s->next;
        s->magic = 0;
        free(s);
    }
}

void htn_free_shapes(ht_table* t) {
    for (size_t i = 0; i < t->shape_count; i++) {
        htn_free_shapes(t->shapes[i].sub);
        free(t->shapes[i].sub);
    }
    t->shape_count = 0;
}
