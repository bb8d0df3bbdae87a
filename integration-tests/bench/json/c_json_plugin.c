/*
 * The C side of the JSON workload: extracts four fields of a k8s audit event (verb, user.username,
 * objectRef.resource, responseStatus.code) with json-c, parsing the payload once per extract_fields call, the way
 * C plugins of that shape do. Strings are copied into the state, where they stay valid until the next call.
 */
#include <json-c/json.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "falco_host_abi.h"

#define EXPORT __attribute__((visibility("default")))
#define HEADER 26
#define MAX_TEXT 256

typedef struct {
    char error[256];
    char texts[4][MAX_TEXT];
    const char* pointers[4];
    uint64_t numbers[4];
    json_tokener* tokener;
} state_t;

EXPORT const char* plugin_get_required_api_version(void) { return "3.0.0"; }
EXPORT const char* plugin_get_version(void) { return "0.1.0"; }
EXPORT const char* plugin_get_name(void) { return "c-json"; }
EXPORT const char* plugin_get_description(void) { return "JSON workload baseline in C"; }
EXPORT const char* plugin_get_contact(void) { return "nobody"; }
EXPORT const char* plugin_get_last_error(void* s) { return ((state_t*)s)->error; }

EXPORT const char* plugin_get_fields(void) {
    return "[{\"name\":\"audit.verb\",\"type\":\"string\",\"desc\":\"verb\"},"
           "{\"name\":\"audit.user\",\"type\":\"string\",\"desc\":\"user.username\"},"
           "{\"name\":\"audit.resource\",\"type\":\"string\",\"desc\":\"objectRef.resource\"},"
           "{\"name\":\"audit.code\",\"type\":\"uint64\",\"desc\":\"responseStatus.code\"}]";
}

EXPORT void* plugin_init(const void* in, int32_t* rc) {
    (void)in;
    state_t* s = calloc(1, sizeof(state_t));
    s->tokener = json_tokener_new();
    *rc = 0;
    return s;
}

EXPORT void plugin_destroy(void* s) {
    json_tokener_free(((state_t*)s)->tokener);
    free(s);
}

static json_object* at(json_object* root, const char* first, const char* second) {
    json_object* node = NULL;
    if (!json_object_object_get_ex(root, first, &node)) return NULL;
    if (second == NULL) return node;
    json_object* child = NULL;
    return json_object_object_get_ex(node, second, &child) ? child : NULL;
}

EXPORT int32_t plugin_extract_fields(void* st, const host_event_input* in, const host_extract_input* input) {
    state_t* s = st;
    const unsigned char* evt = (const unsigned char*)in->evt;
    uint32_t length;
    memcpy(&length, evt + HEADER + 4, 4);
    json_tokener_reset(s->tokener);
    json_object* root = json_tokener_parse_ex(s->tokener, (const char*)evt + HEADER + 12, (int)length);
    if (root == NULL) {
        strcpy(s->error, "the payload is not JSON");
        return 1;
    }
    static const char* const paths[4][2] = {{"verb", NULL}, {"user", "username"}, {"objectRef", "resource"},
                                            {"responseStatus", "code"}};
    for (uint32_t f = 0; f < input->num_fields; f++) {
        host_extract_field* field = &input->fields[f];
        uint32_t id = field->field_id;
        json_object* node = at(root, paths[id][0], paths[id][1]);
        field->res_len = 0;
        if (node == NULL) continue;
        if (id == 3) {
            s->numbers[f] = (uint64_t)json_object_get_int64(node);
            field->res.u64 = &s->numbers[f];
        } else {
            strncpy(s->texts[f], json_object_get_string(node), MAX_TEXT - 1);
            s->texts[f][MAX_TEXT - 1] = '\0';
            s->pointers[f] = s->texts[f];
            field->res.str = &s->pointers[f];
        }
        field->res_len = 1;
    }
    json_object_put(root);
    return 0;
}
