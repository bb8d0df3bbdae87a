/*
 * --aot-train FILE: the training run of a plugin's JDK AOT cache. The JVM the plugin's glue starts is told through
 * JAVA_TOOL_OPTIONS (after what it already holds, and the options of --aot-jvm-options) to write its cache to FILE
 * when it ends (-XX:AOTCacheOutput); the run drives the plugin as usual
 * (init, open, batches, every field one call at a time, parse), keeps the last plugin state alive so that its
 * classes are still loaded, and ends the JVM with DestroyJavaVM from main: only then does the JVM write the cache.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"

/* The start of JNI's invocation interface (jni.h's JNIInvokeInterface_), enough to end the JVM without jni.h. */
typedef struct aot_invoke_interface aot_invoke_interface;
typedef const aot_invoke_interface* aot_vm;
struct aot_invoke_interface {
    void* reserved0;
    void* reserved1;
    void* reserved2;
    int32_t (*destroy_java_vm)(aot_vm* vm);
    int32_t (*attach_current_thread)(aot_vm* vm, void** env, void* args);
};
typedef int32_t (*aot_created_vms_fn)(aot_vm**, int32_t, int32_t*);

#define AOT_OPTION "-XX:AOTCacheOutput="

void aot_prepare(const char* file, const char* jvm_options) {
    if (unlink(file) != 0 && access(file, F_OK) == 0) fail("--aot-train: cannot replace %s", file);
    const char* given = getenv("JAVA_TOOL_OPTIONS");
    if (given == NULL) given = "";
    if (jvm_options == NULL) jvm_options = "";
    size_t size = strlen(given) + 1 + strlen(jvm_options) + 1 + strlen(AOT_OPTION) + strlen(file) + 1;
    char* option = malloc(size);
    if (option == NULL) fail("--aot-train: out of memory");
    snprintf(option, size, "%s%s%s%s%s%s", given, given[0] ? " " : "", jvm_options, jvm_options[0] ? " " : "",
             AOT_OPTION, file);
    if (setenv("JAVA_TOOL_OPTIONS", option, 1) != 0) fail("--aot-train: cannot set JAVA_TOOL_OPTIONS");
    free(option);
}

void aot_finish(const char* file) {
    aot_created_vms_fn created = (aot_created_vms_fn)dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs");
    aot_vm* vm = NULL;
    int32_t count = 0;
    if (created == NULL || created(&vm, 1, &count) != 0 || count != 1)
        fail("--aot-train: the plugin started no Java runtime in this process");
    void* env = NULL;
    if ((*vm)->attach_current_thread(vm, &env, NULL) != 0) fail("--aot-train: cannot attach to the Java runtime");
    int32_t rc = (*vm)->destroy_java_vm(vm);
    if (rc != 0) fail("--aot-train: DestroyJavaVM returned %d", (int)rc);
    struct stat st;
    if (stat(file, &st) != 0 || st.st_size == 0) fail("--aot-train: the Java runtime wrote no AOT cache to %s", file);
    printf("aot cache %s (%lld bytes)\n", file, (long long)st.st_size);
}
