using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace PlaceDeMarche.Pipeline.Core.Configuration;

/// <summary>
/// Checks a section of pipeline.yaml against the parameter type it binds to, so that every mistake reads as one line
/// naming the file, line, dotted key and what is allowed. <see cref="CheckContent"/> (before binding): an unknown key
/// (with a did-you-mean), a value of the wrong kind, or one outside the property's <see cref="RangeAttribute"/> /
/// <see cref="AllowedValuesAttribute"/>. <see cref="CheckCompleteness"/> (before a run): a missing key, since every
/// non-nullable property must be written in the file, the one place a value and its reason live.
/// </summary>
internal sealed class SectionValidator
{
    private static readonly NullabilityInfoContext Nullability = new();
    private readonly string sourceName;
    private readonly bool completeness;
    private readonly List<string> errors = [];

    private SectionValidator(string sourceName, bool completeness)
    {
        this.sourceName = sourceName;
        this.completeness = completeness;
    }

    public static IReadOnlyList<string> CheckContent(Type type, YamlNode node, string path, string sourceName)
    {
        var validator = new SectionValidator(sourceName, completeness: false);
        validator.CheckValue(type, node, path);
        return validator.errors;
    }

    public static IReadOnlyList<string> CheckCompleteness(Type type, YamlNode node, string path, string sourceName)
    {
        var validator = new SectionValidator(sourceName, completeness: true);
        validator.CheckValue(type, node, path);
        return validator.errors;
    }

    public static string KeyOf(PropertyInfo property) => UnderscoredNamingConvention.Instance.Apply(property.Name);

    private void CheckValue(Type type, YamlNode node, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (DictionaryValueType(underlying) is { } valueType)
        {
            if (node is not YamlMappingNode entries)
            {
                Report(node, $"'{path}' must be a section of 'name: value' lines");
                return;
            }

            foreach (var (key, value) in entries.Children)
            {
                CheckValue(valueType, value, Join(path, ((YamlScalarNode)key).Value ?? ""));
            }

            return;
        }

        if (ElementType(underlying) is { } element)
        {
            if (node is not YamlSequenceNode sequence)
            {
                Report(node, $"'{path}' must be a list ([a, b] or '- ' lines)");
                return;
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                CheckValue(element, sequence.Children[i], $"{path}[{i}]");
            }

            return;
        }

        if (IsSection(underlying))
        {
            CheckSection(underlying, node, path);
            return;
        }

        if (node is not YamlScalarNode scalar)
        {
            Report(node, $"'{path}' must be a single value ({Describe(underlying)})");
            return;
        }

        if (!Parses(underlying, scalar.Value ?? ""))
        {
            Report(node, $"'{path}' is '{scalar.Value}', which is not {Describe(underlying)}");
        }
    }

    private void CheckSection(Type type, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            Report(node, $"'{path}' must be a section of 'key: value' lines");
            return;
        }

        var properties = Settable(type).ToDictionary(KeyOf, StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!properties.TryGetValue(key, out var property))
            {
                if (completeness)
                {
                    continue;
                }

                var hint = ClosestName.Find(key, properties.Keys) is { } close ? $" (did you mean '{close}'?)" : "";
                Report(keyNode, $"unknown key '{Join(path, key)}'{hint}; '{path}' allows: {string.Join(", ", properties.Keys)}");
                continue;
            }

            var before = errors.Count;
            CheckValue(property.PropertyType, value, Join(path, key));
            if (errors.Count == before && !completeness && value is YamlScalarNode scalar)
            {
                CheckAttributes(property, scalar, Join(path, key));
            }
        }

        foreach (var (key, property) in properties)
        {
            if (completeness && !mapping.Children.ContainsKey(new YamlScalarNode(key)) && !IsOptional(property))
            {
                ReportAlways(mapping, $"'{path}' lacks '{key}' ({Describe(property.PropertyType)}): write it in the file, with the reason for its value");
            }
        }
    }

    private void CheckAttributes(PropertyInfo property, YamlScalarNode scalar, string path)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        object? value = type == typeof(string) ? scalar.Value
            : type.IsEnum ? null
            : Convert.ChangeType(scalar.Value, type, CultureInfo.InvariantCulture);
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            if (value is null || attribute.IsValid(value))
            {
                continue;
            }

            var allowed = attribute switch
            {
                RangeAttribute range => $"{range.Minimum} to {range.Maximum}",
                AllowedValuesAttribute values => string.Join(" | ", values.Values),
                _ => attribute.FormatErrorMessage(path),
            };
            Report(scalar, $"'{path}' is {scalar.Value}; allowed: {allowed}");
        }
    }

    /// <summary>A content error: wrong kind or value. The completeness pass leaves those to <see cref="CheckContent"/>.</summary>
    private void Report(YamlNode node, string message)
    {
        if (!completeness)
        {
            ReportAlways(node, message);
        }
    }

    private void ReportAlways(YamlNode node, string message) =>
        errors.Add(node.Start.Line > 0 ? $"{sourceName}:{node.Start.Line}: {message}" : $"{sourceName}: {message} (set on the command line)");

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);

    private static bool IsOptional(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).WriteState == NullabilityState.Nullable);

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && ElementType(type) is null && DictionaryValueType(type) is null;

    /// <summary>The value type of a string-keyed dictionary (a section whose keys are names chosen in the file).</summary>
    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType
        && (type.GetGenericTypeDefinition() == typeof(Dictionary<,>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>))
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static bool Parses(Type type, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => true,
            _ when type == typeof(bool) => value is "true" or "false",
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out _),
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.AllowLeadingSign, invariant, out _),
            _ when type == typeof(double) || type == typeof(float) => double.TryParse(value, NumberStyles.Float, invariant, out _),
            _ when type.IsEnum => EnumNames(type).Contains(value, StringComparer.OrdinalIgnoreCase),
            _ => true,
        };
    }

    private static IEnumerable<string> EnumNames(Type type) => Enum.GetNames(type).Select(UnderscoredNamingConvention.Instance.Apply);

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "text",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(float) => "a number",
            _ when type.IsEnum => $"one of {string.Join(" | ", EnumNames(type))}",
            _ when ElementType(type) is { } element => $"a list of {Describe(element)}",
            _ when DictionaryValueType(type) is not null => "a section of named entries",
            _ => "a section",
        };
    }
}
