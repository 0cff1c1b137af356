"""Run the code cells of a notebook and store their outputs, without Jupyter.

The book has one chapter written as a Jupyter notebook. There is no Python kernel on the build machine, so the outputs
are stored in the .ipynb file. This script refreshes them: it runs every code cell in order in one namespace, with the
notebook's folder as working directory, and records what a Jupyter kernel would record -- printed text as a `stream`
output, `display(...)` calls as `display_data`, and the value of a final expression as `execute_result`. A small
stand-in for `IPython.display` (HTML, SVG, Image, display) gives the same MIME bundles as the real one.

    python3 figures/data/execute_notebook.py chapters/07-case-study-bus.ipynb

Only the standard library is used, and the result is deterministic.
"""

import ast
import base64
import contextlib
import io
import json
import os
import sys
import types


class _Displayable:
    def __init__(self, data=None, format=None):
        self.data = data
        self.format = format

    def bundle(self):
        raise NotImplementedError


class HTML(_Displayable):
    def bundle(self):
        return {"text/html": _lines(self.data), "text/plain": ["<IPython.core.display.HTML object>"]}


class SVG(_Displayable):
    def bundle(self):
        return {"image/svg+xml": _lines(self.data), "text/plain": ["<IPython.core.display.SVG object>"]}


class Image(_Displayable):
    def bundle(self):
        mime = "image/png" if (self.format or "png") == "png" else "image/jpeg"
        return {mime: base64.b64encode(self.data).decode("ascii") + "\n",
                "text/plain": ["<IPython.core.display.Image object>"]}


def _lines(text):
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _bundle(value):
    if isinstance(value, _Displayable):
        return value.bundle()
    return {"text/plain": _lines(repr(value))}


def run(path):
    with open(path) as f:
        nb = json.load(f)
    outputs = []

    def display(*objs):
        for obj in objs:
            outputs.append({"output_type": "display_data", "data": _bundle(obj), "metadata": {}})

    ipython = types.ModuleType("IPython")
    disp = types.ModuleType("IPython.display")
    disp.HTML, disp.SVG, disp.Image, disp.display = HTML, SVG, Image, display
    ipython.display = disp
    sys.modules["IPython"], sys.modules["IPython.display"] = ipython, disp

    namespace = {"__name__": "__main__", "display": display}
    old_cwd = os.getcwd()
    os.chdir(os.path.dirname(os.path.abspath(path)))
    count = 0
    try:
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            count += 1
            outputs = []
            source = "".join(cell["source"])
            tree = ast.parse(source)
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                last = ast.Expression(tree.body.pop().value)
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(tree, f"<cell {count}>", "exec"), namespace)
                value = eval(compile(last, f"<cell {count}>", "eval"), namespace) if last else None
            cell_outputs = []
            if buffer.getvalue():
                cell_outputs.append({"output_type": "stream", "name": "stdout", "text": _lines(buffer.getvalue())})
            cell_outputs.extend(outputs)
            if value is not None:
                cell_outputs.append({"output_type": "execute_result", "execution_count": count,
                                     "data": _bundle(value), "metadata": {}})
            cell["execution_count"] = count
            cell["outputs"] = cell_outputs
    finally:
        os.chdir(old_cwd)
    with open(path, "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    run(sys.argv[1])
