using PlaceDeMarche.Pipeline.Imaging;
using PlaceDeMarche.Pipeline.Imaging.Features.Sift;
using PlaceDeMarche.Pipeline.Imaging.Features.VisualWords;
using PlaceDeMarche.Pipeline.Imaging.Processing;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Peer of reference/sift_bovw.py: SIFT on images resized to at most 512 px, a 200-word vocabulary, histograms.</summary>
internal static class SiftBenchmark
{
    private const int MaxSide = 512;
    private const int WordCount = 200;

    public static void Run(string imagesDirectory)
    {
        var files = BenchmarkInputs.JpegFiles(imagesDirectory);
        var descriptors = new float[files.Length][];
        // One extractor per worker: SiftExtractor reuses its buffers and is not thread-safe.
        Parallel.For(
            0,
            files.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new SiftExtractor(),
            (index, _, extractor) =>
            {
                var gray = ImageDecoder.DecodeFile(files[index]).ToGray();
                var (width, height) = ImageResizer.FitWithin(gray.Width, gray.Height, MaxSide);
                if (width != gray.Width || height != gray.Height)
                {
                    gray = ImageResizer.Resize(gray, width, height, ResizeMethod.Area);
                }

                descriptors[index] = extractor.Extract(gray).Descriptors;
                return extractor;
            },
            _ => { });

        var vocabulary = VisualVocabulary.Build(descriptors, SiftFeatures.DescriptorLength, new VisualVocabularyOptions { WordCount = WordCount, Seed = 0 });
        var words = new int[files.Length][];
        Parallel.For(0, files.Length, index => words[index] = vocabulary.Quantize(descriptors[index]));
        var histograms = BagOfVisualWords.Encode(words, WordCount, VisualWordWeighting.TermFrequency, VisualWordNormalization.L1);
        var keypoints = descriptors.Sum(d => (long)d.Length / SiftFeatures.DescriptorLength);
        Console.WriteLine($"ours: {files.Length} images, {keypoints} keypoints, vocabulary {vocabulary.WordCount} words from {vocabulary.TrainingDescriptors} descriptors, {histograms.Length} histograms");
    }
}
