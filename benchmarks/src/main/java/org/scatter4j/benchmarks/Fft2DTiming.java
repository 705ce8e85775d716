package org.scatter4j.benchmarks;

import java.util.Arrays;
import java.util.Random;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.JTransformsFft2D;
import org.scatter4j.wavelets.fft.LaneFft2D;

/**
 * Times {@link JTransformsFft2D} against {@link LaneFft2D} in one JVM run and prints microseconds per
 * single-image 2D transform (time of one call / lanes). Each call is a forward or an inverse
 * transform (they alternate, which keeps the data bounded); the two kernels are measured
 * interleaved, repeat by repeat, so that machine load affects both alike; the median is reported.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.Fft2DTiming [size,size,...] [lanes,...]}.
 */
public final class Fft2DTiming {
    private static final int REPEATS = 9;
    private static final long TARGET_NANOS_PER_REPEAT = 40_000_000L;

    private Fft2DTiming() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? parse(args[0]) : new int[] {36, 18, 9, 256, 128, 288};
        int[] laneCounts = args.length > 1 ? parse(args[1]) : new int[] {1, 4, 8, 16, 64};
        System.out.printf("%-9s %5s %14s %14s %8s%n", "size", "lanes", "JTransforms us", "LaneFft2D us",
                "speedup");
        for (int n : sizes) {
            for (int lanes : laneCounts) {
                double[] us = time(n, n, lanes);
                System.out.printf("%-9s %5d %14.3f %14.3f %7.2fx%n", n + "x" + n, lanes, us[0], us[1],
                        us[0] / us[1]);
            }
        }
    }

    /** Median microseconds per image for {JTransforms, LaneFft2D}. */
    static double[] time(int rows, int cols, int lanes) {
        Fft2D[] kernels = {new JTransformsFft2D(rows, cols, lanes), new LaneFft2D(rows, cols, lanes)};
        Random rnd = new Random(42);
        int len = rows * cols * lanes;
        double[] re = new double[len], im = new double[len];
        for (int i = 0; i < len; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        // Calls per repeat, sized from a rough first estimate so every repeat lasts ~40 ms.
        int[] calls = new int[2];
        for (int k = 0; k < 2; k++) {
            long t0 = System.nanoTime();
            int c = 0;
            while (System.nanoTime() - t0 < 300_000_000L || c < 4) { // warm-up, lets C2 compile
                run(kernels[k], re, im, 2);
                c += 2;
            }
            double perCall = (System.nanoTime() - t0) / (double) c;
            calls[k] = Math.max(2, 2 * (int) Math.ceil(TARGET_NANOS_PER_REPEAT / perCall / 2));
        }
        double[][] samples = new double[2][REPEATS];
        for (int rep = 0; rep < REPEATS; rep++) {
            for (int k = 0; k < 2; k++) {
                long t0 = System.nanoTime();
                run(kernels[k], re, im, calls[k]);
                samples[k][rep] = (System.nanoTime() - t0) / 1e3 / calls[k] / lanes;
            }
        }
        return new double[] {median(samples[0]), median(samples[1])};
    }

    private static void run(Fft2D fft, double[] re, double[] im, int calls) {
        for (int c = 0; c < calls; c += 2) {
            fft.forward(re, im);
            fft.inverse(re, im);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static int[] parse(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
