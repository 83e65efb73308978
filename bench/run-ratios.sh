#!/usr/bin/env bash
# Whole-process speed ratios against R in one measurement (issue 17): each hyperfine run times Evident and R on the
# same file, so the ratio, not the seconds, is the figure to compare across (shared) machines.
# Usage: bench/run-ratios.sh [ROWS]     Needs hyperfine and R with survival and data.table (bench/r/).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
data=/tmp/evident-bench-$rows.csv
out=/tmp/evident-bench-publish
dotnet publish src/Evident.Cli -c Release -o "$out" -p:PublishReadyToRun=true >/dev/null
[ -f "$data" ] || dotnet run -c Release --project bench/Evident.Benchmarks -- generate "$data" "$rows"
e="$out/evident"
uptime
hyperfine --warmup 1 --runs 3 --export-markdown /tmp/evident-ratios-cox.md \
  -n "evident cox" "$e cox $data --formula 'Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum)' --format json" \
  -n "R fread+coxph" "Rscript bench/r/cox.R $data"
hyperfine --warmup 1 --runs 3 --export-markdown /tmp/evident-ratios-km-logrank.md \
  -n "evident km" "$e km $data --formula 'Surv(time, status) ~ arm'" \
  -n "R fread+survfit" "Rscript bench/r/km.R $data" \
  -n "evident logrank" "$e logrank $data --formula 'Surv(time, status) ~ arm + strata(stratum)'" \
  -n "R fread+survdiff" "Rscript bench/r/logrank.R $data"
hyperfine --warmup 1 --runs 5 \
  -n "evident km aml (start-up)" "$e km examples/data/aml.csv --formula 'Surv(time, status) ~ x'" \
  -n "R survival load + survfit aml" "Rscript -e 'suppressMessages(library(survival)); invisible(survfit(Surv(time, status) ~ x, data = aml))'"
uptime
