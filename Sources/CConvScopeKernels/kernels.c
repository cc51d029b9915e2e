#include "CConvScopeKernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CS_X86 1
#endif

typedef void (*cs_kernel_fn)(long kc, const double *restrict a, const double *restrict b,
                             double *restrict c, long ldc);

// Portable: the compiler vectorises the fixed-size loops for whatever the default target has.
enum { BASE_MR = 4, BASE_NR = 8 };

static void kernel_baseline(long kc, const double *restrict a, const double *restrict b,
                            double *restrict c, long ldc) {
    double acc[BASE_MR][BASE_NR] = {{0}};
    for (long p = 0; p < kc; p++, a += BASE_MR, b += BASE_NR)
        for (int i = 0; i < BASE_MR; i++)
            for (int j = 0; j < BASE_NR; j++)
                acc[i][j] += a[i] * b[j];
    for (int i = 0; i < BASE_MR; i++)
        for (int j = 0; j < BASE_NR; j++)
            c[i * ldc + j] += acc[i][j];
}

#ifdef CS_X86
enum { AVX2_MR = 6, AVX2_NR = 8 };

__attribute__((target("avx2,fma")))
static void kernel_avx2(long kc, const double *restrict a, const double *restrict b,
                        double *restrict c, long ldc) {
    __m256d acc[AVX2_MR][2];
    for (int i = 0; i < AVX2_MR; i++) acc[i][0] = acc[i][1] = _mm256_setzero_pd();
    for (long p = 0; p < kc; p++, a += AVX2_MR, b += AVX2_NR) {
        __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4);
        for (int i = 0; i < AVX2_MR; i++) {
            __m256d ai = _mm256_broadcast_sd(a + i);
            acc[i][0] = _mm256_fmadd_pd(ai, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_pd(ai, b1, acc[i][1]);
        }
    }
    for (int i = 0; i < AVX2_MR; i++)
        for (int j = 0; j < 2; j++) {
            double *at = c + i * ldc + 4 * j;
            _mm256_storeu_pd(at, _mm256_add_pd(_mm256_loadu_pd(at), acc[i][j]));
        }
}

enum { AVX512_MR = 8, AVX512_NR = 24 };

__attribute__((target("avx512f")))
static void kernel_avx512(long kc, const double *restrict a, const double *restrict b,
                          double *restrict c, long ldc) {
    __m512d acc[AVX512_MR][3];
    for (int i = 0; i < AVX512_MR; i++) acc[i][0] = acc[i][1] = acc[i][2] = _mm512_setzero_pd();
    for (long p = 0; p < kc; p++, a += AVX512_MR, b += AVX512_NR) {
        __m512d b0 = _mm512_loadu_pd(b), b1 = _mm512_loadu_pd(b + 8), b2 = _mm512_loadu_pd(b + 16);
        for (int i = 0; i < AVX512_MR; i++) {
            __m512d ai = _mm512_set1_pd(a[i]);
            acc[i][0] = _mm512_fmadd_pd(ai, b0, acc[i][0]);
            acc[i][1] = _mm512_fmadd_pd(ai, b1, acc[i][1]);
            acc[i][2] = _mm512_fmadd_pd(ai, b2, acc[i][2]);
        }
    }
    for (int i = 0; i < AVX512_MR; i++)
        for (int j = 0; j < 3; j++) {
            double *at = c + i * ldc + 8 * j;
            _mm512_storeu_pd(at, _mm512_add_pd(_mm512_loadu_pd(at), acc[i][j]));
        }
}
#endif

int cs_gemm_supported(cs_gemm_kind kind) {
    switch (kind) {
    case CS_GEMM_BASELINE: return 1;
#ifdef CS_X86
    case CS_GEMM_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case CS_GEMM_AVX512: return __builtin_cpu_supports("avx512f");
#endif
    default: return 0;
    }
}

cs_gemm_kind cs_gemm_best(void) {
    if (cs_gemm_supported(CS_GEMM_AVX512)) return CS_GEMM_AVX512;
    if (cs_gemm_supported(CS_GEMM_AVX2)) return CS_GEMM_AVX2;
    return CS_GEMM_BASELINE;
}

cs_gemm_shape cs_gemm_shape_of(cs_gemm_kind kind) {
    switch (kind) {
#ifdef CS_X86
    case CS_GEMM_AVX2: return (cs_gemm_shape){AVX2_MR, AVX2_NR, 256, 96, 2048};
    case CS_GEMM_AVX512: return (cs_gemm_shape){AVX512_MR, AVX512_NR, 192, 144, 2400};
#endif
    default: return (cs_gemm_shape){BASE_MR, BASE_NR, 256, 64, 2048};
    }
}

static cs_kernel_fn kernel_of(cs_gemm_kind kind) {
    switch (kind) {
#ifdef CS_X86
    case CS_GEMM_AVX2: return kernel_avx2;
    case CS_GEMM_AVX512: return kernel_avx512;
#endif
    default: return kernel_baseline;
    }
}

enum { MAX_TILE = 8 * 24 };

void cs_gemm_tile(cs_gemm_kind kind, long kc, const double *a, const double *b,
                  double *c, long ldc, long rows, long cols) {
    cs_gemm_shape shape = cs_gemm_shape_of(kind);
    cs_kernel_fn kernel = kernel_of(kind);
    if (rows == shape.mr && cols == shape.nr) {
        kernel(kc, a, b, c, ldc);
        return;
    }
    double scratch[MAX_TILE] = {0};
    kernel(kc, a, b, scratch, shape.nr);
    for (long i = 0; i < rows; i++)
        for (long j = 0; j < cols; j++)
            c[i * ldc + j] += scratch[i * shape.nr + j];
}
