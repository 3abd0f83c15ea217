namespace PlaceDeMarche.Pipeline.Numerics.Topics;

/// <summary>The digamma and log-gamma functions for positive arguments (.NET has neither), accurate to about 1e-13:
/// the argument is shifted above 10 by the recurrences, then the asymptotic series is used.</summary>
internal static class LdaSpecialFunctions
{
    private const double AsymptoticThreshold = 10.0;
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>ψ(x) = d/dx ln Γ(x), for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        var result = 0.0;
        while (x < AsymptoticThreshold)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        var f = 1.0 / (x * x);
        var series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
        return result + Math.Log(x) - 0.5 / x - series;
    }

    /// <summary>ln Γ(x), for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        var product = 1.0;
        while (x < AsymptoticThreshold)
        {
            product *= x;
            x += 1.0;
        }

        var f = 1.0 / (x * x);
        var series = (1.0 / 12 - f * (1.0 / 360 - f * (1.0 / 1260 - f * (1.0 / 1680)))) / x;
        return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + series - Math.Log(product);
    }
}
