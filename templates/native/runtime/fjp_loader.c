/* The plugin's class loader, and the SDK's Bootstrap that installs and releases the bridge through it. */
#ifndef FJP_LOADER_C
#define FJP_LOADER_C

#include "fjp_runtime.h"
#include "fjp_jvm.c"

#include <stdio.h>
#include <string.h>

static jobject fjp_loader = NULL;
static jclass fjp_bootstrap = NULL;

static int fjp_java_failed(JNIEnv* env, const char* step, char* err, size_t size) {
    jthrowable failure = (*env)->ExceptionOccurred(env);
    if (failure == NULL) {
        return 0;
    }
    (*env)->ExceptionClear(env);
    snprintf(err, size, "%s failed", step);
    jclass type = (*env)->FindClass(env, "java/lang/Object");
    jmethodID to_string = type ? (*env)->GetMethodID(env, type, "toString", "()Ljava/lang/String;") : NULL;
    jstring text = to_string ? (jstring)(*env)->CallObjectMethod(env, failure, to_string) : NULL;
    if (text != NULL && !(*env)->ExceptionCheck(env)) {
        const char* chars = (*env)->GetStringUTFChars(env, text, NULL);
        if (chars != NULL) {
            fjp_append(err, size, ": %s", chars);
            (*env)->ReleaseStringUTFChars(env, text, chars);
        }
    }
    (*env)->ExceptionClear(env);
    return 1;
}

/* new URLClassLoader(new URL[]{new File(jar).toURI().toURL()}, ClassLoader.getPlatformClassLoader()) */
static jobject fjp_plugin_loader(JNIEnv* env, const char* jar, char* err, size_t size) {
    jclass file_class = (*env)->FindClass(env, "java/io/File");
    if (fjp_java_failed(env, "finding java.io.File", err, size)) return NULL;
    jobject file = (*env)->NewObject(env, file_class,
                                     (*env)->GetMethodID(env, file_class, "<init>", "(Ljava/lang/String;)V"),
                                     (*env)->NewStringUTF(env, jar));
    if (fjp_java_failed(env, "opening the plugin jar", err, size)) return NULL;
    jobject uri = (*env)->CallObjectMethod(env, file,
                                           (*env)->GetMethodID(env, file_class, "toURI", "()Ljava/net/URI;"));
    if (fjp_java_failed(env, "locating the plugin jar", err, size)) return NULL;
    jclass uri_class = (*env)->FindClass(env, "java/net/URI");
    jobject url = (*env)->CallObjectMethod(env, uri,
                                           (*env)->GetMethodID(env, uri_class, "toURL", "()Ljava/net/URL;"));
    if (fjp_java_failed(env, "locating the plugin jar", err, size)) return NULL;
    jclass url_class = (*env)->FindClass(env, "java/net/URL");
    jobjectArray urls = (*env)->NewObjectArray(env, 1, url_class, url);
    if (fjp_java_failed(env, "preparing the class path", err, size)) return NULL;
    jclass loader_class = (*env)->FindClass(env, "java/lang/ClassLoader");
    jobject platform = (*env)->CallStaticObjectMethod(
            env, loader_class,
            (*env)->GetStaticMethodID(env, loader_class, "getPlatformClassLoader", "()Ljava/lang/ClassLoader;"));
    if (fjp_java_failed(env, "finding the platform class loader", err, size)) return NULL;
    jclass url_loader_class = (*env)->FindClass(env, "java/net/URLClassLoader");
    jobject loader = (*env)->NewObject(
            env, url_loader_class,
            (*env)->GetMethodID(env, url_loader_class, "<init>", "([Ljava/net/URL;Ljava/lang/ClassLoader;)V"),
            urls, platform);
    if (fjp_java_failed(env, "creating the plugin class loader", err, size)) return NULL;
    return loader;
}

/* loader.close(), reporting nothing: used where a failure has nowhere to go but the error already written. */
static void fjp_close_loader(JNIEnv* env, jobject loader) {
    jclass type = (*env)->GetObjectClass(env, loader);
    jmethodID close_method = type ? (*env)->GetMethodID(env, type, "close", "()V") : NULL;
    if (close_method != NULL) {
        (*env)->CallVoidMethod(env, loader, close_method);
    }
    (*env)->ExceptionClear(env);
}

