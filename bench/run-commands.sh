#!/usr/bin/env bash
# Times whole `evident` commands (process start to exit) on the issue's 1,000,000-row CSV.
# Usage: bench/run-commands.sh [ROWS]   (needs hyperfine: apt-get install -y hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
data=/tmp/evident-bench-$rows.csv
out=/tmp/evident-bench-publish
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
dotnet publish src/Evident.Cli -c Release -o "$out" -p:PublishReadyToRun=true >/dev/null
[ -f "$data" ] || dotnet run -c Release --project bench/Evident.Benchmarks -- generate "$data" "$rows"
hyperfine --warmup 1 --runs 5 --export-markdown /tmp/evident-bench.md \
  "$out/evident cox $data --formula 'Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum)' --format json" \
  "$out/evident km $data --formula 'Surv(time, status) ~ arm' --format json" \
  "$out/evident logrank $data --formula 'Surv(time, status) ~ arm + strata(stratum)' --format json"
cat /tmp/evident-bench.md
