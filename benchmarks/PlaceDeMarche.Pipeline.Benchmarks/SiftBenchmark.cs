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

    /// <summary>Photos checked against OpenCV by <c>reference/sift_agreement.py</c>: every 50th in ordinal order.</summary>
    private const int AgreementStep = 50;

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
                descriptors[index] = extractor.Extract(LoadGray(files[index])).Descriptors;
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

    /// <summary>
    /// Writes the keypoints (x, y, size, angle) of every 50th photo to <paramref name="outputDirectory"/>, one CSV per
    /// photo, for <c>reference/sift_agreement.py</c> to match against OpenCV's on the same resized image.
    /// </summary>
    public static void WritePoints(string imagesDirectory, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var files = BenchmarkInputs.JpegFiles(imagesDirectory).Where((_, index) => index % AgreementStep == 0).ToArray();
        var extractor = new SiftExtractor();
        foreach (var file in files)
        {
            var keypoints = extractor.Extract(LoadGray(file)).Keypoints;
            var lines = keypoints.Select(k => FormattableString.Invariant($"{k.X:R},{k.Y:R},{2 * k.Scale:R},{k.Angle:R}"));
            File.WriteAllLines(Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(file) + ".csv"), ["x,y,size,angle", .. lines]);
        }

        Console.WriteLine($"ours: keypoints of {files.Length} photos written to {outputDirectory}");
    }

    // Gray, then area resize so the longer side is at most 512 px, as the reference scripts.
    private static GrayImage LoadGray(string file)
    {
        var gray = ImageDecoder.DecodeFile(file).ToGray();
        var (width, height) = ImageResizer.FitWithin(gray.Width, gray.Height, MaxSide);
        return width != gray.Width || height != gray.Height ? ImageResizer.Resize(gray, width, height, ResizeMethod.Area) : gray;
    }
}
