/* Finding a Java runtime of the right version and starting it, or joining the one already in the process. */
#ifndef FJP_JVM_C
#define FJP_JVM_C

#include "fjp_runtime.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/membarrier.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef jint (*fjp_create_vm_fn)(JavaVM**, void**, void*);
typedef jint (*fjp_created_vms_fn)(JavaVM**, jsize, jsize*);

static JavaVM* fjp_vm = NULL;
/* Set when fjp_find_vm found a JVM already running in the process instead of starting one. */
static int fjp_joined = 0;

FJP_SHARED void fjp_append(char* out, size_t size, const char* fmt, ...) {
    size_t used = strlen(out);
    if (used + 1 >= size) {
        return;
    }
    va_list args;
    va_start(args, fmt);
    vsnprintf(out + used, size - used, fmt, args);
    va_end(args);
}

/* The value of key in the release file of the runtime at home, without quotes; empty when unknown. */
static void fjp_release_value(const char* home, const char* key, char* out, size_t size) {
    out[0] = '\0';
    char path[4096];
    snprintf(path, sizeof path, "%s/release", home);
    FILE* f = fopen(path, "r");
    if (!f) {
        return;
    }
    char line[512];
    size_t key_length = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, key_length) == 0 && line[key_length] == '=') {
            const char* v = line + key_length + 1;
            if (*v == '"') {
                v++;
            }
            size_t length = strcspn(v, "\"\r\n");
            snprintf(out, size, "%.*s", (int)length, v);
            break;
        }
    }
    fclose(f);
}

/* The feature release of the runtime at home (25 for "25.0.1"), from its release file; 0 when unknown. */
static int fjp_java_feature(const char* home) {
    char version[256];
    fjp_release_value(home, "JAVA_VERSION", version, sizeof version);
    int feature = atoi(version);
    return feature == 1 ? atoi(version + 2) : feature;
}

/* Loads libjvm from one candidate Java home; on failure appends why to the search report. */
static void* fjp_try_java_home(const char* label, const char* home, char* report, size_t size) {
    if (home == NULL || home[0] == '\0') {
        fjp_append(report, size, "; %s: not set", label);
        return NULL;
    }
    char lib[4096];
    snprintf(lib, sizeof lib, "%s/lib/server/libjvm.so", home);
    struct stat st;
    if (stat(lib, &st) != 0) {
        fjp_append(report, size, "; %s=%s: no %s", label, home, lib);
        return NULL;
    }
    int feature = fjp_java_feature(home);
    if (feature != 0 && feature < FJP_MIN_JAVA_FEATURE) {
        fjp_append(report, size, "; %s=%s: Java %d, needs %d or newer", label, home, feature,
                   FJP_MIN_JAVA_FEATURE);
        return NULL;
    }
    void* handle = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
    if (handle == NULL) {
        fjp_append(report, size, "; %s=%s: %s", label, home, dlerror());
    }
    return handle;
}

/*
 * -Xss as large as the process's stack limit. The JVM takes the smaller of -Xss and that limit as the stack of
 * the process's main thread when it attaches it, and puts its guard pages there: with the default 1 MiB, a host
 * whose main thread calls the plugin would crash as soon as it used more than 1 MiB of stack.
 */
static char* fjp_stack_option(char* out, size_t size) {
    struct rlimit limit;
    unsigned long kib = 8192;
    if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        kib = (unsigned long)(limit.rlim_cur / 1024);
    }
    if (kib < 1024) {
        kib = 1024;
    }
    if (kib > 1024 * 1024) {
        kib = 1024 * 1024;
    }
    snprintf(out, size, "-Xss%luk", kib);
    return out;
}

/*
 * The folder of the file holding this glue (symbolic links resolved), found with dladdr on a function of the glue;
 * for a static archive linked into a host, the folder of the host's executable.
 */
