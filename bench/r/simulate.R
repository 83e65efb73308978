# Whole-process R baseline for the issue's simulation case: Rscript bench/r/simulate.R
suppressMessages(library(rpact))
d <- getDesignGroupSequential(kMax = 4, alpha = 0.025, sided = 1, typeOfDesign = "asOF", informationRates = c(0.25, 0.5, 0.75, 1))
s <- getSimulationSurvival(d, hazardRatio = 0.6, lambda2 = log(2) / 195.2018, accrualTime = c(0, 60), maxNumberOfSubjects = 1440,
                           plannedEvents = c(41, 83, 124, 165), maxNumberOfIterations = 10000, seed = 1)
cat("power", s$overallReject, "\n")
