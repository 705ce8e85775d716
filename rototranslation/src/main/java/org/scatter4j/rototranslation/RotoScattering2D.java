package org.scatter4j.rototranslation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.internal.LowPassOperator;
import org.scatter4j.scattering.internal.SparseFourierFilter;
import org.scatter4j.scattering.internal.SparseFourierKernels;
import org.scatter4j.scattering.engine.LaneBatchEngine;
import org.scatter4j.scattering.engine.Records;
import org.scatter4j.scattering.Float32Range;
import org.scatter4j.scattering.Float64Range;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.Float32Tables;
import org.scatter4j.wavelets.Padding;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;

/**
 * Roto-translation scattering (Sifre and Mallat, CVPR 2013; arXiv 1403.1687) of H x W grey images:
 * coefficients invariant to translations and rotations, computed on the padded grid, the
 * filters and the subsampling of Kymatio's translation scattering ({@code Scattering2D}).
 *
 * <p>With 2L orientations a pi / L over [0, 2 pi) (see {@link Orientations} for the map to
 * Kymatio's wavelets), the cascade is
 * <pre>
 *   S0           = mean(x)
 *   Y1_j1(u, a)  = |x * psi_{j1, a}|(u)                                 (Y1(., a + L) = Y1(., a))
 *   S1_j1        = mean_{u, a} Y1_j1(u, a)
 *   S2_j1,k      = mean_{u, a} |(Y1_j1 *_u phi_J) *_a psi_k|              (phi_J x psi_k, ScatNet)
 *   Z(u, a')     = (Y1_j1(., a') * psi_{j2, a' + a2})(u)                 (spatial step, j2 &gt; j1)
 *   Y2(u, a)     = sum_{a'} Z(u, a') f(a - a'),  f = phi or psi_k         (angular step)
 *   S2_j1,j2,a2,k = mean_{u, a} |Y2(u, a)|
 * </pre>
 * The spatial step needs only a' &lt; L: for a' &gt;= L, Z(., a') = conj(Z(., a' - L)) because Y1 is
 * real and psi_{b + L} = conj(psi_b). Its L^2 complex maps per (j1, j2) are exactly those of the
 * translation cascade before its second modulus (same subsampling: Y2 lives on the level-j2 grid;
 * same filters, except that the level-j1 versions of psi_{j2} are folded symmetrically at the coarse
 * Nyquist, see {@link SymmetricPeriodization}); the angular step is a length-2L FFT per pixel ({@link AngularConvolution}) with the
 * filters of {@link AngularFilterBank}. Paths: {@link RotoPath}; with global averaging there are
 * {@code 1 + J + J K + L (K + 1) J (J - 1) / 2} coefficients (341 for J = 5, L = 8, K = 3).
 *
 * <p>Averaging: {@link Averaging#GLOBAL} (one number per path) or {@link Averaging#WINDOW} (an H' x
 * W' map per path, H' = Hp / 2^J - 2 as Scattering2D). Options: {@link Builder#renormalize}
 * (ScatNet's renormalization: every order-2 coefficient divided by its parent S1_j1, pointwise for
 * window averaging; 0 / 0 gives 0) and {@link Builder#log} (log(S + eps) of every order 1 and 2
 * coefficient, after renormalization; S0, the mean of x, may be negative and stays linear; eps
 * defaults to {@value #DEFAULT_LOG_EPSILON}, far below the coefficients of images with values in
 * [0, 1] or [0, 255] yet keeping a blank region finite). Unlike ScatNet's log variant, the log is
 * taken after the spatial mean (one log per coefficient instead of per pixel).
 *
 * <p>Precision follows the arrays: the float[] methods compute in float32, the double[] methods in
 * float64 (the float32 code is generated from the float64 code by
 * {@code org.scatter4j.codegen.Float32Kernels}); sums over the pixels of a map stay float64 in both.
 * The cascade is {@link RotoCascade} (read and edit that one; {@code RotoCascade32} is its float32
 * copy), run by the lane batch engine ({@link LaneBatchEngine}); this class is the front end.
 * Immutable and thread-safe: scratch
 * memory lives in per-thread workspaces taken from a pool, so the hot path allocates nothing once
 * warm. Results are identical bit for bit whatever the thread and lane counts: every image goes
 * through exactly the same arithmetic, in the same order.
 */
