#!/usr/bin/env python3
"""Genscope reference reader: the log-likelihoods of a saved MADE or flow, the ELBO of a saved VAE, and a
winner-take-all autoencoder's reconstruction error, rebuilt with NumPy alone.

Written from docs/model-files.md (the format, the tensor names and the formulas there), not from Genscope's
code, so it checks that a model file says everything needed to use the model. Computes in float64.

    python3 docs/reference_reader.py MODEL.safetensors [DATA.csv | DATA.npy] [--ensemble N] [--each]
    python3 docs/reference_reader.py VAE.safetensors [DATA] [--samples S] [--k K] [--seed N] [--each]

prints the mean negative log-likelihood in nats per example of the data (MADE: with mask 0, and with the
ensemble of the first N masks, default all K, when K > 1). Without DATA, a model trained on binarized MNIST is
evaluated on sample-data's test set. --each prints log p(x) of every example instead, one per line (mask 0).
For a VAE it prints the mean ELBO = E_q[log p(x|z)] − KL with S samples of z per example (NumPy's own random
numbers, so it agrees with Genscope's figure within Monte Carlo error) and, with --k K, the importance-sampled
log-likelihood log (1/K) Σ p(x, z_i)/q(z_i|x); --each prints, per example, the closed-form KL and log p(x | z = μ(x)),
which involve no random numbers and agree with Genscope's to rounding.
For a winner-take-all autoencoder (model.kind wta) it prints the reconstruction error, the mean squared error per
pixel with the winner-take-all rules applied to consecutive batches of 100, as in training; without DATA on the
MNIST test set t10k (grey levels / 255).
"""
import math
import argparse
import gzip
import json
import struct
import sys
from pathlib import Path

import numpy as np

DTYPES = {"F32": "<f4", "F64": "<f8", "I32": "<i4", "I64": "<i8", "U8": "u1"}
HALF_LOG_2PI = 0.5 * np.log(2 * np.pi)
ACTIVATIONS = {
    "relu": lambda a: np.maximum(a, 0),
    "tanh": np.tanh,
    "sigmoid": lambda a: 0.5 * (1 + np.tanh(a / 2)),
    "elu": lambda a: np.where(a > 0, a, np.expm1(np.minimum(a, 0))),
    "leakyrelu": lambda a: np.where(a > 0, a, 0.01 * a),
    "softplus": lambda a: np.logaddexp(0, a),
}


