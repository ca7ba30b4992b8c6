namespace FashionBench.Harness.Data;

/// <summary>
/// The two datasets FashionBench knows, with the sizes and hashes of the canonical files
/// (see shared/datasets/SOURCES.md for how each was checked).
/// </summary>
public static class DatasetCatalog
{
    public static DatasetInfo FashionMnist { get; } = new(
        "fashion-mnist",
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
        Mean: 0.2860f,
        Std: 0.3530f,
        [
            new(DatasetInfo.TrainImages, 26421880, "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                47040016, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new(DatasetInfo.TrainLabels, 29515, "25c81989df183df01b3e8a0aad5dffbe",
                "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                60008, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new(DatasetInfo.TestImages, 4422102, "bef4ecab320f06d8554ea6380940ec79",
                "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                7840016, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new(DatasetInfo.TestLabels, 5148, "bb300cfdad3c16e7a12a480ee83cd310",
                "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                10008, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
        ],
        [
            new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            new Uri("https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"),
        ]);

    public static DatasetInfo Mnist { get; } = new(
        "mnist",
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
        Mean: 0.1307f,
        Std: 0.3081f,
        [
            new(DatasetInfo.TrainImages, 9912422, "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                47040016, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new(DatasetInfo.TrainLabels, 28881, "d53e105ee54ea40749a09fcbcd1e9432",
                "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                60008, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new(DatasetInfo.TestImages, 1648877, "9fb629c4189551a2d022fa330f9573f3",
                "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                7840016, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new(DatasetInfo.TestLabels, 4542, "ec29112dd5afa0611ce80d1b7f02629c",
                "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                10008, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
        ],
        [
            new Uri("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            new Uri("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            new Uri("http://yann.lecun.com/exdb/mnist/"),
        ]);

    public static IReadOnlyList<DatasetInfo> All { get; } = [FashionMnist, Mnist];

    /// <summary>The dataset called <paramref name="name"/> (case-insensitive); throws a UserError naming it if unknown.</summary>
    public static DatasetInfo Get(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UserError($"dataset '{name}': unknown (known: {string.Join(", ", All.Select(d => d.Name))})");
}
