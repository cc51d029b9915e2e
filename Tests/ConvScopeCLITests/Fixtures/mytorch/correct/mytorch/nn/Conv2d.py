"""Conv2d_stride1 and Conv2d (square kernels), written for ConvScope's tests from the definitions."""
import numpy as np
from resampling import Downsample2d


class Conv2d_stride1:
    def __init__(self, in_channels, out_channels, kernel_size, weight_init_fn=None, bias_init_fn=None):
        self.in_channels, self.out_channels, self.kernel_size = in_channels, out_channels, kernel_size
        shape = (out_channels, in_channels, kernel_size, kernel_size)
        self.W = weight_init_fn(*shape) if weight_init_fn else np.random.normal(0, 1, shape)
        self.b = bias_init_fn(out_channels) if bias_init_fn else np.zeros(out_channels)
        self.dLdW = np.zeros(self.W.shape)
        self.dLdb = np.zeros(self.b.shape)

    @staticmethod
    def correlate(X, W, out_h, out_w):
        """Z[n, o, i, j] = sum over c, p, q of W[o, c, p, q] X[n, c, i+p, j+q]."""
        K = W.shape[2]
        Z = np.zeros((X.shape[0], W.shape[0], out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                Z[:, :, i, j] = np.tensordot(X[:, :, i:i + K, j:j + K], W, axes=([1, 2, 3], [1, 2, 3]))
        return Z

    def forward(self, A):
        self.A = A
        K = self.kernel_size
        Z = self.correlate(A, self.W, A.shape[2] - K + 1, A.shape[3] - K + 1)
        return Z + self.b[None, :, None, None]

    def backward(self, dLdZ):
        K = self.kernel_size
        out_h, out_w = dLdZ.shape[2:]
        self.dLdb = dLdZ.sum(axis=(0, 2, 3))
        self.dLdW = np.zeros(self.W.shape)
        for p in range(K):
            for q in range(K):
                window = self.A[:, :, p:p + out_h, q:q + out_w]
                self.dLdW[:, :, p, q] = np.tensordot(dLdZ, window, axes=([0, 2, 3], [0, 2, 3]))
        padded = np.pad(dLdZ, ((0, 0), (0, 0), (K - 1, K - 1), (K - 1, K - 1)))
        flipped = self.W[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)
        return self.correlate(padded, flipped, self.A.shape[2], self.A.shape[3])


class Conv2d:
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding=0,
                 weight_init_fn=None, bias_init_fn=None):
        self.stride, self.pad = stride, padding
        self.conv2d_stride1 = Conv2d_stride1(in_channels, out_channels, kernel_size, weight_init_fn, bias_init_fn)
        self.downsample2d = Downsample2d(stride)

    def forward(self, A):
        p = self.pad
        return self.downsample2d.forward(self.conv2d_stride1.forward(np.pad(A, ((0, 0), (0, 0), (p, p), (p, p)))))

    def backward(self, dLdZ):
        dLdA = self.conv2d_stride1.backward(self.downsample2d.backward(dLdZ))
        p = self.pad
        return dLdA[:, :, p:dLdA.shape[2] - p, p:dLdA.shape[3] - p]
