/*
 * Times one plugin_init of a plugin library in a fresh process, and the VmRSS it adds; then opens it, pulls a batch
 * and destroys it. The init input has a log function, as Falco's has (it writes nothing). Prints "init_ms X cpu_ms Y rss_added_kib Z anon_added_kib A file_added_kib F" (cpu_ms: the
 * process's CPU time during init, all threads; anon and file: the RssAnon and RssFile parts of VmRSS). With
 * INIT_DRIVER_SMAPS=FILE it copies /proc/self/smaps to FILE right after init. Usage: init_driver lib.so
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

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

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: init_driver lib.so\n");
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
    long before = status_kib("VmRSS");
    long anon_before = status_kib("RssAnon");
    long file_before = status_kib("RssFile");
    double started = now_ms();
    double cpu_started = cpu_ms();
    void* state = init(&input, &rc);
    double ms = now_ms() - started;
    double cpu = cpu_ms() - cpu_started;
    long added = status_kib("VmRSS") - before;
    long anon_added = status_kib("RssAnon") - anon_before;
    long file_added = status_kib("RssFile") - file_before;
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
    printf("init_ms %.1f cpu_ms %.1f rss_added_kib %ld anon_added_kib %ld file_added_kib %ld\n", ms, cpu, added,
           anon_added, file_added);
    return 0;
}
