#!/usr/bin/env bash
# Regenerates Sources/debrief/Linking/hot-functions.txt: the functions a meeting runs, in
# the order the release link lays them out first (README "Benchmarks", memory). It runs
# short meetings under valgrind's callgrind, which names every function executed: a plain
# meeting, then a host with the sample tables and a joined terminal; typing, notes of
# every kind, the pickers, the list, pause, the projector, help, prompts, then the end.
# Only names defined in the binary are kept. Run it after changes to the meeting's code paths; a
# stale list costs memory (see the "hot functions" line of run.sh), never correctness.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in valgrind tmux python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "hot-functions.sh needs $tool (apt-get install -y valgrind tmux python3)" >&2; exit 1; }
done

swift build -c release --product debrief >&2
bin="$(swift build -c release --show-bin-path)/debrief"
work="$(mktemp -d /tmp/debrief-hot.XXXXXX)"
server="debrief-hot-$$"
trap 'tmux -L "$server" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/run" && chmod 700 "$work/run"

tmx() { tmux -L "$server" "$@"; }
# Waits (valgrind is slow) until a pane shows `text`.
wait_for() {
    local pane=$1 text=$2
    for _ in $(seq 600); do
        tmx capture-pane -p -t "$pane" 2>/dev/null | grep -qF -- "$text" && return 0
        sleep 0.2
    done
    echo "hot-functions.sh: '$text' never showed in $pane" >&2
    tmx capture-pane -p -t "$pane" >&2 || true
    exit 1
}
keys() { tmx send-keys -t "$1" "${@:2}"; sleep 0.6; }
type_text() { tmx send-keys -t "$1" -l "$2"; sleep 0.6; }

grind() { echo "valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/$1.out"; }
environment="env TERM=xterm-256color LANG=C.UTF-8 XDG_RUNTIME_DIR=$work/run"

# Waits until the callgrind profiles named have been written whole (the last line is
# their totals, written as the program exits).
wait_for_profiles() {
    for name in "$@"; do
        for _ in $(seq 600); do
            grep -qs "^totals:" "$work/$name.out" && break
            sleep 0.2
        done
        grep -qs "^totals:" "$work/$name.out" || { echo "hot-functions.sh: no profile from $name" >&2; exit 1; }
    done
}

# A meeting on host (and joined, when it runs): notes of every kind, the pickers, the
# list, pause, the projector, help and prompts, then the end from the host.
run_meeting() {
    local notes=$1
    # A note that wraps to a second row: the pause near the end of the first row draws the
    # taller frame ahead; then key by key, so the key before the wrap draws and encodes the
    # wrapping key's frame (`foreseenWraps`) and the key that wraps is written from it.
    type_text host "The brief reached creators two days late, so most posts missed the launch week entirely"
    local rest=" and the stories did little for clicks"
    for ((i = 0; i < 12; i++)); do type_text host "${rest:i:1}"; done
    type_text host "${rest:12}"; keys host Enter
    for line in "Reels beat static posts on engagement" "Budget spent evenly, café naïve 👩‍👩‍👧" "@creator1 did well"; do
        type_text host "$line"; keys host Enter
    done
    wait_for host "Notes · $((notes + 4))"
    keys host PgDn; keys host PgDn; keys host PgDn
    type_text host "! tracking links not ready"; keys host Enter
    wait_for host "Root cause"
    keys host 3; keys host 2
    keys host PgDn
    type_text host "+ micro creators kept their voice"; keys host Enter
    keys host PgDn
    type_text host "> fix tracking links @sam due fri"; keys host Enter
    wait_for host "Link action"
    keys host 1
    keys host Tab; keys host Up; keys host Down; keys host Tab
    keys host F2; keys host F2
    keys host F7; keys host F7
    keys host F1; keys host Escape
    keys host C-p; keys host C-p
    type_text host "unfinished draft text"
    sleep 2
    keys host F10
    wait_for host "End the meeting now?"
    keys host Enter
}

# First the meeting as most run it (the built-in agenda, one terminal): its functions
# lead the list, so the code of a plain meeting is the densest.
tmx new-session -d -s host -x 100 -y 30 "$environment $(grind plain) $bin run --sessions $work/plain 2>$work/plain.err; sleep 5"
wait_for host "● saved"
run_meeting 0
wait_for_profiles plain
tmx kill-session -t host 2>/dev/null || true

# Then tables of numbers and a joined terminal.
tmx new-session -d -s host -x 100 -y 30 \
    "$environment $(grind host) $bin run --sessions $work/s --data Agendas/samples 2>$work/host.err; sleep 5"
wait_for host "● saved"
tmx new-session -d -s joined -x 80 -y 24 \
    "$environment $(grind joined) $bin join --sessions $work/s --name sam 2>$work/joined.err; sleep 5"
wait_for host "sam joined the meeting"
type_text joined "A note from the joined terminal"; keys joined Enter
wait_for host "Notes · 1"
keys joined F7; keys joined F7
type_text joined "unfinished on the joined side"
run_meeting 1
wait_for_profiles host joined

python3 - "$bin" "$work/plain.out" "$work/host.out" "$work/joined.out" > Sources/debrief/Linking/hot-functions.txt <<'EOF'
import re, subprocess, sys
binary, outputs = sys.argv[1], sys.argv[2:]
defined = set()
for line in subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout.splitlines():
    parts = line.split()
    if len(parts) >= 3 and parts[1] in "tTwW":
        defined.add(parts[2])
order, seen = [], set()
for output in outputs:
    names = {}
    for line in open(output, errors="replace"):
        match = re.match(r"^c?fn=\((\d+)\) (.+)$", line.rstrip("\n"))
        if match:
            names.setdefault(int(match.group(1)), match.group(2))
    for _, name in sorted(names.items()):
        if name in defined and name not in seen:
            seen.add(name)
            order.append(name)
print("# Functions a meeting runs (a plain meeting's first, then tables and a joined terminal),")
print("# laid out first, in this order, by the release link")
print("# (Package.swift: lld --symbol-ordering-file). Generated by Tests/Benchmarks/hot-functions.sh.")
print("\n".join(order))
EOF
# SwiftPM does not know the list is an input of the link: drop the binary so the next
# release build links it again with the new order.
rm -f "$bin"
echo "$(grep -vc '^#' Sources/debrief/Linking/hot-functions.txt) hot functions written to Sources/debrief/Linking/hot-functions.txt" >&2
