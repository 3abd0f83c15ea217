using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PlaceDeMarche.Pipeline.Numerics.Evaluation;
using PlaceDeMarche.Pipeline.TestSupport.Configuration;
using YamlDotNet.Serialization;

namespace PlaceDeMarche.Pipeline.Cli.Tests;

/// <summary>
/// pipeline.yaml is the one place a value of the study lives: no parameter type the stages bind carries one of its
/// own. A type's constructor (property initialisers included) must leave every key the file sets at its type's zero,
/// so an object built by <c>new()</c> is exactly one whose memory was never initialised.
/// </summary>
public sealed class ParameterDefaultsTests
{
    [Fact]
    public void NoTypeTheStagesBindCarriesAValueOfItsOwn()
    {
        var configuration = StudyConfiguration.Load();
        var types = new SortedSet<Type>(Comparer<Type>.Create((a, b) => string.CompareOrdinal(a.FullName, b.FullName)));
        foreach (var stage in StageCatalog.CreateGraph().Stages)
        {
            CollectSectionTypes(stage.BindParameters(configuration), types);
        }

        // The section types of every family are reached, nested ones (lists, dictionaries, sub-sections) included.
        Assert.Contains(types, t => t.Name == "TSneParameters");
        Assert.Contains(types, t => t.Name == "ModelFileSource");
        Assert.Contains(types, t => t.Name == "FusionGroup");
        Assert.Contains(types, t => t.Name == "ComplianceWaiverEntry");
        Assert.True(types.Count >= 30, $"only {types.Count} section types found: {string.Join(", ", types.Select(t => t.Name))}");
        Assert.Empty(types.SelectMany(ValuesOfItsOwn));
    }

    [Fact]
    public void TheScoringProtocolTakesEveryValueFromTheAnalysisSection() =>
        Assert.Empty(ValuesOfItsOwn(typeof(ScoringOptions)));

    [Fact]
    public void AnInitialiserIsFound()
    {
        // The check itself must fail on the mistake it guards against, whatever the kind of value.
        Assert.Equal(
            ["WithInitialisers.Count = 5", "WithInitialisers.Name = \"x\"", "WithInitialisers.Terms = []"],
            ValuesOfItsOwn(typeof(WithInitialisers)));
        Assert.Empty(ValuesOfItsOwn(typeof(WithoutInitialisers)));
    }

    /// <summary>"Type.Property = value" for each key the file sets whose value a new object already has.</summary>
    private static IEnumerable<string> ValuesOfItsOwn(Type type)
    {
        var constructed = Activator.CreateInstance(type)!;
        var blank = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in KeysOf(type).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var value = JsonSerializer.Serialize(property.GetValue(constructed));
            if (value != JsonSerializer.Serialize(property.GetValue(blank)))
            {
                yield return $"{type.Name}.{property.Name} = {value}";
            }
        }
    }

    /// <summary>The properties a section's keys set, as the binder sees them: public setter, not [YamlIgnore].</summary>
    private static IEnumerable<PropertyInfo> KeysOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetCustomAttribute<YamlIgnoreAttribute>() is null);

    /// <summary>The types of our own assemblies in a bound parameter object, walking its properties, lists and dictionaries.</summary>
    private static void CollectSectionTypes(object? value, ISet<Type> types)
    {
        switch (value)
        {
            case null or string:
                return;
            case IDictionary dictionary:
                foreach (var entry in dictionary.Values)
                {
                    CollectSectionTypes(entry, types);
                }

                return;
            case IEnumerable items:
                foreach (var item in items)
                {
                    CollectSectionTypes(item, types);
                }

                return;
        }

        var type = value.GetType();
        if (!type.Assembly.GetName().Name!.StartsWith("PlaceDeMarche.", StringComparison.Ordinal) || type.IsEnum)
        {
            return;
        }

        // Records that only group sections (a seed and a section) have no parameterless constructor: their parts are checked.
        if (type.GetConstructor(Type.EmptyTypes) is not null)
        {
            types.Add(type);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            CollectSectionTypes(property.GetValue(value), types);
        }
    }

    private sealed class WithInitialisers
    {
        public int Count { get; set; } = 5;

        public string Name { get; set; } = "x";

        public List<string> Terms { get; set; } = [];

        public int Unset { get; set; }
    }

    private sealed class WithoutInitialisers
    {
        public required int Count { get; set; }

        public required string Name { get; set; }

        public int? Optional { get; set; }
    }
}
