using System.Text;

namespace Evident.Data.Tests;

/// <summary>Fixture paths and temporary files.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "reference", "data", name);

    public static DataTable ReadFixture(string name, IReadOnlyCollection<string>? columns = null) => TableReader.Read(Fixture(name), columns);

    /// <summary>A fresh temporary file path with the given extension, deleted when the returned scope is disposed.</summary>
    public static TempFile Temp(string extension) => new(Path.Combine(Path.GetTempPath(), $"evident-data-{Guid.NewGuid():N}{extension}"));

    public static DataTable ParseText(string text, char delimiter = ',', IReadOnlyCollection<string>? columns = null, string source = "test.csv")
        => TableReader.ParseCsv(Encoding.UTF8.GetBytes(text), source, delimiter, columns);

    public sealed class TempFile(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose()
        {
            if (File.Exists(Path)) File.Delete(Path);
        }
    }
}
