namespace PlaceDeMarche.Pipeline.Supervised.Evaluation;

/// <summary>A fitted classifier: class probabilities for rows of features.</summary>
public interface IProbabilisticClassifier
{
    float[][] Probabilities(IReadOnlyList<float[]> rows);
}
