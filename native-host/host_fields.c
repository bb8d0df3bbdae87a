/*
 * Fields: the fields JSON a plugin exports, checked as libsinsp checks it; the fields a run extracts, with their
 * arguments as a rule's filtercheck passes them; the extract_fields requests, and the values the plugin returns.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

static int type_code(const char* name) {
    static const struct { const char* name; int code; } types[] = {
        {"uint64", HOST_FTYPE_UINT64}, {"string", HOST_FTYPE_STRING}, {"bool", HOST_FTYPE_BOOL},
        {"reltime", HOST_FTYPE_RELTIME}, {"abstime", HOST_FTYPE_ABSTIME}, {"ipaddr", HOST_FTYPE_IPADDR},
        {"ipnet", HOST_FTYPE_IPNET}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(types[i].name, name) == 0) return types[i].code;
    return 0;
}

/* A member of an object: 0 when it has none; *value is NULL for a JSON null. */
static int member(json_object* object, const char* key, json_object** value) {
    *value = NULL;
    return json_object_object_get_ex(object, key, value);
}

static const char* optional_bool(json_object* entry, const char* key, const char* field) {
    json_object* v;
    int present = member(entry, key, &v);
    if (present && !json_object_is_type(v, json_type_boolean)) fail("field %s: %s is not a boolean", field, key);
    return present && json_object_get_boolean(v) ? "1" : "0";
}

static void describe_arg(json_object* arg, int present, const char* field, char* out, size_t size, field_info* info) {
    info->arg_index = info->arg_key = info->arg_required = 0;
    if (!present) {
        snprintf(out, size, "none");
        return;
    }
    if (!json_object_is_type(arg, json_type_object)) fail("field %s: arg is not an object", field);
    int required = optional_bool(arg, "isRequired", field)[0] == '1';
    int index = optional_bool(arg, "isIndex", field)[0] == '1';
    int key = optional_bool(arg, "isKey", field)[0] == '1';
    if (required && !index && !key) fail("field %s: a required argument must be isIndex or isKey", field);
    if (index && key) fail("field %s: an argument cannot be both isIndex and isKey", field);
    info->arg_index = index;
    info->arg_key = key;
    info->arg_required = required;
    snprintf(out, size, "%s%s", index ? "index" : key ? "key" : "none", required ? ",required" : "");
}

/* A member that must be a non-empty string, or NULL. */
static const char* text_member(json_object* entry, const char* key) {
    json_object* v;
    if (!member(entry, key, &v) || !json_object_is_type(v, json_type_string)) return NULL;
    const char* text = json_object_get_string(v);
    return text[0] ? text : NULL;
}

/* Checks that text is a JSON array of strings; what names the function that returned it. */
void check_string_array(const char* what, const char* text) {
    char err[256];
    json_object* list;
    if (!parse_json(text, &list, err, sizeof err) || !json_object_is_type(list, json_type_array))
        fail("%s is not a JSON array: %s", what, text);
    for (size_t i = 0; i < json_object_array_length(list); i++)
        if (!json_object_is_type(json_object_array_get_idx(list, i), json_type_string)) fail("%s has a non-string entry", what);
    json_object_put(list);
}

