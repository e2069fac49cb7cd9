"""Runs snippets of Python against generated modules, in one process, for CodegenCommandTest.

    python3 run_snippets.py SNIPPETS.json RESULTS.json

Each snippet is {"module": PATH, "code": PYTHON}; the code sees the module as m (and np, torch)
and sets result. RESULTS lists, per snippet, repr(result), or "ValueError: message" (any
exception, by its class name) when the code raised.
"""
import importlib.util
import json
import sys

import numpy as np
import torch


def main():
    snippets = json.load(open(sys.argv[1], encoding="utf-8"))
    out = []
    for i, s in enumerate(snippets):
        spec = importlib.util.spec_from_file_location(f"snippet{i}", s["module"])
        m = importlib.util.module_from_spec(spec)
        scope = {"m": m, "np": np, "torch": torch, "result": None}
        try:
            spec.loader.exec_module(m)
            exec(s["code"], scope)
            out.append(repr(scope["result"]))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), indent=1)


if __name__ == "__main__":
    main()
