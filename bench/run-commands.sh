#!/usr/bin/env bash
# Times whole `evident` commands (process start to exit) with hyperfine, and the R baselines when R is installed.
# Usage: bench/run-commands.sh [ROWS]      Results: /tmp/evident-bench.md (Evident), /tmp/evident-bench-r.md (R)
# Needs hyperfine (apt-get install -y hyperfine); R baselines need r-base-core r-cran-survival r-cran-cmprsk
# r-cran-rpact r-cran-data.table.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
data=/tmp/evident-bench-$rows.csv
cr20k=/tmp/evident-cr-20000.csv
cr5k=/tmp/evident-cr-5000.csv
crbig=/tmp/evident-cr-$rows.csv
out=/tmp/evident-bench-publish
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
dotnet publish src/Evident.Cli -c Release -o "$out" -p:PublishReadyToRun=true >/dev/null  # self-contained composite ReadyToRun: Evident.Cli.csproj
gen() { dotnet run -c Release --project bench/Evident.Benchmarks -- "$@"; }
[ -f "$data" ] || gen generate "$data" "$rows"
[ -f "$cr20k" ] || gen generate-cr "$cr20k" 20000
[ -f "$cr5k" ] || gen generate-cr "$cr5k" 5000
[ -f "$crbig" ] || gen generate-cr "$crbig" "$rows"
e="$out/evident"
trial=/tmp/evident-bench-aall1731
[ -f "$trial/participants.csv" ] || "$e" synthesize examples/aall1731/protocol.yaml --scenario examples/aall1731/scenario.yaml --out "$trial" >/dev/null
hyperfine --warmup 1 --runs 5 --export-markdown /tmp/evident-bench.md \
  -n "cox $rows rows, 5 covariates + strata, Efron" "$e cox $data --formula 'Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum)' --format json" \
  -n "km $rows rows ~ arm" "$e km $data --formula 'Surv(time, status) ~ arm'" \
  -n "logrank $rows rows ~ arm + strata(stratum)" "$e logrank $data --formula 'Surv(time, status) ~ arm + strata(stratum)'" \
  -n "logrank --maxcombo $rows rows ~ arm + strata(stratum)" "$e logrank $data --formula 'Surv(time, status) ~ arm + strata(stratum)' --maxcombo '0,0;0,1;1,0;1,1' --format json" \
  -n "finegray 5,000 rows" "$e finegray $cr5k --formula 'Surv(time, cause) ~ arm + age + marker' --cause 1 --format json" \
  -n "finegray 20,000 rows" "$e finegray $cr20k --formula 'Surv(time, cause) ~ arm + age + marker' --cause 1 --format json" \
  -n "finegray $rows rows" "$e finegray $crbig --formula 'Surv(time, cause) ~ arm + age + marker' --cause 1 --format json" \
  -n "cuminc $rows rows ~ arm" "$e cuminc $crbig --formula 'Surv(time, cause) ~ arm' --times 5,10,20" \
  -n "forecast 1,440 participants" "$e forecast examples/aall1731/protocol.yaml --data $trial/participants.csv --cutoff 2021-06-30 --format json" \
  -n "simulate AALL1731 10,000 replicates, logrank" "$e simulate examples/aall1731-simulation.yaml --test logrank --reps 10000 --seed 1 --format json" \
  -n "simulate AALL1731 10,000 replicates, maxcombo" "$e simulate examples/aall1731-simulation.yaml --test 'maxcombo(0,0;0,1;1,0;1,1)' --reps 10000 --seed 1 --format json" \
  -n "simulate 10,000 replicates" "$e simulate --looks 4 --information 0.25,0.5,0.75,1 --alpha 0.025 --spending obrien-fleming --hazard-ratio 0.6 --control-median 195.2018 --accrual 60 --subjects 1440 --events 41,83,124,165 --reps 10000 --seed 1"
cat /tmp/evident-bench.md
if command -v Rscript >/dev/null && Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  hyperfine --runs 3 --export-markdown /tmp/evident-bench-r.md \
    -n "R coxph $rows rows" "Rscript bench/r/cox.R $data" \
    -n "R survfit $rows rows" "Rscript bench/r/km.R $data" \
    -n "R survdiff $rows rows" "Rscript bench/r/logrank.R $data" \
    -n "R crr 5,000 rows" "Rscript bench/r/crr.R $cr5k" \
    -n "R rpact getSimulationSurvival 10,000" "Rscript bench/r/simulate.R"
  cat /tmp/evident-bench-r.md
fi
