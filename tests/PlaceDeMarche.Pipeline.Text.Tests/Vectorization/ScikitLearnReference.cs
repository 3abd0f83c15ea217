using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;
using PlaceDeMarche.Pipeline.Text.Vectorization;

namespace PlaceDeMarche.Pipeline.Text.Tests.Vectorization;

/// <summary>
/// A small pre-tokenised corpus and the matrices scikit-learn 1.2.1 computes for it. Expected values were
/// obtained by running TfidfVectorizer / CountVectorizer with tokenizer=preprocessor=identity,
/// lowercase=False, token_pattern=None and the options named in each test, printing X.toarray() with %.9g.
/// </summary>
internal static class ScikitLearnReference
{
    public static readonly string[][] Corpus =
    [
        ["cotton", "shirt", "blue", "cotton"],
        ["blue", "jeans", "denim"],
        ["cotton", "bedsheet", "double", "bedsheet", "cotton", "cotton"],
        ["steel", "watch", "analog", "watch"],
        ["blue", "watch", "strap"],
        [],
    ];

    public static readonly string[] UnigramTerms =
        ["analog", "bedsheet", "blue", "cotton", "denim", "double", "jeans", "shirt", "steel", "strap", "watch"];

    /// <summary>Asserts that <paramref name="actual"/> equals the row-major <paramref name="expectedRows"/> to 1e-6.</summary>
    public static void AssertDenseEqual(double[][] expectedRows, SparseRowMatrix actual)
    {
        Assert.Equal(expectedRows.Length, actual.Rows);
        var dense = actual.ToDense().Data;
        for (var row = 0; row < expectedRows.Length; row++)
        {
            Assert.Equal(expectedRows[row].Length, actual.Columns);
            for (var column = 0; column < actual.Columns; column++)
            {
                var value = dense[row * actual.Columns + column];
                Assert.True(Math.Abs(expectedRows[row][column] - value) <= 1e-6,
                    $"({row}, {column}): expected {expectedRows[row][column]}, got {value}");
            }
        }
    }
}
