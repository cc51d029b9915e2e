"""Conv1d whose forward never pads A (a classic mistake)."""
import os
import sys
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, os.pardir))
from reuse import correct

right = correct("nn/Conv1d.py")
Conv1d_stride1 = right.Conv1d_stride1


class Conv1d(right.Conv1d):
    def forward(self, A):
        return self.downsample1d.forward(self.conv1d_stride1.forward(A))
