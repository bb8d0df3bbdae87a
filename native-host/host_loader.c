/*
 * Loading a plugin the way libsinsp's plugin loader does: its library's plugin_* symbols (or, for a statically linked
 * plugin, its plugin_api struct read with the host's layout), the required symbols, the API version, the capabilities
 * the functions make up, and the metadata.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"

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

/* The functions of plugin_api by name, where each is in the struct (falco_host_abi.h). */
#define API_MEMBER(member) {#member, offsetof(host_plugin_api, member) / sizeof(void*)}
static const struct {
    const char* name;
    size_t index;
} API_MEMBERS[] = {
    API_MEMBER(get_required_api_version), API_MEMBER(get_init_schema), API_MEMBER(init), API_MEMBER(destroy),
    API_MEMBER(get_last_error), API_MEMBER(get_name), API_MEMBER(get_description), API_MEMBER(get_contact),
    API_MEMBER(get_version), API_MEMBER(get_id), API_MEMBER(get_event_source), API_MEMBER(open), API_MEMBER(close),
    API_MEMBER(list_open_params), API_MEMBER(get_progress), API_MEMBER(event_to_string), API_MEMBER(next_batch),
    API_MEMBER(get_extract_event_types), API_MEMBER(get_extract_event_sources), API_MEMBER(get_fields),
    API_MEMBER(extract_fields), API_MEMBER(get_parse_event_types), API_MEMBER(get_parse_event_sources),
    API_MEMBER(parse_event), API_MEMBER(get_async_event_sources), API_MEMBER(get_async_events),
    API_MEMBER(set_async_event_handler), API_MEMBER(dump_state), API_MEMBER(set_config), API_MEMBER(get_metrics),
    API_MEMBER(capture_open), API_MEMBER(capture_close), API_MEMBER(get_required_event_schema_version),
};
#define API_MEMBER_COUNT (sizeof API_MEMBERS / sizeof API_MEMBERS[0])
#define API_FUNCTIONS (offsetof(host_plugin_api, reserved) / sizeof(void*))
#define API_DUMP_STATE (offsetof(host_plugin_api, dump_state) / sizeof(void*))
#define API_SET_CONFIG (offsetof(host_plugin_api, set_config) / sizeof(void*))

/* A statically linked plugin: its struct, copied and fixed up the way libsinsp's plugin_load_api does. */
static void* static_api[API_FUNCTIONS];
static int static_mode;

void* symbol(void* handle, const char* name) {
    if (static_mode) {
        for (size_t i = 0; i < API_MEMBER_COUNT; i++)
            if (strcmp(API_MEMBERS[i].name, name) == 0) return static_api[API_MEMBERS[i].index];
        return NULL;
    }
    char full[128];
    snprintf(full, sizeof full, "plugin_%s", name);
    return dlsym(handle, full);
}

