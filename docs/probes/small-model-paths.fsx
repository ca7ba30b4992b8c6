// What else might close the gap between the tuned TorchSharp path and ONNX Runtime on the smallest models
// (docs/performance.md): (1) a dense layer run as a 1×1 convolution, which libtorch hands to oneDNN rather than to
// oneMKL's sgemm; (2) one intra-op thread instead of two, where each layer's work is too small to pay for waking the
// second. Forward passes only, inference mode, the median of 7 timings of ≥ 0.15 s. Run from the project root after a
// Release build:  dotnet fsi docs/probes/small-model-paths.fsx [path/to/bin/Release/net10.0]
#r "nuget: TorchSharp, 0.107.0"
#r "../../src/Cli/bin/Release/net10.0/FashionBench.Models.dll"
#r "../../src/Cli/bin/Release/net10.0/FashionBench.Harness.dll"
open System
open System.Diagnostics
open TorchSharp
open FashionBench.Models
open FashionBench.Models.Building
open FashionBench.Harness.Data
let bin = (match fsi.CommandLineArgs |> Array.tryItem 1 with Some d -> d | None -> "src/Cli/bin/Release/net10.0") |> IO.Path.GetFullPath
let native = IO.Path.Combine(bin, "runtimes", "linux-x64", "native")
for lib in ["libc10.so"; "libtorch_cpu.so"; "libtorch.so"; "libLibTorchSharp.so"] do
    Runtime.InteropServices.NativeLibrary.Load(IO.Path.Combine(native, lib)) |> ignore
torch.InitializeDeviceType(DeviceType.CPU)
FashionBench.Harness.Machine.NativeHeap.KeepFreedMemory()   // as the engines run

/// Seconds per call: the median of 7 timings of at least 0.15 s, after two untimed calls.
let time (f: unit -> unit) =
    f (); f ()
    let runs = ResizeArray<float>()
    for _ in 1..7 do
        let clock = Stopwatch.StartNew()
        let mutable n = 0
        while clock.Elapsed.TotalSeconds < 0.15 do f (); n <- n + 1
        runs.Add(clock.Elapsed.TotalSeconds / float n)
    runs |> Seq.sort |> Seq.item 3
let report what threads (batch: int) seconds = printfn "%-40s %d thread(s)  batch %5d  %10.0f images/s" what threads batch (float batch / seconds)

// (1) fashion-cnn/logreg's one layer, 784 → 10, three ways.
for threads in [1; 2] do
    torch.set_num_threads threads
    for batch in [1; 64; 1024] do
        use x = torch.randn([| int64 batch; 784L |])
        use w = torch.randn([| 10L; 784L |])
        use b = torch.randn([| 10L |])
        use wT = w.t().contiguous()
        use x4 = x.view([| int64 batch; 784L; 1L; 1L |])
        use w4 = w.view([| 10L; 784L; 1L; 1L |])
        use _ = torch.inference_mode()
        report "linear (oneMKL sgemm)" threads batch (time (fun () -> torch.nn.functional.linear(x, w, b).Dispose()))
        report "addmm, weight pre-transposed" threads batch (time (fun () -> torch.addmm(b, x, wT, 1.0f, 1.0f).Dispose()))
        report "1×1 convolution (oneDNN)" threads batch (time (fun () -> torch.nn.functional.conv2d(x4, w4, b).Dispose()))

// (2) the mnist-8k models, as the tuned engine lays out their input, at one and two threads.
for id in ["mnist-8k/model1"; "mnist-8k/model2"; "mnist-8k/model3"] do
    use model = TorchBuilder.Build(ModelCatalog.Find(id))
    model.eval() |> ignore
    for batch in [1; 64; 1024] do
        use images = torch.randn([| int64 batch; 1L; 28L; 28L |])
        use input = if ChannelsLast.Suits(model) then ChannelsLast.Of(images) else images.alias()
        for threads in [1; 2] do
            torch.set_num_threads threads
            use _ = torch.inference_mode()
            report id threads batch (time (fun () -> (use scope = torch.NewDisposeScope() in model.forward(input) |> ignore)))
