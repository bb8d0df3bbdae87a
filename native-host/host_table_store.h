/* The host's own tables, as the registry of host_tables.c sees them. */
#ifndef HOST_TABLE_STORE_H
#define HOST_TABLE_STORE_H

#include "host_tables.h"

/* The host's own owner, with which it reads tables itself. */
ht_owner* ht_host_owner(void);

/* The error of the last failed call on a host table, copied into the calling owner by the dispatcher. */
extern char hs_error[512];

/* The functions of the host's tables: the table pointer they take is one hs_threads returns. */
void hs_vtables(host_table_reader_vtable_ext* reader, host_table_writer_vtable_ext* writer, host_table_fields_vtable* fields);
/* The "threads" table (int64 key), with its static fields. */
void* hs_threads(void);

#endif
