using System.Diagnostics;
using System.Text.Json;

namespace PlaceDeMarche.Pipeline.Parquet.Tests;

/// <summary>Reads a Parquet file through DuckDB via tools/parquet-check/read-parquet.mjs (independent conformance check).</summary>
internal static class DuckDbReader
{
    /// <summary>Column name and DuckDB type, and the rows as JSON objects.</summary>
    public sealed record Result(IReadOnlyList<(string Name, string Type)> Schema, IReadOnlyList<JsonElement> Rows)
    {
        public string TypeOf(string column) => Schema.Single(c => c.Name == column).Type;
    }

    public static Result Read(string parquetPath)
    {
        string script = Path.Combine(RepositoryRoot(), "tools", "parquet-check", "read-parquet.mjs");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, parquetPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"DuckDB could not read {parquetPath} (exit {process.ExitCode}): {error.Result}");
        }

        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        var schema = root.GetProperty("schema").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!))
            .ToList();
        var rows = root.GetProperty("rows").EnumerateArray().Select(r => r.Clone()).ToList();
        return new Result(schema, rows);
    }

    /// <summary>The folder holding PlaceDeMarche.Pipeline.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PlaceDeMarche.Pipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PlaceDeMarche.Pipeline.sln above {AppContext.BaseDirectory}.");
    }
}
