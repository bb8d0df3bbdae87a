/*
 * Nested tables, as libsinsp serves them: reading a field of type table (the threads' "file_descriptors") gives a
 * pointer to the entry's sub-table, used with the same reader, writer and fields vtables. The fields of all the
 * sub-tables of one field are shared, so a field got (or added) on one sub-table is valid on every other. The test
 * host hands out the sub-table as an accessor of its own, which checks the access rules like any table pointer and
 * is valid until the end of the plugin call that read it.
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

void htn_wrap(ht_accessor* a, const void* field, host_state_data* out) {
    ht_table* shape = shape_of(a->table, field);
    if (shape == NULL) return;
    if (out->table == NULL) fail("table %s: reading table field %s gave a NULL sub-table", a->table->name, shape->name);
    ht_owner* o = a->owner;
    for (ht_accessor* s = o->subs; s != NULL; s = s->next) {
        if (s->table == shape && s->sub == out->table) {
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
    s->sub = out->table;
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
