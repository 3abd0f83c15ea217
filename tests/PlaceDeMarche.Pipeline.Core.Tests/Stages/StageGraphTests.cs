using PlaceDeMarche.Pipeline.Core.Stages;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Stages;

public sealed class StageGraphTests
{
    [Fact]
    public void DependenciesComeFromWhoProducesEachInput()
    {
        var graph = new StageGraph([
            new FakeStage("Report", "r", ["x/b.txt", "x/a.txt"], ["r.pdf"]),
            new FakeStage("B", "b", ["x/a.txt"], ["x/b.txt"]),
            new FakeStage("A", "a", [], ["x/a.txt"]),
        ]);

        Assert.Equal(["A", "B", "Report"], graph.TopologicalOrder.Select(s => s.Name));
        Assert.Equal(["B", "A"], graph.DependenciesOf(graph.Get("Report")).Select(s => s.Name));
        Assert.Equal(["A", "B"], graph.ClosureOf("b").Select(s => s.Name));
    }

    [Fact]
    public void CyclesAreRefusedWithTheirPath()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StageGraph([
            new FakeStage("A", "a", ["b.txt"], ["a.txt"]),
            new FakeStage("B", "b", ["a.txt"], ["b.txt"]),
        ]));

        Assert.Contains("A -> B -> A", error.Message);
    }

    [Fact]
    public void AnInputNobodyProducesIsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new StageGraph([new FakeStage("A", "a", ["nowhere.txt"], ["a.txt"])]));

        Assert.Contains("nowhere.txt", error.Message);
    }

    [Fact]
    public void TwoProducersOfOneOutputAreRefused()
    {
        Assert.Throws<InvalidOperationException>(() => new StageGraph([
            new FakeStage("A", "a", [], ["same.txt"]),
            new FakeStage("B", "b", [], ["same.txt"]),
        ]));
    }

    [Fact]
    public void UnknownStageNamesListTheKnownOnes()
    {
        var graph = new StageGraph([new FakeStage("A", "a", [], ["a.txt"])]);

        Assert.Contains("Known stages: A", Assert.Throws<ArgumentException>(() => graph.Get("Nope")).Message);
    }
}
