// What oneDNN's convolutions compute when the data caches it was given are wrong, on a CPU whose CPUID is sound.
// oneDNN sizes its blocking by the Xbyak::util::Cpu behind dnnl::impl::cpu::x64::cpu(), filled from CPUID the first
// time oneDNN asks. User space cannot change what CPUID returns, but it can change that object (OneDnnCaches, found
// through libtorch_cpu.so's symbol table): this script gives oneDNN the caches in CACHES, as a broken CPUID leaf
// would, and compares float32 convolutions with float64 as ../shared/probes/conv-vs-f64.fsx does. Run from the
// project root after a Release build:
//   CACHES=1,1048576,33554432 T=1 dotnet fsi docs/probes/onednn-cache-sizes.fsx [path/to/bin/Release/net10.0]
// CACHES: bytes per level ("1,…": a sub-leaf typed "data cache" and otherwise zero; "0,…": a zero leaf 0x80000005
// read by Xbyak's legacy path), or "none" (no levels: oneDNN blocks by its own guesses); unset, as CPUID gave them.
// T = intra-op threads (default 1). ONEDNN_MAX_CPU_ISA=AVX2 and DNNL_VERBOSE=1 apply as usual.
#r "nuget: TorchSharp, 0.107.0"
#r "../../src/Cli/bin/Release/net10.0/FashionBench.Harness.dll"
open System
open FashionBench.Harness.Machine
open TorchSharp
let bin = (match fsi.CommandLineArgs |> Array.tryItem 1 with Some d -> d | None -> "src/Cli/bin/Release/net10.0") |> IO.Path.GetFullPath
let native = IO.Path.Combine(bin, "runtimes", "linux-x64", "native")
for lib in ["libc10.so"; "libtorch_cpu.so"; "libtorch.so"; "libLibTorchSharp.so"] do
    Runtime.InteropServices.NativeLibrary.Load(IO.Path.Combine(native, lib)) |> ignore
torch.InitializeDeviceType(DeviceType.CPU)
let threads = match Environment.GetEnvironmentVariable "T" with null | "" -> 1 | t -> int t
torch.set_num_threads threads
let show (levels: Collections.Generic.IReadOnlyList<CpuCache>) =
    if levels.Count = 0 then "none (oneDNN's guesses)" else String.Join(", ", levels |> Seq.map (fun l -> $"L{l.Level} {l.Bytes} B shared by {l.SharedBy}"))
match OneDnnCaches.Read() with
| null -> failwithf "oneDNN's caches cannot be reached: %s" OneDnnCaches.Unreachable
| given -> printfn "threads %d; caches from CPUID: %s" threads (show given)
match Environment.GetEnvironmentVariable "CACHES" with
| null | "" -> ()
| "none" -> OneDnnCaches.Write([||])
| list -> OneDnnCaches.Write(list.Split(',') |> Array.mapi (fun i b -> CpuCache(i + 1, int64 b, 1)))
printfn "caches oneDNN blocks by: %s" (show (OneDnnCaches.Read()))

let F64 = torch.ScalarType.Float64
let conv (x: torch.Tensor) (w: torch.Tensor) pad dil stride =
    torch.nn.functional.conv2d(x, w, padding=[|pad; pad|], dilation=[|dil; dil|], strides=[|stride; stride|])
let rel (a: torch.Tensor) (b: torch.Tensor) = ((a.to_type(F64) - b).abs().max() / b.abs().max()).item<float>()
// Two float32 calls, each against float64; the second is printed only where it differs from the first.
let check name (n: int64) ci co k hw pad dil stride =
    torch.manual_seed(1L) |> ignore
    let x = torch.randn([| n; ci; hw; hw |])
    let w = torch.randn([| co; ci; k; k |]) * (1.0 / Math.Sqrt(float (ci * k * k)))
    let xd, wd = x.to_type(F64).requires_grad_(true), w.to_type(F64).requires_grad_(true)
    let yd = conv xd wd pad dil stride
    yd.sum().backward()
    let once () =
        let xr, wr = x.clone().requires_grad_(true), w.clone().requires_grad_(true)
        let y = conv xr wr pad dil stride
        y.sum().backward()
        sprintf "forward %.1e  dX %.1e  dW %.1e" (rel y yd) (rel xr.grad xd.grad) (rel wr.grad wd.grad)
    let first, second = once (), once ()
    printfn "%-36s %s%s" name first (if first = second then "" else "  | again: " + second)
check "1->32 3x3 pad 1 on 28 (fashion-cnn)" 64L 1L 32L 3L 28L 1L 1L 1L
check "32->64 3x3 pad 1 on 14 (fashion-cnn)" 64L 32L 64L 3L 14L 1L 1L 1L
check "32->32 3x3 stride 2 (keras-cnn)" 32L 32L 32L 3L 26L 0L 1L 2L
check "64->128 3x3 dilation 2 (se-cnn)" 64L 64L 128L 3L 7L 2L 2L 1L
check "1->4 3x3 on 28 (mnist-8k)" 128L 1L 4L 3L 28L 0L 1L 1L
check "4->8 3x3 on 24 (mnist-8k)" 128L 4L 8L 3L 24L 0L 1L 1L
check "8->4 1x1 on 11 (mnist-8k)" 128L 8L 4L 1L 11L 0L 1L 1L
check "10->10 7x7 on 7 (mnist-8k model1)" 128L 10L 10L 7L 7L 0L 1L 1L
check "10->10 3x3 pad 1 on 28 (tinyvgg)" 32L 10L 10L 3L 28L 1L 1L 1L