def load(path):
    """(metadata, {name: float64 array}) of a safetensors file: u64 header length, JSON header, raw tensors."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        raw = np.frombuffer(data[begin:end], dtype=DTYPES[info["dtype"]])
        tensors[name] = raw.reshape(info["shape"]).astype(np.float64)
    return meta, tensors


LABEL_COLUMNS = {"label", "labels", "class", "y_label"}    # class labels, never modelled (docs/model-files.md)


def read_data(path):
    """Rows of a CSV (optional header line; a label column dropped) or NPY file, as float64."""
    if str(path).endswith(".npy"):
        a = np.load(path).astype(np.float64)
        return a.reshape(len(a), -1) if a.ndim > 1 else a.reshape(-1, 1)
    rows = [line for line in Path(path).read_text().splitlines() if line.strip() and not line.startswith("#")]
    keep = None
    try:
        [float(v) for v in rows[0].split(",")]
    except ValueError:
        names = [v.strip().strip('"').strip().lower() for v in rows[0].split(",")]
        keep = [j for j, name in enumerate(names) if name not in LABEL_COLUMNS]
        rows = rows[1:]                                        # a header line
    x = np.array([[float(v) for v in r.split(",")] for r in rows])
    return x if keep is None else x[:, keep]


def read_idx_images(path):
    """A (gzip) IDX file of N images: magic 00 00 08 03, big-endian dims, unsigned bytes."""
    raw = gzip.open(path).read()
    dims = struct.unpack(">" + "I" * raw[3], raw[4:4 + 4 * raw[3]])
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * raw[3]).reshape(dims[0], -1).astype(np.float64)


def logsumexp(a, axis):
    top = np.max(a, axis=axis, keepdims=True)
    return np.squeeze(top, axis) + np.log(np.sum(np.exp(a - top), axis=axis))


# ---- MADE (Germain et al. 2015) ----

def made_masks(m0, degrees, groups):
    """In×out masks, eq. 12/13: hidden M[j, k] = [m^l(k) >= m^{l-1}(j)], output M[k, p·D + d] = [m0(d) > m^L(k)],
    direct M[j, p·D + d] = [m0(d) > m0(j)], the output and direct ones repeated for each of the P groups."""
    below = [m0] + degrees
    hidden = [(above[None, :] >= lower[:, None]).astype(float) for lower, above in zip(below[:-1], below[1:])]
    output = np.tile((m0[None, :] > below[-1][:, None]).astype(float), (1, groups))
    direct = np.tile((m0[None, :] > m0[:, None]).astype(float), (1, groups))
    return hidden + [output], direct


def made_net(t, prefix, x, masks, direct, act):
    """θ = h^L·(V∘M^V) + c [+ x·(A∘M^A)],  h^l = g(h^{l−1}·(W^l∘M^l) + b^l),  h⁰ = x."""
    h = x
    for l, m in enumerate(masks[:-1], start=1):
        h = act(h @ (t[f"{prefix}hidden{l}.weight"] * m) + t[f"{prefix}hidden{l}.bias"])
    theta = h @ (t[prefix + "output.weight"] * masks[-1]) + t[prefix + "output.bias"]
    if direct is not None:
        theta = theta + x @ (t[prefix + "direct.weight"] * direct)
    return theta


def made_log_likelihoods(meta, t, x, mask):
    """log p(x) per row under mask k: Σ_d log p(x_d | θ_d) for Bernoulli, Gaussian or mixture conditionals."""
    d = int(meta["made.inputs"])
    kind, k = meta["made.conditional"], int(meta["made.components"])
    groups = {"bernoulli": 1, "gaussian": 2, "mixture": 3 * k}[kind]
    m0 = t["made.ordering"][mask]
    widths = [w for w in meta["made.hidden"].split(",") if w]
    degrees = [t[f"made.degrees{l}"][mask] for l in range(1, len(widths) + 1)]
    masks, direct = made_masks(m0, degrees, groups)
    use_direct = meta["made.direct"] == "true"
    theta = made_net(t, "", x, masks, direct if use_direct else None, ACTIVATIONS[meta["made.activation"]])
    if kind == "bernoulli":                                   # −log p = softplus(l) − x·l
        return -np.sum(np.logaddexp(0, theta) - x * theta, axis=1)
    if kind == "gaussian":                                    # p = 0 is μ, p = 1 is log σ
        mu, s = theta[:, :d], theta[:, d:]
        return np.sum(-HALF_LOG_2PI - s - 0.5 * ((x - mu) * np.exp(-s)) ** 2, axis=1)
    g = theta.reshape(len(x), 3, k, d)                        # logits, means, log σ; each K groups of D
    log_pi = g[:, 0] - logsumexp(g[:, 0], 1)[:, None, :]
    log_n = -HALF_LOG_2PI - g[:, 2] - 0.5 * ((x[:, None, :] - g[:, 1]) * np.exp(-g[:, 2])) ** 2
    return np.sum(logsumexp(log_pi + log_n, 1), axis=1)


# ---- flows ----

def parse_layers(text):
    """'actnorm,realnvp:64-64*8' → [(kind, [widths]), ...] with repeats expanded."""
    out = []
    for part in text.split(","):
        spec, _, times = part.strip().partition("*")
        kind, _, widths = spec.partition(":")
        out += [(kind.strip(), [int(w) for w in widths.split("-") if w])] * int(times or 1)
    return out


def mlp(t, prefix, x, depth, act):
    """A coupling's network: hidden layers with the activation, then a linear output layer (W in×out)."""
    h = x
    for l in range(1, depth + 1):
        h = act(h @ t[f"{prefix}hidden{l}.weight"] + t[f"{prefix}hidden{l}.bias"])
    return h @ t[prefix + "output.weight"] + t[prefix + "output.bias"]


