using PlaceDeMarche.Pipeline.Supervised.Evaluation;
using PlaceDeMarche.Pipeline.Supervised.Features;
using PlaceDeMarche.Pipeline.Supervised.Linear;
using PlaceDeMarche.Pipeline.Supervised.Neural;
using PlaceDeMarche.Pipeline.Supervised.Protocol;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Supervised.Tests;

/// <summary>No information from a test fold reaches anything fitted for it.</summary>
public sealed class LeakageTests
{
    [Fact]
    public void ATermSeenOnlyInTestRowsNeverEntersTheVocabulary()
    {
        string[][] tokens = [["watch", "strap"], ["watch", "dial"], ["towel", "cotton"], ["towel", "bath"], ["zebracorn", "watch"]];
        var block = new TfIdfBlock(tokens, new TfIdfOptions());

        var fitted = (FittedTfIdfBlock)block.Fit([0, 1, 2, 3]);

        Assert.Equal(-1, fitted.Vocabulary.IndexOf("zebracorn"));
        Assert.NotEqual(-1, fitted.Vocabulary.IndexOf("watch"));
        // The test row is still transformed, through the training vocabulary only.
        var vector = fitted.Transform([4])[0];
        Assert.Equal(1f, vector[fitted.Vocabulary.IndexOf("watch")], 5);
    }

    [Fact]
    public void DenseScalingUsesTrainingRowsOnly()
    {
        float[][] vectors = [[1f], [3f], [1000f]];
        var fitted = new DenseBlock("embedding", vectors).Fit([0, 1]);

        var model = fitted.Export();
        Assert.Equal(2f, model.Mean[0]);
        Assert.Equal(1f, model.Scale[0]);
        Assert.Equal(998f, fitted.Transform([2])[0][0]);
    }

    [Fact]
    public void NestedCrossValidationNeverFitsOnAnOuterTestRow()
    {
        var (vectors, labels) = Toy.Blobs(60, classes: 3, seed: 5);
        var spy = new SpyBlock(new DenseBlock("blobs", vectors));
        var outer = StratifiedSplitter.KFold(Enumerable.Range(0, 60).ToArray(), labels, 4, seed: 1);
        var protocol = new NestedCrossValidation(new ProtocolOptions { InnerFolds = 3, Seed = 2, Parallelism = 1 });

        protocol.Run("toy", new FeatureStack([spy]), labels, 3, outer, new MaximumEntropyFamily([1, 10], new MaximumEntropyOptions()));

        // One fold after another (parallelism 1): 3 inner fits and 1 refit per outer fold, all on its training rows.
        Assert.Equal(16, spy.FittedOn.Count);
        for (var fold = 0; fold < outer.Count; fold++)
        {
            foreach (var rows in spy.FittedOn.Skip(4 * fold).Take(4))
                Assert.Empty(rows.Intersect(outer[fold].Test));
        }
        Assert.Equal(outer[0].Train, spy.FittedOn[3]);
    }

    [Fact]
    public void AugmentedCopiesJoinTheTrainingRowsOfTheirPhotoOnlyAndAreNeverScored()
    {
        var (originals, labels) = Toy.Blobs(60, classes: 3, seed: 5);
        // One copy per row, appended after the originals (row r's copy is 60 + r), labelled as its photo.
        float[][] vectors = [.. originals, .. originals.Select(v => v.Select(x => x + 0.1f).ToArray())];
        int[] allLabels = [.. labels, .. labels];
        var spy = new SpyBlock(new DenseBlock("blobs", vectors));
        var outer = StratifiedSplitter.KFold(Enumerable.Range(0, 60).ToArray(), labels, 4, seed: 1);
        var protocol = new NestedCrossValidation(new ProtocolOptions { InnerFolds = 3, Seed = 2, Parallelism = 1 });

        var result = protocol.Run("toy", new FeatureStack([spy]), allLabels, 3, outer, new MaximumEntropyFamily([1, 10], new MaximumEntropyOptions()), row => [60 + row]);

        for (var fold = 0; fold < outer.Count; fold++)
        {
            foreach (var rows in spy.FittedOn.Skip(4 * fold).Take(4))
            {
                var photos = rows.Where(r => r < 60).ToArray();
                // Every training photo brings its copy, and nothing else comes in: no test photo, no copy of one.
                Assert.Equal(photos.Select(r => 60 + r).Order(), rows.Where(r => r >= 60).Order());
                Assert.Empty(rows.Select(r => r % 60).Intersect(outer[fold].Test));
            }
            Assert.Equal(outer[fold].Test.Order(), result.Folds[fold].TestProbabilities.Keys.Order());
            Assert.All(result.Folds[fold].InnerProbabilities.Keys, r => Assert.True(r < 60, $"copy {r} was validated on"));
        }
        Assert.Equal([.. outer[0].Train, .. outer[0].Train.Select(r => 60 + r)], spy.FittedOn[3]);
    }

