using PlaceDeMarche.Pipeline.Parquet.Format;

namespace PlaceDeMarche.Pipeline.Parquet.Reading;

/// <summary>A schema element with its children, rebuilt from the depth-first flattened schema list.</summary>
internal sealed class SchemaNode
{
    private SchemaNode(SchemaElement element, int firstLeafIndex)
    {
        Element = element;
        FirstLeafIndex = firstLeafIndex;
    }

    public SchemaElement Element { get; }

    public List<SchemaNode> Children { get; } = [];

    /// <summary>Index of the first leaf (column chunk) under this node, in depth-first order.</summary>
    public int FirstLeafIndex { get; }

    public int LeafCount { get; private set; }

    public bool IsLeaf => Children.Count == 0 && Element.Type is not null;

    /// <summary>Rebuilds the tree; returns the root.</summary>
    public static SchemaNode BuildTree(IReadOnlyList<SchemaElement> elements)
    {
        if (elements.Count == 0)
        {
            throw new ParquetFormatException("The file footer has an empty schema.");
        }

        int next = 0;
        int leaves = 0;
        SchemaNode root = Build(elements, ref next, ref leaves, depth: 0);
        if (next != elements.Count)
        {
            throw new ParquetFormatException(
                $"The footer schema has {elements.Count} elements but the root's subtree covers only {next}: num_children values are inconsistent.");
        }

        return root;
    }

    private static SchemaNode Build(IReadOnlyList<SchemaElement> elements, ref int next, ref int leaves, int depth)
    {
        SchemaElement element = elements[next++];
        var node = new SchemaNode(element, leaves);
        int childCount = element.NumChildren ?? 0;
        if (childCount < 0 || childCount > elements.Count - next || depth > 100)
        {
            throw new ParquetFormatException(
                $"Schema element '{element.Name}' declares {childCount} children but only {elements.Count - next} elements follow.");
        }

        if (childCount == 0 && element.Type is null && depth > 0)
        {
            throw new ParquetFormatException($"Schema element '{element.Name}' has neither children nor a physical type.");
        }

        for (int i = 0; i < childCount; i++)
        {
            node.Children.Add(Build(elements, ref next, ref leaves, depth + 1));
        }

        if (node.IsLeaf)
        {
            leaves++;
        }

        node.LeafCount = leaves - node.FirstLeafIndex;
        return node;
    }
}
