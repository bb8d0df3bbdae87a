/* A small strict JSON (RFC 8259) parser for the test host: whole-document parse into a tree, UTF-8 checked. */
#ifndef FALCO_TEST_HOST_JSON_H
#define FALCO_TEST_HOST_JSON_H

#include <stddef.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value {
    json_type type;
    int boolean;
    double number;
    char* string;               /* JSON_STRING: decoded UTF-8, NUL-terminated */
    size_t count;               /* JSON_ARRAY / JSON_OBJECT: number of items */
    struct json_value** items;  /* array items, or object values */
    char** keys;                /* object keys */
} json_value;

/* Parses text; on failure returns NULL and writes why (with the byte offset) into err. */
json_value* json_parse(const char* text, char* err, size_t err_size);
void json_free(json_value* value);
/* The value of key in an object, or NULL. */
const json_value* json_get(const json_value* object, const char* key);

#endif
