#!/usr/bin/env bash
# Kills a running meeting with kill -9 at random points, resumes it each time, and reports
# how many notes shown as captured were lost (must be 0).
#   Tests/Scripts/kill-test.sh [KILLS] [SEED]      default: 60 kills, a seed from the clock
set -euo pipefail
cd "$(dirname "$0")/../.."
export DEBRIEF_KILL_ROUNDS="${1:-60}"
export DEBRIEF_KILL_SEED="${2:-$(date +%s)}"
swift build --build-tests >/dev/null
swift test --skip-build --filter KillAtRandomPointsTests 2>&1 | grep -E "kill test:|✘|✔ Test run|passed|failed"
