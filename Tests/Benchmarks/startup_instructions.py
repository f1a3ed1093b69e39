#!/usr/bin/env python3
"""Instructions a program executes from exec to its first frame, counted by valgrind's
callgrind: the same count on every run, so a start-up change shows even on a busy machine
(a clock does not). Each program starts in a fresh folder in a 100x30 pty, as in
pty_bench.py; once its first frame is out (at least --bytes of output, then 0.3 s without
any), callgrind is told to dump its counts, and the program is killed.

    python3 Tests/Benchmarks/startup_instructions.py .build/release/debrief nano "vim -u NONE"

Each program is a command line; a Debrief binary given alone is started as
`debrief run --time-scale 1`.
"""

import argparse
import fcntl
import glob
import os
import pty
import select
import shlex
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_bench import COLUMNS, ROWS, environment  # noqa: E402


def instructions(program, first_frame_bytes):
    home = tempfile.mkdtemp(prefix="debrief-instructions-")
    profile = os.path.join(home, "callgrind.out")
    argv = shlex.split(program)
    if len(argv) == 1 and "debrief" in os.path.basename(argv[0]):
        argv += ["run", "--time-scale", "1"]
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}"] + argv
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.chdir(home)
            os.execvpe(command[0], command, environment(home, os.path.join(home, "sessions")))
        finally:
            os._exit(127)
    try:
        received = 0
        while True:
            # valgrind is slow to start: wait long for the frame, then for 0.3 s of quiet.
            ready, _, _ = select.select([fd], [], [], 0.3 if received >= first_frame_bytes else 60)
            if not ready:
                break
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            received += len(chunk)
        subprocess.run(["callgrind_control", "--dump=first-frame", str(pid)], capture_output=True)
        deadline = time.monotonic() + 10
        while not glob.glob(profile + "*") and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # the dump is written whole
        for path in sorted(glob.glob(profile + "*")):
            with open(path) as handle:
                for line in handle:
                    if line.startswith(("summary:", "totals:")):
                        return int(line.split()[1])
        return None
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
        shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="+", help='command lines: a debrief build, nano, "vim -u NONE"…')
    parser.add_argument("--bytes", type=int, default=500, help="output that counts as the first frame")
    options = parser.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        sys.exit("startup_instructions.py needs valgrind (apt-get install -y valgrind)")
    for program in options.programs:
        count = instructions(program, options.bytes)
        shown = f"{count / 1e6:.1f} million" if count else "no count (did it draw a frame?)"
        print(f"{program}: {shown} instructions to the first frame")


if __name__ == "__main__":
    main()
