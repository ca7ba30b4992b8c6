namespace FashionBench.Models.Catalog;

/// <summary>Small layer-list helpers shared by the write-up catalogues.</summary>
static class Blocks
{
    public static Layer[] L(params Layer[] layers) => layers;

    /// <summary>Conv → BN → activation (PyTorch/Keras order when BN sits "after the convolution").</summary>
    public static Layer[] ConvBnAct(int outChannels, int kernel, int padding = 0, Act? act = null, bool bias = true, int stride = 1) =>
        [new Conv(outChannels, kernel, Stride: stride, Padding: padding, Bias: bias), new BatchNorm(), act ?? Act.Relu];

    /// <summary>Conv → activation → BN (Keras Conv2D(activation=…) followed by BatchNormalization).</summary>
    public static Layer[] ConvActBn(int outChannels, int kernel, int padding = 0, int dilation = 1, bool bias = true) =>
        [new Conv(outChannels, kernel, Padding: padding, Dilation: dilation, Bias: bias), Act.Relu, new BatchNorm()];

    public static readonly Choice ValidationHoldOut = new("validation split",
        "10 % of the training set, fixed across seeds", "not stated; a held-out split keeps the test set unseen until the end", RecipeField.Validation);

    public static readonly Choice ValidateOnTest = new("validation set",
        "the test set, as the write-up reports per-epoch test accuracy", "the write-up tracks test accuracy per epoch; no hold-out is described", RecipeField.Validation);

    public static readonly Choice AugmentationFill = new("augmentation fill",
        "zeros (black), bilinear sampling", "background of both datasets is 0; torchvision's default fill");
}