FJP_SHARED int fjp_install_bridge(JNIEnv* env, const fjp_glue* glue, const char* jar, char* err, size_t size) {
    jobject loader = fjp_plugin_loader(env, jar, err, size);
    if (loader == NULL) {
        return -1;
    }
    jclass loader_class = (*env)->GetObjectClass(env, loader);
    jobject bootstrap = (*env)->CallObjectMethod(
            env, loader,
            (*env)->GetMethodID(env, loader_class, "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;"),
            (*env)->NewStringUTF(env, FJP_BOOTSTRAP_CLASS));
    int rc = -1;
    jmethodID install = NULL;
    jstring failure = NULL;
    if (fjp_java_failed(env, "loading the SDK bootstrap from the plugin jar", err, size)) goto done;
    install = (*env)->GetStaticMethodID(env, (jclass)bootstrap, "install", "(JLjava/lang/String;)Ljava/lang/String;");
    if (fjp_java_failed(env, "finding the SDK bootstrap entry point", err, size)) goto done;
    failure = (jstring)(*env)->CallStaticObjectMethod(env, (jclass)bootstrap, install, (jlong)(intptr_t)glue->bridge,
                                                      (*env)->NewStringUTF(env, glue->plugin_class));
    if (fjp_java_failed(env, "installing the plugin bridge", err, size)) goto done;
    if (failure != NULL) {
        const char* chars = (*env)->GetStringUTFChars(env, failure, NULL);
        snprintf(err, size, "%s", chars ? chars : "installing the plugin bridge failed");
        if (chars) (*env)->ReleaseStringUTFChars(env, failure, chars);
        goto done;
    }
    for (int slot = 0; slot < glue->slot_count; slot++) {
        if ((*glue->wanted & (1ULL << slot)) && glue->slots[slot] == NULL) {
            snprintf(err, size, "the SDK left bridge slot %d empty", slot);
            goto done;
        }
    }
    fjp_loader = (*env)->NewGlobalRef(env, loader);
    fjp_bootstrap = (jclass)(*env)->NewGlobalRef(env, bootstrap);
    if (fjp_loader == NULL || fjp_bootstrap == NULL) {
        snprintf(err, size, "the Java runtime is out of memory for global references");
        goto done;
    }
    rc = 0;
done:
    if (rc != 0) {
        if (fjp_bootstrap != NULL) (*env)->DeleteGlobalRef(env, fjp_bootstrap);
        if (fjp_loader != NULL) (*env)->DeleteGlobalRef(env, fjp_loader);
        fjp_bootstrap = NULL;
        fjp_loader = NULL;
        fjp_close_loader(env, loader);
    }
    return rc;
}

/*
 * Undoes fjp_install_bridge: the SDK releases the bridge (stubs, states, log route, context class loaders), then
 * the class loader closes its jar, the last references go, and a collection unloads the plugin's classes now rather
 * than at some later one. Failures go to standard error: plugin_destroy cannot report them.
 */
FJP_SHARED int fjp_release_bridge(JNIEnv* env, const fjp_glue* glue, char* err, size_t size) {
    jmethodID release = (*env)->GetStaticMethodID(env, fjp_bootstrap, "release", "(J)Ljava/lang/String;");
    if (!fjp_java_failed(env, "finding the SDK release entry point", err, size)) {
        jstring failure = (jstring)(*env)->CallStaticObjectMethod(env, fjp_bootstrap, release,
                                                                  (jlong)(intptr_t)glue->bridge);
        if (!fjp_java_failed(env, "releasing the plugin bridge", err, size) && failure != NULL) {
            const char* chars = (*env)->GetStringUTFChars(env, failure, NULL);
            snprintf(err, size, "%s", chars ? chars : "releasing the plugin bridge failed");
            if (chars) (*env)->ReleaseStringUTFChars(env, failure, chars);
        }
    }
    fjp_close_loader(env, fjp_loader);
    (*env)->DeleteGlobalRef(env, fjp_bootstrap);
    (*env)->DeleteGlobalRef(env, fjp_loader);
    fjp_bootstrap = NULL;
    fjp_loader = NULL;
    memset(glue->slots, 0, (size_t)glue->slot_count * sizeof glue->slots[0]);
    jclass system = (*env)->FindClass(env, "java/lang/System");
    jmethodID gc = system ? (*env)->GetStaticMethodID(env, system, "gc", "()V") : NULL;
    if (gc != NULL) {
        (*env)->CallStaticVoidMethod(env, system, gc);
    }
    (*env)->ExceptionClear(env);
    return err[0] == '\0' ? 0 : -1;
}
#ifdef FJP_BUNDLED_RUNTIME
/*
 * A bundled plugin that joins a JVM another plugin started runs on that plugin's runtime, not on its own: says so
 * on standard error once, and refuses to start when that runtime lacks a module this plugin's runtime was made with.
 */
