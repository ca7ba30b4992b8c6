namespace FashionBench.Models.Building;

/// <summary>One layer's parameters and forward FLOPs for one sample (a multiply-add counts as 2 FLOPs).</summary>
public sealed record LayerCost(string Path, string Layer, Shape Input, Shape Output, long Parameters, long Flops);

/// <summary>The cost of a whole spec, layer by layer.</summary>
public sealed record ModelCost(IReadOnlyList<LayerCost> Layers)
{
    public long Parameters => Layers.Sum(l => l.Parameters);
    /// <summary>Forward FLOPs per image; training counts ≈ 3× this (forward + two backward products).</summary>
    public long ForwardFlops => Layers.Sum(l => l.Flops);
}
