using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Stages;

namespace PlaceDeMarche.Pipeline.Core.Tests.Fakes;

/// <summary>
/// A stage whose behaviour the test decides: it reads the integer parameter at <c>&lt;section&gt;.value</c>, and its
/// <see cref="Body"/> writes the outputs (by default: each output holds the parameter and the inputs' content).
/// </summary>
public sealed class FakeStage : Stage<FakeParameters>
{
    private readonly string section;

    public FakeStage(string name, string section, string[] inputs, string[] outputs)
    {
        Name = name;
        this.section = section;
        Inputs = inputs;
        Outputs = outputs;
        Body = WriteDefaultOutputs;
    }

    public override string Name { get; }

    public override string Description => $"fake stage {Name}";

    public override IReadOnlyList<string> Inputs { get; }

    public override IReadOnlyList<string> Outputs { get; }

    public Action<StageContext, FakeParameters> Body { get; set; }

    public int Runs { get; private set; }

    protected override FakeParameters BindParameters(PipelineConfiguration configuration) => configuration.Bind<FakeParameters>(section);

    protected override void Run(StageContext context, FakeParameters parameters)
    {
        Runs++;
        Body(context, parameters);
    }

    private void WriteDefaultOutputs(StageContext context, FakeParameters parameters)
    {
        var content = $"{Name}:{parameters.Value}:" + string.Concat(Inputs.Select(i => File.ReadAllText(context.InputPath(i))));
        foreach (var output in Outputs)
        {
            var path = context.OutputPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
    }
}