static int fjp_own_folder(char* out, size_t size) {
    Dl_info info;
    char self[4096];
    const char* loaded = dladdr((void*)&fjp_own_folder, &info) != 0 ? info.dli_fname : NULL;
    if (loaded == NULL || loaded[0] == '\0') {
        loaded = "/proc/self/exe";
    }
    if (realpath(loaded, self) == NULL) {
        return -1;
    }
    char* slash = strrchr(self, '/');
    if (slash == NULL) {
        return -1;
    }
    *slash = '\0';
    int n = snprintf(out, size, "%s", self);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

#ifdef FJP_BUNDLED_RUNTIME
/* The bundled runtime's home: FJP_BUNDLED_RUNTIME in the glue's own folder. */
static int fjp_bundled_home(char* out, size_t size) {
    char folder[4096];
    if (fjp_own_folder(folder, sizeof folder) != 0) {
        return -1;
    }
    int n = snprintf(out, size, "%s/%s", folder, FJP_BUNDLED_RUNTIME);
    return n > 0 && (size_t)n < size ? 0 : -1;
}
#endif

/* System.getProperty(key) as a C string in out; empty when unset. */
FJP_SHARED void fjp_system_property(JNIEnv* env, const char* key, char* out, size_t size) {
    out[0] = '\0';
    jclass system = (*env)->FindClass(env, "java/lang/System");
    jmethodID get = system ? (*env)->GetStaticMethodID(env, system, "getProperty", "(Ljava/lang/String;)Ljava/lang/String;") : NULL;
    jstring value = get ? (jstring)(*env)->CallStaticObjectMethod(env, system, get, (*env)->NewStringUTF(env, key)) : NULL;
    if (value != NULL && !(*env)->ExceptionCheck(env)) {
        const char* chars = (*env)->GetStringUTFChars(env, value, NULL);
        if (chars != NULL) {
            snprintf(out, size, "%s", chars);
            (*env)->ReleaseStringUTFChars(env, value, chars);
        }
    }
    (*env)->ExceptionClear(env);
}

/*
 * The plugin's AOT cache (JDK 25, JEP 483/514): lib<name>.aot beside the library, trained at build time. The glue
 * hands it to a JVM it creates itself, only when nothing can make the JVM refuse it loudly or wastefully: a cache the
 * JVM rejects means no class sharing at all (slower than none), and -XX:AOTCache together with -Xshare or another
 * archive option ends the process. Why the cache was not used is kept for one DEBUG line through the host's log.
 */
static char fjp_aot_note[6144] = "";

/* Where the first of some option names was found among the options the JVM gets beside the glue's own. */
typedef struct {
    const char* name;   /* the name found */
    const char* origin; /* "JAVA_TOOL_OPTIONS" or "_JAVA_OPTIONS"; NULL for one of plugin.yaml's jvm options */
    const char* option; /* that jvm option */
} fjp_option_match;

/* Whether JAVA_TOOL_OPTIONS, _JAVA_OPTIONS or a jvm option of plugin.yaml, in that order, names one of names. */
static int fjp_find_option(const fjp_glue* glue, const char* const names[], size_t count, fjp_option_match* match) {
    static const char* const variables[] = {"JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"};
    for (size_t v = 0; v < sizeof variables / sizeof variables[0]; v++) {
        const char* options = getenv(variables[v]);
        for (size_t i = 0; options != NULL && i < count; i++) {
            if (strstr(options, names[i]) != NULL) {
                *match = (fjp_option_match){names[i], variables[v], options};
                return 1;
            }
        }
    }
    for (int o = 0; glue->jvm_options[o] != NULL; o++) {
        for (size_t i = 0; i < count; i++) {
            if (strstr(glue->jvm_options[o], names[i]) != NULL) {
                *match = (fjp_option_match){names[i], NULL, glue->jvm_options[o]};
                return 1;
            }
        }
    }
    return 0;
}

/* The option names that decide class sharing themselves: the glue then leaves the cache out. */
static const char* const fjp_sharing_options[] = {"-Xshare", "-XX:AOT", "-XX:+AOT", "-XX:-AOT", "SharedArchiveFile",
                                                  "ArchiveClassesAtExit", "AutoCreateSharedArchive"};

/*
 * Whether the JVM gets -XX:+UseSystemMemoryBarrier: each native-to-Java transition, so each call from the host, then
 * goes without a memory fence (safepoints use membarrier(2) instead). Only when the kernel has the private expedited
 * command the JVM needs (else the JVM prints a warning on stdout), and when no option names the flag already.
 */
static int fjp_memory_barrier_usable(const fjp_glue* glue) {
    static const char* const flag[] = {"UseSystemMemoryBarrier"};
    fjp_option_match named;
    if (fjp_find_option(glue, flag, 1, &named)) {
        return 0;
    }
#ifdef SYS_membarrier
    const long needed = MEMBARRIER_CMD_PRIVATE_EXPEDITED | MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED;
    long supported = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0);
    return supported >= 0 && (supported & needed) == needed;
#else
    return 0;
#endif
}

/* Joins a JVM already running in the process (any Java plugin's), found among the symbols loaded so far. */
static int fjp_join_running_vm(void) {
    fjp_created_vms_fn created = (fjp_created_vms_fn)dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
    jsize count = 0;
    if (created != NULL && created(&fjp_vm, 1, &count) == JNI_OK && count > 0) {
        fjp_joined = 1;
        return 1;
    }
    return 0;
}

