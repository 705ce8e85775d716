package org.scatter4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.scatter4j.io.ImageStream;
import org.scatter4j.io.NpyReader;
import org.scatter4j.io.NpyRegionWriter;
import org.scatter4j.scattering.ScatteringMemory;
import org.scatter4j.scattering.TiledScattering2D;

/**
 * {@code scatter --tile}: the choice between the whole-image transform and tiles, and the tiled run
 * itself, reading a C-order .npy region by region ({@link NpyReader#readAt}) and writing the output
 * region by region ({@link NpyRegionWriter}), so that neither the image nor its coefficients are
 * ever held whole.
 */
final class TiledScatter {
    /** Tile sides tried by the automatic choice, largest first (larger tiles waste less on margins). */
    private static final int[] TILES = {2048, 1024, 512, 256, 128, 64, 32};

    private TiledScatter() {
    }

    /**
     * The tile side to use, or 0 for the whole-image transform: {@code requested} if positive, never
     * tiles if 0; automatic (-1): the whole image if its transform fits in the heap, else the
     * largest tile that fits in 60 % of it. Refuses, in one line and before any work, a run that fits
     * neither way.
     */
    static int choose(int requested, int height, int width, int J, int L, int maxOrder, int threads, boolean float64,
                      long maxHeap) {
        if (requested < -1) {
            throw new IllegalArgumentException("--tile must be a tile side in pixels, 0 (never tile) or absent (automatic), got "
                    + requested);
        }
        long whole = ScatteringMemory.estimateBytes(height, width, J, L, maxOrder, threads, float64);
        if (requested > 0) {
            long tile = tileBytes(requested, J, L, maxOrder, threads, float64);
            if (tile > maxHeap) {
                throw new IllegalArgumentException(String.format("--tile %d at J=%d L=%d needs about %.1f GB, more than the "
                        + "%.1f GB heap: use a smaller tile or give more memory (SCATTER4J_JAVA_OPTS=-Xmx%dg)", requested, J, L,
                        tile / 1e9, maxHeap / 1e9, tile / (1L << 30) + 2));
            }
            return requested;
        }
        if (whole <= maxHeap) {
            return 0;
        }
        if (requested == 0) {
            throw new IllegalArgumentException(ScatteringMemory.tooLarge(height, width, J, L, whole, maxHeap));
        }
        int step = 1 << J;
        for (int t : TILES) {
            int size = Math.max(t, (2 * TiledScattering2D.MARGIN + 4) * step);
            size = (size + step - 1) / step * step;
            if (tileBytes(size, J, L, maxOrder, threads, float64) <= maxHeap * 6 / 10) {
                return size;
            }
        }
        throw new IllegalArgumentException(ScatteringMemory.tooLarge(height, width, J, L, whole, maxHeap)
                .replace(" or transform it in tiles (scatter4j scatter --tile 512, TiledScattering2D)",
                        " (even the smallest tile does not fit)"));
    }

    /** Heap of a tiled run: the tile transform with its scratch, and a batch of tiles and their outputs. */
    static long tileBytes(int tile, int J, int L, int maxOrder, int threads, boolean float64) {
        long tileOut = ScatteringMemory.channels(J, L, maxOrder) * ((long) tile >> J) * ((long) tile >> J);
        return ScatteringMemory.estimateBytes(tile, tile, J, L, maxOrder, threads, float64)
                + (long) threads * (12L * tile * tile + 12L * tileOut);
    }

    /**
     * Transforms the {@code count} images of {@code input} (opened as {@code in}) in tiles into a new
     * NPY file {@code part} of shape {@code outShape} (count, K, H', W').
     */
    static void run(TiledScattering2D tiled, Path input, ImageStream in, boolean float64, int threads, Path part, int[] outShape)
            throws IOException {
        int count = in.count();
        int height = in.height();
        int width = in.width();
        long plane = (long) outShape[2] * outShape[3];
        int channels = outShape[1];
        boolean npy = input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
        try (NpyRegionWriter out = new NpyRegionWriter(part, float64, outShape);
             NpyReader reader = npy ? NpyReader.open(input) : null) {
            boolean regions = reader != null && !reader.fortranOrder();
            double[] whole = regions ? null : new double[Math.multiplyExact(height, width)];
            for (int b = 0; b < count; b++) {
                long imageStart = (long) b * height * width;
                long outStart = (long) b * channels * plane;
                TiledScattering2D.Source source;
                if (regions) {
                    source = new TiledScattering2D.Source() {
                        public int height() {
                            return height;
                        }

                        public int width() {
                            return width;
                        }

                        public void read(int row0, int col0, int rows, int cols, double[] dst) throws IOException {
                            for (int r = 0; r < rows; r++) {
                                reader.readAt(imageStart + (long) (row0 + r) * width + col0, dst, r * cols, cols);
                            }
                        }
                    };
                } else {
                    in.read(whole, 1);
                    source = TiledScattering2D.source(whole, height, width);
                }
                tiled.transform(source, (row0, col0, rows, cols, values) -> {
                    for (int c = 0; c < channels; c++) {
                        for (int r = 0; r < rows; r++) {
                            out.writeAt(outStart + c * plane + (long) (row0 + r) * outShape[3] + col0, values,
                                    (c * rows + r) * cols, cols);
                        }
                    }
                }, threads, float64);
            }
        }
    }
}
