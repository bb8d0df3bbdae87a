/* Printing a table for --dump-tables: the host reads it through the vtables a plugin gets, as the host's own owner. */
#define _GNU_SOURCE
#include "host_table_store.h"

#include <inttypes.h>
#include <string.h>

#define MAX_FIELDS 64

typedef struct {
    void* table;
    ht_inputs* in;
    const host_table_fieldinfo* infos;
    void* handles[MAX_FIELDS];
    uint32_t count;
    int nested;
    int first;
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

/* Looks up every listed field of table a (the fields vtable, as the host's owner). */
static void resolve_fields(dump_state* d, const char* name) {
    ht_owner* host = ht_host_owner();
    d->infos = d->in->fields.list_table_fields(d->table, &d->count);
    if (d->infos == NULL) fail("listing the fields of table %s: %s", name, host->last_error);
    if (d->count > MAX_FIELDS) fail("table %s has %u fields", name, d->count);
    for (uint32_t i = 0; i < d->count; i++) {
        d->handles[i] = d->in->fields.get_table_field(d->table, d->infos[i].name, d->infos[i].field_type);
        if (d->handles[i] == NULL) fail("table %s lists field %s but does not give it: %s", name, d->infos[i].name, host->last_error);
    }
}

static uint32_t dump_entry(void* s, void* e);

/* A sub-table as [{f=v ...} {...}], its fields in the order the host lists them. */
static void dump_nested(dump_state* parent, void* sub, const char* name) {
    dump_state d = {.table = sub, .in = parent->in, .nested = 1, .first = 1, .out = parent->out};
    resolve_fields(&d, name);
    fputc('[', d.out);
    if (!d.in->reader.iterate_entries(sub, dump_entry, &d)) fail("iterating sub-table %s stopped early", name);
    fputc(']', d.out);
}

static uint32_t dump_entry(void* s, void* e) {
    dump_state* d = s;
    if (d->nested) fputs(d->first ? "{" : " {", d->out);
    else fputs(" ", d->out);
    d->first = 0;
    for (uint32_t i = 0; i < d->count; i++) {
        host_state_data v;
        if (d->in->reader.read_entry_field(d->table, e, d->handles[i], &v) != HOST_API_RC_SUCCESS)
            fail("reading field %s while dumping: %s", d->infos[i].name, ht_host_owner()->last_error);
        fprintf(d->out, d->nested && i == 0 ? "%s=" : " %s=", d->infos[i].name);
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
                if (v.b > 1) fail("field %s: bool value %u is neither 0 nor 1", d->infos[i].name, v.b);
                fputs(v.b ? "true" : "false", d->out);
                break;
            case HOST_ST_STRING:
                if (v.str == NULL) fail("field %s: a NULL string", d->infos[i].name);
                print_string(d->out, v.str);
                break;
            case HOST_ST_TABLE:
                if (v.table == NULL) fail("field %s: a NULL sub-table", d->infos[i].name);
                dump_nested(d, v.table, d->infos[i].name);
                break;
            default: fputs("?", d->out);
        }
    }
    fputs(d->nested ? "}" : "\n", d->out);
    return 1;
}

/* The key type of a registered table; 0 when there is no such table. */
static uint32_t key_type_of(ht_inputs* in, const char* name) {
    uint32_t n = 0;
    host_table_info* infos = in->init.list_tables(ht_host_owner(), &n);
    for (uint32_t i = 0; infos != NULL && i < n; i++)
        if (strcmp(infos[i].name, name) == 0) return infos[i].key_type;
    return 0;
}

int ht_dump(const char* name, FILE* out) {
    ht_owner* host = ht_host_owner();
    ht_inputs in;
    ht_fill_inputs(&in);
    ht_enter(host, HT_PHASE_HOST);
    uint32_t key_type = key_type_of(&in, name);
    if (key_type == 0) {
        ht_leave(host);
        return 0;
    }
    void* a = in.init.get_table(host, name, key_type);
    if (a == NULL) fail("dumping table %s: %s", name, host->last_error);
    dump_state d = {.table = a, .in = &in, .out = out};
    resolve_fields(&d, name);
    uint64_t size = in.reader.get_table_size(a);
    fprintf(out, "table %s key=%s size=%" PRIu64 " fields=", name, ht_type_name(key_type), size);
    for (uint32_t i = 0; i < d.count; i++) {
        const char* type = ht_type_name(d.infos[i].field_type);
        fprintf(out, "%s%s:%s%s", i ? "," : "", d.infos[i].name, type ? type : "?", d.infos[i].read_only ? "(read-only)" : "");
    }
    fputc('\n', out);
    if (!in.reader.iterate_entries(a, dump_entry, &d)) fail("iterating table %s stopped early", name);
    ht_leave(host);
    return 1;
}
