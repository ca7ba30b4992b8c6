namespace FashionBench.Models;

/// <summary>
/// The shape of one sample between layers: channels × height × width, or a flat vector of <see cref="C"/>
/// features when <see cref="Flat"/>.
/// </summary>
public readonly record struct Shape(int C, int H, int W, bool Flat = false)
{
    public static readonly Shape Image28 = new(1, 28, 28);
    public long Elements => (long)C * H * W;
    public override string ToString() => Flat ? $"[{C}]" : $"[{C}, {H}, {W}]";
}
