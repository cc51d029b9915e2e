"""Max and mean pooling (stride-1 cores, then downsampling), written for ConvScope's tests."""
import numpy as np
from resampling import Downsample2d


class MaxPool2d_stride1:
    def __init__(self, kernel):
        self.kernel = kernel

    def forward(self, A):
        K = self.kernel
        N, C, H, W = A.shape
        self.shape = A.shape
        Z = np.zeros((N, C, H - K + 1, W - K + 1))
        self.argmax = np.zeros(Z.shape + (2,), dtype=int)
        for i in range(Z.shape[2]):
            for j in range(Z.shape[3]):
                window = A[:, :, i:i + K, j:j + K].reshape(N, C, K * K)
                flat = window.argmax(axis=2)
                Z[:, :, i, j] = window.max(axis=2)
                p, q = np.unravel_index(flat, (K, K))
                self.argmax[:, :, i, j, 0], self.argmax[:, :, i, j, 1] = i + p, j + q
        return Z

    def backward(self, dLdZ):
        dLdA = np.zeros(self.shape)
        N, C, out_h, out_w = dLdZ.shape
        for n in range(N):
            for c in range(C):
                for i in range(out_h):
                    for j in range(out_w):
                        y, x = self.argmax[n, c, i, j]
                        dLdA[n, c, y, x] += dLdZ[n, c, i, j]
        return dLdA


class MeanPool2d_stride1:
    def __init__(self, kernel):
        self.kernel = kernel

    def forward(self, A):
        K = self.kernel
        self.shape = A.shape
        out_h, out_w = A.shape[2] - K + 1, A.shape[3] - K + 1
        Z = np.zeros(A.shape[:2] + (out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                Z[:, :, i, j] = A[:, :, i:i + K, j:j + K].mean(axis=(2, 3))
        return Z

    def backward(self, dLdZ):
        K = self.kernel
        dLdA = np.zeros(self.shape)
        for i in range(dLdZ.shape[2]):
            for j in range(dLdZ.shape[3]):
                dLdA[:, :, i:i + K, j:j + K] += dLdZ[:, :, i:i + 1, j:j + 1] / (K * K)
        return dLdA


class MaxPool2d:
    def __init__(self, kernel, stride):
        self.kernel, self.stride = kernel, stride
        self.maxpool2d_stride1 = MaxPool2d_stride1(kernel)
        self.downsample2d = Downsample2d(stride)

    def forward(self, A):
        return self.downsample2d.forward(self.maxpool2d_stride1.forward(A))

    def backward(self, dLdZ):
        return self.maxpool2d_stride1.backward(self.downsample2d.backward(dLdZ))


class MeanPool2d:
    def __init__(self, kernel, stride):
        self.kernel, self.stride = kernel, stride
        self.meanpool2d_stride1 = MeanPool2d_stride1(kernel)
        self.downsample2d = Downsample2d(stride)

    def forward(self, A):
        return self.downsample2d.forward(self.meanpool2d_stride1.forward(A))

    def backward(self, dLdZ):
        return self.meanpool2d_stride1.backward(self.downsample2d.backward(dLdZ))
