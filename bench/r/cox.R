# Whole-process R baseline for the issue's Cox benchmark: Rscript bench/r/cox.R /tmp/evident-bench-1000000.csv
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(TRUE)[1])
fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + strata(stratum), data = d, ties = "efron")
print(coef(fit), digits = 15)
