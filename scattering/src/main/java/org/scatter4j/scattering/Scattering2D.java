package org.scatter4j.scattering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scatter4j.scattering.engine.LaneBatchEngine;
import org.scatter4j.scattering.internal.LowPassOperator;
import org.scatter4j.scattering.internal.SparseFourierFilter;
import org.scatter4j.scattering.engine.Records;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.Padding;

/**
 * The 2D translation scattering transform S_J of Bruna and Mallat (2013) with Morlet wavelets,
 * computed exactly as Kymatio does (same padding, filters, subsampling, channel order), for images
 * of a fixed size H x W with 2^J &lt;= H, W.
 *
 * <p>Output of one image: K = 1 + J L + L^2 J (J - 1) / 2 channels (order 2; 1 + J L for order 1) of
 * size H' x W' with H' = Hp / 2^J - 2 (Hp the padded height); channel c is described by
 * {@code paths().get(c)}. A batch is laid out (B, K, H', W') in C order.
 *
 * <p>Precision follows the arrays, as in Kymatio (whose output dtype is its input's): the float[]
 * methods compute in float32 (the default of the command line and the batch engine: twice the
 * values per vector instruction and half the memory traffic of float64), the double[] methods in
 * float64. Both agree with Kymatio's references to 1.5e-6 relative L2 per channel or better
 * (float64 1.7e-7..1.3e-6, float32 2.5e-7..1.5e-6: Kymatio's own filters are float32;
 * {@code KymatioAgreementTest}). The float32 kernels are generated
 * from the float64 ones ({@code org.scatter4j.codegen.Float32Kernels}): the cascade is
 * {@link TranslationCascade} (read and edit that one; {@code TranslationCascade32} is its float32
 * copy), run over blocks of images by the lane batch engine ({@link LaneBatchEngine}). This class is
 * the front end: the filters, the output paths, the checks of the caller's arrays.
 *
 * <p>Immutable and thread-safe: share one instance. The scratch memory of a call lives in a
 * pool of scratch objects kept by the instance, so the per-image path allocates nothing once warm
 * (apart from the small per-call views of the caller's arrays). Results are identical bit for bit whatever the thread count, because each
 * image goes through exactly the same arithmetic whichever lane and thread it lands on.
 */
public final class Scattering2D implements FeatureExtractor {
    private final int J;
    private final int L;
    private final int maxOrder;
    private final Padding padding;
    private final MorletFilterBank bank;
    private final List<ScatteringPath> paths;
    private final int outHeight;
    private final int outWidth;
    private final int blockLanes;
    /** lowPass[r]: the low-pass of a map on the level-r grid (r = 0..J-1). */
    final LowPassOperator[] lowPass;
    /** firstOrder[j1 * L + t1]: psi_{j1,t1} at level 0, subsampling to level j1. */
    final SparseFourierFilter[] firstOrder;
    /** secondOrder[j1][j2 * L + t2]: psi_{j2,t2} at level j1, subsampling to level j2 (j2 &gt; j1). */
    final SparseFourierFilter[][] secondOrder;
    /** secondOrderStart[n1]: output channel of the first second-order path below wavelet n1. */
    final int[] secondOrderStart;
    private final LaneBatchEngine<TranslationCascade.Block, TranslationCascade.Workspace> engine64;
    private final LaneBatchEngine<TranslationCascade32.Block, TranslationCascade32.Workspace> engine32;

