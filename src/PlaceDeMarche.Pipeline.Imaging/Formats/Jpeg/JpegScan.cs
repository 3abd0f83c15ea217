namespace PlaceDeMarche.Pipeline.Imaging.Formats.Jpeg;

/// <summary>Spectral selection and successive approximation of a scan (sequential scans use 0, 63, 0, 0).</summary>
/// <param name="Start">First zigzag coefficient index (Ss).</param>
/// <param name="End">Last zigzag coefficient index (Se).</param>
/// <param name="High">Previous point transform (Ah); non-zero for refinement scans.</param>
/// <param name="Low">Point transform (Al): bits shifted out of this scan's values.</param>
internal readonly record struct JpegScan(int Start, int End, int High, int Low);
