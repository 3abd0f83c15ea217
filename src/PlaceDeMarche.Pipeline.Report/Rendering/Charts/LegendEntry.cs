namespace PlaceDeMarche.Pipeline.Report.Rendering.Charts;

/// <summary>A legend item: the category's name and index (which fixes its colour and marker).</summary>
internal readonly record struct LegendEntry(string Name, int Category);
