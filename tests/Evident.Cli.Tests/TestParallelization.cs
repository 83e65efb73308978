// The command-line tests run whole analyses that draw figures with ScottPlot/SkiaSharp. Although every Skia call is made
// under SkiaGate, CI's Release test host died twice in one day with a segmentation fault inside libSkiaSharp on a thread
// pool worker (dmesg), never in a managed frame; running this assembly's test classes one at a time removes the
// concurrent analyses the crash was seen under. The cause (most likely a Skia object freed by a finalizer while
// another figure draws) is not proven; see docs/architecture.md, "Figures and threads".
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