FJP_SHARED int fjp_check_joined_runtime(JNIEnv* env, const fjp_glue* glue, char* err, size_t size) {
    static int reported = 0;
    if (!fjp_joined) {
        return 0;
    }
    char home[4096];
    char started_by[256];
    fjp_system_property(env, "java.home", home, sizeof home);
    fjp_system_property(env, FJP_STARTED_BY_PROPERTY, started_by, sizeof started_by);
    if (started_by[0] == '\0') {
        snprintf(started_by, sizeof started_by, "%s", "the host process");
    }
    int started_by_other = strcmp(started_by, glue->name) != 0;
    if (started_by_other && !reported) {
        reported = 1;
        fprintf(stderr, "plugin %s: joined the Java runtime at %s started by plugin %s (one JVM per process); its own "
                        "bundled runtime %s is not used\n", glue->name, home, started_by, FJP_BUNDLED_RUNTIME);
    }
    jclass layer_class = (*env)->FindClass(env, "java/lang/ModuleLayer");
    if (fjp_java_failed(env, "finding java.lang.ModuleLayer", err, size)) return -1;
    jobject boot = (*env)->CallStaticObjectMethod(
            env, layer_class, (*env)->GetStaticMethodID(env, layer_class, "boot", "()Ljava/lang/ModuleLayer;"));
    if (fjp_java_failed(env, "reading the modules of the Java runtime", err, size)) return -1;
    jmethodID find = (*env)->GetMethodID(env, layer_class, "findModule", "(Ljava/lang/String;)Ljava/util/Optional;");
    jclass optional_class = (*env)->FindClass(env, "java/util/Optional");
    if (fjp_java_failed(env, "reading the modules of the Java runtime", err, size)) return -1;
    jmethodID present = (*env)->GetMethodID(env, optional_class, "isPresent", "()Z");
    if (fjp_java_failed(env, "reading the modules of the Java runtime", err, size)) return -1;
    char missing[1024] = "";
    const char* next = FJP_RUNTIME_MODULES;
    while (*next != '\0') {
        const char* comma = strchr(next, ',');
        size_t length = comma ? (size_t)(comma - next) : strlen(next);
        char module[256];
        snprintf(module, sizeof module, "%.*s", (int)length, next);
        jobject found = (*env)->CallObjectMethod(env, boot, find, (*env)->NewStringUTF(env, module));
        if (fjp_java_failed(env, "reading the modules of the Java runtime", err, size)) return -1;
        if (!(*env)->CallBooleanMethod(env, found, present)) {
            fjp_append(missing, sizeof missing, "%s%s", missing[0] ? ", " : "", module);
        }
        (*env)->DeleteLocalRef(env, found);
        next += length + (comma ? 1 : 0);
    }
    if (missing[0] != '\0') {
        snprintf(err, size,
                 "the Java runtime at %s, started by plugin %s, lacks the module(s) %s that this plugin needs (one JVM "
                 "per process: the first Java plugin's runtime is used); add them to the first plugin's runtime "
                 "(jvm.modules in its plugin.yaml) or load this plugin first",
                 home, started_by, missing);
        return -1;
    }
    return 0;
}
#endif

#endif
