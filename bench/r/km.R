# Whole-process R baseline: Rscript bench/r/km.R /tmp/evident-bench-1000000.csv
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(TRUE)[1])
fit <- survfit(Surv(time, status) ~ arm, data = d)
print(fit)
