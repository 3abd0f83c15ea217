using System.Globalization;

namespace PlaceDeMarche.Pipeline.Imaging.Augmentation;

/// <summary>
/// One random variant of a photo: mirror, rotation about the centre, zoom, translation (fractions of the side) and
/// colour jitter (brightness, contrast and saturation factors, 1 = unchanged). <see cref="Key"/> names it exactly,
/// so an embedding cache can key a variant by it.
/// </summary>
public sealed record PhotoAugmentation(bool Mirror, double RotationDegrees, double Zoom, double ShiftX, double ShiftY, double Brightness, double Contrast, double Saturation)
{
    public static PhotoAugmentation Identity { get; } = new(false, 0, 1, 0, 0, 1, 1, 1);

    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"m{(Mirror ? 1 : 0)}-r{RotationDegrees:F3}-z{Zoom:F4}-x{ShiftX:F4}-y{ShiftY:F4}-b{Brightness:F4}-c{Contrast:F4}-s{Saturation:F4}");
}
