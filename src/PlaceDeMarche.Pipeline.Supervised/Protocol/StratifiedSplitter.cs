using PlaceDeMarche.Pipeline.Numerics.Random;

namespace PlaceDeMarche.Pipeline.Supervised.Protocol;

/// <summary>
/// Seeded stratified splits: every class is spread over the folds (and the held-out part) in proportion to its size,
/// so a fold's accuracy is not moved by a class that happens to be missing from it.
/// </summary>
public static class StratifiedSplitter
{
    /// <summary>
    /// Splits <paramref name="rows"/> into a held-out test part of about <paramref name="testFraction"/> of each class
    /// and the rest, the development part that cross-validation and hyper-parameter search use.
    /// </summary>
    public static FoldSplit HoldOut(IReadOnlyList<int> rows, IReadOnlyList<int> labels, double testFraction, int seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The held-out fraction must be between 0 and 1.");
        var train = new List<int>();
        var test = new List<int>();
        foreach (var members in ShuffledClasses(rows, labels, seed))
        {
            var held = (int)Math.Round(members.Length * testFraction);
            test.AddRange(members.Take(held));
            train.AddRange(members.Skip(held));
        }
        return new FoldSplit([.. train.Order()], [.. test.Order()]);
    }

    /// <summary>
    /// K stratified folds of <paramref name="rows"/>: each row is in exactly one test fold; members of each class are
    /// dealt round-robin, continuing from where the previous class stopped, so fold sizes differ by at most one.
    /// </summary>
    public static IReadOnlyList<FoldSplit> KFold(IReadOnlyList<int> rows, IReadOnlyList<int> labels, int folds, int seed)
    {
        if (folds < 2)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        if (rows.Count < folds)
            throw new ArgumentException($"{rows.Count} rows cannot be split into {folds} folds.", nameof(rows));
        var foldOf = new Dictionary<int, int>(rows.Count);
        var next = 0;
        foreach (var members in ShuffledClasses(rows, labels, seed))
        {
            foreach (var row in members)
            {
                foldOf[row] = next;
                next = (next + 1) % folds;
            }
        }
        return Enumerable.Range(0, folds)
            .Select(fold => new FoldSplit(
                [.. rows.Where(r => foldOf[r] != fold).Order()],
                [.. rows.Where(r => foldOf[r] == fold).Order()]))
            .ToArray();
    }

    /// <summary>The rows of each class (classes in ascending label order), each class shuffled by its own seeded stream.</summary>
    private static IEnumerable<int[]> ShuffledClasses(IReadOnlyList<int> rows, IReadOnlyList<int> labels, int seed)
    {
        foreach (var group in rows.GroupBy(r => labels[r]).OrderBy(g => g.Key))
        {
            var members = group.Order().ToArray();
            var random = Xoshiro256StarStar.ForStream(seed, group.Key);
            for (var i = members.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }
            yield return members;
        }
    }
}
