#!/usr/bin/env bash
# Builds Debrief in release mode and prints one table: Debrief against nano and vim in the
# same pseudo-terminal (typing, start-up, idle, memory), then the core at scale and
# rendering (debrief-bench). Extra arguments go to pty_bench.py (e.g. --runs 5).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v nano >/dev/null 2>&1 || missing+=(nano)
command -v vim >/dev/null 2>&1 || missing+=(vim)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

swift build -c release --product debrief >&2
swift build -c release --product debrief-bench >&2
bin="$(swift build -c release --show-bin-path)"
exec python3 Tests/Benchmarks/pty_bench.py --debrief "$bin/debrief" --core "$bin/debrief-bench" "$@"