/* Reads and checks the fields JSON of p into its fields, printing each field; returns the number of fields. */
size_t check_fields(hosted_plugin* p) {
    const char* text = p->api.get_fields();
    field_info* out = p->fields;
    char err[256];
    json_object* root;
    if (text == NULL) fail("get_fields returned a null string");
    if (!parse_json(text, &root, err, sizeof err)) fail("get_fields returned an invalid JSON: %s", err);
    if (!json_object_is_type(root, json_type_array)) fail("get_fields returned an invalid JSON: not an array");
    size_t count = json_object_array_length(root);
    if (count == 0) fail("plugins with extraction capability must export at least one field");
    if (count > MAX_FIELDS) fail("more than %d fields", MAX_FIELDS);
    for (size_t i = 0; i < count; i++) {
        json_object* entry = json_object_array_get_idx(root, i);
        if (!json_object_is_type(entry, json_type_object)) fail("field JSON entry %zu is not an object", i);
        const char* name = text_member(entry, "name");
        const char* type = text_member(entry, "type");
        const char* desc = text_member(entry, "desc");
        if (type == NULL) fail("field JSON entry %zu has no type", i);
        if (name == NULL) fail("field JSON entry %zu has no name", i);
        if (desc == NULL) fail("field %s has no desc", name);
        if (type_code(type) == 0) fail("field %s: invalid field type %s", name, type);
        json_object* display;
        int has_display = member(entry, "display", &display);
        if (has_display && !json_object_is_type(display, json_type_string)) fail("field %s: display is not a string", name);
        json_object* properties;
        int has_properties = member(entry, "properties", &properties);
        if (has_properties) {
            if (!json_object_is_type(properties, json_type_array)) fail("field %s: properties is not an array", name);
            for (size_t k = 0; k < json_object_array_length(properties); k++)
                if (!json_object_is_type(json_object_array_get_idx(properties, k), json_type_string))
                    fail("field %s: a property is not a string", name);
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(out[k].name, name) == 0) fail("field %s is declared twice", name);
        if (strlen(name) >= sizeof out[i].name) fail("field name %s is too long", name);
        const char* is_list = optional_bool(entry, "isList", name);
        const char* add_output = optional_bool(entry, "addOutput", name);
        char arg[64];
        json_object* arg_object;
        int has_arg = member(entry, "arg", &arg_object);
        describe_arg(arg_object, has_arg, name, arg, sizeof arg, &out[i]);
        snprintf(out[i].name, sizeof out[i].name, "%s", name);
        out[i].ftype = type_code(type);
        out[i].is_list = is_list[0] == '1';
        printf("%sfield %s type=%s list=%s arg=%s", p->prints, name, type, is_list, arg);
        if (has_display) {
            printf(" display=");
            print_quoted(json_object_get_string(display), strlen(json_object_get_string(display)));
        }
        if (has_properties) {
            printf(" properties=");
            for (size_t k = 0; k < json_object_array_length(properties); k++)
                printf("%s%s", k ? "," : "", json_object_get_string(json_object_array_get_idx(properties, k)));
        }
        if (add_output[0] == '1') printf(" addOutput");
        printf(" desc=");
        print_quoted(desc, strlen(desc));
        putchar('\n');
    }
    json_object_put(root);
    if (p->api.get_extract_event_sources) {
        const char* sources = p->api.get_extract_event_sources();
        if (sources == NULL) fail("get_extract_event_sources returned NULL");
        check_string_array("get_extract_event_sources", sources);
    }
    return count;
}

void render_value(const host_extract_field* f, const field_info* info, rendered* out) {
    size_t used = 0;
    out->text[0] = '\0';
    if (f->res_len == 0) {
        snprintf(out->text, sizeof out->text, "<none>");
        return;
    }
    if (f->res.u64 == NULL) fail("field %s: res_len is %" PRIu64 " but res is NULL", info->name, f->res_len);
    if (f->res_len > 1 && !info->is_list) fail("field %s is not a list but got %" PRIu64 " values", info->name, f->res_len);
    if (info->is_list) used += (size_t)snprintf(out->text + used, sizeof out->text - used, "[");
    for (uint64_t i = 0; i < f->res_len && used < sizeof out->text; i++) {
        if (i > 0) used += (size_t)snprintf(out->text + used, sizeof out->text - used, ", ");
        if (used >= sizeof out->text) break;
        switch (info->ftype) {
            case HOST_FTYPE_UINT64:
            case HOST_FTYPE_RELTIME:
            case HOST_FTYPE_ABSTIME:
                used += (size_t)snprintf(out->text + used, sizeof out->text - used, "%" PRIu64, f->res.u64[i]);
                break;
            case HOST_FTYPE_BOOL:
                if (f->res.boolean[i] > 1) fail("field %s: bool value %u is neither 0 nor 1", info->name, f->res.boolean[i]);
                used += (size_t)snprintf(out->text + used, sizeof out->text - used, "%s", f->res.boolean[i] ? "true" : "false");
                break;
            case HOST_FTYPE_STRING: {
                const char* s = f->res.str[i];
                if (s == NULL) fail("field %s: string value %" PRIu64 " is NULL", info->name, i);
                if (!valid_utf8(s)) fail("field %s: string value is not valid UTF-8", info->name);
                FILE* mem = fmemopen(out->text + used, sizeof out->text - used, "w");
                if (mem == NULL) fail("cannot render field %s", info->name);
                quote(mem, s, strlen(s));
                long written = ftell(mem);
                fclose(mem);
                used += (size_t)written;
                break;
            }
            case HOST_FTYPE_IPADDR:
            case HOST_FTYPE_IPNET: {
                const host_byte_buffer* b = &f->res.buf[i];
                char text[INET6_ADDRSTRLEN];
                if (b->ptr == NULL) fail("field %s: address value %" PRIu64 " is NULL", info->name, i);
                if (b->len != 4 && b->len != 16)
                    fail("field %s: an IP address or network of incorrect size %u", info->name, b->len);
                inet_ntop(b->len == 4 ? AF_INET : AF_INET6, b->ptr, text, sizeof text);
                used += (size_t)snprintf(out->text + used, sizeof out->text - used, "%s", text);
                break;
            }
            default:
                used += (size_t)snprintf(out->text + used, sizeof out->text - used, "<type %d>", info->ftype);
        }
    }
    if (info->is_list && used < sizeof out->text) snprintf(out->text + used, sizeof out->text - used, "]");
}

