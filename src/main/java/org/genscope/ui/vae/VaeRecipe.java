package org.genscope.ui.vae;

import org.genscope.nn.OptimizerKind;

/**
 * The settings a data choice or a preset starts from, picked so that a class sees a convincing VAE within about a
 * minute on two cores (measured with {@code genscope train vae} on this machine class, under load):
 * <ul>
 *   <li>binarized MNIST, the IWAE paper's 784-200-200-(50) tanh network, 10 epochs of 50,000 at batch 100: about
 *       4 s an epoch; the samples are recognisable digits after 3;</li>
 *   <li>the labelled sample (9,000 training digits), a 2-D latent space, 40 epochs: about 20 s, test −ELBO ≈ 150
 *       nats, and the digit classes already lie in separate regions of the plane;</li>
 *   <li>2-D points, 64-64 tanh, 2 latent units, a Gaussian decoder, 60 epochs: about 6 s.</li>
 * </ul>
 *
 * @param hidden       hidden sizes as typed in the side panel (both networks; see {@link VaeSettings#widths})
 * @param activation   the hidden nonlinearity of both networks
 * @param latent       L
 * @param samples      S, draws of z per example and step
 * @param beta         the KL weight β
 * @param warmup       KL warm-up steps (0: none)
 * @param optimizer    the optimizer
 * @param learningRate its step size
 * @param epochs       passes over the training split
 * @param batch        examples per step
 */
record VaeRecipe(String hidden, String activation, int latent, int samples, double beta, int warmup,
                 OptimizerKind optimizer, double learningRate, int epochs, int batch) {
    static final VaeRecipe BINARIZED_MNIST = new VaeRecipe("200, 200", "tanh", 50, 1, 1, 0, OptimizerKind.ADAM, 1e-3, 10, 100);
    static final VaeRecipe LABELLED_MNIST = new VaeRecipe("200, 200", "tanh", 2, 1, 1, 0, OptimizerKind.ADAM, 1e-3, 40, 100);
    static final VaeRecipe POINTS = new VaeRecipe("64, 64", "tanh", 2, 1, 1, 0, OptimizerKind.ADAM, 3e-3, 60, 100);

    VaeRecipe withBeta(double b, int warmupSteps) {
        return new VaeRecipe(hidden, activation, latent, samples, b, warmupSteps, optimizer, learningRate, epochs, batch);
    }

    VaeRecipe withLatent(int l) {
        return new VaeRecipe(hidden, activation, l, samples, beta, warmup, optimizer, learningRate, epochs, batch);
    }
}
