/*
 * The native side of the upcall benchmark: calls a function pointer (an upcall stub) n times in a loop, with the
 * argument shape of the bridge's slots today, three int64_t and an int32_t result, or four int64_t and an int64_t.
 */
#include <stdint.h>

typedef int32_t (*three_args)(int64_t, int64_t, int64_t);
typedef int64_t (*four_args)(int64_t, int64_t, int64_t, int64_t);

int64_t call_three(void* fn, int64_t n) {
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++) sum += ((three_args)fn)(i, 2, 3);
    return sum;
}

int64_t call_four(void* fn, int64_t n) {
    int64_t sum = 0;
    for (int64_t i = 0; i < n; i++) sum += ((four_args)fn)(i, 2, 3, 4);
    return sum;
}
