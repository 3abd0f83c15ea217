using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Core.Caching;

/// <summary>
/// The constant bytes behind a field with an RVA (the data of a static array initialiser or of a
/// <c>ReadOnlySpan&lt;T&gt;</c> literal), read from the assembly file since IL only names the field.
/// </summary>
internal static class StaticFieldData
{
    private static readonly ConcurrentDictionary<Assembly, PEReader?> Readers = new();

    /// <summary>The field's data, or null when it cannot be read reliably (no file, another build on disk, unknown size).</summary>
    public static byte[]? Read(FieldInfo field)
    {
        if (SizeOf(field.FieldType) is not { } size || Readers.GetOrAdd(field.Module.Assembly, Open) is not { } reader)
        {
            return null;
        }

        var metadata = reader.GetMetadataReader();
        var definition = metadata.GetFieldDefinition((FieldDefinitionHandle)MetadataTokens.EntityHandle(field.MetadataToken));
        var block = reader.GetSectionData(definition.GetRelativeVirtualAddress());
        return block.Length >= size ? block.GetContent(0, size).ToArray() : null;
    }

    private static PEReader? Open(Assembly assembly)
    {
        if (assembly.Location.Length == 0 || !File.Exists(assembly.Location))
        {
            return null;
        }

        var reader = new PEReader(ImmutableCollectionsMarshal.AsImmutableArray(File.ReadAllBytes(assembly.Location)));
        var metadata = reader.GetMetadataReader();
        // The file must be the very module that is loaded, or its data may belong to another build.
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid) == assembly.ManifestModule.ModuleVersionId ? reader : null;
    }

    /// <summary>Size of the data: the blob struct's declared layout size, or a primitive's size (small blobs are typed int/long).</summary>
    private static int? SizeOf(Type type)
    {
        if (type.IsPrimitive)
        {
            return Type.GetTypeCode(type) switch
            {
                TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
                TypeCode.Char or TypeCode.Int16 or TypeCode.UInt16 => 2,
                TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
                TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => 8,
                _ => null,
            };
        }

        return type.IsValueType && type.StructLayoutAttribute is { Size: > 0 } layout ? layout.Size : null;
    }
}
