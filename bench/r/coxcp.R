# Whole-process R baseline for the counting-process Cox benchmark (issue 17):
# Rscript bench/r/coxcp.R /tmp/evident-bench-cp-1000000.csv
# (the file: dotnet run -c Release --project bench/Evident.Benchmarks -- generate-cp PATH 1000000)
suppressMessages({library(data.table); library(survival)})
d <- fread(commandArgs(TRUE)[1])
fit <- coxph(Surv(start, stop, status) ~ x1 + x2 + z + arm + strata(stratum), data = d, ties = "efron")
print(coef(fit), digits = 15)
