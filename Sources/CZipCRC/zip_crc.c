// CRC-32 by folding with carry-less multiplication, after Gopal et al., "Fast CRC Computation
// for Generic Polynomials Using PCLMULQDQ Instruction" (Intel, 2009). The constants are the
// bit-reflected fold multipliers x^k mod P(x) for P = 0x04C11DB7 given there: 512-bit folds
// (k1, k2), 128-bit folds (k3, k4), 64 → 32 bits (k5), then Barrett reduction with P' and μ.
#include "zip_crc.h"
#include <zlib.h>

#if defined(__x86_64__)
#include <immintrin.h>

static const uint64_t k1 = 0x154442bd4, k2 = 0x1c6e41596;
static const uint64_t k3 = 0x1751997d0, k4 = 0x0ccaa009e;
static const uint64_t k5 = 0x163cd6124;
static const uint64_t poly = 0x1db710641, mu = 0x1f7011641;

/// One fold: the 128-bit remainder `x` moved forward by the distance `k` encodes, plus `next`.
__attribute__((target("pclmul,sse2")))
static inline __m128i fold(__m128i x, __m128i k, __m128i next) {
    __m128i low = _mm_clmulepi64_si128(x, k, 0x00);
    __m128i high = _mm_clmulepi64_si128(x, k, 0x11);
    return _mm_xor_si128(_mm_xor_si128(low, high), next);
}

/// The raw (not inverted) CRC register after `length` bytes; `length` ≥ 64 and a multiple of 16.
__attribute__((target("pclmul,sse2")))
static uint32_t fold_bulk(uint32_t state, const unsigned char *p, size_t length) {
    __m128i x0 = _mm_xor_si128(_mm_loadu_si128((const __m128i *)p), _mm_cvtsi32_si128((int)state));
    __m128i x1 = _mm_loadu_si128((const __m128i *)(p + 16));
    __m128i x2 = _mm_loadu_si128((const __m128i *)(p + 32));
    __m128i x3 = _mm_loadu_si128((const __m128i *)(p + 48));
    p += 64;
    length -= 64;
    const __m128i k12 = _mm_set_epi64x((long long)k2, (long long)k1);
    while (length >= 64) {
        x0 = fold(x0, k12, _mm_loadu_si128((const __m128i *)p));
        x1 = fold(x1, k12, _mm_loadu_si128((const __m128i *)(p + 16)));
        x2 = fold(x2, k12, _mm_loadu_si128((const __m128i *)(p + 32)));
        x3 = fold(x3, k12, _mm_loadu_si128((const __m128i *)(p + 48)));
        p += 64;
        length -= 64;
    }
    const __m128i k34 = _mm_set_epi64x((long long)k4, (long long)k3);
    __m128i x = fold(fold(fold(x0, k34, x1), k34, x2), k34, x3);
    while (length >= 16) {
        x = fold(x, k34, _mm_loadu_si128((const __m128i *)p));
        p += 16;
        length -= 16;
    }
    // 128 → 64 bits: the low half times k4, added to the high half (shifted down).
    x = _mm_xor_si128(_mm_clmulepi64_si128(x, k34, 0x10), _mm_srli_si128(x, 8));
    // 64 → 32 bits with k5.
    const __m128i mask32 = _mm_set_epi32(0, 0, 0, -1);
    const __m128i k5v = _mm_set_epi64x(0, (long long)k5);
    x = _mm_xor_si128(_mm_clmulepi64_si128(_mm_and_si128(x, mask32), k5v, 0x00), _mm_srli_si128(x, 4));
    // Barrett reduction to the 32-bit remainder.
    const __m128i pmu = _mm_set_epi64x((long long)mu, (long long)poly);
    __m128i t = _mm_and_si128(_mm_clmulepi64_si128(_mm_and_si128(x, mask32), pmu, 0x10), mask32);
    t = _mm_clmulepi64_si128(t, pmu, 0x00);
    x = _mm_xor_si128(x, t);
    return (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(x, 4));
}
#endif

uint32_t zip_crc32(uint32_t crc, const unsigned char *data, size_t length) {
#if defined(__x86_64__)
    static int usable = -1;
    if (usable < 0) usable = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse2");
    size_t bulk = length & ~(size_t)15;
    if (usable && bulk >= 64) {
        crc = ~fold_bulk(~crc, data, bulk);
        data += bulk;
        length -= bulk;
    }
#endif
    return (uint32_t)crc32_z(crc, data, length);
}
