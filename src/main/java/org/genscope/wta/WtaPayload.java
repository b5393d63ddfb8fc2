package org.genscope.wta;

/**
 * What the app shows of a training winner-take-all autoencoder, immutable (arrays copied in and out), built on
 * the training thread from the live model. The reconstruction-error curves are the job's own
 * ({@code train.Snapshot.trainCurve()/validationCurve()}: mean squared error per pixel).
 *
 * @param config         the model's configuration at that moment (k and spatial may change between runs)
 * @param filters        the decoder's filters, one tile per code unit: 28×28 for FC, 11×11 for conv
 * @param winRate        per code unit (FC) or feature map (conv): the fraction of the probe batch in which it won
 *                       and was active (its value after the rules &gt; 0)
 * @param usage          per unit: its mean activation after the rules over the probe batch (what "sort by usage"
 *                       sorts by; 0 for a dead unit)
 * @param probeSize      images in the probe batch (a fixed batch of held-out images; lifetime sparsity needs a batch)
 * @param image          the probe batch's first image, H×W, values in [0, 1]
 * @param reconstruction its reconstruction with the rules as in training
 * @param codeRows       FC: 1; conv: H (a feature map's height)
 * @param codeCols       FC: 1; conv: W
 * @param codeBefore     that image's code before the rules: units (FC) or maps × H × W (conv), ReLU outputs
 * @param codeAfter      the same after the rules (zero except at the winners)
 * @param winners        true where the rules kept an active value (codeAfter &gt; 0)
 */
public record WtaPayload(WtaConfig config, Filters filters, float[] winRate, float[] usage, int probeSize,
                         float[] image, float[] reconstruction, int codeRows, int codeCols, float[] codeBefore,
                         float[] codeAfter, boolean[] winners) {
    public WtaPayload {
        winRate = winRate.clone();
        usage = usage.clone();
        image = image.clone();
        reconstruction = reconstruction.clone();
        codeBefore = codeBefore.clone();
        codeAfter = codeAfter.clone();
        winners = winners.clone();
    }

    /** Code units (FC) or feature maps (conv). */
    public int codeUnits() {
        return winRate.length;
    }

    @Override
    public float[] winRate() {
        return winRate.clone();
    }

    @Override
    public float[] usage() {
        return usage.clone();
    }

    @Override
    public float[] image() {
        return image.clone();
    }

    @Override
    public float[] reconstruction() {
        return reconstruction.clone();
    }

    @Override
    public float[] codeBefore() {
        return codeBefore.clone();
    }

    @Override
    public float[] codeAfter() {
        return codeAfter.clone();
    }

    @Override
    public boolean[] winners() {
        return winners.clone();
    }
}
