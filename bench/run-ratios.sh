#!/usr/bin/env bash
# Whole-process speed ratios against R in one measurement (issue 17): each hyperfine run times Evident and R on the
# same file, so the ratio, not the seconds, is the figure to compare across (shared) machines.
# Usage: bench/run-ratios.sh [ROWS]     Needs hyperfine and R with survival and data.table (bench/r/).
# Prints, per pair, the wall-time ratio and the user + system CPU ratio (the better guide on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
dir=${EVIDENT_BENCH_DIR:-/tmp}   # where the data sets, the published tool and the results go
data=$dir/evident-bench-$rows.csv
cp=$dir/evident-bench-cp-$rows.csv
out=$dir/evident-bench-publish
runs=${EVIDENT_RATIO_RUNS:-3}
dotnet publish src/Evident.Cli -c Release -o "$out" -p:PublishReadyToRun=true >/dev/null  # self-contained composite ReadyToRun: Evident.Cli.csproj
gen() { dotnet run -c Release --project bench/Evident.Benchmarks -- "$@"; }
[ -f "$data" ] || gen generate "$data" "$rows"
[ -f "$cp" ] || gen generate-cp "$cp" "$rows"
e="$out/evident"
pair() { # NAME EVIDENT-COMMAND R-COMMAND
  hyperfine --warmup 1 --runs "$runs" --export-json "$dir/evident-ratios-$1.json" --export-markdown "$dir/evident-ratios-$1.md" -n "evident $1" "$2" -n "R $1" "$3"
}
uptime
pair cox "$e cox $data --formula 'Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum)' --format json" "Rscript bench/r/cox.R $data"
pair km "$e km $data --formula 'Surv(time, status) ~ arm'" "Rscript bench/r/km.R $data"
pair logrank "$e logrank $data --formula 'Surv(time, status) ~ arm + strata(stratum)'" "Rscript bench/r/logrank.R $data"
pair cox-counting "$e cox $cp --formula 'Surv(start, stop, status) ~ x1 + x2 + z + arm + strata(stratum)' --format json" "Rscript bench/r/coxcp.R $cp"
pair startup "$e km examples/data/aml.csv --formula 'Surv(time, status) ~ x'" \
  "Rscript -e 'suppressMessages(library(survival)); invisible(survfit(Surv(time, status) ~ x, data = aml))'"
uptime
EVIDENT_BENCH_DIR=$dir python3 - <<'PY'
import json, os
print("| command | Evident wall (s) | R wall (s) | wall ratio | Evident CPU (s) | R CPU (s) | CPU ratio |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in ["cox", "km", "logrank", "cox-counting", "startup"]:
    ev, r = json.load(open(f"{os.environ['EVIDENT_BENCH_DIR']}/evident-ratios-{name}.json"))["results"]
    cpu = lambda x: x["user"] + x["system"]  # hyperfine's mean user and system CPU per run
    print(f"| {name} | {ev['mean']:.3f} ± {ev['stddev']:.3f} | {r['mean']:.2f} ± {r['stddev']:.2f} | {r['mean'] / ev['mean']:.1f}× "
          f"| {cpu(ev):.3f} | {cpu(r):.2f} | {cpu(r) / cpu(ev):.1f}× |")
PY