public final class RotoScattering2D implements FeatureExtractor {
    /** Default eps of the log option. */
    public static final double DEFAULT_LOG_EPSILON = 1e-6;
    /**
     * Relative threshold of the second-layer filters with {@link Builder#coarseSecondLayer}: entries
     * below 1e-6 of a wavelet's peak are skipped (SparseFourierFilter.NEGLIGIBLE otherwise). At j2 = 1 on the 256 x 256 grid
     * of a 200 x 200 image this keeps 50 % of the entries instead of 94 %, for a change of the
     * coefficients far below what the coarse sampling itself makes.
     */
    static final double COARSE_NEGLIGIBLE = 1e-6;

    private final int J;
    private final int L;
    private final int K;
    private final int n;
    private final Averaging averaging;
    private final boolean log;
    private final double logEpsilon;
    private final boolean renormalize;
    private final boolean translation;
    /** parent[c]: the index of the order-1 coefficient that renormalization divides path c by (-1: none). */
    final int[] parent;
    /**
     * Grid level of the second layer's maps for each j2: j2 (Kymatio's subsampling) or, with
     * {@link Builder#coarseSecondLayer}, j2 + 1.
     */
    final int[] level2;
    private final Padding padding;
    private final MorletFilterBank bank;
    private final AngularFilterBank angular;
    /**
     * invHat[f]: the real DFT of angular filter f divided by n (folds the inverse DFT's 1/n in), in the
     * scrambled frequency order of {@link AngularConvolution}.
     */
    final double[][] invHat;
    /** invHat rounded to float32, for the float32 cascade. */
    final float[][] invHat32;
    final LowPassOperator[] lowPass;
    private final int outHeight;
    private final int outWidth;
    final int planeSize;
    private final List<RotoPath> paths;
    private final int blockLanes;
    final int[] kymatio;
    final boolean[] conjugate;
    /**
     * secondPsi[j2][j1][t]: the Fourier filter of Kymatio's psi_{j2, t} on the level-j1 grid, folded
     * with {@link SymmetricPeriodization} for j1 &gt;= 1 (the bank's own level-0 filter for j1 = 0),
     * fused with the subsampling by 2^(level2[j2] - j1).
     */
    final SparseFourierFilter[][][] secondPsi;
    /** firstPsi[j1][t]: Kymatio's psi_{j1, t} on the padded grid fused with the subsampling by 2^j1. */
    final SparseFourierFilter[][] firstPsi;
    private final LaneBatchEngine<RotoCascade.Block, RotoCascade.Workspace> engine64;
    private final LaneBatchEngine<RotoCascade32.Block, RotoCascade32.Workspace> engine32;

