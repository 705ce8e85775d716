package org.scatter4j.scattering;

import java.io.IOException;

/**
 * The 2D scattering transform of an image of any size (20000 x 20000, gigapixel slides) in memory
 * set by a tile, not by the image: the image is read a tile at a time from a {@link Source}, each
 * tile is transformed by one {@link Scattering2D} of the tile's size, and the central part of its
 * output is written to a {@link Sink}. The output has the shape of the whole-image transform,
 * K x H' x W' with H' = floor(H / 2^J), W' = floor(W / 2^J) (Kymatio's H' = Hp / 2^J - 2).
 *
 * <p><b>Geometry.</b> Output (i, j) of the whole-image transform is the scattering at image pixel
 * (o_H + i 2^J, o_W + j 2^J), where o = 2^J - (Hp - H) / 2 depends on H mod 2^J (Kymatio's padding:
 * the output grid starts one step of 2^J into the padded grid). A tile is T x T pixels with T a
 * multiple of 2^J, so its own output (a, b) is at its pixel (a 2^J, b 2^J). Tiles are placed at
 * image offsets o_H + (a0 - m) 2^J (rows; columns alike), a0 a multiple of the core n - 2m (n = T /
 * 2^J): offsets on the whole image's output grid, so that every tile output is a whole-image
 * output position. Each tile contributes its core, outputs [m, n - m) on both axes (the last tiles
 * fewer); the cores tile the output exactly once.
 *
 * <p><b>Where and why it differs from the whole-image transform.</b> Every value is the same
 * cascade |||x * psi1| * psi2| * phi_J evaluated at the same point; the two computations differ in
 * what lies far from that point:
 * <ul>
 * <li><i>The tile's edge.</i> Beyond its edge a tile sees its own reflection (Kymatio's reflect
 *     padding of the tile, 2^J pixels), then, on its padded grid of (n + 2) 2^J, the periodic wrap
 *     of the circular convolutions (the opposite side of the tile); the whole image sees the true
 *     neighbouring pixels there. A core output is m 2^J pixels inside the tile's edge.</li>
 * <li><i>How far the filters reach.</i> At level 0 (the full grid) the filters are Gaussians
 *     (phi_J of width 0.8 2^(J-1), the wavelets 0.8 2^j and 1.6 2^j across their slant): a pixel d
 *     away weighs exp(-d^2 / (2 sigma^2)). The channels computed on level 0 only (S0, and S1 of
 *     the j = 0 wavelets) therefore agree to 2e-12 at m = 4 (J = 2) and to float64 rounding
 *     (1e-15) from m = 6. Every other
 *     channel uses a filter on a coarser level, and Kymatio periodizes a filter to a coarser grid
 *     by first zeroing the frequencies the coarse grid cannot represent ({@code
 *     periodize_filter_fft}; {@code Periodization}): a brick-wall cut of a Gaussian spectrum that
 *     is not negligible at the cut (the low-pass at level 1 is cut where it is still 4 % of its
 *     peak). In space that filter is the Gaussian convolved with a Dirichlet kernel of the padded
 *     grid: its tails decay only like 1 / distance, and their period is the padded grid's, which
 *     differs between a tile and the whole image. So these channels differ by a floor that
 *     shrinks only slowly with the margin: measured, as the largest difference over the largest
 *     |value| of the channel, on a 256 x 200 noise-and-edges image in float64 (J = 2; J = 3):
 *     margin 1: 0.35; 0.47, 2: 3.6e-2; 5.2e-2, 3: 2.3e-3; 2.7e-3, 4: 6.6e-4; 6.8e-4,
 *     6: 4.1e-4; 2.8e-4. Float precision (1e-6) is out of reach at any practical margin: it is a
 *     property of Kymatio's filters, not of the tiling (the whole image of one size and the whole
 *     image of a crop differ in the same way). {@link #MARGIN} = {@value #MARGIN} output steps
 *     (4 2^J pixels) is where the floor flattens: at most 1e-3 relative ({@code
 *     TiledScattering2DTest} asserts it, 1e-10 for the level-0 channels, and that a margin of 1
 *     gives more than 0.1).</li>
 * <li><i>The image's border.</i> Both computations approximate the unseen outside differently:
 *     the whole image is reflected by (Hp - H) / 2 pixels and then wraps periodically across the
 *     image, while a tile reaching beyond the image reads the image reflected (numpy {@code
 *     reflect}) as far as it needs. Outputs within 1 step of the border differ by up to 0.5 of a
 *     channel's largest value, at 2 steps by 2e-3; from 3 steps on the difference is the floor
 *     above. Neither computation sees the true scene there.</li>
 * </ul>
 * In float32 both computations also carry their own rounding of about 1e-6 relative (FFTs of
 * different lengths).
 *
 * <p><b>Memory.</b> One Scattering2D of T x T ({@link ScatteringMemory#estimateBytes} of T x T; about
 * 1.4 GB at T = 1024, J = 5), the tiles of one batch and their outputs; nothing grows with the
 * image. The work per output is (n / (n - 2m))^2 times the whole image's (the margins are computed
 * twice), so larger tiles are cheaper when memory allows.
 *
 * <p>Thread-safe for concurrent calls to {@link #transform} (the Scattering2D is shared; buffers are
 * per call). Deterministic: the same bits whatever the thread count.
 */
