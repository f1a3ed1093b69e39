#!/usr/bin/env bash
# Mutation fuzzing of the session/journal reader, the reducer, the brief writer and the
# agenda loader: seeded random mutations of valid files (no crash, a clear message or a
# meeting, never a raw control character in a brief or a message).
#   Tests/Scripts/fuzz.sh [ITERATIONS] [SEED]      default: 100000 iterations, a seed from the clock
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBRIEF_FUZZ_ITERATIONS="${1:-100000}"
export DEBRIEF_FUZZ_SEED="${2:-$(date +%s)}"
export SWIFT_BACKTRACE=enable=no
swift build --build-tests >/dev/null
swift test --skip-build --filter "HostileFileTests/mutated" 2>&1 | grep -E "fuzz:|✘|Issue|✔ Test run|failed"
