namespace Evident.Data.Tests;

public class ParquetTests
{
    [Theory]
    [InlineData("lung.csv")]
    [InlineData("veteran.csv")]
    [InlineData("aml.csv")]
    [InlineData("mgus2.csv")]
    public void ParquetRoundTripEqualsCsv(string fixture)
    {
        var csv = TestFiles.ReadFixture(fixture);
        using var file = TestFiles.Temp(".parquet");
        TableWriter.WriteParquet(csv, file.Path);
        var parquet = TableReader.Read(file.Path);
        TableAssert.Equal(csv, parquet);
    }

    [Fact]
    public void SelectedColumnsAndLogicalsSurviveTheRoundTrip()
    {
        var table = TestFiles.ParseText("time,flag,arm\n1.5,TRUE,A\n2,NA,\n3,FALSE,B\n");
        using var file = TestFiles.Temp(".parquet");
        TableWriter.WriteParquet(table, file.Path);
        var back = TableReader.ReadParquet(file.Path, ["flag", "arm"]);
        Assert.Equal(["flag", "arm"], back.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Logical, back["flag"].Kind);
        Assert.Equal(["TRUE", null, "FALSE"], Enumerable.Range(0, 3).Select(back["flag"].Format));
        Assert.Equal(["A", null, "B"], Enumerable.Range(0, 3).Select(back["arm"].Format));
        var e = Assert.Throws<DataInputException>(() => TableReader.ReadParquet(file.Path, ["nope"]));
        Assert.Equal($"column 'nope' not found in {file.Path}; columns are: time, flag, arm", e.Message);
    }

    [Fact]
    public void ModelFrameFromParquetEqualsModelFrameFromCsv()
    {
        var formula = SurvivalFormula.Parse("Surv(time, status) ~ trt + karno + factor(celltype)");
        var csv = ModelFrame.Build(TestFiles.ReadFixture("veteran.csv"), formula);
        using var file = TestFiles.Temp(".parquet");
        TableWriter.WriteParquet(TestFiles.ReadFixture("veteran.csv"), file.Path);
        var parquet = ModelFrame.Build(TableReader.Read(file.Path, formula.Columns.ToArray()), formula);
        Assert.Equal(csv.Covariates.ToArray(), parquet.Covariates.ToArray());
        Assert.Equal(csv.Time.ToArray(), parquet.Time.ToArray());
        Assert.Equal(csv.DesignColumns, parquet.DesignColumns);
    }
}
