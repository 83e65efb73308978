using Evident.Reporting.Figures;
using Evident.Statistics.Survival;

namespace Evident.Reporting.Tests;

/// <summary>
/// Figures must survive a garbage collection, and the finalizers it runs, at any moment while they draw: the Release
/// test hosts died in libSkiaSharp when a marker's undisposed path was finalized during its own draw call
/// (<see cref="OwnedPathMarkers"/>). Here another thread collects and runs finalizers without pause while figures with
/// thousands of censoring ticks and observed-Z diamonds draw; before the markers owned their paths this killed the
/// test host within a few figures.
/// </summary>
public sealed class FinalizerSafetyTests
{
    [Fact]
    public void Figures_draw_while_another_thread_collects_and_finalizes()
    {
        var random = new Random(20261207);
        int n = 4000;
        var time = Enumerable.Range(0, n).Select(_ => 1 + random.NextDouble() * 1000).ToArray();
        var isEvent = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.2).ToArray();
        var group = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var curves = KaplanMeier.FitGroups(time, isEvent, group, 2);
        KaplanMeierArm[] arms = [new("A", curves[0]), new("B", curves[1])];
        var design = TestData.ObfWithFutility();

        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();
        try
        {
            for (int i = 0; i < 20; i++)
            {
                Assert.Contains("<svg", KaplanMeierFigure.Svg(arms), StringComparison.Ordinal);
                Assert.NotEmpty(KaplanMeierFigure.Png(arms));
                Assert.Contains("<svg", MonitoringFigure.Svg(design, [0.25, 0.5, 0.75], [1.1, 2.2, 3.3]), StringComparison.Ordinal);
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }
}