/*
 * Calls extract_fields for the fields ids[0..n) the way libsinsp builds the request; with poison, the outputs are
 * set to garbage first so that a plugin which does not set them is caught.
 */
int32_t call_extract(const hosted_plugin* p, void* state, const host_event_input* in, const size_t* ids, size_t n,
                     host_extract_field* requests, int poison) {
    ht_owner* owner = thread_owner != NULL ? thread_owner : p->owner;
    const field_request* selection = p->selection;
    const field_info* fields = p->fields;
    memset(requests, 0, n * sizeof requests[0]);
    for (size_t i = 0; i < n; i++) {
        if (poison) {
            requests[i].res.u64 = (uint64_t*)(uintptr_t)0xdeadbeefdeadbeefULL;
            requests[i].res_len = 0xdeadbeefULL;
        }
        requests[i].field_id = (uint32_t)selection[ids[i]].id;
        requests[i].field = fields[selection[ids[i]].id].name;
        requests[i].ftype = (uint32_t)fields[selection[ids[i]].id].ftype;
        requests[i].flist = (uint32_t)fields[selection[ids[i]].id].is_list;
        requests[i].arg_present = (uint32_t)selection[ids[i]].arg_present;
        requests[i].arg_index = selection[ids[i]].arg_index;
        requests[i].arg_key = selection[ids[i]].arg_present && fields[selection[ids[i]].id].arg_key ? selection[ids[i]].arg_key : NULL;
    }
    host_extract_input input;
    memset(&input, 0, sizeof input);
    input.owner = owner;
    input.get_owner_last_error = owner_last_error;
    input.num_fields = (uint32_t)n;
    input.fields = requests;
    /* Vtables outlive the call, as libsinsp's do: a plugin calling a kept one out of turn meets the access rules. */
    static __thread host_table_reader_vtable_ext reader;
    ht_reader_vtables(&input.table_reader, &reader);
    input.table_reader_ext = &reader;
    ht_enter(owner, HT_PHASE_EXTRACT);
    int32_t rc = p->api.extract_fields(state, in, &input);
    ht_leave(owner);
    return rc;
}


/* Calls extract_fields for the requested fields; returns 0 on failure when allowed, else fails. */
int extract(void* state, const host_event_input* in, const size_t* ids, size_t n, rendered* values, int allow_failure) {
    static host_extract_field requests[MAX_FIELDS];
    const field_request* selection = tested.selection;
    const field_info* fields = tested.fields;
    int32_t rc = call_extract(&tested, state, in, ids, n, requests, 1);
    if (rc != HOST_API_RC_SUCCESS) {
        const char* err = tested.api.get_last_error(state);
        if (rc != HOST_API_RC_FAILURE) fail("extract_fields returned %d, expected SUCCESS or FAILURE", rc);
        if (err == NULL || !err[0]) fail("extract_fields failed without a last error");
        if (!allow_failure) fail("extract_fields failed: %s", err);
        printf("  extract failed: %s\n", err);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (requests[i].res_len == 0xdeadbeefULL) fail("field %s: the plugin did not set res_len", fields[selection[ids[i]].id].name);
        if (requests[i].res_len > 0 && requests[i].res.u64 == (uint64_t*)(uintptr_t)0xdeadbeefdeadbeefULL)
            fail("field %s: the plugin did not set res", fields[selection[ids[i]].id].name);
        render_value(&requests[i], &fields[selection[ids[i]].id], &values[i]);
    }
    /* The results must stay valid until the next extract_fields call: another API call must not touch them. */
    if (tested.api.event_to_string) tested.api.event_to_string(state, in);
    for (size_t i = 0; i < n; i++) {
        static rendered again;
        render_value(&requests[i], &fields[selection[ids[i]].id], &again);
        if (strcmp(again.text, values[i].text) != 0)
            fail("field %s: the value changed from %s to %s before the next extract_fields call", fields[selection[ids[i]].id].name,
                 values[i].text, again.text);
    }
    return 1;
}

