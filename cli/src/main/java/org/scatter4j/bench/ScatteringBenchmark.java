package org.scatter4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.FeatureExtractor;
import org.scatter4j.scattering.KymatioFftCount;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.wavelets.fft.FloatFft2D;
import org.scatter4j.wavelets.fft.FloatFft2DFactory;

/**
 * Times one benchmark case of {@code scatter4j bench}: filter-bank build, per-image time of the
 * whole transform (median and spread over repeats after warm-up), and the FFT floor, the time that
 * the FFTs alone of Kymatio's cascade take with our fastest FFT kernel (the float32 one, as the
 * cases are float32) and the same threads, timed alternately with the transform, repeat by repeat
 * (median of each). The forward FFTs of real maps (the input, U1, U2) run the real-input transform
 * ({@code FloatFft2D.forwardRealTransposed}), and all the FFTs leave spectra in column-major order,
 * as the cascades do.
 */
public final class ScatteringBenchmark {

    /**
     * A benchmark case: {@code count} random images of {@code size x size}, L = 8, order 2; the
     * translation transform, or the roto-translation one (K = 3, global averaging) when {@code roto};
     * or, when {@code Q > 0}, {@code count} random signals of {@code size} samples through
     * Scattering1D (Q wavelets per octave, T = 2^J, order 2).
     */
    public record Case(String name, int count, int size, int J, boolean roto, int Q) {
        public static final List<Case> STANDARD = List.of(new Case("a", 1000, 28, 2, false, 0), new Case("b", 256, 32, 3, false, 0),
                new Case("c", 16, 256, 4, false, 0), new Case("d", 1, 512, 5, false, 0), new Case("roto", 16, 200, 5, true, 0),
                new Case("e", 256, 8192, 8, false, 12), new Case("f", 16, 65536, 12, false, 8), new Case("g", 1000, 1024, 6, false, 8));

        public static Case named(String name) {
            return STANDARD.stream().filter(c -> c.name.equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("unknown bench case '" + name + "'; cases are a, b, c, d, roto, e, f, g"));
        }

        /** A 1D case (signals), timed per signal. */
        public boolean signal() {
            return Q > 0;
        }

        /** What the case runs, for the table. */
        public String label() {
            if (signal()) {
                return count + " x " + size + " J=" + J + " Q=" + Q;
            }
            return count + " x " + size + "x" + size + " J=" + J + (roto ? " roto" : "");
        }
    }

    /** Figures of one case; times in milliseconds per image unless named otherwise. */
    public record Result(Case benchCase, int threads, double buildSeconds, double median, double min, double max,
            double fftFloor, String fftCounts) {
        public double ratioToFloor() {
            return median / fftFloor;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", benchCase.name());
            m.put("images", benchCase.count());
            m.put("size", benchCase.size());
            m.put("J", benchCase.J());
            m.put("L", benchCase.signal() ? benchCase.Q() : 8); // Q for the 1D cases, whose images are signals
            m.put("ms_per_image", median);
            m.put("ms_per_image_min", min);
            m.put("ms_per_image_max", max);
            m.put("images_per_second", 1000.0 / median);
            m.put("build_seconds", buildSeconds);
            m.put("fft_floor_ms_per_image", fftFloor);
            m.put("ratio_to_floor", ratioToFloor());
            m.put("fft_counts", fftCounts);
            return m;
        }
    }

    private ScatteringBenchmark() {
    }

