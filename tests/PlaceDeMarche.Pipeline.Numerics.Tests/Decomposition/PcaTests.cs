using PlaceDeMarche.Pipeline.Numerics.Decomposition;
using PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

namespace PlaceDeMarche.Pipeline.Numerics.Tests.Decomposition;

public class PcaTests
{
    private const int Precision = 5;

    [Fact]
    public void RecoversHandWorkedPrincipalAxes()
    {
        // Points ±(3,3) and ±(1,−1): covariance [[20,16],[16,20]]/3, so the axes are (1,1)/√2 with variance 12 and
        // (1,−1)/√2 with variance 4/3 (ratio 0.9 / 0.1); scores are ±3√2 and ±√2 (worked out by hand).
        var data = DenseMatrix.FromRows([[3, 3], [-3, -3], [1, -1], [-1, 1]]);
        var result = Pca.Fit(data, PcaOptions.WithComponentCount(2));
        var half = Math.Sqrt(0.5);
        Assert.Equal(half, result.Components[0, 0], Precision);
        Assert.Equal(half, result.Components[0, 1], Precision);
        Assert.Equal(half, result.Components[1, 0], Precision);
        Assert.Equal(-half, result.Components[1, 1], Precision);
        Assert.Equal(12.0, result.ExplainedVariance[0], 10);
        Assert.Equal(4.0 / 3.0, result.ExplainedVariance[1], 10);
        Assert.Equal(0.9, result.ExplainedVarianceRatio[0], 10);
        Assert.Equal(3 * Math.Sqrt(2), result.Projection[0, 0], Precision);
        Assert.Equal(0.0, result.Projection[0, 1], Precision);
        Assert.Equal(0.0, result.Projection[2, 0], Precision);
        Assert.Equal(Math.Sqrt(2), result.Projection[2, 1], Precision);
    }

    [Fact]
    public void WideDataMatchesScikitLearn()
    {
        // Fewer rows than columns: exercises the Gram-matrix route. Expected values from scikit-learn 1.2.1
        // PCA(n_components=3, svd_solver='full') with each component's sign flipped so its largest |loading| is
        // positive (what svd_flip(u_based_decision=False) does in newer releases).
        var data = DenseMatrix.FromRows(
        [
            [2.0f, 0.5f, -1.0f, 3.0f, 0.0f, 1.5f],
            [1.0f, -0.5f, 2.0f, 0.0f, 1.0f, -1.0f],
            [0.0f, 1.5f, 1.0f, -2.0f, 2.5f, 0.5f],
            [3.0f, 2.0f, -0.5f, 1.0f, -1.0f, 2.0f],
            [-1.0f, 0.0f, 0.5f, 2.5f, 1.5f, -0.5f],
        ]);
        double[] components =
        [
            0.46228702778569575, 0.13515669531377866, -0.3940527936629283, 0.505086346426846, -0.46193784286771555,
            0.3797986037879404, -0.38792192152742866, -0.4151307599467776, -0.009614584997322876, 0.7563116664133099,
            0.06424418649763991, -0.3177356486895774, 0.525012845214936, -0.4216543537288442, 0.47643992015564557,
            -0.08200251402112382, -0.40832904851974666, -0.3822526607521321,
        ];
        double[] projection =
        [
            2.7969598054295295, 0.9276881510384404, -0.2854668736378938, -1.9093356902768348, 0.2915453865023315,
            1.8338045407669061, -2.8406380852453994, -2.034040152980998, -1.0328244679269343, 2.9066199312624224,
            -1.8234725465768644, 0.22649214724752698, -0.9536059611697171, 2.6382791620170907, -0.742005346449605,
        ];
        var result = Pca.Fit(data, PcaOptions.WithComponentCount(3));
        AssertClose(components, result.Components.Data);
        AssertClose(projection, result.Projection.Data);
        AssertClose([7.223893854172589, 3.8421231066899972, 1.2782318595387672], result.ExplainedVariance.ToArray());
        AssertClose([0.577911508333807, 0.3073698485351997, 0.10225854876310136], result.ExplainedVarianceRatio.ToArray());
        AssertClose([5.375460484152995, 3.920266882083411, 2.2611783295784234], result.SingularValues.ToArray());
        AssertClose(projection, result.Transform(data).Data);
    }

    [Fact]
    public void TallDataMatchesScikitLearn()
    {
        // More rows than columns: exercises the scatter-matrix route. Expected values from scikit-learn 1.2.1
        // PCA(n_components=2, svd_solver='full'), signs normalised as in WideDataMatchesScikitLearn.
        var data = TallData();
        var result = Pca.Fit(data, PcaOptions.WithComponentCount(2));
        AssertClose(
            [0.7708399835327554, 0.2041804077685334, -0.6034203185762779, 0.37522960250085624, 0.6199445313986333, 0.6891092245761755],
            result.Components.Data);
        AssertClose(
        [
            1.668961712097734, -1.0991225503620308, -1.1163196349323883, -0.02696901053299372, -0.8753784843517992,
            0.148581225187241, 2.4443621479951507, 0.5505784615248631, -1.6507789202492156, -1.5011197866996526,
            -0.5874882441050269, 1.3006951701243903, 0.3738507901022784, -1.5275449241342334, -0.257209366556733,
            2.154901414892416,
        ], result.Projection.Data);
        AssertClose([2.0069901538866697, 1.7794532676823447], result.ExplainedVariance.ToArray());
        AssertClose([0.39644249953316946, 0.3514969417644139], result.ExplainedVarianceRatio.ToArray());
    }

    [Theory]
    [InlineData(0.3, 1)]
    [InlineData(0.7, 2)]
    [InlineData(0.9, 3)]
    public void VarianceRatioKeepsFewestComponentsExceedingIt(double ratio, int expected)
    {
        // Cumulative ratios of TallData are 0.396, 0.748, 1.0 (scikit-learn keeps 3 components for 0.9).
        Assert.Equal(expected, Pca.Fit(TallData(), PcaOptions.WithVarianceRatio(ratio)).ComponentCount);
    }

    [Fact]
    public void RejectsInvalidRequests()
    {
        var data = TallData();
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(data, PcaOptions.WithComponentCount(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pca.Fit(data, PcaOptions.WithVarianceRatio(1.0)));
        Assert.Throws<ArgumentException>(() => Pca.Fit(data, new PcaOptions()));
        data[2, 1] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => Pca.Fit(data, PcaOptions.WithComponentCount(1)));
        Assert.Contains("row 2, column 1", error.Message);
    }

    private static DenseMatrix TallData() => DenseMatrix.FromRows(
    [
        [2.0f, 0.5f, -1.0f], [1.0f, -0.5f, 2.0f], [0.0f, 1.5f, 1.0f], [3.0f, 2.0f, -0.5f],
        [-1.0f, 0.0f, 0.5f], [0.5f, 2.5f, 1.5f], [1.5f, -1.0f, 0.0f], [2.5f, 1.0f, 3.0f],
    ]);

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
