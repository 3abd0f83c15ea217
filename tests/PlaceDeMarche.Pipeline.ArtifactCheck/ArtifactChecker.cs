using System.Globalization;

namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>
/// Reads every Parquet file of a study's artifact folder with DuckDB: the known artifacts must have the expected
/// schema (and row count where fixed); a few cross-checks tie the tables together. Unknown files are read too.
/// </summary>
public sealed class ArtifactChecker(string artifactsFolder, int products, TextWriter log)
{
    /// <summary>The problems found; empty when every artifact is as expected.</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        using var session = new DuckDbSession();
        var expected = StudyArtifacts.For(products).ToDictionary(e => e.RelativePath, StringComparer.Ordinal);
        foreach (var missing in expected.Keys.Where(path => !File.Exists(PathOf(path))))
        {
            problems.Add($"{missing}: missing");
        }

        var files = Directory.EnumerateFiles(artifactsFolder, "*.parquet", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(artifactsFolder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var schema = session.Describe(PathOf(relative));
            long rows = session.Scalar<long>($"SELECT count(*) FROM {Source(relative)}");
            var described = string.Join(", ", schema.Select(c => $"{c.Name}:{c.Type}"));
            log.WriteLine($"  {relative,-44} {rows,6} rows  {described}");
            if (!expected.TryGetValue(relative, out var expectation))
            {
                log.WriteLine($"    (not a known artifact: read, not checked)");
                continue;
            }

            if (!schema.SequenceEqual(expectation.Schema))
            {
                problems.Add($"{relative}: schema {described}, expected {string.Join(", ", expectation.Schema.Select(c => $"{c.Name}:{c.Type}"))}");
            }

            if (expectation.Rows is { } fixedRows && rows != fixedRows)
            {
                problems.Add($"{relative}: {rows} rows, expected {fixedRows}");
            }
        }

        if (problems.Count == 0)
        {
            CrossCheck(session, problems);
        }

        return problems;
    }

    private void CrossCheck(DuckDbSession session, List<string> problems)
    {
        long categories = session.Scalar<long>($"SELECT count(DISTINCT category) FROM {Source("ingest/products.parquet")}");
        if (categories != 7)
        {
            problems.Add($"ingest/products.parquet: {categories} categories, expected 7");
        }

        var tfidf = Source("text/tfidf.parquet");
        long widths = session.Scalar<long>($"SELECT count(DISTINCT len(features)) FROM {tfidf}");
        if (widths != 1)
        {
            problems.Add($"text/tfidf.parquet: vectors of {widths} different lengths");
        }

        long badNorms = session.Scalar<long>(
            $"SELECT count(*) FROM {tfidf} WHERE abs(sqrt(list_sum(list_transform(features, x -> x * x))) - 1) > 1e-3 AND list_sum(list_transform(features, x -> x * x)) > 0");
        if (badNorms != 0)
        {
            problems.Add($"text/tfidf.parquet: {badNorms} rows are not L2-normalised");
        }

        double ari = session.Scalar<double>($"SELECT value FROM {Source("clustering/text-tfidf-metrics.parquet")} WHERE metric = 'ari_mean'");
        if (ari is < -1 or > 1 or double.NaN)
        {
            problems.Add($"clustering/text-tfidf-metrics.parquet: ari_mean = {ari}");
        }

        long usable = session.Scalar<long>($"SELECT count(*) FROM {Source("image/index.parquet")} WHERE status = 'ok'");
        foreach (var table in new[] { "image/sift-bovw.parquet", "image/colorhist.parquet", "clustering/image-sift.parquet" })
        {
            long rows = session.Scalar<long>($"SELECT count(*) FROM {Source(table)}");
            if (rows != usable)
            {
                problems.Add($"{table}: {rows} rows, but the image index has {usable} usable photos");
            }
        }

        long copyleft = session.Scalar<long>($"SELECT count(*) FROM {Source("compliance/licences.parquet")} WHERE copyleft");
        if (copyleft != 0)
        {
            problems.Add($"compliance/licences.parquet: {copyleft} copyleft component(s) in the licence manifest");
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  categories: {categories}; usable photos: {usable}; copyleft components: {copyleft}; TF-IDF ARI read back by DuckDB: {ari}"));
    }

    private string PathOf(string relative) => Path.Combine(artifactsFolder, relative);

    private string Source(string relative) => DuckDbSession.ParquetSource(PathOf(relative));
}
