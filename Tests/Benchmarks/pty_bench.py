#!/usr/bin/env python3
"""Debrief against nano and vim in the same pseudo-terminal, and the core at scale.

Each program runs in a fresh pty (100x30, TERM=xterm-256color) and is measured the same
way: start-up to the first settled frame, keystroke -> first output byte latency while
typing prose one key at a time, output bytes and CPU time per typed character, idle CPU
and output with no keys, peak RSS after 5,000 short notes (lines); and for Debrief the same
keys typed on a terminal joined to a host meeting (`debrief join`), with the host's CPU per
event it relayed. Keystroke -> first byte is timed a second time by key_probe.c, a small C
program compiled here, as lean as a terminal emulator (see its header), with
read_to_write.c preloaded into the program: the program's own part of that time, from its
read of the key to its first write, without the machine's wake-up. Figures are medians
of several runs; the table adds Debrief's ratio to nano and vim. With --core, the in-process
figures of `debrief-bench --tsv` are printed below, as part of the same table.

Only the standard library: pty, os, select, fcntl, termios; and a C compiler for the probe
(its rows are left out without one). Linux (/proc) only.
"""

import argparse
import atexit
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLUMNS, ROWS = 100, 30

# Ordinary note-taking prose, typed as notes: each line ends with Enter.
PROSE = [
    "The brief reached creators two days late, so most posts missed the launch week.",
    "Reels beat static posts on engagement; stories did little for clicks.",
    "Tracking links were not ready on day one and the first week is unattributed.",
    "Client approval took five working days instead of two, which pushed posting slots.",
    "Micro creators kept their own voice and their comments asked real questions.",
    "Next time we ask for first drafts a week earlier and agree on approval times.",
    "Budget was spent evenly although two creators delivered most conversions.",
]


# CSI sequences, charset designations and the short ESC sequences terminals are sent.
ESCAPE_SEQUENCE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78MDEc]")


