# Whole-process R baseline: Rscript bench/r/logrank.R /tmp/evident-bench-1000000.csv
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(TRUE)[1])
print(survdiff(Surv(time, status) ~ arm + strata(stratum), data = d), digits = 15)
