package org.scatter4j.benchmarks;

import java.util.Random;
import org.scatter4j.rototranslation.RotoScattering2D;

/**
 * Times the KTH-TIPS-sized workload of Sifre and Mallat: {@code count} images of {@code size x size}
 * (default 810 of 200 x 200), J = 5, L = 8, K = 3, global averaging, with {@code threads} threads
 * (default 2). Not a unit test. From the worktree root:
 * <pre>
 * mvn -B -q -DskipTests package -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.RotoBenchmarkMain 810 200 2 [lanes]
 * </pre>
 * Prints the wall time and the process CPU time (the latter is the fairer figure on a shared machine).
 */
public final class RotoBenchmarkMain {
    private RotoBenchmarkMain() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 810;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int lanes = args.length > 3 ? Integer.parseInt(args[3]) : 0; // images per block; 0 = automatic
        long t0 = System.nanoTime();
        RotoScattering2D s = RotoScattering2D.builder().J(5).L(8).K(3).shape(size, size).lanes(lanes).build();
        double build = (System.nanoTime() - t0) / 1e9;
        Random r = new Random(1);
        float[] images = new float[count * size * size];
        for (int i = 0; i < count; i++) {
            double f1 = 0.2 + r.nextDouble();
            double f2 = 0.2 + r.nextDouble();
            for (int p = 0; p < size * size; p++) {
                int y = p / size;
                int x = p % size;
                images[i * size * size + p] = (float) (0.5 + 0.25 * Math.sin(f1 * x + f2 * y) + 0.25 * r.nextDouble());
            }
        }
        float[] out = new float[count * s.featureCount()];
        // warm-up on a few images (JIT), then the timed run over the whole batch
        s.transformBatch(images, Math.min(count, 2 * threads), out, threads);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        s.transformBatch(images, count, out, threads);
        double seconds = (System.nanoTime() - t1) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        double check = 0;
        for (float v : out) {
            check += v;
        }
        System.out.printf("%s%n", s.describe());
        System.out.printf("build %.2f s; %d images %dx%d, %d threads: wall %.2f s (%.1f ms/image x threads), process CPU %.2f s"
                + " (%.1f ms/image); %d coefficients, checksum %.6f; load average %.2f%n", build, count, size, size, threads, seconds,
                1000 * seconds * threads / count, cpuSeconds, 1000 * cpuSeconds / count, s.featureCount(), check,
                os.getSystemLoadAverage());
    }
}
