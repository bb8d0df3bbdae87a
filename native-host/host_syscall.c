/* The encoder of syscall events of host_syscall.h. */
#include "host_syscall.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HS_MAX_PARAMS 32

typedef struct {
    unsigned char* data;
    size_t len;
    size_t cap;
    char* err;
    size_t errlen;
} hs_buf;

static int hs_error(hs_buf* b, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

static int hs_error(hs_buf* b, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    vsnprintf(b->err, b->errlen, fmt, args);
    va_end(args);
    return -1;
}

static int put(hs_buf* b, const void* bytes, size_t n) {
    if (n > b->cap - b->len) return hs_error(b, "the event is longer than %d bytes", HS_MAX_EVENT);
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    return 0;
}

static int put_le(hs_buf* b, uint64_t value, int width) {
    unsigned char bytes[8];
    for (int i = 0; i < width; i++) bytes[i] = (unsigned char)(value >> (8 * i));
    return put(b, bytes, (size_t)width);
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The hex digits of text up to end, as bytes. */
static int put_hex(hs_buf* b, const char* text, const char* end) {
    if ((end - text) % 2 != 0) return hs_error(b, "odd number of hex digits in '%.*s'", (int)(end - text), text);
    for (const char* p = text; p < end; p += 2) {
        int hi = hex_digit(p[0]), lo = hex_digit(p[1]);
        if (hi < 0 || lo < 0) return hs_error(b, "not hex: '%.*s'", (int)(end - text), text);
        unsigned char byte = (unsigned char)(hi << 4 | lo);
        if (put(b, &byte, 1)) return -1;
    }
    return 0;
}

/* Text with %XX escapes up to end, then NUL unless nul is 0. */
static int put_text(hs_buf* b, const char* text, const char* end, int nul) {
    for (const char* p = text; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '%') {
            if (end - p < 3 || hex_digit(p[1]) < 0 || hex_digit(p[2]) < 0) return hs_error(b, "bad %% escape in '%s'", text);
            c = (unsigned char)(hex_digit(p[1]) << 4 | hex_digit(p[2]));
            p += 2;
        }
        if (put(b, &c, 1)) return -1;
    }
    return nul ? put(b, "", 1) : 0;
}

static int number(hs_buf* b, const char* text, uint64_t* out) {
    char* end;
    errno = 0;
    *out = text[0] == '-' ? (uint64_t)strtoll(text, &end, 0) : (uint64_t)strtoull(text, &end, 0);
    if (errno != 0 || end == text || *end != '\0') return hs_error(b, "not a number: '%s'", text);
    return 0;
}

/* The width of an integer type, 0 if the type is not an integer. */
static int integer_width(const char* type) {
    static const struct {
        const char* name;
        int width;
    } widths[] = {{"INT8", 1},      {"UINT8", 1},       {"SIGTYPE", 1},  {"FLAGS8", 1},     {"ENUMFLAGS8", 1},
                  {"L4PROTO", 1},   {"SOCKFAMILY", 1},  {"INT16", 2},    {"UINT16", 2},     {"FLAGS16", 2},
                  {"ENUMFLAGS16", 2}, {"SYSCALLID", 2}, {"PORT", 2},     {"INT32", 4},      {"UINT32", 4},
                  {"FLAGS32", 4},   {"ENUMFLAGS32", 4}, {"UID", 4},      {"GID", 4},        {"MODE", 4},
                  {"SIGSET", 4},    {"FD32", 4},        {"PID32", 4},    {"BOOL", 4},       {"IPV4ADDR", 4},
                  {"INT64", 8},     {"UINT64", 8},      {"ERRNO", 8},    {"FD", 8},         {"PID", 8},
                  {"RELTIME", 8},   {"ABSTIME", 8}};
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
        if (strcmp(widths[i].name, type) == 0) return widths[i].width;
    return 0;
}

/* A.B.C.D:PORT (network-order address, host-order port) at text; *next after it. */
static int put_inet(hs_buf* b, const char* text, const char** next) {
    char address[64];
    const char* colon = strchr(text, ':');
    if (colon == NULL || (size_t)(colon - text) >= sizeof address) return hs_error(b, "want A.B.C.D:PORT in '%s'", text);
    memcpy(address, text, (size_t)(colon - text));
    address[colon - text] = '\0';
    struct in_addr in;
    if (inet_pton(AF_INET, address, &in) != 1) return hs_error(b, "not an IPv4 address: '%s'", address);
    char* end;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (end == colon + 1 || port > 65535) return hs_error(b, "not a port in '%s'", text);
    *next = end;
    return put(b, &in.s_addr, 4) || put_le(b, port, 2);
}

/* HEX32:PORT at text; *next after it. */
static int put_inet6(hs_buf* b, const char* text, const char** next) {
    const char* colon = strchr(text, ':');
    if (colon == NULL || colon - text != 32) return hs_error(b, "want 32 hex digits:PORT in '%s'", text);
    if (put_hex(b, text, colon)) return -1;
    char* end;
    unsigned long port = strtoul(colon + 1, &end, 10);
    if (end == colon + 1 || port > 65535) return hs_error(b, "not a port in '%s'", text);
    *next = end;
    return put_le(b, port, 2);
}

static int put_family(hs_buf* b, unsigned char family) {
    return put(b, &family, 1);
}

static int put_sockaddr(hs_buf* b, const char* value) {
    const char* next;
    if (strcmp(value, "none") == 0) return 0;
    if (strncmp(value, "inet:", 5) == 0) return put_family(b, 2) || put_inet(b, value + 5, &next);
    if (strncmp(value, "inet6:", 6) == 0) return put_family(b, 10) || put_inet6(b, value + 6, &next);
    if (strncmp(value, "unix:", 5) == 0) return put_family(b, 1) || put_text(b, value + 5, value + strlen(value), 1);
    return hs_error(b, "unknown socket address '%s'", value);
}

static int put_socktuple(hs_buf* b, const char* value) {
    const char* next;
    if (strcmp(value, "none") == 0) return 0;
    if (strncmp(value, "inet:", 5) == 0) {
        if (put_family(b, 2) || put_inet(b, value + 5, &next)) return -1;
        if (*next != '>') return hs_error(b, "want SOURCE>DESTINATION in '%s'", value);
        return put_inet(b, next + 1, &next);
    }
    if (strncmp(value, "inet6:", 6) == 0) {
        if (put_family(b, 10) || put_inet6(b, value + 6, &next)) return -1;
        if (*next != '>') return hs_error(b, "want SOURCE>DESTINATION in '%s'", value);
        return put_inet6(b, next + 1, &next);
    }
    if (strncmp(value, "unix:", 5) == 0) {
        char* end;
        unsigned long long source = strtoull(value + 5, &end, 16);
        if (*end != '>') return hs_error(b, "want unix:SOURCE>DEST:PATH in '%s'", value);
        unsigned long long destination = strtoull(end + 1, &end, 16);
        if (*end != ':') return hs_error(b, "want unix:SOURCE>DEST:PATH in '%s'", value);
        return put_family(b, 1) || put_le(b, source, 8) || put_le(b, destination, 8) ||
               put_text(b, end + 1, end + 1 + strlen(end + 1), 1);
    }
    return hs_error(b, "unknown socket tuple '%s'", value);
}

static int put_fdlist(hs_buf* b, const char* value) {
    size_t count_at = b->len;
    uint64_t count = 0;
    if (put_le(b, 0, 2)) return -1;
    for (const char* p = value; *p != '\0';) {
        char* end;
        long long fd = strtoll(p, &end, 10);
        if (end == p || *end != ':') return hs_error(b, "want FD:FLAGS,... in '%s'", value);
        unsigned long flags = strtoul(end + 1, &end, 10);
        if (put_le(b, (uint64_t)fd, 8) || put_le(b, flags, 2)) return -1;
        count++;
        p = *end == ',' ? end + 1 : end;
        if (*end != ',' && *end != '\0') return hs_error(b, "want FD:FLAGS,... in '%s'", value);
    }
    for (int i = 0; i < 2; i++) b->data[count_at + (size_t)i] = (unsigned char)(count >> (8 * i));
    return 0;
}

static int put_dynamic(hs_buf* b, const char* value) {
    char* end;
    unsigned long index = strtoul(value, &end, 10);
    if (end == value || *end != ':' || index > 255) return hs_error(b, "want INDEX:HEX in '%s'", value);
    return put_le(b, index, 1) || put_hex(b, end + 1, end + 1 + strlen(end + 1));
}

static int put_param(hs_buf* b, const char* type, const char* value) {
    if (strcmp(value, "~") == 0) return 0;
    int width = integer_width(type);
    if (width > 0) {
        uint64_t n;
        return number(b, value, &n) || put_le(b, n, width);
    }
    if (strcmp(type, "CHARBUF") == 0 || strcmp(type, "FSPATH") == 0 || strcmp(type, "FSRELPATH") == 0)
        return put_text(b, value, value + strlen(value), 1);
    if (strcmp(type, "BYTEBUF") == 0 || strcmp(type, "RAW") == 0) return put_hex(b, value, value + strlen(value));
    if (strcmp(type, "SOCKADDR") == 0) return put_sockaddr(b, value);
    if (strcmp(type, "SOCKTUPLE") == 0) return put_socktuple(b, value);
    if (strcmp(type, "FDLIST") == 0) return put_fdlist(b, value);
    if (strcmp(type, "DYN") == 0) return put_dynamic(b, value);
    return hs_error(b, "unknown parameter type '%s'", type);
}

int hs_encode(const char* line, unsigned char* evt, uint64_t ts, uint64_t tid, char* err, size_t errlen) {
    char copy[HS_MAX_EVENT];
    snprintf(copy, sizeof copy, "%s", line);
    unsigned char params[HS_MAX_EVENT];
    hs_buf b = {params, 0, sizeof params, err, errlen};
    uint32_t lengths[HS_MAX_PARAMS];
    uint32_t count = 0;
    char* save;
    char* token = strtok_r(copy, " \t\r\n", &save);
    uint64_t code;
    if (token == NULL || number(&b, token, &code) || code > 0xffff) return hs_error(&b, "want an event type code first: '%s'", line);
    int large = 0;
    while ((token = strtok_r(NULL, " \t\r\n", &save)) != NULL) {
        if (strcmp(token, "large") == 0 && count == 0) {
            large = 1;
            continue;
        }
        char* equals = strchr(token, '=');
        if (equals == NULL) return hs_error(&b, "want TYPE=VALUE, not '%s'", token);
        if (count == HS_MAX_PARAMS) return hs_error(&b, "more than %d parameters", HS_MAX_PARAMS);
        *equals = '\0';
        size_t before = b.len;
        if (put_param(&b, token, equals + 1)) return -1;
        lengths[count] = (uint32_t)(b.len - before);
        if (!large && lengths[count] > 0xffff) return hs_error(&b, "parameter %u has %u bytes, over 16 bits", count, lengths[count]);
        count++;
    }
    size_t size_of_length = large ? 4 : 2;
    size_t total = sizeof(host_event_header) + count * size_of_length + b.len;
    if (total > HS_MAX_EVENT) return hs_error(&b, "the event is longer than %d bytes", HS_MAX_EVENT);
    host_event_header header = {ts, tid, (uint32_t)total, (uint16_t)code, count};
    memcpy(evt, &header, sizeof header);
    unsigned char* p = evt + sizeof header;
    for (uint32_t i = 0; i < count; i++, p += size_of_length) {
        if (large) memcpy(p, &lengths[i], 4);
        else {
            uint16_t length = (uint16_t)lengths[i];
            memcpy(p, &length, 2);
        }
    }
    memcpy(p, params, b.len);
    return 0;
}

long hs_feed(const char* path, void (*deliver)(const host_event_header* e, long number, void* ctx), void* ctx,
             char* err, size_t errlen) {
    FILE* in = fopen(path, "r");
    if (in == NULL) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    static unsigned char evt[HS_MAX_EVENT];
    static char line[HS_MAX_EVENT];
    long number = 0;
    int line_number = 0;
    while (fgets(line, sizeof line, in) != NULL) {
        line_number++;
        const char* start = line + strspn(line, " \t");
        if (*start == '#' || *start == '\n' || *start == '\0') continue;
        char why[512];
        number++;
        uint64_t tid = (uint64_t)(1000 + number);
        if (strncmp(start, "tid=", 4) == 0) {
            char* end = NULL;
            tid = strtoull(start + 4, &end, 10);
            if (end == start + 4 || (*end != ' ' && *end != '\t')) {
                snprintf(err, errlen, "%s:%d: tid= needs a number followed by the event", path, line_number);
                fclose(in);
                return -1;
            }
            start = end + strspn(end, " \t");
        }
        if (hs_encode(start, evt, 1700000000000000000ULL + (uint64_t)number, tid, why, sizeof why)) {
            snprintf(err, errlen, "%s:%d: %s", path, line_number, why);
            fclose(in);
            return -1;
        }
        deliver((const host_event_header*)evt, number, ctx);
    }
    fclose(in);
    return number;
}