/*
 * Registers the process for the private expedited membarrier command the JVM registers for at its start under
 * -XX:+UseSystemMemoryBarrier, on the calling thread, before the glue starts a thread of its own: the kernel
 * registers a process of one thread at once, but waits for an RCU grace period (7 to 21 ms, measured) once it has
 * two. The JVM's own registration then finds the process registered. Nothing when a JVM runs already, or when the
 * glue will not add the flag.
 */
FJP_SHARED void fjp_register_memory_barrier(const fjp_glue* glue) {
#ifdef SYS_membarrier
    if (fjp_vm == NULL && !fjp_join_running_vm() && fjp_memory_barrier_usable(glue)) {
        syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0);
    }
#else
    (void)glue;
#endif
}

/* Whether the cache header names the JVM version: "(version)", or with !exact also "(version+build...)". */
static int fjp_header_names(const char* header, size_t length, const char* version, int exact) {
    char wanted[260];
    snprintf(wanted, sizeof wanted, "(%s", version);
    size_t wanted_length = strlen(wanted);
    const char* at = header;
    const char* end = header + length;
    while ((at = memmem(at, (size_t)(end - at), wanted, wanted_length)) != NULL) {
        at += wanted_length;
        if (at < end && (*at == ')' || (!exact && (*at == '+' || *at == '-')))) {
            return 1;
        }
    }
    return 0;
}

/*
 * Whether the cache at path suits the runtime at home and the options at hand; on no, the reason in fjp_aot_note.
 * The cache's header names the version of the JVM that made it, as "(25.0.3+9-LTS)"; the runtime's release file
 * names its own.
 */
static int fjp_aot_usable(const fjp_glue* glue, const char* home, const char* path) {
    fjp_option_match named;
    if (fjp_find_option(glue, fjp_sharing_options, sizeof fjp_sharing_options / sizeof fjp_sharing_options[0],
                        &named)) {
        if (named.origin != NULL) {
            snprintf(fjp_aot_note, sizeof fjp_aot_note, "%s sets class sharing (%s)", named.origin, named.name);
        } else {
            snprintf(fjp_aot_note, sizeof fjp_aot_note, "plugin.yaml's jvm option %s sets class sharing",
                     named.option);
        }
        return 0;
    }
    FILE* f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(fjp_aot_note, sizeof fjp_aot_note, "there is no readable %s", path);
        return 0;
    }
    char header[4096];
    size_t length = fread(header, 1, sizeof header, f);
    fclose(f);
    char version[256];
    fjp_release_value(home, "JAVA_RUNTIME_VERSION", version, sizeof version);
    int exact = version[0] != '\0';
    if (!exact) {
        /* a jlink image's release file names only the version (25.0.3), not the build (25.0.3+9-LTS) */
        fjp_release_value(home, "JAVA_VERSION", version, sizeof version);
    }
    if (version[0] == '\0') {
        snprintf(fjp_aot_note, sizeof fjp_aot_note, "the runtime at %s does not name its version", home);
        return 0;
    }
    if (!fjp_header_names(header, length, version, exact)) {
        snprintf(fjp_aot_note, sizeof fjp_aot_note, "%s was not made by the runtime in use (%s at %s)", path, version,
                 home);
        return 0;
    }
    return 1;
}

/*
 * Why the JVM this glue started does not use the plugin's AOT cache, once, for a DEBUG line; NULL when it does, or
 * when the glue joined a JVM that was already running.
 */
FJP_SHARED const char* fjp_take_aot_note(void) {
    static char taken[sizeof fjp_aot_note + 64];
    if (fjp_aot_note[0] == '\0') {
        return NULL;
    }
    snprintf(taken, sizeof taken, "the AOT cache is not used: %s", fjp_aot_note);
    fjp_aot_note[0] = '\0';
    return taken;
}

