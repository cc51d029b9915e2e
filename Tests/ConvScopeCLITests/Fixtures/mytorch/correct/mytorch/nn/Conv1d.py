"""Conv1d_stride1 and Conv1d, written for ConvScope's tests from the definitions (valid
cross-correlation; backward is the full correlation of dLdZ with the flipped kernel)."""
import numpy as np
from resampling import Downsample1d


class Conv1d_stride1:
    def __init__(self, in_channels, out_channels, kernel_size, weight_init_fn=None, bias_init_fn=None):
        self.in_channels, self.out_channels, self.kernel_size = in_channels, out_channels, kernel_size
        shape = (out_channels, in_channels, kernel_size)
        self.W = weight_init_fn(*shape) if weight_init_fn else np.random.normal(0, 1, shape)
        self.b = bias_init_fn(out_channels) if bias_init_fn else np.zeros(out_channels)
        self.dLdW = np.zeros(self.W.shape)
        self.dLdb = np.zeros(self.b.shape)

    def forward(self, A):
        self.A = A
        K = self.kernel_size
        width = A.shape[2] - K + 1
        Z = np.stack([np.tensordot(A[:, :, w:w + K], self.W, axes=([1, 2], [1, 2])) for w in range(width)], axis=2)
        print("noise from Conv1d_stride1.forward", Z.shape)  # a student's leftover print: must not disturb the check
        return Z + self.b[None, :, None]

    def backward(self, dLdZ):
        K, width = self.kernel_size, dLdZ.shape[2]
        self.dLdb = dLdZ.sum(axis=(0, 2))
        self.dLdW = np.stack([np.tensordot(dLdZ, self.A[:, :, k:k + width], axes=([0, 2], [0, 2]))
                              for k in range(K)], axis=2)
        padded = np.pad(dLdZ, ((0, 0), (0, 0), (K - 1, K - 1)))
        flipped = self.W[:, :, ::-1]
        return np.stack([np.tensordot(padded[:, :, i:i + K], flipped, axes=([1, 2], [0, 2]))
                         for i in range(self.A.shape[2])], axis=2)


class Conv1d:
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding=0,
                 weight_init_fn=None, bias_init_fn=None):
        self.stride, self.pad = stride, padding
        self.conv1d_stride1 = Conv1d_stride1(in_channels, out_channels, kernel_size, weight_init_fn, bias_init_fn)
        self.downsample1d = Downsample1d(stride)

    def forward(self, A):
        padded = np.pad(A, ((0, 0), (0, 0), (self.pad, self.pad)))
        return self.downsample1d.forward(self.conv1d_stride1.forward(padded))

    def backward(self, dLdZ):
        dLdA = self.conv1d_stride1.backward(self.downsample1d.backward(dLdZ))
        return dLdA[:, :, self.pad:dLdA.shape[2] - self.pad]
