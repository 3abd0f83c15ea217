using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Execution;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Core.Schema.Columns;
using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Imaging.Stages;
using PlaceDeMarche.Pipeline.Onnx;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.Supervised.Boosted;
using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Supervised.Linear;
using PlaceDeMarche.Pipeline.Supervised.Neural;
using PlaceDeMarche.Pipeline.Supervised.Prediction;
using PlaceDeMarche.Pipeline.Supervised.Protocol;
using PlaceDeMarche.Pipeline.Text.Stages;

namespace PlaceDeMarche.Pipeline.Supervised.Stages;

/// <summary>
/// Supervised classification: text, image, early and late multimodal fusion, each scored by nested stratified
/// cross-validation on the development rows; the best is then refitted on them and scored once on the held-out rows,
/// and saved as the production model that <c>predict</c> loads.
/// </summary>
public sealed class SupervisedStage : Stage<SupervisedStageParameters>
{
    /// <summary>Embeddings that can be named in supervised.text / text_alternatives (TF-IDF is refitted from the documents).</summary>
    private static readonly string[] TextEmbeddings = ["doc2vec", "word2vec-tfidf", "word2vec-sif", "transformer-minilm", "transformer-arctic-xs"];

    /// <summary>Image representations that can be named in supervised.image: those predict can compute for a new photo
    /// (each pretrained CNN alone; their combination's block scales are fitted on every photo and not saved).</summary>
    private static readonly string[] ImageInputs = ["colorhist", .. ImageRepresentation.CnnModels.Select(ImageRepresentation.CnnMethod)];

    public override string Name => "Supervised";

    public override string Description => "Supervised classification (text, image, fusion) by nested cross-validation; saves the production model";

    public override IReadOnlyList<string> Inputs { get; } =
    [
        ArtifactPaths.TextDocuments,
        .. ImageRepresentation.All.Where(r => ImageInputs.Contains(r.Method)).Select(r => r.Features),
        .. TextRepresentation.All.Where(r => TextEmbeddings.Contains(r.Method)).Select(r => r.Features),
        .. ImageRepresentation.CnnModels.Select(ImageArtifactPaths.CnnAugmented),
    ];

    public override IReadOnlyList<string> Outputs { get; } =
    [
        SupervisedArtifactPaths.Scores, SupervisedArtifactPaths.Predictions, SupervisedArtifactPaths.Curves,
        SupervisedArtifactPaths.Confusions, SupervisedArtifactPaths.Metrics, SupervisedArtifactPaths.Model, SupervisedArtifactPaths.Epochs,
    ];

    protected override SupervisedStageParameters BindParameters(PipelineConfiguration configuration) => new(
        configuration.Seed,
        configuration.Bind<SupervisedParameters>("supervised"),
        configuration.Bind<TextCleaningParameters>("text.cleaning"),
        configuration.Bind<TfIdfParameters>("text.tfidf"),
        configuration.Bind<ImagePreprocessParameters>("images.preprocess"),
        configuration.Bind<ImageColorHistogramParameters>("images.color_histogram"),
        ImageRepresentation.CnnModels.ToDictionary(m => m, m => new SavedCnnModel(
            configuration.Bind<ImageCnnParameters>($"images.cnn.{m}"), configuration.Bind<ModelCatalogEntry>($"{ModelCatalogEntry.Section}.{m}").Files)),
        configuration.Bind<OnnxSettings>(OnnxSettings.Section));

