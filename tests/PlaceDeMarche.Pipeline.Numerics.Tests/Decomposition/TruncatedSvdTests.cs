using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Decomposition;

public class TruncatedSvdTests
{
    private const int Precision = 5;

    [Fact]
    public void SmallMatrixMatchesNumpy()
    {
        // Expected values from numpy 1.x np.linalg.svd(A) (top 3 triplets, each flipped so that the largest |entry| of
        // the right vector is positive) and scikit-learn 1.2.1 TruncatedSVD(3, algorithm='arpack') for the variances.
        // With 10 oversamples the random subspace spans all 5 columns, so the randomized result is exact here.
        var result = TruncatedSvd.Fit(SmallSparse(), new TruncatedSvdOptions { Components = 3, Seed = 4 });
        AssertClose([6.457040517263326, 5.195829619504483, 3.6166201296378975], result.SingularValues);
        AssertClose(
        [
            0.5123994951903336, 0.12448042456254282, 0.21638798236631393, 0.16808364056803413, 0.8042857154582891,
            -0.0482660572409391, 0.5455527624915293, 0.20703658636030797, 0.7646660276071823, -0.26919191887573085,
            -0.2600265505826567, 0.5007646493997484, 0.6294060387215952, -0.5334332934617245, 0.03029717397711307,
        ], result.Components.Data);
        AssertClose(
        [
            3.3621578988538974, -0.47614542311397146, -0.09007926507214943, 0.4170444896931195, 1.8557715525902412,
            0.4680960053377715, 1.184734057462471, 3.0103980531877923, -2.3937597244295565, 1.5779300871197743,
            0.8974706026967244, 2.419279939541648, 5.0462275676721156, -1.4424917088605353, -0.3685672312797482,
            0.9259965371900113, 3.373026929049262, 1.0648333999973916,
        ], result.Projection.Data);
        AssertClose([2.598826915378275, 3.052219873569653, 2.1463911128011763], result.ExplainedVariance);
        AssertClose([0.283508390768539, 0.332969440753053, 0.2341517577601283], result.ExplainedVarianceRatio);
    }

    [Fact]
    public void FullRankFactorsReconstructTheMatrix()
    {
        var data = SmallSparse();
        var result = TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = 5, Seed = 1 });
        var dense = data.ToDense();
        for (var i = 0; i < dense.Rows; i++)
        {
            for (var j = 0; j < dense.Columns; j++)
            {
                var value = 0.0;
                for (var r = 0; r < 5; r++)
                {
                    value += (double)result.Projection[i, r] * result.Components[r, j];
                }

                Assert.Equal(dense[i, j], value, Precision);
            }
        }

        // Rows of Vᵀ are orthonormal.
        for (var r = 0; r < 5; r++)
        {
            for (var s = 0; s < 5; s++)
            {
                var dot = 0.0;
                for (var j = 0; j < dense.Columns; j++)
                {
                    dot += (double)result.Components[r, j] * result.Components[s, j];
                }

                Assert.Equal(r == s ? 1.0 : 0.0, dot, Precision);
            }
        }
    }

    [Fact]
    public void RandomizedSubspaceFindsLeadingSingularValuesOfALargerMatrix()
    {
        // 60 x 80 with 690 non-zeros; exact leading singular values from numpy np.linalg.svd on the same formula.
        var result = TruncatedSvd.Fit(StructuredSparse(), new TruncatedSvdOptions { Components = 3, Seed = 7 });
        double[] exact = [30.35208058934667, 23.215373071797714, 22.576211718338353];
        for (var r = 0; r < exact.Length; r++)
        {
            Assert.Equal(exact[r], result.SingularValues[r], 1e-4 * exact[r]);
        }
    }

    [Fact]
    public void IsDeterministicAndAgreesAcrossInputForms()
    {
        var sparse = StructuredSparse();
        var options = new TruncatedSvdOptions { Components = 4, Seed = 21, PowerIterations = 2 };
        var first = TruncatedSvd.Fit(sparse, options);
        var second = TruncatedSvd.Fit(sparse, options);
        var fromDense = TruncatedSvd.Fit(sparse.ToDense(), options);
        Assert.Equal(first.Projection.Data, second.Projection.Data);
        Assert.Equal(first.Components.Data, second.Components.Data);
        Assert.Equal(first.Projection.Data, fromDense.Projection.Data);
        Assert.Equal(first.Transform(sparse).Data, first.Transform(sparse.ToDense()).Data);
    }

    [Fact]
    public void TransformOfTrainingDataEqualsProjectionWhenTheSubspaceIsExact()
    {
        // X·Vᵀ equals U·S only when the random subspace captures the range of X, as it does for this 6 x 5 matrix.
        var data = SmallSparse();
        var result = TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = 3, Seed = 2 });
        AssertClose(Array.ConvertAll(result.Projection.Data, value => (double)value), result.Transform(data).Data);
    }

    [Fact]
    public void RejectsInvalidRequests()
    {
        var data = SmallSparse();
        Assert.Throws<ArgumentOutOfRangeException>(() => TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = 6 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = 2, Oversamples = -1 }));
        var fitted = TruncatedSvd.Fit(data, new TruncatedSvdOptions { Components = 2 });
        Assert.Throws<ArgumentException>(() => fitted.Transform(new DenseMatrix(2, 4)));
    }

    /// <summary>The 6 x 5 matrix used for the numpy reference values.</summary>
    internal static SparseRowMatrix SmallSparse() => SparseRowMatrix.FromDense(DenseMatrix.FromRows(
    [
        [3, 0, 1, 0, 2], [0, 2, 0, 1, 0], [1, 0, 0, 4, 0], [0, 1, 3, 0, 1], [2, 0, 0, 0, 5], [0, 3, 1, 2, 0],
    ]));

    /// <summary>A 60 x 80 sparse matrix reproducible in Python: cell (i, j) is (i + 2j) mod 5 + 1 where
    /// (7i + 13j) mod 11 = 0 or (i + j) mod 17 = 0, else 0.</summary>
    private static SparseRowMatrix StructuredSparse()
    {
        var dense = new DenseMatrix(60, 80);
        for (var i = 0; i < 60; i++)
        {
            for (var j = 0; j < 80; j++)
            {
                if ((i * 7 + j * 13) % 11 == 0 || (i + j) % 17 == 0)
                {
                    dense[i, j] = (i + 2 * j) % 5 + 1;
                }
            }
        }

        return SparseRowMatrix.FromDense(dense);
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Precision);
        }
    }

    private static void AssertClose(double[] expected, float[] actual) =>
        AssertClose(expected, Array.ConvertAll(actual, value => (double)value));
}
