package org.scatter4j.classifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The affine-space model of Bruna and Mallat, "Invariant Scattering Convolution Networks", IEEE
 * PAMI 35(8), 2013, Section 5: each class {@code c} is approximated by the affine space {@code
 * A_c = mu_c + V_c} through its mean {@code mu_c}, spanned by its first {@code d} principal
 * directions {@code V_c}; a row is assigned to the class whose affine space is closest,
 *
 * <pre>  argmin_c || x - mu_c - P_c (x - mu_c) ||</pre>
 *
 * where {@code P_c} is the orthogonal projector onto {@code V_c}.
 *
 * <p>Why: scattering vectors of one class vary mostly along few directions (deformations), so a
 * low-dimensional affine space per class is a strong generative model that needs no tuning other
 * than {@code d}, which {@link CrossValidation} chooses.
 *
 * <p><b>Principal directions</b> are eigenvectors of the centred class data {@code R_c} (n_c x D):
 * of the Gram matrix {@code R_c R_c'} (n_c x n_c, mapped back by {@code u = R_c' v / sqrt(lambda)})
 * when {@code n_c <= D}, else of the scatter matrix {@code R_c' R_c} (D x D): whichever is smaller;
 * computed in double with EJML's symmetric eigen-decomposition, then re-orthonormalized by modified
 * Gram-Schmidt.
 *
 * <p><b>Large classes.</b> An exact eigen-decomposition costs O(m^3) for m = min(n_c, D); for
 * MNIST-sized scattering (n_c ~ 6000, D = 3969) that is minutes per class. So when {@code m >
 * 500} and {@code d + 10 <= m / 4}, the leading directions come instead from a randomized range
 * finder with 10 extra columns and 3 power iterations (Halko, Martinsson and Tropp, SIAM Review
 * 2011), seeded from the class label so fitting stays deterministic: O(n_c D d) work, and
 * accurate when the spectrum decays, as it does for scattering vectors.
 *
 * <p><b>Capping.</b> Centred data of {@code n_c} points spans at most {@code n_c - 1} dimensions,
 * so class {@code c} keeps {@code k_c = min(d, n_c - 1, D)} directions, fewer if the data has lower
 * rank (directions with eigenvalue below {@code 1e-12 * lambda_max} are dropped). With {@code d >=
 * n_c - 1} the affine space passes through every training point of the class: their residual is 0
 * up to rounding.
 *
 * <p>Every class needs at least 2 training rows. {@link #withDimension(int)} gives the model with
 * fewer directions without refitting (the directions are nested), which makes cross-validating
 * {@code d} cheap. The feature matrix is only read.
 */
public final class AffinePcaClassifier implements Classifier {

    private static final double RANK_TOLERANCE = 1e-12;
    /**
     * Default size of Gram/scatter matrix up to which the exact eigen-decomposition is used. Above
     * it (and when d + 10 <= m / 4) the randomized range finder is used: the exact O(m^3) work grows
     * fast (classes of 900 rows, the MNIST learning curve with virtual samples at 1000 images, took
     * minutes each), the sketch costs O(n_c D d).
     */
    static final int EXACT_LIMIT = 500;
    static final int OVERSAMPLE = 10;
    static final int POWER_ITERATIONS = 3;

    private final int maxDimension;
    private final int exactLimit;

    // trained state
    private int[] classes;
    private int dimension;
    private double[][] means; // [class][D]
    private double[][] bases; // [class][k_c * D], row-major orthonormal directions

    /**
     * @param d number of principal directions per class (the paper's {@code d}); {@code >= 0} ({@code
     *     0} is the nearest-class-mean classifier); capped per class as documented above
     */
    public AffinePcaClassifier(int d) {
        this(d, EXACT_LIMIT);
    }

    /** As {@link #AffinePcaClassifier(int)} with another exact/randomized threshold (for tests). */
    AffinePcaClassifier(int d, int exactLimit) {
        if (d < 0) {
            throw new IllegalArgumentException("d = " + d + " must be >= 0");
        }
        this.maxDimension = d;
        this.exactLimit = exactLimit;
    }

    /** A trained model rebuilt from stored parameters (used by {@link ModelFile}). */
    static AffinePcaClassifier restore(int d, int[] classes, int dimension, double[][] means,
            double[][] bases) {
        AffinePcaClassifier m = new AffinePcaClassifier(d);
        m.classes = classes.clone();
        m.dimension = dimension;
        m.means = means;
        m.bases = bases;
        return m;
    }

    /** The requested number of directions {@code d}. */
    public int d() {
        return maxDimension;
    }

    @Override
    public void fit(FeatureMatrix x, int[] labels) {
        Labels lab = Labels.of(x, labels);
        lab.requireExamplesPerClass(2, "AffinePcaClassifier");
        int dim = x.cols();
        int k = lab.classes.length;
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < lab.index.length; i++) {
            members.get(lab.index[i]).add(i);
        }
        double[][] mu = new double[k][];
        double[][] basis = new double[k][];
        // classes are independent (each fit depends only on its own rows and label): in parallel
        IntStream.range(0, k).parallel().forEach(c -> {
            int[] rows = members.get(c).stream().mapToInt(Integer::intValue).toArray();
            mu[c] = new double[dim];
            basis[c] = fitClass(x, rows, mu[c], lab.classes[c]);
        });
        this.classes = lab.classes;
        this.dimension = dim;
        this.means = mu;
        this.bases = basis;
    }

    /** Fills {@code mean} and returns the orthonormal directions, row-major. */
    private double[] fitClass(FeatureMatrix x, int[] rows, double[] mean, int label) {
        int n = rows.length;
        int dim = x.cols();
        float[] data = x.data();
        for (int r : rows) {
            int off = x.offset(r);
            for (int j = 0; j < dim; j++) {
                mean[j] += data[off + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            mean[j] /= n;
        }
        int want = Math.min(maxDimension, Math.min(n - 1, dim));
        if (want == 0) {
            return new double[0];
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, dim);
        double[] cd = centred.data;
        for (int a = 0; a < n; a++) {
            int off = x.offset(rows[a]);
            for (int j = 0; j < dim; j++) {
                cd[a * dim + j] = data[off + j] - mean[j];
            }
        }
        // rowSpace: a matrix M whose rows span (approximately) the row space of R, with R'R ~ M'M on
        // the leading directions; eigenvectors v of M M' give directions u = M' v.
        DMatrixRMaj rowSpace;
        int small = Math.min(n, dim);
        if (small > exactLimit && want + OVERSAMPLE <= small / 4) {
            rowSpace = sketch(centred, want + OVERSAMPLE, 0x5CA77E5L * 31 + label);
        } else {
            rowSpace = n <= dim ? centred : null;
        }
        boolean gram = rowSpace != null;
        int m = gram ? rowSpace.numRows : 0;
        double[] md = gram ? rowSpace.data : null;
        int size = gram ? m : dim;
        DMatrixRMaj product = new DMatrixRMaj(size, size);
        if (gram) {
            CommonOps_DDRM.multTransB(rowSpace, rowSpace, product);
        } else {
            CommonOps_DDRM.multTransA(centred, centred, product);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(product)) {
            throw new IllegalStateException("eigen-decomposition failed for a class of " + n + " rows");
        }
        Integer[] order = new Integer[eig.getNumberOfEigenvalues()];
        double[] lambda = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (p, q) -> Double.compare(lambda[q], lambda[p]));
        double lambdaMax = Math.max(lambda[order[0]], 0);
        double[] out = new double[want * dim];
        int kept = 0;
        double[] u = new double[dim];
        for (int o = 0; o < order.length && kept < want; o++) {
            double l = lambda[order[o]];
            if (!(l > RANK_TOLERANCE * lambdaMax)) {
                break;
            }
            DMatrixRMaj v = eig.getEigenVector(order[o]);
            if (gram) {
                // u = M' v (normalized below)
                Arrays.fill(u, 0);
                for (int a = 0; a < m; a++) {
                    double va = v.data[a];
                    int base = a * dim;
                    for (int j = 0; j < dim; j++) {
                        u[j] += va * md[base + j];
                    }
                }
            } else {
                System.arraycopy(v.data, 0, u, 0, dim);
            }
            // modified Gram-Schmidt against the kept directions, then normalize
            double before = Math.sqrt(dot(u, 0, u, 0, dim));
            for (int p = 0; p < kept; p++) {
                double proj = dot(out, p * dim, u, 0, dim);
                for (int j = 0; j < dim; j++) {
                    u[j] -= proj * out[p * dim + j];
                }
            }
            double norm = Math.sqrt(dot(u, 0, u, 0, dim));
            if (!(norm > 1e-6 * before)) {
                continue; // numerically dependent on the kept ones
            }
            for (int j = 0; j < dim; j++) {
                out[kept * dim + j] = u[j] / norm;
            }
            kept++;
        }
        return kept == want ? out : Arrays.copyOf(out, kept * dim);
    }

    /**
     * Randomized range finder with power iterations (Halko, Martinsson and Tropp, "Finding
     * structure with randomness", SIAM Review 2011, Algorithms 4.3/4.4): returns {@code B = Q'R}
     * (k x D) where the orthonormal columns of {@code Q} (n x k) span the dominant column space of
     * {@code R}; the right singular vectors of B approximate the leading principal directions.
     */
    private static DMatrixRMaj sketch(DMatrixRMaj r, int k, long seed) {
        int n = r.numRows;
        int dim = r.numCols;
        Random random = new Random(seed);
        DMatrixRMaj omega = new DMatrixRMaj(dim, k);
        for (int i = 0; i < omega.data.length; i++) {
            omega.data[i] = random.nextGaussian();
        }
        DMatrixRMaj y = new DMatrixRMaj(n, k);
        CommonOps_DDRM.mult(r, omega, y);
        y = orthonormalColumns(y);
        DMatrixRMaj z = new DMatrixRMaj(dim, k);
        for (int q = 0; q < POWER_ITERATIONS; q++) {
            CommonOps_DDRM.multTransA(r, y, z);
            z = orthonormalColumns(z);
            CommonOps_DDRM.mult(r, z, y);
            y = orthonormalColumns(y);
        }
        DMatrixRMaj b = new DMatrixRMaj(k, dim);
        CommonOps_DDRM.multTransA(y, r, b);
        return b;
    }

    private static DMatrixRMaj orthonormalColumns(DMatrixRMaj a) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a.copy())) {
            throw new IllegalStateException("QR decomposition failed");
        }
        return qr.getQ(null, true);
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += a[ao + j] * b[bo + j];
        }
        return s;
    }

    /**
     * This trained model restricted to at most {@code d} directions per class (the first ones), without
     * refitting: the principal directions are nested, so this equals fitting with {@code d}.
     */
    public AffinePcaClassifier withDimension(int d) {
        requireFitted();
        if (d < 0) {
            throw new IllegalArgumentException("d = " + d + " must be >= 0");
        }
        double[][] cut = new double[bases.length][];
        for (int c = 0; c < bases.length; c++) {
            int keep = Math.min(d, bases[c].length / dimension);
            cut[c] = Arrays.copyOf(bases[c], keep * dimension);
        }
        return restore(d, classes, dimension, means, cut);
    }

    /** Number of directions kept for class index {@code c} (after capping). */
    public int directions(int c) {
        requireFitted();
        return bases[c].length / dimension;
    }

    /** Mean of class index {@code c}. A copy. */
    public double[] mean(int c) {
        requireFitted();
        return means[c].clone();
    }

    /** Orthonormal principal directions of class index {@code c}, row-major. A copy. */
    public double[] directionsOf(int c) {
        requireFitted();
        return bases[c].clone();
    }

    @Override
    public boolean isFitted() {
        return bases != null;
    }

    private void requireFitted() {
        if (bases == null) {
            throw new IllegalStateException("AffinePcaClassifier is not trained: call fit first");
        }
    }

    @Override
    public int[] classes() {
        requireFitted();
        return classes.clone();
    }

    @Override
    public int dimension() {
        requireFitted();
        return dimension;
    }

    /**
     * Residual norms {@code ||x - mu_c - P_c (x - mu_c)||} of one row, per class (ordered as {@link
     * #classes()}).
     */
    public double[] residuals(float[] row) {
        requireFitted();
        FeatureMatrix.requireRow(row, dimension, "row");
        return residuals(row, 0, new double[dimension]);
    }

    private double[] residuals(float[] data, int off, double[] r) {
        double[][] out = new double[1][classes.length];
        residualNorms(data, off, r, ALL_DIRECTIONS, out);
        return out[0];
    }

    /** A dimension grid of one entry that keeps every direction of every class. */
    private static final int[] ALL_DIRECTIONS = {Integer.MAX_VALUE};

    /**
     * {@code out[g][c] = ||x - mu_c - P_c (x - mu_c)||} with the first {@code dims[g]} directions of
     * class c, x the row at {@code data[off ...]}: the sequential projection of the centred row on
     * the directions, read after {@code dims[g]} steps (restarted when a smaller d follows a larger
     * one). {@code r} is scratch of length D.
     */
    private void residualNorms(float[] data, int off, double[] r, int[] dims, double[][] out) {
        for (int c = 0; c < classes.length; c++) {
            double[] mu = means[c];
            double[] b = bases[c];
            int k = b.length / dimension;
            int steps = -1; // not centred yet
            for (int g = 0; g < dims.length; g++) {
                int want = Math.min(dims[g], k);
                if (want < steps || steps < 0) {
                    for (int j = 0; j < dimension; j++) {
                        r[j] = data[off + j] - mu[j];
                    }
                    steps = 0;
                }
                for (; steps < want; steps++) {
                    int base = steps * dimension;
                    double a = dot(b, base, r, 0, dimension);
                    for (int j = 0; j < dimension; j++) {
                        r[j] -= a * b[base + j];
                    }
                }
                out[g][c] = Math.sqrt(dot(r, 0, r, 0, dimension));
            }
        }
    }

    /** Minus the residual norms: larger is closer. */
    @Override
    public double[] decisionValues(float[] row) {
        double[] res = residuals(row);
        for (int c = 0; c < res.length; c++) {
            res[c] = -res[c];
        }
        return res;
    }

    /**
     * Predicts every row; rows are processed in parallel on the common fork-join pool (each row's
     * result is computed by the same sequential code, so the output does not depend on it).
     */
    @Override
    public int[] predict(FeatureMatrix x) {
        return predictForDimensions(x, ALL_DIRECTIONS)[0];
    }

    /**
     * The predictions of {@code withDimension(dims[g]).predict(x)} for every g, in one pass: the
     * residual at d directions is the state of the sequential projection of {@link #residuals} after
     * d steps, so each row is projected once on the largest d and the residual norm is read at every
     * requested d (the same arithmetic, so the same predictions as separate calls, at the cost of
     * one). Cross-validation of d uses it: scoring a grid of 8 dimensions took 3 times as long as
     * scoring the largest.
     *
     * @return {@code out[g][i]}: the class of row i with {@code dims[g]} directions
     */
    public int[][] predictForDimensions(FeatureMatrix x, int[] dims) {
        requireFitted();
        LinearSvm.requireMatrix(x, dimension);
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("dims must contain at least one dimension");
        }
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("d = " + d + " in dims must be >= 0");
            }
        }
        int[][] out = new int[dims.length][x.rows()];
        IntStream.range(0, x.rows()).parallel().forEach(i -> {
            double[][] res = new double[dims.length][classes.length];
            residualNorms(x.data(), x.offset(i), new double[dimension], dims, res);
            for (int g = 0; g < dims.length; g++) {
                int best = 0;
                for (int c = 1; c < classes.length; c++) {
                    if (res[g][c] < res[g][best]) {
                        best = c;
                    }
                }
                out[g][i] = classes[best];
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return "AffinePcaClassifier[d=" + maxDimension
                + (bases == null ? ", untrained" : ", classes=" + Arrays.toString(classes) + ", D=" + dimension)
                + "]";
    }
}
