#!/usr/bin/env bash
# The CUDA checks of README § CUDA, prepared for a lent GPU machine (the device tool: no .NET SDK, no internet,
# PyTorch for CUDA 13, at most 64 MiB a call with the working tree), so that a session with a GPU runs them at once.
#
#   here:   bash build/gpu-check.sh pack
#           → .gpu/part-00, part-01, … (≤ PART_MIB each, default 30; git ignores .gpu): a trimmed, self-contained
#             CUDA publish of the CLI, ONNX Runtime's CUDA provider with only sm_$SM code kept (default 90, the
#             H200's; SM=all keeps every architecture: eight parts, 223 MB), and the MNIST files.
#   there:  one device call per part, each carrying its own part (carry [".gpu/part-NN"], command `ls -l .gpu`):
#           a warm machine keeps the parts already sent. The last call carries the last part and runs
#           `bash build/gpu-check.sh run`, which unpacks them, trains the smoke mnist-8k models on the GPU, exports
#           them and benches both engines on cuda, logging to $OUT/gpu-check.log and copying throughput.csv to $OUT.
#   DEVICE=cpu FASHIONBENCH_LIBTORCH=… OUT=… bash build/gpu-check.sh run   rehearses the run step on a CPU machine.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
pack)
    stage=.gpu/stage
    rm -rf .gpu && mkdir -p "$stage/datasets"
    dotnet publish src/Cli -c Release -r linux-x64 --self-contained -p:TorchBackend=cuda -p:PublishTrimmed=true \
        -o "$stage/cli" >"$stage/publish.log" || { tail -20 "$stage/publish.log"; exit 1; }
    rm -f "$stage/cli/libonnxruntime_providers_tensorrt.so"   # TensorRT is not used
    [ "${SM:-90}" = all ] || python3 build/fatbin-keep.py "$stage/cli/libonnxruntime_providers_cuda.so" "${SM:-90}"
    cp -r ../shared/datasets/mnist "$stage/datasets/"
    tar -C "$stage" -cf - cli datasets | xz -T0 -6 | split -b "${PART_MIB:-30}M" -d - .gpu/part-
    rm -rf "$stage"
    ls -l .gpu
    echo "$(ls .gpu | wc -l) part(s): one device call each, in order; the last runs 'bash build/gpu-check.sh run'"
    ;;
run)
    out=${OUT:?OUT: the folder to write the log and results to}
    device=${DEVICE:-cuda}
    unpacked=/tmp/fashionbench-gpu
    rm -rf "$unpacked" && mkdir -p "$unpacked"
    cat .gpu/part-* | xz -dc | tar -C "$unpacked" -xf -
    if [ -z "${FASHIONBENCH_LIBTORCH:-}" ]; then
        # PyTorch's libtorch and its pip-installed CUDA libraries, which ONNX Runtime's provider needs as well.
        site=$(python3 -c 'import pathlib, torch; print(pathlib.Path(torch.__file__).parent.parent)')
        export FASHIONBENCH_LIBTORCH=$site/torch/lib
        cuda_libs=$(find "$site/nvidia" -name 'lib*.so*' -printf '%h\n' 2>/dev/null | sort -u | paste -sd:)
        export LD_LIBRARY_PATH=$cuda_libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    fi
    export FASHIONBENCH_DATA_MIRROR=$unpacked/datasets
    fb=$unpacked/cli/fashionbench
    results=$unpacked/results
    common=(--profile smoke --models 'mnist-8k/*' --device "$device" --results "$results")
    {
        command -v nvidia-smi >/dev/null && nvidia-smi -L
        echo "libtorch: $FASHIONBENCH_LIBTORCH"
        "$fb" train "${common[@]}"
        "$fb" export "${common[@]}"
        "$fb" bench "${common[@]}"
    } 2>&1 | tee "$out/gpu-check.log"
    cp "$results/smoke/throughput.csv" "$out/"
    ;;
*)
    sed -n '2,13p' "$0"
    exit 2
    ;;
esac
