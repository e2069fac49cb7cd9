#!/usr/bin/env python3
"""Times every test case in two versions of chainrule side by side (run by scripts/case-times.sh,
which builds the two jars; see there).

One JVM per version runs scripts/case-times/CaseDriver.java, which runs a command line in-process
(chainrule.cli.Main.run, output discarded) for each line it reads and answers its exit status,
wall and CPU time. Every case is run once in each version to learn whether both take it (a case
the old version refuses with exit 2 is skipped, and listed); then --warmup rounds over all cases,
then --rounds rounds in which each case runs once in each version, back to back, the version that
goes first alternating. The figures are the median per case; a case whose after/before ratio is
over --threshold is measured again (--recheck rounds) and judged by that second measurement.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT / "scripts" / "case-times" / "CaseDriver.java"


class Version:
    def __init__(self, name, java, jar, jvm_opts):
        self.name = name
        self.proc = subprocess.Popen(
            [java, *jvm_opts, "-cp", jar, str(DRIVER)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, bufsize=1)

    def run(self, args):
        """(status, wall ms, cpu ms, first line of stderr) of one command line."""
        self.proc.stdin.write("\t".join(args) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"case-times: the {self.name} driver ended unexpectedly")
        status, wall, cpu, err = line.rstrip("\n").split("\t", 3)
        return int(status), int(wall) / 1e6, int(cpu) / 1e6, err

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def find_cases(given):
    if given:
        return [str(Path(c)) for c in given]
    found = [p for p in (ROOT / "test-cases").rglob("*") if p.suffix in (".nn", ".tex") and p.is_file()]
    return sorted(str(p.relative_to(ROOT)) for p in found)


def request(template, case):
    return [case if a == "{}" else a for a in template.split()]


def paired_rounds(versions, cases, template, rounds, samples, rng, progress):
    """Runs each case once in each version per round, the first version alternating."""
    for r in range(rounds):
        order = cases[:]
        rng.shuffle(order)
        for i, case in enumerate(order):
            pair = versions if (r + i) % 2 == 0 else versions[::-1]
            for v in pair:
                _, wall, cpu, _ = v.run(request(template, case))
                samples[(v.name, case)].append((wall, cpu))
        if progress:
            print(f"  round {r + 1} of {rounds} done", file=sys.stderr, flush=True)


def med(values):
    return statistics.median(values)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--java", required=True)
    ap.add_argument("--before", required=True, help="the old version's jar")
    ap.add_argument("--after", required=True, help="the new version's jar")
    ap.add_argument("--before-name", default="before")
    ap.add_argument("--after-name", default="after")
    ap.add_argument("--rounds", type=int, default=7, help="measured rounds over all cases (default 7)")
    ap.add_argument("--warmup", type=int, default=3, help="warm-up rounds over all cases (default 3)")
    ap.add_argument("--recheck", type=int, default=15, help="rounds again for a case over the threshold (default 15)")
    ap.add_argument("--threshold", type=float, default=1.2)
    ap.add_argument("--request", default="{}",
                    help="the command line, {} standing for the case (default '{}': chainrule FILE; e.g. 'derive {}')")
    ap.add_argument("--by", choices=("cpu", "wall"), default="cpu",
                    help="the time compared: cpu (default; the command's thread and the collector, which five other "
                         "builds on the machine disturb far less) or wall")
    ap.add_argument("--jvm", default="-XX:+UseSerialGC -Xms1g -Xmx1g",
                    help="JVM options of both drivers (default '-XX:+UseSerialGC -Xms1g -Xmx1g')")
    ap.add_argument("--split", type=int, default=0, metavar="N",
                    help="for each case still over the threshold, N rounds of 'derive FILE', 'derive FILE --check' and "
                         "'check FILE' in both versions: the derivation, the numeric check (the difference of the "
                         "first two) and the claims, each before and after (default 0: no split)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tsv", default=str(ROOT / "target" / "case-times" / "last.tsv"), help="the table, also written here")
    ap.add_argument("cases", nargs="*", help="cases to time (default: test-cases/**/*.nn and *.tex)")
    o = ap.parse_args()

    cases = find_cases(o.cases)
    started = time.time()
    jvm = o.jvm.split()
    before = Version(o.before_name, o.java, o.before, jvm)
    after = Version(o.after_name, o.java, o.after, jvm)
    versions = [before, after]
    rng = random.Random(o.seed)
    ix = 0 if o.by == "wall" else 1

    # who takes what
    compared, skipped = [], []
    for case in cases:
        b = before.run(request(o.request, case))
        a = after.run(request(o.request, case))
        if b[0] in (0, 1) and a[0] in (0, 1):
            compared.append(case)
            if b[0] != a[0]:
                skipped.append((case, f"compared, but the exit status differs: before {b[0]}, after {a[0]}"))
        elif b[0] == 2 and a[0] != 2:
            skipped.append((case, f"skipped: the old version refuses it (exit 2): {b[3]}"))
        else:
            skipped.append((case, f"skipped: exit {b[0]} before, {a[0]} after: {(b[3] or a[3])}"))
    print(f"case-times: {len(compared)} of {len(cases)} cases taken by both versions; "
          f"{o.warmup} warm-up and {o.rounds} measured rounds", file=sys.stderr, flush=True)

    warm = {(v.name, c): [] for v in versions for c in compared}
    paired_rounds(versions, compared, o.request, o.warmup, warm, rng, False)
    samples = {(v.name, c): [] for v in versions for c in compared}
    paired_rounds(versions, compared, o.request, o.rounds, samples, rng, True)

    def figures(s, case):
        bw = med([x[ix] for x in s[(before.name, case)]])
        aw = med([x[ix] for x in s[(after.name, case)]])
        return bw, aw, aw / bw

    first = {c: figures(samples, c) for c in compared}
    suspects = [c for c in compared if first[c][2] > o.threshold]
    final = dict(first)
    again = {}
    more = {}
    if suspects and o.recheck > 0:
        print(f"case-times: {len(suspects)} cases over {o.threshold}: measured again, {o.recheck} rounds",
              file=sys.stderr, flush=True)
        more = {(v.name, c): [] for v in versions for c in suspects}
        paired_rounds(versions, suspects, o.request, o.recheck, more, rng, False)
        for c in suspects:
            again[c] = figures(more, c)
            final[c] = again[c]
    slow = [c for c in compared if final[c][2] > o.threshold]
    split = {}
    if slow and o.split > 0:
        print(f"case-times: {len(slow)} cases over {o.threshold}: split into derive, check and claims, {o.split} rounds",
              file=sys.stderr, flush=True)
        for name, template in (("derive", "derive {}"), ("checked", "derive {} --check"), ("claims", "check {}")):
            part = {(v.name, c): [] for v in versions for c in slow}
            paired_rounds(versions, slow, template, o.split, part, rng, False)
            for c in slow:
                split[(name, c)] = (med([x[ix] for x in part[(before.name, c)]]), med([x[ix] for x in part[(after.name, c)]]))
    before.close()
    after.close()

    width = max([len(c) for c in compared] + [4])
    other = "wall" if o.by == "cpu" else "cpu"
    lines = [f"{'case':<{width}}  {'before ms':>10}  {'after ms':>10}  {'ratio':>6}  {other + ' ratio':>10}  note"]
    tsv = ["case\tbefore_ms\tafter_ms\tratio\tfirst_ratio\t" + other + "_ratio"]
    for c in compared:
        b, a, r = final[c]
        s = more if c in again else samples
        r2 = med([x[1 - ix] for x in s[(after.name, c)]]) / med([x[1 - ix] for x in s[(before.name, c)]])
        note = f"(first {first[c][2]:.2f}, measured again)" if c in again else ""
        lines.append(f"{c:<{width}}  {b:>10.2f}  {a:>10.2f}  {r:>6.2f}  {r2:>10.2f}  {note}".rstrip())
        tsv.append(f"{c}\t{b:.3f}\t{a:.3f}\t{r:.4f}\t{first[c][2]:.4f}\t{r2:.4f}")
    print(f"Per test case, `chainrule {o.request}` in-process and warm, {o.by} time (the other in its own column), median of {o.rounds} rounds "
          f"after {o.warmup} warm-up rounds, {o.before_name} (before) against {o.after_name} (after)")
    print("\n".join(lines))
    Path(o.tsv).parent.mkdir(parents=True, exist_ok=True)
    Path(o.tsv).write_text("\n".join(tsv) + "\n")

    if skipped:
        print()
        print("Not compared, or compared with a remark:")
        for c, why in skipped:
            print(f"  {c}: {why}")
    ratios = [final[c][2] for c in compared]
    tb = sum(final[c][0] for c in compared)
    ta = sum(final[c][1] for c in compared)
    print()
    print(f"cases compared: {len(compared)} (of {len(cases)})")
    if compared:
        geo = statistics.geometric_mean(ratios)
        print(f"median ratio: {med(ratios):.2f}   geometric mean: {geo:.2f}")
        print(f"total of the medians: before {tb:.1f} ms, after {ta:.1f} ms, ratio {ta / tb:.2f}")
        print("worst ten:")
        for c in sorted(compared, key=lambda c: -final[c][2])[:10]:
            b, a, r = final[c]
            print(f"  {r:5.2f}  {c}  ({b:.2f} -> {a:.2f} ms)")
        print(f"slower by more than {round((o.threshold - 1) * 100)}% (after measuring again): "
              + (", ".join(f"{c} ({final[c][2]:.2f})" for c in slow) if slow else "none"))
    if split:
        print()
        print(f"Where the time goes in those cases ({o.by} ms, median of {o.split} rounds, before -> after): "
              "derive = 'derive FILE'; check = 'derive FILE --check' less 'derive FILE'; claims = 'check FILE'")
        print(f"{'case':<{width}}  {'derive':>16}  {'check':>16}  {'claims':>16}")
        for c in slow:
            d, k, q = split[("derive", c)], split[("checked", c)], split[("claims", c)]
            cell = lambda b, a: f"{b:.2f} -> {a:.2f}".rjust(16)
            print(f"{c:<{width}}  {cell(*d)}  {cell(k[0] - d[0], k[1] - d[1])}  {cell(*q)}")
    print(f"({time.time() - started:.0f} s; table also in {os.path.relpath(o.tsv, ROOT)})")


if __name__ == "__main__":
    main()
