/*
 * Events: sourcing them with next_batch and checking each the way libsinsp does, events of another source fed to
 * plugins without their own, the event filters of parse and extract, and what libsinsp does with every event.
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"
#include "host_syscall.h"

int has_own_source(void) {
    return (tested.caps & CAP_SOURCE) && tested.event_source[0] != '\0';
}

/* libsinsp's rule: no types (or none exported) means every type for syscall-compatible sources, else plugin events. */
void resolve_filter(const char* what, uint16_t* (*get_types)(uint32_t*, void*), const char* (*get_sources)(void),
                           void* state, int own_source, event_filter* f) {
    memset(f, 0, sizeof *f);
    if (get_sources != NULL) {
        const char* sources = get_sources();
        char function[64];
        if (sources == NULL) fail("get_%s_event_sources returned NULL", what);
        snprintf(function, sizeof function, "get_%s_event_sources", what);
        check_string_array(function, sources);
        snprintf(f->sources, sizeof f->sources, "%s", sources);
        printf("%s event sources: %s\n", what, sources);
    }
    if (get_types != NULL) {
        uint32_t n = 0xdeadbeef;
        uint16_t* types = get_types(&n, state);
        if (n == 0xdeadbeef) fail("get_%s_event_types did not set the number of types", what);
        if (n > 0 && types == NULL) fail("get_%s_event_types returned %u types and a NULL array", what, n);
        if (n > 512) fail("get_%s_event_types returned %u types", what, n);
        for (uint32_t i = 0; i < n; i++) f->types[i] = types[i];
        f->count = n;
        printf("%s event types:", what);
        for (uint32_t i = 0; i < n; i++) printf(" %u", types[i]);
        putchar('\n');
    }
    int syscall_compatible = f->sources[0] == '\0' ? !own_source : strstr(f->sources, "\"syscall\"") != NULL;
    f->any_type = f->count == 0 && syscall_compatible;
}

static int filter_accepts(const event_filter* f, const host_event_header* e, const char* source) {
    char quoted[300];
    snprintf(quoted, sizeof quoted, "\"%s\"", source);
    int source_ok = f->sources[0] == '\0' || strcmp(f->sources, "[]") == 0 ? 1 : strstr(f->sources, quoted) != NULL;
    if (!source_ok) return 0;
    if (f->any_type) return 1;
    if (f->count == 0) return e->type == HOST_PLUGIN_EVENT_TYPE;
    for (uint32_t i = 0; i < f->count; i++)
        if (f->types[i] == e->type) return 1;
    return 0;
}

/* parse_event of p on one event, with the table vtables libsinsp gives a parsing plugin. */
static void parse(const hosted_plugin* p, void* state, const host_event_input* in) {
    host_parse_input input;
    memset(&input, 0, sizeof input);
    input.owner = p->owner;
    input.get_owner_last_error = owner_last_error;
    /* Vtables outlive the call, as libsinsp's do: a plugin calling a kept one out of turn meets the access rules. */
    static __thread host_table_reader_vtable_ext reader;
    static __thread host_table_writer_vtable_ext writer;
    ht_reader_vtables(&input.table_reader, &reader);
    ht_writer_vtables(&input.table_writer, &writer);
    input.table_reader_ext = &reader;
    input.table_writer_ext = &writer;
    ht_enter(p->owner, HT_PHASE_PARSE);
    int32_t rc = p->api.parse_event(state, in, &input);
    ht_leave(p->owner);
    if (rc != HOST_API_RC_SUCCESS) fail("%sparse_event failed (rc %d): %s", p->whose, rc, p->api.get_last_error(state));
    printf("  %sparsed\n", p->prints);
}

void check_open_params(void* state) {
    int32_t rc = 0x7777;
    const char* params = tested.api.list_open_params(state, &rc);
    if (rc != HOST_API_RC_SUCCESS) fail("list_open_params failed (rc %d): %s", rc, tested.api.get_last_error(state));
    if (params == NULL) fail("list_open_params returned NULL");
    char err[256];
    json_object* list;
    if (!parse_json(params, &list, err, sizeof err) || !json_object_is_type(list, json_type_array))
        fail("list_open_params is not a JSON array: %s", params);
    for (size_t i = 0; i < json_object_array_length(list); i++) {
        json_object* entry = json_object_array_get_idx(list, i);
        json_object* value;
        if (!json_object_is_type(entry, json_type_object)) fail("open param %zu is not an object", i);
        if (!json_object_object_get_ex(entry, "value", &value) || !json_object_is_type(value, json_type_string))
            fail("open param %zu has no string value", i);
        const char* optional[] = {"desc", "separator"};
        for (int k = 0; k < 2; k++) {
            json_object* v;
            if (json_object_object_get_ex(entry, optional[k], &v) && !json_object_is_type(v, json_type_string))
                fail("open param %zu: %s is not a string", i, optional[k]);
        }
    }
    json_object_put(list);
    printf("open params=");
    print_quoted(params, strlen(params));
    putchar('\n');
}

