"""Flatten, written for ConvScope's tests from the layer definitions: (N, C, W) -> (N, C*W), channel-major."""
import numpy as np


class Flatten:
    def forward(self, A):
        self.shape = A.shape
        return A.reshape(A.shape[0], -1)

    def backward(self, dLdZ):
        return dLdZ.reshape(self.shape)
