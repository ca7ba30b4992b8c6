namespace FashionBench.Harness.Data;

/// <summary>
/// One split as read from its IDX files: <see cref="Pixels"/> holds <see cref="Count"/> images of
/// <see cref="Rows"/>×<see cref="Cols"/> bytes (0..255) back to back; <see cref="Labels"/> one class (0..9) per image.
/// </summary>
public sealed record IdxSplit(byte[] Pixels, byte[] Labels, int Count, int Rows, int Cols);
