using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>
/// Latent Dirichlet allocation (Blei, Ng &amp; Jordan 2003) on a document × word count matrix, by batch variational
/// Bayes or collapsed Gibbs sampling (<see cref="LdaMethod"/>). Work is parallel over documents; every random draw
/// comes from a stream fixed by the seed and every sum has a fixed order, so a seed always gives the same model.
/// </summary>
public static class Lda
{
    /// <summary>Fits <see cref="LdaOptions.Topics"/> topics to <paramref name="counts"/> (rows = documents,
    /// columns = words, non-negative values; integers for Gibbs sampling).</summary>
    public static LdaResult Fit(SparseRowMatrix counts, LdaOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        counts.EnsureNonNegative("LDA");
        return options.Method == LdaMethod.VariationalBayes
            ? LdaVariationalBayes.Fit(counts, options)
            : LdaGibbsSampler.Fit(counts, options);
    }

    /// <summary>Divides every row of a row-major rows × columns array by its sum (uniform when the sum is 0).</summary>
    internal static DenseMatrix NormalizeRows(double[] values, int rows, int columns)
    {
        var result = new DenseMatrix(rows, columns);
        for (var i = 0; i < rows; i++)
        {
            var source = values.AsSpan(i * columns, columns);
            var total = 0.0;
            foreach (var value in source)
            {
                total += value;
            }

            var target = result.Row(i);
            for (var j = 0; j < columns; j++)
            {
                target[j] = (float)(total > 0 ? source[j] / total : 1.0 / columns);
            }
        }

        return result;
    }
}
