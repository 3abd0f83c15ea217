using System.Globalization;
using PlaceDeMarche.Pipeline.Numerics.Metrics;
using PlaceDeMarche.Pipeline.Report.Document;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>Tables and figures several sections draw for scored representations: scores, the two t-SNE maps, the confusion matrix.</summary>
internal static class RepresentationFigures
{
    /// <summary>ARI ± σ, NMI, share of products in their category's group and product count; a "not run" row says why.</summary>
    public static Table ScoreTable(string firstHeader, IReadOnlyList<RepresentationScores> scores, string caption) => new(
        [firstHeader, "ARI moyen ± σ", "NMI", "Bien regroupés", "Produits"],
        scores.Select(s => s.HasRun
            ? (IReadOnlyList<string>)
            [
                s.Label,
                $"{Number(s.Metrics["ari_mean"])} ± {Number(s.Metrics["ari_std"])}",
                Number(s.Metrics.GetValueOrDefault("nmi_mean", double.NaN)),
                Percent(s.Metrics.GetValueOrDefault("matched_accuracy_mean", double.NaN)),
                Count(s.Assignments.Ids.Length),
            ]
            : [s.Label, s.NotRunNote, "—", "—", "—"]).ToArray())
    {
        Caption = caption,
        Alignments = [ColumnAlignment.Left, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right, ColumnAlignment.Right],
        HighlightedRow = RepresentationScores.Best(scores) is { } best ? scores.ToList().IndexOf(best) : null,
    };

    /// <summary>The first seed's t-SNE map coloured by true category, beside the same map coloured by each cluster's matched category.</summary>
    public static PlotGrid MapPair(RepresentationScores scores, ClusterCategoryMapping mapping, string[] categoryNames, string caption) => new(
    [
        Map($"{scores.Label} : vraies catégories", scores.Assignments, CategoryIndices(scores.Assignments, categoryNames), categoryNames),
        Map($"{scores.Label} : groupes KMeans", scores.Assignments, mapping.PredictedCategories, categoryNames),
    ])
    {
        Columns = 2,
        Caption = caption,
    };

    /// <summary>True categories (rows) against the categories the clusters are matched to (Hungarian matching), in product counts.</summary>
    public static Heatmap Confusion(string label, ClusterCategoryMapping mapping, string[] categoryNames, string caption) => new(
        $"{label} : matrice de confusion",
        categoryNames,
        categoryNames,
        Enumerable.Range(0, categoryNames.Length)
            .Select(r => (IReadOnlyList<double>)Enumerable.Range(0, categoryNames.Length).Select(c => (double)mapping.ConfusionMatrix[r, c]).ToArray())
            .ToArray())
    {
        RowAxisLabel = "vraie catégorie",
        ColumnAxisLabel = "catégorie du groupe (appariement hongrois)",
        ColorBarLabel = "nombre de produits",
        ValueFormat = "0",
        Caption = caption,
    };
}
