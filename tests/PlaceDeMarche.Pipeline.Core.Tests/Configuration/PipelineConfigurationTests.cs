using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Configuration;

public sealed class PipelineConfigurationTests
{
    private const string Yaml = """
        seed: 7
        text:
          tfidf:
            value: 3
        """;

    [Fact]
    public void BindsNestedSectionsWithUnderscoredNames()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "p.yaml");

        Assert.Equal(3, configuration.Bind<FakeParameters>("text.tfidf").Value);
        Assert.Equal(7, configuration.Seed);
    }

    [Fact]
    public void AnAbsentSectionIsReportedMissing()
    {
        var configuration = PipelineConfiguration.Parse(Yaml, "p.yaml");
        configuration.Bind<FakeParameters>("text.nothing");

        Assert.Equal(
            ["p.yaml: 'text.nothing' is missing; the study needs it (see the repository's pipeline.yaml for its keys and their reasons)"],
            configuration.MissingKeys());
    }

    [Fact]
    public void AnUnknownKeyIsOneLineWithFileLineKeyAndADidYouMean()
    {
        var configuration = PipelineConfiguration.Parse("text:\n  tfidf:\n    value: 1\n    valeu: 3\n", "p.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() => configuration.Bind<FakeParameters>("text.tfidf"));

        Assert.Equal("p.yaml:4: unknown key 'text.tfidf.valeu' (did you mean 'value'?); 'text.tfidf' allows: value, unused", error.Message);
    }

    [Fact]
    public void AMissingKeyIsReportedWithWhatItTakes()
    {
        var configuration = PipelineConfiguration.Parse("text:\n  tfidf:\n    unused: 3\n", "p.yaml");
        configuration.Bind<FakeParameters>("text.tfidf");

        Assert.Equal(
            ["p.yaml:3: 'text.tfidf' lacks 'value' (a whole number): write it in the file, with the reason for its value"],
            configuration.MissingKeys());
    }

    [Fact]
    public void ANullablePropertyMayBeLeftOut()
    {
        var configuration = PipelineConfiguration.Parse("a:\n  value: 3\n", "p.yaml");

        Assert.Null(configuration.Bind<FakeParameters>("a").Unused);
        Assert.Empty(configuration.MissingKeys());
    }

    [Fact]
    public void AValueOfTheWrongKindNamesTheLineTheKeyAndTheKindExpected()
    {
        var configuration = PipelineConfiguration.Parse("seed: 1\nanalysis:\n  value: fifty\n", "p.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() => configuration.Bind<FakeParameters>("analysis"));

        Assert.Equal("p.yaml:3: 'analysis.value' is 'fifty', which is not a whole number", error.Message);
    }

    [Fact]
    public void AValueOutsideItsRangeNamesTheAllowedRange()
    {
        var configuration = PipelineConfiguration.Parse("analysis:\n  seeds: -3\n  init: pca\n", "p.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() => configuration.Bind<RangedParameters>("analysis"));

        Assert.Equal("p.yaml:2: 'analysis.seeds' is -3; allowed: 1 to 1000", error.Message);
    }

    [Fact]
    public void AValueOutsideItsAllowedSetListsTheAllowedValues()
    {
        var configuration = PipelineConfiguration.Parse("analysis:\n  seeds: 3\n  init: spectral\n", "p.yaml");

        var error = Assert.Throws<PipelineConfigurationException>(() => configuration.Bind<RangedParameters>("analysis"));

        Assert.Equal("p.yaml:3: 'analysis.init' is spectral; allowed: pca | random", error.Message);
    }

    [Fact]
    public void EntriesOfANamedSectionAreCheckedAsTheirType()
    {
        var good = PipelineConfiguration.Parse("analysis:\n  seeds: 3\n  init: pca\n  named:\n    first: {value: 1}\n    second: {value: 2}\n", "p.yaml");
        var bad = PipelineConfiguration.Parse("analysis:\n  seeds: 3\n  init: pca\n  named:\n    first: {value: one}\n", "p.yaml");

        Assert.Equal(2, good.Bind<RangedParameters>("analysis").Named!["second"].Value);
        var error = Assert.Throws<PipelineConfigurationException>(() => bad.Bind<RangedParameters>("analysis"));
        Assert.Equal("p.yaml:5: 'analysis.named.first.value' is 'one', which is not a whole number", error.Message);
    }

    [Fact]
    public void ASectionNoStageReadsIsReportedWithADidYouMean()
    {
        var configuration = PipelineConfiguration.Parse("seed: 1\nanalysys:\n  value: 1\ntext:\n  tfidf:\n    value: 1\n  lsa:\n    value: 2\n", "p.yaml");
        configuration.Bind<FakeParameters>("text.tfidf");
        _ = configuration.Seed;
        configuration.Bind<FakeParameters>("analysis");

        Assert.Equal(
            [
                "p.yaml:2: unknown section 'analysys' (did you mean 'analysis'?); no stage reads it (known here: analysis, seed, text)",
                "p.yaml:7: unknown section 'text.lsa'; no stage reads it (known here: tfidf)",
            ],
            configuration.UnreadKeys());
    }

    [Fact]
    public void FlattenListsEveryScalarByItsDottedPath()
    {
        var configuration = PipelineConfiguration.Parse("seed: 7\ntext:\n  stop: [a, b]\n  tfidf:\n    value: 3\n", "p.yaml");

        Assert.Equal(
            [new("seed", "7"), new("text.stop", "a, b"), new KeyValuePair<string, string>("text.tfidf.value", "3")],
            configuration.Flatten());
    }

    [Fact]
    public void ExplanationsComeFromTheLinesCommentOrTheCommentAbove()
    {
        const string yaml = """
            seed: 42   # fixed before any run
            text:
              # a term seen once
              # cannot group products
              min_df: 2
              name: "a # not a comment"
              url: http://host/#anchor
              stop: [a, b]   # boilerplate
              plain: 1
            archives:
              - file: x.zip   # mirror
            """;
        var explanations = PipelineConfiguration.Parse(yaml, "p.yaml").Explanations();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["seed"] = "fixed before any run",
                ["text.min_df"] = "a term seen once cannot group products",
                ["text.stop"] = "boilerplate",
                ["archives[0].file"] = "mirror",
            },
            explanations);
    }

    [Fact]
    public void ACommentGoingOnOverTheNextLinesIsReadWholeAndNotGivenToTheNextKey()
    {
        const string yaml = """
            doc2vec:
              epochs: 20     # upper end of the
                             # 10-20 passes
              # Copies per photo.
              copies: 2
              shift: 0.1
            fallback:
              - [resnet]     # every build has it
              - [colorhist]
            """;
        var explanations = PipelineConfiguration.Parse(yaml, "p.yaml").Explanations();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["doc2vec.epochs"] = "upper end of the 10-20 passes",
                ["doc2vec.copies"] = "Copies per photo.",
                ["fallback[0]"] = "every build has it",
            },
            explanations);
    }

    [Fact]
    public void OverriddenValuesLoseTheirExplanationAndAreNamedAsTheCommandLines()
    {
        var configuration = PipelineConfiguration.Parse("dataset:\n  source: x   # the official URL\n", "p.yaml");

        var overridden = configuration.WithOverride("dataset.source", "sample");

        Assert.Empty(overridden.Explanations());
        Assert.Equal(["dataset.source"], overridden.CommandLineKeys);
        Assert.Equal("the official URL", configuration.Explanations()["dataset.source"]);
        Assert.Empty(configuration.CommandLineKeys);
    }

    [Fact]
    public void AnOverrideWithTheFilesOwnValueChangesNothing()
    {
        var configuration = PipelineConfiguration.Parse("dataset:\n  source: x   # the official URL\n", "p.yaml");

        var same = configuration.WithOverride("dataset.source", "x");

        Assert.Empty(same.CommandLineKeys);
        Assert.Equal("the official URL", same.Explanations()["dataset.source"]);
    }

    [Fact]
    public void ErrorsKeepTheirLineAfterAnOverrideElsewhere()
    {
        var configuration = PipelineConfiguration.Parse("dataset:\n  source: x\ntext:\n  tfidf:\n    value: oops\n", "p.yaml")
            .WithOverride("dataset.source", "sample");

        var error = Assert.Throws<PipelineConfigurationException>(() => configuration.Bind<FakeParameters>("text.tfidf"));

        Assert.StartsWith("p.yaml:5:", error.Message);
    }

    [Fact]
    public void MissingSeedIsAnError()
    {
        Assert.Throws<PipelineConfigurationException>(() => PipelineConfiguration.Parse("a: 1", "p.yaml").Seed);
    }

    [Fact]
    public void OverrideReplacesOrCreatesAScalarWithoutTouchingTheOriginal()
    {
        var original = PipelineConfiguration.Parse(Yaml, "p.yaml");

        var changed = original.WithOverride("text.tfidf.value", "9").WithOverride("dataset.source", "sample");

        Assert.Equal(9, changed.Bind<FakeParameters>("text.tfidf").Value);
        Assert.Equal(3, original.Bind<FakeParameters>("text.tfidf").Value);
        Assert.Contains(new KeyValuePair<string, string>("dataset.source", "sample"), changed.Flatten());
    }

    [Fact]
    public void MalformedYamlReportsTheLine()
    {
        var error = Assert.Throws<PipelineConfigurationException>(() => PipelineConfiguration.Parse("a: [1, 2\nb: 3\n", "p.yaml"));

        Assert.StartsWith("p.yaml:", error.Message);
    }
}
