/*
 * The leak check of --cycles N --check-leaks: after every init/destroy cycle the host samples what the process
 * holds (open descriptors, resident memory, threads, and the plugin's loaded classes through a probe field) and at
 * the end fails when descriptors or threads grew at all, or memory or classes grew past a bound after a warm-up.
 */
#ifndef HOST_LEAKS_H
#define HOST_LEAKS_H

typedef struct {
    long warmup;      /* cycles before memory and classes are compared (--leak-warmup) */
    long rss_kib;     /* growth of VmRSS allowed after the warm-up (--leak-rss-kib) */
    long classes;     /* growth of loaded classes allowed after the warm-up (--leak-classes) */
    long quiet_ms;    /* how long the compared samples wait for the process to rest (--leak-quiet-ms) */
    int smaps;        /* print the mappings whose resident memory grew between the compared samples (--leak-smaps) */
} hl_limits;

/* What one cycle measured while it ran: set by the cycle, read by hl_sample. classes < 0: no probe. */
typedef struct {
    double init_ms;
    double destroy_ms;
    long classes;
} hl_cycle;

/*
 * Prepares the leak check, once, before the plugins load. Makes the C heap give freed memory back in every arena:
 * glibc raises its trim threshold after freeing a large block (up to 64 MiB), and neither free nor malloc_trim
 * shrinks the top of a thread's arena below it, so the JIT compilers' freed work areas would stay resident there.
 */
void hl_prepare(const hl_limits* limits);
/* Milliseconds on a monotonic clock. */
double hl_now_ms(void);
/*
 * Samples the process after a cycle, once it is idle, prints one "leak check:" line and keeps the sample. The cycles
 * the verdict compares (the warm-up's last and the last) are sampled after a quiet period of quiet_ms, others 0.
 */
void hl_sample(long cycle, const hl_cycle* measured, long quiet_ms);
/* Compares the samples; on a leak prints FAIL lines and returns 0. */
int hl_verdict(const hl_limits* limits);

#endif
