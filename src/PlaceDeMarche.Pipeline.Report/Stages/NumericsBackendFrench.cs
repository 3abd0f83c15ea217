using PlaceDeMarche.Pipeline.Report.Document;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>Where the scoring protocol's numerics ran, said in French for the report's appendix.</summary>
internal static class NumericsBackendFrench
{
    /// <summary>One paragraph naming the backend(s) the clustering stages recorded; none when they recorded nothing.</summary>
    public static IReadOnlyList<ReportBlock> Paragraphs(IReadOnlyList<KeyValuePair<string, string>> backends)
    {
        if (backends.Count == 0)
        {
            return [];
        }

        var places = string.Join(" ; ", backends.Select(b => Describe(b.Key, b.Value)));
        var intro = backends.Count == 1
            ? "Les calculs numériques du protocole d'évaluation (ACP, t-SNE, KMeans) ont été faits"
            : $"Les calculs numériques du protocole d'évaluation (ACP, t-SNE, KMeans) ont été faits à {backends.Count} endroits selon les étapes";
        return [new Paragraph($"{intro} : {places} (réglage `numerics.backend` de pipeline.yaml : `auto` prend une carte graphique CUDA ou OpenCL si ILGPU en trouve une, sinon le processeur).")];
    }

    /// <summary>The French name of a <c>numerics.backend</c> value and its device.</summary>
    internal static string Describe(string backend, string device) => backend switch
    {
        "cpu" => "sur le processeur, code vectorisé (SIMD)",
        "ilgpu-cuda" => $"sur la carte graphique CUDA « {device} », noyaux ILGPU",
        "ilgpu-opencl" => $"sur la carte graphique OpenCL « {device} », noyaux ILGPU",
        "ilgpu-cpu" => "avec les noyaux ILGPU sur l'accélérateur processeur d'ILGPU, faute de carte graphique (résultats égaux à l'arrondi près, calcul plus lent)",
        _ => $"« {backend} » ({device})",
    };
}
