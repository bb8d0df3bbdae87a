#define _GNU_SOURCE
#include "host_leaks.h"

#include <dirent.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HL_MAX_CYCLES 100000

typedef struct {
    long cycle;
    long fds;
    long rss_kib;
    long threads;
    long classes;
    double restart_ms;
} hl_point;

/* One mapping of /proc/self/smaps: where it starts, its size and resident memory, and what it maps. */
typedef struct {
    unsigned long start;
    long size_kib;
    long rss_kib;
    char perms[5];
    char name[80];
} hl_mapping;

typedef struct {
    hl_mapping* maps;
    long count;
} hl_smaps;

static hl_point* points;
static long point_count;
/* --leak-smaps: the mappings at the first and at the latest compared sample */
static hl_smaps compared_smaps[2];
static int record_smaps;
static long smaps_warmup;
static double last_destroy_ms = -1;

double hl_now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

/* Entries of /proc/self/fd, less the one the listing itself holds. */
static long open_fds(void) {
    DIR* dir = opendir("/proc/self/fd");
    if (dir == NULL) return -1;
    long count = 0;
    for (struct dirent* e = readdir(dir); e != NULL; e = readdir(dir))
        if (e->d_name[0] != '.') count++;
    closedir(dir);
    return count - 1;
}

void hl_prepare(const hl_limits* limits) {
    record_smaps = limits->smaps;
    smaps_warmup = limits->warmup > 0 ? limits->warmup : 1;
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
}

static void read_smaps(hl_smaps* into) {
    FILE* smaps = fopen("/proc/self/smaps", "r");
    char line[512];
    long capacity = 0;
    into->count = 0;
    while (smaps != NULL && fgets(line, sizeof line, smaps)) {
        unsigned long start, end;
        char perms[5] = "";
        int name_at = 0;
        if (sscanf(line, "%lx-%lx %4s %*s %*s %*s %n", &start, &end, perms, &name_at) == 3 && name_at > 0) {
            if (into->count == capacity) {
                capacity = capacity ? capacity * 2 : 1024;
                hl_mapping* grown = realloc(into->maps, (size_t)capacity * sizeof *grown);
                if (grown == NULL) break;
                into->maps = grown;
            }
            hl_mapping* m = &into->maps[into->count++];
            m->start = start;
            m->size_kib = (long)((end - start) / 1024);
            m->rss_kib = 0;
            memcpy(m->perms, perms, sizeof m->perms);
            snprintf(m->name, sizeof m->name, "%s", line + name_at);
            m->name[strcspn(m->name, "\n")] = '\0';
        } else if (into->count > 0 && strncmp(line, "Rss:", 4) == 0) {
            into->maps[into->count - 1].rss_kib = atol(line + 4);
        }
    }
    if (smaps != NULL) fclose(smaps);
}

/* The mappings whose resident memory grew by 256 KiB or more between the compared samples, matched by start. */
static void print_grown_mappings(void) {
    const hl_smaps* before = &compared_smaps[0];
    const hl_smaps* after = &compared_smaps[1];
    long total = 0;
    for (long i = 0; i < after->count; i++) {
        const hl_mapping* m = &after->maps[i];
        long was = 0;
        for (long j = 0; j < before->count; j++)
            if (before->maps[j].start == m->start) was = before->maps[j].rss_kib;
        if (m->rss_kib - was < 256) continue;
        total += m->rss_kib - was;
        printf("leak check: mapping %lx (%ld KiB, %s) %s: resident %ld -> %ld KiB\n", m->start, m->size_kib, m->perms,
               m->name[0] ? m->name : "[anon]", was, m->rss_kib);
    }
    printf("leak check: mappings that grew by 256 KiB or more: %ld KiB in all\n", total);
}

static long status_value(const char* key) {
    FILE* status = fopen("/proc/self/status", "r");
    char line[256];
    size_t len = strlen(key);
    long value = -1;
    while (status != NULL && fgets(line, sizeof line, status))
        if (strncmp(line, key, len) == 0 && line[len] == ':') value = atol(line + len + 1);
    if (status != NULL) fclose(status);
    return value;
}

static double process_cpu_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

/*
 * Waits until the process has been idle for quiet_ms (its threads together used under 1 ms of CPU in every 20 ms
 * since), at most quiet_ms + 5 s; with quiet_ms 0, until one idle 20 ms. The JIT compilers go on compiling after a
 * cycle, with work areas of several MiB that the JVM frees every 5 s; Falco's restarts are seconds apart, so memory is
 * compared with the process at rest, as it would be between two restarts.
 */
