"""Loads modules of the correct fixture implementation, so each mistake fixture holds only its mistake."""
import importlib.util
import os
import sys

CORRECT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "correct", "mytorch")
for folder in (os.path.join(CORRECT, "nn"), CORRECT):
    if folder not in sys.path:
        sys.path.append(folder)


def correct(relative):
    """The correct fixture's module at `relative` (e.g. "nn/Conv1d.py"), under a name of its own."""
    name = "correct_" + relative.replace("/", "_")[:-3]
    spec = importlib.util.spec_from_file_location(name, os.path.join(CORRECT, relative))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
