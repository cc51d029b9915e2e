"""Conv1d whose backward correlates dLdZ with the kernel unflipped (a classic mistake)."""
import os
import sys
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, os.pardir))
from reuse import correct
import numpy as np

right = correct("nn/Conv1d.py")


class Conv1d_stride1(right.Conv1d_stride1):
    def backward(self, dLdZ):
        super().backward(dLdZ)
        K = self.kernel_size
        padded = np.pad(dLdZ, ((0, 0), (0, 0), (K - 1, K - 1)))
        return np.stack([np.tensordot(padded[:, :, i:i + K], self.W, axes=([1, 2], [0, 2]))
                         for i in range(self.A.shape[2])], axis=2)


class Conv1d(right.Conv1d):
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding=0,
                 weight_init_fn=None, bias_init_fn=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, weight_init_fn, bias_init_fn)
        self.conv1d_stride1 = Conv1d_stride1(in_channels, out_channels, kernel_size, weight_init_fn, bias_init_fn)
