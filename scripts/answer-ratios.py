#!/usr/bin/env python3
"""Token-length ratios of chainrule's answers to the textbook forms in test-cases/ (issue 9).

For every `d(F)/d(X) = EXPR` line of a test case's .answers file, chainrule's answer is asked
for (`./chainrule derive FILE`) and both are counted in tokens: names, numbers, operators and
brackets (a derivative name such as dL/dz2 is one token). Where chainrule's answer refers to
named steps, their lengths count too; where the textbook form uses named steps, they are given
below it as `# where d(L)/d(g) = EXPR` and count likewise (a step chainrule prints that the
textbook form also refers to counts on both sides). A `~` line is a textbook form
chainrule does not reach yet.

    python3 scripts/answer-ratios.py [test-cases/...]   # default: every test case

Prints one row an answer (targets, test-cases/textbook and more/tied_autoencoder, marked *),
then the median and maximum, overall and over the targets.
"""
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"""
    hessian\([^()]*\)           # hessian(L, w)
  | d2[A-Za-z_]\w*/d[A-Za-z_]\w*?(?:\^2|2)  # d2L/dw2, d2L/dW1^2
  | d\([^()]*\)/d\([^()]*\)     # d(L)/d(W)
  | d[A-Za-z_]\w*/d[A-Za-z_]\w* # dL/dW
  | [A-Za-z_]\w*                # names
  | \d+\.?\d*(?:[eE][+-]?\d+)?  # numbers
  | \.\*|\./|\.\^               # elementwise operators
  | [-+*/^'()\[\],;:=]          # operators and brackets
""", re.VERBOSE)
KINDS = ("gradient", "jacobian", "vec-jacobian", "hessian")
TARGETS = ("textbook/", "more/tied_autoencoder")


def tokens(text):
    return len(TOKEN.findall(text))


def key(name):
    """dL/dW and d(L)/d(W) alike: ('L', 'W'); a Hessian, hessian(L, W) and d2L/dW2 alike: ('L', 'W', 2)."""
    h = re.fullmatch(r"hessian\((.*),(.*)\)", name) or re.fullmatch(r"d2([A-Za-z_]\w*)/d([A-Za-z_]\w*?)(?:\^2|2)", name)
    if h:
        return (h.group(1).strip(), h.group(2).strip(), 2)
    m = re.fullmatch(r"d\((.*)\)/d\((.*)\)", name) or re.fullmatch(r"d(\w+)/d(\w+)", name)
    return (m.group(1).strip(), m.group(2).strip()) if m else None


def derive(problem):
    """(answers, steps): name -> expression, as chainrule prints them."""
    out = subprocess.run([str(ROOT / "chainrule"), "derive", str(problem)], capture_output=True, text=True).stdout
    answers, steps = {}, {}
    for line in out.splitlines():
        m = re.match(r"(\S+) = (.*?)\s{2,}(\S.*)$", line)
        if not m:
            continue
        name, expr, rest = m.groups()
        (answers if any(k in rest.split() for k in KINDS) else steps)[name] = expr
    return answers, steps


def with_steps(expr, steps):
    """The tokens of expr and of every step it refers to, each once (dL/dz and d(L)/d(z) alike)."""
    by_key = {key(n): e for n, e in steps.items()}
    total, seen, todo = tokens(expr), set(), [expr]
    while todo:
        for t in TOKEN.findall(todo.pop()):
            k = key(t)
            if k in by_key and k not in seen:
                seen.add(k)
                total += tokens(by_key[k])
                todo.append(by_key[k])
    return total


def expected(answers_file):
    """[(key, text, wished, textbook tokens)] with the `# where` steps counted."""
    rows = []
    for raw in answers_file.read_text().splitlines():
        line = raw.strip()
        if line.startswith("# where") and rows:
            k, text, wished, n = rows[-1]
            rows[-1] = (k, text, wished, n + tokens(line[len("# where"):].split("=", 1)[1]))
            continue
        if not line or line.startswith("#"):
            continue
        wished = line.startswith("~")
        line = line.lstrip("~").strip()
        lhs, rhs = line.split(" = ", 1) if " = " in line else line.split("=", 1)
        rows.append((key(lhs.strip()), rhs.strip(), wished, tokens(rhs)))
    return rows


def main(args):
    problems = [Path(a) for a in args] or sorted((ROOT / "test-cases").rglob("*.nn"))
    ratios, target_ratios = [], []
    print(f"{'test case':48} {'answer':14} {'ours':>5} {'book':>5} {'ratio':>6}")
    for problem in problems:
        answers_file = problem.with_suffix(".answers")
        if not answers_file.exists():
            continue
        answers, steps = derive(problem)
        by_key = {key(n): e for n, e in answers.items()}
        rel = str(problem.resolve().relative_to(ROOT / "test-cases"))[:-3]
        target = rel.startswith(TARGETS)
        for k, text, wished, book in expected(answers_file):
            ours_expr = by_key.get(k)
            if ours_expr is None:
                print(f"{rel:48} {k}: no answer")
                continue
            ours = with_steps(ours_expr, steps)
            # a step the textbook form refers to as well is the same on both sides
            book += with_steps(text, steps) - tokens(text)
            r = ours / book
            ratios.append(r)
            if target:
                target_ratios.append(r)
            mark = ("*" if target else " ") + ("~" if wished else " ")
            label = f"d2{k[0]}/d{k[1]}2" if len(k) == 3 else f"d{k[0]}/d{k[1]}"
            print(f"{mark}{rel:46} {label:14} {ours:5} {book:5} {r:6.2f}")
    print(f"\nall answers: {len(ratios)}, median {statistics.median(ratios):.2f}, max {max(ratios):.2f}, "
          f"over 2: {sum(r > 2 for r in ratios)}")
    if target_ratios:
        print(f"targets (*): {len(target_ratios)}, median {statistics.median(target_ratios):.2f}, "
              f"max {max(target_ratios):.2f}, over 1.25: {sum(r > 1.25 for r in target_ratios)}")


if __name__ == "__main__":
    main(sys.argv[1:])