def flow_log_likelihoods(meta, t, x):
    """log p(x) = log p_Z(f(x)) + log|det ∂f/∂x|, f the layers in forward (data → base) order."""
    d, bound = int(meta["flow.dimension"]), float(meta["flow.scale_bound"])
    act = ACTIVATIONS[meta["flow.activation"]]
    z, log_det = x.copy(), np.zeros(len(x))
    couplings = autoregressive = 0

    def scale(p, bias):                                       # z = x ∘ exp(s) (+ b), log|det| = Σ s
        nonlocal z, log_det
        z = z * np.exp(t[p + "log_scale"][0]) + (t[p + "bias"][0] if bias else 0)
        log_det = log_det + t[p + "log_scale"].sum()

    def linear(p):                                            # z = x·W, W = P·L·(U + diag(sign ∘ exp(log_s)))
        nonlocal z, log_det
        perm = np.zeros((d, d))
        perm[np.arange(d), t[p + "permutation"][0].astype(int)] = 1
        lower = np.tril(t[p + "lower"], -1) + np.eye(d)
        upper = np.triu(t[p + "upper"], 1) + np.diag(t[p + "sign"][0] * np.exp(t[p + "log_s"][0]))
        z = z @ (perm @ lower @ upper)
        log_det = log_det + t[p + "log_s"].sum()

    def coupling(p, hidden, affine, parity):                  # the j-th coupling conditions on v with v + j even
        nonlocal z, log_det
        cond = [v for v in range(d) if (v + parity) % 2 == 0]
        trans = [v for v in range(d) if (v + parity) % 2 == 1]
        theta = mlp(t, p + "net.", z[:, cond], len(hidden), act)
        if affine:                                            # z_b = x_b ∘ exp(s) + t, s = B·tanh(ŝ/B)
            s = bound * np.tanh(theta[:, :len(trans)] / bound)
            z[:, trans] = z[:, trans] * np.exp(s) + theta[:, len(trans):]
            log_det = log_det + s.sum(axis=1)
        else:                                                 # z_b = x_b + m(x_a)
            z[:, trans] = z[:, trans] + theta

    def made_shift_scale(p, hidden, reverse, c):              # μ, α = B·tanh(α̂/B) from the layer's MADE
        m0 = (d - np.arange(d) if reverse else np.arange(1, d + 1)).astype(float)
        degrees = [1.0 + np.arange(h) % (d - 1) for h in hidden]      # MADE's "even" degrees
        masks, _ = made_masks(m0, degrees, 2)
        theta = made_net(t, p + "made.", c, masks, None, act)
        return theta[:, :d], bound * np.tanh(theta[:, d:] / bound), np.argsort(m0)

    for k, (kind, hidden) in enumerate(parse_layers(meta["flow.layers"])):
        p = f"layer{k}."
        if kind in ("scale", "actnorm"):
            scale(p, kind == "actnorm")
        elif kind == "linear":
            linear(p)
        elif kind in ("nice", "realnvp"):
            coupling(p, hidden, kind == "realnvp", couplings)
            couplings += 1
        elif kind == "glow":                                  # ActNorm, LU linear map, affine coupling
            scale(p + "actnorm.", True)
            linear(p + "linear.")
            coupling(p + "coupling.", hidden, True, couplings)
            couplings += 1
        elif kind in ("maf", "iaf"):                          # even layers: natural order, odd: reversed
            reverse = autoregressive % 2 == 1
            autoregressive += 1
            if kind == "maf":                                 # z_i = (x_i − μ_i(x_<i)) e^{−α_i(x_<i)}
                mu, alpha, _ = made_shift_scale(p, hidden, reverse, z)
                z = (z - mu) * np.exp(-alpha)
            else:                                             # z_i = (x_i − μ_i(z_<i)) e^{−α_i(z_<i)}, in order
                u = np.zeros_like(z)
                for i in made_shift_scale(p, hidden, reverse, u)[2]:
                    mu, alpha, _ = made_shift_scale(p, hidden, reverse, u)
                    u[:, i] = (z[:, i] - mu[:, i]) * np.exp(-alpha[:, i])
                mu, alpha, _ = made_shift_scale(p, hidden, reverse, u)
                z = u
            log_det = log_det - alpha.sum(axis=1)
        elif kind == "reverse":                               # z_j = x_{D−1−j}
            z = z[:, ::-1].copy()
        elif kind == "shuffle":                               # z_j = x_{π(j)}
            z = z[:, t[p + "permutation"][0].astype(int)]
        else:
            raise SystemExit(f"unknown layer kind {kind!r}")
    if meta["flow.learnable_base"] == "true":                 # N(μ, diag σ²), ℓ = log σ
        mean, log_std = t["base.mean"][0], t["base.log_std"][0]
    else:
        mean, log_std = np.zeros(d), np.zeros(d)
    log_pz = np.sum(-0.5 * ((z - mean) * np.exp(-log_std)) ** 2 - log_std - HALF_LOG_2PI, axis=1)
    return log_pz + log_det


