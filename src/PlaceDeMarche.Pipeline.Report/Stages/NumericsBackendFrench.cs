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
        var where = backends.Count == 1 ? places : $"à {backends.Count} endroits selon les étapes : {places}";
        return [new Paragraph(
            $"Les calculs numériques du protocole d'évaluation (ACP, t-SNE, KMeans) ont tourné {where}. Le réglage "
            + "`numerics.backend` de pipeline.yaml en décide : `auto` prend une carte graphique CUDA ou OpenCL si ILGPU en trouve une, sinon le processeur.")];
    }

    /// <summary>The French name of a <c>numerics.backend</c> value and its device.</summary>
    internal static string Describe(string backend, string device) => backend switch
    {
        "cpu" => "sur le processeur, en code vectorisé (SIMD)",
        "ilgpu-cuda" => $"sur la carte graphique CUDA « {device} », avec les noyaux ILGPU",
        "ilgpu-opencl" => $"sur la carte graphique OpenCL « {device} », avec les noyaux ILGPU",
        "ilgpu-cpu" => "avec les noyaux ILGPU sur l'accélérateur processeur d'ILGPU, faute de carte graphique (résultats égaux à l'arrondi près, calcul plus lent)",
        _ => $"« {backend} » ({device})",
    };
}