    [Fact]
    public void TheSearchOverTheNumberOfCopiesTrainsOnTheFirstCopiesOfTrainingPhotosOnly()
    {
        var (originals, labels) = Toy.Blobs(60, classes: 3, seed: 5);
        // Two copies per row: row r's are 60 + r (copy 0) and 120 + r (copy 1).
        float[][] vectors = [.. originals, .. originals.Select(v => v.Select(x => x + 0.1f).ToArray()), .. originals.Select(v => v.Select(x => x - 0.1f).ToArray())];
        int[] allLabels = [.. labels, .. labels, .. labels];
        var spy = new SpyBlock(new DenseBlock("blobs", vectors));
        var outer = StratifiedSplitter.KFold(Enumerable.Range(0, 60).ToArray(), labels, 4, seed: 1);
        var protocol = new NestedCrossValidation(new ProtocolOptions { InnerFolds = 3, Seed = 2, Parallelism = 1 });
        var family = new MlpFamily([new MlpCandidate(8, 0, 0, 0.001, Copies: 0), new MlpCandidate(8, 0, 0, 0.001, Copies: 1)], new MlpOptions { MaxEpochs = 5 });

        var result = protocol.Run("toy", new FeatureStack([spy]), allLabels, 3, outer, family, row => [60 + row, 120 + row]);

        // Per outer fold: 3 inner splits x 2 copy counts, then the refit with the chosen count.
        Assert.Equal(4 * 7, spy.FittedOn.Count);
        for (var fold = 0; fold < outer.Count; fold++)
        {
            var fits = spy.FittedOn.Skip(7 * fold).Take(7).ToArray();
            foreach (var rows in fits)
            {
                var photos = rows.Where(r => r < 60).ToArray();
                Assert.DoesNotContain(rows, r => r >= 120);
                Assert.True(rows.Length == photos.Length || rows.Length == 2 * photos.Length);
                Assert.All(rows.Where(r => r >= 60), copy => Assert.Contains(copy - 60, photos));
                Assert.Empty(rows.Select(r => r % 60).Intersect(outer[fold].Test));
            }
            Assert.Equal(3, fits.Take(6).Count(f => f.All(r => r < 60)));
            var chosenCopies = family.Candidate(result.Folds[fold].Chosen).Copies;
            Assert.Equal(chosenCopies == 0 ? outer[fold].Train : [.. outer[fold].Train, .. outer[fold].Train.Select(r => 60 + r)], fits[6]);
            Assert.Equal(outer[fold].Test.Order(), result.Folds[fold].TestProbabilities.Keys.Order());
            Assert.All(result.Folds[fold].InnerProbabilities.Keys, r => Assert.True(r < 60, $"copy {r} was validated on"));
            Assert.NotEmpty(result.Folds[fold].Epochs);
        }
    }

    private sealed class SpyBlock(IFeatureBlock inner) : IFeatureBlock
    {
        public List<int[]> FittedOn { get; } = [];

        public string Name => inner.Name;

        public IFittedFeatureBlock Fit(IReadOnlyList<int> trainRows)
        {
            lock (FittedOn)
                FittedOn.Add([.. trainRows]);
            return inner.Fit(trainRows);
        }
    }
}