def keep_count(k_percent, batch):
    """n_keep = ceil(k/100 · B), at least 1 and at most B (5% of 100 is exactly 5)."""
    return max(1, min(batch, math.ceil(k_percent * batch / 100.0 - 1e-9)))


def lifetime(h, units, k_percent):
    """Per unit (column group), the n_keep examples with the largest value win; ties go to the earlier example."""
    b = h.shape[0]
    g = h.reshape(b, units, -1)
    scores = g.max(axis=2)
    keep = np.zeros((b, units), dtype=bool)
    n = keep_count(k_percent, b)
    for u in range(units):
        keep[np.argsort(-scores[:, u], kind="stable")[:n], u] = True
    return (g * keep[:, :, None]).reshape(h.shape)


def spatial(h, maps):
    """Within each feature map of each example, only the largest value survives (the first on ties)."""
    b = h.shape[0]
    g = h.reshape(b * maps, -1)
    out = np.zeros_like(g)
    idx = np.argmax(g, axis=1)
    out[np.arange(len(g)), idx] = g[np.arange(len(g)), idx]
    return out.reshape(h.shape)


def conv_same(x, w, bias, k):
    """y[b,o,i,j] = bias[o] + Σ_{c,u,v} W[o,c,u,v] · x[b,c,i−p+u, j−p+v], zero padding p = (k − 1)/2."""
    b, c, hh, ww = x.shape
    p = (k - 1) // 2
    w = w.reshape(w.shape[0], c, k, k)
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    y = np.zeros((b, w.shape[0], hh, ww)) + bias.reshape(1, -1, 1, 1)
    for u in range(k):
        for v in range(k):
            y += np.einsum("oc,bchw->bohw", w[:, :, u, v], xp[:, :, u:u + hh, v:v + ww])
    return y


def deconv_same(x, w, bias, k, out_channels):
    """y[b,o,h−p+u, w−p+v] += W[c,o,u,v] · x[b,c,h,w] (+ bias[o]): the transposed convolution, padding p."""
    b, c, hh, ww = x.shape
    p = (k - 1) // 2
    w = w.reshape(c, out_channels, k, k)
    y = np.zeros((b, out_channels, hh + k - 1, ww + k - 1))
    for u in range(k):
        for v in range(k):
            y[:, :, u:u + hh, v:v + ww] += np.einsum("co,bchw->bohw", w[:, :, u, v], x)
    return y[:, :, p:p + hh, p:p + ww] + bias.reshape(1, -1, 1, 1)


