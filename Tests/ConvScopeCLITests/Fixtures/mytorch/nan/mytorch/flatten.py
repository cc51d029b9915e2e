"""Flatten whose forward leaves a NaN at [0, 1]."""
import os
import sys
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir))
from reuse import correct


class Flatten(correct("flatten.py").Flatten):
    def forward(self, A):
        Z = super().forward(A).copy()
        Z[0, 1] = float("nan")
        return Z
