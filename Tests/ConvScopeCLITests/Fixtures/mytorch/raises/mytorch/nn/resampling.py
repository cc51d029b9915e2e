"""Upsample1d whose forward raises: ConvScope must name this file and the line below."""
import numpy as np


class Upsample1d:
    def __init__(self, upsampling_factor):
        self.k = upsampling_factor

    def forward(self, A):
        Z = np.zeros(A.shape[:2] + (self.k * A.shape[2],))
        return self.fill(Z, A)

    def fill(self, Z, A):
        Z[:, :, ::self.k] = A.T  # raises here: the transposed A cannot broadcast
        return Z
