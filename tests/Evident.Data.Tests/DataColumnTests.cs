namespace Evident.Data.Tests;

public class DataColumnTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(2.5, "2.5")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1e-04")]
    [InlineData(123456.0, "123456")]
    [InlineData(100000.0, "1e+05")]
    [InlineData(72.3315, "72.3315")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(1e300, "1e+300")]
    [InlineData(-1.5e-10, "-1.5e-10")]
    [InlineData(0.0, "0")]
    [InlineData(double.PositiveInfinity, "Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    public void NumbersFormatLikeR(double value, string expected)
        => Assert.Equal(expected, DataColumn.FromNumbers("x", [value]).Format(0));

    [Fact]
    public void FactoriesAndMissingValues()
    {
        var numbers = DataColumn.FromNumbers("n", [1, double.NaN]);
        Assert.Equal(ColumnKind.Numeric, numbers.Kind);
        Assert.True(numbers.IsMissing(1));
        Assert.Null(numbers.Format(1));
        var logical = DataColumn.FromLogical("l", [true, null, false]);
        Assert.Equal([1.0, double.NaN, 0], logical.Numbers.ToArray());
        Assert.Equal(["TRUE", null, "FALSE"], Enumerable.Range(0, 3).Select(logical.Format));
        var text = DataColumn.FromText("t", ["b", null, "a", "b"]);
        Assert.Equal(["b", "a"], text.Dictionary);
        Assert.Equal([0, -1, 1, 0], text.Codes.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => text.Format(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.IsMissing(-1));
        var table = new DataTable("mem", [numbers, DataColumn.FromNumbers("m", [3, 4])]);
        Assert.Equal(2, table.RowCount);
        Assert.Throws<ArgumentException>(() => new DataTable("mem", [numbers, logical]));
    }

    [Fact]
    public void SeveralStrataCombineWithTheFirstVaryingSlowest()
    {
        var table = TestFiles.ParseText("t,s,a,b\n1,1,y,2\n2,1,x,10\n3,0,y,1\n4,1,x,2\n5,1,y,2\n");
        var frame = ModelFrame.Build(table, SurvivalFormula.Parse("Surv(t, s) ~ strata(a) + strata(b)"));
        Assert.Equal([("x", "2"), ("x", "10"), ("y", "1"), ("y", "2")], frame.StratumLabels.Select(l => (l["a"], l["b"])));
        Assert.Equal([3, 1, 2, 0, 3], frame.Stratum.ToArray());
        Assert.Equal(4, frame.StratumCount);
        Assert.Equal(1, frame.GroupCount);
    }
}