/* Extracts fields without the checks of extract(), for volume: returns rc and folds the values into *hash. */
int32_t lean_extract(void* state, const host_event_input* in, const size_t* ids, size_t n, uint64_t* hash) {
    host_extract_field requests[MAX_FIELDS];
    int32_t rc = call_extract(&tested, state, in, ids, n, requests, 0);
    if (rc != HOST_API_RC_SUCCESS) return rc;
    for (size_t i = 0; i < n; i++) {
        for (uint64_t k = 0; k < requests[i].res_len; k++) {
            uint64_t v;
            if (tested.fields[tested.selection[ids[i]].id].ftype == HOST_FTYPE_STRING) {
                v = 0;
                for (const char* c = requests[i].res.str[k]; *c; c++) v = v * 31 + (unsigned char)*c;
            } else if (tested.fields[tested.selection[ids[i]].id].ftype == HOST_FTYPE_BOOL) {
                v = requests[i].res.boolean[k];
            } else {
                v = requests[i].res.u64[k];
            }
            *hash = (*hash ^ v) * 1099511628211ULL;
        }
        *hash = (*hash ^ requests[i].res_len) * 1099511628211ULL;
    }
    return rc;
}

/* Resolves one "name" or "name[arg]" the way libsinsp compiles a rule's field, with its argument rules. */
void resolve_field(hosted_plugin* p, const char* text, field_request* out) {
    const field_info* fields = p->fields;
    char name[256];
    const char* bracket = strchr(text, '[');
    size_t name_len = bracket ? (size_t)(bracket - text) : strlen(text);
    if (name_len >= sizeof name) fail("--fields: field name %s is too long", text);
    memcpy(name, text, name_len);
    name[name_len] = '\0';
    size_t i = 0;
    while (i < p->field_count && strcmp(fields[i].name, name) != 0) i++;
    if (i == p->field_count) fail("--fields names %s, which the plugin does not export", name);
    memset(out, 0, sizeof *out);
    out->id = i;
    snprintf(out->label, sizeof out->label, "%s", text);
    if (bracket == NULL) {
        if (fields[i].arg_required) fail("filter field %s requires an argument but none provided", name);
        return;
    }
    size_t len = strlen(bracket);
    if (len < 2 || bracket[len - 1] != ']') fail("--fields: %s has an unterminated argument", text);
    if (!fields[i].arg_index && !fields[i].arg_key) fail("filter field %s does not allow an argument but one is provided", name);
    char arg[128];
    if (len - 2 >= sizeof arg) fail("--fields: the argument of %s is too long", text);
    memcpy(arg, bracket + 1, len - 2);
    arg[len - 2] = '\0';
    out->arg_present = 1;
    if (fields[i].arg_index) {
        int digits = arg[0] != '\0';
        for (const char* c = arg; *c; c++) digits &= isdigit((unsigned char)*c) != 0;
        if (!digits || (strlen(arg) > 1 && arg[0] == '0')) fail("filter field %s has an invalid index argument: %s", name, arg);
        out->arg_index = strtoull(arg, NULL, 10);
    } else {
        snprintf(out->arg_key, sizeof out->arg_key, "%s", arg);
    }
}

size_t select_fields(hosted_plugin* p, const char* names, const char* skip, size_t* ids) {
    size_t n = 0;
    if (names == NULL) {
        for (size_t i = 0; i < p->field_count; i++) {
            if (p->fields[i].arg_required || (skip != NULL && strcmp(p->fields[i].name, skip) == 0)) continue;
            resolve_field(p, p->fields[i].name, &p->selection[n]);
            ids[n] = n;
            n++;
        }
        return n;
    }
    char list[4096];
    snprintf(list, sizeof list, "%s", names);
    for (char* name = strtok(list, ","); name != NULL && n < MAX_FIELDS; name = strtok(NULL, ",")) {
        resolve_field(p, name, &p->selection[n]);
        ids[n] = n;
        n++;
    }
    return n;
}

/* Extracts the fields ids[0..n) of p's selection without the conformance checks of extract(), and prints them. */
void extract_and_print(const hosted_plugin* p, void* state, const host_event_input* in, const size_t* ids, size_t n) {
    static host_extract_field requests[MAX_FIELDS];
    int32_t rc = call_extract(p, state, in, ids, n, requests, 0);
    if (rc != HOST_API_RC_SUCCESS) fail("%sextract_fields failed (rc %d): %s", p->whose, rc, p->api.get_last_error(state));
    for (size_t i = 0; i < n; i++) {
        static rendered value;
        const field_info* field = &p->fields[p->selection[ids[i]].id];
        render_value(&requests[i], field, &value);
        printf("  %s%s = %s\n", p->prints, field->name, value.text);
    }
}