    Scattering2D(ScatteringConfig config) {
        ScatteringMemory.requireFiltersFit(config); // one clear line before gigabytes of filters are built
        this.J = config.J();
        this.L = config.L();
        this.maxOrder = config.maxOrder();
        this.padding = new Padding(config.height(), config.width(), J);
        this.bank = new MorletFilterBank(padding.paddedHeight(), padding.paddedWidth(), J, L);
        this.outHeight = padding.paddedHeight() / (1 << J) - 2;
        this.outWidth = padding.paddedWidth() / (1 << J) - 2;
        this.paths = Collections.unmodifiableList(buildPaths(J, L, maxOrder));
        this.lowPass = new LowPassOperator[J];
        for (int r = 0; r < J; r++) {
            lowPass[r] = new LowPassOperator(bank.phiRowFactor(r), bank.phiColFactor(r), 1 << (J - r), outHeight, outWidth);
        }
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        this.firstOrder = new SparseFourierFilter[J * L];
        this.secondOrder = new SparseFourierFilter[maxOrder == 2 ? J : 0][J * L];
        // Independent filters, each written by one task: built in parallel (a tenth of the build time
        // of large grids when sequential), the same whatever the thread count.
        java.util.stream.IntStream.range(0, J * L).parallel().forEach(n -> {
            int j = n / L;
            int t = n % L;
            // column-major filters (N x M row-major) for the column-major spectra
            firstOrder[n] = new SparseFourierFilter(bank.psiColumnMajor(j, t, 0), Np, Mp, 1 << j);
            for (int j1 = 0; j1 < Math.min(j, secondOrder.length); j1++) {
                // at level 0 the second-order filter is the first-order one (same wavelet, same k)
                secondOrder[j1][n] = j1 == 0 ? firstOrder[n]
                        : new SparseFourierFilter(bank.psiColumnMajor(j, t, j1), Np >> j1, Mp >> j1, 1 << (j - j1));
            }
        });
        int pixels = Mp * Np;
        // Many images per block on small grids: the per-call overhead of the FFTs and the short lane
        // loops of the products and low-pass are shared by more lanes (the measurements behind these
        // numbers are in docs/performance-history.md). Small grids take up to 128 lanes, a power of two
        // with at most 2^18 values per array (1 MiB in float32: the scratch of a thread stays near ten
        // such arrays); larger grids up to 32 lanes of at most 2^17 values.
        this.blockLanes = config.lanes() > 0 ? config.lanes()
                : pixels <= 4096 ? Math.min(128, Integer.highestOneBit((1 << 18) / pixels))
                : Math.max(1, Math.min(32, (1 << 17) / pixels));
        this.secondOrderStart = new int[J * L];
        int channel = 1 + J * L;
        for (int n1 = 0; n1 < J * L; n1++) {
            secondOrderStart[n1] = channel;
            if (maxOrder == 2) {
                channel += (J - 1 - n1 / L) * L;
            }
        }
        this.engine64 = new LaneBatchEngine<>(new TranslationCascade(this), blockLanes);
        this.engine32 = new LaneBatchEngine<>(new TranslationCascade32(this), blockLanes);
    }

    /** A transform with L = 8 orientations and order 2, Kymatio's defaults. */
    public static Scattering2D of(int J, int height, int width) {
        return builder().J(J).shape(height, width).build();
    }

    public static ScatteringConfig.Builder builder() {
        return new ScatteringConfig.Builder();
    }

