/*
 * falco-test-host: loads a Falco plugin library the way libsinsp's plugin loader does, checks what the real
 * loader checks, drives it (init, open, next_batch, extract_fields, event_to_string, close, destroy) and prints
 * what it saw in a stable format. Anything a real host would refuse, or that would corrupt a real host, is a
 * loud failure: a line starting with "FAIL: " on stderr and exit code 1.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ctype.h>
#include <inttypes.h>
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "falco_host_abi.h"
#include "host_leaks.h"
#include "host_tables.h"
#include "host_syscall.h"
#include "json.h"

#define MAX_FIELDS 256
#define MAX_TIMEOUTS_IN_A_ROW 1000

enum { CAP_SOURCE = 1, CAP_EXTRACT = 2, CAP_PARSE = 4, CAP_ASYNC = 8, CAP_CAPTURE_LISTEN = 16 };

static const char* const COMMON_SYMBOLS[] = {
    "get_required_api_version", "get_version", "get_name", "get_description", "get_contact", "init", "destroy",
    "get_last_error", "get_init_schema", "set_config", "get_metrics", "get_required_event_schema_version", NULL};
static const char* const REQUIRED_SYMBOLS[] = {
    "get_required_api_version", "get_version", "get_name", "get_description", "get_contact", "init", "destroy",
    "get_last_error", NULL};
static const struct {
    int cap;
    const char* name;
    const char* symbols[9];
} CAPABILITY_SYMBOLS[] = {
    {CAP_SOURCE, "source", {"get_id", "get_event_source", "open", "close", "next_batch", "get_progress",
                            "list_open_params", "event_to_string", NULL}},
    {CAP_EXTRACT, "extract", {"get_fields", "extract_fields", "get_extract_event_sources", "get_extract_event_types", NULL}},
    {CAP_PARSE, "parse", {"parse_event", "get_parse_event_types", "get_parse_event_sources", NULL}},
    {CAP_ASYNC, "async", {"get_async_events", "set_async_event_handler", "get_async_event_sources", "dump_state", NULL}},
    {CAP_CAPTURE_LISTEN, "capture-listen", {"capture_open", "capture_close", NULL}},
};
#define CAPABILITY_COUNT (sizeof CAPABILITY_SYMBOLS / sizeof CAPABILITY_SYMBOLS[0])

typedef struct {
    const char* (*get_required_api_version)(void);
    const char* (*get_version)(void);
    const char* (*get_name)(void);
    const char* (*get_description)(void);
    const char* (*get_contact)(void);
    const char* (*get_init_schema)(int32_t*);
    void* (*init)(const host_init_input*, int32_t*);
    void (*destroy)(void*);
    const char* (*get_last_error)(void*);
    uint32_t (*get_id)(void);
    const char* (*get_event_source)(void);
    void* (*open)(void*, const char*, int32_t*);
    void (*close)(void*, void*);
    int32_t (*next_batch)(void*, void*, uint32_t*, host_event_header***);
    const char* (*event_to_string)(void*, const host_event_input*);
    const char* (*get_fields)(void);
    int32_t (*extract_fields)(void*, const host_event_input*, const host_extract_input*);
    const char* (*get_extract_event_sources)(void);
    uint16_t* (*get_extract_event_types)(uint32_t*, void*);
    int32_t (*parse_event)(void*, const host_event_input*, const void*);
    uint16_t* (*get_parse_event_types)(uint32_t*, void*);
    const char* (*get_parse_event_sources)(void);
    const char* (*get_async_events)(void);
    const char* (*get_async_event_sources)(void);
    int32_t (*set_async_event_handler)(void*, void*, host_async_handler);
    int32_t (*capture_open)(void*, const void*);
    int32_t (*capture_close)(void*, const void*);
    const char* (*list_open_params)(void*, int32_t*);
    const char* (*get_progress)(void*, void*, uint32_t*);
    host_metric* (*get_metrics)(void*, uint32_t*);
} plugin_api;

typedef struct {
    char name[256];
    int ftype;
    int is_list;
    int arg_index;
    int arg_key;
    int arg_required;
} field_info;

/* One field a rule uses: a field id and its argument, as libsinsp's filtercheck passes it. */
typedef struct {
    size_t id;
    int arg_present;
    uint64_t arg_index;
    char arg_key[128];
    char label[512];
} field_request;

typedef struct {
    unsigned api_major, api_minor, api_patch;
    const char* config;
    const char* open_params;
    long events;
    long cycles;
    const char* fields;
    const char* expect_caps;
    int metadata_only;
    int expect_init_failure;
    int allow_extract_failure;
    long stack_kib;
    int signals;
    int list_jar_files;
    int malformed_events;
    int skip_config_check;
    long soak_events;
    long threads;
    const char* library;
    long expect_async;
    long feed_events;
    const char* feed_source;
    long feed_id;
    long feed_type;
    const char* alloc_probe;
    int check_leaks;
    int reload;
    const char* leak_probe;
    hl_limits leak_limits;
    const char* syscall_events;
} options;

/* The options of the tables: entries of the threads table, tables to print, the --with plugin and its config. */
static struct {
    long thread_entries;
    const char* dump_tables;
    const char* with;
    const char* with_config;
} table_options = {0, NULL, NULL, ""};

static plugin_api api;


static field_info fields[MAX_FIELDS];
/* The fields the run extracts, with their arguments; the ids arrays index into it. */
static field_request selection[MAX_FIELDS];
static size_t field_count;
static int caps;
static const char* event_source = "";
/* The owners the host passes: the plugin under test, and the --with plugin that shares its tables. */
static ht_owner main_owner, with_owner;
/* The owner of the plugin state a --threads thread drives; NULL on the main thread, whose owner is main_owner. */
static __thread ht_owner* thread_owner;

