package org.scatter4j.scattering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.Padding;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;

/**
 * The 2D translation scattering transform S_J of Bruna and Mallat (2013) with Morlet wavelets,
 * computed exactly as Kymatio does (same padding, filters, subsampling, channel order), for images
 * of a fixed size H x W with 2^J &lt;= H, W.
 *
 * <p>Output of one image: K = 1 + J L + L^2 J (J - 1) / 2 channels (order 2; 1 + J L for order 1) of
 * size H' x W' with H' = Hp / 2^J - 2 (Hp the padded height); channel c is described by
 * {@code paths().get(c)}. A batch is laid out (B, K, H', W') in C order.
 *
 * <p>Precision: all arithmetic is float64; the float[] methods read and write float32 arrays
 * (half the memory for features), the double[] methods float64 arrays.
 *
 * <p>Immutable and thread-safe: share one instance. The scratch memory of a call lives in a
 * {@link Workspace} taken from an internal pool (or passed in), so the per-image path allocates
 * nothing once warm. Results are identical bit for bit whatever the thread count, because each
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
    private final ConcurrentLinkedDeque<Workspace> singlePool = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Workspace> blockPool = new ConcurrentLinkedDeque<>();

    Scattering2D(ScatteringConfig config) {
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
        for (int j = 0; j < J; j++) {
            for (int t = 0; t < L; t++) {
                firstOrder[j * L + t] = new SparseFourierFilter(bank.psi(j, t, 0), Mp, Np, 1 << j);
                for (int j1 = 0; j1 < Math.min(j, secondOrder.length); j1++) {
                    secondOrder[j1][j * L + t] = new SparseFourierFilter(bank.psi(j, t, j1), Mp >> j1, Np >> j1, 1 << (j - j1));
                }
            }
        }
        int pixels = Mp * Np;
        this.blockLanes = config.lanes() > 0 ? config.lanes() : Math.max(1, Math.min(16, (1 << 16) / pixels));
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

    // ------------------------------------------------------------------ the cascade

    /**
     * S_J x for the images in the workspace's lanes (padded input in {@code w.xRe}); writes channel
     * c of lane b at {@code w.out[(c * H' * W' + pixel) * lanes + b]}. Bruna and Mallat (2013), eq. 7:
     * S0 = x * phi; U1 = |x * psi1|, S1 = U1 * phi; U2 = |U1 * psi2|, S2 = U2 * phi.
     */
    private void cascade(Workspace w) {
        int lanes = w.lanes;
        int plane = outHeight * outWidth * lanes;
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        int next1 = 1;
        int next2 = 1 + J * L;

        lowPass[0].apply(w.xRe, lanes, w.lowPassScratch, w.out, 0);                 // S0 = x * phi_J
        java.util.Arrays.fill(w.xIm, 0.0);
        w.fft[0].forward(w.xRe, w.xIm);                                             // X = F x
        for (int j1 = 0; j1 < J; j1++) {
            int rows1 = Mp >> j1;
            int cols1 = Np >> j1;
            for (int t1 = 0; t1 < L; t1++) {
                firstOrder[j1 * L + t1].multiplySubsample(w.xRe, w.xIm, lanes, w.u1Re, w.u1Im);
                w.fft[j1].inverse(w.u1Re, w.u1Im);
                LaneOps.modulus(w.u1Re, w.u1Im, rows1 * cols1 * lanes);             // U1 = |x * psi1|
                lowPass[j1].apply(w.u1Re, lanes, w.lowPassScratch, w.out, plane * next1++); // S1 = U1 * phi_J
                if (maxOrder < 2 || j1 == J - 1) {
                    continue;
                }
                w.fft[j1].forward(w.u1Re, w.u1Im);                                  // F U1
                for (int j2 = j1 + 1; j2 < J; j2++) {
                    int size2 = (Mp >> j2) * (Np >> j2) * lanes;
                    for (int t2 = 0; t2 < L; t2++) {
                        secondOrder[j1][j2 * L + t2].multiplySubsample(w.u1Re, w.u1Im, lanes, w.u2Re, w.u2Im);
                        w.fft[j2].inverse(w.u2Re, w.u2Im);
                        LaneOps.modulus(w.u2Re, w.u2Im, size2);                     // U2 = |U1 * psi2|
                        lowPass[j2].apply(w.u2Re, lanes, w.lowPassScratch, w.out, plane * next2++); // S2 = U2 * phi_J
                    }
                }
            }
        }
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
        transformBatch(new Images.Float64(image, 0, 1, imageLength()), new Images.Float64(out, 0, 1, outputLength()), 1);
        return out;
    }

    /**
     * Transforms the image at {@code image[imageOffset ...]} into {@code out[outOffset ...]}: the
     * zero-allocation single-image path (scratch memory comes from a pool).
     */
    public void transform(float[] image, int imageOffset, float[] out, int outOffset) {
        Images.Float32 in = new Images.Float32(image, imageOffset, 1, imageLength());
        Images.Float32 o = new Images.Float32(out, outOffset, 1, outputLength());
        Workspace w = take(singlePool, 1);
        try {
            runBlock(in, o, 0, 1, w);
        } finally {
            singlePool.push(w);
        }
    }

    /**
     * Transforms {@code count} images stored one after another (B, H, W) into {@code out} (B, K, H',
     * W'), using {@code threads} threads (at least 1).
     */
    public void transformBatch(float[] images, int count, float[] out, int threads) {
        transformBatch(new Images.Float32(images, 0, count, imageLength()),
                new Images.Float32(out, 0, count, outputLength()), threads);
    }

    /** As {@link #transformBatch(float[], int, float[], int)}, in float64. */
    public void transformBatch(double[] images, int count, double[] out, int threads) {
        transformBatch(new Images.Float64(images, 0, count, imageLength()), new Images.Float64(out, 0, count, outputLength()),
                threads);
    }

    /** Transforms a batch with all available processors; returns (B, K, H', W') float32. */
    public float[] transformBatch(float[] images, int count) {
        float[] out = new float[Math.multiplyExact(count, outputLength())];
        transformBatch(images, count, out, Runtime.getRuntime().availableProcessors());
        return out;
    }

    private void transformBatch(Images in, Images out, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got threads=" + threads);
        }
        int count = in.count();
        if (count < 1) {
            throw new IllegalArgumentException("empty batch: count must be >= 1, got count=" + count);
        }
        int blocks = (count + blockLanes - 1) / blockLanes;
        int workers = Math.min(threads, blocks);
        if (workers == 1) {
            Workspace w = take(blockPool, blockLanes);
            try {
                for (int b = 0; b < blocks; b++) {
                    runBlock(in, out, b * blockLanes, Math.min(blockLanes, count - b * blockLanes), w);
                }
            } finally {
                blockPool.push(w);
            }
            return;
        }
        AtomicInteger nextBlock = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "scatter4j-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                futures.add(pool.submit(() -> {
                    Workspace w = take(blockPool, blockLanes);
                    try {
                        for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
                            runBlock(in, out, b * blockLanes, Math.min(blockLanes, count - b * blockLanes), w);
                        }
                    } finally {
                        blockPool.push(w);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scattering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Loads images [first, first + n) into the lanes, runs the cascade, stores the results. */
    private void runBlock(Images in, Images out, int first, int n, Workspace w) {
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        int lanes = w.lanes;
        for (int b = 0; b < n; b++) {
            in.copyImage(first + b, w.image);
            checkFinite(w.image, first + b);
            for (int r = 0; r < Mp; r++) {
                int src = padding.sourceRow(r) * padding.width();
                for (int c = 0; c < Np; c++) {
                    w.xRe[(r * Np + c) * lanes + b] = w.image[src + padding.sourceCol(c)];
                }
            }
        }
        for (int b = n; b < lanes; b++) { // unused lanes: zeros (their results are discarded)
            for (int p = 0; p < Mp * Np; p++) {
                w.xRe[p * lanes + b] = 0.0;
            }
        }
        cascade(w);
        int len = outputLength();
        for (int b = 0; b < n; b++) {
            for (int q = 0; q < len; q++) {
                w.result[q] = w.out[q * lanes + b];
            }
            out.storeResult(first + b, w.result);
        }
    }

    private void checkFinite(double[] image, int index) {
        for (int p = 0; p < image.length; p++) {
            if (!Double.isFinite(image[p])) {
                throw new IllegalArgumentException("image " + index + " has a non-finite pixel " + image[p] + " at (row "
                        + p / padding.width() + ", column " + p % padding.width() + "); pixels must be finite");
            }
        }
    }

    private Workspace take(ConcurrentLinkedDeque<Workspace> pool, int lanes) {
        Workspace w = pool.poll();
        return w != null ? w : new Workspace(lanes);
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

    // ------------------------------------------------------------------ scratch memory

    /** Every scratch array of one cascade over {@code lanes} images; used by one thread at a time. */
    final class Workspace {
        final int lanes;
        final Fft2D[] fft;
        final double[] xRe;
        final double[] xIm;
        final double[] u1Re;
        final double[] u1Im;
        final double[] u2Re;
        final double[] u2Im;
        final double[] lowPassScratch;
        final double[] out;
        final double[] image;
        final double[] result;

        Workspace(int lanes) {
            this.lanes = lanes;
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new Fft2D[J];
            for (int r = 0; r < J; r++) {
                fft[r] = Fft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.xRe = new double[full];
            this.xIm = new double[full];
            this.u1Re = new double[full];
            this.u1Im = new double[full];
            int half = J > 1 && maxOrder == 2 ? (Mp >> 1) * (Np >> 1) * lanes : 0;
            this.u2Re = new double[half];
            this.u2Im = new double[half];
            int scratch = 0;
            for (LowPassOperator op : lowPass) {
                scratch = Math.max(scratch, op.scratchLength(lanes));
            }
            this.lowPassScratch = new double[scratch];
            this.out = new double[outputLength() * lanes];
            this.image = new double[imageLength()];
            this.result = new double[outputLength()];
        }
    }
}