    /**
     * Builds case {@code c}'s transform (timed), warms it up untimed for at least {@code warmup} runs
     * and {@code warmupSeconds} seconds, then times {@code repeats} runs, each followed by one run of
     * the FFT floor.
     */
    public static Result run(Case c, int threads, int warmup, double warmupSeconds, int repeats) {
        if (c.signal()) {
            return SignalBenchmark.run(c, threads, warmup, warmupSeconds, repeats);
        }
        long t0 = System.nanoTime();
        FeatureExtractor fx = c.roto() ? RotoScattering2D.builder().J(c.J()).L(8).shape(c.size(), c.size()).build()
                : Scattering2D.builder().J(c.J()).L(8).maxOrder(2).shape(c.size(), c.size()).build();
        double build = (System.nanoTime() - t0) / 1e9;
        // the FFT floor needs the padded grid and lane count of the translation transform of this size
        Scattering2D s = fx instanceof Scattering2D t ? t : Scattering2D.builder().J(c.J()).L(8).shape(c.size(), c.size()).build();
        Random rnd = new Random(42);
        float[] images = new float[c.count() * c.size() * c.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = rnd.nextFloat();
        }
        float[] out = new float[c.count() * fx.featureCount()];
        int[] counts = KymatioFftCount.perLevel(c.J(), 8, 2);
        double[] times = new double[repeats];
        double[] floors = new double[repeats];
        try (FftFloor floor = new FftFloor(s, counts, c.count(), threads)) {
            // The transform and the floor alternate, repeat by repeat, so that a drift of the
            // machine's speed hits both alike (timed one after the other, the ratio moved with it).
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int r = 0; r < warmup || System.nanoTime() < warmupEnd; r++) {
                fx.extract(images, c.count(), out, threads);
                floor.timeOnce();
            }
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                fx.extract(images, c.count(), out, threads);
                times[r] = (System.nanoTime() - t) / 1e6 / c.count();
                floors[r] = floor.timeOnce();
            }
        }
        Arrays.sort(times);
        Arrays.sort(floors);
        StringBuilder desc = new StringBuilder();
        int mp = s.padding().paddedHeight();
        for (int r = 0; r < counts.length; r++) {
            desc.append(r == 0 ? "" : ", ").append(counts[r]).append(" x ").append(mp >> r).append('x').append(mp >> r);
        }
        return new Result(c, threads, build, times[repeats / 2], times[0], times[repeats - 1], floors[repeats / 2],
                desc.toString());
    }

    /**
     * Kymatio's FFT count per image, timed with our fastest FFT and spread over threads like the
     * transform: blocks of lanes over threads, and when there are fewer blocks than threads (one
     * large image) each block's FFTs shared out between threads. Transforms, arrays and the pool are
     * made once, before any clock starts; {@link #timeOnce} is one repeat.
     */
    static final class FftFloor implements AutoCloseable {
        private final int[] counts;
        private final int images;
        private final int parts;
        private final int units;
        private final FloatFft2D[][] ffts;
        private final float[][][] re;
        private final float[][][] im;
        private final ExecutorService pool;

        FftFloor(Scattering2D s, int[] counts, int images, int threads) {
            this.counts = counts;
            this.images = images;
            int lanes = s.blockLanes();
            int blocks = (images + lanes - 1) / lanes;
            this.parts = blocks >= threads ? 1 : (threads + blocks - 1) / blocks;
            this.units = blocks * parts;
            int workers = Math.min(threads, units);
            int mp = s.padding().paddedHeight();
            int np = s.padding().paddedWidth();
            int levels = counts.length;
            this.ffts = new FloatFft2D[workers][levels];
            this.re = new float[workers][levels][];
            this.im = new float[workers][levels][];
            for (int w = 0; w < workers; w++) {
                for (int r = 0; r < levels; r++) {
                    ffts[w][r] = FloatFft2DFactory.create(mp >> r, np >> r, lanes);
                    re[w][r] = new float[(mp >> r) * (np >> r) * lanes];
                    im[w][r] = new float[re[w][r].length];
                    Arrays.fill(re[w][r], 0.5f);
                }
            }
            this.pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "scatter4j-bench");
                t.setDaemon(true);
                return t;
            });
        }

        /** One repeat: ms per image. */
        double timeOnce() {
            int levels = counts.length;
            AtomicInteger next = new AtomicInteger();
            long t = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < ffts.length; w++) {
                FloatFft2D[] f = ffts[w];
                float[][] xr = re[w];
                float[][] xi = im[w];
                fs.add(pool.submit(() -> {
                    for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
                        int part = u % parts;
                        for (int r = 0; r < levels; r++) {
                            int ops = 0;
                            for (int k = part; k < counts[r]; k += parts) {
                                // Forward and inverse alternate, so the values stay bounded.
                                // Kymatio's forward FFTs below level J are of real maps (x, U1,
                                // U2): our fastest FFT for them is the real-input one, which the
                                // cascade uses too. Every level-J FFT is an inverse; a complex
                                // forward there costs the same. All keep spectra in column
                                // order (one transpose fewer per FFT), as the cascades do
                                boolean forward = (ops++ & 1) == 0;
                                if (forward && r < levels - 1) {
                                    f[r].forwardRealTransposed(xr[r], xi[r]);
                                } else if (forward) {
                                    f[r].forwardTransposed(xr[r], xi[r]);
                                } else {
                                    f[r].inverseTransposed(xr[r], xi[r]);
                                }
                            }
                        }
                    }
                }));
            }
            try {
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException("FFT floor measurement failed", e);
            }
            return (System.nanoTime() - t) / 1e6 / images;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