    RotoScattering2D(RotoConfig config) {
        this.J = config.J();
        this.L = config.L();
        this.K = config.K();
        this.n = 2 * L;
        this.averaging = config.averaging();
        this.log = config.log();
        this.logEpsilon = config.logEpsilon();
        this.renormalize = config.renormalize();
        this.translation = config.translationCoefficients();
        this.level2 = new int[J];
        for (int j2 = 0; j2 < J; j2++) {
            level2[j2] = config.coarseSecondLayer() ? j2 + 1 : j2;
        }
        this.padding = new Padding(config.height(), config.width(), J);
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        this.bank = new MorletFilterBank(Mp, Np, J, L);
        this.angular = new AngularFilterBank(n, K);
        this.invHat = new double[K + 1][];
        AngularConvolution order = new AngularConvolution(n, 1);
        for (int f = 0; f <= K; f++) {
            double[] h = angular.fourier(f);
            for (int w = 0; w < n; w++) {
                h[w] /= n;
            }
            invHat[f] = order.scramble(h);
        }
        this.invHat32 = Float32Tables.of(invHat);
        this.outHeight = Mp / (1 << J) - 2;
        this.outWidth = Np / (1 << J) - 2;
        this.planeSize = averaging == Averaging.GLOBAL ? 1 : outHeight * outWidth;
        this.lowPass = new LowPassOperator[J];
        for (int r = 0; r < J; r++) {
            lowPass[r] = new LowPassOperator(bank.phiRowFactor(r), bank.phiColFactor(r), 1 << (J - r), outHeight, outWidth);
        }
        this.paths = Collections.unmodifiableList(buildPaths(J, L, K, translation));
        this.parent = new int[paths.size()];
        for (int c = 0; c < paths.size(); c++) {
            RotoPath p = paths.get(c);
            parent[c] = switch (p.kind()) {
                case ZEROTH, FIRST, TRANSLATION_FIRST -> -1;
                case FIRST_ANGULAR, SECOND -> 1 + p.j1();
                case TRANSLATION_SECOND -> paths.indexOf(RotoPath.translationFirst(p.j1(), p.a1()));
            };
        }
        this.kymatio = new int[n];
        this.conjugate = new boolean[n];
        for (int a = 0; a < n; a++) {
            kymatio[a] = Orientations.kymatioIndex(a, L);
            conjugate[a] = Orientations.conjugate(a, L);
        }
        this.firstPsi = new SparseFourierFilter[J][L];
        this.secondPsi = new SparseFourierFilter[J][][];
        for (int j2 = 0; j2 < J; j2++) {
            secondPsi[j2] = new SparseFourierFilter[j2][L];
            for (int t = 0; t < L; t++) {
                // column-major filters (N x M row-major) for the column-major spectra; the periodization
                // folds each axis on its own, so it applies to the transposed grid with M and N swapped
                double[] fine = bank.psiColumnMajor(j2, t, 0);
                firstPsi[j2][t] = new SparseFourierFilter(fine, Np, Mp, 1 << j2);
                for (int j1 = 0; j1 < j2; j1++) {
                    double[] level = j1 == 0 ? fine : SymmetricPeriodization.periodize(fine, Np, Mp, j1);
                    secondPsi[j2][j1][t] = new SparseFourierFilter(level, Np >> j1, Mp >> j1, 1 << (level2[j2] - j1),
                            config.coarseSecondLayer() ? COARSE_NEGLIGIBLE : SparseFourierFilter.NEGLIGIBLE);
                }
            }
        }
        int pixels = Mp * Np;
        this.blockLanes = config.lanes() > 0 ? config.lanes() : Math.max(1, Math.min(16, (1 << 16) / pixels));
        this.engine64 = new LaneBatchEngine<>(new RotoCascade(this), blockLanes);
        this.engine32 = new LaneBatchEngine<>(new RotoCascade32(this), blockLanes);
    }

