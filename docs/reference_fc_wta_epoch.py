"""PyTorch reference for the README's FC-WTA speed row: one training epoch of the paper's FC-WTA.

The workload of `genscope bench --only wta` (cli/WtaEpochBench.java): 784-2000-784, ReLU encoder, lifetime
sparsity k = 5% on the hidden layer (each unit keeps its ceil(k% * batch) = 5 largest activations across the
mini-batch, gradients through the winners only), linear decoder, mean squared error, Adam 1e-3, shuffled
mini-batches of 100 over 50,000 binarized-MNIST-like images (random 0/1 pixels: the speed does not depend on
the values). Prints the epoch's wall time and GFLOP/s counting the five GEMMs of a step, 784 GFLOP an epoch.

    python3 docs/reference_fc_wta_epoch.py [THREADS]      # Debian's python3-torch (1.13) here
"""
import sys
import time

import torch

threads = int(sys.argv[1]) if len(sys.argv) > 1 else torch.get_num_threads()
torch.set_num_threads(threads)
torch.manual_seed(42)
n, d, hidden, batch, k = 50_000, 784, 2000, 100, 5
x = (torch.rand(n, d) < 0.13).float()
encoder = torch.nn.Linear(d, hidden)
decoder = torch.nn.Linear(hidden, d)
adam = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3)


def step(b):
    h = torch.relu(encoder(b))
    winners = torch.zeros_like(h).scatter_(0, h.topk(k, dim=0).indices, 1.0)   # lifetime rule per unit
    loss = ((decoder(h * winners) - b) ** 2).mean()
    adam.zero_grad(set_to_none=True)
    loss.backward()
    adam.step()
    return loss


for i in range(5):                       # warm-up: allocator, kernels
    step(x[i * batch:(i + 1) * batch])
order = torch.randperm(n)
t0 = time.perf_counter()
for s in range(n // batch):
    step(x[order[s * batch:(s + 1) * batch]])
seconds = time.perf_counter() - t0
flops = 5 * 2 * batch * d * hidden * (n // batch)
print(f"torch {torch.__version__}, {threads} threads: FC-WTA epoch {seconds:.2f} s ({flops / seconds / 1e9:.0f} GFLOP/s)")
