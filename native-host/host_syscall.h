/*
 * The test host's encoder of syscall events: each line of a file becomes one event laid out as the driver lays it
 * out (26-byte header, 16-bit parameter lengths, or 32-bit ones for large-payload types, then the parameters).
 *
 * A line is the event type code, optionally "large", then one TYPE=VALUE per parameter in order, TYPE being the
 * event table's parameter type:
 *   - integer types (INT8..UINT64, FD, PID, ERRNO, UID, GID, FLAGS*, ENUMFLAGS*, MODE, SIGTYPE, SYSCALLID, SIGSET,
 *     RELTIME, ABSTIME, FD32, PID32, PORT, BOOL): a number (decimal, 0x hex, negative), little-endian of the width;
 *   - CHARBUF, FSPATH, FSRELPATH: text with %XX escapes, NUL-terminated;
 *   - BYTEBUF and RAW: hex bytes;
 *   - SOCKADDR: inet:A.B.C.D:PORT, inet6:HEX32:PORT, unix:PATH or none;
 *   - SOCKTUPLE: inet:A.B.C.D:P>A.B.C.D:P, inet6:HEX32:P>HEX32:P, unix:PTRHEX>PTRHEX:PATH or none;
 *   - FDLIST: FD:FLAGS,FD:FLAGS... (empty for none);
 *   - DYN: INDEX:HEX (the index byte, then the value's bytes).
 * A value of ~ makes the parameter empty, whatever its type. Blank lines and lines starting with # are skipped.
 */
#ifndef HOST_SYSCALL_H
#define HOST_SYSCALL_H

#include <stddef.h>

#include "falco_host_abi.h"

#define HS_MAX_EVENT 65536

/* Encodes one line into evt (HS_MAX_EVENT bytes) with ts and tid; 0 on success, else -1 with a message in err. */
int hs_encode(const char* line, unsigned char* evt, uint64_t ts, uint64_t tid, char* err, size_t errlen);

/* Encodes every event of the file at path in turn and hands each to deliver; the count, or -1 with err. */
long hs_feed(const char* path, void (*deliver)(const host_event_header* e, long number, void* ctx), void* ctx,
             char* err, size_t errlen);

#endif
