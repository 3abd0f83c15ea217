using PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;

namespace PlaceDeMarche.Pipeline.Imaging.Tests.Features;

public class VisualWordsTests
{
    private const int Length = 8;

    /// <summary>Four images whose 8-d descriptors come from three tight, far-apart clusters (centre c·10 on axis c).</summary>
    private static (List<float[]> Images, List<int[]> Clusters) ClusteredDescriptors()
    {
        var images = new List<float[]>();
        var clusters = new List<int[]>();
        var state = 7u;
        for (var image = 0; image < 4; image++)
        {
            var count = 30 + image * 5;
            var values = new float[count * Length];
            var labels = new int[count];
            for (var row = 0; row < count; row++)
            {
                var cluster = (row + image) % 3;
                labels[row] = cluster;
                for (var d = 0; d < Length; d++)
                {
                    state = state * 1664525u + 1013904223u;
                    var noise = ((state >> 8) / (float)(1 << 24) - 0.5f) * 0.2f;
                    values[row * Length + d] = (d == cluster ? 10f : 0f) + noise;
                }
            }

            images.Add(values);
            clusters.Add(labels);
        }

        return (images, clusters);
    }

    [Fact]
    public void VocabularyRecoversSeparatedClusters()
    {
        var (images, clusters) = ClusteredDescriptors();
        var vocabulary = VisualVocabulary.Build(images, Length, new VisualVocabularyOptions { WordCount = 3, Seed = 3 });
        Assert.Equal(3, vocabulary.WordCount);
        Assert.Equal(Length, vocabulary.DescriptorLength);
        var wordOfCluster = new int[] { -1, -1, -1 };
        for (var image = 0; image < images.Count; image++)
        {
            var words = vocabulary.Quantize(images[image]);
            for (var row = 0; row < words.Length; row++)
            {
                var cluster = clusters[image][row];
                if (wordOfCluster[cluster] < 0)
                {
                    wordOfCluster[cluster] = words[row];
                }

                Assert.Equal(wordOfCluster[cluster], words[row]);
            }
        }

        Assert.Equal(3, wordOfCluster.Distinct().Count());
    }

    [Fact]
    public void VocabularyIsSeededAndSamplesAtMostTheBudget()
    {
        var (images, _) = ClusteredDescriptors();
        var options = new VisualVocabularyOptions { WordCount = 4, Seed = 11, MaxTrainingDescriptors = 50 };
        var first = VisualVocabulary.Build(images, Length, options);
        var second = VisualVocabulary.Build(images, Length, options);
        Assert.Equal(50, first.TrainingDescriptors);
        Assert.Equal(first.Centroids.Data, second.Centroids.Data);
    }

    [Fact]
    public void RaggedDescriptorsNameTheImage()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            VisualVocabulary.Build([new float[Length * 2], new float[Length + 1]], Length, new VisualVocabularyOptions { WordCount = 1 }));
        Assert.Contains("Image 1", error.Message);
    }

    [Fact]
    public void TooFewDescriptorsForTheWordCountIsAnError()
    {
        Assert.Throws<ArgumentException>(() =>
            VisualVocabulary.Build([new float[Length * 2]], Length, new VisualVocabularyOptions { WordCount = 3 }));
    }

    [Fact]
    public void TermFrequencyL1IsTheWordDistribution()
    {
        var rows = BagOfVisualWords.Encode([[0, 0, 1], [1, 2], []], 3, VisualWordWeighting.TermFrequency, VisualWordNormalization.L1);
        Assert.Equal(new[] { 2f / 3, 1f / 3, 0f }, rows[0]);
        Assert.Equal(new[] { 0f, 0.5f, 0.5f }, rows[1]);
        Assert.Equal(new[] { 0f, 0f, 0f }, rows[2]);
    }

    [Fact]
    public void TfIdfL2MatchesScikitLearn()
    {
        // sklearn TfidfTransformer(norm='l2', smooth_idf=True) on counts [[2,1,0],[0,1,1],[0,0,0]].
        float[][] expected = [[0.93470196f, 0.35543247f, 0f], [0f, 0.60534851f, 0.79596054f], [0f, 0f, 0f]];
        var rows = BagOfVisualWords.Encode([[0, 0, 1], [1, 2], []], 3, VisualWordWeighting.TfIdf, VisualWordNormalization.L2);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(expected[i][j], rows[i][j], 5);
            }
        }
    }

    [Fact]
    public void WordOutsideTheVocabularyIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            BagOfVisualWords.Encode([[0, 3]], 3, VisualWordWeighting.TermFrequency, VisualWordNormalization.None));
    }
}
