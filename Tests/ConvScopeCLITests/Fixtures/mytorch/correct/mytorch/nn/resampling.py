"""Up- and downsampling by an integer factor k, written for ConvScope's tests from the definitions."""
import numpy as np


def _spread(A, k, axes):
    """Zeros with k-1 inserted between consecutive samples on the given axes."""
    shape = list(A.shape)
    for axis in axes:
        shape[axis] = k * (shape[axis] - 1) + 1
    Z = np.zeros(shape)
    index = tuple(slice(None, None, k) if axis in axes else slice(None) for axis in range(A.ndim))
    Z[index] = A
    return Z, index


class Upsample1d:
    def __init__(self, upsampling_factor):
        self.k = upsampling_factor

    def forward(self, A):
        return _spread(A, self.k, [2])[0]

    def backward(self, dLdZ):
        return dLdZ[:, :, ::self.k]


class Downsample1d:
    def __init__(self, downsampling_factor):
        self.k = downsampling_factor

    def forward(self, A):
        self.width = A.shape[2]
        return A[:, :, ::self.k]

    def backward(self, dLdZ):
        dLdA = np.zeros(dLdZ.shape[:2] + (self.width,))
        dLdA[:, :, ::self.k] = dLdZ
        return dLdA


class Upsample2d:
    def __init__(self, upsampling_factor):
        self.k = upsampling_factor

    def forward(self, A):
        return _spread(A, self.k, [2, 3])[0]

    def backward(self, dLdZ):
        return dLdZ[:, :, ::self.k, ::self.k]


class Downsample2d:
    def __init__(self, downsampling_factor):
        self.k = downsampling_factor

    def forward(self, A):
        self.size = A.shape[2:]
        return A[:, :, ::self.k, ::self.k]

    def backward(self, dLdZ):
        dLdA = np.zeros(dLdZ.shape[:2] + tuple(self.size))
        dLdA[:, :, ::self.k, ::self.k] = dLdZ
        return dLdA
