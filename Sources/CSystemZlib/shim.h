// The system zlib: CRC-32 and raw deflate for the .npz reader and writer.
#include <zlib.h>
