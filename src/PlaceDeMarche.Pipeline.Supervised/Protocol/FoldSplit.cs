namespace PlaceDeMarche.Pipeline.Supervised.Protocol;

/// <summary>One split of the rows: a model is fitted on <see cref="Train"/> (every transform included) and scored on <see cref="Test"/>.</summary>
public sealed record FoldSplit(int[] Train, int[] Test);
