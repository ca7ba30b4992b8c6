#!/usr/bin/python3
"""PyTorch peer of `fashionbench bench-train`: trains the same spec with PyTorch and prints its throughput.

The model is built from the spec JSON the C# side writes (the layers exactly as RunConfig.Json serialises them),
so the two cannot drift; the parameter count is printed and checked by the caller. The loop is a plain PyTorch
training loop: shuffled batches of the recipe's size, the recipe's batched augmentation (affine_grid + grid_sample)
and normalisation, cross-entropy (+ Dense L2 when the recipe has it), the recipe's optimiser. Measurement protocol as
bench-train: warm-up batches, then R timed slices of N batches; evaluation (eval mode, inference mode, the C# side's
evaluation batch size) timed R times. Prints one JSON line. Exit status 3 when PyTorch cannot be imported.

Usage: pytorch_train.py --spec SPEC.json --data DIR --threads T --batches N --repetitions R --warmup W --eval-images M
                        --eval-batch B --seed S
       pytorch_train.py --spec SPEC.json... --parameters-only  (builds each model, prints {"parameters": N} per spec)
"""
import argparse
import gzip
import json
import math
import struct
import sys
import time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:  # the caller reports this and skips the peer
    print(f"PyTorch is not importable by {sys.executable}: {e}", file=sys.stderr)
    sys.exit(3)


