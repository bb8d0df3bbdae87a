#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char* text;
    size_t pos;
    char* err;
    size_t err_size;
    int depth;
} parser;

static json_value* parse_value(parser* p);

static int fail(parser* p, const char* why) {
    if (p->err[0] == '\0') {
        snprintf(p->err, p->err_size, "%s at byte %zu", why, p->pos);
    }
    return 0;
}

static void skip_ws(parser* p) {
    while (p->text[p->pos] == ' ' || p->text[p->pos] == '\t' || p->text[p->pos] == '\n' || p->text[p->pos] == '\r') {
        p->pos++;
    }
}

static json_value* new_value(json_type type) {
    json_value* v = calloc(1, sizeof(json_value));
    if (v == NULL) {
        abort();
    }
    v->type = type;
    return v;
}

static void append_byte(char** buf, size_t* len, size_t* cap, char c) {
    if (*len + 1 >= *cap) {
        *cap = *cap ? *cap * 2 : 32;
        *buf = realloc(*buf, *cap);
        if (*buf == NULL) {
            abort();
        }
    }
    (*buf)[(*len)++] = c;
    (*buf)[*len] = '\0';
}

static void append_utf8(char** buf, size_t* len, size_t* cap, unsigned cp) {
    if (cp < 0x80) {
        append_byte(buf, len, cap, (char)cp);
    } else if (cp < 0x800) {
        append_byte(buf, len, cap, (char)(0xC0 | (cp >> 6)));
        append_byte(buf, len, cap, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        append_byte(buf, len, cap, (char)(0xE0 | (cp >> 12)));
        append_byte(buf, len, cap, (char)(0x80 | ((cp >> 6) & 0x3F)));
        append_byte(buf, len, cap, (char)(0x80 | (cp & 0x3F)));
    } else {
        append_byte(buf, len, cap, (char)(0xF0 | (cp >> 18)));
        append_byte(buf, len, cap, (char)(0x80 | ((cp >> 12) & 0x3F)));
        append_byte(buf, len, cap, (char)(0x80 | ((cp >> 6) & 0x3F)));
        append_byte(buf, len, cap, (char)(0x80 | (cp & 0x3F)));
    }
}

static int hex4(parser* p, unsigned* out) {
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->text[p->pos++];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return fail(p, "bad \\u escape");
    }
    *out = v;
    return 1;
}

/* Length of the valid UTF-8 sequence at s, or 0. */
static int utf8_length(const unsigned char* s) {
    if (s[0] < 0x80) return 1;
    int n;
    unsigned cp;
    if ((s[0] & 0xE0) == 0xC0) { n = 2; cp = s[0] & 0x1F; }
    else if ((s[0] & 0xF0) == 0xE0) { n = 3; cp = s[0] & 0x0F; }
    else if ((s[0] & 0xF8) == 0xF0) { n = 4; cp = s[0] & 0x07; }
    else return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

static char* parse_string_raw(parser* p) {
    if (p->text[p->pos] != '"') {
        fail(p, "expected a string");
        return NULL;
    }
    p->pos++;
    char* buf = NULL;
    size_t len = 0, cap = 0;
    append_byte(&buf, &len, &cap, '\0');
    len = 0;
    for (;;) {
        unsigned char c = (unsigned char)p->text[p->pos];
        if (c == '"') {
            p->pos++;
            return buf;
        }
        if (c == '\0') {
            fail(p, "unterminated string");
            break;
        }
        if (c < 0x20) {
            fail(p, "control character in string");
            break;
        }
        if (c == '\\') {
            p->pos++;
            char e = p->text[p->pos++];
            switch (e) {
                case '"': append_byte(&buf, &len, &cap, '"'); break;
                case '\\': append_byte(&buf, &len, &cap, '\\'); break;
                case '/': append_byte(&buf, &len, &cap, '/'); break;
                case 'b': append_byte(&buf, &len, &cap, '\b'); break;
                case 'f': append_byte(&buf, &len, &cap, '\f'); break;
                case 'n': append_byte(&buf, &len, &cap, '\n'); break;
                case 'r': append_byte(&buf, &len, &cap, '\r'); break;
                case 't': append_byte(&buf, &len, &cap, '\t'); break;
                case 'u': {
                    unsigned cp;
                    if (!hex4(p, &cp)) goto error;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low;
                        if (p->text[p->pos] != '\\' || p->text[p->pos + 1] != 'u') {
                            fail(p, "unpaired surrogate escape");
                            goto error;
                        }
                        p->pos += 2;
                        if (!hex4(p, &low)) goto error;
                        if (low < 0xDC00 || low > 0xDFFF) {
                            fail(p, "unpaired surrogate escape");
                            goto error;
                        }
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail(p, "unpaired surrogate escape");
                        goto error;
                    }
                    append_utf8(&buf, &len, &cap, cp);
                    break;
                }
                default:
                    p->pos--;
                    fail(p, "bad escape");
                    goto error;
            }
            continue;
        }
        int n = utf8_length((const unsigned char*)p->text + p->pos);
        if (n == 0) {
            fail(p, "invalid UTF-8 in string");
            break;
        }
        for (int i = 0; i < n; i++) {
            append_byte(&buf, &len, &cap, p->text[p->pos++]);
        }
    }
error:
    free(buf);
    return NULL;
}

