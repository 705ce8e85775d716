package org.scatter4j.scattering;

import java.util.Random;

/**
 * Float32 against float64 on the same input, per channel (channels above 1e-12 of the strongest), over
 * random configurations and four signal kinds: {@code java -cp ... org.scatter4j.scattering.Own32Probe 300}
 * (test classpath). Prints the configurations above 1e-5 and the worst.
 */
class Own32Probe {
    public static void main(String[] a) {
        Random r = new Random(11);
        int[] lengths = {16, 37, 64, 100, 128, 257, 500, 512, 777, 1000, 1024, 2048, 3001, 4096};
        int[] qs = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32};
        double worstAll = 0;
        for (int i = 0; i < Integer.parseInt(a[0]); i++) {
            int N = lengths[r.nextInt(lengths.length)];
            int Jmax = 31 - Integer.numberOfLeadingZeros(N);
            int J = 1 + r.nextInt(Jmax);
            int Q1 = qs[r.nextInt(qs.length)], Q2 = new int[] {1, 1, 2, 4}[r.nextInt(4)];
            int T = r.nextDouble() < 0.4 ? 0 : 1 + r.nextInt(N);
            int kind = r.nextInt(4);
            Scattering1D s;
            try {
                Scattering1D.Builder b = Scattering1D.builder().length(N).J(J).Q(Q1, Q2);
                if (T > 0) b.T(T);
                s = b.build();
            } catch (IllegalArgumentException e) {
                continue;
            }
            double[] x = new double[2 * N];
            for (int bb = 0; bb < 2; bb++) for (int t = 0; t < N; t++) {
                double tt = t / (double) N;
                x[bb * N + t] = switch (kind) {
                    case 0 -> Math.sin(2 * Math.PI * (0.21 + 0.05 * bb) * t) + 2e-3 * r.nextGaussian();
                    case 1 -> Math.cos(2 * Math.PI * (20 + 300 * tt * (bb + 1)) * tt * N / 8);
                    case 2 -> Math.sin(2 * Math.PI * 440 * t / 8000.0) * Math.exp(-3 * tt) + 0.1 * r.nextGaussian();
                    default -> r.nextGaussian() * (1 + Math.sin(2 * Math.PI * 3 * tt));
                };
            }
            double w;
            try {
                w = Float32PaddingHeavyTest.worstFloat32(s, x, 2);
            } catch (RuntimeException e) {
                System.out.println(s + " kind " + kind + ": " + e);
                continue;
            }
            if (w > 1e-5) System.out.printf("%s kind %d: %.2e%n", s, kind, w);
            worstAll = Math.max(worstAll, w);
        }
        System.out.printf("worst %.2e%n", worstAll);
    }
}
