/* What every source of the test host uses: failing loudly, printing texts, JSON, the owners' callbacks, init. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

hosted_plugin tested = {.prints = "", .whose = "", .owner = &main_owner, .event_source = ""};
hosted_plugin with = {.prints = "with ", .whose = "the --with plugin's ", .owner = &with_owner, .event_source = ""};
ht_owner main_owner, with_owner;
__thread ht_owner* thread_owner;

void fail(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    fflush(stdout);
    fputs("FAIL: ", stderr);
    vfprintf(stderr, fmt, args);
    fputc('\n', stderr);
    va_end(args);
    exit(1);
}

/* Writes s in double quotes with C escapes for quotes, backslashes and control bytes; UTF-8 passes through. */
void quote(FILE* out, const char* s, size_t n) {
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c < 0x20 || c == 0x7F) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputc('"', out);
}

void print_quoted(const char* s, size_t n) {
    quote(stdout, s, n);
}

int valid_utf8(const char* s) {
    const unsigned char* p = (const unsigned char*)s;
    while (*p) {
        int n;
        unsigned cp;
        if (*p < 0x80) { p++; continue; }
        if ((*p & 0xE0) == 0xC0) { n = 2; cp = *p & 0x1F; }
        else if ((*p & 0xF0) == 0xE0) { n = 3; cp = *p & 0x0F; }
        else if ((*p & 0xF8) == 0xF0) { n = 4; cp = *p & 0x07; }
        else return 0;
        for (int i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        p += n;
    }
    return 1;
}

int parse_json(const char* text, json_object** out, char* err, size_t size) {
    json_tokener* tokener = json_tokener_new();
    if (tokener == NULL) fail("out of memory for the JSON parser");
    json_tokener_set_flags(tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    size_t length = strlen(text);
    *out = json_tokener_parse_ex(tokener, text, (int)length);
    enum json_tokener_error error = json_tokener_get_error(tokener);
    size_t end = json_tokener_get_parse_end(tokener);
    json_tokener_free(tokener);
    if (error == json_tokener_success && end == length) return 1;
    if (error == json_tokener_success) {
        snprintf(err, size, "unexpected text after the value at byte %zu", end);
        json_object_put(*out);
    } else if (error == json_tokener_continue) {
        snprintf(err, size, "the text ends inside a value");
    } else {
        snprintf(err, size, "%s at byte %zu", json_tokener_error_desc(error), end);
    }
    *out = NULL;
    return 0;
}

const char* owner_last_error(void* owner) {
    if (!ht_is_owner(owner)) fail("a callback got an owner that is not one the host passed");
    return ht_owner_last_error(owner);
}

void log_message(void* owner, const char* component, const char* msg, int severity) {
    if (!ht_is_owner(owner)) fail("log_fn got an owner that is not one the host passed");
    printf("%slog %d %s: %s\n", owner == &with_owner ? "with " : "", severity, component ? component : "-", msg ? msg : "(null)");
}


void* init_hosted(const hosted_plugin* p, ht_owner* owner, const char* config, int tables, int32_t* rc) {
    /* Vtables outlive the call, as libsinsp's do: a plugin calling a kept one out of turn meets the access rules. */
    static __thread ht_inputs inputs;
    ht_fill_inputs(&inputs);
    host_init_input in = {config, owner, owner_last_error, tables ? &inputs.init : NULL, log_message};
    *rc = 0x7777;
    ht_enter(owner, HT_PHASE_INIT);
    void* state = p->api.init(&in, rc);
    ht_leave(owner);
    return state;
}
