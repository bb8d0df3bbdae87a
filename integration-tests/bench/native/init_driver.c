/*
 * Times one plugin_init of a plugin library in a fresh process, and the VmRSS it adds; then opens it, pulls a batch
 * and destroys it. The init input has a log function, as Falco's has (it writes nothing). Prints "init_ms X cpu_ms Y rss_added_kib Z anon_added_kib A file_added_kib F" (cpu_ms: the
 * process's CPU time during init, all threads; anon and file: the RssAnon and RssFile parts of VmRSS). With
 * INIT_DRIVER_SMAPS=FILE it copies /proc/self/smaps to FILE right after init. Usage: init_driver lib.so
 *
 * The floor: init_driver --jvm LIBJVM CLASS OPTION... measures the same for loading libjvm and creating a JVM with the
 * options given, then calling CLASS.run() (none with CLASS "-"): what a JVM costs before any plugin code.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <jni.h>

#include "falco_host_abi.h"

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* CPU time of the whole process (every JVM thread), in ms: less disturbed by a busy machine than wall time. */
static double cpu_ms(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* A "Name:  N kB" line of /proc/self/status, in KiB. */
static long status_kib(const char* name) {
    FILE* f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = -1;
    size_t length = strlen(name);
    while (f != NULL && fgets(line, sizeof line, f)) {
        if (strncmp(line, name, length) == 0 && line[length] == ':') kib = atol(line + length + 1);
    }
    if (f != NULL) fclose(f);
    return kib;
}

static void copy_smaps(const char* to) {
    FILE* in = fopen("/proc/self/smaps", "r");
    FILE* out = fopen(to, "w");
    char buffer[8192];
    size_t n;
    while (in != NULL && out != NULL && (n = fread(buffer, 1, sizeof buffer, in)) > 0) {
        fwrite(buffer, 1, n, out);
    }
    if (in != NULL) fclose(in);
    if (out != NULL) fclose(out);
}

static void* symbol(void* library, const char* name) {
    void* found = dlsym(library, name);
    if (found == NULL) {
        fprintf(stderr, "init_driver: no %s\n", name);
        exit(1);
    }
    return found;
}

static void quiet_log(void* owner, const char* component, const char* message, int severity) {
    (void)owner;
    (void)component;
    (void)message;
    (void)severity;
}

typedef struct {
    double wall_ms, cpu_ms;
    long rss, anon, file;
} sample;

/* The memory first, then the clocks: the reading of /proc stays out of the time measured. */
static sample sample_before(void) {
    sample s;
    s.rss = status_kib("VmRSS");
    s.anon = status_kib("RssAnon");
    s.file = status_kib("RssFile");
    s.wall_ms = now_ms();
    s.cpu_ms = cpu_ms();
    return s;
}

/* The clocks first, then the memory. */
static sample sample_after(void) {
    sample s;
    s.wall_ms = now_ms();
    s.cpu_ms = cpu_ms();
    s.rss = status_kib("VmRSS");
    s.anon = status_kib("RssAnon");
    s.file = status_kib("RssFile");
    return s;
}

static void print_added(sample before, sample after) {
    printf("init_ms %.1f cpu_ms %.1f rss_added_kib %ld anon_added_kib %ld file_added_kib %ld\n",
           after.wall_ms - before.wall_ms, after.cpu_ms - before.cpu_ms, after.rss - before.rss,
           after.anon - before.anon, after.file - before.file);
}

/* --jvm LIBJVM CLASS OPTION...: loads libjvm, creates a JVM with the options and calls CLASS.run(), measured. */
static int jvm_floor(int argc, char** argv) {
    sample before = sample_before();
    void* jvm = dlopen(argv[2], RTLD_NOW | RTLD_GLOBAL);
    if (jvm == NULL) {
        fprintf(stderr, "init_driver: %s\n", dlerror());
        return 1;
    }
    jint (*create)(JavaVM**, void**, void*) = (jint (*)(JavaVM**, void**, void*))symbol(jvm, "JNI_CreateJavaVM");
    JavaVMOption options[32];
    int n = 0;
    for (int i = 4; i < argc && n < 32; i++) options[n++].optionString = argv[i];
    for (int i = 0; i < n; i++) options[i].extraInfo = NULL;
    JavaVMInitArgs args = {JNI_VERSION_21, n, options, JNI_FALSE};
    JavaVM* vm = NULL;
    JNIEnv* env = NULL;
    if (create(&vm, (void**)&env, &args) != JNI_OK) {
        fprintf(stderr, "init_driver: JNI_CreateJavaVM failed\n");
        return 1;
    }
    if (strcmp(argv[3], "-") != 0) {
        jclass floor = (*env)->FindClass(env, argv[3]);
        jmethodID run = floor != NULL ? (*env)->GetStaticMethodID(env, floor, "run", "()V") : NULL;
        if (run != NULL) (*env)->CallStaticVoidMethod(env, floor, run);
        if (run == NULL || (*env)->ExceptionCheck(env)) {
            (*env)->ExceptionDescribe(env);
            fprintf(stderr, "init_driver: %s.run() failed\n", argv[3]);
            return 1;
        }
    }
    print_added(before, sample_after());
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 4 && strcmp(argv[1], "--jvm") == 0) {
        return jvm_floor(argc, argv);
    }
    if (argc != 2) {
        fprintf(stderr, "usage: init_driver lib.so | init_driver --jvm LIBJVM CLASS|- [JVM option...]\n");
        return 2;
    }
    void* library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        fprintf(stderr, "init_driver: %s\n", dlerror());
        return 1;
    }
    void* (*init)(const host_init_input*, int32_t*) = symbol(library, "plugin_init");
    void (*destroy)(void*) = symbol(library, "plugin_destroy");
    const char* (*last_error)(void*) = symbol(library, "plugin_get_last_error");
    void* (*open)(void*, const char*, int32_t*) = symbol(library, "plugin_open");
    void (*close)(void*, void*) = symbol(library, "plugin_close");
    int32_t (*next_batch)(void*, void*, uint32_t*, host_event_header***) = symbol(library, "plugin_next_batch");
    host_init_input input = {"", &input, NULL, NULL, quiet_log};
    int32_t rc = HOST_API_RC_FAILURE;
    sample before = sample_before();
    void* state = init(&input, &rc);
    sample after = sample_after();
    if (getenv("INIT_DRIVER_SMAPS") != NULL) {
        copy_smaps(getenv("INIT_DRIVER_SMAPS"));
    }
    if (rc != HOST_API_RC_SUCCESS) {
        fprintf(stderr, "init_driver: init failed: %s\n", state ? last_error(state) : "(no state)");
        return 1;
    }
    void* instance = open(state, "", &rc);
    uint32_t count = 0;
    host_event_header** events = NULL;
    if (rc != HOST_API_RC_SUCCESS || next_batch(state, instance, &count, &events) != HOST_API_RC_SUCCESS || count == 0) {
        fprintf(stderr, "init_driver: open or next_batch failed: %s\n", last_error(state));
        return 1;
    }
    close(state, instance);
    destroy(state);
    print_added(before, after);
    return 0;
}