FJP_SHARED int fjp_find_vm(const fjp_glue* glue, char* err, size_t size) {
    if (fjp_join_running_vm()) {
        return 0;
    }
    char report[FJP_ERROR_MAX] = "";
#ifdef FJP_BUNDLED_RUNTIME
    char bundled[4096];
    int bundled_known = fjp_bundled_home(bundled, sizeof bundled) == 0;
#endif
    struct {
        const char* label;
        const char* home;
    } candidates[] = {
#ifdef FJP_BUNDLED_RUNTIME
        {bundled_known ? "bundled runtime" : "bundled runtime (the library's own path is unknown)",
         bundled_known ? bundled : NULL},
#endif
        {"plugin.yaml jvm.java-home", glue->java_home},
        {"FALCO_PLUGIN_JAVA_HOME", getenv("FALCO_PLUGIN_JAVA_HOME")},
        {"JAVA_HOME", getenv("JAVA_HOME")},
        {"JDK used at build time", FJP_BUILD_JAVA_HOME},
    };
    size_t chosen = 0;
    void* jvm = NULL;
    for (size_t i = 0; jvm == NULL && i < sizeof candidates / sizeof candidates[0]; i++) {
        jvm = fjp_try_java_home(candidates[i].label, candidates[i].home, report, sizeof report);
        chosen = i;
    }
    if (jvm == NULL) {
        snprintf(err, size,
                 "no Java runtime found (Java %d or newer is needed; "
#ifdef FJP_BUNDLED_RUNTIME
                 "install " FJP_BUNDLED_RUNTIME " beside the library, or "
#endif
                 "set FALCO_PLUGIN_JAVA_HOME to a JDK home). Looked at",
                 FJP_MIN_JAVA_FEATURE);
        fjp_append(err, size, "%s", report + 1);
        return -1;
    }
    fjp_created_vms_fn created = (fjp_created_vms_fn)dlsym(jvm, "JNI_GetCreatedJavaVMs");
    fjp_create_vm_fn create = (fjp_create_vm_fn)dlsym(jvm, "JNI_CreateJavaVM");
    if (created == NULL || create == NULL) {
        snprintf(err, size, "the Java runtime's libjvm has no JNI invocation functions");
        return -1;
    }
    jsize count = 0;
    if (created(&fjp_vm, 1, &count) == JNI_OK && count > 0) {
        fjp_joined = 1;
        return 0;
    }
    JavaVMOption options[64];
    int n = 0;
    char stack[64];
    char started_by[512];
    snprintf(started_by, sizeof started_by, "-D%s=%s", FJP_STARTED_BY_PROPERTY, glue->name);
    options[n++].optionString = "-Xrs";
    options[n++].optionString = started_by;
    options[n++].optionString = "--enable-native-access=ALL-UNNAMED";
    options[n++].optionString = fjp_stack_option(stack, sizeof stack);
    if (fjp_memory_barrier_usable(glue)) {
        options[n++].optionString = "-XX:+UseSystemMemoryBarrier";
    }
    char aot_path[4200] = "";
    char aot_option[4300];
    int aot_used = 0;
    fjp_aot_note[0] = '\0';
    if (fjp_own_folder(aot_path, sizeof aot_path - 256) != 0) {
        snprintf(fjp_aot_note, sizeof fjp_aot_note, "the folder of the plugin library is unknown");
    } else {
        fjp_append(aot_path, sizeof aot_path, "/lib%s.aot", glue->name);
        if (fjp_aot_usable(glue, candidates[chosen].home, aot_path)) {
            snprintf(aot_option, sizeof aot_option, "-XX:AOTCache=%s", aot_path);
            options[n++].optionString = aot_option;
            options[n++].optionString = "-Xlog:aot=off,cds=off";
            aot_used = 1;
        }
    }
    for (int i = 0; glue->jvm_options[i] != NULL && n < 64; i++) {
        options[n++].optionString = (char*)glue->jvm_options[i];
    }
    for (int i = 0; i < n; i++) {
        options[i].extraInfo = NULL;
    }
    JavaVMInitArgs args;
    args.version = JNI_VERSION_21;
    args.nOptions = n;
    args.options = options;
    args.ignoreUnrecognized = JNI_FALSE;
    JNIEnv* env = NULL;
    jint rc = create(&fjp_vm, (void**)&env, &args);
    if (rc != JNI_OK) {
        fjp_vm = NULL;
        snprintf(err, size, "starting the Java runtime failed (JNI_CreateJavaVM returned %d); JVM options:", (int)rc);
        for (int i = 0; i < n; i++) {
            fjp_append(err, size, " %s", options[i].optionString);
        }
        return -1;
    }
    fjp_joined = 0;
    if (aot_used) {
        char info[256];
        fjp_system_property(env, "java.vm.info", info, sizeof info);
        if (strstr(info, "sharing") == NULL) {
            snprintf(fjp_aot_note, sizeof fjp_aot_note, "the Java runtime refused %s (made for other JVM options or "
                     "another runtime, or damaged; java.vm.info: %s): build the plugin again", aot_path, info);
        }
    }
#ifdef FJP_BUNDLED_RUNTIME
    fprintf(stderr, "plugin %s: started the Java runtime at %s (%s); Java plugins loaded later join it\n", glue->name,
            candidates[chosen].home, candidates[chosen].label);
#else
    (void)chosen;
#endif
    return 0;
}

#endif
