/*
 * The JSON workload driver: loads a plugin like libsinsp does, gives it one plugin event whose payload is a k8s
 * audit event (the file given), and measures ns per extract_fields call for its four fields (verb, user.username,
 * objectRef.resource, responseStatus.code), median of several runs. The event number changes on every call, so a
 * plugin that caches its parse per event parses every time. The values are checked first: both plugins must
 * extract the same ones.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "falco_host_abi.h"

#define RUNS 5

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare(const void* a, const void* b) {
    double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: json_bench plugin.so event.json [calls]\n");
        return 2;
    }
    long calls = argc > 3 ? atol(argv[3]) : 1000000;
    FILE* file = fopen(argv[2], "rb");
    if (file == NULL) {
        fprintf(stderr, "json_bench: cannot read %s\n", argv[2]);
        return 2;
    }
    static char json[65536];
    size_t length = fread(json, 1, sizeof json, file);
    fclose(file);
    while (length > 0 && (json[length - 1] == '\n' || json[length - 1] == '\r')) length--;

    void* handle = dlopen(argv[1], RTLD_LOCAL | RTLD_NOW);
    if (handle == NULL) {
        fprintf(stderr, "json_bench: %s\n", dlerror());
        return 1;
    }
    void* (*init)(const host_init_input*, int32_t*) = (void* (*)(const host_init_input*, int32_t*))dlsym(handle, "plugin_init");
    const char* (*last_error)(void*) = (const char* (*)(void*))dlsym(handle, "plugin_get_last_error");
    int32_t (*extract)(void*, const host_event_input*, const host_extract_input*) =
            (int32_t (*)(void*, const host_event_input*, const host_extract_input*))dlsym(handle, "plugin_extract_fields");
    if (init == NULL || last_error == NULL || extract == NULL) {
        fprintf(stderr, "json_bench: %s is not an extract plugin\n", argv[1]);
        return 1;
    }
    host_init_input input = {"", &input, NULL, NULL, NULL};
    int32_t rc = 1;
    void* state = init(&input, &rc);
    if (rc != 0) {
        fprintf(stderr, "json_bench: init failed: %s\n", state ? last_error(state) : "");
        return 1;
    }

    size_t size = sizeof(host_event_header) + 12 + length;
    unsigned char* evt = calloc(1, size);
    host_event_header* header = (host_event_header*)evt;
    header->ts = UINT64_MAX;
    header->tid = UINT64_MAX;
    header->len = (uint32_t)size;
    header->type = HOST_PLUGIN_EVENT_TYPE;
    header->nparams = 2;
    uint32_t lens[2] = {4, (uint32_t)length}, id = 999;
    memcpy(evt + sizeof *header, lens, 8);
    memcpy(evt + sizeof *header + 8, &id, 4);
    memcpy(evt + sizeof *header + 12, json, length);

    static const uint32_t types[4] = {9, 9, 9, 8};
    host_extract_field fields[4];
    memset(fields, 0, sizeof fields);
    for (uint32_t i = 0; i < 4; i++) {
        fields[i].field_id = i;
        fields[i].ftype = types[i];
        fields[i].field = "audit";
    }
    host_extract_input in;
    memset(&in, 0, sizeof in);
    in.num_fields = 4;
    in.fields = fields;
    host_event_input event = {(const host_event_header*)evt, 1, "audit"};

    if (extract(state, &event, &in) != 0) {
        fprintf(stderr, "json_bench: extract_fields failed: %s\n", last_error(state));
        return 1;
    }
    static const char* const expected[3] = {"create", "system:serviceaccount:kube-system:replicaset-controller", "pods"};
    for (int i = 0; i < 3; i++) {
        if (fields[i].res_len != 1 || strcmp(fields[i].res.str[0], expected[i]) != 0) {
            fprintf(stderr, "json_bench: field %d is not '%s'\n", i, expected[i]);
            return 1;
        }
    }
    if (fields[3].res_len != 1 || fields[3].res.u64[0] != 201) {
        fprintf(stderr, "json_bench: the code is not 201\n");
        return 1;
    }

    double results[RUNS];
    for (int run = -1; run < RUNS; run++) {
        double start = now();
        for (long c = 0; c < calls; c++) {
            event.evtnum = (uint64_t)c + 2;
            if (extract(state, &event, &in) != 0) {
                fprintf(stderr, "json_bench: extract_fields failed: %s\n", last_error(state));
                return 1;
            }
        }
        double ns = (now() - start) * 1e9 / (double)calls;
        if (run >= 0) results[run] = ns;
    }
    qsort(results, RUNS, sizeof(double), compare);
    printf("json_extract_4_fields_ns %.2f\n", results[RUNS / 2]);
    return 0;
}
