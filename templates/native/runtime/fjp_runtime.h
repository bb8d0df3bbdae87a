/*
 * The plugin-independent part of the native glue: finding and starting a Java runtime, the plugin jar as an
 * anonymous memory file, the plugin's class loader, the thread that boots and releases the bridge. Plain C, the same
 * for every plugin; the generated plugin_glue.c #includes these sources into its one translation unit, so that every
 * function stays static (a static library exports nothing, and two plugins link into one program).
 *
 * What each plugin differs in, the generated glue passes as an fjp_glue.
 */
#ifndef FJP_RUNTIME_H
#define FJP_RUNTIME_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <jni.h>
#include <stddef.h>
#include <stdint.h>

#ifndef FJP_BUILD_JAVA_HOME
#define FJP_BUILD_JAVA_HOME ""
#endif
/* A bundled build names its runtime folder (lib<name>.jre, beside the library) and the modules jlink put in it. */
#if defined(FJP_BUNDLED_RUNTIME) && !defined(FJP_RUNTIME_MODULES)
#error "FJP_RUNTIME_MODULES must list the bundled runtime's modules (a C string literal, comma-separated)"
#endif

#define FJP_ERROR_MAX 4096
#define FJP_MIN_JAVA_FEATURE 25
#define FJP_BOOTSTRAP_CLASS "dev.falcojava.sdk.abi.Bootstrap"
/* ss_plugin_log_severity's debug level. */
#define FJP_LOG_SEV_DEBUG 7
#define FJP_STARTED_BY_PROPERTY "dev.falcojava.runtime.started-by"

/*
 * A function one runtime source gives the others or the generated glue: static like every function of the glue, and
 * not reported as unused when its source is compiled by itself.
 */
#define FJP_SHARED static __attribute__((unused))

/* What the runtime needs of one plugin. */
typedef struct {
    const char* name;                /* the plugin's name, for messages and the JVM's started-by property */
    const char* plugin_class;        /* the plugin's class, as Bootstrap.install takes it */
    const char* java_home;           /* plugin.yaml's jvm.java-home, or "" */
    const char* const* jvm_options;  /* plugin.yaml's jvm.options, NULL-terminated */
    const unsigned char* jar_start;  /* the embedded plugin jar */
    const unsigned char* jar_end;
    const char* jar_name;            /* the name of its memory file */
    void* bridge;                    /* the bridge table the SDK fills (BridgeSlot's layout) */
    void** slots;                    /* its slots */
    int slot_count;
    const uint64_t* wanted;          /* its mask of the slots this plugin uses */
} fjp_glue;

/* Work done attached to the JVM. */
typedef int (*fjp_java_work)(JNIEnv* env, const fjp_glue* glue, char* err, size_t size);

#endif
