namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>A refined extremum in octave coordinates, before orientation and description.</summary>
/// <param name="Octave">Pyramid octave index (0 is the possibly upsampled base).</param>
/// <param name="Layer">Integer Gaussian layer the gradients are read from.</param>
/// <param name="Column">Integer column of the extremum after refinement steps.</param>
/// <param name="Row">Integer row of the extremum after refinement steps.</param>
/// <param name="X">Sub-pixel column in octave coordinates.</param>
/// <param name="Y">Sub-pixel row in octave coordinates.</param>
/// <param name="OctaveSigma">Blur σ in octave pixels (σ₀ · 2^((layer + offset) / s)).</param>
/// <param name="Response">|interpolated DoG|.</param>
/// <param name="Angle">Orientation in degrees, OpenCV convention.</param>
internal readonly record struct SiftCandidate(
    int Octave, int Layer, int Column, int Row, float X, float Y, float OctaveSigma, float Response, float Angle);
