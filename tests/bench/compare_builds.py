#!/usr/bin/env python3
"""Compares the speed of two builds of nnlab-bench on this machine, in one session.

    tests/bench/compare_builds.py REFERENCE CANDIDATE [--rounds N]

REFERENCE and CANDIDATE are nnlab-bench commands (e.g. the native build's and the package
build's; a command with arguments is one quoted word). Each round runs both, alternating which goes first, on the three networks of the
package's speed goal: the seed's 3-4-1 loop, the 2-16-16-1 tanh network on 1000 rows, and the
784-512-512-10 network at batch 256. The machine's load changes between runs, so the figures
are the median and the best of all rounds for each build, and the ratios candidate ÷ reference
of both. Environment variables (e.g. LD_LIBRARY_PATH) apply to both builds.
"""

import argparse
import json
import shlex
import statistics
import subprocess
import sys

# benchmark name → (counter, what it counts)
FIGURES = {
    "BM_SeedTrainerStep": ("epochs_per_s", "seed 3-4-1, epochs/s"),
    "BM_RunnerTanh2x16x16x1VsTrainer": ("trainer_epochs_per_s", "tanh 2-16-16-1, 1000 rows, epochs/s"),
    "BM_LargeNetworkVsGemm": ("trainer_gflops", "784-512-512-10, batch 256, GFLOP/s"),
}


def run(bench):
    """One run of `bench` on the three benchmarks: {name: figure}, and the kernels it reported."""
    pattern = "^(" + "|".join(FIGURES) + ")(/|$)"
    output = subprocess.run(
        shlex.split(bench) + ["--benchmark_filter=" + pattern, "--benchmark_format=json"],
        check=True, capture_output=True, text=True).stdout
    figures, labels = {}, set()
    for entry in json.loads(output)["benchmarks"]:
        name = entry["name"].split("/")[0]
        figures[name] = entry[FIGURES[name][0]]
        if entry.get("label"):
            labels.add(entry["label"])
    return figures, labels


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference")
    parser.add_argument("candidate")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    results = {args.reference: {name: [] for name in FIGURES},
               args.candidate: {name: [] for name in FIGURES}}
    labels = {args.reference: set(), args.candidate: set()}
    for round_ in range(args.rounds):
        order = [args.reference, args.candidate]
        if round_ % 2:
            order.reverse()
        for bench in order:
            figures, seen = run(bench)
            labels[bench] |= seen
            for name, value in figures.items():
                results[bench][name].append(value)
        print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)

    for bench, role in ((args.reference, "reference"), (args.candidate, "candidate")):
        print(f"{role}: {bench}")
        for label in sorted(labels[bench]):
            print(f"  {label}")
    print(f"\n{args.rounds} rounds each, alternating; higher is faster; median [worst, best]")
    for name, (_, what) in FIGURES.items():
        ref, cand = results[args.reference][name], results[args.candidate][name]
        print(what)
        for role, values in (("reference", ref), ("candidate", cand)):
            print(f"  {role:10} {statistics.median(values):10.4g} [{min(values):.4g}, {max(values):.4g}]")
        print(f"  candidate ÷ reference: median {statistics.median(cand) / statistics.median(ref):.3f},"
              f" best {max(cand) / max(ref):.3f}")

if __name__ == "__main__":
    main()