static double settle(double quiet_ms) {
    double start = hl_now_ms();
    double idle_since = -1;
    struct timespec pause = {0, 20 * 1000 * 1000};
    double cpu = process_cpu_ms();
    while (hl_now_ms() - start < quiet_ms + 5000) {
        nanosleep(&pause, NULL);
        double now = process_cpu_ms();
        if (now - cpu >= 1.0) {
            idle_since = -1;
        } else {
            if (idle_since < 0) idle_since = hl_now_ms() - 20;
            if (hl_now_ms() - idle_since >= quiet_ms) break;
        }
        cpu = now;
    }
    return hl_now_ms() - start;
}

void hl_sample(long cycle, const hl_cycle* measured, long quiet_ms) {
    if (points == NULL) points = calloc(HL_MAX_CYCLES, sizeof *points);
    if (points == NULL || point_count >= HL_MAX_CYCLES) return;
    hl_point* p = &points[point_count++];
    double settled_ms = settle((double)quiet_ms);
    /* what the C heap only caches is not held: VmRSS is read after it gave its free memory back */
    malloc_trim(0);
    if (record_smaps && cycle >= smaps_warmup) read_smaps(&compared_smaps[cycle == smaps_warmup ? 0 : 1]);
    p->cycle = cycle;
    p->fds = open_fds();
    p->rss_kib = status_value("VmRSS");
    p->threads = status_value("Threads");
    p->classes = measured->classes;
    /* a restart is the previous cycle's destroy and this cycle's init, as when Falco reloads */
    p->restart_ms = last_destroy_ms < 0 ? -1 : last_destroy_ms + measured->init_ms;
    last_destroy_ms = measured->destroy_ms;
    printf("leak check: cycle %ld: fds %ld, VmRSS %ld KiB, threads %ld, classes %ld, init %.1f ms, destroy %.1f ms, "
           "idle after %.0f ms", cycle, p->fds, p->rss_kib, p->threads, p->classes, measured->init_ms,
           measured->destroy_ms, settled_ms);
    if (p->restart_ms >= 0) printf(", restart %.1f ms", p->restart_ms);
    putchar('\n');
}

static int compare_doubles(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return x < y ? -1 : x > y;
}

static int leak(const char* fmt, long a, long b, long c, long d) {
    fflush(stdout);
    fputs("FAIL: ", stderr);
    fprintf(stderr, fmt, a, b, c, d);
    fputc('\n', stderr);
    return 0;
}

int hl_verdict(const hl_limits* limits) {
    if (point_count < 2) {
        printf("leak check: %ld cycle, nothing to compare\n", point_count);
        return 1;
    }
    const hl_point* first = &points[0];
    const hl_point* last = &points[point_count - 1];
    long warm_index = limits->warmup < point_count ? limits->warmup - 1 : point_count - 1;
    if (warm_index < 0) warm_index = 0;
    const hl_point* warm = &points[warm_index];
    int ok = 1;
    for (long i = 1; i < point_count; i++) {
        if (points[i].fds > first->fds)
            ok = leak("descriptors grew: %ld open after cycle %ld, %ld after cycle %ld", points[i].fds, points[i].cycle,
                      first->fds, first->cycle);
        if (i > warm_index && points[i].threads > warm->threads)
            ok = leak("threads grew: %ld after cycle %ld, %ld after cycle %ld", points[i].threads, points[i].cycle,
                      warm->threads, warm->cycle);
        if (!ok) break;
    }
    if (last->rss_kib - warm->rss_kib > limits->rss_kib)
        ok = leak("VmRSS grew by %ld KiB from cycle %ld to cycle %ld (bound %ld KiB)", last->rss_kib - warm->rss_kib,
                  warm->cycle, last->cycle, limits->rss_kib);
    if (warm->classes >= 0 && last->classes - warm->classes > limits->classes)
        ok = leak("loaded classes grew by %ld from cycle %ld to cycle %ld (bound %ld)", last->classes - warm->classes,
                  warm->cycle, last->cycle, limits->classes);
    if (limits->smaps) print_grown_mappings();
    double* restarts = calloc((size_t)point_count, sizeof *restarts);
    long n = 0;
    if (restarts == NULL) return ok;
    for (long i = 1; i < point_count; i++)
        if (points[i].restart_ms >= 0) restarts[n++] = points[i].restart_ms;
    qsort(restarts, (size_t)n, sizeof restarts[0], compare_doubles);
    printf("leak check: %ld cycles: fds %ld -> %ld, VmRSS %ld KiB (cycle %ld) -> %ld KiB, threads %ld -> %ld, "
           "classes %ld (cycle %ld) -> %ld; restart median %.1f ms, max %.1f ms: %s\n",
           point_count, first->fds, last->fds, warm->rss_kib, warm->cycle, last->rss_kib, warm->threads, last->threads,
           warm->classes, warm->cycle, last->classes, n ? restarts[n / 2] : 0.0, n ? restarts[n - 1] : 0.0,
           ok ? "no leak" : "LEAK");
    free(restarts);
    return ok;
}
