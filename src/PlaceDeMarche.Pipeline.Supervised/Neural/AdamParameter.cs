using System.Numerics.Tensors;

namespace PlaceDeMarche.Pipeline.Supervised.Neural;

/// <summary>
/// One parameter array under Adam: its values, the gradient of the current mini-batch and both moment estimates.
/// Element-wise operations only (no reductions), so an update does not depend on the vector width the CPU offers.
/// </summary>
internal sealed class AdamParameter(float[] values, bool decays)
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    private readonly float[] firstMoment = new float[values.Length];
    private readonly float[] secondMoment = new float[values.Length];

    public float[] Values => values;

    public float[] Gradient { get; } = new float[values.Length];

    /// <summary>One AdamW step (<paramref name="step"/> is 1-based); <paramref name="scratch"/> is at least as long as the values.</summary>
    public void Update(int step, float learningRate, float weightDecay, Span<float> scratch)
    {
        var work = scratch[..values.Length];
        TensorPrimitives.Multiply(firstMoment, Beta1, firstMoment);
        TensorPrimitives.MultiplyAdd(Gradient, 1 - Beta1, firstMoment, firstMoment);
        TensorPrimitives.Multiply(Gradient, Gradient, work);
        TensorPrimitives.Multiply(secondMoment, Beta2, secondMoment);
        TensorPrimitives.MultiplyAdd(work, 1 - Beta2, secondMoment, secondMoment);
        // Bias correction folded into the step size (Kingma & Ba, section 2).
        var stepSize = (float)(learningRate * Math.Sqrt(1 - Math.Pow(Beta2, step)) / (1 - Math.Pow(Beta1, step)));
        TensorPrimitives.Sqrt(secondMoment, work);
        TensorPrimitives.Add(work, Epsilon, work);
        TensorPrimitives.Divide(firstMoment, work, work);
        if (decays && weightDecay > 0)
            TensorPrimitives.Multiply(values, 1 - learningRate * weightDecay, values);
        TensorPrimitives.MultiplyAdd(work, -stepSize, values, values);
        Array.Clear(Gradient);
    }

    public void CopyTo(float[] destination) => values.CopyTo(destination, 0);

    public void Restore(float[] source) => source.CopyTo(values, 0);
}
