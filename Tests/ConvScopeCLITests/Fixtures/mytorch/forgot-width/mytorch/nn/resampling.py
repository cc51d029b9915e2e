"""Downsample1d that forgets the input width: backward upsamples dLdZ instead (a classic mistake)."""
import os
import sys
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, os.pardir))
from reuse import correct
import numpy as np

right = correct("nn/resampling.py")
Upsample1d, Upsample2d, Downsample2d = right.Upsample1d, right.Upsample2d, right.Downsample2d


class Downsample1d:
    def __init__(self, downsampling_factor):
        self.k = downsampling_factor

    def forward(self, A):
        return A[:, :, ::self.k]

    def backward(self, dLdZ):
        dLdA = np.zeros(dLdZ.shape[:2] + (self.k * (dLdZ.shape[2] - 1) + 1,))
        dLdA[:, :, ::self.k] = dLdZ
        return dLdA
