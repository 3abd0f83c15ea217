using PlaceDeMarche.Pipeline.Imaging;

namespace PlaceDeMarche.Pipeline.Benchmarks;

/// <summary>Whole-process benchmarks, each the peer of a script in benchmarks/reference (see benchmarks/README.md).</summary>
internal static class Program
{
    private const string Usage = """
        usage: PlaceDeMarche.Pipeline.Benchmarks <command> <path>
          cnn <images-dir> <model> <out>  embed every JPEG with images.cnn.<model> of pipeline.yaml, all cores (writes <out>.ids, <out>.f32)
          cnn-agreement <a> <b>        max difference and cosine between two cnn outputs (e.g. ours and reference/cnn/cnn_embed.mjs)
          decode <images-dir>          decode every JPEG at full size, one thread
          decode-scaled <images-dir>   decode every JPEG at 1/4 scale (DCT scaling), one thread
          decode-eighth <images-dir>   decode every JPEG at 1/8 scale (DC only), one thread
          decode-fit256 <images-dir>   decode every JPEG to <= 256 px a side (1/4 or 1/8 per photo, from its header), one thread
          decode-vs-djpeg <images-dir> every 8th JPEG at full, 1/2, 1/4 and 1/8 scale against djpeg: mean and max difference
          numerics <pca|tsne|kmeans> <blobs.f32> [method=auto|exact|barnes_hut] [backend=cpu|auto|ilgpu]  one algorithm on blobs written by benchmarks/numerics.py, quality as one JSON line
          sift <images-dir>            resize to <= 512 px, SIFT, 200-word mini-batch vocabulary, histograms, all cores
          sift-points <images-dir> <out-dir>  keypoints of every 50th photo as CSV, for reference/sift_agreement.py
          text <products.csv>          cleaning, TF-IDF (1,2)-grams, PCA 50, t-SNE, KMeans(7), ARI
          tsne-seeds <features.parquet> one t-SNE run (random init), then the scoring protocol over 10 seeds, ARI spread
          tokenizer-compare <products.csv> <vocab.txt>  our WordPiece against Microsoft.ML.Tokenizers' BertTokenizer, identical ids per product
          word2vec <products.csv>      skip-gram Word2Vec, 100-d, window 5, negative 5, 10 epochs, one thread
        """;

    private static int Main(string[] args)
    {
        if (args is ["tokenizer-compare", var csv, var vocabulary])
        {
            TokenizerComparison.Run(csv, vocabulary);
            return 0;
        }

        if (args is ["cnn", var photos, var model, var prefix])
        {
            CnnBenchmark.Run(photos, model, prefix);
            return 0;
        }

        if (args is ["cnn-agreement", var first, var second])
        {
            CnnBenchmark.Compare(first, second);
            return 0;
        }

        if (args is ["numerics", var algorithm, var blobs, .. var settings])
        {
            NumericsBenchmark.Run(algorithm, blobs, settings);
            return 0;
        }

        if (args is ["sift-points", var images, var output])
        {
            SiftBenchmark.WritePoints(images, output);
            return 0;
        }

        if (args.Length != 2)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var path = args[1];
        switch (args[0])
        {
            case "decode":
                DecodeBenchmark.Run(path, DecodeScale.Full);
                return 0;
            case "decode-scaled":
                DecodeBenchmark.Run(path, DecodeScale.Quarter);
                return 0;
            case "decode-eighth":
                DecodeBenchmark.Run(path, DecodeScale.Eighth);
                return 0;
            case "decode-fit256":
                DecodeBenchmark.RunFitWithin(path, 256);
                return 0;
            case "decode-vs-djpeg":
                DecodeBenchmark.CompareWithDjpeg(path, 8);
                return 0;
            case "sift":
                SiftBenchmark.Run(path);
                return 0;
            case "text":
                TextBenchmark.Run(path);
                return 0;
            case "tsne-seeds":
                TSneSeedsBenchmark.Run(path);
                return 0;
            case "word2vec":
                Word2VecBenchmark.Run(path);
                return 0;
            default:
                Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.");
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }
}