static void load_static(const void* api_struct) {
    memcpy(static_api, api_struct, sizeof static_api);
    const char* (*version)(void) = ((const host_plugin_api*)api_struct)->get_required_api_version;
    unsigned major, minor, patch;
    if (version == NULL) fail("plugin_get_required_api_version symbol not implemented");
    if (sscanf(version(), "%u.%u.%u", &major, &minor, &patch) != 3)
        fail("plugin provided an invalid required API version: '%s'", version());
    if (major == 3 && minor < 10) {
        memmove(&static_api[API_SET_CONFIG], &static_api[API_DUMP_STATE], (API_FUNCTIONS - API_SET_CONFIG) * sizeof(void*));
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

/* Every function of the plugin API the plugin has, by name, into target. */
static void load(host_plugin_api* target, void* handle) {
    void** functions = (void**)target;
    for (size_t i = 0; i < API_MEMBER_COUNT; i++) functions[API_MEMBERS[i].index] = symbol(handle, API_MEMBERS[i].name);
}

void parse_version(const char* what, const char* text, unsigned* major, unsigned* minor, unsigned* patch) {
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

void infer_capabilities(hosted_plugin* p) {
    const host_plugin_api* api = &p->api;
    if (api->open && api->close && api->next_batch) {
        int has_id = api->get_id != NULL && api->get_id() != 0;
        int has_source = api->get_event_source != NULL && api->get_event_source() != NULL && api->get_event_source()[0];
        if (has_id != has_source)
            fail("broken plugin capabilities: must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither");
        p->caps |= CAP_SOURCE;
    } else if (api->open || api->close || api->next_batch) {
        fail("broken plugin capabilities: must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch'");
    }
    if (api->get_fields && api->extract_fields) p->caps |= CAP_EXTRACT;
    else if (api->extract_fields) fail("broken plugin capabilities: must implement both 'plugin_get_fields' and 'plugin_extract_fields'");
    if (api->parse_event) p->caps |= CAP_PARSE;
    if (api->get_async_events && api->set_async_event_handler) p->caps |= CAP_ASYNC;
    else if (api->set_async_event_handler) fail("broken plugin capabilities: async needs get_async_events and set_async_event_handler");
    if (api->capture_open && api->capture_close) p->caps |= CAP_CAPTURE_LISTEN;
    else if (api->capture_open) fail("broken plugin capabilities: capture listening needs capture_open and capture_close");
    if (p->caps == 0) fail("plugin does not implement any capability");
}

void check_expected_capabilities(const hosted_plugin* p, void* handle, const char* expected) {
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
        if ((want & cap) && !(p->caps & cap)) fail("capability %s was expected but the library does not implement it", CAPABILITY_SYMBOLS[c].name);
        if (want & cap) continue;
        for (int s = 0; CAPABILITY_SYMBOLS[c].symbols[s] != NULL; s++) {
            if (symbol(handle, CAPABILITY_SYMBOLS[c].symbols[s]) != NULL)
                fail("the library exports plugin_%s of the undeclared capability %s", CAPABILITY_SYMBOLS[c].symbols[s],
                     CAPABILITY_SYMBOLS[c].name);
        }
    }
}

void print_metadata(hosted_plugin* p) {
    const host_plugin_api* api = &p->api;
    unsigned major, minor, patch;
    parse_version("plugin_get_version", api->get_version(), &major, &minor, &patch);
    const char* texts[] = {api->get_name(), api->get_description(), api->get_contact()};
    const char* labels[] = {"name", "description", "contact"};
    for (int i = 0; i < 3; i++) {
        if (texts[i] == NULL) fail("plugin_get_%s returned NULL", labels[i]);
        if (!valid_utf8(texts[i])) fail("plugin_get_%s is not valid UTF-8", labels[i]);
    }
    if (p->caps & CAP_SOURCE) {
        p->event_source = api->get_event_source ? api->get_event_source() : "";
        if (strcmp(p->event_source, "syscall") == 0) fail("plugin can't implement the reserved event source 'syscall'");
    }
    printf("plugin name=%s version=%s api=%s id=%u source=%s\n", api->get_name(), api->get_version(),
           api->get_required_api_version(), api->get_id ? api->get_id() : 0, p->event_source);
    printf("description=");
    print_quoted(api->get_description(), strlen(api->get_description()));
    printf("\ncontact=");
    print_quoted(api->get_contact(), strlen(api->get_contact()));
    if (api->get_init_schema) {
        int32_t type = 0x7777;
        const char* schema = api->get_init_schema(&type);
        if (type == 0x7777) fail("get_init_schema did not set the schema type");
        printf("\ninit schema (type %d)=", type);
        print_quoted(schema ? schema : "", schema ? strlen(schema) : 0);
    }
    printf("\ncapabilities");
    for (size_t c = 0; c < CAPABILITY_COUNT; c++)
        if (p->caps & CAPABILITY_SYMBOLS[c].cap) printf(" %s", CAPABILITY_SYMBOLS[c].name);
    putchar('\n');
}

/*
 * Loads target, a library path or static:NAME, into p and checks it like libsinsp's loader (why prefixes the
 * failures); returns the dlopen handle, NULL for a static plugin.
 */
void* load_library(hosted_plugin* p, const options* o, const char* target, const char* why) {
    memset(&p->api, 0, sizeof p->api);
    memset(static_api, 0, sizeof static_api);
    static_mode = 0;
    p->caps = 0;
    p->field_count = 0;
    p->event_source = "";
    void* handle = NULL;
    if (strncmp(target, "static:", 7) == 0) {
        load_static(static_plugin(target + 7));
    } else {
        handle = dlopen(target, RTLD_LOCAL | RTLD_NOW);
        if (handle == NULL) fail("%scan't load plugin dynamic library: %s", why, dlerror());
        check_exported_symbols(target);
    }
    load(&p->api, handle);
    for (int i = 0; REQUIRED_SYMBOLS[i] != NULL; i++)
        if (symbol(handle, REQUIRED_SYMBOLS[i]) == NULL) fail("%srequired symbol not implemented: '%s'", why, REQUIRED_SYMBOLS[i]);
    check_api_version(o, p->api.get_required_api_version());
    return handle;
}

static int consumes_syscall_events(const event_filter* f) {
    if (f->any_type) return 1;
    for (uint32_t i = 0; i < f->count; i++)
        if (f->types[i] != HOST_PLUGIN_EVENT_TYPE) return 1;
    return 0;
}

/*
 * libsinsp's check at capture open (sinsp_plugin::check_required_schema_version): a plugin whose parse or extract
 * takes syscall events must require a schema of the engine's major version and no newer minor or patch; a plugin
 * without get_required_event_schema_version (or returning NULL) is taken to require 3.0.0.
 */
void check_event_schema(const hosted_plugin* p, void* state, const char* in_use) {
    const char* required = p->api.get_required_event_schema_version ? p->api.get_required_event_schema_version(state) : NULL;
    if (required != NULL) printf("%srequired event schema version: %s\n", p->prints, required);
    int needs_check = ((p->caps & CAP_PARSE) && consumes_syscall_events(&p->parse_filter))
                      || ((p->caps & CAP_EXTRACT) && consumes_syscall_events(&p->extract_filter));
    if (!needs_check || in_use == NULL) return;
    unsigned major = 3, minor = 0, patch = 0, host_major, host_minor, host_patch;
    if (required != NULL && sscanf(required, "%u.%u.%u", &major, &minor, &patch) != 3)
        fail("plugin %s provided an invalid required event schema version: '%s'", p->api.get_name(), required);
    parse_version("the event schema version in use", in_use, &host_major, &host_minor, &host_patch);
    const char* why = host_major != major ? "major versions disagree"
                      : host_minor < minor ? "minor version is less than the requested one"
                      : host_minor == minor && host_patch < patch ? "patch version is less than the requested one"
                      : NULL;
    if (why != NULL)
        fail("plugin %s required event schema version '%s' not compatible with the event schema version in use '%s': %s",
             p->api.get_name(), required ? required : "3.0.0", in_use, why);
    printf("%sevent schema check: '%s' is compatible with '%s'\n", p->prints, required ? required : "3.0.0", in_use);
}