public final class TiledScattering2D {
    /** Default margin in output steps (2^J pixels): see the class comment for what it buys. */
    public static final int MARGIN = 4;

    /** Reads an image region by region. */
    public interface Source {
        int height();

        int width();

        /**
         * Reads rows [row0, row0 + rows) and columns [col0, col0 + cols) (inside the image) into
         * {@code dst}, row-major with {@code cols} values per row.
         */
        void read(int row0, int col0, int rows, int cols, double[] dst) throws IOException;
    }

    /** Receives the output region by region. */
    public interface Sink {
        /**
         * Output rows [row0, row0 + rows) and columns [col0, col0 + cols) of every channel: value
         * (channel c, row r, column q) at {@code values[(c * rows + r) * cols + q]} (r, q relative
         * to the region). Every output position is written exactly once.
         */
        void write(int row0, int col0, int rows, int cols, double[] values) throws IOException;
    }

    /** A source over a row-major float64 image held in memory. */
    public static Source source(double[] image, int height, int width) {
        if ((long) height * width != image.length) {
            throw new IllegalArgumentException("image of length " + image.length + " is not " + height + "x" + width);
        }
        return new Source() {
            public int height() {
                return height;
            }

            public int width() {
                return width;
            }

            public void read(int row0, int col0, int rows, int cols, double[] dst) {
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(image, (row0 + r) * width + col0, dst, r * cols, cols);
                }
            }
        };
    }

    private final Scattering2D tile;
    private final int J;
    private final int step;
    private final int size;
    private final int margin;
    private final int core;

    /** Tiles of {@code tileSize} pixels (a multiple of 2^J) with the default {@link #MARGIN}. */
    public TiledScattering2D(int J, int L, int maxOrder, int tileSize) {
        this(J, L, maxOrder, tileSize, MARGIN);
    }

    /**
     * @param tileSize tile side in pixels, a multiple of 2^J with tileSize / 2^J &gt; 2 margin
     * @param margin   output steps of each tile's side left out of its core (see the class comment)
     */
    public TiledScattering2D(int J, int L, int maxOrder, int tileSize, int margin) {
        if (J < 1 || J > 30) {
            throw new IllegalArgumentException("J must be in [1, 30], got J=" + J);
        }
        this.step = 1 << J;
        if (margin < 0) {
            throw new IllegalArgumentException("margin must be >= 0, got margin=" + margin);
        }
        if (tileSize < step || tileSize % step != 0 || (long) tileSize / step <= 2L * margin) {
            throw new IllegalArgumentException("tile size must be a multiple of 2^J = " + step + " larger than 2 margin 2^J = "
                    + 2L * margin * step + " (J=" + J + ", margin=" + margin + "), got " + tileSize + "; e.g. "
                    + (2 * margin + 8) * step);
        }
        this.J = J;
        this.size = tileSize;
        this.margin = margin;
        this.core = tileSize / step - 2 * margin;
        this.tile = Scattering2D.builder().J(J).L(L).maxOrder(maxOrder).shape(tileSize, tileSize).build();
    }

    /** The transform of one tile. */
    public Scattering2D tileTransform() {
        return tile;
    }

    public int tileSize() {
        return size;
    }

    public int margin() {
        return margin;
    }

    /** Output rows H' of an image of {@code height} rows: floor(height / 2^J), as the whole-image transform. */
    public int outputHeight(int height) {
        return (int) (ScatteringMemory.paddedSize(height, J) / step - 2);
    }

    /** Output columns W' of an image of {@code width} columns. */
    public int outputWidth(int width) {
        return outputHeight(width);
    }

    /** Image row (column) of output 0 for a side of n pixels: 2^J - (padded - n) / 2. */
    private int origin(int n) {
        return (int) (step - (ScatteringMemory.paddedSize(n, J) - n) / 2);
    }

    /**
     * Transforms the image of {@code source} into {@code sink}, {@code threads} tiles at a time
     * (each on its own thread), in float32 or float64.
     */
    public void transform(Source source, Sink sink, int threads, boolean float64) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got threads=" + threads);
        }
        int height = source.height();
        int width = source.width();
        if (height < step || width < step) {
            throw new IllegalArgumentException("image " + height + "x" + width + " is smaller than 2^J = " + step);
        }
        int outH = outputHeight(height);
        int outW = outputWidth(width);
        int tilesDown = (outH + core - 1) / core;
        int tilesAcross = (outW + core - 1) / core;
        long tiles = (long) tilesDown * tilesAcross;
        int batch = threads;
        int pixels = size * size;
        int outLen = tile.outputLength();
        double[] images = new double[batch * pixels];
        double[] out = float64 ? new double[batch * outLen] : null;
        float[] images32 = float64 ? null : new float[batch * pixels];
        float[] out32 = float64 ? null : new float[batch * outLen];
        double[] region = new double[Math.multiplyExact(Math.min(size, height), Math.min(size, width))];
        double[] values = new double[tile.channelCount() * core * core];
        for (long first = 0; first < tiles; first += batch) {
            int n = (int) Math.min(batch, tiles - first);
            for (int k = 0; k < n; k++) {
                long t = first + k;
                readTile(source, rowOffset(t / tilesAcross), rowOffset(t % tilesAcross), origin(height), origin(width), region,
                        images, k * pixels, float64);
            }
            if (float64) {
                tile.transformBatch(images, n, out, threads);
            } else {
                for (int p = 0; p < n * pixels; p++) {
                    images32[p] = (float) images[p];
                }
                tile.transformBatch(images32, n, out32, threads);
            }
            for (int k = 0; k < n; k++) {
                long t = first + k;
                int row0 = (int) (t / tilesAcross) * core;
                int col0 = (int) (t % tilesAcross) * core;
                int rows = Math.min(core, outH - row0);
                int cols = Math.min(core, outW - col0);
                copyCore(float64 ? out : null, out32, k * outLen, rows, cols, values);
                sink.write(row0, col0, rows, cols, values);
            }
        }
    }

    /** Offset, in output steps from output 0, of the first row of the tile whose core starts at tile index a. */
    private long rowOffset(long a) {
        return a * core - margin;
    }

    /**
     * Reads the tile whose first row and column are {@code rowSteps} and {@code colSteps} output
     * steps from output 0 into {@code dst[at ...]}: image pixel (originRow + rowSteps 2^J + r, ...),
     * reflected into the image where it falls outside (numpy 'reflect').
     */
    private void readTile(Source source, long rowSteps, long colSteps, int originRow, int originCol, double[] region,
                          double[] dst, int at, boolean float64) throws IOException {
        int height = source.height();
        int width = source.width();
        long top = originRow + rowSteps * step;
        long left = originCol + colSteps * step;
        // the reflected indices of a run of consecutive positions form one interval: read its bounding box
        int rLo = Integer.MAX_VALUE, rHi = -1, cLo = Integer.MAX_VALUE, cHi = -1;
        int[] rows = new int[size];
        int[] cols = new int[size];
        for (int p = 0; p < size; p++) {
            rows[p] = reflect(top + p, height);
            cols[p] = reflect(left + p, width);
            rLo = Math.min(rLo, rows[p]);
            rHi = Math.max(rHi, rows[p]);
            cLo = Math.min(cLo, cols[p]);
            cHi = Math.max(cHi, cols[p]);
        }
        int boxW = cHi - cLo + 1;
        source.read(rLo, cLo, rHi - rLo + 1, boxW, region);
        for (int p = 0; p < (rHi - rLo + 1) * boxW; p++) {
            String problem = Float64Range.pixelProblem(region[p], float64);
            if (problem != null) {
                throw new IllegalArgumentException("the image's pixel at (row " + (rLo + p / boxW) + ", column " + (cLo + p % boxW)
                        + ") is " + problem + (Float64Range.pixelProblem(region[p], true) == null ? "; float64 takes it" : ""));
            }
        }
        for (int r = 0; r < size; r++) {
            int src = (rows[r] - rLo) * boxW - cLo;
            int to = at + r * size;
            for (int c = 0; c < size; c++) {
                dst[to + c] = region[src + cols[c]];
            }
        }
    }

    /** numpy 'reflect' of index i into [0, n): ... 2 1 | 0 1 ... n-1 | n-2 ...; period 2 (n - 1). */
    static int reflect(long i, int n) {
        if (n == 1) {
            return 0;
        }
        long period = 2L * (n - 1);
        long k = Math.floorMod(i, period);
        return (int) (k < n ? k : period - k);
    }

    /** The core [margin, margin + rows) x [margin, margin + cols) of every channel of one tile's output. */
    private void copyCore(double[] out, float[] out32, int at, int rows, int cols, double[] values) {
        int n = size / step;
        for (int c = 0; c < tile.channelCount(); c++) {
            for (int r = 0; r < rows; r++) {
                int src = at + (c * n + margin + r) * n + margin;
                int to = (c * rows + r) * cols;
                for (int q = 0; q < cols; q++) {
                    values[to + q] = out != null ? out[src + q] : out32[src + q];
                }
            }
        }
    }
}
