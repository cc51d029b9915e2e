#ifndef CCONVSCOPE_KERNELS_H
#define CCONVSCOPE_KERNELS_H

/// Float64 GEMM micro-kernels with runtime CPU dispatch. Each kernel multiplies a packed
/// panel of A (kc steps of `mr` values) by a packed panel of B (kc steps of `nr` values)
/// and adds the `mr × nr` product into row-major C. Packing and blocking live in Swift.

/// Which micro-kernel to run.
typedef enum {
    CS_GEMM_BASELINE = 0,  ///< Portable C, vectorised by the compiler for the default target.
    CS_GEMM_AVX2 = 1,      ///< AVX2 + FMA, 6 × 8.
    CS_GEMM_AVX512 = 2,    ///< AVX-512F, 8 × 24.
} cs_gemm_kind;

/// A kernel's register tile and the cache blocks that suit it.
typedef struct {
    long mr, nr;     ///< Rows and columns of C one call computes.
    long kc, mc, nc; ///< Depth, rows and columns of the packed blocks.
} cs_gemm_shape;

/// Whether this CPU (and OS) can run `kind`.
int cs_gemm_supported(cs_gemm_kind kind);

/// The fastest kernel this CPU can run.
cs_gemm_kind cs_gemm_best(void);

/// The tile and block sizes of `kind`.
cs_gemm_shape cs_gemm_shape_of(cs_gemm_kind kind);

/// `C[rows × cols] += A·B` for packed panels `a` (kc × mr) and `b` (kc × nr) of `kind`'s
/// shape; `rows ≤ mr` and `cols ≤ nr` (a partial tile goes through a scratch tile).
void cs_gemm_tile(cs_gemm_kind kind, long kc, const double *a, const double *b,
                  double *c, long ldc, long rows, long cols);

#endif