def read_idx(path):
    """IDX (gzip) → uint8 tensor of the header's shape."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, dtype, dims = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


class Residual(nn.Module):
    def __init__(self, body, projection):
        super().__init__()
        self.body, self.shortcut = body, projection

    def forward(self, x):
        return self.body(x) + (x if self.shortcut is None else self.shortcut(x))


class SqueezeExcite(nn.Module):
    def __init__(self, channels, hidden):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(channels, hidden), nn.Linear(hidden, channels)

    def forward(self, x):
        w = torch.sigmoid(self.fc2(F.relu(self.fc1(x.mean((2, 3))))))
        return x * w[:, :, None, None]


def build(layers, shape):
    """Spec layers → (nn.Sequential, output shape (C, H, W) or (features,)). Mirrors TorchBuilder and ShapeInference."""
    modules = []
    for layer in layers:
        kind = layer["type"]
        if kind == "conv":
            c, h, w = shape
            k, s, p, d = layer["kernel"], layer["stride"], layer["padding"], layer["dilation"]
            modules.append(nn.Conv2d(c, layer["out"], k, stride=s, padding=p, dilation=d, bias=layer["bias"]))
            size = lambda n: (n + 2 * p - d * (k - 1) - 1) // s + 1
            shape = (layer["out"], size(h), size(w))
        elif kind == "batchnorm":
            modules.append(nn.BatchNorm2d(shape[0]))
        elif kind == "act":
            act = layer["kind"]
            modules.append(nn.ReLU() if act == "relu" else nn.LeakyReLU(layer["slope"]) if act == "leaky-relu"
                           else nn.Sigmoid() if act == "sigmoid" else None)
            if modules[-1] is None:
                raise ValueError(f"unknown activation {act}")
        elif kind == "pool":
            k, s = layer["kernel"], layer["stride"]
            modules.append(nn.MaxPool2d(k, s) if layer["kind"] == "max" else nn.AvgPool2d(k, s))
            shape = (shape[0], (shape[1] - k) // s + 1, (shape[2] - k) // s + 1)
        elif kind == "gap":
            modules.append(nn.AdaptiveAvgPool2d(1))
            shape = (shape[0], 1, 1)
        elif kind == "se":
            modules.append(SqueezeExcite(shape[0], max(1, shape[0] // layer["reduction"])))
        elif kind == "residual":
            body, out = build(layer["body"], shape)
            projection = None
            if out != shape:
                projection = nn.Conv2d(shape[0], out[0], 1, stride=shape[1] // out[1])
            modules.append(Residual(body, projection))
            shape = out
        elif kind == "flatten":
            modules.append(nn.Flatten())
            shape = (math.prod(shape),)
        elif kind == "dense":
            modules.append(nn.Linear(shape[0], layer["out"], bias=layer["bias"]))
            shape = (layer["out"],)
        elif kind == "dropout":
            modules.append(nn.Dropout(layer["p"]))
        else:
            raise ValueError(f"unknown layer type {kind}")
    return nn.Sequential(*modules), shape


def augment(images, spec, generator):
    """[B,1,H,W] in [0,1] → same, one random affine transform per image (as Harness.Training.Augmenter)."""
    if not (spec["rotation_degrees"] or spec["translate"] or spec["pad_crop"] or spec["horizontal_flip"]):
        return images
    b, _, h, w = images.shape
    uniform = lambda half: (torch.rand(b, generator=generator) * 2 - 1) * half
    angle = uniform(spec["rotation_degrees"] * math.pi / 180)
    tx, ty = uniform(2 * spec["translate"]), uniform(2 * spec["translate"])
    if spec["pad_crop"] > 0:
        p = spec["pad_crop"]
        tx = tx + torch.randint(-p, p + 1, (b,), generator=generator).float() * (2.0 / w)
        ty = ty + torch.randint(-p, p + 1, (b,), generator=generator).float() * (2.0 / h)
    flip = torch.where(torch.rand(b, generator=generator) < 0.5, -1.0, 1.0) if spec["horizontal_flip"] else torch.ones(b)
    cos, sin = angle.cos(), angle.sin()
    theta = torch.stack([cos * flip, -sin, tx, sin * flip, cos, ty], 1).reshape(b, 2, 3)
    grid = F.affine_grid(theta, [b, 1, h, w], align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def optimiser(spec, model):
    if spec["kind"] == "adam":
        return torch.optim.Adam(model.parameters(), spec["learning_rate"], weight_decay=spec["weight_decay"])
    return torch.optim.SGD(model.parameters(), spec["learning_rate"], momentum=spec["momentum"],
                           weight_decay=spec["weight_decay"], nesterov=spec["nesterov"])


def peak_rss_mb():
    """VmHWM of this process. (ru_maxrss would not do: Linux carries it over from the parent across fork and exec.)"""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", required=True, nargs="+")
    parser.add_argument("--parameters-only", action="store_true")
    for name in ["data", "threads", "batches", "repetitions", "warmup", "eval-images", "eval-batch", "seed"]:
        parser.add_argument("--" + name, type=str if name == "data" else int)
    args = parser.parse_args()
    if args.parameters_only:
        for path in args.spec:
            with open(path) as f:
                model, _ = build(json.load(f)["layers"], (1, 28, 28))
            print(json.dumps({"parameters": sum(p.numel() for p in model.parameters())}))
        return
    missing = [name for name in ["data", "threads", "batches", "repetitions", "warmup", "eval_images", "eval_batch", "seed"]
               if getattr(args, name) is None]
    if missing or len(args.spec) != 1:
        parser.error("training needs one --spec and " + ", ".join("--" + name.replace("_", "-") for name in missing))
    with open(args.spec[0]) as f:
        spec = json.load(f)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    recipe = spec["recipe"]
    mean = recipe["normalization"]["mean"] if recipe["normalization"]["mean"] is not None else spec["dataset_mean"]
    std = recipe["normalization"]["std"] if recipe["normalization"]["std"] is not None else spec["dataset_std"]

    images = read_idx(f"{args.data}/train-images-idx3-ubyte.gz").float().div_(255).unsqueeze(1)   # [N,1,28,28]
    labels = read_idx(f"{args.data}/train-labels-idx1-ubyte.gz").long()                          # [N]
    test_images = read_idx(f"{args.data}/t10k-images-idx3-ubyte.gz").float().div_(255).unsqueeze(1)
    test_labels = read_idx(f"{args.data}/t10k-labels-idx1-ubyte.gz").long()

    model, _ = build(spec["layers"], (1, 28, 28))
    dense = [m.weight for m in model if isinstance(m, nn.Linear)]
    l2 = (recipe.get("l2") or {}).get("lambda")
    opt = optimiser(recipe["optimizer"], model)
    generator = torch.Generator().manual_seed(args.seed)
    batch = recipe["batch_size"]
    state = {"order": torch.randperm(len(images), generator=generator), "next": 0, "loss": torch.zeros((), dtype=torch.float64), "seen": 0}

    def train(batches):
        model.train()
        trained = 0
        for _ in range(batches):
            if state["next"] >= len(images):
                state["order"], state["next"] = torch.randperm(len(images), generator=generator), 0
            index = state["order"][state["next"]:state["next"] + batch]
            state["next"] += batch
            x = augment(images[index], recipe["augmentation"], generator).sub_(mean).div_(std)
            y = labels[index]
            opt.zero_grad()
            logits = model(x)
            loss = F.cross_entropy(logits, y)
            objective = loss + l2 * sum((w ** 2).sum() for w in dense) if l2 else loss
            objective.backward()
            opt.step()
            state["loss"] += loss.detach().double() * len(y)
            state["seen"] += len(y)
            trained += len(y)
        return trained

    eval_images = min(args.eval_images, len(test_images))

    def evaluate():
        model.eval()
        with torch.inference_mode():
            for start in range(0, eval_images, args.eval_batch):
                x = test_images[start:min(start + args.eval_batch, eval_images)].sub(mean).div(std)
                model(x).softmax(1).max(1)
        return eval_images

    def repeat(work):
        """Images/s and process CPU milliseconds per image of each repetition."""
        rates, cpu = [], []
        for _ in range(args.repetitions):
            start, cpu_start = time.perf_counter(), time.process_time()
            done = work()
            rates.append(done / (time.perf_counter() - start))
            cpu.append((time.process_time() - cpu_start) * 1000 / done)
        return rates, cpu

    train(args.warmup)
    train_rates, train_cpu = repeat(lambda: train(args.batches))
    train_loss = state["loss"].item() / state["seen"]
    evaluate()
    eval_rates, _ = repeat(evaluate)
    print(json.dumps({
        "engine_version": f"PyTorch {torch.__version__}",
        "threads": torch.get_num_threads(),
        "parameters": sum(p.numel() for p in model.parameters()),
        "images_per_s_runs": train_rates,
        "eval_images_per_s_runs": eval_rates,
        "cpu_ms_per_image_runs": train_cpu,
        "peak_rss_mb": peak_rss_mb(),
        "train_loss": train_loss,
    }))


if __name__ == "__main__":
    main()