static void fail(const char* fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#ifdef FALCO_HOST_STATIC
/* Statically linked plugins, registered by a file compiled with the host (name, API struct; NULL-terminated). */
typedef struct {
    const char* name;
    const void* api;
} host_static_plugin;
extern const host_static_plugin host_static_plugins[];

static const void* static_plugin(const char* name) {
    for (int i = 0; host_static_plugins[i].name != NULL; i++)
        if (strcmp(host_static_plugins[i].name, name) == 0) return host_static_plugins[i].api;
    fail("no statically linked plugin is registered as '%s'", name);
}
#else
static const void* static_plugin(const char* name) {
    fail("this host has no statically linked plugins (looked for '%s'); build it with -DFALCO_HOST_STATIC", name);
}
#endif
static void fail(const char* fmt, ...) {
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
static void quote(FILE* out, const char* s, size_t n) {
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

static void print_quoted(const char* s, size_t n) {
    quote(stdout, s, n);
}

static int valid_utf8(const char* s) {
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

/* The members of plugin_api (API 3.12), in order: how a host reads a statically linked plugin's struct. */
static const char* const API_LAYOUT[] = {
    "get_required_api_version", "get_init_schema", "init", "destroy", "get_last_error", "get_name",
    "get_description", "get_contact", "get_version", "get_id", "get_event_source", "open", "close",
    "list_open_params", "get_progress", "event_to_string", "next_batch", "get_extract_event_types",
    "get_extract_event_sources", "get_fields", "extract_fields", "get_parse_event_types", "get_parse_event_sources",
    "parse_event", "get_async_event_sources", "get_async_events", "set_async_event_handler", "dump_state",
    "set_config", "get_metrics", "capture_open", "capture_close", "get_required_event_schema_version", NULL};
#define API_LAYOUT_SIZE (sizeof API_LAYOUT / sizeof API_LAYOUT[0] - 1)
#define API_DUMP_STATE 27
#define API_SET_CONFIG 28

/* A statically linked plugin: its struct, copied and fixed up the way libsinsp's plugin_load_api does. */
static void* static_api[API_LAYOUT_SIZE];
static int static_mode;

static void* symbol(void* handle, const char* name) {
    if (static_mode) {
        for (size_t i = 0; i < API_LAYOUT_SIZE; i++)
            if (strcmp(API_LAYOUT[i], name) == 0) return static_api[i];
        return NULL;
    }
    char full[128];
    snprintf(full, sizeof full, "plugin_%s", name);
    return dlsym(handle, full);
}

static void load_static(const void* api_struct) {
    memcpy(static_api, api_struct, sizeof static_api);
    const char* (*version)(void) = (const char* (*)(void))static_api[0];
    unsigned major, minor, patch;
    if (version == NULL) fail("plugin_get_required_api_version symbol not implemented");
    if (sscanf(version(), "%u.%u.%u", &major, &minor, &patch) != 3)
        fail("plugin provided an invalid required API version: '%s'", version());
    if (major == 3 && minor < 10) {
        memmove(&static_api[API_SET_CONFIG], &static_api[API_DUMP_STATE],
                (API_LAYOUT_SIZE - API_SET_CONFIG) * sizeof(void*));
        static_api[API_DUMP_STATE] = NULL;
    }
    static_mode = 1;
}

static int in_list(const char* name, const char* const* list) {
    for (int i = 0; list[i] != NULL; i++) {
        if (strcmp(list[i], name) == 0) return 1;
    }
    return 0;
}

/* Every defined, exported plugin_* symbol of the library file must be a plugin API function. */
static void check_exported_symbols(const char* path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) fail("cannot read %s: %s", path, strerror(errno));
    unsigned char* image = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (image == MAP_FAILED) fail("cannot map %s", path);
    const Elf64_Ehdr* eh = (const Elf64_Ehdr*)image;
    if ((size_t)st.st_size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64)
        fail("%s is not a 64-bit ELF file", path);
    const Elf64_Shdr* sections = (const Elf64_Shdr*)(image + eh->e_shoff);
    for (int i = 0; i < eh->e_shnum; i++) {
        if (sections[i].sh_type != SHT_DYNSYM) continue;
        const Elf64_Sym* syms = (const Elf64_Sym*)(image + sections[i].sh_offset);
        const char* names = (const char*)(image + sections[sections[i].sh_link].sh_offset);
        size_t count = sections[i].sh_size / sizeof(Elf64_Sym);
        for (size_t k = 0; k < count; k++) {
            const char* name = names + syms[k].st_name;
            int binding = ELF64_ST_BIND(syms[k].st_info);
            if (syms[k].st_shndx == SHN_UNDEF || (binding != STB_GLOBAL && binding != STB_WEAK)) continue;
            if (strncmp(name, "plugin_", 7) != 0) continue;
            int known = in_list(name + 7, COMMON_SYMBOLS);
            for (size_t c = 0; c < CAPABILITY_COUNT && !known; c++) known = in_list(name + 7, CAPABILITY_SYMBOLS[c].symbols);
            if (!known) fail("the library exports %s, which is not a plugin API function", name);
        }
    }
    munmap(image, (size_t)st.st_size);
}

static void load(plugin_api* target, void* handle) {
#define RESOLVE(member) *(void**)(&target->member) = symbol(handle, #member)
    RESOLVE(get_required_api_version);
    RESOLVE(get_version);
    RESOLVE(get_name);
    RESOLVE(get_description);
    RESOLVE(get_contact);
    RESOLVE(get_init_schema);
    RESOLVE(init);
    RESOLVE(destroy);
    RESOLVE(get_last_error);
    RESOLVE(get_id);
    RESOLVE(get_event_source);
    RESOLVE(open);
    RESOLVE(close);
    RESOLVE(next_batch);
    RESOLVE(event_to_string);
    RESOLVE(get_fields);
    RESOLVE(extract_fields);
    RESOLVE(get_extract_event_sources);
    RESOLVE(get_extract_event_types);
    RESOLVE(parse_event);
    RESOLVE(get_parse_event_types);
    RESOLVE(get_parse_event_sources);
    RESOLVE(get_async_events);
    RESOLVE(get_async_event_sources);
    RESOLVE(set_async_event_handler);
    RESOLVE(capture_open);
    RESOLVE(capture_close);
    RESOLVE(list_open_params);
    RESOLVE(get_progress);
    RESOLVE(get_metrics);
#undef RESOLVE
}

static void parse_version(const char* what, const char* text, unsigned* major, unsigned* minor, unsigned* patch) {
    int used = 0;
    if (text == NULL) fail("%s is NULL", what);
    if (sscanf(text, "%u.%u.%u%n", major, minor, patch, &used) != 3 || text[used] != '\0')
        fail("%s '%s' is not major.minor.patch", what, text);
}

static void check_api_version(const options* o, const char* required) {
    unsigned major, minor, patch;
    parse_version("plugin_get_required_api_version", required, &major, &minor, &patch);
    const char* why = NULL;
    if (major != o->api_major) why = "major versions disagree";
    else if (o->api_minor < minor) why = "framework's minor is less than the requested one";
    else if (o->api_minor == minor && o->api_patch < patch) why = "framework's patch is less than the requested one";
    if (why != NULL)
        fail("plugin required API version '%s' not compatible with the framework's API version '%u.%u.%u': %s",
             required, o->api_major, o->api_minor, o->api_patch, why);
}

static void infer_capabilities(void) {
    if (api.open && api.close && api.next_batch) {
        int has_id = api.get_id != NULL && api.get_id() != 0;
        int has_source = api.get_event_source != NULL && api.get_event_source() != NULL && api.get_event_source()[0];
        if (has_id != has_source)
            fail("broken plugin capabilities: must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither");
        caps |= CAP_SOURCE;
    } else if (api.open || api.close || api.next_batch) {
        fail("broken plugin capabilities: must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch'");
    }
    if (api.get_fields && api.extract_fields) caps |= CAP_EXTRACT;
    else if (api.extract_fields) fail("broken plugin capabilities: must implement both 'plugin_get_fields' and 'plugin_extract_fields'");
    if (api.parse_event) caps |= CAP_PARSE;
    if (api.get_async_events && api.set_async_event_handler) caps |= CAP_ASYNC;
    else if (api.set_async_event_handler) fail("broken plugin capabilities: async needs get_async_events and set_async_event_handler");
    if (api.capture_open && api.capture_close) caps |= CAP_CAPTURE_LISTEN;
    else if (api.capture_open) fail("broken plugin capabilities: capture listening needs capture_open and capture_close");
    if (caps == 0) fail("plugin does not implement any capability");
}

static void check_expected_capabilities(void* handle, const char* expected) {
    int want = 0;
    char list[256];
    snprintf(list, sizeof list, "%s", expected);
    for (char* item = strtok(list, ","); item != NULL; item = strtok(NULL, ",")) {
        size_t c = 0;
        while (c < CAPABILITY_COUNT && strcmp(CAPABILITY_SYMBOLS[c].name, item) != 0) c++;
        if (c == CAPABILITY_COUNT) fail("unknown capability '%s' in --expect-caps", item);
        want |= CAPABILITY_SYMBOLS[c].cap;
    }
    for (size_t c = 0; c < CAPABILITY_COUNT; c++) {
        int cap = CAPABILITY_SYMBOLS[c].cap;
        if ((want & cap) && !(caps & cap)) fail("capability %s was expected but the library does not implement it", CAPABILITY_SYMBOLS[c].name);
        if (want & cap) continue;
        for (int s = 0; CAPABILITY_SYMBOLS[c].symbols[s] != NULL; s++) {
            if (symbol(handle, CAPABILITY_SYMBOLS[c].symbols[s]) != NULL)
                fail("the library exports plugin_%s of the undeclared capability %s", CAPABILITY_SYMBOLS[c].symbols[s],
                     CAPABILITY_SYMBOLS[c].name);
        }
    }
}

static int type_code(const char* name) {
    static const struct { const char* name; int code; } types[] = {
        {"uint64", HOST_FTYPE_UINT64}, {"string", HOST_FTYPE_STRING}, {"bool", HOST_FTYPE_BOOL},
        {"reltime", HOST_FTYPE_RELTIME}, {"abstime", HOST_FTYPE_ABSTIME}, {"ipaddr", HOST_FTYPE_IPADDR},
        {"ipnet", HOST_FTYPE_IPNET}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcmp(types[i].name, name) == 0) return types[i].code;
    return 0;
}

static const char* optional_bool(const json_value* entry, const char* key, const char* field) {
    const json_value* v = json_get(entry, key);
    if (v != NULL && v->type != JSON_BOOL) fail("field %s: %s is not a boolean", field, key);
    return v != NULL && v->boolean ? "1" : "0";
}

static void describe_arg(const json_value* arg, const char* field, char* out, size_t size, field_info* info) {
    info->arg_index = info->arg_key = info->arg_required = 0;
    if (arg == NULL) {
        snprintf(out, size, "none");
        return;
    }
    if (arg->type != JSON_OBJECT) fail("field %s: arg is not an object", field);
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

/* Reads and checks the fields JSON of plugin into out, printing each field after prefix; returns the number of fields. */
static size_t check_fields(const plugin_api* plugin, field_info* out, const char* prefix) {
    const char* text = plugin->get_fields();
    char err[256];
    if (text == NULL) fail("get_fields returned a null string");
    json_value* root = json_parse(text, err, sizeof err);
    if (root == NULL) fail("get_fields returned an invalid JSON: %s", err);
    if (root->type != JSON_ARRAY) fail("get_fields returned an invalid JSON: not an array");
    if (root->count == 0) fail("plugins with extraction capability must export at least one field");
    if (root->count > MAX_FIELDS) fail("more than %d fields", MAX_FIELDS);
    for (size_t i = 0; i < root->count; i++) {
        const json_value* entry = root->items[i];
        if (entry->type != JSON_OBJECT) fail("field JSON entry %zu is not an object", i);
        const json_value* name = json_get(entry, "name");
        const json_value* type = json_get(entry, "type");
        const json_value* desc = json_get(entry, "desc");
        if (type == NULL || type->type != JSON_STRING || !type->string[0]) fail("field JSON entry %zu has no type", i);
        if (name == NULL || name->type != JSON_STRING || !name->string[0]) fail("field JSON entry %zu has no name", i);
        if (desc == NULL || desc->type != JSON_STRING || !desc->string[0]) fail("field %s has no desc", name->string);
        if (type_code(type->string) == 0) fail("field %s: invalid field type %s", name->string, type->string);
        const json_value* display = json_get(entry, "display");
        if (display != NULL && display->type != JSON_STRING) fail("field %s: display is not a string", name->string);
        const json_value* properties = json_get(entry, "properties");
        if (properties != NULL) {
            if (properties->type != JSON_ARRAY) fail("field %s: properties is not an array", name->string);
            for (size_t p = 0; p < properties->count; p++)
                if (properties->items[p]->type != JSON_STRING) fail("field %s: a property is not a string", name->string);
        }
        for (size_t k = 0; k < i; k++)
            if (strcmp(out[k].name, name->string) == 0) fail("field %s is declared twice", name->string);
        if (strlen(name->string) >= sizeof out[i].name) fail("field name %s is too long", name->string);
        const char* is_list = optional_bool(entry, "isList", name->string);
        optional_bool(entry, "addOutput", name->string);
        char arg[64];
        describe_arg(json_get(entry, "arg"), name->string, arg, sizeof arg, &out[i]);
        snprintf(out[i].name, sizeof out[i].name, "%s", name->string);
        out[i].ftype = type_code(type->string);
        out[i].is_list = is_list[0] == '1';
        printf("%sfield %s type=%s list=%s arg=%s", prefix, name->string, type->string, is_list, arg);
        if (display != NULL) {
            printf(" display=");
            print_quoted(display->string, strlen(display->string));
        }
        if (properties != NULL) {
            printf(" properties=");
            for (size_t p = 0; p < properties->count; p++) printf("%s%s", p ? "," : "", properties->items[p]->string);
        }
        if (optional_bool(entry, "addOutput", name->string)[0] == '1') printf(" addOutput");
        printf(" desc=");
        print_quoted(desc->string, strlen(desc->string));
        putchar('\n');
    }
    size_t count = root->count;
    json_free(root);
    if (plugin->get_extract_event_sources) {
        const char* sources = plugin->get_extract_event_sources();
        if (sources == NULL) fail("get_extract_event_sources returned NULL");
        json_value* list = json_parse(sources, err, sizeof err);
        if (list == NULL || list->type != JSON_ARRAY) fail("get_extract_event_sources is not a JSON array: %s", sources);
        for (size_t i = 0; i < list->count; i++)
            if (list->items[i]->type != JSON_STRING) fail("get_extract_event_sources has a non-string entry");
        json_free(list);
    }
    return count;
}

static void print_metadata(void) {
    unsigned major, minor, patch;
    parse_version("plugin_get_version", api.get_version(), &major, &minor, &patch);
    const char* texts[] = {api.get_name(), api.get_description(), api.get_contact()};
    const char* labels[] = {"name", "description", "contact"};
    for (int i = 0; i < 3; i++) {
        if (texts[i] == NULL) fail("plugin_get_%s returned NULL", labels[i]);
        if (!valid_utf8(texts[i])) fail("plugin_get_%s is not valid UTF-8", labels[i]);
    }
    if (caps & CAP_SOURCE) {
        event_source = api.get_event_source ? api.get_event_source() : "";
        if (strcmp(event_source, "syscall") == 0) fail("plugin can't implement the reserved event source 'syscall'");
    }
    printf("plugin name=%s version=%s api=%s id=%u source=%s\n", api.get_name(), api.get_version(),
           api.get_required_api_version(), api.get_id ? api.get_id() : 0, event_source);
    printf("description=");
    print_quoted(api.get_description(), strlen(api.get_description()));
    printf("\ncontact=");
    print_quoted(api.get_contact(), strlen(api.get_contact()));
    if (api.get_init_schema) {
        int32_t type = 0x7777;
        const char* schema = api.get_init_schema(&type);
        if (type == 0x7777) fail("get_init_schema did not set the schema type");
        printf("\ninit schema (type %d)=", type);
        print_quoted(schema ? schema : "", schema ? strlen(schema) : 0);
    }
    printf("\ncapabilities");
    for (size_t c = 0; c < CAPABILITY_COUNT; c++)
        if (caps & CAPABILITY_SYMBOLS[c].cap) printf(" %s", CAPABILITY_SYMBOLS[c].name);
    putchar('\n');
}

static const char* owner_last_error(void* owner) {
    if (!ht_is_owner(owner)) fail("a callback got an owner that is not one the host passed");
    return ht_owner_last_error(owner);
}

static void log_message(void* owner, const char* component, const char* msg, int severity) {
    if (!ht_is_owner(owner)) fail("log_fn got an owner that is not one the host passed");
    printf("%slog %d %s: %s\n", owner == &with_owner ? "with " : "", severity, component ? component : "-", msg ? msg : "(null)");
}

/* The rendering of one extracted value, so that repeated extractions can be compared exactly. */
typedef struct {
    char text[8192];
} rendered;

static void render_value(const host_extract_field* f, const field_info* info, rendered* out) {
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
static int32_t call_extract(void* state, const host_event_input* in, const size_t* ids, size_t n,
                            host_extract_field* requests, int poison) {
    ht_owner* owner = thread_owner != NULL ? thread_owner : &main_owner;
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
    host_table_reader_vtable_ext reader;
    ht_reader_vtables(&input.table_reader, &reader);
    input.table_reader_ext = &reader;
    ht_enter(owner, HT_PHASE_EXTRACT);
    int32_t rc = api.extract_fields(state, in, &input);
    ht_leave(owner);
    return rc;
}


/* ---- event filters, parsing, capture listening, async events, metrics, open params, progress ---- */

typedef struct {
    uint16_t types[512];
    uint32_t count;
    int any_type;
    char sources[1024];
} event_filter;

static event_filter extract_filter, parse_filter;

static int has_own_source(void) {
    return (caps & CAP_SOURCE) && event_source[0] != '\0';
}

/* libsinsp's rule: no types (or none exported) means every type for syscall-compatible sources, else plugin events. */
static void resolve_filter(const char* what, uint16_t* (*get_types)(uint32_t*, void*), const char* (*get_sources)(void),
                           void* state, int own_source, event_filter* f) {
    memset(f, 0, sizeof *f);
    if (get_sources != NULL) {
        const char* sources = get_sources();
        char err[256];
        if (sources == NULL) fail("get_%s_event_sources returned NULL", what);
        json_value* list = json_parse(sources, err, sizeof err);
        if (list == NULL || list->type != JSON_ARRAY) fail("get_%s_event_sources is not a JSON array: %s", what, sources);
        for (size_t i = 0; i < list->count; i++)
            if (list->items[i]->type != JSON_STRING) fail("get_%s_event_sources has a non-string entry", what);
        json_free(list);
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

static void parse_one(void* state, const host_event_input* in) {
    host_parse_input input;
    memset(&input, 0, sizeof input);
    input.owner = &main_owner;
    input.get_owner_last_error = owner_last_error;
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
    ht_reader_vtables(&input.table_reader, &reader);
    ht_writer_vtables(&input.table_writer, &writer);
    input.table_reader_ext = &reader;
    input.table_writer_ext = &writer;
    ht_enter(&main_owner, HT_PHASE_PARSE);
    int32_t rc = api.parse_event(state, in, &input);
    ht_leave(&main_owner);
    if (rc != HOST_API_RC_SUCCESS) fail("parse_event failed (rc %d): %s", rc, api.get_last_error(state));
}

static void* routine_called(void) {
    fail("the plugin subscribed a routine, which this host does not implement");
}

static void capture_call(void* state, int open) {
    static host_routine_vtable routines = {(void*)routine_called, (void*)routine_called};
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
    ht_reader_vtables(NULL, &reader);
    ht_writer_vtables(NULL, &writer);
    host_capture_listen_input input = {&main_owner, &routines, &reader, &writer, owner_last_error};
    ht_enter(&main_owner, HT_PHASE_CAPTURE);
    int32_t rc = open ? api.capture_open(state, &input) : api.capture_close(state, &input);
    ht_leave(&main_owner);
    if (rc != HOST_API_RC_SUCCESS)
        fail("%s failed (rc %d): %s", open ? "capture_open" : "capture_close", rc, api.get_last_error(state));
    printf("capture %s\n", open ? "open" : "close");
}

#define MAX_ASYNC_RECORDS 64
static pthread_mutex_t async_lock = PTHREAD_MUTEX_INITIALIZER;
static char async_names[16][128];
static size_t async_name_count;
static char async_records[MAX_ASYNC_RECORDS][512];
static size_t async_count;
static volatile int async_withdrawn;
static char async_violation[512];

static void async_violated(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
static void async_violated(const char* fmt, ...) {
    if (async_violation[0]) return;
    va_list args;
    va_start(args, fmt);
    vsnprintf(async_violation, sizeof async_violation, fmt, args);
    va_end(args);
}

/* The async event handler: checks each event the way libsinsp's async queue does and records it. */
static int32_t async_handler(void* owner, const host_event_header* e, char* err) {
    pthread_mutex_lock(&async_lock);
    int32_t rc = HOST_API_RC_SUCCESS;
    if (async_withdrawn) async_violated("the plugin pushed an async event after its handler was withdrawn");
    if (owner != &main_owner) async_violated("the async handler got an owner that is not the one passed");
    const uint32_t* lens = (const uint32_t*)((const char*)e + sizeof *e);
    if (e->type != HOST_ASYNC_EVENT_TYPE || e->nparams != 3) {
        async_violated("async event of type %u with %u parameters, expected 402 with 3", e->type, e->nparams);
    } else if (lens[0] != 4 || (uint64_t)e->len != sizeof *e + 12 + (uint64_t)lens[0] + lens[1] + lens[2] || lens[1] < 1) {
        async_violated("async event parameters (%u, %u, %u) do not match its length %u", lens[0], lens[1], lens[2], e->len);
    } else {
        const char* name = (const char*)e + sizeof *e + 16;
        const char* data = name + lens[1];
        int known = 0;
        if (name[lens[1] - 1] != '\0') async_violated("async event name is not NUL-terminated");
        for (size_t i = 0; i < async_name_count; i++) known |= strcmp(async_names[i], name) == 0;
        if (!known) {
            snprintf(err, HOST_PLUGIN_MAX_ERRLEN, "async event '%s' is not in the plugin's list", name);
            rc = HOST_API_RC_FAILURE;
        } else if (async_count < MAX_ASYNC_RECORDS) {
            char text[300];
            size_t n = lens[2] < sizeof text - 1 ? lens[2] : sizeof text - 1;
            memcpy(text, data, n);
            text[n] = '\0';
            snprintf(async_records[async_count++], sizeof async_records[0], "async name=%s data=\"%s\"", name, text);
        }
    }
    pthread_mutex_unlock(&async_lock);
    return rc;
}

static void read_async_names(void) {
    char err[256];
    const char* names = api.get_async_events();
    if (names == NULL) fail("get_async_events returned NULL");
    json_value* list = json_parse(names, err, sizeof err);
    if (list == NULL || list->type != JSON_ARRAY || list->count == 0)
        fail("get_async_events must return a non-empty JSON array of strings: %s", names);
    async_name_count = 0;
    for (size_t i = 0; i < list->count && i < 16; i++) {
        if (list->items[i]->type != JSON_STRING) fail("get_async_events has a non-string entry");
        snprintf(async_names[async_name_count++], sizeof async_names[0], "%s", list->items[i]->string);
    }
    json_free(list);
    printf("async events: %s\n", names);
    if (api.get_async_event_sources) resolve_filter("async", NULL, api.get_async_event_sources, NULL, has_own_source(), &parse_filter);
}

static void start_async(void* state) {
    async_count = 0;
    async_withdrawn = 0;
    async_violation[0] = '\0';
    int32_t rc = api.set_async_event_handler(state, &main_owner, async_handler);
    if (rc != HOST_API_RC_SUCCESS) fail("set_async_event_handler failed (rc %d): %s", rc, api.get_last_error(state));
}

/* Waits for expected events (up to 10 s), withdraws the handler, and prints what arrived. */
static void stop_async(void* state, long expected) {
    for (int waited = 0; waited < 1000; waited++) {
        pthread_mutex_lock(&async_lock);
        size_t got = async_count;
        pthread_mutex_unlock(&async_lock);
        if ((long)got >= expected) break;
        usleep(10000);
    }
    int32_t rc = api.set_async_event_handler(state, &main_owner, NULL);
    if (rc != HOST_API_RC_SUCCESS) fail("set_async_event_handler(NULL) failed (rc %d): %s", rc, api.get_last_error(state));
    pthread_mutex_lock(&async_lock);
    async_withdrawn = 1;
    pthread_mutex_unlock(&async_lock);
    usleep(50000);
    pthread_mutex_lock(&async_lock);
    if (async_violation[0]) fail("%s", async_violation);
    if ((long)async_count < expected) fail("expected %ld async events, got %zu", expected, async_count);
    for (size_t i = 0; i < async_count; i++) puts(async_records[i]);
    pthread_mutex_unlock(&async_lock);
}

static void print_metrics(void* state) {
    static const char* const value_types[] = {"u32", "s32", "u64", "s64", "double", "float", "int"};
    uint32_t n = 0xdeadbeef;
    host_metric* metrics = api.get_metrics(state, &n);
    if (n == 0xdeadbeef) fail("get_metrics did not set the number of metrics");
    if (n > 0 && metrics == NULL) fail("get_metrics returned %u metrics and a NULL array", n);
    for (uint32_t i = 0; i < n; i++) {
        const host_metric* m = &metrics[i];
        if (m->name == NULL || !valid_utf8(m->name)) fail("metric %u has no valid name", i);
        if (m->type > 1) fail("metric %s has the unknown type %u", m->name, m->type);
        if (m->value_type > 6) fail("metric %s has the unknown value type %u", m->name, m->value_type);
        printf("metric %s %s %s=", m->name, m->type == 0 ? "monotonic" : "non-monotonic", value_types[m->value_type]);
        switch (m->value_type) {
            case 0: printf("%u\n", m->value.u32); break;
            case 1: printf("%d\n", m->value.s32); break;
            case 2: printf("%" PRIu64 "\n", m->value.u64); break;
            case 3: printf("%" PRId64 "\n", m->value.s64); break;
            case 4: printf("%g\n", m->value.d); break;
            case 5: printf("%g\n", (double)m->value.f); break;
            default: printf("%d\n", m->value.i); break;
        }
    }
}

static void check_open_params(void* state) {
    int32_t rc = 0x7777;
    const char* params = api.list_open_params(state, &rc);
    if (rc != HOST_API_RC_SUCCESS) fail("list_open_params failed (rc %d): %s", rc, api.get_last_error(state));
    if (params == NULL) fail("list_open_params returned NULL");
    char err[256];
    json_value* list = json_parse(params, err, sizeof err);
    if (list == NULL || list->type != JSON_ARRAY) fail("list_open_params is not a JSON array: %s", params);
    for (size_t i = 0; i < list->count; i++) {
        const json_value* entry = list->items[i];
        if (entry->type != JSON_OBJECT) fail("open param %zu is not an object", i);
        const json_value* value = json_get(entry, "value");
        if (value == NULL || value->type != JSON_STRING) fail("open param %zu has no string value", i);
        const char* optional[] = {"desc", "separator"};
        for (int k = 0; k < 2; k++) {
            const json_value* v = json_get(entry, optional[k]);
            if (v != NULL && v->type != JSON_STRING) fail("open param %zu: %s is not a string", i, optional[k]);
        }
    }
    json_free(list);
    printf("open params=");
    print_quoted(params, strlen(params));
    putchar('\n');
}

static void print_progress(void* state, void* instance) {
    uint32_t pct = 0xdeadbeef;
    const char* text = api.get_progress(state, instance, &pct);
    if (pct == 0xdeadbeef) fail("get_progress did not set progress_pct");
    if (pct > 10000) fail("get_progress returned %u, more than 10000", pct);
    printf("progress pct=%u text=", pct);
    if (text == NULL) printf("NULL\n");
    else {
        print_quoted(text, strlen(text));
        putchar('\n');
    }
}

/* Calls extract_fields for the requested fields; returns 0 on failure when allowed, else fails. */
static int extract(void* state, const host_event_input* in, const size_t* ids, size_t n, rendered* values, int allow_failure) {
    static host_extract_field requests[MAX_FIELDS];
    int32_t rc = call_extract(state, in, ids, n, requests, 1);
    if (rc != HOST_API_RC_SUCCESS) {
        const char* err = api.get_last_error(state);
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
    if (api.event_to_string) api.event_to_string(state, in);
    for (size_t i = 0; i < n; i++) {
        static rendered again;
        render_value(&requests[i], &fields[selection[ids[i]].id], &again);
        if (strcmp(again.text, values[i].text) != 0)
            fail("field %s: the value changed from %s to %s before the next extract_fields call", fields[selection[ids[i]].id].name,
                 values[i].text, again.text);
    }
    return 1;
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

/* ---- the --with plugin: a second plugin in the process, with its own owner and the same table registry ---- */

typedef struct {
    int loaded;
    plugin_api api;
    void* state;
    int caps;
    field_info fields[MAX_FIELDS];
    size_t field_count;
    event_filter parse_filter;
    event_filter extract_filter;
} companion_plugin;

static companion_plugin with;

static void load_companion(const options* o) {
    void* handle = dlopen(table_options.with, RTLD_LOCAL | RTLD_NOW);
    if (handle == NULL) fail("--with: can't load plugin dynamic library: %s", dlerror());
    check_exported_symbols(table_options.with);
    load(&with.api, handle);
    for (int i = 0; REQUIRED_SYMBOLS[i] != NULL; i++)
        if (symbol(handle, REQUIRED_SYMBOLS[i]) == NULL) fail("--with: required symbol not implemented: '%s'", REQUIRED_SYMBOLS[i]);
    check_api_version(o, with.api.get_required_api_version());
    if (with.api.get_fields && with.api.extract_fields) with.caps |= CAP_EXTRACT;
    if (with.api.parse_event) with.caps |= CAP_PARSE;
    if (!(with.caps & (CAP_EXTRACT | CAP_PARSE)))
        fail("--with %s: the plugin has neither parse nor extract capability, so it gets no tables", table_options.with);
    printf("with plugin name=%s version=%s api=%s\n", with.api.get_name(), with.api.get_version(),
           with.api.get_required_api_version());
    if (with.caps & CAP_EXTRACT) with.field_count = check_fields(&with.api, with.fields, "with ");
    with.loaded = 1;
}

/* Initialized after the plugin under test, as libsinsp initializes plugins in load order: it sees its tables. */
static void init_companion(void) {
    ht_inputs tables;
    ht_fill_inputs(&tables);
    ht_owner_init(&with_owner, "the --with plugin");
    host_init_input in = {table_options.with_config, &with_owner, owner_last_error, &tables.init, log_message};
    int32_t rc = 0x7777;
    ht_enter(&with_owner, HT_PHASE_INIT);
    with.state = with.api.init(&in, &rc);
    ht_leave(&with_owner);
    if (rc != HOST_API_RC_SUCCESS || with.state == NULL)
        fail("could not initialize the --with plugin: %s", with.state ? with.api.get_last_error(with.state) : "(no state)");
    ht_owner_attach(&with_owner, with.state, with.api.get_last_error);
    if (with.caps & CAP_EXTRACT)
        resolve_filter("with extract", with.api.get_extract_event_types, with.api.get_extract_event_sources, with.state, 0,
                       &with.extract_filter);
    if (with.caps & CAP_PARSE)
        resolve_filter("with parse", with.api.get_parse_event_types, with.api.get_parse_event_sources, with.state, 0,
                       &with.parse_filter);
}

static void destroy_companion(void) {
    ht_owner_detach(&with_owner);
    with.api.destroy(with.state);
    with.state = NULL;
}

static void companion_parse(const host_event_input* in) {
    host_parse_input input;
    memset(&input, 0, sizeof input);
    input.owner = &with_owner;
    input.get_owner_last_error = owner_last_error;
    host_table_reader_vtable_ext reader;
    host_table_writer_vtable_ext writer;
    ht_reader_vtables(&input.table_reader, &reader);
    ht_writer_vtables(&input.table_writer, &writer);
    input.table_reader_ext = &reader;
    input.table_writer_ext = &writer;
    ht_enter(&with_owner, HT_PHASE_PARSE);
    int32_t rc = with.api.parse_event(with.state, in, &input);
    ht_leave(&with_owner);
    if (rc != HOST_API_RC_SUCCESS) fail("the --with plugin's parse_event failed (rc %d): %s", rc, with.api.get_last_error(with.state));
    printf("  with parsed\n");
}

/* Extracts every field of the --with plugin that needs no argument, and prints them. */
static void companion_extract(const host_event_input* in) {
    static host_extract_field requests[MAX_FIELDS];
    static size_t ids[MAX_FIELDS];
    size_t n = 0;
    memset(requests, 0, sizeof requests);
    for (size_t i = 0; i < with.field_count; i++) {
        if (with.fields[i].arg_required) continue;
        requests[n].field_id = (uint32_t)i;
        requests[n].field = with.fields[i].name;
        requests[n].ftype = (uint32_t)with.fields[i].ftype;
        requests[n].flist = (uint32_t)with.fields[i].is_list;
        ids[n++] = i;
    }
    host_extract_input input;
    memset(&input, 0, sizeof input);
    input.owner = &with_owner;
    input.get_owner_last_error = owner_last_error;
    input.num_fields = (uint32_t)n;
    input.fields = requests;
    host_table_reader_vtable_ext reader;
    ht_reader_vtables(&input.table_reader, &reader);
    input.table_reader_ext = &reader;
    ht_enter(&with_owner, HT_PHASE_EXTRACT);
    int32_t rc = with.api.extract_fields(with.state, in, &input);
    ht_leave(&with_owner);
    if (rc != HOST_API_RC_SUCCESS) fail("the --with plugin's extract_fields failed (rc %d): %s", rc, with.api.get_last_error(with.state));
    for (size_t i = 0; i < n; i++) {
        static rendered value;
        render_value(&requests[i], &with.fields[ids[i]], &value);
        printf("  with %s = %s\n", with.fields[ids[i]].name, value.text);
    }
}

static void dump_tables(const char* names) {
    char list[1024];
    snprintf(list, sizeof list, "%s", names);
    for (char* name = strtok(list, ","); name != NULL; name = strtok(NULL, ","))
        if (!ht_dump(name, stdout)) printf("no table %s\n", name);
}

/* What libsinsp does with each event after sourcing it: parsing plugins, then the fields a rule asks for. */
static void deliver(void* state, const host_event_header* mine, long number, const char* source, const options* o,
                    const size_t* ids, size_t n_ids) {
    host_event_input in = {mine, (uint64_t)number, source};
    if ((caps & CAP_PARSE) && filter_accepts(&parse_filter, mine, source)) {
        parse_one(state, &in);
        printf("  parsed\n");
    }
    if (with.loaded && (with.caps & CAP_PARSE) && filter_accepts(&with.parse_filter, mine, source)) companion_parse(&in);
    if (n_ids > 0 && filter_accepts(&extract_filter, mine, source)) {
        static rendered all[MAX_FIELDS];
        if (extract(state, &in, ids, n_ids, all, o->allow_extract_failure)) {
            for (size_t f = 0; f < n_ids; f++) {
                printf("  %s = %s\n", selection[ids[f]].label, all[f].text);
                static rendered one;
                extract(state, &in, &ids[f], 1, &one, 0);
                if (strcmp(all[f].text, one.text) != 0)
                    fail("field %s: %s with the other fields but %s alone", fields[selection[ids[f]].id].name, all[f].text,
                         one.text);
            }
        }
    }
    if (with.loaded && with.field_count > 0 && filter_accepts(&with.extract_filter, mine, source)) companion_extract(&in);
    if (api.event_to_string && mine->type == HOST_PLUGIN_EVENT_TYPE && strcmp(source, event_source) == 0) {
        const char* text = api.event_to_string(state, &in);
        if (text == NULL) fail("event_to_string returned NULL: %s", api.get_last_error(state));
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
static void feed_events(void* state, const options* o, const size_t* ids, size_t n_ids) {
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

static void feed_syscall_events(void* state, const options* o, const size_t* ids, size_t n_ids) {
    syscall_feed f = {state, o, ids, n_ids};
    char err[1024];
    if (hs_feed(o->syscall_events, deliver_syscall, &f, err, sizeof err) < 0) fail("--syscall-events: %s", err);
}

static void run_events(void* state, void* instance, const options* o, const size_t* ids, size_t n_ids) {
    long number = 0;
    int timeouts = 0;
    uint32_t id = api.get_id ? api.get_id() : 0;
    while (number < o->events) {
        uint32_t count = 0xdeadbeef;
        host_event_header** events = NULL;
        int32_t rc = api.next_batch(state, instance, &count, &events);
        if (rc == HOST_API_RC_TIMEOUT && count == 0) {
            if (++timeouts > MAX_TIMEOUTS_IN_A_ROW) fail("next_batch timed out %d times in a row", MAX_TIMEOUTS_IN_A_ROW);
            continue;
        }
        timeouts = 0;
        if (rc == HOST_API_RC_FAILURE) fail("next_batch failed: %s", api.get_last_error(state));
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
            deliver(state, mine, number, event_source, o, ids, n_ids);
            free(evt);
        }
        verify_and_free_batch(&copy, events);
        if (rc == HOST_API_RC_EOF) break;
    }
}

/* Resolves one "name" or "name[arg]" the way libsinsp compiles a rule's field, with its argument rules. */
static void resolve_field(const char* text, field_request* out) {
    char name[256];
    const char* bracket = strchr(text, '[');
    size_t name_len = bracket ? (size_t)(bracket - text) : strlen(text);
    if (name_len >= sizeof name) fail("--fields: field name %s is too long", text);
    memcpy(name, text, name_len);
    name[name_len] = '\0';
    size_t i = 0;
    while (i < field_count && strcmp(fields[i].name, name) != 0) i++;
    if (i == field_count) fail("--fields names %s, which the plugin does not export", name);
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

static size_t select_fields(const options* o, size_t* ids) {
    if (!(caps & CAP_EXTRACT)) {
        if (o->fields != NULL) fail("--fields names %s, but the plugin has no field extraction capability", o->fields);
        return 0;
    }
    size_t n = 0;
    if (o->fields == NULL) {
        for (size_t i = 0; i < field_count; i++) {
            /* the leak probe is a measurement that changes as it is read, not a field under test */
            if (fields[i].arg_required || (o->leak_probe != NULL && strcmp(fields[i].name, o->leak_probe) == 0)) continue;
            resolve_field(fields[i].name, &selection[n]);
            ids[n] = n;
            n++;
        }
        return n;
    }
    char list[4096];
    snprintf(list, sizeof list, "%s", o->fields);
    for (char* name = strtok(list, ","); name != NULL && n < MAX_FIELDS; name = strtok(NULL, ",")) {
        resolve_field(name, &selection[n]);
        ids[n] = n;
        n++;
    }
    return n;
}

/* Uses about kib KiB of the calling thread's stack, as a host's own deep call chains would. */
__attribute__((noinline)) static int use_stack(long kib) {
    volatile char frame[1024];
    memset((char*)frame, (int)kib, sizeof frame);
    return kib <= 1 ? frame[7] : use_stack(kib - 1) + frame[9];
}

/* ---- operational probes: signals, the embedded jar, malformed events, soak, threads ---- */

static volatile sig_atomic_t signals_seen[65];
static const int PROBED_SIGNALS[] = {SIGINT, SIGTERM, SIGHUP, SIGUSR1};
#define PROBED_SIGNAL_COUNT (sizeof PROBED_SIGNALS / sizeof PROBED_SIGNALS[0])

static void on_signal(int sig) {
    signals_seen[sig] = 1;
}

/* The host's own handlers, installed before any plugin starts, as Falco does. */
static void install_signal_handlers(void) {
    for (size_t i = 0; i < PROBED_SIGNAL_COUNT; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        if (sigaction(PROBED_SIGNALS[i], &action, NULL) != 0) fail("cannot install a handler for signal %d", PROBED_SIGNALS[i]);
    }
}

static void check_signals(void) {
    for (size_t i = 0; i < PROBED_SIGNAL_COUNT; i++) {
        int sig = PROBED_SIGNALS[i];
        signals_seen[sig] = 0;
        raise(sig);
        if (!signals_seen[sig]) fail("signal %s did not reach the host's handler after init", strsignal(sig));
        printf("signal %s reached the host\n", strsignal(sig));
    }
}

/* Every open file whose name mentions a jar: where the plugin jar was put for the JVM to read. */
static void list_jar_files(void) {
    DIR* fds = opendir("/proc/self/fd");
    if (fds == NULL) fail("cannot list /proc/self/fd");
    struct dirent* entry;
    while ((entry = readdir(fds)) != NULL) {
        char path[512], target[1024];
        snprintf(path, sizeof path, "/proc/self/fd/%s", entry->d_name);
        ssize_t n = readlink(path, target, sizeof target - 1);
        if (n <= 0) continue;
        target[n] = '\0';
        if (strstr(target, ".jar") != NULL) printf("jar file: %s\n", target);
    }
    closedir(fds);
}

/* Extracts fields without the checks of extract(), for volume: returns rc and folds the values into *hash. */
static int32_t lean_extract(void* state, const host_event_input* in, const size_t* ids, size_t n, uint64_t* hash) {
    host_extract_field requests[MAX_FIELDS];
    int32_t rc = call_extract(state, in, ids, n, requests, 0);
    if (rc != HOST_API_RC_SUCCESS) return rc;
    for (size_t i = 0; i < n; i++) {
        for (uint64_t k = 0; k < requests[i].res_len; k++) {
            uint64_t v;
            if (fields[selection[ids[i]].id].ftype == HOST_FTYPE_STRING) {
                v = 0;
                for (const char* c = requests[i].res.str[k]; *c; c++) v = v * 31 + (unsigned char)*c;
            } else if (fields[selection[ids[i]].id].ftype == HOST_FTYPE_BOOL) {
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

/* Writes a plugin event with payload text into buf, and returns it. */
static host_event_header* make_event(unsigned char* buf, const char* payload) {
    uint32_t len = (uint32_t)strlen(payload);
    host_event_header* e = (host_event_header*)buf;
    e->ts = 1;
    e->tid = UINT64_MAX;
    e->len = (uint32_t)sizeof *e + 12 + len;
    e->type = HOST_PLUGIN_EVENT_TYPE;
    e->nparams = 2;
    uint32_t params[3] = {4, len, api.get_id ? api.get_id() : 0};
    memcpy(buf + sizeof *e, params, sizeof params);
    memcpy(buf + sizeof *e + 12, payload, len);
    return e;
}

/* Malformed events given to extract_fields must be refused with a message, and the plugin must go on working. */
static void probe_malformed_events(void* state, const size_t* ids, size_t n) {
    static const char* const what[] = {"three parameters", "length shorter than its header", "payload longer than the event",
                                       "plugin id parameter of 8 bytes"};
    for (int variant = 0; variant < 4; variant++) {
        unsigned char buf[256];
        host_event_header* e = make_event(buf, "probe 1");
        uint32_t* params = (uint32_t*)(buf + sizeof *e);
        switch (variant) {
            case 0: e->nparams = 3; break;
            case 1: e->len = 20; break;
            case 2: params[1] = 100000; break;
            default: params[0] = 8;
        }
        host_event_input in = {e, 1, event_source};
        uint64_t hash = 0;
        int32_t rc = lean_extract(state, &in, ids, n, &hash);
        const char* err = api.get_last_error(state);
        if (rc != HOST_API_RC_FAILURE) fail("a malformed event (%s) was not refused: rc %d", what[variant], rc);
        if (err == NULL || !err[0]) fail("a malformed event (%s) was refused without a last error", what[variant]);
        printf("malformed event (%s) refused: %s\n", what[variant], err);
    }
    unsigned char buf[256];
    host_event_input in = {make_event(buf, "probe 1"), 1, event_source};
    uint64_t hash = 0;
    int32_t rc = lean_extract(state, &in, ids, n, &hash);
    if (rc != HOST_API_RC_SUCCESS) fail("extraction fails after malformed events: %s", api.get_last_error(state));
    printf("a valid event after them is extracted\n");
}

static long resident_kib(void) {
    FILE* status = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    while (status != NULL && fgets(line, sizeof line, status)) {
        if (strncmp(line, "VmRSS:", 6) == 0) kib = atol(line + 6);
    }
    if (status != NULL) fclose(status);
    return kib;
}

/* Pulls events from one open instance and extracts all fields of each; returns how many were taken. */
/* A uint64 field the soak extracts at each report: the plugin's count of bytes its calls allocated on this thread. */
static const size_t* alloc_probe;

static long pull_and_extract(void* state, void* instance, long events, const size_t* ids, size_t n, uint64_t* hash,
                             long* number, long report_every) {
    long taken = 0;
    int timeouts = 0;
    while (taken < events) {
        uint32_t count = 0;
        host_event_header** batch = NULL;
        int32_t rc = api.next_batch(state, instance, &count, &batch);
        if (rc == HOST_API_RC_FAILURE) fail("next_batch failed: %s", api.get_last_error(state));
        if (rc == HOST_API_RC_TIMEOUT && count == 0) {
            if (++timeouts > MAX_TIMEOUTS_IN_A_ROW) fail("next_batch timed out %d times in a row", MAX_TIMEOUTS_IN_A_ROW);
            continue;
        }
        timeouts = 0;
        for (uint32_t i = 0; i < count && taken < events; i++) {
            host_event_input in = {batch[i], (uint64_t)++*number, event_source};
            if (n > 0 && lean_extract(state, &in, ids, n, hash) != HOST_API_RC_SUCCESS)
                fail("extract_fields failed at event %ld: %s", *number, api.get_last_error(state));
            taken++;
            if (report_every > 0 && *number % report_every == 0) {
                printf("soak %ld events: VmRSS %ld KiB", *number, resident_kib());
                if (alloc_probe != NULL) {
                    host_extract_field probe[1];
                    if (call_extract(state, &in, alloc_probe, 1, probe, 0) != HOST_API_RC_SUCCESS || probe[0].res_len != 1)
                        fail("the allocation probe field could not be extracted: %s", api.get_last_error(state));
                    printf(", %" PRIu64 " bytes allocated on this thread", probe[0].res.u64[0]);
                }
                putchar('\n');
            }
        }
        if (rc == HOST_API_RC_EOF) break;
    }
    return taken;
}

/* Sources and extracts o->soak_events events in this process, reopening the source at its end, reporting RSS. */
static void soak(void* state, const options* o, const size_t* ids, size_t n) {
    long number = 0;
    static size_t probe_id;
    alloc_probe = NULL;
    if (o->alloc_probe != NULL) {
        probe_id = MAX_FIELDS - 1;
        resolve_field(o->alloc_probe, &selection[probe_id]);
        if (fields[selection[probe_id].id].ftype != HOST_FTYPE_UINT64) fail("--alloc-probe %s is not a uint64 field", o->alloc_probe);
        alloc_probe = &probe_id;
    }
    uint64_t hash = 14695981039346656037ULL;
    printf("soak start: VmRSS %ld KiB\n", resident_kib());
    while (number < o->soak_events) {
        int32_t rc = 0x7777;
        void* instance = api.open(state, o->open_params, &rc);
        if (rc != HOST_API_RC_SUCCESS || instance == NULL) fail("open failed during the soak: %s", api.get_last_error(state));
        long taken = pull_and_extract(state, instance, o->soak_events - number, ids, n, &hash, &number, o->soak_events / 10);
        api.close(state, instance);
        if (taken == 0) fail("the source gave no event during the soak");
    }
}

typedef struct {
    const options* o;
    const size_t* ids;
    size_t n;
    uint64_t hash;
    long taken;
    ht_owner owner;
} thread_job;

static void* extraction_thread(void* arg) {
    thread_job* job = arg;
    thread_owner = &job->owner;
    ht_inputs tables;
    ht_fill_inputs(&tables);
    host_init_input in = {job->o->config, &job->owner, owner_last_error,
                          (caps & (CAP_PARSE | CAP_EXTRACT)) ? &tables.init : NULL, log_message};
    int32_t rc = 0x7777;
    ht_enter(&job->owner, HT_PHASE_INIT);
    void* state = api.init(&in, &rc);
    ht_leave(&job->owner);
    if (rc != HOST_API_RC_SUCCESS || state == NULL) fail("init failed in a thread: %s", state ? api.get_last_error(state) : "");
    ht_owner_attach(&job->owner, state, api.get_last_error);
    void* instance = api.open(state, job->o->open_params, &rc);
    if (rc != HOST_API_RC_SUCCESS || instance == NULL) fail("open failed in a thread: %s", api.get_last_error(state));
    long number = 0;
    job->hash = 14695981039346656037ULL;
    job->taken = pull_and_extract(state, instance, job->o->events, job->ids, job->n, &job->hash, &number, 0);
    api.close(state, instance);
    ht_owner_detach(&job->owner);
    api.destroy(state);
    return NULL;
}

/* o->threads host threads, each with its own plugin state, source and extractions at once: same results in all. */
static void run_threads(const options* o, const size_t* ids, size_t n) {
    static pthread_t threads[64];
    static thread_job jobs[64];
    long count = o->threads > 64 ? 64 : o->threads;
    for (long t = 0; t < count; t++) {
        jobs[t].o = o;
        jobs[t].ids = ids;
        jobs[t].n = n;
        jobs[t].hash = 0;
        jobs[t].taken = 0;
        ht_owner_init(&jobs[t].owner, "a plugin state of --threads");
        if (pthread_create(&threads[t], NULL, extraction_thread, &jobs[t]) != 0) fail("cannot start thread %ld", t);
    }
    for (long t = 0; t < count; t++) pthread_join(threads[t], NULL);
    for (long t = 1; t < count; t++) {
        if (jobs[t].taken != jobs[0].taken || jobs[t].hash != jobs[0].hash)
            fail("thread %ld extracted different values (%ld events, hash %016" PRIx64 ") than thread 0 (%ld, %016" PRIx64 ")",
                 t, jobs[t].taken, jobs[t].hash, jobs[0].taken, jobs[0].hash);
    }
    printf("threads %ld: %ld events each, identical values\n", count, jobs[0].taken);
}

/*
 * What libsinsp does with init_config before init when the plugin exports a JSON schema: an empty config becomes
 * "{}", and a config that is not JSON is refused (libsinsp then validates it against the schema).
 */
static const char* checked_config(const options* o) {
    if (api.get_init_schema == NULL || o->skip_config_check) return o->config;
    int32_t type = 0x7777;
    const char* schema = api.get_init_schema(&type);
    if (schema == NULL || schema[0] == '\0' || type == 0) return o->config;
    if (type != 1) fail("get_init_schema returned an unknown schema type %d", type);
    char err[256];
    json_value* parsed = json_parse(schema, err, sizeof err);
    if (parsed == NULL || parsed->type != JSON_OBJECT) fail("get_init_schema did not return a json object: %s", err);
    json_free(parsed);
    const char* config = o->config[0] == '\0' ? "{}" : o->config;
    parsed = json_parse(config, err, sizeof err);
    if (parsed == NULL) fail("init config is not a valid json: %s", err);
    json_free(parsed);
    return config;
}

/* What the last cycle measured, for the leak check. */
static hl_cycle last_cycle;

static int exports_field(const char* name) {
    for (size_t i = 0; i < field_count; i++)
        if (strcmp(fields[i].name, name) == 0) return 1;
    return 0;
}

/* The value of the uint64 field named by --leak-probe (the plugin's loaded classes), extracted on a plugin event. */
static long leak_probe_value(void* state, const char* name) {
    static size_t probe_id = MAX_FIELDS - 1;
    resolve_field(name, &selection[probe_id]);
    if (fields[selection[probe_id].id].ftype != HOST_FTYPE_UINT64) fail("--leak-probe %s is not a uint64 field", name);
    unsigned char buf[256];
    host_event_input in = {make_event(buf, "leak probe"), 1, event_source};
    host_extract_field probe[1];
    if (call_extract(state, &in, &probe_id, 1, probe, 0) != HOST_API_RC_SUCCESS || probe[0].res_len != 1)
        fail("the leak probe field %s could not be extracted: %s", name, api.get_last_error(state));
    return (long)probe[0].res.u64[0];
}

static int run_cycle(const options* o, long cycle, const size_t* ids, size_t n_ids) {
    ht_inputs tables;
    ht_fill_inputs(&tables);
    ht_owner_init(&main_owner, "the plugin");
    host_init_input in = {checked_config(o), &main_owner, owner_last_error,
                          (caps & (CAP_PARSE | CAP_EXTRACT)) ? &tables.init : NULL, log_message};
    int32_t rc = 0x7777;
    hl_cycle measured = {0, 0, -1};
    double started = hl_now_ms();
    ht_enter(&main_owner, HT_PHASE_INIT);
    void* state = api.init(&in, &rc);
    ht_leave(&main_owner);
    measured.init_ms = hl_now_ms() - started;
    if (rc == 0x7777) fail("init did not set rc");
    if (rc != HOST_API_RC_SUCCESS) {
        const char* err = state ? api.get_last_error(state) : NULL;
        if (state && (err == NULL || !err[0])) fail("init failed (rc %d) without a last error", rc);
        if (!o->expect_init_failure) fail("could not initialize plugin: %s", err ? err : "(no state)");
        printf("init failed: %s\n", err ? err : "(no state)");
        ht_owner_detach(&main_owner);
        if (state) api.destroy(state);
        return 0;
    }
    if (state == NULL) fail("init succeeded but returned a NULL state");
    if (o->expect_init_failure) fail("init succeeded but a failure was expected");
    ht_owner_attach(&main_owner, state, api.get_last_error);
    printf("cycle %ld\n", cycle);
    if (with.loaded) init_companion();
    if (o->stack_kib > 0) {
        use_stack(o->stack_kib);
        printf("used %ld KiB of the host thread's stack after init\n", o->stack_kib);
    }
    if (o->signals) check_signals();
    if (o->list_jar_files) list_jar_files();
    if (caps & CAP_EXTRACT)
        resolve_filter("extract", api.get_extract_event_types, api.get_extract_event_sources, state, has_own_source(),
                       &extract_filter);
    if (caps & CAP_PARSE)
        resolve_filter("parse", api.get_parse_event_types, api.get_parse_event_sources, state, has_own_source(), &parse_filter);
    if (api.list_open_params) check_open_params(state);
    if (caps & CAP_CAPTURE_LISTEN) capture_call(state, 1);
    if (caps & CAP_ASYNC) {
        read_async_names();
        start_async(state);
    }
    if (o->soak_events > 0 && (caps & CAP_SOURCE)) {
        soak(state, o, ids, n_ids);
    } else if (caps & CAP_SOURCE) {
        rc = 0x7777;
        void* instance = api.open(state, o->open_params, &rc);
        if (rc != HOST_API_RC_SUCCESS) fail("open failed (rc %d): %s", rc, api.get_last_error(state));
        if (instance == NULL) fail("open succeeded but returned a NULL instance");
        run_events(state, instance, o, ids, n_ids);
        if (api.get_progress) print_progress(state, instance);
        api.close(state, instance);
    }
    if (o->feed_events > 0) feed_events(state, o, ids, n_ids);
    if (o->syscall_events != NULL) feed_syscall_events(state, o, ids, n_ids);
    if (caps & CAP_ASYNC) stop_async(state, o->expect_async);
    if (caps & CAP_CAPTURE_LISTEN) capture_call(state, 0);
    if (api.get_metrics) print_metrics(state);
    if (o->malformed_events && (caps & CAP_EXTRACT)) probe_malformed_events(state, ids, n_ids);
    if (table_options.dump_tables) dump_tables(table_options.dump_tables);
    if (o->leak_probe != NULL && (!o->reload || exports_field(o->leak_probe)))
        measured.classes = leak_probe_value(state, o->leak_probe);
    if (with.loaded) destroy_companion();
    ht_owner_detach(&main_owner);
    started = hl_now_ms();
    api.destroy(state);
    measured.destroy_ms = hl_now_ms() - started;
    last_cycle = measured;
    return 1;
}

/*
 * Loads one plugin (a library path, or static:NAME) and checks it like the loader; returns the dlopen handle (NULL
 * for a static plugin). Fills ids with the fields the run extracts.
 */
static void* load_target(const options* o, const char* target, int print, size_t* ids, size_t* n_ids) {
    memset(&api, 0, sizeof api);
    memset(static_api, 0, sizeof static_api);
    static_mode = 0;
    caps = 0;
    field_count = 0;
    event_source = "";

    void* handle = NULL;
    if (strncmp(target, "static:", 7) == 0) {
        load_static(static_plugin(target + 7));
    } else {
        handle = dlopen(target, RTLD_LOCAL | RTLD_NOW);
        if (handle == NULL) fail("can't load plugin dynamic library: %s", dlerror());
        check_exported_symbols(target);
    }
    load(&api, handle);
    for (int i = 0; REQUIRED_SYMBOLS[i] != NULL; i++)
        if (symbol(handle, REQUIRED_SYMBOLS[i]) == NULL) fail("required symbol not implemented: '%s'", REQUIRED_SYMBOLS[i]);
    check_api_version(o, api.get_required_api_version());
    infer_capabilities();
    if (o->expect_caps != NULL) check_expected_capabilities(handle, o->expect_caps);
    if (print) print_metadata();
    if (caps & CAP_EXTRACT) field_count = check_fields(&api, fields, "");
    *n_ids = select_fields(o, ids);
    return handle;
}

/* dlclose, as a host that unloads plugins between restarts does; says whether the library really went away. */
static void unload_target(void* handle, const char* target) {
    if (handle == NULL) return;
    memset(&api, 0, sizeof api);
    if (dlclose(handle) != 0) fail("dlclose of %s failed: %s", target, dlerror());
    void* still = dlopen(target, RTLD_NOW | RTLD_NOLOAD);
    if (still != NULL) {
        dlclose(still);
        printf("unload: %s stayed loaded after dlclose\n", target);
    } else {
        printf("unload: %s unloaded\n", target);
    }
}

/*
 * How long the leak check lets the process rest before sampling a cycle: the cycles it compares (the last of the
 * warm-up, and the last) wait the quiet period, the others only until the process is idle.
 */
static long quiet_before_sample(const options* o, long cycle) {
    return cycle == o->leak_limits.warmup || cycle == o->cycles ? o->leak_limits.quiet_ms : 0;
}

/* Drives one plugin: its cycles in turn, sampled by the leak check when asked. */
static void test_target(const options* o, const char* target) {
    size_t ids[MAX_FIELDS];
    size_t n_ids = 0;
    load_target(o, target, 1, ids, &n_ids);
    if (o->metadata_only) {
        return;
    }
    if (o->threads > 0 && (caps & CAP_SOURCE)) {
        run_threads(o, ids, n_ids);
        return;
    }
    for (long cycle = 1; cycle <= o->cycles; cycle++) {
        if (!run_cycle(o, cycle, ids, n_ids)) break;
        if (o->check_leaks) hl_sample(cycle, &last_cycle, quiet_before_sample(o, cycle));
    }
}

/*
 * --reload: every cycle loads each plugin, drives it through one cycle and unloads it again, the way Falco's hot
 * restart destroys and reloads every plugin; the leak check samples the process after each round.
 */
static void reload_targets(const options* o, const char* const* targets, int count) {
    for (long cycle = 1; cycle <= o->cycles; cycle++) {
        hl_cycle round = {0, 0, -1};
        for (int t = 0; t < count; t++) {
            size_t ids[MAX_FIELDS];
            size_t n_ids = 0;
            void* handle = load_target(o, targets[t], cycle == 1, ids, &n_ids);
            if (!run_cycle(o, cycle, ids, n_ids)) fail("%s: init failed in cycle %ld", targets[t], cycle);
            double started = hl_now_ms();
            unload_target(handle, targets[t]);
            round.init_ms += last_cycle.init_ms;
            round.destroy_ms += last_cycle.destroy_ms + (hl_now_ms() - started);
            if (last_cycle.classes >= 0) round.classes = last_cycle.classes;
        }
        if (o->leak_probe != NULL && round.classes < 0) fail("no plugin exports the --leak-probe field %s", o->leak_probe);
        if (o->check_leaks) hl_sample(cycle, &round, quiet_before_sample(o, cycle));
    }
}

static void usage(void) {
    fprintf(stderr,
            "usage: falco-test-host [--api-version X.Y.Z] [--expect-caps LIST] [--metadata-only] [--config S]\n"
            "       [--open-params S] [--events N] [--fields a,b] [--cycles N] [--expect-init-failure]\n"
            "       [--allow-extract-failure] [--stack-after-init KIB] [--signals] [--list-jar-files]\n"
            "       [--thread-entries N] [--dump-tables a,b] [--with LIB [--with-config S]]\n"
            "       [--malformed-events] [--skip-config-check] [--soak N] [--threads N] [--expect-async N]\n"
            "       [--feed N [--feed-source S] [--feed-id ID] [--feed-type T]] [--syscall-events FILE] [--alloc-probe FIELD]\n"
            "       [--check-leaks [--leak-probe FIELD] [--leak-warmup N] [--leak-rss-kib K] [--leak-classes N]\n"
            "       [--leak-quiet-ms MS] [--leak-smaps]]\n"
            "       [--reload] (plugin.so | static:NAME)...\n"
            "Each plugin is tested in turn, in this one process. The host's table \"threads\" (int64 key) gets N\n"
            "entries of tid 1001 .. 1000+N; the tables named by --dump-tables are printed before each destroy. --with\n"
            "loads a second plugin (parse or extract) that shares the tables and is given every event too.\n"
            "--check-leaks samples descriptors, VmRSS, threads and (with --leak-probe, a uint64 field giving the\n"
            "loaded classes) after each cycle, and fails when descriptors grow at all, threads grow after the warm-up\n"
            "(default 10 cycles), or VmRSS (default 8192 KiB) or classes (default 100) grow past a bound after it.\n"
            "The two compared cycles are sampled after the process rested --leak-quiet-ms (default 5500: the JVM\n"
            "frees its JIT compilers' spare work areas every 5 s), the others once it is idle. --leak-smaps prints\n"
            "the mappings whose resident memory grew between them.\n"
            "--reload loads, drives and dlcloses every plugin in each cycle, interleaved, as Falco's hot restart does.\n");
    exit(2);
}

int main(int argc, char** argv) {
    const char* targets[8];
    int target_count = 0;
    options o = {3, 12, 0, "", "", 10, 2, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, "other", 777, 1, NULL,
                 0, 0, NULL, {10, 8192, 100, 5500, 0}, NULL};
    for (int i = 1; i < argc; i++) {
        const char* a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "--api-version") == 0 && has_value) {
            parse_version("--api-version", argv[++i], &o.api_major, &o.api_minor, &o.api_patch);
        } else if (strcmp(a, "--expect-caps") == 0 && has_value) o.expect_caps = argv[++i];
        else if (strcmp(a, "--config") == 0 && has_value) o.config = argv[++i];
        else if (strcmp(a, "--open-params") == 0 && has_value) o.open_params = argv[++i];
        else if (strcmp(a, "--events") == 0 && has_value) o.events = atol(argv[++i]);
        else if (strcmp(a, "--cycles") == 0 && has_value) o.cycles = atol(argv[++i]);
        else if (strcmp(a, "--fields") == 0 && has_value) o.fields = argv[++i];
        else if (strcmp(a, "--metadata-only") == 0) o.metadata_only = 1;
        else if (strcmp(a, "--expect-init-failure") == 0) o.expect_init_failure = 1;
        else if (strcmp(a, "--allow-extract-failure") == 0) o.allow_extract_failure = 1;
        else if (strcmp(a, "--stack-after-init") == 0 && has_value) o.stack_kib = atol(argv[++i]);
        else if (strcmp(a, "--signals") == 0) o.signals = 1;
        else if (strcmp(a, "--list-jar-files") == 0) o.list_jar_files = 1;
        else if (strcmp(a, "--malformed-events") == 0) o.malformed_events = 1;
        else if (strcmp(a, "--skip-config-check") == 0) o.skip_config_check = 1;
        else if (strcmp(a, "--soak") == 0 && has_value) o.soak_events = atol(argv[++i]);
        else if (strcmp(a, "--threads") == 0 && has_value) o.threads = atol(argv[++i]);
        else if (strcmp(a, "--expect-async") == 0 && has_value) o.expect_async = atol(argv[++i]);
        else if (strcmp(a, "--feed") == 0 && has_value) o.feed_events = atol(argv[++i]);
        else if (strcmp(a, "--alloc-probe") == 0 && has_value) o.alloc_probe = argv[++i];
        else if (strcmp(a, "--feed-source") == 0 && has_value) o.feed_source = argv[++i];
        else if (strcmp(a, "--feed-id") == 0 && has_value) o.feed_id = atol(argv[++i]);
        else if (strcmp(a, "--feed-type") == 0 && has_value) o.feed_type = atol(argv[++i]);
        else if (strcmp(a, "--syscall-events") == 0 && has_value) o.syscall_events = argv[++i];
        else if (strcmp(a, "--thread-entries") == 0 && has_value) table_options.thread_entries = atol(argv[++i]);
        else if (strcmp(a, "--dump-tables") == 0 && has_value) table_options.dump_tables = argv[++i];
        else if (strcmp(a, "--with") == 0 && has_value) table_options.with = argv[++i];
        else if (strcmp(a, "--with-config") == 0 && has_value) table_options.with_config = argv[++i];
        else if (strcmp(a, "--check-leaks") == 0) o.check_leaks = 1;
        else if (strcmp(a, "--reload") == 0) o.reload = 1;
        else if (strcmp(a, "--leak-probe") == 0 && has_value) o.leak_probe = argv[++i];
        else if (strcmp(a, "--leak-warmup") == 0 && has_value) o.leak_limits.warmup = atol(argv[++i]);
        else if (strcmp(a, "--leak-rss-kib") == 0 && has_value) o.leak_limits.rss_kib = atol(argv[++i]);
        else if (strcmp(a, "--leak-classes") == 0 && has_value) o.leak_limits.classes = atol(argv[++i]);
        else if (strcmp(a, "--leak-quiet-ms") == 0 && has_value) o.leak_limits.quiet_ms = atol(argv[++i]);
        else if (strcmp(a, "--leak-smaps") == 0) o.leak_limits.smaps = 1;
        else if (a[0] == '-') usage();
        else if (target_count < 8) targets[target_count++] = o.library = a;
        else usage();
    }
    if (o.library == NULL) usage();
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (o.check_leaks) hl_prepare(&o.leak_limits);
    ht_setup();
    if (table_options.thread_entries > 0) ht_populate_threads(table_options.thread_entries);
    if (table_options.with != NULL) load_companion(&o);
    if (o.signals) install_signal_handlers();
    if (o.reload && !o.metadata_only) {
        reload_targets(&o, targets, target_count);
    } else {
        for (int t = 0; t < target_count; t++) {
            test_target(&o, targets[t]);
        }
    }
    if (o.check_leaks && !hl_verdict(&o.leak_limits)) exit(1);
    puts("ok");
    return 0;
}
