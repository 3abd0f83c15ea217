using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Numerics.Manifold;

/// <summary>One cell of a <see cref="QuadTree"/>, 24 bytes so that a node's four children share two cache lines.
/// Single precision is ample for the far-field summaries; leaf points are summed from double positions.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct QuadTreeNode
{
    public float CentreX;
    public float CentreY;

    /// <summary>Square of the cell's side, the Barnes-Hut criterion's left-hand side.</summary>
    public float SideSquared;

    public int Count;

    /// <summary>Index of the first of four consecutive children, or −1 for a leaf.</summary>
    public int FirstChild;

    /// <summary>First of the leaf's points in the tree order.</summary>
    public int Start;
}
