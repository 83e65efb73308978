# Whole-process R baseline for Fine–Gray: Rscript bench/r/crr.R /tmp/evident-cr-5000.csv
suppressMessages({library(data.table); library(cmprsk)})
d <- fread(commandArgs(TRUE)[1])
fit <- crr(d$time, d$cause, as.matrix(d[, c("arm", "age", "marker")]), failcode = 1, cencode = 0)
print(summary(fit), digits = 10)
