"""Times the generated NumPy gradients against torch.autograd on the same forward (not a test).

    python3 bench.py NUMPY_MODULE.py TORCH_MODULE.py [BATCH] [ROUNDS]

Both modules come from 'chainrule codegen' of mnist_batch.nn. Per round, each contender is timed
over a block of calls, the two blocks one after the other, so a busy machine slows both alike;
the figure is the median over the rounds of the time per call.
"""
import importlib.util
import statistics
import sys
import time

import numpy as np
import torch


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    gen_np, gen_torch = load(sys.argv[1], "gen_numpy"), load(sys.argv[2], "gen_torch")
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 256
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    rng = np.random.default_rng(0)
    values = {
        "X": rng.random((batch, 784)),
        "W1": rng.normal(0, 0.05, (785, 100)),
        "W2": rng.normal(0, 0.1, (101, 10)),
        "W3": rng.normal(0, 0.1, (11, 10)),
        "y": np.eye(10)[rng.integers(0, 10, batch)],
    }
    weights = ["W1", "W2", "W3"]
    tvalues = {k: torch.tensor(v, dtype=torch.float64) for k, v in values.items()}
    for w in weights:
        tvalues[w].requires_grad_(True)

    def numpy_gradients():
        return gen_np.gradients(values)

    def autograd():
        loss = gen_torch.forward(tvalues)["L"][0, 0]
        return dict(zip(weights, torch.autograd.grad(loss, [tvalues[w] for w in weights])))

    # the same numbers first: the generated gradients are those autograd finds
    ours, theirs = numpy_gradients(), autograd()
    worst = max(float(np.max(np.abs(ours[f"d(L)/d({w})"] - theirs[w].numpy()))) for w in weights)

    def per_call(fn, calls):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        return (time.perf_counter() - start) / calls

    for fn in (numpy_gradients, autograd):  # warm up
        per_call(fn, 5)
    calls = 20
    np_times, torch_times = [], []
    for _ in range(rounds):
        np_times.append(per_call(numpy_gradients, calls))
        torch_times.append(per_call(autograd, calls))
    t_np, t_torch = statistics.median(np_times), statistics.median(torch_times)
    print(f"seed 003 at 784-100-10, batch {batch}, gradients of W1, W2, W3 (forward included), "
          f"median of {rounds} rounds of {calls} calls")
    print(f"  largest difference between the two: {worst:.2e}")
    print(f"  generated NumPy gradients():        {t_np * 1e3:8.3f} ms per call")
    print(f"  torch forward + autograd.grad:      {t_torch * 1e3:8.3f} ms per call (torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads)")
    print(f"  ratio NumPy / torch: {t_np / t_torch:.2f}x (goal: at most 1.5x)")


if __name__ == "__main__":
    main()
