#!/usr/bin/env bash
# Builds Debrief in release mode and prints the benchmark tables: Debrief against nano and
# vim -u NONE in the same pseudo-terminal (start-up, memory by library, CPU and latency per
# key, idle), then the core at scale and rendering (debrief-bench). Extra arguments go to
# pty_bench.py (e.g. --runs 7, --markdown for README's benchmark section).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v nano >/dev/null 2>&1 || missing+=(nano)
command -v vim >/dev/null 2>&1 || missing+=(vim)
if [ ${#missing[@]} -gt 0 ]; then
    # Installed when we can (root, or sudo without a password); otherwise the table says
    # "not installed" in that program's column and the rest is measured.
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing: ${missing[*]}" >&2
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 || true
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        echo "Installing: ${missing[*]}" >&2
        { sudo apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2 || true
    else
        echo "Not installed: ${missing[*]} (apt-get install -y ${missing[*]}); measuring without them" >&2
    fi
fi
command -v python3 >/dev/null 2>&1 || { echo "The benchmark needs python3 (bash .ci/setup --test)" >&2; exit 1; }

swift build -c release --product debrief >&2
swift build -c release --product debrief-bench >&2
bin="$(swift build -c release --show-bin-path)"
# The release link lays these functions out first (Package.swift); names that no longer
# exist (renamed code) fall back to the default layout and cost memory: regenerate the
# list with Tests/Benchmarks/hot-functions.sh when many are missing.
listed=$(grep -vc '^#' Sources/debrief/Linking/hot-functions.txt)
found=$(nm --defined-only "$bin/debrief" | awk '{print $3}' | sort -u | comm -12 - <(grep -v '^#' Sources/debrief/Linking/hot-functions.txt | sort -u) | wc -l)
echo "hot functions: $found of $listed listed are in the binary" >&2
exec python3 Tests/Benchmarks/pty_bench.py --debrief "$bin/debrief" --core "$bin/debrief-bench" "$@"
