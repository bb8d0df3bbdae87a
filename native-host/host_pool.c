/*
 * The thread pool capture listeners subscribe routines to, as libsinsp's sinsp_thread_pool_bs runs them: subscribe
 * queues the routine at once; a pool thread runs it, and queues it again while it returns true; a routine that
 * returned false or was unsubscribed is never started again (an iteration already running finishes); after
 * capture_close the pool is purged: every routine still subscribed is dropped and the running ones are waited for.
 * A routine never runs twice at the same time. The routine vtable is valid only during capture_open and
 * capture_close (libsinsp's lives on the stack of the call): the plugin calling it later fails loudly.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "host.h"

#define POOL_THREADS 2
#define MAX_ROUTINES 64

typedef uint32_t (*routine_fn)(void* state, void* arg);

enum routine_end { STILL_SUBSCRIBED, RETURNED_FALSE, UNSUBSCRIBED, PURGED };
static const char* const end_names[] = {"still subscribed", "returned false", "unsubscribed by the plugin",
                                        "purged at capture close"};

typedef struct {
    routine_fn fn;
    void* arg;
    long runs;
    enum routine_end end;
    int running;
} pool_routine;

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t pool_progress = PTHREAD_COND_INITIALIZER;
static pool_routine routines[MAX_ROUTINES];
static size_t routine_count;
static size_t queue[MAX_ROUTINES];
static size_t queue_head, queue_length;
static long running_count;
static void* pool_state;
static int started;

static void enqueue(size_t index) {
    queue[(queue_head + queue_length) % MAX_ROUTINES] = index;
    queue_length++;
    pthread_cond_signal(&pool_work);
}

static void* pool_thread(void* unused) {
    (void)unused;
    pthread_mutex_lock(&pool_lock);
    for (;;) {
        while (queue_length == 0) pthread_cond_wait(&pool_work, &pool_lock);
        pool_routine* r = &routines[queue[queue_head]];
        size_t index = queue[queue_head];
        queue_head = (queue_head + 1) % MAX_ROUTINES;
        queue_length--;
        if (r->end != STILL_SUBSCRIBED) continue;
        r->running = 1;
        running_count++;
        void* state = pool_state;
        pthread_mutex_unlock(&pool_lock);
        uint32_t again = r->fn(state, r->arg);
        pthread_mutex_lock(&pool_lock);
        r->running = 0;
        running_count--;
        r->runs++;
        if (r->end == STILL_SUBSCRIBED) {
            if (again) enqueue(index);
            else r->end = RETURNED_FALSE;
        }
        pthread_cond_broadcast(&pool_progress);
    }
    return NULL;
}

static pool_routine* known_routine(void* handle) {
    for (size_t i = 0; i < routine_count; i++)
        if (handle == &routines[i]) return &routines[i];
    return NULL;
}

static void* subscribe(void* owner, routine_fn fn, void* arg) {
    if (owner != &main_owner) fail("routine subscribe: the owner is not the one capture_open/close passed");
    if (fn == NULL) fail("routine subscribe: the routine function is NULL");
    pthread_mutex_lock(&pool_lock);
    if (routine_count == MAX_ROUTINES) fail("routine subscribe: more than %d routines in one capture", MAX_ROUTINES);
    if (!started) {
        for (int i = 0; i < POOL_THREADS; i++) {
            pthread_t thread;
            if (pthread_create(&thread, NULL, pool_thread, NULL) != 0) fail("cannot start the pool's threads");
            pthread_detach(thread);
        }
        started = 1;
    }
    pool_routine* r = &routines[routine_count];
    *r = (pool_routine){fn, arg, 0, STILL_SUBSCRIBED, 0};
    enqueue(routine_count++);
    pthread_mutex_unlock(&pool_lock);
    return r;
}

static int32_t unsubscribe(void* owner, void* handle) {
    if (owner != &main_owner) fail("routine unsubscribe: the owner is not the one capture_open/close passed");
    pthread_mutex_lock(&pool_lock);
    pool_routine* r = known_routine(handle);
    int32_t rc = HOST_API_RC_FAILURE;
    if (r != NULL && r->end == STILL_SUBSCRIBED) {
        r->end = UNSUBSCRIBED;
        rc = HOST_API_RC_SUCCESS;
    }
    pthread_mutex_unlock(&pool_lock);
    return rc;
}

static void* subscribe_out_of_turn(void* owner, routine_fn fn, void* arg) {
    (void)owner, (void)fn, (void)arg;
    fail("the plugin subscribed a routine outside capture_open and capture_close");
}

static int32_t unsubscribe_out_of_turn(void* owner, void* handle) {
    (void)owner, (void)handle;
    fail("the plugin unsubscribed a routine outside capture_open and capture_close");
}

static host_routine_vtable vtable = {(void*)subscribe_out_of_turn, (void*)unsubscribe_out_of_turn};

host_routine_vtable* pool_lend(void* state) {
    pthread_mutex_lock(&pool_lock);
    pool_state = state;
    pthread_mutex_unlock(&pool_lock);
    vtable.subscribe = (void*)subscribe;
    vtable.unsubscribe = (void*)unsubscribe;
    return &vtable;
}

void pool_take_back(void) {
    vtable.subscribe = (void*)subscribe_out_of_turn;
    vtable.unsubscribe = (void*)unsubscribe_out_of_turn;
}

void pool_await(long runs) {
    pthread_mutex_lock(&pool_lock);
    for (;;) {
        size_t waiting = 0;
        for (size_t i = 0; i < routine_count; i++)
            if (routines[i].end == STILL_SUBSCRIBED && routines[i].runs < runs) waiting++;
        if (waiting == 0) break;
        pthread_cond_wait(&pool_progress, &pool_lock);
    }
    pthread_mutex_unlock(&pool_lock);
    printf("routines: each ran %ld times or ended\n", runs);
}

void pool_purge(long runs) {
    pthread_mutex_lock(&pool_lock);
    for (size_t i = 0; i < routine_count; i++)
        if (routines[i].end == STILL_SUBSCRIBED) routines[i].end = PURGED;
    queue_length = 0;
    while (running_count > 0) pthread_cond_wait(&pool_progress, &pool_lock);
    for (size_t i = 0; i < routine_count; i++) {
        const pool_routine* r = &routines[i];
        if (r->end == RETURNED_FALSE) printf("routine %zu: %s after %ld runs\n", i + 1, end_names[r->end], r->runs);
        else if (r->runs >= runs) printf("routine %zu: %s after at least %ld runs\n", i + 1, end_names[r->end], runs);
        else printf("routine %zu: %s after fewer than %ld runs\n", i + 1, end_names[r->end], runs);
    }
    routine_count = 0;
    pthread_mutex_unlock(&pool_lock);
}
