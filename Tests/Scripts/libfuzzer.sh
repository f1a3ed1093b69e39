#!/usr/bin/env bash
# libFuzzer over the loaders of untrusted files (session files and journals, the reducer,
# the brief writer, agendas, CSV/TSV data files). Compiles DebriefKit and the fuzz target as one instrumented
# module with -sanitize=fuzzer,address, seeds the corpus with real files, and runs.
#   Tests/Scripts/libfuzzer.sh [SECONDS] [RUNS]    default: 120 seconds, no run limit
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-120}"
runs="${2:--1}"
swift build --product debrief >/dev/null   # the embedded agendas
generated=$(find .build/plugins/outputs -name BuiltinAgendaSources.swift -path '*DebriefKit*' | head -1)
out=.build-fuzz
mkdir -p "$out/corpus"
swiftc -sanitize=fuzzer,address -parse-as-library -DFUZZING -O -module-name FuzzLoaders \
    $(find Sources/DebriefKit -name '*.swift') "$generated" Sources/FuzzLoaders/FuzzLoaders.swift \
    -I .build/debug/Modules -Xcc -fmodule-map-file=Sources/CLibYAML/module.modulemap -lyaml -o "$out/fuzz-loaders"
cp Agendas/*.yaml Agendas/samples/* "$out/corpus/"
# Real session files and journals, written by debrief.
cp Tests/Fuzz/corpus/* "$out/corpus/"
export SWIFT_BACKTRACE=enable=no
"$out/fuzz-loaders" -max_total_time="$seconds" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=4096 "$out/corpus"
