package org.genscope.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.ejml.data.FMatrixRMaj;
import org.genscope.Quoted;
import org.genscope.nn.Rng;

/**
 * The 2-D toy densities of the flow literature (Grathwohl et al. 2019, FFJORD; Johnson et al. 2016 for the
 * pinwheel; scikit-learn for moons, circles and the swiss roll), each a seeded sampler. All fit in about
 * [−3, 3]². {@code noise} is σ of an added Gaussian N(0, σ²I) unless stated; each point's mixture component (arm,
 * ring, mode, moon) is drawn uniformly at random (rings: proportional to circumference) and kept as its label.
 */
public enum Toy2D {
    /** Two interleaving half circles (sklearn make_moons), centred at the origin, scaled ×2. Labels: moon 0/1. */
    MOONS("moons", "two interleaving half circles") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            int k = rng.nextInt(2);
            double t = Math.PI * rng.nextDouble();
            // outer: (cos t, sin t); inner: (1 − cos t, 1/2 − sin t); then centre by (1/2, 1/4)
            p[0] = 2 * ((k == 0 ? Math.cos(t) : 1 - Math.cos(t)) - 0.5);
            p[1] = 2 * ((k == 0 ? Math.sin(t) : 0.5 - Math.sin(t)) - 0.25);
            return k;
        }
    },
    /**
     * Eight Gaussians N(c_k, σ²I), σ = noise, at c_k = r(cos 2πk/8, sin 2πk/8), r = {@link #EIGHT_GAUSSIANS_RADIUS},
     * equally weighted. Adjacent centres are 2r·sin(π/8) ≈ 1.53 apart, so for σ ≤ 0.2 the modes barely overlap and
     * the entropy is ln 8 + ln(2πeσ²) to within 1e-6 nats. Labels: mode k.
     */
    EIGHT_GAUSSIANS("8gaussians", "8 Gaussians on a circle of radius 2") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            int k = rng.nextInt(8);
            p[0] = EIGHT_GAUSSIANS_RADIUS * Math.cos(2 * Math.PI * k / 8);
            p[1] = EIGHT_GAUSSIANS_RADIUS * Math.sin(2 * Math.PI * k / 8);
            return k;
        }
    },
    /**
     * Uniform over the 8 unit squares [−2+i, −1+i] × [−2+j, −1+j] with i + j even (i, j = 0..3) of a 4×4 board on
     * [−2, 2]²: total area A = {@link #CHECKERBOARD_AREA} = 8, density 1/8 there, entropy ln A = ln 8.
     * No noise is added (the density stays exactly uniform); the label is the square 0..7.
     */
    CHECKERBOARD("checkerboard", "uniform over 8 squares of a 4×4 board") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            int k = rng.nextInt(8);
            int i = k / 2;                  // column 0..3
            int j = 2 * (k % 2) + (i % 2);  // a row with i + j even
            p[0] = -2 + i + rng.nextDouble();
            p[1] = -2 + j + rng.nextDouble();
            return k;
        }

        @Override
        boolean noisy() {
            return false;
        }
    },
    /**
     * Five curved arms (Johnson et al. 2016): f = (1 + 0.3ε₁, σε₂), angle θ = 2πk/5 + 0.25·exp(f₁), point
     * 2·R(θ)f. Here noise is the tangential σ; the radial spread 0.3 is fixed. Labels: arm k.
     */
    PINWHEEL("pinwheel", "five curved arms") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            int k = rng.nextInt(5);
            double f0 = 1 + 0.3 * rng.nextGaussian();
            double f1 = noise * rng.nextGaussian();
            double a = 2 * Math.PI * k / 5 + 0.25 * Math.exp(f0);
            p[0] = 2 * (Math.cos(a) * f0 - Math.sin(a) * f1);
            p[1] = 2 * (Math.sin(a) * f0 + Math.cos(a) * f1);
            return k;
        }

        @Override
        boolean noisy() {
            return false;    // noise already entered as the tangential spread
        }
    },
    /** Two interleaved spirals: t = 3π√u, arm 0 at (−t cos t, t sin t)/3, arm 1 its mirror through 0. */
    SPIRALS("2spirals", "two interleaved spirals") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            int k = rng.nextInt(2);
            double t = 3 * Math.PI * Math.sqrt(rng.nextDouble());
            double s = k == 0 ? 1 : -1;
            p[0] = s * -t * Math.cos(t) / 3;
            p[1] = s * t * Math.sin(t) / 3;
            return k;
        }
    },
    /** Four concentric rings of radius 0.5, 1, 1.5, 2, uniform along their total length. Labels: ring 0..3. */
    RINGS("rings", "four concentric rings") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            // P(ring k) ∝ r_k = 0.5(k+1): cumulative 1, 3, 6, 10 out of 10
            int u = rng.nextInt(10);
            int k = u < 1 ? 0 : u < 3 ? 1 : u < 6 ? 2 : 3;
            onCircle(0.5 * (k + 1), rng, p);
            return k;
        }
    },
    /** Two concentric circles (sklearn make_circles, factor 0.5) of radius 2 and 1, equally weighted. */
    CIRCLES("circles", "two concentric circles") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            int k = rng.nextInt(2);
            onCircle(k == 0 ? 2 : 1, rng, p);
            return k;
        }
    },
    /** The 2-D swiss roll (sklearn make_swiss_roll, x–z plane): t = 1.5π(1 + 2u), (t cos t, t sin t)/5. No labels. */
    SWISS_ROLL("swissroll", "a 2-D swiss roll") {
        @Override
        int point(Rng rng, double noise, double[] p) {
            double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
            p[0] = t * Math.cos(t) / 5;
            p[1] = t * Math.sin(t) / 5;
            return -1;
        }
    };

    /** Radius r of the circle the eight Gaussians sit on. */
    public static final double EIGHT_GAUSSIANS_RADIUS = 2.0;
    /** Total area A of the checkerboard's eight unit squares. */
    public static final double CHECKERBOARD_AREA = 8.0;

    private final String id;
    private final String description;

    Toy2D(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Writes one noise-free point into p[0..1]; returns its component label, or −1 if it has none. */
    abstract int point(Rng rng, double noise, double[] p);

    /** A uniform point on the circle of radius r: (r cos a, r sin a), a ~ U[0, 2π). */
    private static void onCircle(double r, Rng rng, double[] p) {
        double a = 2 * Math.PI * rng.nextDouble();
        p[0] = r * Math.cos(a);
        p[1] = r * Math.sin(a);
    }

    /** Whether {@code noise} is added as isotropic Gaussian noise after {@link #point}. */
    boolean noisy() {
        return true;
    }

    /** The name used by the CLI and UI, e.g. {@code 8gaussians}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** {@code n} points (n × 2) with component labels where the density has components; same seed, same data. */
    public Dataset generate(int n, double noise, long seed) {
        if (n < 0 || noise < 0 || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("need n ≥ 0 and a finite noise ≥ 0: n=" + n + ", noise=" + noise);
        }
        Rng rng = new Rng(seed);
        FMatrixRMaj x = new FMatrixRMaj(n, 2);
        int[] labels = new int[n];
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            labels[i] = point(rng, noise, p);
            if (noisy()) {
                p[0] += noise * rng.nextGaussian();
                p[1] += noise * rng.nextGaussian();
            }
            x.data[2 * i] = (float) p[0];
            x.data[2 * i + 1] = (float) p[1];
        }
        String source = String.format(Locale.ROOT, "toy %s (n=%d, noise=%s, seed=%d)", id, n, noise, seed);
        return new Dataset(id, source, x, this == SWISS_ROLL ? null : labels, 0, 0);
    }

    /**
     * The differential entropy in nats where a closed form exists: 8 Gaussians ln 8 + ln(2πeσ²) (exact in the
     * limit of separated modes, see {@link #EIGHT_GAUSSIANS}), checkerboard ln A (exact).
     */
    public OptionalDouble entropy(double noise) {
        return switch (this) {
            case EIGHT_GAUSSIANS -> OptionalDouble.of(Math.log(8) + Math.log(2 * Math.PI * Math.E * noise * noise));
            case CHECKERBOARD -> OptionalDouble.of(Math.log(CHECKERBOARD_AREA));
            default -> OptionalDouble.empty();
        };
    }

    /** The toy with this id (case-insensitive; the enum name works too). */
    public static Toy2D byName(String name) {
        for (Toy2D t : values()) {
            if (t.id.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) return t;
        }
        throw new IllegalArgumentException("unknown toy dataset " + Quoted.of(name) + "; known: " + names());
    }

    /** All ids, comma-separated, for help texts. */
    public static String names() {
        return Arrays.stream(values()).map(Toy2D::id).collect(Collectors.joining(", "));
    }
}