    protected override void Run(StageContext context, SupervisedStageParameters parameters)
    {
        var settings = parameters.Section;
        Validate(settings);
        var documents = DocumentTable.Read(context.InputPath(ArtifactPaths.TextDocuments));
        var tables = settings.Image.Concat(settings.ImageFallback.SelectMany(f => f)).Concat(settings.ImageAlternatives.SelectMany(a => a)).Concat(settings.Text).Concat(settings.TextAlternatives).Distinct()
            .Where(name => name != FeatureBlockModel.TfIdfKind)
            .ToDictionary(name => name, name => FeatureTable.Read(context.InputPath(FeaturesOf(name))));
        bool Ran(string name) => name == FeatureBlockModel.TfIdfKind || tables[name].Vectors.Length > 0;
        var image = ImageModel(settings, Ran, context);
        var imageAlternatives = settings.ImageAlternatives.Where(a => a.All(Ran) && !a.SequenceEqual(image)).Select(a => a.ToArray()).ToArray();
        foreach (var alternative in settings.ImageAlternatives.Where(a => !a.All(Ran)))
            context.Log.Warning($"{Name}: image {string.Join(" + ", alternative)}: {string.Join(", ", alternative.Where(n => !Ran(n)))} did not run; left out of the comparison");
        var skipped = settings.TextAlternatives.Where(name => !Ran(name)).ToArray();
        foreach (var name in skipped)
            context.Log.Warning($"{Name}: {name} has no rows (not run); left out of the comparison");
        var required = settings.Text.Where(n => !Ran(n)).ToArray();
        if (required.Length > 0)
            throw new StageInputException($"supervised: {string.Join(", ", required)} has no rows (the stage that writes it did not run); choose other representations in supervised.text.");

        // Rows: products present in every table used (photos can be missing); all models are scored on the same rows.
        var usedTables = tables.Where(t => Ran(t.Key)).ToArray();
        var ids = documents.Ids.Where(id => usedTables.All(t => t.Value.Ids.Contains(id))).ToArray();
        var rowOf = documents.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var categories = ids.Select(id => documents.Categories[rowOf[id]]).ToArray();
        var names = categories.Distinct().Order(StringComparer.Ordinal).ToArray();
        var labels = categories.Select(c => Array.BinarySearch(names, c, StringComparer.Ordinal)).ToArray();
        var tokens = ids.Select(id => documents.Tokens[rowOf[id]].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var vectors = usedTables.ToDictionary(t => t.Key, t => Align(t.Value, ids));

        IFeatureBlock Block(string name) => name == FeatureBlockModel.TfIdfKind
            ? new TfIdfBlock(tokens, parameters.TfIdf.ToOptions())
            : new DenseBlock(name, vectors[name]);
        FeatureStack Stack(IEnumerable<string> blocks) => new([.. blocks.Select(Block)]);

        var allRows = Enumerable.Range(0, ids.Length).ToArray();
        var holdOut = StratifiedSplitter.HoldOut(allRows, labels, settings.TestFraction, parameters.Seed);
        var outer = StratifiedSplitter.KFold(holdOut.Train, labels, settings.Folds, parameters.Seed + 1);
        var logistic = new MaximumEntropyFamily(settings.L2Grid, new MaximumEntropyOptions { MaximumIterations = settings.MaxIterations });
        var protocol = new NestedCrossValidation(new ProtocolOptions { InnerFolds = settings.InnerFolds, Seed = parameters.Seed + 2, Parallelism = settings.Parallelism });
        var weights = Enumerable.Range(0, settings.FusionWeightSteps + 1).Select(i => (double)i / settings.FusionWeightSteps).ToArray();

        var stacks = new Dictionary<string, FeatureStack>
        {
            ["text"] = Stack(settings.Text),
            ["image"] = Stack(image),
            ["multimodal_early"] = Stack(settings.Text.Concat(image)),
        };
        var representations = new Dictionary<string, string[]>
        {
            ["text"] = [.. settings.Text],
            ["image"] = image,
            ["multimodal_early"] = [.. settings.Text, .. image],
        };
        foreach (var alternative in settings.TextAlternatives.Except(skipped))
        {
            stacks[$"text_{alternative.Replace('-', '_')}"] = Stack([alternative]);
            representations[$"text_{alternative.Replace('-', '_')}"] = [alternative];
        }

        foreach (var alternative in imageAlternatives)
        {
            var model = "image_" + string.Join('_', alternative.Select(a => a.Replace('-', '_')));
            stacks[model] = Stack(alternative);
            representations[model] = alternative;
        }

        var results = new List<CrossValidationResult>();
        void Log(CrossValidationResult result) =>
            context.Log.Info($"{Name}: {result.Model}: accuracy {result.MeanAccuracy(labels):F3} ± {result.AccuracyStd(labels):F3} ({outer.Count} folds, L2 chosen {string.Join("/", result.Folds.Select(f => f.Chosen))})");
        foreach (var (model, stack) in stacks)
        {
            var result = protocol.Run(model, stack, labels, names.Length, outer, logistic);
            results.Add(result);
            Log(result);
        }

        var augmentedCopies = 0;
        var augmented = AugmentedImage(context, image, ids, vectors, labels);
        var augmentedStack = augmented is null ? null : new FeatureStack([.. image.Select(name => new DenseBlock(name, augmented.Vectors[name]))]);
        if (augmented is not null)
        {
            // The image model again, its training rows joined by their augmented copies: same blocks, folds, grid and seeds.
            var result = protocol.Run("image_augmented", augmentedStack!, augmented.Labels, names.Length, outer, logistic, row => augmented.Copies[row]);
            results.Add(result);
            representations["image_augmented"] = image;
            Log(result);
            augmentedCopies = augmented.CopiesPerPhoto;
        }

        // The MLP head on the same folds, rows and seeds, its candidates chosen by the same inner validation.
        var trainers = stacks.Keys.ToDictionary(m => m, IClassifierTrainer (_) => logistic);
        var mlp = settings.Mlp;
        // image_augmented_mlp searches the number of copies with the setting image_mlp chose in the same outer fold.
        foreach (var baseModel in mlp.Models.OrderBy(m => m == "image_augmented"))
        {
            var model = baseModel + SupervisedModels.MlpSuffix;
            CrossValidationResult result;
            if (baseModel == "image_augmented")
            {
                if (augmented is null)
                {
                    context.Log.Info($"{Name}: {model} not run: no augmented embeddings of the image model");
                    continue;
                }
                var copies = mlp.Copies.Where(c => c <= augmented.CopiesPerPhoto).ToArray();
                foreach (var missing in mlp.Copies.Except(copies))
                    context.Log.Warning($"{Name}: {model}: {missing} copies asked in supervised.mlp.copies, {augmented.CopiesPerPhoto} cached (images.augmentation.copies); left out of the search");
                if (copies.Length == 0)
                    continue;
                var plain = results.FirstOrDefault(r => r.Model == "image" + SupervisedModels.MlpSuffix);
                var setting = (int fold) => plain is null ? mlp.Settings()[0] : mlp.Settings()[(int)plain.Folds[fold].Chosen];
                result = protocol.Run(model, augmentedStack!, augmented.Labels, names.Length, outer,
                    fold => new MlpFamily([.. copies.Select(c => setting(fold) with { Copies = c })], mlp.ToOptions()), row => augmented.Copies[row]);
                representations[model] = image;
            }
            else
            {
                var family = new MlpFamily(mlp.Settings(), mlp.ToOptions());
                result = protocol.Run(model, stacks[baseModel], labels, names.Length, outer, family);
                stacks[model] = stacks[baseModel];
                representations[model] = representations[baseModel];
                trainers[model] = family;
            }
            results.Add(result);
            context.Log.Info($"{Name}: {model}: accuracy {result.MeanAccuracy(labels):F3} ± {result.AccuracyStd(labels):F3} (chosen {string.Join(" / ", result.Folds.Select(f => $"{f.ChosenSetting} epoch {f.KeptEpoch}"))})");
        }

        var late = LateFusion.Combine("multimodal_late", results.Single(r => r.Model == "text"), results.Single(r => r.Model == "image"), labels, weights);
        results.Add(late);
        representations["multimodal_late"] = [.. settings.Text, .. image];
        context.Log.Info($"{Name}: multimodal_late: accuracy {late.MeanAccuracy(labels):F3} ± {late.AccuracyStd(labels):F3} (text weight {string.Join("/", late.Folds.Select(f => f.Chosen))})");

        // The best of the four headline models is refitted on the development rows and scored once on the held-out rows.
        var headline = results.Where(r => SupervisedModels.Headline.Contains(r.Model)).ToArray();
        var best = headline.MaxBy(r => r.MeanAccuracy(labels))!;
        var (testProbabilities, components) = FitForTest(best.Model, stacks, trainers, labels, names.Length, holdOut, weights, protocol, parameters.Seed);
        var testMetrics = ClassificationMetrics.Compute(holdOut.Test.Select(r => labels[r]).ToArray(), holdOut.Test.Select(r => testProbabilities[r]).ToArray(), names.Length);
        context.Log.Info($"{Name}: best {best.Model}: held-out accuracy {testMetrics.Accuracy:F3} on {holdOut.Test.Length} products");

        WriteScores(context, results, representations, labels, names.Length);
        WritePredictions(context, results, ids, labels, names);
        WriteCurves(context, results);
        WriteEpochs(context, results);
        WriteConfusions(context, results, labels, names);
        var metrics = HeadlineMetrics(results, labels, names.Length, best, testMetrics, holdOut, ids.Length);
        if (augmentedCopies > 0)
            metrics.Add(new("supervised.image_augmented.copies", augmentedCopies));
        MetricTable.Write(context.OutputPath(SupervisedArtifactPaths.Metrics), metrics);
        foreach (var (key, value) in metrics)
            context.PublishMetric(key, Math.Round(value, 6));
        // Times change from run to run: published in the run summary (and the report), never written to a Parquet table.
        foreach (var result in results)
        {
            context.PublishMetric($"supervised.{result.Model}.fit_seconds_mean", Math.Round(result.Folds.Average(f => f.FitSeconds), 6));
            context.PublishMetric($"supervised.{result.Model}.predict_ms_per_product", Math.Round(result.Folds.Average(f => f.PredictMillisecondsPerProduct), 6));
        }

        context.PublishMetric("supervised.best.model", best.Model);
        context.PublishMetric("supervised.multimodal.method", headline.Where(r => r.Model.StartsWith("multimodal", StringComparison.Ordinal)).MaxBy(r => r.MeanAccuracy(labels))!.Model);

        var saved = new SavedModel
        {
            Model = best.Model,
            Categories = names,
            Components = components,
            Cleaning = parameters.Cleaning,
            TfIdf = parameters.TfIdf,
            ImagePreprocess = parameters.ImagePreprocess,
            ColorHistogram = parameters.ColorHistogram,
            Cnn = parameters.Cnn.Where(m => components.SelectMany(c => c.Blocks).Any(b => b.Representation == ImageRepresentation.CnnMethod(m.Key))).ToDictionary(),
            Onnx = parameters.Onnx,
            TrainingDataHash = TrainingHash(ids, categories, tokens, vectors, holdOut.Train),
            TrainingRows = holdOut.Train.Length,
            MlNetVersion = typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString() ?? "unknown",
            CvAccuracyMean = best.MeanAccuracy(labels),
            TestAccuracy = testMetrics.Accuracy,
        };
        AtomicFile.WriteAllText(context.OutputPath(SupervisedArtifactPaths.Model), saved.ToJson());
    }

    /// <summary>The image model's blocks: those of supervised.image that ran, else the first of supervised.image_fallback whose blocks all ran.</summary>
    private string[] ImageModel(SupervisedParameters settings, Func<string, bool> ran, StageContext context)
    {
        var image = settings.Image.Where(ran).ToArray();
        foreach (var name in settings.Image.Where(n => !ran(n)))
            context.Log.Warning($"{Name}: {name} did not run (model unavailable); the image model goes without it");
        if (image.Length > 0)
            return image;
        image = settings.ImageFallback.FirstOrDefault(f => f.All(ran))?.ToArray()
            ?? throw new StageInputException($"supervised: neither supervised.image ({string.Join(", ", settings.Image)}) nor any list of supervised.image_fallback has rows; check the image stages' warnings.");
        context.Log.Warning($"{Name}: no representation of supervised.image ran; the image model uses supervised.image_fallback ({string.Join(", ", image)})");
        return image;
    }

    /// <summary>
    /// The image model's vectors with the augmented copies appended after the <paramref name="ids"/> rows, each copy's
    /// label, and each row's copies; null when a block has no augmented embeddings (not a CNN, not in
    /// images.augmentation.models, or its model is not on this machine). A copy is kept when every block has it.
    /// </summary>
    private AugmentedRows? AugmentedImage(StageContext context, string[] image, string[] ids, Dictionary<string, float[][]> vectors, int[] labels)
    {
        var models = image.Select(name => ImageRepresentation.CnnModels.FirstOrDefault(m => ImageRepresentation.CnnMethod(m) == name)).ToArray();
        if (models.Any(m => m is null))
        {
            context.Log.Info($"{Name}: image_augmented not run: {string.Join(", ", image.Where((_, b) => models[b] is null))} is not a CNN embedding");
            return null;
        }

        var tables = models.Select(m => AugmentedFeatureTable.Read(context.InputPath(ImageArtifactPaths.CnnAugmented(m!)))).ToArray();
        if (tables.Any(t => t.Ids.Length == 0))
        {
            context.Log.Info($"{Name}: image_augmented not run: no augmented embeddings of {string.Join(", ", models.Where((_, b) => tables[b].Ids.Length == 0))} (images.augmentation.models)");
            return null;
        }

        var rowOf = ids.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row, StringComparer.Ordinal);
        var positions = tables.Select(t => Enumerable.Range(0, t.Ids.Length).ToDictionary(i => (t.Ids[i], t.Copies[i]))).ToArray();
        var copies = Enumerable.Range(0, tables[0].Ids.Length)
            .Select(i => (Id: tables[0].Ids[i], Copy: tables[0].Copies[i]))
            .Where(k => rowOf.ContainsKey(k.Id) && positions.All(p => p.ContainsKey(k)))
            .ToArray();
        var extended = new Dictionary<string, float[][]>();
        for (var b = 0; b < image.Length; b++)
            extended[image[b]] = [.. vectors[image[b]], .. copies.Select(k => tables[b].Vectors[positions[b][k]])];
        var copiesOf = Enumerable.Range(0, ids.Length).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < copies.Length; c++)
            copiesOf[rowOf[copies[c].Id]].Add(ids.Length + c);
        return new AugmentedRows(extended, [.. labels, .. copies.Select(k => labels[rowOf[k.Id]])], copiesOf, copies.Length == 0 ? 0 : copies.Max(k => k.Copy) + 1);
    }

    /// <param name="Vectors">Each block's vectors: the original rows, then the copies.</param>
    /// <param name="Labels">Every row's label (a copy has its photo's).</param>
    /// <param name="Copies">The copies' rows of each original row.</param>
    private sealed record AugmentedRows(Dictionary<string, float[][]> Vectors, int[] Labels, List<int>[] Copies, int CopiesPerPhoto);

    /// <summary>
    /// The chosen model refitted on the development rows (with its own inner search) and its probabilities for the
    /// held-out rows, plus the components to save.
    /// </summary>
    private static (IReadOnlyDictionary<int, float[]> Probabilities, ModelComponent[] Components) FitForTest(
        string model, Dictionary<string, FeatureStack> stacks, Dictionary<string, IClassifierTrainer> trainers, int[] labels, int classes, FoldSplit holdOut,
        double[] weights, NestedCrossValidation protocol, int seed)
    {
        (FoldOutcome Outcome, ModelComponent Component) Fit(string name)
        {
            var outcome = protocol.RunFold(stacks[name], labels, classes, holdOut, trainers[name], seed + 3);
            // The same fit RunFold scored (same rows, setting and seed), kept with its transforms for saving.
            var fitted = stacks[name].Fit(holdOut.Train);
            var classifier = trainers[name].Train(fitted.Transform(holdOut.Train), holdOut.Train.Select(r => labels[r]).ToArray(), classes, outcome.Chosen, seed + 3);
            return (outcome, ModelComponent.Of(classifier, [.. fitted.Blocks.Select(b => b.Export())]));
        }

        if (model != "multimodal_late")
        {
            var (outcome, component) = Fit(model);
            return (outcome.TestProbabilities, [component]);
        }

        var (text, textComponent) = Fit("text");
        var (image, imageComponent) = Fit("image");
        var fused = LateFusion.Combine(model, new CrossValidationResult("text", [text]), new CrossValidationResult("image", [image]), labels, weights).Folds[0];
        return (fused.TestProbabilities, [textComponent with { Weight = fused.Chosen }, imageComponent with { Weight = 1 - fused.Chosen }]);
    }

    private static List<KeyValuePair<string, double>> HeadlineMetrics(List<CrossValidationResult> results, int[] labels, int classes,
        CrossValidationResult best, ClassificationMetrics test, FoldSplit holdOut, int rows)
    {
        var metrics = new List<KeyValuePair<string, double>>();
        void Add(string key, double value) => metrics.Add(new(key, value));
        foreach (var result in results)
        {
            var scores = result.Metrics(labels, classes);
            Add($"supervised.{result.Model}.cv_accuracy_mean", result.MeanAccuracy(labels));
            Add($"supervised.{result.Model}.cv_accuracy_std", result.AccuracyStd(labels));
            Add($"supervised.{result.Model}.macro_f1", scores.MacroF1);
            Add($"supervised.{result.Model}.brier", scores.Brier);
            var trained = result.Folds.Where(f => !double.IsNaN(f.TrainAccuracy)).ToArray();
            if (trained.Length > 0)
                Add($"supervised.{result.Model}.train_accuracy_mean", trained.Average(f => f.TrainAccuracy));
            if (result.Folds.All(f => f.Epochs.Count > 0))
            {
                Add($"supervised.{result.Model}.kept_epoch_mean", result.Folds.Average(f => f.KeptEpoch));
                Add($"supervised.{result.Model}.epochs_mean", result.Folds.Average(f => f.Epochs.Count));
            }
        }
        var multimodal = results.Where(r => r.Model.StartsWith("multimodal", StringComparison.Ordinal)).MaxBy(r => r.MeanAccuracy(labels))!;
        Add("supervised.multimodal.cv_accuracy_mean", multimodal.MeanAccuracy(labels));
        Add("supervised.multimodal.cv_accuracy_std", multimodal.AccuracyStd(labels));
        Add("supervised.best.cv_accuracy_mean", best.MeanAccuracy(labels));
        Add("supervised.best.cv_accuracy_std", best.AccuracyStd(labels));
        Add("supervised.best.test_accuracy", test.Accuracy);
        Add("supervised.best.test_macro_f1", test.MacroF1);
        Add("supervised.best.test_brier", test.Brier);
        Add("supervised.rows", rows);
        Add("supervised.development_rows", holdOut.Train.Length);
        Add("supervised.test_rows", holdOut.Test.Length);
        return metrics;
    }

    private static void WriteScores(StageContext context, List<CrossValidationResult> results, Dictionary<string, string[]> representations, int[] labels, int classes)
    {
        var rows = results.SelectMany(r => r.Folds.Select((f, fold) => (r.Model, fold, f, Accuracy: r.FoldAccuracies(labels)[fold],
            MacroF1: ClassificationMetrics.Compute(f.TestProbabilities.Keys.Select(k => labels[k]).ToArray(), f.TestProbabilities.Values.ToArray(), classes).MacroF1))).ToArray();
        ParquetArtifact.Write(context.OutputPath(SupervisedArtifactPaths.Scores),
        [
            new StringColumn("model", rows.Select(r => r.Model).ToArray()),
            new StringColumn("representation", rows.Select(r => string.Join('+', representations[r.Model])).ToArray()),
            new PrimitiveColumn<int>("fold", rows.Select(r => r.fold).ToArray()),
            new PrimitiveColumn<double>("accuracy", rows.Select(r => r.Accuracy).ToArray()),
            new PrimitiveColumn<double>("macro_f1", rows.Select(r => r.MacroF1).ToArray()),
            new PrimitiveColumn<double>("chosen", rows.Select(r => r.f.Chosen).ToArray()),
            new PrimitiveColumn<double>("train_accuracy", rows.Select(r => r.f.TrainAccuracy).ToArray()),
            new StringColumn("setting", rows.Select(r => r.f.ChosenSetting).ToArray()),
            new PrimitiveColumn<int>("kept_epoch", rows.Select(r => r.f.KeptEpoch).ToArray()),
        ]);
    }

    private static void WritePredictions(StageContext context, List<CrossValidationResult> results, string[] ids, int[] labels, string[] names)
    {
        var rows = results.SelectMany(r => r.OutOfFold().Select(p => (r.Model, Row: p.Key, Predicted: ClassificationMetrics.ArgMax(p.Value), Probabilities: p.Value))).ToArray();
        ParquetArtifact.Write(context.OutputPath(SupervisedArtifactPaths.Predictions),
        [
            new StringColumn("model", rows.Select(r => r.Model).ToArray()),
            new StringColumn("id", rows.Select(r => ids[r.Row]).ToArray()),
            new StringColumn("category", rows.Select(r => names[labels[r.Row]]).ToArray()),
            new StringColumn("predicted", rows.Select(r => names[r.Predicted]).ToArray()),
            new PrimitiveColumn<double>("probability", rows.Select(r => (double)r.Probabilities[r.Predicted]).ToArray()),
            new PrimitiveColumn<double>("true_probability", rows.Select(r => (double)r.Probabilities[labels[r.Row]]).ToArray()),
        ]);
    }

    private static void WriteCurves(StageContext context, List<CrossValidationResult> results)
    {
        var rows = results.SelectMany(r => r.Folds.SelectMany((f, fold) => f.Search.Select(s => (r.Model, fold, s)))).ToArray();
        ParquetArtifact.Write(context.OutputPath(SupervisedArtifactPaths.Curves),
        [
            new StringColumn("model", rows.Select(r => r.Model).ToArray()),
            new PrimitiveColumn<int>("fold", rows.Select(r => r.fold).ToArray()),
            new PrimitiveColumn<double>("value", rows.Select(r => r.s.Value).ToArray()),
            new PrimitiveColumn<double>("train_accuracy", rows.Select(r => r.s.TrainAccuracy).ToArray()),
            new PrimitiveColumn<double>("validation_accuracy", rows.Select(r => r.s.ValidationAccuracy).ToArray()),
            new StringColumn("setting", rows.Select(r => r.s.Setting).ToArray()),
        ]);
    }

    /// <summary>The learning curve of each outer fold's refitted model, for the models trained by epochs (the MLPs).</summary>
    private static void WriteEpochs(StageContext context, List<CrossValidationResult> results)
    {
        var rows = results.SelectMany(r => r.Folds.SelectMany((f, fold) => f.Epochs.Select(e => (r.Model, fold, e, Kept: e.Epoch == f.KeptEpoch)))).ToArray();
        ParquetArtifact.Write(context.OutputPath(SupervisedArtifactPaths.Epochs),
        [
            new StringColumn("model", rows.Select(r => r.Model).ToArray()),
            new PrimitiveColumn<int>("fold", rows.Select(r => r.fold).ToArray()),
            new PrimitiveColumn<int>("epoch", rows.Select(r => r.e.Epoch).ToArray()),
            new PrimitiveColumn<double>("train_loss", rows.Select(r => r.e.TrainLoss).ToArray()),
            new PrimitiveColumn<double>("validation_loss", rows.Select(r => r.e.ValidationLoss).ToArray()),
            new PrimitiveColumn<double>("validation_accuracy", rows.Select(r => r.e.ValidationAccuracy).ToArray()),
            new PrimitiveColumn<bool>("kept", rows.Select(r => r.Kept).ToArray()),
        ]);
    }

    private static void WriteConfusions(StageContext context, List<CrossValidationResult> results, int[] labels, string[] names)
    {
        var rows = results.SelectMany(r =>
        {
            var confusion = r.Metrics(labels, names.Length).Confusion;
            return names.SelectMany((_, t) => names.Select((_, p) => (r.Model, True: t, Predicted: p, Count: confusion[t][p])));
        }).ToArray();
        ParquetArtifact.Write(context.OutputPath(SupervisedArtifactPaths.Confusions),
        [
            new StringColumn("model", rows.Select(r => r.Model).ToArray()),
            new StringColumn("category", rows.Select(r => names[r.True]).ToArray()),
            new StringColumn("predicted", rows.Select(r => names[r.Predicted]).ToArray()),
            new PrimitiveColumn<int>("count", rows.Select(r => r.Count).ToArray()),
        ]);
    }

    private static string TrainingHash(string[] ids, string[] categories, string[][] tokens, Dictionary<string, float[][]> vectors, int[] rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            text.Append(ids[row]).Append('\t').Append(categories[row]).Append('\t').AppendJoin(' ', tokens[row]);
            foreach (var (name, table) in vectors.OrderBy(v => v.Key, StringComparer.Ordinal))
                text.Append('\t').Append(name).Append(':').AppendJoin(',', table[row].Select(v => BitConverter.SingleToInt32Bits(v)));
            text.Append('\n');
        }
        return ContentHash.OfText(text.ToString());
    }

    /// <summary>The rows of <paramref name="table"/> in the order of <paramref name="ids"/>.</summary>
    private static float[][] Align(FeatureTable table, string[] ids)
    {
        var rowOf = table.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        return ids.Select(id => table.Vectors[rowOf[id]]).ToArray();
    }

    private static string FeaturesOf(string name) =>
        ImageRepresentation.All.Concat(TextRepresentation.All).Where(r => r.Method == name && (r.Family == "image" ? ImageInputs : TextEmbeddings).Contains(name))
            .Select(r => r.Features).FirstOrDefault()
        ?? throw new ArgumentException($"supervised: unknown representation '{name}'; use tfidf, {string.Join(", ", TextEmbeddings)} or an image representation ({string.Join(", ", ImageInputs)}).");

    private static void Validate(SupervisedParameters settings)
    {
        if (settings.Folds < 2 || settings.InnerFolds < 2)
            throw new ArgumentException($"supervised.folds ({settings.Folds}) and supervised.inner_folds ({settings.InnerFolds}) must be at least 2.");
        if (settings.L2Grid.Count == 0 || settings.L2Grid.Any(v => v < 0))
            throw new ArgumentException("supervised.l2_grid must list at least one non-negative penalty.");
        if (settings.Text.Count == 0 || settings.Image.Count == 0 || settings.ImageFallback.Count == 0 || settings.ImageFallback.Concat(settings.ImageAlternatives).Any(a => a.Count == 0))
            throw new ArgumentException("supervised.text, supervised.image, supervised.image_fallback and each of supervised.image_alternatives must name at least one representation.");
        settings.Mlp.Validate();
        if (settings.FusionWeightSteps < 1 || settings.Parallelism < 1)
            throw new ArgumentException($"supervised.fusion_weight_steps ({settings.FusionWeightSteps}) and supervised.parallelism ({settings.Parallelism}) must be at least 1.");
        foreach (var name in settings.Text.Concat(settings.Image).Concat(settings.ImageFallback.SelectMany(f => f)).Concat(settings.ImageAlternatives.SelectMany(a => a)).Concat(settings.TextAlternatives).Where(n => n != FeatureBlockModel.TfIdfKind))
            _ = FeaturesOf(name);
    }
}
