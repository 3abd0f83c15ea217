namespace PlaceDeMarche.Pipeline.Imaging.Features.Sift;

/// <summary>
/// A SIFT keypoint in input-image pixel coordinates (pixel centres at integers). <see cref="Scale"/> is the blur σ of
/// the detection (OpenCV's KeyPoint.size is 2σ); <see cref="Angle"/> is in degrees in [0, 360), as OpenCV's: 360° minus
/// the gradient direction measured counter-clockwise with y up, i.e. clockwise on screen; <see cref="Response"/> is the
/// |interpolated DoG| on intensities in [0, 1].
/// </summary>
public readonly record struct SiftKeypoint(float X, float Y, float Scale, float Angle, float Response);