    static List<ScatteringPath> buildPaths(int J, int L, int maxOrder) {
        List<ScatteringPath> p = new ArrayList<>();
        p.add(ScatteringPath.zeroth());
        for (int j1 = 0; j1 < J; j1++) {
            for (int t1 = 0; t1 < L; t1++) {
                p.add(ScatteringPath.first(j1, t1));
            }
        }
        if (maxOrder == 2) {
            for (int j1 = 0; j1 < J; j1++) {
                for (int t1 = 0; t1 < L; t1++) {
                    for (int j2 = j1 + 1; j2 < J; j2++) {
                        for (int t2 = 0; t2 < L; t2++) {
                            p.add(ScatteringPath.second(j1, t1, j2, t2));
                        }
                    }
                }
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ front end

    /** Transforms one H x W image (row-major float32); returns K x H' x W' floats. */
    public float[] transform(float[] image) {
        float[] out = new float[outputLength()];
        transform(image, 0, out, 0);
        return out;
    }

    /** Transforms one H x W image (row-major float64); returns K x H' x W' doubles. */
    public double[] transform(double[] image) {
        double[] out = new double[outputLength()];
        Float64Range.require(image, 0, 1, imageLength(), "image", "pixel");
        engine64.run(new Records.Float64("image", image, 0, 1, imageLength()), new Records.Float64("output", out, 0, 1, outputLength()), 1);
        return out;
    }

    /**
     * Transforms the image at {@code image[imageOffset ...]} into {@code out[outOffset ...]} on the
     * calling thread: the zero-allocation single-image path (scratch memory comes from a pool).
     */
    public void transform(float[] image, int imageOffset, float[] out, int outOffset) {
        engine32.run(new Records.Float32("image", image, imageOffset, 1, imageLength()),
                new Records.Float32("output", out, outOffset, 1, outputLength()), 1);
        Float32Range.recomputeHugeImages(image, imageOffset, 1, imageLength(), out, outOffset, outputLength(),
                outHeight * outWidth, this::transform); // pixels above 2^50: float64
    }

    /**
     * Transforms {@code count} images stored one after another (B, H, W) into {@code out} (B, K, H',
     * W'), using {@code threads} threads (at least 1). Many images are spread over threads a block
     * of lanes at a time; fewer images than threads (one large image) are spread by first-order
     * wavelet.
     */
    public void transformBatch(float[] images, int count, float[] out, int threads) {
        engine32.run(new Records.Float32("images", images, 0, count, imageLength()),
                new Records.Float32("output", out, 0, count, outputLength()), threads);
        Float32Range.recomputeHugeImages(images, 0, count, imageLength(), out, 0, outputLength(), outHeight * outWidth,
                this::transform); // pixels above 2^50: float64
    }

    /** As {@link #transformBatch(float[], int, float[], int)}, in float64. */
    public void transformBatch(double[] images, int count, double[] out, int threads) {
        Float64Range.require(images, 0, count, imageLength(), "image", "pixel");
        engine64.run(new Records.Float64("images", images, 0, count, imageLength()), new Records.Float64("output", out, 0, count, outputLength()),
                threads);
    }

    /** Transforms a batch with all available processors; returns (B, K, H', W') float32. */
    public float[] transformBatch(float[] images, int count) {
        float[] out = new float[Math.multiplyExact(count, outputLength())];
        transformBatch(images, count, out, Runtime.getRuntime().availableProcessors());
        return out;
    }

    // ------------------------------------------------------------------ FeatureExtractor

    @Override
    public int featureCount() {
        return outputLength();
    }

    @Override
    public String describe() {
        return "translation scattering J=" + J + " L=" + L + " order " + maxOrder + " (" + channelCount() + " channels x "
                + outHeight + "x" + outWidth + ")";
    }

    @Override
    public void extract(float[] images, int count, float[] out, int threads) {
        transformBatch(images, count, out, threads);
    }

    // ------------------------------------------------------------------ shape accessors

    public int J() {
        return J;
    }

    public int L() {
        return L;
    }

    public int maxOrder() {
        return maxOrder;
    }

    /** Input image height H. */
    @Override
    public int height() {
        return padding.height();
    }

    /** Input image width W. */
    @Override
    public int width() {
        return padding.width();
    }

    /** Number of output channels K. */
    public int channelCount() {
        return paths.size();
    }

    /** Output height H' = Hp / 2^J - 2. */
    public int outputHeight() {
        return outHeight;
    }

    /** Output width W' = Wp / 2^J - 2. */
    public int outputWidth() {
        return outWidth;
    }

    /** Floats per transformed image: K * H' * W'. */
    public int outputLength() {
        return paths.size() * outHeight * outWidth;
    }

    /** Pixels per input image: H * W. */
    public int imageLength() {
        return padding.height() * padding.width();
    }

    /** The description of every output channel, in output order. */
    public List<ScatteringPath> paths() {
        return paths;
    }

    /** The filter bank (padded grid), for inspection and plots. */
    public MorletFilterBank filterBank() {
        return bank;
    }

    public Padding padding() {
        return padding;
    }

    /** Images per lane block in batch calls. */
    public int blockLanes() {
        return blockLanes;
    }
}
