#!/usr/bin/env python3
"""Typing cost, Debrief against nano and vim in the same run: CPU per typed key and
key -> first output byte (p50, p99), on an empty screen and after 5,000 notes.

Runs are interleaved (debrief, nano, vim, debrief, ...) so a busy machine slows every
program alike; each figure is the median over runs. CPU comes from the kernel's
per-thread schedstat (nanoseconds), so clock-tick granularity does not matter. Each key
waits for its frame to finish (15 ms of quiet), as a typist's pause would, so idle clock
ticks during the typing count too, as they do for a user.

"After N notes": N short lines typed and entered first (a note each for Debrief, a line
each for the editors), then the same keys typed. Reuses pty_bench.py's pty plumbing.

--slow-fsync MS runs every program on a slow disk: each fsync takes MS longer (an
LD_PRELOAD shim, slow_fsync.c), to show whether a journal write delays the keys typed
around it.

    python3 Tests/Benchmarks/typing_bench.py --debrief .build/release/debrief --runs 5
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_bench import Program, enter_notes, finish, keystrokes, launch, median_of, percentile  # noqa: E402


def type_keys(child, program, count):
    """Types `count` keys of prose one at a time (a sentence, then Enter); returns CPU per
    key and the latencies of the characters."""
    latencies = []
    cpu_before = child.cpu_seconds()
    typed = chars = 0
    for kind, data in keystrokes(count):
        latency = child.first_byte_after(program.newline if kind == "newline" else data)
        if kind == "char":
            chars += 1
            if latency is not None:
                latencies.append(latency)
        child.read_until_quiet(0.015, limit=2)
        typed += 1
    cpu = child.cpu_seconds() - cpu_before
    return dict(cpu_per_key=cpu / typed, p50=percentile(latencies, 0.5), p99=percentile(latencies, 0.99),
                missed=chars - len(latencies))


def run_once(program, keys, notes, settle):
    child, _, home = launch(program, settle)
    try:
        if notes:
            enter_notes(child, program, notes, settle)
        return type_keys(child, program, keys)
    finally:
        finish(child, home)


def load_slow_fsync(milliseconds):
    """Builds slow_fsync.c and preloads it into every program launched from now on."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "slow_fsync.c")
    library = os.path.join(tempfile.mkdtemp(prefix="slow-fsync-"), "slow_fsync.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", library, source, "-ldl"], check=True)
    os.environ.update(LD_PRELOAD=library, SLOW_FSYNC_MS=str(milliseconds))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debrief", required=True, help="the debrief binary (release build)")
    parser.add_argument("--programs", default="debrief,nano,vim")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs (medians)")
    parser.add_argument("--keys", type=int, default=400, help="keys typed per run")
    parser.add_argument("--notes", type=int, default=5000, help="notes entered before the crowded runs (0: skip)")
    parser.add_argument("--crowded-runs", type=int, help="runs after the notes (default: --runs)")
    parser.add_argument("--settle", type=float, default=0.3)
    parser.add_argument("--baseline", help="a second debrief binary (an earlier build), measured as 'before'")
    parser.add_argument("--slow-fsync", type=int, metavar="MS", help="every fsync takes MS milliseconds longer (a slow disk)")
    args = parser.parse_args()
    if args.slow_fsync:
        load_slow_fsync(args.slow_fsync)

    debrief = os.path.abspath(args.debrief)
    programs = {
        "debrief": Program("debrief", [debrief, "run", "--time-scale", "1"]),
        "nano": Program("nano", ["nano"]),
        "vim": Program("vim", ["vim", "-u", "NONE"], prepare=b"i"),
    }
    if args.baseline:
        programs["before"] = Program("before", [os.path.abspath(args.baseline), "run", "--time-scale", "1"])
        args.programs = "before," + args.programs
    names = [name for name in args.programs.split(",") if name and shutil.which(programs[name].argv[0])]
    scenarios = [("empty", 0, args.runs)]
    if args.notes:
        scenarios.append((f"after {args.notes} notes", args.notes, args.crowded_runs or args.runs))
    disk = f" · every fsync {args.slow_fsync} ms slower" if args.slow_fsync else ""
    print(f"Typing · pty 100×30 · {args.keys} keys · medians of interleaved runs{disk}")
    for label, notes, runs in scenarios:
        results = {name: [] for name in names}
        for run in range(runs):
            for name in names:
                print(f"  {label}: run {run + 1}/{runs} {name} …", file=sys.stderr, flush=True)
                results[name].append(run_once(programs[name], args.keys, notes, args.settle))
        print(f"\n{label} ({runs} runs)")
        print(f"{'program':10} {'CPU/key':>10} {'p50':>9} {'p99':>9}   {'CPU/key ÷ nano':>14}")
        base = median_of(results["nano"], "cpu_per_key") if "nano" in results else float("nan")
        for name in names:
            cpu = median_of(results[name], "cpu_per_key")
            p50, p99 = median_of(results[name], "p50"), median_of(results[name], "p99")
            print(f"{name:10} {cpu * 1e6:8.0f} µs {p50 * 1e3:6.2f} ms {p99 * 1e3:6.2f} ms   {cpu / base:13.2f}×")


if __name__ == "__main__":
    main()
