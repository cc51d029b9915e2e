#ifndef ZIP_CRC_H
#define ZIP_CRC_H

#include <stddef.h>
#include <stdint.h>

/// The zip (ISO-HDLC) CRC-32 of `length` bytes at `data`, continuing `crc` (0 to start), with
/// the same meaning as zlib's crc32_z. On x86-64 with PCLMULQDQ the bulk is folded 64 bytes at a
/// time by carry-less multiplication; everything else goes to zlib.
uint32_t zip_crc32(uint32_t crc, const unsigned char *data, size_t length);

#endif
