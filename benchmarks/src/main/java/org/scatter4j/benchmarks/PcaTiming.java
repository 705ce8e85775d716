package org.scatter4j.benchmarks;

import java.util.SplittableRandom;
import org.scatter4j.classifiers.AffinePcaClassifier;
import org.scatter4j.classifiers.FeatureMatrix;

/**
 * Timing of {@link AffinePcaClassifier#fit} on MNIST-sized classes: not a unit test, run by hand
 * (Moved from the classifiers' test sources.)
 *
 * <pre>
 * mvn -q -DskipTests package -pl benchmarks -am
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.PcaTiming [classes=2] [rowsPerClass=6000] [cols=3969] [d=40]
 * </pre>
 *
 * Rows are a class mean plus 100 random directions with decaying weights plus noise.
 */
public final class PcaTiming {

    private PcaTiming() {}

    public static void main(String[] args) {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 3969;
        int d = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int rank = 100;
        SplittableRandom r = new SplittableRandom(3);
        FeatureMatrix x = new FeatureMatrix(k * per, dim);
        int[] y = new int[k * per];
        float[] data = x.data();
        for (int c = 0; c < k; c++) {
            float[][] basis = new float[rank][dim];
            float[] mean = new float[dim];
            for (int j = 0; j < dim; j++) {
                mean[j] = (float) gaussian(r);
                for (int p = 0; p < rank; p++) {
                    basis[p][j] = (float) (gaussian(r) / (1 + p));
                }
            }
            for (int i = 0; i < per; i++) {
                int row = c * per + i;
                y[row] = c;
                int off = row * dim;
                System.arraycopy(mean, 0, data, off, dim);
                for (int p = 0; p < rank; p++) {
                    float z = (float) gaussian(r);
                    for (int j = 0; j < dim; j++) {
                        data[off + j] += z * basis[p][j];
                    }
                }
                for (int j = 0; j < dim; j++) {
                    data[off + j] += (float) (0.01 * (r.nextDouble() - 0.5));
                }
            }
        }
        long t = System.nanoTime();
        AffinePcaClassifier pca = new AffinePcaClassifier(d);
        pca.fit(x, y);
        double s = (System.nanoTime() - t) * 1e-9;
        System.out.printf("AffinePcaClassifier d=%d: %d classes x %d rows x %d features fitted in %.1f s (%.1f s/class)%n",
                d, k, per, dim, s, s / k);
        int m = Math.min(2000, k * per);
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = (int) ((long) i * (k * per) / m);
        }
        t = System.nanoTime();
        int[] p = pca.predict(x.selectRows(rows));
        double ps = (System.nanoTime() - t) * 1e-9;
        int ok = 0;
        for (int i = 0; i < m; i++) {
            ok += p[i] == y[rows[i]] ? 1 : 0;
        }
        System.out.printf("predicted %d rows in %.2f s (%.2f ms/row), training accuracy %.3f%n", m, ps, 1e3 * ps / m,
                (double) ok / m);
    }

    private static double gaussian(SplittableRandom r) { // Box-Muller
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