def wta_reconstruction_error(meta, t, x):
    """Mean squared error per pixel of the reconstructions, rules on, in batches of 100 (docs: "Winner-take-all")."""
    hidden = [int(v) for v in meta["wta.hidden"].split(",")]
    k_percent = float(meta["wta.k_percent"])
    rows, cols = (int(v) for v in meta["wta.image"].split("x"))
    total = 0.0
    for start in range(0, len(x), 100):
        xb = x[start:start + 100]
        if meta["wta.kind"] == "fc":
            h = xb
            for l in range(1, len(hidden) + 1):
                h = np.maximum(h @ t[f"encoder{l}.weight"] + t[f"encoder{l}.bias"], 0)
            if k_percent < 100:
                h = lifetime(h, hidden[-1], k_percent)
            xhat = h @ t["decoder.weight"] + t["decoder.bias"]
        else:
            ek, dk = int(meta["wta.encoder_kernel"]), int(meta["wta.decoder_kernel"])
            h = xb.reshape(len(xb), 1, rows, cols)
            for l in range(1, len(hidden) + 1):
                h = np.maximum(conv_same(h, t[f"conv{l}.weight"], t[f"conv{l}.bias"], ek), 0)
            flat = h.reshape(len(xb), -1)
            if meta["wta.spatial"] == "true":
                flat = spatial(flat, hidden[-1])
            if k_percent < 100:
                flat = lifetime(flat, hidden[-1], k_percent)
            xhat = deconv_same(flat.reshape(h.shape), t["deconv.weight"], t["deconv.bias"], dk, 1).reshape(len(xb), -1)
        total += np.sum((xhat - xb) ** 2)
    return total / x.size


# ---- VAE (Kingma & Welling 2014) ----

def vae_posterior(meta, t, x):
    """q(z|x) = N(μ, diag e^v): [μ | v] = the encoder MLP's output, v = log σ²."""
    depth = len([w for w in meta["vae.encoder_hidden"].split(",") if w])
    out = mlp(t, "encoder.", x, depth, ACTIVATIONS[meta["vae.encoder_activation"]])
    latent = int(meta["vae.latent"])
    return out[:, :latent], out[:, latent:]


def vae_log_likelihood_given(meta, t, x, z):
    """log p(x|z) per row: Bernoulli logits l (Σ x·l − softplus(l)) or a Gaussian with [μ | log σ²]."""
    depth = len([w for w in meta["vae.decoder_hidden"].split(",") if w])
    theta = mlp(t, "decoder.", z, depth, ACTIVATIONS[meta["vae.decoder_activation"]])
    if meta["vae.decoder"] == "bernoulli":
        return -np.sum(np.logaddexp(0, theta) - x * theta, axis=1)
    d = x.shape[1]
    mu, v = theta[:, :d], theta[:, d:]
    return -0.5 * np.sum(np.log(2 * np.pi) + v + (x - mu) ** 2 * np.exp(-v), axis=1)


def vae_kl(mu, v):
    """KL(q ‖ N(0, I)) = ½ Σ (μ² + σ² − 1 − log σ²), closed form (appendix B)."""
    return 0.5 * np.sum(mu ** 2 + np.exp(v) - 1 - v, axis=1)


def vae_report(meta, t, x, samples, k, seed):
    """Mean ELBO with its two terms (S samples per example) and, if k > 0, the importance-sampled log p(x)."""
    rng = np.random.default_rng(seed)
    mu, v = vae_posterior(meta, t, x)
    sigma = np.exp(0.5 * v)
    kl = vae_kl(mu, v)
    rec = np.zeros(len(x))
    for _ in range(samples):                                  # z = μ + σ ⊙ ε
        rec += vae_log_likelihood_given(meta, t, x, mu + sigma * rng.standard_normal(mu.shape)) / samples
    print(f"ELBO {np.mean(rec - kl):.6f} nats = reconstruction {np.mean(rec):.6f} − KL {np.mean(kl):.6f} "
          f"({samples} samples of z per example)")
    if k > 0:                                                 # log w = log p(x|z) + log p(z) − log q(z|x)
        ll = np.zeros(len(x))
        for n in range(len(x)):
            eps = rng.standard_normal((k, mu.shape[1]))
            z = mu[n] + sigma[n] * eps
            log_w = (vae_log_likelihood_given(meta, t, np.repeat(x[n:n + 1], k, axis=0), z)
                     - 0.5 * np.sum(z ** 2 - eps ** 2 - v[n], axis=1))
            ll[n] = logsumexp(log_w, 0) - np.log(k)
        print(f"log p(x) ≈ {np.mean(ll):.6f} nats (importance sampled, k = {k})")


