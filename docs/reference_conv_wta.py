"""PyTorch reference for the README's convolution rows: forward + backward of the Conv-WTA network.

The network of `genscope bench --only conv` (cli/ConvBench.java): conv 1->M 5x5 (same padding), ReLU, conv M->M
5x5, ReLU, transposed conv M->1 11x11 (padding 5), mean squared error against the input, a batch of 100 28x28
images, dense gradients (no sparsity rules). Two warm-up steps, then the median of REPS timed steps.

    python3 docs/reference_conv_wta.py THREADS MAPS [REPS]     # e.g. 2 128 5 and 1 32 9; Debian's python3-torch 1.13
"""
import sys
import time

import torch
from torch import nn

threads, maps = int(sys.argv[1]), int(sys.argv[2])
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
torch.set_num_threads(threads)
torch.manual_seed(1)
net = nn.Sequential(nn.Conv2d(1, maps, 5, padding=2), nn.ReLU(), nn.Conv2d(maps, maps, 5, padding=2), nn.ReLU(),
                    nn.ConvTranspose2d(maps, 1, 11, padding=5))
x = torch.rand(100, 1, 28, 28)


def step():
    net.zero_grad()
    ((net(x) - x) ** 2).mean().backward()


step()
step()
times = []
for _ in range(reps):
    t0 = time.perf_counter()
    step()
    times.append(time.perf_counter() - t0)
times.sort()
print(f"torch {torch.__version__}, {threads} threads, {maps} maps: forward + backward median {times[reps // 2] * 1e3:.1f} ms"
      f" (min {times[0] * 1e3:.1f}, max {times[-1] * 1e3:.1f})")
