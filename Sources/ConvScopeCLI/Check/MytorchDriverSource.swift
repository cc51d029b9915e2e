/// The Python driver `check` and `--mytorch` run (Python 3 and NumPy only). It is kept in the
/// binary and written to a temporary folder at run time, so any built `convscope` finds it.
///
/// `python3 -B driver.py REQUEST.json`: the request (JSON, written by `MytorchRun`) names the
/// user's folder, the file, module and class, the constructor's arguments, where the stride-1
/// core keeps the weights, the bundle (.npz: A, W, b, dLdZ) and where to put the answers
/// (.npz: Z, dLdA, dLdW, dLdb) and the status (.json: `{"backward": bool}` or `{"error": text,
/// "file": path inside the folder, "line": n}`). Nothing goes to stdout, so the user's prints
/// cannot corrupt the result; before each stage the driver writes its name to STATUS.stage, so
/// a time-out can say where the code was.
enum MytorchDriverSource {
    static let text = #"""
        import importlib, inspect, json, os, sys, traceback

        sys.dont_write_bytecode = True


        class Failure(Exception):
            """One line for the user, with the file (inside their folder) and line it points at."""
            def __init__(self, message, file=None, line=None):
                Exception.__init__(self, message)
                self.status = {"error": message, "file": file, "line": line}


        def first_line(error):
            text = str(error).strip().splitlines()
            text = text[0] if text else ""
            if len(text) > 240:
                text = text[:240] + "..."
            return type(error).__name__ + (": " + text if text else "")


        def inside(root, path):
            """The path relative to the user's folder, or None when it lies outside."""
            path = os.path.realpath(path)
            return os.path.relpath(path, root) if path.startswith(root + os.sep) else None


        def user_failure(error, root, stage):
            """An exception raised by the user's code, placed at the last frame in their folder."""
            if isinstance(error, SyntaxError) and error.filename and inside(root, error.filename):
                return Failure("%s: %s (while importing)" % (type(error).__name__, error.msg),
                               inside(root, error.filename), error.lineno)
            last = None
            for frame in traceback.extract_tb(error.__traceback__):
                where = inside(root, frame.filename)
                if where:
                    last = (where, frame.lineno, frame.name)
            if last is None:
                return None
            context = last[2] if last[2] == stage else "%s, during %s" % (last[2], stage)
            return Failure("%s (in %s)" % (first_line(error), context), last[0], last[1])


        def class_line(klass, root):
            try:
                return inside(root, inspect.getsourcefile(klass)), inspect.getsourcelines(klass)[1]
            except (TypeError, OSError):
                return None, None


        def as_array(value, what, np, file=None, line=None):
            if value is None:
                raise Failure("%s gave None; it must be a NumPy array" % what, file, line)
            try:
                array = np.asarray(value, dtype=np.float64)
            except (TypeError, ValueError) as error:
                raise Failure("%s gave a %s that is not an array of numbers (%s)"
                              % (what, type(value).__name__, first_line(error)), file, line)
            return array


        def run(request, stage_file):
            def stage(name):
                with open(stage_file, "w") as f:
                    f.write(name)

            try:
                import numpy as np
            except ImportError:
                raise Failure("NumPy is not installed for this python3; install it (pip install numpy) and try again")
            root = os.path.realpath(request["dir"])
            relative = request["path"]
            if not os.path.isdir(root):
                what = "a file, not a folder" if os.path.exists(root) else "no such folder"
                raise Failure(what + "; give --mytorch the assignment folder that holds mytorch/", ".")
            if not os.path.isfile(os.path.join(root, relative)):
                raise Failure("not found; the assignment keeps %s in this file" % request["class"], relative)
            for sub in ("", "models", "mytorch", os.path.join("mytorch", "nn")):
                sys.path.insert(0, os.path.join(root, sub))
            name = request["class"]
            call = "%s(%s)" % (name, ", ".join(repr(a) for a in request["args"]))

            stage("importing " + relative)
            try:
                module = importlib.import_module(request["module"])
            except BaseException as error:
                raise user_failure(error, root, "import") or Failure(first_line(error) + " (while importing)", relative)
            klass = getattr(module, name, None)
            if not inspect.isclass(klass):
                raise Failure("has no class %s (the assignment's name for it)" % name, relative)
            file, line = class_line(klass, root)

            bundle = np.load(request["input"])
            A, dLdZ = bundle["A"], bundle["dLdZ"]
            W = bundle["W"] if "W" in bundle.files else None
            b = bundle["b"] if "b" in bundle.files else None
            keywords = {}
            if W is not None:
                keywords = {"weight_init_fn": lambda *shape: W.copy(), "bias_init_fn": lambda *shape: b.copy()}

            stage("building " + call)
            try:
                layer = klass(*request["args"], **keywords)
            except BaseException as error:
                failure = user_failure(error, root, "__init__")
                if failure:
                    raise failure
                try:
                    theirs = str(inspect.signature(klass))
                except (TypeError, ValueError):
                    theirs = "(...)"
                raise Failure("%s%s does not take the assignment's arguments %s: %s"
                              % (name, theirs, request["signature"], first_line(error)), file, line)

            core = layer
            if request["core"]:
                core = getattr(layer, request["core"], None)
                if core is None:
                    raise Failure("%s has no attribute %s, where the assignment keeps its stride-1 layer"
                                  " (W, b, dLdW, dLdb)" % (name, request["core"]), file, line)
            if W is not None:
                core.W, core.b = W.copy(), b.copy()

            def method(what, argument):
                stage("running " + name + "." + what)
                try:
                    return getattr(layer, what)(argument)
                except BaseException as error:
                    fallback = Failure(first_line(error) + " (during %s)" % what, file, line)
                    raise user_failure(error, root, what) or fallback

            answers = {"Z": as_array(method("forward", A.copy()), name + ".forward", np, file, line)}
            backward = list(answers["Z"].shape) == list(request["expectedZ"])
            if backward:
                answers["dLdA"] = as_array(method("backward", dLdZ.copy()), name + ".backward", np, file, line)
                if W is not None:
                    holder = name + (("." + request["core"]) if request["core"] else "")
                    for key in ("dLdW", "dLdb"):
                        if not hasattr(core, key):
                            raise Failure("%s has no %s after backward; the assignment keeps it there"
                                          % (holder, key), file, line)
                        answers[key] = as_array(getattr(core, key), holder + "." + key, np, file, line)
            stage("saving")
            np.savez(request["output"], **answers)
            return {"backward": backward}


        def main():
            with open(sys.argv[1]) as f:
                request = json.load(f)
            os.chdir(request["work"])
            try:
                status = run(request, request["status"] + ".stage")
            except Failure as failure:
                status = failure.status
            with open(request["status"] + ".part", "w") as f:
                json.dump(status, f)
            os.replace(request["status"] + ".part", request["status"])


        main()
        """#
}
