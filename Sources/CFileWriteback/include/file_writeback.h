#ifndef FILE_WRITEBACK_H
#define FILE_WRITEBACK_H

#include <stdint.h>

/// Asks the kernel to start writing `length` bytes of the open file `fd` from `offset` back to
/// disk, without waiting for it (Linux's sync_file_range with SYNC_FILE_RANGE_WRITE). Advice
/// only: returns 0, or -1 with errno set where it failed or the system has no such call.
int file_start_writeback(int fd, int64_t offset, int64_t length);

#endif
