/*
 * The C baseline of the benchmarks: the same plugin as bench/java, written directly against the plugin API.
 * Source: batches of 128 plugin events with a 64-byte payload. Fields: bench.count (uint64, the event number),
 * bench.message (string, "bench event"), bench.even (bool, the number is even), bench.first (uint64, the first
 * payload byte), bench.words (a list of eight strings), bench.parsed (uint64, events parsed), bench.payload (string, a
 * pointer to the payload in the event, a C string).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "falco_host_abi.h"

#define EXPORT __attribute__((visibility("default")))
#define HEADER 26
#define PAYLOAD 64
#define BATCH 128
#define EVENT_SIZE (HEADER + 12 + PAYLOAD)

typedef struct {
    char error[128];
    uint64_t u64[4];
    uint32_t boolean;
    const char* message;
    const char* strings[4];
    uint64_t parsed;
} state_t;

static const char* const words[8] = {"word0", "word1", "word2", "word3", "word4", "word5", "word6", "word7"};

typedef struct {
    uint64_t next;
    unsigned char events[BATCH][EVENT_SIZE];
    void* pointers[BATCH];
} instance_t;

EXPORT const char* plugin_get_required_api_version(void) { return "3.0.0"; }
EXPORT const char* plugin_get_version(void) { return "0.1.0"; }
EXPORT const char* plugin_get_name(void) { return "c-bench"; }
EXPORT const char* plugin_get_description(void) { return "benchmark baseline in C"; }
EXPORT const char* plugin_get_contact(void) { return "nobody"; }
EXPORT uint32_t plugin_get_id(void) { return 999; }
EXPORT const char* plugin_get_event_source(void) { return "bench"; }
EXPORT const char* plugin_get_last_error(void* s) { return ((state_t*)s)->error; }
EXPORT void plugin_destroy(void* s) { free(s); }

EXPORT const char* plugin_get_fields(void) {
    return "[{\"name\":\"bench.count\",\"type\":\"uint64\",\"desc\":\"the event number\"},"
           "{\"name\":\"bench.message\",\"type\":\"string\",\"desc\":\"a constant text\"},"
           "{\"name\":\"bench.even\",\"type\":\"bool\",\"desc\":\"whether the number is even\"},"
           "{\"name\":\"bench.first\",\"type\":\"uint64\",\"desc\":\"the first payload byte\"},"
           "{\"name\":\"bench.words\",\"type\":\"string\",\"isList\":true,\"desc\":\"eight constant words\"},"
           "{\"name\":\"bench.parsed\",\"type\":\"uint64\",\"desc\":\"the number of events parsed so far\"},"
           "{\"name\":\"bench.payload\",\"type\":\"string\",\"desc\":\"the payload, pointed at in the event\"}]";
}

EXPORT void* plugin_init(const void* in, int32_t* rc) {
    (void)in;
    state_t* s = calloc(1, sizeof(state_t));
    s->message = "bench event";
    *rc = 0;
    return s;
}

EXPORT void* plugin_open(void* s, const char* params, int32_t* rc) {
    (void)s;
    (void)params;
    instance_t* i = calloc(1, sizeof(instance_t));
    *rc = 0;
    return i;
}

EXPORT void plugin_close(void* s, void* h) {
    (void)s;
    free(h);
}

EXPORT int32_t plugin_next_batch(void* s, void* h, uint32_t* nevts, void*** evts) {
    (void)s;
    instance_t* i = h;
    static const unsigned char payload[PAYLOAD] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde";
    for (int n = 0; n < BATCH; n++) {
        unsigned char* e = i->events[n];
        uint64_t ts = UINT64_MAX, tid = UINT64_MAX;
        uint32_t len = EVENT_SIZE, nparams = 2, id_len = 4, data_len = PAYLOAD, id = 999;
        uint16_t type = 322;
        memcpy(e, &ts, 8);
        memcpy(e + 8, &tid, 8);
        memcpy(e + 16, &len, 4);
        memcpy(e + 20, &type, 2);
        memcpy(e + 22, &nparams, 4);
        memcpy(e + HEADER, &id_len, 4);
        memcpy(e + HEADER + 4, &data_len, 4);
        memcpy(e + HEADER + 8, &id, 4);
        memcpy(e + HEADER + 12, payload, PAYLOAD);
        i->pointers[n] = e;
    }
    i->next += BATCH;
    *nevts = BATCH;
    *evts = i->pointers;
    return 0;
}

EXPORT int32_t plugin_extract_fields(void* s, const host_event_input* in, const host_extract_input* input) {
    state_t* st = s;
    for (uint32_t f = 0; f < input->num_fields; f++) {
        host_extract_field* field = &input->fields[f];
        field->res_len = 1;
        switch (field->field_id) {
            case 0:
                st->u64[f] = in->evtnum;
                field->res.u64 = &st->u64[f];
                break;
            case 1:
                field->res.str = &st->message;
                break;
            case 2:
                st->boolean = in->evtnum % 2 == 0;
                field->res.boolean = &st->boolean;
                break;
            case 3:
                st->u64[f] = ((const unsigned char*)in->evt)[HEADER + 12];
                field->res.u64 = &st->u64[f];
                break;
            case 4:
                field->res.str = (const char**)words;
                field->res_len = 8;
                break;
            case 6:
                st->strings[f] = (const char*)in->evt + HEADER + 12;
                field->res.str = &st->strings[f];
                break;
            default:
                st->u64[f] = st->parsed;
                field->res.u64 = &st->u64[f];
        }
    }
    return 0;
}

EXPORT int32_t plugin_parse_event(void* s, const host_event_input* in, const void* input) {
    (void)in;
    (void)input;
    ((state_t*)s)->parsed++;
    return 0;
}