void print_progress(void* state, void* instance) {
    uint32_t pct = 0xdeadbeef;
    const char* text = tested.api.get_progress(state, instance, &pct);
    if (pct == 0xdeadbeef) fail("get_progress did not set progress_pct");
    if (pct > 10000) fail("get_progress returned %u, more than 10000", pct);
    printf("progress pct=%u text=", pct);
    if (text == NULL) printf("NULL\n");
    else {
        print_quoted(text, strlen(text));
        putchar('\n');
    }
}


static void check_plugin_event(const host_event_header* e, uint32_t id, long number) {
    if (e == NULL) fail("event %ld is NULL", number);
    if (e->type != HOST_PLUGIN_EVENT_TYPE || e->nparams != 2)
        fail("malformed plugin event %ld: type %u with %u parameters (expected 322 with 2)", number, e->type, e->nparams);
    const uint32_t* lens = (const uint32_t*)((const char*)e + sizeof *e);
    if (e->len < sizeof *e + 12) fail("plugin event %ld: length %u is too short", number, e->len);
    if (lens[0] != 4) fail("plugin event %ld: plugin id parameter length %u, expected 4", number, lens[0]);
    if ((uint64_t)e->len != sizeof *e + 8 + 4 + (uint64_t)lens[1])
        fail("plugin event %ld: length %u does not match its parameters (payload %u)", number, e->len, lens[1]);
    uint32_t event_id;
    memcpy(&event_id, (const char*)e + sizeof *e + 8, 4);
    if (event_id != 0 && event_id != id)
        fail("unexpected plugin ID in plugin event: expected_id=%u, actual_id=%u", id, event_id);
}

typedef struct {
    size_t n;
    host_event_header** pointers;
    unsigned char** copies;
    uint32_t* lengths;
} batch_copy;

static void copy_batch(batch_copy* c, host_event_header** events, uint32_t n) {
    c->n = n;
    c->pointers = malloc(n * sizeof *c->pointers);
    c->copies = malloc(n * sizeof *c->copies);
    c->lengths = malloc(n * sizeof *c->lengths);
    for (uint32_t i = 0; i < n; i++) {
        c->pointers[i] = events[i];
        c->lengths[i] = events[i]->len;
        c->copies[i] = malloc(events[i]->len);
        memcpy(c->copies[i], events[i], events[i]->len);
    }
}

static void verify_and_free_batch(batch_copy* c, host_event_header** events) {
    for (size_t i = 0; i < c->n; i++) {
        if (events[i] != c->pointers[i] || memcmp(c->copies[i], c->pointers[i], c->lengths[i]) != 0)
            fail("the plugin changed batch event %zu before the next next_batch call", i + 1);
        free(c->copies[i]);
    }
    free(c->pointers);
    free(c->copies);
    free(c->lengths);
}

void dump_tables(const char* names) {
    char list[1024];
    snprintf(list, sizeof list, "%s", names);
    for (char* name = strtok(list, ","); name != NULL; name = strtok(NULL, ","))
        if (!ht_dump(name, stdout)) printf("no table %s\n", name);
}

/* What libsinsp does with each event after sourcing it: parsing plugins, then the fields a rule asks for. */
static void deliver(void* state, const host_event_header* mine, long number, const char* source, const options* o,
                    const size_t* ids, size_t n_ids) {
    host_event_input in = {mine, (uint64_t)number, source};
    if ((tested.caps & CAP_PARSE) && filter_accepts(&tested.parse_filter, mine, source)) parse(&tested, state, &in);
    if (with.loaded && (with.caps & CAP_PARSE) && filter_accepts(&with.parse_filter, mine, source)) parse(&with, with.state, &in);
    if (n_ids > 0 && filter_accepts(&tested.extract_filter, mine, source)) {
        static rendered all[MAX_FIELDS];
        if (extract(state, &in, ids, n_ids, all, o->allow_extract_failure)) {
            for (size_t f = 0; f < n_ids; f++) {
                printf("  %s = %s\n", tested.selection[ids[f]].label, all[f].text);
                static rendered one;
                extract(state, &in, &ids[f], 1, &one, 0);
                if (strcmp(all[f].text, one.text) != 0)
                    fail("field %s: %s with the other fields but %s alone", tested.fields[tested.selection[ids[f]].id].name, all[f].text,
                         one.text);
            }
        }
    }
    if (with.loaded && with.field_count > 0 && filter_accepts(&with.extract_filter, mine, source))
        extract_and_print(&with, with.state, &in, with_ids, with_id_count);
    if (tested.api.event_to_string && mine->type == HOST_PLUGIN_EVENT_TYPE && strcmp(source, tested.event_source) == 0) {
        const char* text = tested.api.event_to_string(state, &in);
        if (text == NULL) fail("event_to_string returned NULL: %s", tested.api.get_last_error(state));
        if (!valid_utf8(text)) fail("event_to_string is not valid UTF-8");
        printf("  to_string = ");
        print_quoted(text, strlen(text));
        putchar('\n');
    }
}

/*
 * Events of another source, for plugins without their own: plugin events of --feed-source with --feed-id, or for
 * the source "syscall" system events of --feed-type whose parameters (16-bit lengths) are the event number as a
 * uint64 and the text "feed event N".
 */
