package org.scatter4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import org.scatter4j.scattering.Scattering2D;

/**
 * Thread CPU time per image of the whole transform on one thread: a figure that, unlike wall time,
 * hardly moves when other jobs share the cores, for comparing two builds on a busy machine. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.CpuPerImage J SIZE COUNT REPEATS},
 * e.g. {@code 4 256 4 3} (case c's images) or {@code 3 32 256 7} (case b).
 */
public final class CpuPerImage {
    private CpuPerImage() {
    }

    public static void main(String[] args) {
        int J = Integer.parseInt(args[0]);
        int size = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        int lanes = args.length > 4 ? Integer.parseInt(args[4]) : 0; // 0: the transform's own choice
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        Scattering2D s = Scattering2D.builder().J(J).shape(size, size).lanes(lanes).build();
        Random r = new Random(42);
        float[] x = new float[count * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        float[] y = new float[count * s.outputLength()];
        double[] ms = new double[repeats];
        for (int k = -2; k < repeats; k++) { // two warm-up calls
            long c = tm.getCurrentThreadCpuTime();
            s.transformBatch(x, count, y, 1);
            if (k >= 0) {
                ms[k] = (tm.getCurrentThreadCpuTime() - c) / 1e6 / count;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%d x %dx%d J=%d, one thread: CPU ms per image min %.3f median %.3f%n", count, size, size, J, ms[0],
                ms[repeats / 2]);
    }
}