def main(argv):
    cli = argparse.ArgumentParser(description="Mean NLL (nats per example) of data under a Genscope model file.")
    cli.add_argument("model")
    cli.add_argument("data", nargs="?", help="CSV or NPY; default: the model's binarized MNIST test set")
    cli.add_argument("--ensemble", type=int, help="MADE: average the first N masks (default: all K)")
    cli.add_argument("--each", action="store_true",
                     help="print log p(x) of every example instead (mask 0); VAE: KL and log p(x | z = μ) of each")
    cli.add_argument("--samples", type=int, default=100, help="VAE: samples of z per example for the ELBO")
    cli.add_argument("--k", type=int, default=0, help="VAE: importance samples per example for log p(x) (0: none)")
    cli.add_argument("--seed", type=int, default=1, help="VAE: seed of NumPy's generator")
    a = cli.parse_args(argv)
    meta, t = load(a.model)
    kind = meta.get("model.kind")
    if kind == "wta":
        if a.data:
            x = read_data(a.data)
        else:
            root = Path(__file__).resolve().parent.parent / "sample-data" / "mnist"
            x = read_idx_images(root / "t10k-images-idx3-ubyte.gz")
        if x.max() > 1:                                       # grey levels, as genscope eval wta scales them
            x = x / x.max()
        print(f"reconstruction error {wta_reconstruction_error(meta, t, x):.9g} per pixel")
        return
    if a.data:
        x = read_data(a.data)
    elif meta.get("data.name", "").startswith("binarized-mnist"):
        root = Path(__file__).resolve().parent.parent / "sample-data" / "binarized-mnist"
        x = read_idx_images(root / "binarized-mnist-test-images-idx3-ubyte.gz")
    else:
        raise SystemExit("give a data file (CSV or NPY): the model's data.name is " + repr(meta.get("data.name")))
    if kind == "made":
        ll = made_log_likelihoods(meta, t, x, 0)
        masks = int(meta["made.masks"])
        n = masks if a.ensemble is None else a.ensemble
        if a.each:
            print("\n".join(repr(float(v)) for v in ll))
            return
        print(f"NLL {-ll.mean():.6f} nats (mask 0)")
        if n > 1:                                             # log (1/K Σ_k p_k(x))
            per_mask = np.stack([made_log_likelihoods(meta, t, x, k) for k in range(n)])
            print(f"NLL {-(logsumexp(per_mask, 0) - np.log(n)).mean():.6f} nats (ensemble of {n} masks)")
    elif kind == "flow":
        ll = flow_log_likelihoods(meta, t, x)
        print("\n".join(repr(float(v)) for v in ll) if a.each else f"NLL {-ll.mean():.6f} nats")
    elif kind == "vae":
        if a.each:
            mu, v = vae_posterior(meta, t, x)
            kl, at_mean = vae_kl(mu, v), vae_log_likelihood_given(meta, t, x, mu)
            print("\n".join(f"{float(a)!r} {float(b)!r}" for a, b in zip(kl, at_mean)))
        else:
            vae_report(meta, t, x, a.samples, a.k, a.seed)
    else:
        raise SystemExit(f"{a.model}: model.kind {kind!r} is not made, flow, vae or wta")


if __name__ == "__main__":
    main(sys.argv[1:])
