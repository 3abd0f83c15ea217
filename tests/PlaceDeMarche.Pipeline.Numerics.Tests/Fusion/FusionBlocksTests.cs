using PlaceDeMarche.Pipeline.Core.Artifacts;
using PlaceDeMarche.Pipeline.Core.Schema;
using PlaceDeMarche.Pipeline.Numerics.Stages;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Fusion;

public sealed class FusionBlocksTests
{
    private static readonly ScoredRepresentation Doc2Vec = new("text", "doc2vec", "Doc2Vec", "doc2vec.parquet");
    private static readonly ScoredRepresentation MiniLm = new("text", "transformer-minilm", "MiniLM", "minilm.parquet");
    private static readonly ScoredRepresentation Arctic = new("text", "transformer-arctic", "Arctic", "arctic.parquet");
    private static readonly ScoredRepresentation Cnn = new("image", "cnn-mobilenet", "MobileNet", "cnn.parquet");
    private static readonly ScoredRepresentation Sift = new("image", "sift", "SIFT", "sift.parquet");

    private static FeatureTable Table(params string[] ids) =>
        new(ids, ids.Select(id => id.StartsWith('k') ? "Kitchen" : "Toys").ToArray(), ids.Select((_, i) => new[] { (float)i, 1f }).ToArray());

    private static readonly FeatureTable NotRun = new([], [], []);

    private static FusionParameters TextAndImage() => new()
    {
        Groups =
        [
            new() { Name = "text", Family = "text", Members = ["doc2vec", "transformer*"], Fallback = [] },
            new() { Name = "image", Family = "image", Members = ["cnn*"], Fallback = ["sift"] },
        ],
    };

    [Fact]
    public void Groups_share_equally_and_their_blocks_share_their_part()
    {
        var tables = new Dictionary<ScoredRepresentation, FeatureTable>
        {
            [Doc2Vec] = Table("k1", "k2", "t1"),
            [MiniLm] = Table("k1", "k2", "t1"),
            [Arctic] = Table("k1", "k2", "t1"),
            [Cnn] = Table("k1", "k2", "t1"),
            [Sift] = Table("k1", "k2", "t1"),
        };

        var blocks = FusionBlocks.Select(TextAndImage(), [.. tables.Keys], r => tables[r]);

        Assert.Equal(["doc2vec", "transformer-minilm", "transformer-arctic", "cnn-mobilenet"], blocks.Blocks.Select(b => b.Representation.Method));
        Assert.Equal([1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 2.0], blocks.Blocks.Select(b => b.Share));
    }

    [Fact]
    public void A_group_whose_members_did_not_run_takes_its_fallback()
    {
        var tables = new Dictionary<ScoredRepresentation, FeatureTable>
        {
            [Doc2Vec] = Table("k1", "t1"),
            [MiniLm] = NotRun,
            [Cnn] = NotRun,
            [Sift] = Table("k1", "t1"),
        };

        var blocks = FusionBlocks.Select(TextAndImage(), [.. tables.Keys], r => tables[r]);

        Assert.Equal(["doc2vec", "sift"], blocks.Blocks.Select(b => b.Representation.Method));
        Assert.Equal([0.5, 0.5], blocks.Blocks.Select(b => b.Share));
    }

    [Fact]
    public void Products_are_those_every_block_has_in_the_first_blocks_order()
    {
        // The photo of k2 is unusable: the image table does not have it, and lists its products in another order.
        var tables = new Dictionary<ScoredRepresentation, FeatureTable>
        {
            [Doc2Vec] = Table("k1", "k2", "t1", "t2"),
            [Cnn] = Table("t2", "k1", "t1"),
        };

        var blocks = FusionBlocks.Select(TextAndImage(), [.. tables.Keys], r => tables[r]);

        Assert.Equal(["k1", "t1", "t2"], blocks.Ids);
        Assert.Equal(["Kitchen", "Toys", "Toys"], blocks.Categories);
        Assert.Equal([[1f, 1f], [2f, 1f], [0f, 1f]], blocks.Blocks[1].Rows);
    }

    [Fact]
    public void Nothing_to_fuse_gives_no_blocks()
    {
        var blocks = FusionBlocks.Select(TextAndImage(), [Doc2Vec, Cnn], _ => NotRun);

        Assert.Empty(blocks.Blocks);
        Assert.Empty(blocks.Ids);
    }

    [Theory]
    [InlineData("transformer*", "transformer-minilm", true)]
    [InlineData("transformer*", "doc2vec", false)]
    [InlineData("doc2vec", "doc2vec", true)]
    [InlineData("doc2vec", "doc2vec-x", false)]
    public void Patterns_match_a_method_or_a_prefix(string pattern, string method, bool matches) =>
        Assert.Equal(matches, FusionBlocks.Matches(pattern, method));
}