class Child:
    """A program running in its own pseudo-terminal, with every output byte timestamped."""

    def __init__(self, argv, env, cwd):
        self.started = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.output_bytes = 0
        self.bursts = 0
        self.last_output = None
        self.exited = False

    def read_for(self, seconds):
        """Reads whatever arrives within `seconds`; returns (bytes read, time of first byte)."""
        deadline = time.monotonic() + seconds
        total, first = 0, None
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return total, first
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                return total, first
            now = time.monotonic()
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # the child closed the terminal (exited)
                self.exited = True
                return total, first
            if not data:
                self.exited = True
                return total, first
            first = first or now
            # A burst is output after a pause: one frame (a clock tick, when idle).
            if self.last_output is None or now - self.last_output > 0.05:
                self.bursts += 1
            total += len(data)
            self.output_bytes += len(data)
            self.last_output = now

    def read_until_quiet(self, quiet, limit):
        """Reads until no byte came for `quiet` seconds (or `limit` passed); returns bytes read."""
        deadline = time.monotonic() + limit
        total = 0
        while time.monotonic() < deadline:
            count, _ = self.read_for(min(quiet, max(0.0, deadline - time.monotonic())))
            total += count
            if count == 0 or self.exited:
                break
        return total

    def first_byte_after(self, data, limit=2.0):
        """Writes `data`, returns seconds until output is ready to read (None if none came).
        The caller reads the rest of the frame."""
        sent = time.monotonic()
        os.write(self.fd, data)
        ready, _, _ = select.select([self.fd], [], [], limit)
        return time.monotonic() - sent if ready else None

    def echo_after(self, data, limit=2.0):
        """Writes one printable character; returns (seconds until output is ready to read,
        seconds until the character itself is on screen), each None if it never came. The
        first byte need not be the character: nano hides its cursor before it handles a key.
        Escape sequences are left out of the search (a typed "l" is not "\\e[?25l")."""
        sent = time.monotonic()
        os.write(self.fd, data)
        first, seen = None, bytearray()
        deadline = sent + limit
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], deadline - time.monotonic())
            if not ready:
                break
            now = time.monotonic()
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                self.exited = True
                break
            if not chunk:
                self.exited = True
                break
            first = first if first is not None else now - sent
            self.output_bytes += len(chunk)
            self.last_output = now
            seen += chunk
            if data in ESCAPE_SEQUENCE.sub(b"", bytes(seen)):
                return first, now - sent
        return first, None

    def cpu_seconds(self):
        """CPU time of every thread so far: schedstat (nanoseconds) if the kernel keeps it,
        else utime + stime from /proc/PID/stat (clock ticks)."""
        try:
            tasks = os.listdir(f"/proc/{self.pid}/task")
            total = 0
            for task in tasks:
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as handle:
                    total += int(handle.read().split()[0])
            if total > 0:
                return total / 1e9
        except (OSError, ValueError, IndexError):
            pass
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_mb(self, field):
        """A /proc/PID/status figure in MB: VmHWM (peak RSS), RssAnon (private memory)."""
        with open(f"/proc/{self.pid}/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def smaps_mb(self):
        """Resident memory by what is mapped (/proc/PID/smaps): each shared library by file
        name, the program's own binary, [heap], [stack] and anonymous memory; in MB."""
        by_name, name = {}, None
        try:
            itself = os.path.realpath(f"/proc/{self.pid}/exe")
        except OSError:
            itself = None
        with open(f"/proc/{self.pid}/smaps") as handle:
            for line in handle:
                fields = line.split()
                if not fields:
                    continue
                if not fields[0].endswith(":"):  # a mapping's header: address perms offset dev inode [path]
                    path = fields[5] if len(fields) > 5 else ""
                    name = (PROGRAM_ITSELF if path == itself else os.path.basename(path)) if path.startswith("/") \
                        else (path or "[anon]")
                elif fields[0] == "Rss:" and name is not None:
                    by_name[name] = by_name.get(name, 0) + int(fields[1]) / 1024
        return by_name

    def stop(self):
        """Ends the program (SIGTERM, then SIGKILL) and reaps it; never leaves a zombie."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                break
            for _ in range(100):
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    os.close(self.fd)
                    return
                self.read_for(0.02)  # keep draining, or a blocked write holds it up
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


class Program:
    """How to start one program, get it ready for typing, and what to send for a new line."""

    def __init__(self, name, argv, prepare=b"", newline=b"\r"):
        self.name, self.argv, self.prepare, self.newline = name, argv, prepare, newline


def environment(home, sessions):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "DEBRIEF_"))}
    env.update(TERM="xterm-256color", LANG="C.UTF-8", HOME=home, DEBRIEF_SESSIONS=sessions,
               COLUMNS=str(COLUMNS), LINES=str(ROWS))
    return env


def launch(program, settle):
    """Starts a program in a fresh folder; returns (child, start-up seconds, folder)."""
    home = tempfile.mkdtemp(prefix="debrief-bench-")
    sessions = os.path.join(home, "sessions")
    child = Child(program.argv, environment(home, sessions), home)
    # The first byte can take longer than the settle time to come (a cold start: the binary
    # out of the page cache, a disk busy writing back); the quiet is counted after it.
    select.select([child.fd], [], [], 10)
    child.read_until_quiet(settle, limit=10)
    if child.last_output is None:
        child.stop()
        shutil.rmtree(home, ignore_errors=True)
        raise RuntimeError(f"{program.name} printed nothing: is {program.argv[0]} runnable?")
    startup = child.last_output - child.started
    # CPU used to get there: steadier than the wall clock on a loaded machine.
    child.startup_cpu = child.cpu_seconds()
    if program.prepare:
        os.write(child.fd, program.prepare)
        child.read_until_quiet(settle, limit=5)
    return child, startup, home


def finish(child, home):
    child.stop()
    shutil.rmtree(home, ignore_errors=True)


def keystrokes(count):
    """`count` keystrokes of prose: characters, and a newline after each sentence."""
    keys = []
    while len(keys) < count:
        for line in PROSE:
            keys.extend(("char", ch.encode()) for ch in line)
            keys.append(("newline", None))
    return keys[:count]


def typing_run(program, count, settle):
    child, startup, home = launch(program, settle)
    try:
        # Fresh: the program as it stands ready for its first key.
        fresh_rss, fresh_maps = child.memory_mb("VmHWM"), child.smaps_mb()
        typed = type_keys(child, program, keystrokes(count))
        return dict(startup=startup, startup_cpu=child.startup_cpu, fresh_rss=fresh_rss, smaps=fresh_maps, **typed)
    finally:
        finish(child, home)


def type_keys(child, program, keys, also_drain=None):
    """Types `keys` one at a time, letting each frame finish as a typist's pause would;
    returns latency percentiles, output bytes and CPU per key (CPU from /proc schedstat, in
    nanoseconds, so a key's share is not rounded to clock ticks). `also_drain`: another
    terminal whose output is read after each key (a host, which would block otherwise)."""
    latencies, newline_latencies, echoes = [], [], []
    cpu_before, bytes_before, started = child.cpu_seconds(), child.output_bytes, time.monotonic()
    for kind, data in keys:
        if kind == "char" and data != b" ":
            # A space may only move the cursor: it is timed to its first byte alone.
            latency, echo = child.echo_after(data)
            if echo is not None:
                echoes.append(echo)
        else:
            latency = child.first_byte_after(program.newline if kind == "newline" else data)
        if latency is not None:
            (newline_latencies if kind == "newline" else latencies).append(latency)
        child.read_until_quiet(0.015, limit=2)
        if also_drain is not None:
            also_drain.read_for(0)
    cpu = child.cpu_seconds() - cpu_before
    sent = child.output_bytes - bytes_before
    return dict(p50=percentile(latencies, 0.5), p99=percentile(latencies, 0.99),
                echo_p50=percentile(echoes, 0.5), echo_p99=percentile(echoes, 0.99),
                newline_p50=percentile(newline_latencies, 0.5), bytes_per_key=sent / len(keys),
                cpu_per_key=cpu / len(keys), typing_seconds=time.monotonic() - started,
                missed=len(keys) - len(latencies) - len(newline_latencies), latencies=latencies)


def journal_lines(sessions):
    """Events the host has journalled so far: the lines of its meeting's journal."""
    total = 0
    for name in os.listdir(sessions) if os.path.isdir(sessions) else []:
        if name.endswith(".journal.jsonl"):
            with open(os.path.join(sessions, name), "rb") as handle:
                total += sum(1 for _ in handle)
    return total


def joined_run(debrief, count, settle):
    """A host meeting (`debrief run`, its own sessions folder and runtime folder) and a
    terminal joined to it (`debrief join`), each in its own pty; the keys are typed on the
    joined terminal. Returns the joined terminal's latency and CPU per key, and the host's
    CPU per event the typing made it journal and relay (drafts and notes; the host's own
    frames for them and its clock ticks meanwhile included)."""
    home = tempfile.mkdtemp(prefix="debrief-bench-")
    sessions = os.path.join(home, "sessions")
    # Short: a socket's path must fit in 107 bytes.
    runtime = tempfile.mkdtemp(prefix="dbj-", dir="/tmp")
    env = environment(home, sessions)
    env["XDG_RUNTIME_DIR"] = runtime
    host = joined = None
    try:
        host = Child([debrief, "run", "--time-scale", "1"], env, home)
        host.read_until_quiet(settle, limit=10)
        sockets = os.path.join(runtime, "debrief")
        deadline = time.monotonic() + 10
        while not (os.path.isdir(sockets) and os.listdir(sockets)):
            if time.monotonic() > deadline or host.exited:
                raise RuntimeError("the host meeting opened no socket to join")
            host.read_for(0.05)
        joined = Child([debrief, "join", "--name", "bench"], env, home)
        # Its first frame, ended by 20 ms without output: the joined terminal shows the
        # host's meeting clock, which turns over at any moment of its start, and a tick
        # within the usual settle time would be counted as start-up (a frame is one write).
        deadline = time.monotonic() + 10
        while joined.output_bytes < 1000 and not joined.exited and time.monotonic() < deadline:
            joined.read_until_quiet(0.02, limit=10)  # the terminal's setup, then the frame
        if joined.last_output is None or joined.exited:
            raise RuntimeError("debrief join printed nothing or exited")
        startup = joined.last_output - joined.started
        joined.read_until_quiet(settle, limit=10)
        host.read_until_quiet(settle, limit=5)
        events_before, host_cpu_before = journal_lines(sessions), host.cpu_seconds()
        typed = type_keys(joined, Program("joined", []), keystrokes(count), also_drain=host)
        # The last draft goes to the host when typing pauses: let both settle.
        joined.read_until_quiet(settle, limit=5)
        host.read_until_quiet(settle, limit=5)
        deadline = time.monotonic() + 5
        while journal_lines(sessions) == events_before and time.monotonic() < deadline:
            host.read_for(0.05)
        events = journal_lines(sessions) - events_before
        host_cpu = host.cpu_seconds() - host_cpu_before
        return dict(joined_startup=startup, joined_cpu=typed["cpu_per_key"], joined_p50=typed["p50"],
                    joined_p99=typed["p99"], joined_newline_p50=typed["newline_p50"], joined_latencies=typed["latencies"],
                    joined_rss=joined.memory_mb("VmHWM"),
                    host_cpu_per_event=host_cpu / events if events else float("nan"),
                    relayed_per_key=events / count, joined_missed=typed["missed"])
    finally:
        for child in (joined, host):
            if child is not None:
                child.stop()
        shutil.rmtree(home, ignore_errors=True)
        shutil.rmtree(runtime, ignore_errors=True)


def build_probe():
    """Compiles key_probe.c (a C compiler is all it needs) into a temporary folder; None,
    said on stderr, when there is no compiler: its rows are then left out."""
    compiler = next((name for name in ("cc", "clang", "gcc") if shutil.which(name)), None)
    if compiler is None:
        print("no C compiler (cc): the key_probe rows are left out", file=sys.stderr)
        return None
    folder = tempfile.mkdtemp(prefix="debrief-probe-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    binary = os.path.join(folder, "key_probe")
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "key_probe.c")
    result = subprocess.run([compiler, "-O2", "-o", binary, source, "-lutil"], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"key_probe.c did not compile, its rows are left out:\n{result.stderr}", file=sys.stderr)
        return None
    # Runnable whatever umask this harness inherited: the test suite starts it from a process
    # whose live-link tests set a strict umask for a moment, around each socket they create.
    os.chmod(binary, 0o700)
    shim = os.path.join(folder, "read_to_write.so")
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "read_to_write.c")
    result = subprocess.run([compiler, "-O2", "-shared", "-fPIC", "-o", shim, source, "-ldl"], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"read_to_write.c did not compile, the rows timed inside are left out:\n{result.stderr}", file=sys.stderr)
        shim = None
    return binary, shim


def probe_run(probe, program, count):
    """Keystroke -> first byte timed by key_probe (see key_probe.c: a terminal's pace), and,
    with read_to_write.c preloaded, the program's own part of it: its read of the key to its
    first write."""
    binary, shim = probe
    home = tempfile.mkdtemp(prefix="debrief-bench-")
    inside = os.path.join(home, "read-to-write.txt")
    env = environment(home, os.path.join(home, "sessions"))
    if shim:
        env.update(LD_PRELOAD=shim, READ_TO_WRITE_OUT=inside)
    try:
        prepare = ["--prepare", program.prepare.decode()] if program.prepare else []
        # Each key waits at most 2 s for its first byte and 2 s for the rest of its frame.
        result = subprocess.run([binary] + prepare + [str(count)] + program.argv, capture_output=True, text=True,
                                env=env, cwd=home, timeout=count * 4 + 30)
        latencies = [float(line) / 1e6 for line in result.stdout.split()]
        if not latencies:
            # Said, not hidden: the medians are then of the other runs.
            print(f"  {program.name}: key_probe timed no key (exit status {result.returncode}); this run's probe rows are left out",
                  file=sys.stderr)
        # The last `count` reads are the typed keys (before them: the terminal's answers at start).
        times = [float(line) / 1e6 for line in open(inside)][-count:] if os.path.exists(inside) else []
    except subprocess.TimeoutExpired:
        print(f"  {program.name}: key_probe did not finish", file=sys.stderr)
        latencies, times = [], []
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return dict(probe_p50=percentile(latencies, 0.5), probe_p99=percentile(latencies, 0.99), probe_latencies=latencies,
                inside_p50=percentile(times, 0.5), inside_p99=percentile(times, 0.99))


def idle_run(program, seconds, settle):
    child, startup, home = launch(program, settle)
    try:
        cpu_before, bytes_before, bursts_before = child.cpu_seconds(), child.output_bytes, child.bursts
        child.read_for(seconds)
        cpu = child.cpu_seconds() - cpu_before
        sent, frames = child.output_bytes - bytes_before, child.bursts - bursts_before
        return dict(startup=startup, idle_cpu=100 * cpu / seconds, idle_bytes=sent / seconds,
                    tick_bytes=sent / frames if frames else float("nan"))
    finally:
        finish(child, home)


def enter_notes(child, program, notes, settle):
    """Types `notes` short notes, each sent whole and followed by Enter, reading the screen
    between notes so neither side blocks; then waits for the screen to settle."""
    for number in range(1, notes + 1):
        os.write(child.fd, f"note {number} brief late".encode() + program.newline)
        child.read_until_quiet(0.002, limit=2)
        if child.exited:
            raise RuntimeError(f"{program.name} exited after {number} notes")
    child.read_until_quiet(settle, limit=10)


def memory_run(program, notes, settle, typing_keys):
    """`notes` short notes entered, then peak RSS, and typing on the full screen."""
    child, _, home = launch(program, settle)
    try:
        enter_notes(child, program, notes, settle)
        rss, anon = child.memory_mb("VmHWM"), child.memory_mb("RssAnon")
        typed = type_keys(child, program, [key for key in keystrokes(typing_keys * 2) if key[0] == "char"][:typing_keys])
        return dict(rss=rss, anon=anon, crowded_p50=typed["p50"], crowded_p99=typed["p99"], crowded_latencies=typed["latencies"],
                    crowded_cpu=typed["cpu_per_key"])
    finally:
        finish(child, home)


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(-(-fraction * len(ordered) // 1)) - 1))
    return ordered[rank]


# Pooled p99s (see `main`): the figure, and the per-run latencies it pools.
POOLED = {"pooled_p99": "latencies", "probe_pooled_p99": "probe_latencies",
          "crowded_pooled_p99": "crowded_latencies", "joined_pooled_p99": "joined_latencies"}


def median_of(runs, key):
    values = [run[key] for run in runs if run.get(key) == run.get(key)]  # drop NaN
    return statistics.median(values) if values else float("nan")


# (label, key, unit scale, format, goal). Goals from issue 15: at or below nano, side by side.
ROWS_SPEC = [
    ("start-up to first settled frame", "startup", 1e3, "{:.0f} ms", "≤ nano + 5 ms"),
    ("start-up: CPU to the first settled frame", "startup_cpu", 1e3, "{:.1f} ms", ""),
    ("peak RSS, fresh", "fresh_rss", 1, "{:.1f} MB", ""),
    ("peak RSS after the notes", "rss", 1, "{:.1f} MB", "≤ 15 MB"),
    ("  of which private (RssAnon)", "anon", 1, "{:.1f} MB", ""),
    ("CPU per typed key", "cpu_per_key", 1e6, "{:.0f} µs", "≤ nano"),
    ("  less idle CPU over the typing time (the clock's ticks)", "cpu_less_idle", 1e6, "{:.0f} µs", ""),
    ("keystroke → first byte, p50", "p50", 1e3, "{:.2f} ms", "≤ nano"),
    ("keystroke → first byte, p99", "p99", 1e3, "{:.2f} ms", "≤ nano"),
    ("  the same p99, every run's keys pooled", "pooled_p99", 1e3, "{:.2f} ms", ""),
    ("keystroke → first byte, p50, timed by key_probe", "probe_p50", 1e3, "{:.2f} ms", "≤ nano"),
    ("keystroke → first byte, p99, timed by key_probe", "probe_p99", 1e3, "{:.2f} ms", "≤ nano"),
    ("  the same p99, every run's keys pooled", "probe_pooled_p99", 1e3, "{:.2f} ms", ""),
    ("  of which inside the program: its read of the key → its first write, p50", "inside_p50", 1e6, "{:.0f} µs", ""),
    ("  of which inside the program: its read of the key → its first write, p99", "inside_p99", 1e6, "{:.0f} µs", ""),
    ("keystroke → its character on screen, p50", "echo_p50", 1e3, "{:.2f} ms", ""),
    ("keystroke → its character on screen, p99", "echo_p99", 1e3, "{:.2f} ms", ""),
    ("Enter → first byte, p50", "newline_p50", 1e3, "{:.2f} ms", ""),
    ("output bytes per typed key", "bytes_per_key", 1, "{:.1f}", "≤ vim"),
    ("after the notes: CPU per typed key", "crowded_cpu", 1e6, "{:.0f} µs", "≤ nano"),
    ("after the notes: key → first byte, p50", "crowded_p50", 1e3, "{:.2f} ms", "≤ nano"),
    ("after the notes: key → first byte, p99", "crowded_p99", 1e3, "{:.2f} ms", "≤ nano"),
    ("  the same p99, every run's keys pooled", "crowded_pooled_p99", 1e3, "{:.2f} ms", ""),
    ("joined terminal: start-up to its first frame", "joined_startup", 1e3, "{:.0f} ms", ""),
    ("joined terminal: peak RSS", "joined_rss", 1, "{:.1f} MB", ""),
    ("joined terminal: CPU per typed key", "joined_cpu", 1e6, "{:.0f} µs", "≤ nano"),
    ("joined terminal: key → first byte, p50", "joined_p50", 1e3, "{:.2f} ms", "≤ nano"),
    ("joined terminal: key → first byte, p99", "joined_p99", 1e3, "{:.2f} ms", "≤ nano"),
    ("  the same p99, every run's keys pooled", "joined_pooled_p99", 1e3, "{:.2f} ms", ""),
    ("joined terminal: Enter → first byte, p50", "joined_newline_p50", 1e3, "{:.2f} ms", ""),
    ("host: CPU per relayed event", "host_cpu_per_event", 1e6, "{:.0f} µs", ""),
    ("host: events relayed per typed key", "relayed_per_key", 1, "{:.3f}", ""),
    ("idle: CPU", "idle_cpu", 1, "{:.3f} %", "< 0.2 %"),
    ("idle: output", "idle_bytes", 1, "{:.1f} B/s", "≤ 100 B/s"),
    ("idle: bytes per clock tick (frame)", "tick_bytes", 1, "{:.1f}", ""),
]

MISSING = "not installed"
PROGRAM_ITSELF = "the program's own binary"


def ratio(a, b):
    if a != a or b != b:
        return "–"
    if b == 0:
        return "–" if a == 0 else "∞"
    return f"{a / b:.2f}×"


def table_rows(results, names, notes):
    """The main table: a row per measure, a column per program, then debrief's ratios."""
    header = ["measure"] + names
    if "debrief" in names:
        header += [f"debrief/{other}" for other in names if other != "debrief"]
    header.append("goal")
    lines = []
    for label, key, scale, fmt, goal in ROWS_SPEC:
        if not any(key in results[name] for name in names):
            continue
        label = label.replace("the notes", f"{notes:,} notes")
        values = {name: results[name].get(key, float("nan")) * scale for name in names}
        row = [label] + [(MISSING if results[name].get("missing") else "–" if v != v else fmt.format(v))
                         for name, v in values.items()]
        if "debrief" in names:
            row += [ratio(values["debrief"], values[other]) for other in names if other != "debrief"]
        lines.append(row + [goal])
    return header, lines


def smaps_rows(results, names, smallest=0.2):
    """Resident memory of a fresh start by mapping: every library any program holds at
    least `smallest` MB of, largest (for debrief) first; the rest summed."""
    maps = {name: results[name].get("smaps", {}) for name in names}
    libraries = {library for name in names for library, mb in maps[name].items() if mb >= smallest}
    order = sorted(libraries, key=lambda library: (-maps.get("debrief", {}).get(library, 0), library))
    header = ["fresh start, resident (smaps Rss)"] + names
    lines = []
    for library in order:
        lines.append([library] + [(MISSING if results[name].get("missing") else
                                   f"{maps[name][library]:.1f} MB" if library in maps[name] else "–")
                                  for name in names])
    lines.append(["everything else"] + [(MISSING if results[name].get("missing") else
                                        f"{sum(mb for library, mb in maps[name].items() if library not in libraries):.1f} MB")
                                       for name in names])
    lines.append(["total"] + [(MISSING if results[name].get("missing") else f"{sum(maps[name].values()):.1f} MB")
                              for name in names])
    return header, lines


def format_plain(header, lines):
    widths = [max(len(row[i]) for row in [header] + lines) for i in range(len(header))]
    text = []
    for index, row in enumerate([header] + lines):
        text.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if index == 0:
            text.append("  ".join("-" * width for width in widths))
    return "\n".join(text)


def format_markdown(header, lines):
    rows = [header, ["---"] * len(header)] + [[cell.strip() or " " for cell in row] for row in lines]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def core_table(core_rows):
    return ["group", "measure", "value", "goal"], [list(row) for row in core_rows]


def core_figures(path, quick):
    """Rows of the in-process benchmark (`debrief-bench --tsv`)."""
    argv = [path, "--tsv"] + (["--sizes", "100,1000", "--seeks", "5", "--runs", "1", "--folder-sessions", "10"] if quick else [])
    output = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in output.splitlines() if line.count("\t") == 3]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debrief", required=True, help="the debrief binary (release build)")
    parser.add_argument("--core", help="the debrief-bench binary, for the in-process rows")
    parser.add_argument("--programs", default="debrief,nano,vim")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs of each measurement (medians)")
    parser.add_argument("--keys", type=int, default=450, help="keystrokes typed per run")
    # As many as in the empty meeting: the p99 of 200 keys is their second slowest, one
    # late wake-up of the machine's.
    parser.add_argument("--crowded-keys", type=int, default=450, help="keystrokes typed after the notes, per run")
    parser.add_argument("--idle", type=float, default=5, help="seconds of idle measurement")
    parser.add_argument("--notes", type=int, default=5000, help="notes typed before peak RSS")
    parser.add_argument("--settle", type=float, default=0.3, help="quiet seconds that mean 'settled'")
    parser.add_argument("--no-join", action="store_true",
                        help="skip the joined terminal (a host meeting and `debrief join`, typed on the joined side)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--readme", help="also write the Markdown tables into this README, between its benchmark markers")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for the test suite")
    parser.add_argument("--data", help="debrief imports this folder's tables (run --data), e.g. Agendas/samples")
    parser.add_argument("--page-downs", type=int, default=0,
                        help="PageDowns before typing into debrief: 1 puts the creators table on screen")
    args = parser.parse_args()

    # Absolute: each program starts in its own temporary folder.
    debrief = os.path.abspath(args.debrief)
    programs = {
        # With --data and --page-downs, typing happens with a table on screen.
        "debrief": Program("debrief", [debrief, "run", "--time-scale", "1"]
                           + (["--data", os.path.abspath(args.data)] if args.data else []),
                           prepare=b"\x1b[6~" * args.page_downs),
        "nano": Program("nano", ["nano"]),
        "vim": Program("vim -u NONE", ["vim", "-u", "NONE"], prepare=b"i"),
    }
    names = [name.strip() for name in args.programs.split(",") if name.strip()]
    results = {}
    for name in names:
        if name not in programs:
            sys.exit(f"unknown program '{name}': choose from {', '.join(programs)}")
        if name == "debrief" and not (os.path.isfile(debrief) and os.access(debrief, os.X_OK)):
            sys.exit(f"no debrief binary at {debrief} (build it: swift build -c release)")
        results[name] = {}
        if shutil.which(programs[name].argv[0]) is None:
            # Said in the table and here, not fatal: the other columns are still worth having.
            print(f"{name} is not installed (apt-get install -y {name}): its column says so", file=sys.stderr)
            results[name]["missing"] = True

    # Interleaved: run 1 of every program, then run 2…, and within a run each measurement of
    # every program in turn, seconds apart (the machine's load drifts over the minute and a
    # half one program's whole run takes), so a burst of load lands on all of them alike.
    present = [name for name in names if not results[name].get("missing")]
    runs = {name: [] for name in present}
    probe = build_probe()
    for number in range(1, args.runs + 1):
        print(f"run {number}/{args.runs} …", file=sys.stderr, flush=True)
        run = {name: typing_run(programs[name], args.keys, args.settle) for name in present}
        for name in present:
            idle = idle_run(programs[name], args.idle, args.settle)
            run[name].update({key: idle[key] for key in ("idle_cpu", "idle_bytes", "tick_bytes")})
            # What the typing cost beyond a program's idle CPU over the same time (Debrief's
            # clock redraws once a second whether or not a key comes).
            run[name]["cpu_less_idle"] = (run[name]["cpu_per_key"]
                                          - idle["idle_cpu"] / 100 * run[name]["typing_seconds"] / args.keys)
            run[name]["startup_idle"] = idle["startup"]
        if probe:
            for name in present:
                run[name].update(probe_run(probe, programs[name], args.keys))
        for name in present:
            run[name].update(memory_run(programs[name], args.notes, args.settle, args.crowded_keys))
        if not args.no_join:
            for name in present:
                if name == "debrief":
                    run[name].update(joined_run(debrief, args.keys, args.settle))
                else:
                    # The joined rows compare with each editor typing locally, typed again
                    # now, beside the joined terminal's run.
                    again = typing_run(programs[name], args.keys, args.settle)
                    run[name].update(joined_cpu=again["cpu_per_key"], joined_p50=again["p50"], joined_p99=again["p99"],
                                     joined_newline_p50=again["newline_p50"], joined_latencies=again["latencies"])
        for name in present:
            runs[name].append(run[name])
    for name in present:
        figures = {key: median_of(runs[name], key) for key in runs[name][0]
                   if key not in ("smaps", "missed", "joined_missed") and not isinstance(runs[name][0][key], list)}
        # A p99 of 450 keys is their fifth slowest, and swings from run to run: the keys of
        # every run pooled, the same percentile of five times as many.
        for figure, latencies in POOLED.items():
            pooled = [latency for run in runs[name] for latency in run.get(latencies, [])]
            if pooled:
                figures[figure] = percentile(pooled, 0.99)
        # Every launch is a start-up sample: the typing run's and the idle run's.
        figures["startup"] = statistics.median([run[key] for run in runs[name] for key in ("startup", "startup_idle")])
        libraries = {library for run in runs[name] for library in run["smaps"]}
        figures["smaps"] = {library: statistics.median([run["smaps"].get(library, 0) for run in runs[name]])
                            for library in libraries}
        missed = sum(run["missed"] + run.get("joined_missed", 0) for run in runs[name])
        if missed:
            print(f"  {name}: {missed} keystrokes drew no output within 2 s", file=sys.stderr)
        results[name] = figures
    labels = {name: programs[name].name for name in names}
    shown = [labels[name] for name in names]
    results = {labels[name]: results[name] for name in names}

    core = core_figures(os.path.abspath(args.core), args.quick) if args.core else []
    fmt = format_markdown if args.markdown or args.readme else format_plain
    parts = [f"Debrief benchmarks · pty {COLUMNS}×{ROWS} TERM=xterm-256color · medians of {args.runs} interleaved runs · "
             f"{args.keys} keys typed ({args.crowded_keys} after {args.notes:,} notes) · {args.idle:g} s idle · "
             f"CPU from /proc schedstat · {time.strftime('%Y-%m-%d')}"
             + ("" if args.no_join or "debrief" not in present else
                " · joined terminal: the same keys typed into `debrief join` of a host `debrief run`"
                " (nano's and vim's columns there: their own typing, again beside it, for the ratio)"),
             fmt(*table_rows(results, shown, args.notes)), fmt(*smaps_rows(results, shown))]
    if core:
        parts.append(fmt(*core_table(core)))
    output = "\n\n".join(parts)
    print(output)
    if args.readme:
        replace_between_markers(args.readme, output)


README_START, README_END = "<!-- benchmark tables: start -->", "<!-- benchmark tables: end -->"


def replace_between_markers(path, output):
    """Writes the tables into README between its two markers, so the figures there are
    always one run's output, never edited by hand."""
    with open(path) as handle:
        text = handle.read()
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        raise RuntimeError(f"{path} has no '{README_START}' … '{README_END}' markers")
    text = text[:start + len(README_START)] + "\n\n" + output + "\n\n" + text[end:]
    with open(path, "w") as handle:
        handle.write(text)
    print(f"wrote the tables into {path}", file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as error:
        sys.exit(f"pty_bench: {error}")
