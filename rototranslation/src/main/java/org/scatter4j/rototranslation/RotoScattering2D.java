package org.scatter4j.rototranslation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.Float32Range;
import org.scatter4j.scattering.Images;
import org.scatter4j.scattering.Parallel;
import org.scatter4j.scattering.LowPassOperator;
import org.scatter4j.scattering.SparseFourierFilter;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.Float32Tables;
import org.scatter4j.wavelets.Padding;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;
import org.scatter4j.wavelets.fft.FloatFft2D;
import org.scatter4j.wavelets.fft.FloatFft2DFactory;

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
 * float64 (the float32 code is generated from the float64 code below by
 * {@code org.scatter4j.codegen.Float32Kernels}); sums over the pixels of a map stay float64 in both.
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
    /** Pixels per block of the angular step (the rows of the angular FFT). */
    private static final int BLOCK = 64;

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
    private final int[] parent;
    /**
     * Grid level of the second layer's maps for each j2: j2 (Kymatio's subsampling) or, with
     * {@link Builder#coarseSecondLayer}, j2 + 1.
     */
    private final int[] level2;
    private final Padding padding;
    private final MorletFilterBank bank;
    private final AngularFilterBank angular;
    /**
     * invHat[f]: the real DFT of angular filter f divided by n (folds the inverse DFT's 1/n in), in the
     * scrambled frequency order of {@link AngularConvolution}.
     */
    private final double[][] invHat;
    /** invHat rounded to float32, for the float32 cascade. */
    private final float[][] invHat32;
    private final LowPassOperator[] lowPass;
    private final int outHeight;
    private final int outWidth;
    private final int planeSize;
    private final List<RotoPath> paths;
    private final int blockLanes;
    private final int[] kymatio;
    private final boolean[] conjugate;
    /**
     * secondPsi[j2][j1][t]: the Fourier filter of Kymatio's psi_{j2, t} on the level-j1 grid, folded
     * with {@link SymmetricPeriodization} for j1 &gt;= 1 (the bank's own level-0 filter for j1 = 0),
     * fused with the subsampling by 2^(level2[j2] - j1).
     */
    private final SparseFourierFilter[][][] secondPsi;
    /** firstPsi[j1][t]: Kymatio's psi_{j1, t} on the padded grid fused with the subsampling by 2^j1. */
    private final SparseFourierFilter[][] firstPsi;

    private RotoScattering2D(Builder b) {
        if (b.J < 1 || b.J > 30) {
            throw new IllegalArgumentException("J must be in [1, 30], got J=" + b.J);
        }
        if (b.L < 2 || b.L > MorletFilterBank.MAX_L || b.L % 2 != 0) {
            throw new IllegalArgumentException("L must be even and in [2, " + MorletFilterBank.MAX_L
                    + "] (2L angles over [0, 2 pi) use psi_{a + L} = conj(psi_a)), got L=" + b.L);
        }
        int maxK = 31 - Integer.numberOfLeadingZeros(b.L);
        if (b.K < 1 || b.K > maxK) {
            throw new IllegalArgumentException("K (angular octaves) must be in [1, log2(L)] = [1, " + maxK + "] for L="
                    + b.L + ", got K=" + b.K);
        }
        if (b.height == -1 || b.width == -1) {
            throw new IllegalArgumentException("the input shape is required (call shape(height, width))");
        }
        if (b.height < 1 || b.width < 1) {
            throw new IllegalArgumentException("image height and width must be >= 1, got " + b.height + "x" + b.width);
        }
        if ((1 << b.J) > b.height || (1 << b.J) > b.width) {
            throw new IllegalArgumentException("image " + b.height + "x" + b.width + " is smaller than 2^J = 2^" + b.J
                    + " = " + (1 << b.J) + "; need 2^J <= height and width, i.e. J <= "
                    + (31 - Integer.numberOfLeadingZeros(Math.min(b.height, b.width))));
        }
        if (!(b.logEpsilon > 0) || !Double.isFinite(b.logEpsilon)) {
            throw new IllegalArgumentException("logEpsilon must be finite and > 0, got logEpsilon=" + b.logEpsilon);
        }
        if (b.lanes < 0 || b.lanes > 256) {
            throw new IllegalArgumentException("lanes must be in [0, 256] (0 = automatic), got lanes=" + b.lanes);
        }
        if (b.averaging == null) {
            throw new IllegalArgumentException("averaging must not be null");
        }
        if (b.translationCoefficients && b.averaging != Averaging.GLOBAL) {
            throw new IllegalArgumentException("translationCoefficients(true) needs Averaging.GLOBAL, got averaging=" + b.averaging);
        }
        if (b.coarseSecondLayer && b.averaging != Averaging.GLOBAL) {
            throw new IllegalArgumentException("coarseSecondLayer(true) needs Averaging.GLOBAL (it samples the second layer"
                    + " on a grid twice as coarse, which only a global mean tolerates), got averaging=" + b.averaging);
        }
        this.J = b.J;
        this.L = b.L;
        this.K = b.K;
        this.n = 2 * L;
        this.averaging = b.averaging;
        this.log = b.log;
        this.logEpsilon = b.logEpsilon;
        this.renormalize = b.renormalize;
        this.translation = b.translationCoefficients;
        this.level2 = new int[J];
        for (int j2 = 0; j2 < J; j2++) {
            level2[j2] = b.coarseSecondLayer ? j2 + 1 : j2;
        }
        this.padding = new Padding(b.height, b.width, J);
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
                            b.coarseSecondLayer ? COARSE_NEGLIGIBLE : SparseFourierFilter.NEGLIGIBLE);
                }
            }
        }
        int pixels = Mp * Np;
        this.blockLanes = b.lanes > 0 ? b.lanes : Math.max(1, Math.min(16, (1 << 16) / pixels));
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
        transformAll(new Images.Float64("image", image, 0, 1, imageLength()), new Images.Float64("output", out, 0, 1, featureCount()),
                1, singlePool, 1);
        return out;
    }

    /** Transforms one H x W image (row-major float32); returns {@link #featureCount()} floats. */
    public float[] transform(float[] image) {
        float[] out = new float[featureCount()];
        transformAll(new Images.Float32("image", image, 0, 1, imageLength()), new Images.Float32("output", out, 0, 1, featureCount()),
                1, singlePool32, 1);
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
        transformAll(new Images.Float32("images", images, 0, count, imageLength()), new Images.Float32("output", out, 0, count, featureCount()), threads,
                blockPool32, blockLanes);
        Float32Range.recomputeHugeImages(images, 0, count, imageLength(), out, 0, featureCount(), outputHeight() * outputWidth(),
                this::transform); // pixels above 2^50: float64
    }

    /** As {@link #transformBatch(float[], int, float[], int)}, in float64. */
    public void transformBatch(double[] images, int count, double[] out, int threads) {
        checkBatch(count, threads);
        transformAll(new Images.Float64("images", images, 0, count, imageLength()), new Images.Float64("output", out, 0, count, featureCount()), threads,
                blockPool, blockLanes);
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
        new Images.Float64("image", image, 0, 1, imageLength()); // checks the length
        Images.requireFinite(image, 0, padding.width());
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        double[] re = new double[Mp * Np];
        double[] im = new double[Mp * Np];
        padding.pad(image, 0, re);
        Fft2D fft0 = Fft2DFactory.create(Mp, Np, 1);
        Fft2D fft1 = Fft2DFactory.create(Mp >> j1, Np >> j1, 1);
        fft0.forwardTransposed(re, im); // column-major, as the filters
        int size = (Mp >> j1) * (Np >> j1);
        SparseFourierFilter.Scratch productScratch = SparseFourierFilter.newScratch(Mp, 1);
        double[][] y = new double[n][];
        for (int a = 0; a < n; a++) {
            double[] yr = new double[size];
            double[] yi = new double[size];
            firstPsi[j1][kymatio[a]].multiplySubsample(re, im, 1, productScratch, yr, yi);
            fft1.inverseTransposedModulus(yr, yi);
            y[a] = yr;
        }
        return y;
    }

    // ---- float64 kernels: begin
    // ------------------------------------------------------------------ the cascade

    /**
     * The transform of the images in the workspace's lanes (padded input in {@code w.xRe}); writes
     * path c, sample q of lane b at {@code w.out[(c * planeSize + q) * lanes + b]}.
     */
    private void cascade(Workspace w) {
        int lanes = w.lanes;
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        int plane = planeSize * lanes;
        int window = outHeight * outWidth;
        boolean global = averaging == Averaging.GLOBAL;

        if (global) {                                                               // S0 = mean x
            laneMeans(w.xRe, Mp * Np, lanes, 1.0 / ((double) Mp * Np), w, 0);
        } else {
            lowPass[0].apply(w.xRe, lanes, w.lowPassScratch, w.out, 0);
        }
        w.fft[0].forwardRealTransposed(w.xRe, w.xIm);                               // X = F x (x real), column-major
        int nextFirst = 1;
        int next2 = 1 + J;
        int nextT = pathCount(J, L, K);                                             // translation coefficients, if any
        for (int j1 = 0; j1 < J; j1++) {
            int rows1 = Mp >> j1;
            int cols1 = Np >> j1;
            for (int a = 0; a < L; a++) {                                           // Y1(., a) = |x * psi_{j1, a}|
                SparseFourierFilter.Product xPsi = w.product.of(firstPsi[j1][kymatio[a]], w.xRe, w.xIm, lanes);
                w.fft[j1].inverseTransposedModulus(xPsi, w.y1Re[a]);
                lowPass[j1].apply(w.y1Re[a], lanes, w.lowPassScratch, w.lp1[a], 0); // Y1 *_u phi_J
                if (translation) {                                                  // mean_u Y1(u, a)
                    laneMeans(w.y1Re[a], rows1 * cols1, lanes, 1.0 / ((double) rows1 * cols1), w, nextT++ * lanes);
                }
            }
            if (global) {                                                           // S1 = mean_{u, a} Y1
                Arrays.fill(w.laneSum, 0.0);
                for (int a = 0; a < L; a++) {
                    addLaneSums(w.y1Re[a], rows1 * cols1, lanes, w.laneSum);
                }
                store(w, nextFirst++, 1.0 / ((double) rows1 * cols1 * L));
            } else {
                int o = plane * nextFirst++;
                for (int q = 0; q < window * lanes; q++) {
                    double s = 0;
                    for (int a = 0; a < L; a++) {
                        s += w.lp1[a][q];
                    }
                    w.out[o + q] = s / L;
                }
            }
            angularStep(w.lp1, null, window * lanes, 1, w);                        // |(Y1 *_u phi_J) *_a psi_k|
            for (int k = 0; k < K; k++) {
                int c = next2++;
                if (global) {
                    laneMeans(w.acc[1 + k], window, lanes, 1.0 / ((double) window * n), w, c * lanes);
                } else {
                    for (int q = 0; q < window * lanes; q++) {
                        w.out[c * plane + q] = w.acc[1 + k][q] / n;
                    }
                }
            }
            if (j1 == J - 1) {
                continue;
            }
            for (int a = 0; a < L; a += 2) {                                        // F Y1(., a), two real maps per FFT
                forwardRealPair(w.fft[j1], rows1, cols1, lanes, w.y1Re[a], w.y1Im[a], w.y1Re[a + 1], w.y1Im[a + 1]);
            }
            for (int j2 = j1 + 1; j2 < J; j2++) {
                int rows2 = Mp >> level2[j2];
                int cols2 = Np >> level2[j2];
                int size2 = rows2 * cols2 * lanes;
                for (int a2 = 0; a2 < L; a2++) {
                    for (int a = 0; a < L; a++) {                                   // Z(., a) = Y1(., a) * psi_{j2, a + a2}
                        int b = a + a2;
                        secondPsi[j2][j1][kymatio[b]].multiplySubsample(w.y1Re[a], w.y1Im[a], lanes, w.productScratch, w.zRe[a], w.zIm[a]);
                        w.fft[level2[j2]].inverseTransposed(w.zRe[a], w.zIm[a]);
                        if (translation) {                                          // mean_u |Z(u, a)|
                            laneModulusMeans(w.zRe[a], w.zIm[a], rows2 * cols2, lanes, 1.0 / ((double) rows2 * cols2), w,
                                    nextT++ * lanes);
                        }
                        if (conjugate[b]) {
                            double[] im = w.zIm[a];
                            for (int q = 0; q < size2; q++) {
                                im[q] = -im[q];
                            }
                        }
                    }
                    angularStep(w.zRe, w.zIm, size2, 0, w);                          // |Z *_a f|, summed over a
                    for (int f = 0; f <= K; f++) {
                        int c = next2++;
                        if (global) {
                            laneMeans(w.acc[f], rows2 * cols2, lanes, 1.0 / ((double) rows2 * cols2 * n), w, c * lanes);
                        } else {
                            lowPass[j2].apply(w.acc[f], lanes, w.lowPassScratch, w.out, c * plane);
                            for (int q = c * plane; q < (c + 1) * plane; q++) {
                                w.out[q] /= n;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The spectra of two real maps A (in aRe) and B (in bRe) with one complex FFT: P = F(A + i B),
     * then F A(w) = (P(w) + conj P(-w)) / 2 and F B(w) = (P(w) - conj P(-w)) / (2 i). Outputs
     * (column-major, as Fft2D.forwardTransposed and the filters) overwrite (aRe, aIm) and (bRe, bIm);
     * aIm and bIm need not be zero on entry.
     */
    private static void forwardRealPair(Fft2D fft, int rows, int cols, int lanes, double[] aRe, double[] aIm, double[] bRe,
            double[] bIm) {
        int size = rows * cols * lanes;
        System.arraycopy(bRe, 0, aIm, 0, size);
        fft.forwardTransposed(aRe, aIm); // column-major, as the filters
        for (int c = 0; c < cols; c++) {
            int mc = (cols - c) % cols;
            for (int r = 0; r < rows; r++) {
                int mr = (rows - r) % rows;
                int p = (c * rows + r) * lanes;
                int q = (mc * rows + mr) * lanes;
                if (q < p) {
                    continue; // the pair (w, -w) was done from its other end
                }
                for (int b = 0; b < lanes; b++) {
                    double pr = aRe[p + b];
                    double pi = aIm[p + b];
                    double qr = aRe[q + b];
                    double qi = aIm[q + b];
                    aRe[p + b] = 0.5 * (pr + qr);
                    aIm[p + b] = 0.5 * (pi - qi);
                    bRe[p + b] = 0.5 * (pi + qi);
                    bIm[p + b] = 0.5 * (qr - pr);
                    aRe[q + b] = 0.5 * (qr + pr);
                    aIm[q + b] = 0.5 * (qi - pi);
                    bRe[q + b] = 0.5 * (qi + pi);
                    bIm[q + b] = 0.5 * (pr - qr);
                }
            }
        }
    }

    /**
     * The angular step on {@code size} pixels: the signal over the 2L angles at pixel p is
     * src(a)[p] for a &lt; L and conj(src(a - L)[p]) beyond (imaginary part zero if srcIm is null); for
     * every angular filter f &gt;= firstFilter (0 = phi, 1 + k = psi_k), writes
     * acc[f][p] = sum_a |(src *_a f)(a)[p]|.
     */
    private void angularStep(double[][] srcRe, double[][] srcIm, int size, int firstFilter, Workspace w) {
        double[][] fRe = w.fRe;
        double[][] fIm = w.fIm;
        double[][] gRe = w.gRe;
        double[][] gIm = w.gIm;
        double[] s = w.modSum;
        for (int p0 = 0; p0 < size; p0 += BLOCK) {
            int len = Math.min(BLOCK, size - p0);
            for (int a = 0; a < L; a++) {
                System.arraycopy(srcRe[a], p0, fRe[a], 0, len);
                System.arraycopy(srcRe[a], p0, fRe[a + L], 0, len);
                double[] i0 = fIm[a];
                double[] i1 = fIm[a + L];
                if (srcIm == null) {
                    Arrays.fill(i0, 0, len, 0.0);
                    Arrays.fill(i1, 0, len, 0.0);
                } else {
                    double[] src = srcIm[a];
                    for (int q = 0; q < len; q++) {
                        double v = src[p0 + q];
                        i0[q] = v;
                        i1[q] = -v;
                    }
                }
            }
            w.conv.forward(fRe, fIm, len);
            for (int f = firstFilter; f <= K; f++) {
                w.conv.convolveModulusSum(fRe, fIm, invHat[f], gRe, gIm, len, s);
                System.arraycopy(s, 0, w.acc[f], p0, len);
            }
        }
    }

    private static void addLaneSums(double[] src, int pixels, int lanes,
            double[] sums) { // float64 in both: a sum over up to all the pixels of a map
        for (int p = 0, q = 0; p < pixels; p++) {
            for (int b = 0; b < lanes; b++, q++) {
                sums[b] += src[q];
            }
        }
    }

    /** w.out[offset + b] = scale * sum over pixels of |re + i im|, for every lane b. */
    private static void laneModulusMeans(double[] re, double[] im, int pixels, int lanes, double scale, Workspace w, int offset) {
        Arrays.fill(w.laneSum, 0.0);
        for (int p = 0, q = 0; p < pixels; p++) {
            for (int b = 0; b < lanes; b++, q++) {
                w.laneSum[b] += Math.sqrt(re[q] * re[q] + im[q] * im[q]);
            }
        }
        for (int b = 0; b < lanes; b++) {
            w.out[offset + b] = (double) (w.laneSum[b] * scale);
        }
    }

    /** w.out[offset + b] = scale * sum over pixels of src, for every lane b. */
    private static void laneMeans(double[] src, int pixels, int lanes, double scale, Workspace w, int offset) {
        Arrays.fill(w.laneSum, 0.0);
        addLaneSums(src, pixels, lanes, w.laneSum);
        for (int b = 0; b < lanes; b++) {
            w.out[offset + b] = (double) (w.laneSum[b] * scale);
        }
    }

    private static void store(Workspace w, int path, double scale) {
        for (int b = 0; b < w.lanes; b++) {
            w.out[path * w.lanes + b] = (double) (w.laneSum[b] * scale);
        }
    }

    /** Renormalization and log, per image, on the path-major result. */
    private void finish(double[] r) {
        if (renormalize) {
            for (int c = 1 + J; c < paths.size(); c++) {
                if (parent[c] < 0) {
                    continue;
                }
                for (int q = 0; q < planeSize; q++) {
                    double d = r[parent[c] * planeSize + q];
                    double v = r[c * planeSize + q];
                    r[c * planeSize + q] = d == 0 ? 0.0 : v / d;
                }
            }
        }
        if (log) {
            for (int q = planeSize; q < r.length; q++) {
                r[q] = Math.log(r[q] + logEpsilon);
            }
        }
    }

    // ------------------------------------------------------------------ batch engine

    private void transformAll(Images.Float64 in, Images.Float64 out, int threads, ConcurrentLinkedDeque<Workspace> pool, int lanes) {
        int count = in.count();
        int blocks = (count + lanes - 1) / lanes;
        AtomicInteger nextBlock = new AtomicInteger();
        Runnable worker = () -> {
            Workspace w = take(pool, lanes);
            try {
                for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                    runBlock(in, out, b * lanes, Math.min(lanes, count - b * lanes), w);
                }
            } finally {
                pool.push(w);
            }
        };
        int workers = Math.min(threads, blocks);
        if (workers == 1) {
            worker.run();
        } else {
            Parallel.run(workers, worker);
        }
    }

    /** Loads images [first, first + count) into the lanes, runs the cascade, stores the results. */
    private void runBlock(Images.Float64 in, Images.Float64 out, int first, int count, Workspace w) {
        int lanes = w.lanes;
        for (int b = 0; b < count; b++) {
            in.copyImage(first + b, w.image);
            Images.requireFinite(w.image, first + b, padding.width());
            padding.padIntoLane(w.image, 0, w.xRe, b, lanes);
        }
        for (int b = count; b < lanes; b++) { // unused lanes: zeros (their results are discarded)
            padding.clearLane(w.xRe, b, lanes);
        }
        cascade(w);
        int len = featureCount();
        for (int b = 0; b < count; b++) {
            for (int q = 0; q < len; q++) {
                w.result[q] = w.out[q * lanes + b];
            }
            finish(w.result);
            out.storeResult(first + b, w.result);
        }
    }

    private Workspace take(ConcurrentLinkedDeque<Workspace> pool, int lanes) {
        Workspace w = pool.poll();
        return w != null ? w : new Workspace(lanes);
    }

    // Workspaces kept between calls, so that a warm transform allocates nothing.
    private final ConcurrentLinkedDeque<Workspace> singlePool = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Workspace> blockPool = new ConcurrentLinkedDeque<>();

    // ------------------------------------------------------------------ scratch memory

    /** Every scratch array of one cascade over {@code lanes} images; used by one thread at a time. */
    final class Workspace {
        final int lanes;
        final Fft2D[] fft;
        final double[] image;
        final double[] xRe;
        final double[] xIm;
        /** y1Re[a], a &lt; L (uniform angle order): Y1 on the level-j1 grid, then its FFT. */
        final double[][] y1Re;
        final double[][] y1Im;
        final double[][] lp1;
        final double[][] zRe;
        final double[][] zIm;
        final double[][] acc;
        final double[][] fRe;
        final double[][] fIm;
        final double[][] gRe;
        final double[][] gIm;
        final double[] modSum;
        final AngularConvolution conv;
        final LowPassOperator.Scratch lowPassScratch;
        final SparseFourierFilter.Scratch productScratch;
        final SparseFourierFilter.Product product;
        final double[] laneSum; // float64 in both: sums over up to all the pixels of a map
        final double[] out;
        final double[] result;

        Workspace(int lanes) {
            this.lanes = lanes;
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new Fft2D[level2[J - 1] + 1];
            for (int r = 0; r < fft.length; r++) {
                fft[r] = Fft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.image = new double[imageLength()];
            this.xRe = new double[full];
            this.xIm = new double[full];
            this.y1Re = new double[L][full];
            this.y1Im = new double[L][full];
            int window = outHeight * outWidth * lanes;
            this.lp1 = new double[L][window];
            int half = J > 1 ? (Mp >> 1) * (Np >> 1) * lanes : 0;
            this.zRe = new double[L][half];
            this.zIm = new double[L][half];
            this.acc = new double[K + 1][Math.max(half, window)];
            this.fRe = new double[n][BLOCK];
            this.fIm = new double[n][BLOCK];
            this.gRe = new double[n][BLOCK];
            this.gIm = new double[n][BLOCK];
            this.modSum = new double[BLOCK];
            this.conv = new AngularConvolution(n, BLOCK);
            this.lowPassScratch = lowPass[0].newScratch(lanes); // level 0 has the widest rows
            this.productScratch = SparseFourierFilter.newScratch(Mp, lanes); // the filters read column-major spectra
            this.product = new SparseFourierFilter.Product(productScratch);
            this.laneSum = new double[lanes]; // float64 in both
            this.out = new double[featureCount() * lanes];
            this.result = new double[featureCount()];
        }
    }

    // ---- float64 kernels: end

    // ---- float32 kernels, GENERATED from the float64 kernels above by org.scatter4j.codegen.Float32Kernels (do not edit): begin
    // ------------------------------------------------------------------ the cascade

    /**
     * The transform of the images in the workspace's lanes (padded input in {@code w.xRe}); writes
     * path c, sample q of lane b at {@code w.out[(c * planeSize + q) * lanes + b]}.
     */
    private void cascade(Workspace32 w) {
        int lanes = w.lanes;
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        int plane = planeSize * lanes;
        int window = outHeight * outWidth;
        boolean global = averaging == Averaging.GLOBAL;

        if (global) {                                                               // S0 = mean x
            laneMeans(w.xRe, Mp * Np, lanes, 1.0f / ((float) Mp * Np), w, 0);
        } else {
            lowPass[0].apply(w.xRe, lanes, w.lowPassScratch, w.out, 0);
        }
        w.fft[0].forwardRealTransposed(w.xRe, w.xIm);                               // X = F x (x real), column-major
        int nextFirst = 1;
        int next2 = 1 + J;
        int nextT = pathCount(J, L, K);                                             // translation coefficients, if any
        for (int j1 = 0; j1 < J; j1++) {
            int rows1 = Mp >> j1;
            int cols1 = Np >> j1;
            for (int a = 0; a < L; a++) {                                           // Y1(., a) = |x * psi_{j1, a}|
                SparseFourierFilter.Product32 xPsi = w.product.of(firstPsi[j1][kymatio[a]], w.xRe, w.xIm, lanes);
                w.fft[j1].inverseTransposedModulus(xPsi, w.y1Re[a]);
                lowPass[j1].apply(w.y1Re[a], lanes, w.lowPassScratch, w.lp1[a], 0); // Y1 *_u phi_J
                if (translation) {                                                  // mean_u Y1(u, a)
                    laneMeans(w.y1Re[a], rows1 * cols1, lanes, 1.0f / ((float) rows1 * cols1), w, nextT++ * lanes);
                }
            }
            if (global) {                                                           // S1 = mean_{u, a} Y1
                Arrays.fill(w.laneSum, 0.0f);
                for (int a = 0; a < L; a++) {
                    addLaneSums(w.y1Re[a], rows1 * cols1, lanes, w.laneSum);
                }
                store(w, nextFirst++, 1.0f / ((float) rows1 * cols1 * L));
            } else {
                int o = plane * nextFirst++;
                for (int q = 0; q < window * lanes; q++) {
                    float s = 0;
                    for (int a = 0; a < L; a++) {
                        s += w.lp1[a][q];
                    }
                    w.out[o + q] = s / L;
                }
            }
            angularStep(w.lp1, null, window * lanes, 1, w);                        // |(Y1 *_u phi_J) *_a psi_k|
            for (int k = 0; k < K; k++) {
                int c = next2++;
                if (global) {
                    laneMeans(w.acc[1 + k], window, lanes, 1.0f / ((float) window * n), w, c * lanes);
                } else {
                    for (int q = 0; q < window * lanes; q++) {
                        w.out[c * plane + q] = w.acc[1 + k][q] / n;
                    }
                }
            }
            if (j1 == J - 1) {
                continue;
            }
            for (int a = 0; a < L; a += 2) {                                        // F Y1(., a), two real maps per FFT
                forwardRealPair(w.fft[j1], rows1, cols1, lanes, w.y1Re[a], w.y1Im[a], w.y1Re[a + 1], w.y1Im[a + 1]);
            }
            for (int j2 = j1 + 1; j2 < J; j2++) {
                int rows2 = Mp >> level2[j2];
                int cols2 = Np >> level2[j2];
                int size2 = rows2 * cols2 * lanes;
                for (int a2 = 0; a2 < L; a2++) {
                    for (int a = 0; a < L; a++) {                                   // Z(., a) = Y1(., a) * psi_{j2, a + a2}
                        int b = a + a2;
                        secondPsi[j2][j1][kymatio[b]].multiplySubsample(w.y1Re[a], w.y1Im[a], lanes, w.productScratch, w.zRe[a], w.zIm[a]);
                        w.fft[level2[j2]].inverseTransposed(w.zRe[a], w.zIm[a]);
                        if (translation) {                                          // mean_u |Z(u, a)|
                            laneModulusMeans(w.zRe[a], w.zIm[a], rows2 * cols2, lanes, 1.0f / ((float) rows2 * cols2), w,
                                    nextT++ * lanes);
                        }
                        if (conjugate[b]) {
                            float[] im = w.zIm[a];
                            for (int q = 0; q < size2; q++) {
                                im[q] = -im[q];
                            }
                        }
                    }
                    angularStep(w.zRe, w.zIm, size2, 0, w);                          // |Z *_a f|, summed over a
                    for (int f = 0; f <= K; f++) {
                        int c = next2++;
                        if (global) {
                            laneMeans(w.acc[f], rows2 * cols2, lanes, 1.0f / ((float) rows2 * cols2 * n), w, c * lanes);
                        } else {
                            lowPass[j2].apply(w.acc[f], lanes, w.lowPassScratch, w.out, c * plane);
                            for (int q = c * plane; q < (c + 1) * plane; q++) {
                                w.out[q] /= n;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The spectra of two real maps A (in aRe) and B (in bRe) with one complex FFT: P = F(A + i B),
     * then F A(w) = (P(w) + conj P(-w)) / 2 and F B(w) = (P(w) - conj P(-w)) / (2 i). Outputs
     * (column-major, as FloatFft2D.forwardTransposed and the filters) overwrite (aRe, aIm) and (bRe, bIm);
     * aIm and bIm need not be zero on entry.
     */
    private static void forwardRealPair(FloatFft2D fft, int rows, int cols, int lanes, float[] aRe, float[] aIm, float[] bRe,
            float[] bIm) {
        int size = rows * cols * lanes;
        System.arraycopy(bRe, 0, aIm, 0, size);
        fft.forwardTransposed(aRe, aIm); // column-major, as the filters
        for (int c = 0; c < cols; c++) {
            int mc = (cols - c) % cols;
            for (int r = 0; r < rows; r++) {
                int mr = (rows - r) % rows;
                int p = (c * rows + r) * lanes;
                int q = (mc * rows + mr) * lanes;
                if (q < p) {
                    continue; // the pair (w, -w) was done from its other end
                }
                for (int b = 0; b < lanes; b++) {
                    float pr = aRe[p + b];
                    float pi = aIm[p + b];
                    float qr = aRe[q + b];
                    float qi = aIm[q + b];
                    aRe[p + b] = 0.5f * (pr + qr);
                    aIm[p + b] = 0.5f * (pi - qi);
                    bRe[p + b] = 0.5f * (pi + qi);
                    bIm[p + b] = 0.5f * (qr - pr);
                    aRe[q + b] = 0.5f * (qr + pr);
                    aIm[q + b] = 0.5f * (qi - pi);
                    bRe[q + b] = 0.5f * (qi + pi);
                    bIm[q + b] = 0.5f * (pr - qr);
                }
            }
        }
    }

    /**
     * The angular step on {@code size} pixels: the signal over the 2L angles at pixel p is
     * src(a)[p] for a &lt; L and conj(src(a - L)[p]) beyond (imaginary part zero if srcIm is null); for
     * every angular filter f &gt;= firstFilter (0 = phi, 1 + k = psi_k), writes
     * acc[f][p] = sum_a |(src *_a f)(a)[p]|.
     */
    private void angularStep(float[][] srcRe, float[][] srcIm, int size, int firstFilter, Workspace32 w) {
        float[][] fRe = w.fRe;
        float[][] fIm = w.fIm;
        float[][] gRe = w.gRe;
        float[][] gIm = w.gIm;
        float[] s = w.modSum;
        for (int p0 = 0; p0 < size; p0 += BLOCK) {
            int len = Math.min(BLOCK, size - p0);
            for (int a = 0; a < L; a++) {
                System.arraycopy(srcRe[a], p0, fRe[a], 0, len);
                System.arraycopy(srcRe[a], p0, fRe[a + L], 0, len);
                float[] i0 = fIm[a];
                float[] i1 = fIm[a + L];
                if (srcIm == null) {
                    Arrays.fill(i0, 0, len, 0.0f);
                    Arrays.fill(i1, 0, len, 0.0f);
                } else {
                    float[] src = srcIm[a];
                    for (int q = 0; q < len; q++) {
                        float v = src[p0 + q];
                        i0[q] = v;
                        i1[q] = -v;
                    }
                }
            }
            w.conv.forward(fRe, fIm, len);
            for (int f = firstFilter; f <= K; f++) {
                w.conv.convolveModulusSum(fRe, fIm, invHat32[f], gRe, gIm, len, s);
                System.arraycopy(s, 0, w.acc[f], p0, len);
            }
        }
    }

    private static void addLaneSums(float[] src, int pixels, int lanes,
            double[] sums) { // float64 in both: a sum over up to all the pixels of a map
        for (int p = 0, q = 0; p < pixels; p++) {
            for (int b = 0; b < lanes; b++, q++) {
                sums[b] += src[q];
            }
        }
    }

    /** w.out[offset + b] = scale * sum over pixels of |re + i im|, for every lane b. */
    private static void laneModulusMeans(float[] re, float[] im, int pixels, int lanes, float scale, Workspace32 w, int offset) {
        Arrays.fill(w.laneSum, 0.0f);
        for (int p = 0, q = 0; p < pixels; p++) {
            for (int b = 0; b < lanes; b++, q++) {
                w.laneSum[b] += (float) Math.sqrt(re[q] * re[q] + im[q] * im[q]);
            }
        }
        for (int b = 0; b < lanes; b++) {
            w.out[offset + b] = (float) (w.laneSum[b] * scale);
        }
    }

    /** w.out[offset + b] = scale * sum over pixels of src, for every lane b. */
    private static void laneMeans(float[] src, int pixels, int lanes, float scale, Workspace32 w, int offset) {
        Arrays.fill(w.laneSum, 0.0f);
        addLaneSums(src, pixels, lanes, w.laneSum);
        for (int b = 0; b < lanes; b++) {
            w.out[offset + b] = (float) (w.laneSum[b] * scale);
        }
    }

    private static void store(Workspace32 w, int path, float scale) {
        for (int b = 0; b < w.lanes; b++) {
            w.out[path * w.lanes + b] = (float) (w.laneSum[b] * scale);
        }
    }

    /** Renormalization and log, per image, on the path-major result. */
    private void finish(float[] r) {
        if (renormalize) {
            for (int c = 1 + J; c < paths.size(); c++) {
                if (parent[c] < 0) {
                    continue;
                }
                for (int q = 0; q < planeSize; q++) {
                    float d = r[parent[c] * planeSize + q];
                    float v = r[c * planeSize + q];
                    r[c * planeSize + q] = d == 0 ? 0.0f : v / d;
                }
            }
        }
        if (log) {
            for (int q = planeSize; q < r.length; q++) {
                r[q] = (float) Math.log(r[q] + logEpsilon);
            }
        }
    }

    // ------------------------------------------------------------------ batch engine

    private void transformAll(Images.Float32 in, Images.Float32 out, int threads, ConcurrentLinkedDeque<Workspace32> pool, int lanes) {
        int count = in.count();
        int blocks = (count + lanes - 1) / lanes;
        AtomicInteger nextBlock = new AtomicInteger();
        Runnable worker = () -> {
            Workspace32 w = take32(pool, lanes);
            try {
                for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                    runBlock(in, out, b * lanes, Math.min(lanes, count - b * lanes), w);
                }
            } finally {
                pool.push(w);
            }
        };
        int workers = Math.min(threads, blocks);
        if (workers == 1) {
            worker.run();
        } else {
            Parallel.run(workers, worker);
        }
    }

    /** Loads images [first, first + count) into the lanes, runs the cascade, stores the results. */
    private void runBlock(Images.Float32 in, Images.Float32 out, int first, int count, Workspace32 w) {
        int lanes = w.lanes;
        for (int b = 0; b < count; b++) {
            in.copyImage(first + b, w.image);
            Images.requireFinite(w.image, first + b, padding.width());
            padding.padIntoLane(w.image, 0, w.xRe, b, lanes);
        }
        for (int b = count; b < lanes; b++) { // unused lanes: zeros (their results are discarded)
            padding.clearLane(w.xRe, b, lanes);
        }
        cascade(w);
        int len = featureCount();
        for (int b = 0; b < count; b++) {
            for (int q = 0; q < len; q++) {
                w.result[q] = w.out[q * lanes + b];
            }
            finish(w.result);
            out.storeResult(first + b, w.result);
        }
    }

    private Workspace32 take32(ConcurrentLinkedDeque<Workspace32> pool, int lanes) {
        Workspace32 w = pool.poll();
        return w != null ? w : new Workspace32(lanes);
    }

    // Workspaces kept between calls, so that a warm transform allocates nothing.
    private final ConcurrentLinkedDeque<Workspace32> singlePool32 = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Workspace32> blockPool32 = new ConcurrentLinkedDeque<>();

    // ------------------------------------------------------------------ scratch memory

    /** Every scratch array of one cascade over {@code lanes} images; used by one thread at a time. */
    final class Workspace32 {
        final int lanes;
        final FloatFft2D[] fft;
        final float[] image;
        final float[] xRe;
        final float[] xIm;
        /** y1Re[a], a &lt; L (uniform angle order): Y1 on the level-j1 grid, then its FFT. */
        final float[][] y1Re;
        final float[][] y1Im;
        final float[][] lp1;
        final float[][] zRe;
        final float[][] zIm;
        final float[][] acc;
        final float[][] fRe;
        final float[][] fIm;
        final float[][] gRe;
        final float[][] gIm;
        final float[] modSum;
        final FloatAngularConvolution conv;
        final LowPassOperator.Scratch32 lowPassScratch;
        final SparseFourierFilter.Scratch32 productScratch;
        final SparseFourierFilter.Product32 product;
        final double[] laneSum; // float64 in both: sums over up to all the pixels of a map
        final float[] out;
        final float[] result;

        Workspace32(int lanes) {
            this.lanes = lanes;
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new FloatFft2D[level2[J - 1] + 1];
            for (int r = 0; r < fft.length; r++) {
                fft[r] = FloatFft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.image = new float[imageLength()];
            this.xRe = new float[full];
            this.xIm = new float[full];
            this.y1Re = new float[L][full];
            this.y1Im = new float[L][full];
            int window = outHeight * outWidth * lanes;
            this.lp1 = new float[L][window];
            int half = J > 1 ? (Mp >> 1) * (Np >> 1) * lanes : 0;
            this.zRe = new float[L][half];
            this.zIm = new float[L][half];
            this.acc = new float[K + 1][Math.max(half, window)];
            this.fRe = new float[n][BLOCK];
            this.fIm = new float[n][BLOCK];
            this.gRe = new float[n][BLOCK];
            this.gIm = new float[n][BLOCK];
            this.modSum = new float[BLOCK];
            this.conv = new FloatAngularConvolution(n, BLOCK);
            this.lowPassScratch = lowPass[0].newScratch32(lanes); // level 0 has the widest rows
            this.productScratch = SparseFourierFilter.newScratch32(Mp, lanes); // the filters read column-major spectra
            this.product = new SparseFourierFilter.Product32(productScratch);
            this.laneSum = new double[lanes]; // float64 in both
            this.out = new float[featureCount() * lanes];
            this.result = new float[featureCount()];
        }
    }

    // ---- float32 kernels: end

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

        public RotoScattering2D build() {
            if (J == -1) {
                throw new IllegalArgumentException("J is required (call J(int))");
            }
            return new RotoScattering2D(this);
        }
    }
}