static json_value* parse_number(parser* p) {
    size_t start = p->pos;
    if (p->text[p->pos] == '-') p->pos++;
    if (p->text[p->pos] == '0') {
        p->pos++;
    } else if (p->text[p->pos] >= '1' && p->text[p->pos] <= '9') {
        while (p->text[p->pos] >= '0' && p->text[p->pos] <= '9') p->pos++;
    } else {
        fail(p, "bad number");
        return NULL;
    }
    if (p->text[p->pos] == '.') {
        p->pos++;
        if (!(p->text[p->pos] >= '0' && p->text[p->pos] <= '9')) { fail(p, "bad number"); return NULL; }
        while (p->text[p->pos] >= '0' && p->text[p->pos] <= '9') p->pos++;
    }
    if (p->text[p->pos] == 'e' || p->text[p->pos] == 'E') {
        p->pos++;
        if (p->text[p->pos] == '+' || p->text[p->pos] == '-') p->pos++;
        if (!(p->text[p->pos] >= '0' && p->text[p->pos] <= '9')) { fail(p, "bad number"); return NULL; }
        while (p->text[p->pos] >= '0' && p->text[p->pos] <= '9') p->pos++;
    }
    json_value* v = new_value(JSON_NUMBER);
    v->number = strtod(p->text + start, NULL);
    return v;
}

static int add_item(json_value* v, char* key, json_value* item) {
    v->items = realloc(v->items, (v->count + 1) * sizeof(json_value*));
    if (v->items == NULL) abort();
    v->items[v->count] = item;
    if (v->type == JSON_OBJECT) {
        v->keys = realloc(v->keys, (v->count + 1) * sizeof(char*));
        if (v->keys == NULL) abort();
        v->keys[v->count] = key;
    }
    v->count++;
    return 1;
}

static json_value* parse_container(parser* p, int object) {
    char close = object ? '}' : ']';
    json_value* v = new_value(object ? JSON_OBJECT : JSON_ARRAY);
    p->pos++;
    if (++p->depth > 64) {
        fail(p, "nesting too deep");
        json_free(v);
        return NULL;
    }
    skip_ws(p);
    if (p->text[p->pos] == close) {
        p->pos++;
        p->depth--;
        return v;
    }
    for (;;) {
        char* key = NULL;
        skip_ws(p);
        if (object) {
            key = parse_string_raw(p);
            if (key == NULL) break;
            for (size_t i = 0; i < v->count; i++) {
                if (strcmp(v->keys[i], key) == 0) {
                    fail(p, "duplicate object key");
                    free(key);
                    goto error;
                }
            }
            skip_ws(p);
            if (p->text[p->pos] != ':') {
                fail(p, "expected ':'");
                free(key);
                break;
            }
            p->pos++;
        }
        json_value* item = parse_value(p);
        if (item == NULL) {
            free(key);
            break;
        }
        add_item(v, key, item);
        skip_ws(p);
        if (p->text[p->pos] == ',') {
            p->pos++;
            continue;
        }
        if (p->text[p->pos] == close) {
            p->pos++;
            p->depth--;
            return v;
        }
        fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
        break;
    }
error:
    json_free(v);
    return NULL;
}

static int literal(parser* p, const char* word) {
    size_t n = strlen(word);
    if (strncmp(p->text + p->pos, word, n) != 0) return fail(p, "unexpected token");
    p->pos += n;
    return 1;
}

static json_value* parse_value(parser* p) {
    skip_ws(p);
    char c = p->text[p->pos];
    if (c == '{') return parse_container(p, 1);
    if (c == '[') return parse_container(p, 0);
    if (c == '"') {
        char* s = parse_string_raw(p);
        if (s == NULL) return NULL;
        json_value* v = new_value(JSON_STRING);
        v->string = s;
        return v;
    }
    if (c == 't' || c == 'f') {
        if (!literal(p, c == 't' ? "true" : "false")) return NULL;
        json_value* v = new_value(JSON_BOOL);
        v->boolean = c == 't';
        return v;
    }
    if (c == 'n') {
        if (!literal(p, "null")) return NULL;
        return new_value(JSON_NULL);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
    fail(p, c == '\0' ? "unexpected end of text" : "unexpected character");
    return NULL;
}

json_value* json_parse(const char* text, char* err, size_t err_size) {
    parser p = {text, 0, err, err_size, 0};
    err[0] = '\0';
    json_value* v = parse_value(&p);
    if (v == NULL) return NULL;
    skip_ws(&p);
    if (text[p.pos] != '\0') {
        fail(&p, "text after the JSON value");
        json_free(v);
        return NULL;
    }
    return v;
}

void json_free(json_value* v) {
    if (v == NULL) return;
    for (size_t i = 0; i < v->count; i++) {
        json_free(v->items[i]);
        if (v->keys) free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->string);
    free(v);
}

const json_value* json_get(const json_value* object, const char* key) {
    if (object == NULL || object->type != JSON_OBJECT) return NULL;
    for (size_t i = 0; i < object->count; i++) {
        if (strcmp(object->keys[i], key) == 0) return object->items[i];
    }
    return NULL;
}
