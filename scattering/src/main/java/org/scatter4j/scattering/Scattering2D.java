package org.scatter4j.scattering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.Padding;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;
import org.scatter4j.wavelets.fft.FloatFft2D;
import org.scatter4j.wavelets.fft.FloatFft2DFactory;

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
 * from the float64 ones ({@code org.scatter4j.codegen.Float32Kernels}): read and edit the float64
 * code below; its float32 copy follows it in this file.
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
    private final LowPassOperator[] lowPass;
    /** firstOrder[j1 * L + t1]: psi_{j1,t1} at level 0, subsampling to level j1. */
    private final SparseFourierFilter[] firstOrder;
    /** secondOrder[j1][j2 * L + t2]: psi_{j2,t2} at level j1, subsampling to level j2 (j2 &gt; j1). */
    private final SparseFourierFilter[][] secondOrder;
    /** secondOrderStart[n1]: output channel of the first second-order path below wavelet n1. */
    private final int[] secondOrderStart;

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
        // loops of the products and low-pass are shared by more lanes (measured, float64, 28x28 J=2
        // one thread: 1.73 / 1.10 / 1.02 / 0.81 ms per image at 4 / 8 / 16 / 32 lanes; float32,
        // CpuPerImage minima of three alternating runs: 28x28 J=2 0.309-0.368 / 0.286-0.315 /
        // 0.256-0.303 ms and 32x32 J=3 0.83-0.99 / 0.87-0.90 / 0.71-0.79 ms at 32 / 64 / 128 lanes).
        // Small grids take up to 128 lanes, a power of two with at most 2^18 values per array (1 MiB in
        // float32: the scratch of a thread stays near ten such arrays); grids above 4096 pixels as before.
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
        transformAll(new Images.Float64("image", image, 0, 1, imageLength()), new Images.Float64("output", out, 0, 1, outputLength()), 1);
        return out;
    }

    /**
     * Transforms the image at {@code image[imageOffset ...]} into {@code out[outOffset ...]} on the
     * calling thread: the zero-allocation single-image path (scratch memory comes from a pool).
     */
    public void transform(float[] image, int imageOffset, float[] out, int outOffset) {
        transformAll(new Images.Float32("image", image, imageOffset, 1, imageLength()),
                new Images.Float32("output", out, outOffset, 1, outputLength()), 1);
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
        transformAll(new Images.Float32("images", images, 0, count, imageLength()),
                new Images.Float32("output", out, 0, count, outputLength()), threads);
        Float32Range.recomputeHugeImages(images, 0, count, imageLength(), out, 0, outputLength(), outHeight * outWidth,
                this::transform); // pixels above 2^50: float64
    }

    /** As {@link #transformBatch(float[], int, float[], int)}, in float64. */
    public void transformBatch(double[] images, int count, double[] out, int threads) {
        transformAll(new Images.Float64("images", images, 0, count, imageLength()), new Images.Float64("output", out, 0, count, outputLength()),
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

    /**
     * Output values per tile of the store's transpose: 64 lane rows of a 128-lane float32 block are
     * 32 KiB, the L1 data cache. Why 64 and not 16: each record then receives a whole cache line
     * per tile, and the inner loop runs 64 iterations instead of 16 (a microbenchmark of case a's
     * block, 3969 values x 128 lanes: 6-9 us per image against 9-19 us with 16; a plain copy of the
     * same bytes takes 2).
     */
    private static final int STORE_TILE = 64;

    // ---- float64 kernels: begin
    // ------------------------------------------------------------------ the cascade

    /*
     * S_J x for the images in a block's lanes (padded input in block.xRe), written to block.out with
     * channel c of lane b at (c * H' * W' + pixel) * lanes + b. Bruna and Mallat (2013), eq. 7:
     *   S0 = x * phi_J
     *   U1 = |x * psi1|,   S1 = U1 * phi_J
     *   U2 = |U1 * psi2|,  S2 = U2 * phi_J      (psi2 of a coarser scale than psi1)
     * Convolutions are products in the Fourier domain followed by subsampling to the resolution the
     * result needs (Kymatio's algorithm); the last low-pass is done in space (LowPassOperator).
     * Spectra stay in column-major order (Fft2D.forwardTransposed, the filters built to match),
     * which saves each FFT one of its two transposes. U = |W x| is one call: the inverse FFT has the
     * filter product written row by row (SparseFourierFilter.Product) straight into its input and
     * takes the modulus in its final pass. U then stays in the FFT's row arrays: the low-pass reads them as
     * they are, and so does the forward FFT of U1 (no copy out and back in; for U2 alone, 5-7 % of
     * case a's time in an interleaved A/B).
     * The subtree of each first-order wavelet is independent of the others, which is how one large
     * image is spread over threads.
     */

    /** S0 = x * phi_J, then X = F x in place. */
    private void zerothOrderAndSpectrum(Block b, Branch br) {
        lowPass[0].apply(b.xRe, b.lanes, br.lowPassScratch, b.out, 0);              // S0 = x * phi_J
        br.fft[0].forwardRealTransposed(b.xRe, b.xIm);                              // X = F x (x real)
    }

    /** Everything below the first-order wavelet n1 = j1 * L + t1: S1 and the S2 of its children. */
    private void firstOrderSubtree(int n1, Block b, Branch br) {
        int lanes = b.lanes;
        int plane = outHeight * outWidth * lanes;
        int j1 = n1 / L;
        SparseFourierFilter.Product xPsi1 = br.product.of(firstOrder[n1], b.xRe, b.xIm, lanes);
        double[][] u1 = br.fft[j1].inverseTransposedModulusRows(xPsi1);            // U1 = |x * psi1|
        lowPass[j1].applyRows(u1, lanes, br.lowPassScratch, b.out, plane * (1 + n1)); // S1 = U1 * phi_J
        if (maxOrder < 2 || j1 == J - 1) {
            return;
        }
        br.fft[j1].forwardRealTransposed(u1, br.u1HatRe, br.u1HatIm);              // F U1 (U1 real)
        int channel = secondOrderStart[n1];
        for (int n2 = (j1 + 1) * L; n2 < J * L; n2++) {
            int j2 = n2 / L;
            SparseFourierFilter.Product u1Psi2 = br.product.of(secondOrder[j1][n2], br.u1HatRe, br.u1HatIm, lanes);
            double[][] u2 = br.fft[j2].inverseTransposedModulusRows(u1Psi2);        // U2 = |U1 * psi2|
            lowPass[j2].applyRows(u2, lanes, br.lowPassScratch, b.out, plane * channel++); // S2 = U2 * phi_J
        }
    }

    // ------------------------------------------------------------------ batch engine

    private void transformAll(Images.Float64 in, Images.Float64 out, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got threads=" + threads);
        }
        int count = in.count();
        if (count < 1) {
            throw new IllegalArgumentException("empty batch: count must be >= 1, got count=" + count);
        }
        int lanes = count == 1 ? 1 : blockLanes;
        int blocks = (count + lanes - 1) / lanes;
        if (threads == 1) {
            Block b = blocks(lanes).take();
            Branch br = branches(lanes).take();
            try {
                for (int k = 0; k < blocks; k++) {
                    runBlock(in, out, k * lanes, Math.min(lanes, count - k * lanes), b, br);
                }
            } finally {
                blocks(lanes).give(b);
                branches(lanes).give(br);
            }
        } else if (blocks >= threads) {
            AtomicInteger next = new AtomicInteger();
            Parallel.run(threads, () -> {
                Block b = blocks(lanes).take();
                Branch br = branches(lanes).take();
                try {
                    for (int k = next.getAndIncrement(); k < blocks; k = next.getAndIncrement()) {
                        runBlock(in, out, k * lanes, Math.min(lanes, count - k * lanes), b, br);
                    }
                } finally {
                    blocks(lanes).give(b);
                    branches(lanes).give(br);
                }
            });
        } else {
            for (int k = 0; k < blocks; k++) {
                runBlockInParallel(in, out, k * lanes, Math.min(lanes, count - k * lanes), lanes, threads);
            }
        }
    }

    /** Loads images [first, first + n) into the lanes, runs the cascade, stores the results. */
    private void runBlock(Images.Float64 in, Images.Float64 out, int first, int n, Block b, Branch br) {
        load(in, first, n, b);
        zerothOrderAndSpectrum(b, br);
        for (int n1 = 0; n1 < J * L; n1++) {
            firstOrderSubtree(n1, b, br);
        }
        store(out, first, n, b);
    }

    /** One block, its first-order subtrees spread over threads (each channel is written by one thread). */
    private void runBlockInParallel(Images.Float64 in, Images.Float64 out, int first, int n, int lanes, int threads) {
        Block b = blocks(lanes).take();
        try {
            Branch br0 = branches(lanes).take();
            try {
                load(in, first, n, b);
                zerothOrderAndSpectrum(b, br0);
            } finally {
                branches(lanes).give(br0);
            }
            AtomicInteger next = new AtomicInteger();
            Parallel.run(Math.min(threads, J * L), () -> {
                Branch br = branches(lanes).take();
                try {
                    for (int n1 = next.getAndIncrement(); n1 < J * L; n1 = next.getAndIncrement()) {
                        firstOrderSubtree(n1, b, br);
                    }
                } finally {
                    branches(lanes).give(br);
                }
            });
            store(out, first, n, b);
        } finally {
            blocks(lanes).give(b);
        }
    }

    private void load(Images.Float64 in, int first, int n, Block b) {
        for (int k = 0; k < n; k++) {
            in.copyImage(first + k, b.image);
            Images.requireFinite(b.image, first + k, padding.width());
            padding.padIntoLane(b.image, 0, b.xRe, k, b.lanes);
        }
        for (int k = n; k < b.lanes; k++) { // unused lanes: zeros (their results are discarded)
            padding.clearLane(b.xRe, k, b.lanes);
        }
    }

    /**
     * Lane k of the block's output (value q at {@code b.out[q * lanes + k]}) becomes record first + k:
     * a transpose, in tiles of {@link #STORE_TILE} values so that the rows it reads stay in the L1
     * cache (record by record over the whole block, each read fell in another cache line of a block
     * of about 2 MB: 5 % of case a's samples in a profile).
     */
    private void store(Images.Float64 out, int first, int n, Block b) {
        int len = outputLength();
        double[] dst = out.data();
        int lanes = b.lanes;
        for (int q0 = 0; q0 < len; q0 += STORE_TILE) {
            int q1 = Math.min(len, q0 + STORE_TILE);
            for (int k = 0; k < n; k++) {
                int to = out.offset() + (first + k) * out.stride();
                for (int q = q0; q < q1; q++) {
                    dst[to + q] = b.out[q * lanes + k];
                }
            }
        }
    }

    // ------------------------------------------------------------------ scratch memory

    // Scratch objects of this precision, kept between calls so that a warm transform allocates nothing.
    private final Pool<Block> singleBlocks = new Pool<>(() -> new Block(1));
    private final Pool<Block> laneBlocks = new Pool<>(() -> new Block(blockLanes()));
    private final Pool<Branch> singleBranches = new Pool<>(() -> new Branch(1));
    private final Pool<Branch> laneBranches = new Pool<>(() -> new Branch(blockLanes()));

    private Pool<Block> blocks(int lanes) {
        return lanes == 1 ? singleBlocks : laneBlocks;
    }

    private Pool<Branch> branches(int lanes) {
        return lanes == 1 ? singleBranches : laneBranches;
    }

    /** A block of images: the padded input and its spectrum, and every output channel. */
    final class Block {
        final int lanes;
        final double[] xRe;
        final double[] xIm;
        final double[] out;
        final double[] image;

        Block(int lanes) {
            this.lanes = lanes;
            int full = padding.paddedHeight() * padding.paddedWidth() * lanes;
            this.xRe = new double[full];
            this.xIm = new double[full];
            this.out = new double[outputLength() * lanes];
            this.image = new double[imageLength()];
        }
    }

    /** The scratch memory of one thread working below a first-order wavelet: FFT plans, the spectrum of U1. */
    final class Branch {
        final Fft2D[] fft;
        /** The spectrum of U1 (column-major); U1 itself stays in the FFT's rows. */
        final double[] u1HatRe;
        final double[] u1HatIm;
        final LowPassOperator.Scratch lowPassScratch;
        final SparseFourierFilter.Product product;

        Branch(int lanes) {
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new Fft2D[J];
            for (int r = 0; r < J; r++) {
                fft[r] = Fft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.u1HatRe = new double[full];
            this.u1HatIm = new double[full];
            // level 0 has the widest rows; every level has the same number of output rows
            this.lowPassScratch = lowPass[0].newScratch(lanes);
            // the filters read column-major spectra: their rows are the grid's columns
            this.product = new SparseFourierFilter.Product(SparseFourierFilter.newScratch(Mp, lanes));
        }
    }

    // ---- float64 kernels: end

    // ---- float32 kernels, GENERATED from the float64 kernels above by org.scatter4j.codegen.Float32Kernels (do not edit): begin
    // ------------------------------------------------------------------ the cascade

    /*
     * S_J x for the images in a block's lanes (padded input in block.xRe), written to block.out with
     * channel c of lane b at (c * H' * W' + pixel) * lanes + b. Bruna and Mallat (2013), eq. 7:
     *   S0 = x * phi_J
     *   U1 = |x * psi1|,   S1 = U1 * phi_J
     *   U2 = |U1 * psi2|,  S2 = U2 * phi_J      (psi2 of a coarser scale than psi1)
     * Convolutions are products in the Fourier domain followed by subsampling to the resolution the
     * result needs (Kymatio's algorithm); the last low-pass is done in space (LowPassOperator).
     * Spectra stay in column-major order (FloatFft2D.forwardTransposed, the filters built to match),
     * which saves each FFT one of its two transposes. U = |W x| is one call: the inverse FFT has the
     * filter product written row by row (SparseFourierFilter.Product32) straight into its input and
     * takes the modulus in its final pass. U then stays in the FFT's row arrays: the low-pass reads them as
     * they are, and so does the forward FFT of U1 (no copy out and back in; for U2 alone, 5-7 % of
     * case a's time in an interleaved A/B).
     * The subtree of each first-order wavelet is independent of the others, which is how one large
     * image is spread over threads.
     */

    /** S0 = x * phi_J, then X = F x in place. */
    private void zerothOrderAndSpectrum(Block32 b, Branch32 br) {
        lowPass[0].apply(b.xRe, b.lanes, br.lowPassScratch, b.out, 0);              // S0 = x * phi_J
        br.fft[0].forwardRealTransposed(b.xRe, b.xIm);                              // X = F x (x real)
    }

    /** Everything below the first-order wavelet n1 = j1 * L + t1: S1 and the S2 of its children. */
    private void firstOrderSubtree(int n1, Block32 b, Branch32 br) {
        int lanes = b.lanes;
        int plane = outHeight * outWidth * lanes;
        int j1 = n1 / L;
        SparseFourierFilter.Product32 xPsi1 = br.product.of(firstOrder[n1], b.xRe, b.xIm, lanes);
        float[][] u1 = br.fft[j1].inverseTransposedModulusRows(xPsi1);            // U1 = |x * psi1|
        lowPass[j1].applyRows(u1, lanes, br.lowPassScratch, b.out, plane * (1 + n1)); // S1 = U1 * phi_J
        if (maxOrder < 2 || j1 == J - 1) {
            return;
        }
        br.fft[j1].forwardRealTransposed(u1, br.u1HatRe, br.u1HatIm);              // F U1 (U1 real)
        int channel = secondOrderStart[n1];
        for (int n2 = (j1 + 1) * L; n2 < J * L; n2++) {
            int j2 = n2 / L;
            SparseFourierFilter.Product32 u1Psi2 = br.product.of(secondOrder[j1][n2], br.u1HatRe, br.u1HatIm, lanes);
            float[][] u2 = br.fft[j2].inverseTransposedModulusRows(u1Psi2);        // U2 = |U1 * psi2|
            lowPass[j2].applyRows(u2, lanes, br.lowPassScratch, b.out, plane * channel++); // S2 = U2 * phi_J
        }
    }

    // ------------------------------------------------------------------ batch engine

    private void transformAll(Images.Float32 in, Images.Float32 out, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got threads=" + threads);
        }
        int count = in.count();
        if (count < 1) {
            throw new IllegalArgumentException("empty batch: count must be >= 1, got count=" + count);
        }
        int lanes = count == 1 ? 1 : blockLanes;
        int blocks32 = (count + lanes - 1) / lanes;
        if (threads == 1) {
            Block32 b = blocks32(lanes).take();
            Branch32 br = branches32(lanes).take();
            try {
                for (int k = 0; k < blocks32; k++) {
                    runBlock(in, out, k * lanes, Math.min(lanes, count - k * lanes), b, br);
                }
            } finally {
                blocks32(lanes).give(b);
                branches32(lanes).give(br);
            }
        } else if (blocks32 >= threads) {
            AtomicInteger next = new AtomicInteger();
            Parallel.run(threads, () -> {
                Block32 b = blocks32(lanes).take();
                Branch32 br = branches32(lanes).take();
                try {
                    for (int k = next.getAndIncrement(); k < blocks32; k = next.getAndIncrement()) {
                        runBlock(in, out, k * lanes, Math.min(lanes, count - k * lanes), b, br);
                    }
                } finally {
                    blocks32(lanes).give(b);
                    branches32(lanes).give(br);
                }
            });
        } else {
            for (int k = 0; k < blocks32; k++) {
                runBlockInParallel(in, out, k * lanes, Math.min(lanes, count - k * lanes), lanes, threads);
            }
        }
    }

    /** Loads images [first, first + n) into the lanes, runs the cascade, stores the results. */
    private void runBlock(Images.Float32 in, Images.Float32 out, int first, int n, Block32 b, Branch32 br) {
        load(in, first, n, b);
        zerothOrderAndSpectrum(b, br);
        for (int n1 = 0; n1 < J * L; n1++) {
            firstOrderSubtree(n1, b, br);
        }
        store(out, first, n, b);
    }

    /** One block, its first-order subtrees spread over threads (each channel is written by one thread). */
    private void runBlockInParallel(Images.Float32 in, Images.Float32 out, int first, int n, int lanes, int threads) {
        Block32 b = blocks32(lanes).take();
        try {
            Branch32 br0 = branches32(lanes).take();
            try {
                load(in, first, n, b);
                zerothOrderAndSpectrum(b, br0);
            } finally {
                branches32(lanes).give(br0);
            }
            AtomicInteger next = new AtomicInteger();
            Parallel.run(Math.min(threads, J * L), () -> {
                Branch32 br = branches32(lanes).take();
                try {
                    for (int n1 = next.getAndIncrement(); n1 < J * L; n1 = next.getAndIncrement()) {
                        firstOrderSubtree(n1, b, br);
                    }
                } finally {
                    branches32(lanes).give(br);
                }
            });
            store(out, first, n, b);
        } finally {
            blocks32(lanes).give(b);
        }
    }

    private void load(Images.Float32 in, int first, int n, Block32 b) {
        for (int k = 0; k < n; k++) {
            in.copyImage(first + k, b.image);
            Images.requireFinite(b.image, first + k, padding.width());
            padding.padIntoLane(b.image, 0, b.xRe, k, b.lanes);
        }
        for (int k = n; k < b.lanes; k++) { // unused lanes: zeros (their results are discarded)
            padding.clearLane(b.xRe, k, b.lanes);
        }
    }

    /**
     * Lane k of the block's output (value q at {@code b.out[q * lanes + k]}) becomes record first + k:
     * a transpose, in tiles of {@link #STORE_TILE} values so that the rows it reads stay in the L1
     * cache (record by record over the whole block, each read fell in another cache line of a block
     * of about 2 MB: 5 % of case a's samples in a profile).
     */
    private void store(Images.Float32 out, int first, int n, Block32 b) {
        int len = outputLength();
        float[] dst = out.data();
        int lanes = b.lanes;
        for (int q0 = 0; q0 < len; q0 += STORE_TILE) {
            int q1 = Math.min(len, q0 + STORE_TILE);
            for (int k = 0; k < n; k++) {
                int to = out.offset() + (first + k) * out.stride();
                for (int q = q0; q < q1; q++) {
                    dst[to + q] = b.out[q * lanes + k];
                }
            }
        }
    }

    // ------------------------------------------------------------------ scratch memory

    // Scratch32 objects of this precision, kept between calls so that a warm transform allocates nothing.
    private final Pool<Block32> singleBlocks32 = new Pool<>(() -> new Block32(1));
    private final Pool<Block32> laneBlocks32 = new Pool<>(() -> new Block32(blockLanes()));
    private final Pool<Branch32> singleBranches32 = new Pool<>(() -> new Branch32(1));
    private final Pool<Branch32> laneBranches32 = new Pool<>(() -> new Branch32(blockLanes()));

    private Pool<Block32> blocks32(int lanes) {
        return lanes == 1 ? singleBlocks32 : laneBlocks32;
    }

    private Pool<Branch32> branches32(int lanes) {
        return lanes == 1 ? singleBranches32 : laneBranches32;
    }

    /** A block of images: the padded input and its spectrum, and every output channel. */
    final class Block32 {
        final int lanes;
        final float[] xRe;
        final float[] xIm;
        final float[] out;
        final float[] image;

        Block32(int lanes) {
            this.lanes = lanes;
            int full = padding.paddedHeight() * padding.paddedWidth() * lanes;
            this.xRe = new float[full];
            this.xIm = new float[full];
            this.out = new float[outputLength() * lanes];
            this.image = new float[imageLength()];
        }
    }

    /** The scratch memory of one thread working below a first-order wavelet: FFT plans, the spectrum of U1. */
    final class Branch32 {
        final FloatFft2D[] fft;
        /** The spectrum of U1 (column-major); U1 itself stays in the FFT's rows. */
        final float[] u1HatRe;
        final float[] u1HatIm;
        final LowPassOperator.Scratch32 lowPassScratch;
        final SparseFourierFilter.Product32 product;

        Branch32(int lanes) {
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new FloatFft2D[J];
            for (int r = 0; r < J; r++) {
                fft[r] = FloatFft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.u1HatRe = new float[full];
            this.u1HatIm = new float[full];
            // level 0 has the widest rows; every level has the same number of output rows
            this.lowPassScratch = lowPass[0].newScratch32(lanes);
            // the filters read column-major spectra: their rows are the grid's columns
            this.product = new SparseFourierFilter.Product32(SparseFourierFilter.newScratch32(Mp, lanes));
        }
    }

    // ---- float32 kernels: end

    /** Scratch objects kept between calls, so that a warm transform allocates nothing. */
    private static final class Pool<T> {
        private final ConcurrentLinkedDeque<T> free = new ConcurrentLinkedDeque<>();
        private final java.util.function.Supplier<T> factory;

        Pool(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        T take() {
            T t = free.poll();
            return t != null ? t : factory.get();
        }

        void give(T t) {
            free.push(t);
        }
    }
}
