package org.scatter4j.benchmarks;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.scatter4j.classifiers.FeatureMatrix;
import org.scatter4j.classifiers.LinearSvm;

/**
 * Timing of {@link LinearSvm} on a random dense problem of the size of scattering features of
 * MNIST: not a unit test, run by hand (needs about 1 GB of heap for the features):
 *
 * <pre>
 * mvn -q -DskipTests package -pl benchmarks -am
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.SvmTiming [rows=60000] [cols=3969] [classes=10] [C=0.01] [threads=2] [solver=DUAL_COORDINATE_DESCENT|TRUST_REGION_NEWTON] [epsilon=solver's default]
 * </pre>
 *
 * For {@code TRUST_REGION_NEWTON} an "epoch" below is a Newton iteration and a "step" a
 * Hessian-vector product (one pass over the rows with alpha > 0); it also keeps a double copy of
 * the rows (8 rows (cols + 1) bytes: 60000 x 3969 needs -Xmx5g).
 *
 * Rows are class centres (spread 0.05 per coordinate) plus unit-variance uniform noise, so the
 * problem is learnable but not separable, roughly like standardized scattering features.
 */
public final class SvmTiming {

    private SvmTiming() {}

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 3969;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double c = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        LinearSvm.Solver solver = args.length > 5 ? LinearSvm.Solver.valueOf(args[5]) : LinearSvm.Solver.DUAL_COORDINATE_DESCENT;

        long t0 = System.nanoTime();
        float[][] centres = new float[k][d];
        SplittableRandom r = new SplittableRandom(7);
        for (float[] centre : centres) {
            for (int j = 0; j < d; j++) {
                centre[j] = (float) (0.05 * (2 * r.nextDouble() - 1) * Math.sqrt(3));
            }
        }
        FeatureMatrix x = new FeatureMatrix(n, d);
        int[] y = new int[n];
        float[] data = x.data();
        float noise = (float) Math.sqrt(12);
        IntStream.range(0, threads).parallel().forEach(t -> {
            for (int i = t; i < n; i += threads) {
                SplittableRandom ri = new SplittableRandom(1000003L * i + 17);
                int label = i % k;
                y[i] = label;
                int off = i * d;
                for (int j = 0; j < d; j++) {
                    data[off + j] = centres[label][j] + noise * (ri.nextFloat() - 0.5f);
                }
            }
        });
        System.out.printf("generated %d x %d (%d classes) in %.1f s%n", n, d, k, (System.nanoTime() - t0) * 1e-9);

        LinearSvm.Builder builder = LinearSvm.builder().c(c).solver(solver).threads(threads).seed(1);
        if (args.length > 6) {
            builder.epsilon(Double.parseDouble(args[6]));
        }
        LinearSvm svm = builder.build();
        long cpu1 = cpuNanos();
        long t1 = System.nanoTime();
        svm.fit(x, y);
        double total = (System.nanoTime() - t1) * 1e-9;
        double cpu = (cpuNanos() - cpu1) * 1e-9;
        long epochs = 0;
        long steps = 0;
        for (LinearSvm.Report rep : svm.reports()) {
            epochs += rep.iterations();
            steps += rep.steps();
            System.out.printf("class %2d: %4d epochs, %9d steps, done after %6.2f s, %d SVs, converged %s, primal %.4f dual %.4f%n",
                    rep.label(), rep.iterations(), rep.steps(), rep.seconds(),
                    rep.supportVectors(), rep.converged(), rep.primalObjective(), rep.dualObjective());
        }
        System.out.printf("fit (%s, epsilon %g): C=%g, %d threads: %.1f s wall, %.1f s CPU (process), %d class-epochs, "
                + "%.3f s wall per epoch (all classes), %.2f full-data passes per class, %.1f ns CPU per coordinate step%n",
                solver, svm.epsilon(), c, threads, total, cpu, epochs, total / ((double) epochs / k), (double) steps / k / n, cpu * 1e9 / steps);
        long t2 = System.nanoTime();
        int[] predicted = svm.predict(x);
        System.out.printf("training accuracy %.4f, predict %.1f s%n", accuracy(predicted, y),
                (System.nanoTime() - t2) * 1e-9);
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            ok += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) ok / truth.length;
    }
}
