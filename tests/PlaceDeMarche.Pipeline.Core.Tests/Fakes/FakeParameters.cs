namespace PlaceDeMarche.Pipeline.Core.Tests.Fakes;

public sealed class FakeParameters
{
    public int Value { get; set; }

    public int? Unused { get; set; }
}