void feed_events(void* state, const options* o, const size_t* ids, size_t n_ids) {
    int syscall = strcmp(o->feed_source, "syscall") == 0;
    for (long number = 1; number <= o->feed_events; number++) {
        unsigned char evt[512];
        char text[64];
        int text_len = snprintf(text, sizeof text, "feed event %ld", number);
        host_event_header* e = (host_event_header*)evt;
        e->ts = 1700000000000000000ULL + (uint64_t)number;
        e->tid = syscall ? (uint64_t)(1000 + number) : UINT64_MAX;
        e->nparams = 2;
        unsigned char* p = evt + sizeof *e;
        if (syscall) {
            uint16_t lens[2] = {8, (uint16_t)(text_len + 1)};
            uint64_t value = (uint64_t)number;
            e->type = (uint16_t)o->feed_type;
            memcpy(p, lens, sizeof lens);
            memcpy(p + 4, &value, 8);
            memcpy(p + 12, text, (size_t)text_len + 1);
            e->len = (uint32_t)(sizeof *e + 12 + (size_t)text_len + 1);
        } else {
            uint32_t lens[2] = {4, (uint32_t)text_len};
            uint32_t id = (uint32_t)o->feed_id;
            e->type = HOST_PLUGIN_EVENT_TYPE;
            memcpy(p, lens, sizeof lens);
            memcpy(p + 8, &id, 4);
            memcpy(p + 12, text, (size_t)text_len);
            e->len = (uint32_t)(sizeof *e + 12 + (size_t)text_len);
        }
        printf("event %ld source=%s type=%u len=%u\n", number, o->feed_source, e->type, e->len);
        deliver(state, e, number, o->feed_source, o, ids, n_ids);
    }
}

void run_events(void* state, void* instance, const options* o, const size_t* ids, size_t n_ids) {
    long number = 0;
    int timeouts = 0;
    uint32_t id = tested.api.get_id ? tested.api.get_id() : 0;
    while (number < o->events) {
        uint32_t count = 0xdeadbeef;
        host_event_header** events = NULL;
        int32_t rc = tested.api.next_batch(state, instance, &count, &events);
        if (rc == HOST_API_RC_TIMEOUT && count == 0) {
            if (++timeouts > MAX_TIMEOUTS_IN_A_ROW) fail("next_batch timed out %d times in a row", MAX_TIMEOUTS_IN_A_ROW);
            continue;
        }
        timeouts = 0;
        if (rc == HOST_API_RC_FAILURE) fail("next_batch failed: %s", tested.api.get_last_error(state));
        if (rc != HOST_API_RC_SUCCESS && rc != HOST_API_RC_EOF && rc != HOST_API_RC_TIMEOUT)
            fail("next_batch returned the unknown code %d", rc);
        if (count == 0xdeadbeef) fail("next_batch did not set the event count");
        if (rc == HOST_API_RC_SUCCESS && count == 0) fail("unexpected 0 size event returned by plugin");
        if (count > 0 && events == NULL) fail("next_batch returned %u events and a NULL array", count);
        for (uint32_t i = 0; i < count; i++) check_plugin_event(events[i], id, number + i + 1);
        batch_copy copy;
        copy_batch(&copy, events, count);
        for (uint32_t i = 0; i < count && number < o->events; i++) {
            host_event_header* e = events[i];
            number++;
            /* the host's own copy, stamped like libscap does; the plugin's memory stays untouched */
            unsigned char* evt = malloc(e->len);
            memcpy(evt, e, e->len);
            host_event_header* mine = (host_event_header*)evt;
            if (mine->ts == UINT64_MAX) mine->ts = (uint64_t)time(NULL) * 1000000000ULL;
            uint32_t plugin_id = id;
            memcpy(evt + sizeof *mine + 8, &plugin_id, 4);
            const uint32_t* lens = (const uint32_t*)(evt + sizeof *mine);
            printf("event %ld len=%u payload=", number, mine->len);
            print_quoted((const char*)evt + sizeof *mine + 12, lens[1]);
            putchar('\n');
            deliver(state, mine, number, tested.event_source, o, ids, n_ids);
            free(evt);
        }
        verify_and_free_batch(&copy, events);
        if (rc == HOST_API_RC_EOF) break;
    }
}


/* Syscall events of --syscall-events, encoded by host_syscall.c, delivered as libsinsp delivers system events. */
typedef struct {
    void* state;
    const options* o;
    const size_t* ids;
    size_t n_ids;
} syscall_feed;

static void deliver_syscall(const host_event_header* e, long number, void* ctx) {
    const syscall_feed* f = ctx;
    printf("event %ld source=syscall type=%u len=%u\n", number, e->type, e->len);
    deliver(f->state, e, number, "syscall", f->o, f->ids, f->n_ids);
}

void feed_syscall_events(void* state, const options* o, const size_t* ids, size_t n_ids) {
    syscall_feed f = {state, o, ids, n_ids};
    char err[1024];
    if (hs_feed(o->syscall_events, deliver_syscall, &f, err, sizeof err) < 0) fail("--syscall-events: %s", err);
}
