/* The embedded plugin jar as an anonymous, sealed memory file the plugin's class loader reads. */
#ifndef FJP_JAR_C
#define FJP_JAR_C

#include "fjp_runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fjp_jar_fd = -1;

/* Writes the embedded jar into an anonymous, sealed memory file and returns its /proc path. */
FJP_SHARED int fjp_jar_path(const fjp_glue* glue, char* path, size_t path_size, char* err, size_t size) {
    if (fjp_jar_fd < 0) {
        int fd = memfd_create(glue->jar_name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
        if (fd < 0) {
            snprintf(err, size, "cannot create the in-memory plugin jar: %s", strerror(errno));
            return -1;
        }
        const unsigned char* p = glue->jar_start;
        size_t left = (size_t)(glue->jar_end - glue->jar_start);
        while (left > 0) {
            ssize_t w = write(fd, p, left);
            if (w < 0 && errno == EINTR) {
                continue;
            }
            if (w <= 0) {
                snprintf(err, size, "cannot write the in-memory plugin jar: %s", strerror(errno));
                close(fd);
                return -1;
            }
            p += w;
            left -= (size_t)w;
        }
        fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
        fjp_jar_fd = fd;
    }
    snprintf(path, path_size, "/proc/self/fd/%d", fjp_jar_fd);
    return 0;
}

FJP_SHARED void fjp_close_jar(void) {
    if (fjp_jar_fd >= 0) {
        close(fjp_jar_fd);
        fjp_jar_fd = -1;
    }
}

#endif
