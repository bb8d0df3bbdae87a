/*
 * The bridge's life: installed on the first plugin_init, on a short-lived thread of its own; released, with the class
 * loader and the jar, after the last plugin_destroy.
 */
#ifndef FJP_BOOT_C
#define FJP_BOOT_C

#include "fjp_runtime.h"
#include "fjp_jar.c"
#include "fjp_jvm.c"
#include "fjp_loader.c"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/*
 * What plugin_init took and plugin_destroy gives back. fjp_lock guards them. The bridge is installed while at least
 * one plugin state is alive (fjp_live); the last destroy releases it, closes the plugin's class loader and the
 * in-memory jar, so a host that destroys and inits again (Falco's hot restart) starts from nothing each time.
 */
static pthread_mutex_t fjp_lock = PTHREAD_MUTEX_INITIALIZER;
static int fjp_ready = 0;
static long fjp_live = 0;

/* Runs work attached to the JVM, in a local frame, then detaches. */
static int fjp_attached(fjp_java_work work, const fjp_glue* glue, char* err, size_t size) {
    JNIEnv* env = NULL;
    jint got = (*fjp_vm)->GetEnv(fjp_vm, (void**)&env, JNI_VERSION_21);
    if (got == JNI_EDETACHED) {
        got = (*fjp_vm)->AttachCurrentThread(fjp_vm, (void**)&env, NULL);
    }
    if (got != JNI_OK) {
        snprintf(err, size, "cannot attach to the Java runtime (%d)", (int)got);
        return -1;
    }
    int rc;
    if ((*env)->PushLocalFrame(env, 64) != 0) {
        (*env)->ExceptionClear(env);
        snprintf(err, size, "the Java runtime is out of memory for local references");
        rc = -1;
    } else {
        rc = work(env, glue, err, size);
        (*env)->PopLocalFrame(env, NULL);
    }
    (*fjp_vm)->DetachCurrentThread(fjp_vm);
    return rc;
}

static int fjp_install(JNIEnv* env, const fjp_glue* glue, char* err, size_t size) {
#ifdef FJP_BUNDLED_RUNTIME
    if (fjp_check_joined_runtime(env, glue, err, size) != 0) {
        return -1;
    }
#endif
    char jar[64];
    if (fjp_jar_path(glue, jar, sizeof jar, err, size) != 0) {
        return -1;
    }
    return fjp_install_bridge(env, glue, jar, err, size);
}

/* Finds or starts the JVM and installs the bridge; runs on its own short-lived thread (see fjp_on_own_thread). */
static int fjp_boot(const fjp_glue* glue, char* err, size_t size) {
    if (fjp_vm == NULL && fjp_find_vm(glue, err, size) != 0) {
        return -1;
    }
    return fjp_attached(fjp_install, glue, err, size);
}

static int fjp_release(const fjp_glue* glue, char* err, size_t size) {
    return fjp_attached(fjp_release_bridge, glue, err, size);
}

typedef int (*fjp_job_run)(const fjp_glue* glue, char* err, size_t size);

typedef struct {
    fjp_job_run run;
    const fjp_glue* glue;
    char* err;
    size_t size;
    int rc;
} fjp_job;

static void* fjp_job_thread(void* arg) {
    fjp_job* job = (fjp_job*)arg;
    job->rc = job->run(job->glue, job->err, job->size);
    return NULL;
}

/*
 * The JVM is found or started, and the bridge installed and released, on a short-lived thread of its own, which
 * detaches when done, so the host's thread is never the JVM's primordial thread and carries no JNI state. Host
 * threads that call into Java are attached by the JVM on their first upcall, once per thread.
 */
static int fjp_on_own_thread(fjp_job_run run, const fjp_glue* glue, char* err, size_t size) {
    fjp_job job = {run, glue, err, size, -1};
    pthread_t thread;
    int started = pthread_create(&thread, NULL, fjp_job_thread, &job);
    if (started != 0) {
        snprintf(err, size, "cannot start a thread to call the Java runtime: %s", strerror(started));
        return -1;
    }
    pthread_join(thread, NULL);
    return job.rc;
}

/* Installs the bridge unless it is; on success the caller's state counts as live. */
FJP_SHARED int fjp_acquire_bridge(const fjp_glue* glue, char* err, size_t size) {
    pthread_mutex_lock(&fjp_lock);
    int rc = 0;
    if (!fjp_ready) {
        fjp_register_memory_barrier(glue);
        rc = fjp_on_own_thread(fjp_boot, glue, err, size);
        fjp_ready = rc == 0;
    }
    if (rc == 0) {
        fjp_live++;
    }
    pthread_mutex_unlock(&fjp_lock);
    return rc;
}

/*
 * Gives the C heap's free memory back to the system (glibc's malloc_trim, looked up so that other C libraries
 * simply skip it): the JIT compilers' work areas of the released classes are freed by then, and glibc would keep them.
 */
static void fjp_trim_native_heap(void) {
    typedef int (*fjp_trim_fn)(size_t);
    fjp_trim_fn trim = (fjp_trim_fn)dlsym(RTLD_DEFAULT, "malloc_trim");
    if (trim != NULL) {
        trim(0);
    }
}

/* Called once per state fjp_acquire_bridge counted, after its destroy: the last one releases everything. */
FJP_SHARED void fjp_release_bridge_of_state(const fjp_glue* glue) {
    pthread_mutex_lock(&fjp_lock);
    if (--fjp_live == 0 && fjp_ready) {
        char err[FJP_ERROR_MAX] = "";
        if (fjp_on_own_thread(fjp_release, glue, err, sizeof err) != 0) {
            fprintf(stderr, "plugin %s: destroy: %s\n", glue->name, err);
        }
        fjp_ready = 0;
        fjp_close_jar();
        fjp_trim_native_heap();
    }
    pthread_mutex_unlock(&fjp_lock);
}

/*
 * When the host unloads this library (dlclose) after destroying every state, everything is given back already. A
 * host that unloads it with states alive, or a process that exits, leaves the JVM, the plugin's classes and the
 * jar they read as they are: calling into Java from a library destructor could deadlock on the loader's lock.
 */
__attribute__((destructor)) static void fjp_unload(void) {
    if (!fjp_ready) {
        fjp_close_jar();
    }
}

#endif
