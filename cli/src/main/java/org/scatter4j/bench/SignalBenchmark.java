package org.scatter4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.scatter4j.scattering.Scattering1D;
import org.scatter4j.scattering.SignalPath;
import org.scatter4j.wavelets.fft.LaneFft1D32;

/**
 * The 1D cases of {@code scatter4j bench} (e, f, g): {@link Scattering1D} in float32 on random
 * signals, timed as {@link ScatteringBenchmark} times the 2D cases, beside its FFT floor: the FFTs
 * alone of Kymatio's 1D cascade (core/scattering1d.py: the spectrum of x, then per first-order
 * wavelet an inverse and a forward FFT at resolution 2^-k1 and the inverse of its average, per
 * second-order path the same at 2^-(k1 + k2)) run with our float32 lane FFT on the same blocks of
 * lanes and threads, alternately with the transform, repeat by repeat.
 */
final class SignalBenchmark {
    private SignalBenchmark() {
    }

    static ScatteringBenchmark.Result run(ScatteringBenchmark.Case c, int threads, int warmup, double warmupSeconds, int repeats) {
        long t0 = System.nanoTime();
        Scattering1D s = Scattering1D.builder().J(c.J()).Q(c.Q()).length(c.size()).build();
        double build = (System.nanoTime() - t0) / 1e9;
        Random rnd = new Random(42);
        float[] x = new float[c.count() * c.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        float[] out = new float[c.count() * s.outputLength()];
        TreeMap<Integer, Integer> counts = kymatioFftCounts(s);
        double[] times = new double[repeats];
        double[] floors = new double[repeats];
        int lanes = c.count() == 1 ? 1 : s.blockLanes();
        try (Floor floor = new Floor(s.padding().paddedLength(), lanes, counts, c.count(), threads)) {
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            for (int r = 0; r < warmup || System.nanoTime() < warmupEnd; r++) {
                s.transformBatch(x, c.count(), out, threads);
                floor.timeOnce();
            }
            for (int r = 0; r < repeats; r++) {
                long t = System.nanoTime();
                s.transformBatch(x, c.count(), out, threads);
                times[r] = (System.nanoTime() - t) / 1e6 / c.count();
                floors[r] = floor.timeOnce();
            }
        }
        Arrays.sort(times);
        Arrays.sort(floors);
        StringBuilder desc = new StringBuilder();
        for (Map.Entry<Integer, Integer> e : counts.descendingMap().entrySet()) {
            desc.append(desc.length() == 0 ? "" : ", ").append(e.getValue()).append(" x ").append(e.getKey());
        }
        return new ScatteringBenchmark.Result(c, threads, build, times[repeats / 2], times[0], times[repeats - 1],
                floors[repeats / 2], desc.toString());
    }

    /** FFT length -> number of FFTs per signal in Kymatio's cascade (numpy backend, local averaging). */
    static TreeMap<Integer, Integer> kymatioFftCounts(Scattering1D s) {
        int np = s.padding().paddedLength();
        int log2T = s.filterBank().phi().j();
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        counts.merge(np, 1, Integer::sum); // rfft(x)
        counts.merge(np >> log2T, 1, Integer::sum); // S0
        for (SignalPath p : s.paths()) {
            if (p.order() == 0) {
                continue;
            }
            int k1 = Math.min(p.j1(), log2T);
            int k = p.order() == 1 ? k1 : Math.max(Math.min(p.j2(), log2T), k1);
            counts.merge(np >> k, 2, Integer::sum); // ifft of the product, rfft of the modulus
            counts.merge(np >> log2T, 1, Integer::sum); // irfft of the average
        }
        return counts;
    }

    /** The FFTs of Kymatio's cascade per block of lanes, spread over threads like the transform's blocks. */
    static final class Floor implements AutoCloseable {
        private final int[] lengths;
        private final int[] counts;
        private final int signals;
        private final int blocks;
        private final int lanes;
        private final LaneFft1D32[] ffts;
        private final float[][] re;
        private final float[][] im;
        private final ExecutorService pool;

        Floor(int paddedLength, int lanes, TreeMap<Integer, Integer> kymatio, int signals, int threads) {
            this.lengths = kymatio.keySet().stream().mapToInt(Integer::intValue).toArray();
            this.counts = kymatio.values().stream().mapToInt(Integer::intValue).toArray();
            this.signals = signals;
            this.lanes = lanes;
            this.blocks = (signals + lanes - 1) / lanes;
            int workers = Math.min(threads, blocks);
            ffts = new LaneFft1D32[workers];
            re = new float[workers][paddedLength * lanes];
            im = new float[workers][paddedLength * lanes];
            for (int w = 0; w < workers; w++) {
                ffts[w] = new LaneFft1D32(paddedLength, lanes);
                Arrays.fill(re[w], 0.5f);
            }
            pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "scatter4j-bench");
                t.setDaemon(true);
                return t;
            });
        }

        /** One repeat: ms per signal. */
        double timeOnce() {
            AtomicInteger next = new AtomicInteger();
            long t = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < ffts.length; w++) {
                LaneFft1D32 f = ffts[w];
                float[] xr = re[w], xi = im[w];
                fs.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                        for (int i = 0; i < lengths.length; i++) {
                            for (int k = 0; k < counts[i]; k++) {
                                // forward and inverse alternate, so that the values stay bounded
                                if ((k & 1) == 0) {
                                    f.forward(xr, xi, lengths[i], lanes);
                                } else {
                                    f.inverse(xr, xi, lengths[i], lanes);
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
            return (System.nanoTime() - t) / 1e6 / signals;
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }
}