    /** Defaults of the texture papers: L = 8, K = 3, global averaging, no log, no renormalization. */
    public static RotoScattering2D of(int J, int height, int width) {
        return builder().J(J).shape(height, width).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The paths in output order: S0; S1_j1 for every j1; then per j1 the K phi_J x psi_k paths and the
     * second layer; with {@code translation}, then per j1 the L oriented first-order means and the
     * L^2 (J - 1 - j1) oriented second-order means (j2, then a2, then a1).
     */
    static List<RotoPath> buildPaths(int J, int L, int K, boolean translation) {
        List<RotoPath> p = new ArrayList<>();
        p.add(RotoPath.zeroth());
        for (int j1 = 0; j1 < J; j1++) {
            p.add(RotoPath.first(j1));
        }
        for (int j1 = 0; j1 < J; j1++) {
            for (int k = 0; k < K; k++) {
                p.add(RotoPath.firstAngular(j1, J, k));
            }
            for (int j2 = j1 + 1; j2 < J; j2++) {
                for (int a2 = 0; a2 < L; a2++) {
                    for (int k = -1; k < K; k++) {
                        p.add(RotoPath.second(j1, j2, a2, k));
                    }
                }
            }
        }
        if (translation) {
            for (int j1 = 0; j1 < J; j1++) {
                for (int a1 = 0; a1 < L; a1++) {
                    p.add(RotoPath.translationFirst(j1, a1));
                }
                for (int j2 = j1 + 1; j2 < J; j2++) {
                    for (int a2 = 0; a2 < L; a2++) {
                        for (int a1 = 0; a1 < L; a1++) {
                            p.add(RotoPath.translationSecond(j1, a1, j2, a2));
                        }
                    }
                }
            }
        }
        return p;
    }

    /** 1 + J + J K + L (K + 1) J (J - 1) / 2: the number of paths. */
    public static int pathCount(int J, int L, int K) {
        return 1 + J + J * K + L * (K + 1) * J * (J - 1) / 2;
    }

    // ------------------------------------------------------------------ front end

    /** Transforms one H x W image (row-major float64); returns {@link #featureCount()} doubles. */
    public double[] transform(double[] image) {
        double[] out = new double[featureCount()];
        Float64Range.require(image, 0, 1, imageLength(), "image", "pixel");
        engine64.run(new Records.Float64("image", image, 0, 1, imageLength()), new Records.Float64("output", out, 0, 1, featureCount()),
                1);
        return out;
    }

    /** Transforms one H x W image (row-major float32); returns {@link #featureCount()} floats. */
    public float[] transform(float[] image) {
        float[] out = new float[featureCount()];
        engine32.run(new Records.Float32("image", image, 0, 1, imageLength()), new Records.Float32("output", out, 0, 1, featureCount()),
                1);
        Float32Range.recomputeHugeImages(image, 0, 1, imageLength(), out, 0, featureCount(), outputHeight() * outputWidth(),
                this::transform); // pixels above 2^50: float64
        return out;
    }

    /**
     * Transforms {@code count} images stored one after another (count, H, W) into {@code out}
     * (count, featureCount), with {@code threads} threads (at least 1).
     */
    public void transformBatch(float[] images, int count, float[] out, int threads) {
        checkBatch(count, threads);
        engine32.run(new Records.Float32("images", images, 0, count, imageLength()),
                new Records.Float32("output", out, 0, count, featureCount()), threads);
        Float32Range.recomputeHugeImages(images, 0, count, imageLength(), out, 0, featureCount(), outputHeight() * outputWidth(),
                this::transform); // pixels above 2^50: float64
    }

    /** As {@link #transformBatch(float[], int, float[], int)}, in float64. */
    public void transformBatch(double[] images, int count, double[] out, int threads) {
        checkBatch(count, threads);
        Float64Range.require(images, 0, count, imageLength(), "image", "pixel");
        engine64.run(new Records.Float64("images", images, 0, count, imageLength()),
                new Records.Float64("output", out, 0, count, featureCount()), threads);
    }

    /** Transforms a batch with all available processors; returns (count, featureCount) float32. */
    public float[] transformBatch(float[] images, int count) {
        checkBatch(count, 1);
        float[] out = new float[Math.multiplyExact(count, featureCount())];
        transformBatch(images, count, out, Runtime.getRuntime().availableProcessors());
        return out;
    }

    private static void checkBatch(int count, int threads) {
        if (count < 1) {
            throw new IllegalArgumentException("empty batch: count must be >= 1, got count=" + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got threads=" + threads);
        }
    }

    /**
     * The first layer Y1_{j1}(u, a) = |x * psi_{j1, a}|(u) of one image for the 2L angles a pi / L,
     * a = 0..2L-1, each a row-major map on the level-j1 grid ({@code (Hp >> j1) x (Wp >> j1)}, padded
     * grid subsampled by 2^j1). For inspection and tests; allocates.
     */
    public double[][] firstLayer(double[] image, int j1) {
        if (j1 < 0 || j1 >= J) {
            throw new IllegalArgumentException("j1 must be in [0, " + (J - 1) + "], got j1=" + j1);
        }
        new Records.Float64("image", image, 0, 1, imageLength()); // checks the length
        Records.requireFinite(image, 0, padding.width());
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        double[] re = new double[Mp * Np];
        double[] im = new double[Mp * Np];
        padding.pad(image, 0, re);
        Fft2D fft0 = Fft2DFactory.create(Mp, Np, 1);
        Fft2D fft1 = Fft2DFactory.create(Mp >> j1, Np >> j1, 1);
        fft0.forwardTransposed(re, im); // column-major, as the filters
        int size = (Mp >> j1) * (Np >> j1);
        SparseFourierKernels.Scratch productScratch = SparseFourierKernels.newScratch(Mp, 1);
        double[][] y = new double[n][];
        for (int a = 0; a < n; a++) {
            double[] yr = new double[size];
            double[] yi = new double[size];
            SparseFourierKernels.multiplySubsample(firstPsi[j1][kymatio[a]], re, im, 1, productScratch, yr, yi);
            fft1.inverseTransposedModulus(yr, yi);
            y[a] = yr;
        }
        return y;
    }

    // ------------------------------------------------------------------ FeatureExtractor and shape

    /** Values per image: paths x planeSize (planeSize = 1 for global averaging, H' W' for window). */
    @Override
    public int featureCount() {
        return paths.size() * planeSize;
    }

    @Override
    public String describe() {
        return "roto-translation scattering J=" + J + " L=" + L + " K=" + K + " " + averaging.name().toLowerCase()
                + " averaging" + (coarseSecondLayer() ? ", coarse second layer" : "")
                + (translation ? ", with translation coefficients" : "") + (renormalize ? ", renormalized" : "") + (log ? ", log(eps=" + logEpsilon + ")" : "")
                + " (" + paths.size() + " paths" + (planeSize > 1 ? " x " + outHeight + "x" + outWidth : "") + ")";
    }

    @Override
    public void extract(float[] images, int count, float[] out, int threads) {
        transformBatch(images, count, out, threads);
    }

    @Override
    public int height() {
        return padding.height();
    }

    @Override
    public int width() {
        return padding.width();
    }

    public int J() {
        return J;
    }

    public int L() {
        return L;
    }

    /** Number of angular wavelets (octaves). */
    public int K() {
        return K;
    }

    public Averaging averaging() {
        return averaging;
    }

    public boolean log() {
        return log;
    }

    public double logEpsilon() {
        return logEpsilon;
    }

    public boolean renormalize() {
        return renormalize;
    }

    /** Whether the translation coefficients are appended (see {@link Builder#translationCoefficients}). */
    public boolean translationCoefficients() {
        return translation;
    }

    /** Whether the second layer runs on the level-(j2 + 1) grid (see {@link Builder#coarseSecondLayer}). */
    public boolean coarseSecondLayer() {
        return level2.length > 0 && level2[0] == 1;
    }

    /** The description of every path, in output order. */
    public List<RotoPath> paths() {
        return paths;
    }

    /** Values per path: 1 (global) or H' x W' (window). */
    public int planeSize() {
        return planeSize;
    }

    /** H' = Hp / 2^J - 2, the window grid height (window averaging and the phi_J x psi_k paths). */
    public int outputHeight() {
        return outHeight;
    }

    public int outputWidth() {
        return outWidth;
    }

    /** Pixels per input image: H * W. */
    public int imageLength() {
        return padding.height() * padding.width();
    }

    public Padding padding() {
        return padding;
    }

    public MorletFilterBank filterBank() {
        return bank;
    }

    public AngularFilterBank angularFilters() {
        return angular;
    }

    /** Images per lane block in batch calls. */
    public int blockLanes() {
        return blockLanes;
    }

    // ------------------------------------------------------------------ builder

    /** Parameters, validated by {@link #build()}. Defaults: L = 8, K = 3, global averaging. */
    public static final class Builder {
        private int J = -1;
        private int L = 8;
        private int K = 3;
        private int height = -1;
        private int width = -1;
        private Averaging averaging = Averaging.GLOBAL;
        private boolean log;
        private double logEpsilon = DEFAULT_LOG_EPSILON;
        private boolean renormalize;
        private boolean coarseSecondLayer;
        private boolean translationCoefficients;
        private int lanes;

        /** Spatial scale: wavelets up to 2^(J-1), averaging window 2^J; 2^J &lt;= height, width. */
        public Builder J(int J) {
            this.J = J;
            return this;
        }

        /** Orientations over [0, pi); even (2L angles over [0, 2 pi) are used). */
        public Builder L(int L) {
            this.L = L;
            return this;
        }

        /** Angular wavelets (octaves along the angle), 1..log2(L); ScatNet's J_rot = 3. */
        public Builder K(int K) {
            this.K = K;
            return this;
        }

        public Builder shape(int height, int width) {
            this.height = height;
            this.width = width;
            return this;
        }

        public Builder averaging(Averaging averaging) {
            this.averaging = averaging;
            return this;
        }

        /** log(S + eps) of the order 1 and 2 coefficients. */
        public Builder log(boolean log) {
            this.log = log;
            return this;
        }

        public Builder logEpsilon(double eps) {
            this.logEpsilon = eps;
            return this;
        }

        /**
         * ScatNet's renormalization: order-2 coefficients divided by their parent S1_j1 (the
         * translation order-2 coefficients by their oriented parent mean_u Y1_{j1}(u, a1)).
         */
        public Builder renormalize(boolean renormalize) {
            this.renormalize = renormalize;
            return this;
        }

        /** Images per batch block (a tuning knob; results do not depend on it); 0 = automatic. */
        public Builder lanes(int lanes) {
            this.lanes = lanes;
            return this;
        }

        /**
         * Computes the second layer (the maps Y1_j1 * psi_j2 and their angular convolutions) on the
         * level-(j2 + 1) grid instead of Kymatio's level j2: every second sample in each direction, a
         * quarter of the FFT and angular work, which dominate the cost. The sampled values are exact
         * (subsampling in the Fourier domain by periodization gives the samples of the same map), so
         * only the quadrature of the global spatial mean changes: mean over u of |Y2(u, a)| is taken
         * over 1/4 of the points, on a grid of step 2^(j2 + 1), still finer than the averaging scale
         * 2^J of Sifre and Mallat's windowed variant. The second-layer filters also skip the entries
         * below 1e-6 of their peak. Needs {@link Averaging#GLOBAL}; default false.
         */
        public Builder coarseSecondLayer(boolean coarse) {
            this.coarseSecondLayer = coarse;
            return this;
        }

        /**
         * Also outputs the translation scattering coefficients that the cascade computes on the way
         * (appended after the roto-translation paths): mean_u Y1_{j1}(u, a1) and mean_u |Y1_{j1}(., a1)
         * * psi_{j2, a1 + a2}| for a1 &lt; L, the global spatial means of Kymatio's order-1 and order-2
         * maps (before its low-pass), {@code J L + L^2 J (J - 1) / 2} more values (680 for J = 5, L = 8)
         * for the price of one modulus per second-layer sample. They are not rotation invariant:
         * they keep the orientation that Sifre and Mallat's roto-translation averaging discards, which
         * helps where the data set has no rotation to be invariant to (KTH-TIPS images vary mostly
         * in scale and illumination). Needs {@link Averaging#GLOBAL}; default false.
         */
        public Builder translationCoefficients(boolean translation) {
            this.translationCoefficients = translation;
            return this;
        }

        /** The validated parameters. */
        public RotoConfig config() {
            if (J == -1) {
                throw new IllegalArgumentException("J is required (call J(int))");
            }
            if (height == -1 || width == -1) {
                throw new IllegalArgumentException("the input shape is required (call shape(height, width))");
            }
            return new RotoConfig(J, L, K, height, width, averaging, log, logEpsilon, renormalize, coarseSecondLayer,
                    translationCoefficients, lanes);
        }

        public RotoScattering2D build() {
            return new RotoScattering2D(config());
        }
    }
}
