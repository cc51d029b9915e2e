"""Upsample1d whose forward never returns; it writes its process id where HANG_PID_FILE says."""
import os


class Upsample1d:
    def __init__(self, upsampling_factor):
        self.k = upsampling_factor

    def forward(self, A):
        if "HANG_PID_FILE" in os.environ:
            with open(os.environ["HANG_PID_FILE"], "w") as f:
                f.write(str(os.getpid()))
        while True:
            pass
