package org.scatter4j.classifiers;

/**
 * One binary L2-regularized squared-hinge SVM solved in the primal by a trust-region Newton method
 * with conjugate gradient (TRON): LIBLINEAR's {@code -s 2} solver. Algorithm: C.-J. Lin, R. C. Weng
 * and S. S. Keerthi, "Trust Region Newton Method for Large-Scale Logistic Regression", JMLR 9 (2008)
 * 627-650, Algorithms 1 and 2, applied to the squared hinge as in R.-E. Fan, K.-W. Chang, C.-J.
 * Hsieh, X.-R. Wang and C.-J. Lin, "LIBLINEAR: A Library for Large Linear Classification", JMLR 9
 * (2008) 1871-1874, Appendix (with the generalized Hessian of O. L. Mangasarian, "A finite Newton
 * method for classification", 2002). {@link LinearSvm} drives one instance per class.
 *
 * <p>With {@code y_i = +-1}, rows {@code x_i} augmented by the bias feature and {@code o_i = w.x_i},
 *
 * <pre>
 *   f(w)   = 1/2 w.w + C sum_i max(0, 1 - y_i o_i)^2
 *   grad f = w + 2C sum_{i in I} (o_i - y_i) x_i                    I = {i : y_i o_i < 1}
 *   H v    = v + 2C sum_{i in I} (x_i.v) x_i                         (generalized Hessian)
 * </pre>
 *
 * Each Newton iteration solves {@code H s = -grad f} approximately by conjugate gradient inside the
 * trust region {@code ||s|| <= delta} (Steihaug's truncated CG, stopped at {@code ||r|| <= 0.1
 * ||grad f||}, Lin, Weng and Keerthi Algorithm 2), accepts the step if the actual reduction is at
 * least {@code eta0 = 1e-4} times the predicted one, and updates {@code delta} by their ratio with
 * the constants of that paper (eta 1e-4, 0.25, 0.75; sigma 0.25, 0.5, 4), as LIBLINEAR does.
 *
 * <p><b>Stopping.</b> LIBLINEAR's criterion for {@code -s 2}: {@code ||grad f(w)|| <= eps
 * max(min(pos, neg), 1) / l ||grad f(0)||} with {@code pos}, {@code neg} the class sizes and {@code
 * l} the number of rows; {@code grad f(0) = -2C sum_i y_i x_i} does not depend on the starting point,
 * so a warm start stops at the same criterion as a cold one.
 *
 * <p><b>Cost and determinism.</b> Each Hessian-vector product is one pass over the rows of {@code
 * I}: for each, a dot product and an axpy on the same row while it is in L1 cache. The rows are
 * double (a copy made once per fit and shared read-only by all classes), so these loops have no
 * float-to-double conversion. Every sum is taken in a fixed order; the result depends only on the
 * inputs. Working arrays are allocated once per solve, nothing inside the iterations.
 */
final class TrustRegionNewton {

    /** Trust-region ratio thresholds and radius factors (Lin, Weng and Keerthi 2008, Section 2.2). */
    private static final double ETA0 = 1e-4;
    private static final double ETA1 = 0.25;
    private static final double ETA2 = 0.75;
    private static final double SIGMA1 = 0.25;
    private static final double SIGMA2 = 0.5;
    private static final double SIGMA3 = 4;
    /** Relative residual at which conjugate gradient stops (Algorithm 2, xi = 0.1). */
    private static final double CG_TOLERANCE = 0.1;

    /** What one solve did. */
    record Result(double[] w, int iterations, long hessianProducts, boolean converged, double primal, double dual,
            int supportVectors) {}

    private final double[][] rows;
    private final double[] y;
    private final double c;
    private final int n;
    private final int m;
    // working state, allocated once per problem
    private final double[] margin; // o_i
    private final int[] active; // I, in increasing row order
    private int activeSize;
    private long hessianProducts;

    /**
     * @param rows the augmented rows (last element the bias feature), shared and never written
     * @param y    +1 or -1 per row
     * @param c    the cost C, {@code > 0}
     */
    TrustRegionNewton(double[][] rows, double[] y, double c) {
        this.rows = rows;
        this.y = y;
        this.c = c;
        this.n = rows.length;
        this.m = rows[0].length;
        this.margin = new double[n];
        this.active = new int[n];
    }

    /**
     * Minimizes f from {@code start} (not modified; {@code null} for w = 0).
     *
     * @param epsilon       the relative tolerance {@code eps} of the stopping criterion
     * @param maxIterations the maximum number of Newton iterations (accepted or not)
     */
    Result solve(double[] start, double epsilon, int maxIterations) {
        int pos = 0;
        for (double yi : y) {
            if (yi > 0) {
                pos++;
            }
        }
        double tolerance = epsilon * Math.max(Math.min(pos, n - pos), 1) / n;
        // ||grad f(0)||: at w = 0 every row is in I with o_i = 0
        double[] g = new double[m];
        for (int i = 0; i < n; i++) {
            axpy(-2 * c * y[i], rows[i], g);
        }
        double gnorm0 = norm(g);

        double[] w = start == null ? new double[m] : start.clone();
        double[] wNew = new double[m];
        double[] s = new double[m];
        double[] r = new double[m];
        double[] d = new double[m];
        double[] hd = new double[m];
        double f = objective(w);
        gradient(w, g);
        double gnorm = norm(g);
        double delta = gnorm;
        boolean converged = gnorm <= tolerance * gnorm0;
        int iterations = 0;
        while (!converged && iterations < maxIterations) {
            iterations++;
            boolean boundary = conjugateGradient(delta, g, s, r, d, hd);
            for (int j = 0; j < m; j++) {
                wNew[j] = w[j] + s[j];
            }
            double gs = dot(g, s);
            double predicted = -0.5 * (gs - dot(s, r)); // -(g.s + 1/2 s'Hs), since r = -g - Hs
            double fNew = objective(wNew);
            double actual = f - fNew;
            double snorm = norm(s);
            if (iterations == 1) {
                delta = Math.min(delta, snorm);
            }
            // step length minimizing the quadratic through f, g.s and fNew along s (Lin et al., (2.7))
            double alpha = fNew - f - gs <= 0 ? SIGMA3 : Math.max(SIGMA1, -0.5 * (gs / (fNew - f - gs)));
            if (actual < ETA0 * predicted) {
                delta = Math.min(Math.max(alpha, SIGMA1) * snorm, SIGMA2 * delta);
            } else if (actual < ETA1 * predicted) {
                delta = Math.max(SIGMA1 * delta, Math.min(alpha * snorm, SIGMA2 * delta));
            } else if (actual < ETA2 * predicted) {
                delta = Math.max(SIGMA1 * delta, Math.min(alpha * snorm, SIGMA3 * delta));
            } else {
                delta = boundary ? SIGMA3 * delta : Math.max(delta, Math.min(alpha * snorm, SIGMA3 * delta));
            }
            if (actual > ETA0 * predicted) {
                double[] t = w;
                w = wNew;
                wNew = t;
                f = fNew;
                gradient(w, g); // uses the margins of w, just computed by objective(wNew)
                gnorm = norm(g);
                converged = gnorm <= tolerance * gnorm0;
            } else {
                objective(w); // restore the margins (and I) of the current w
            }
            if (predicted <= 0 || (Math.abs(actual) <= 1e-12 * Math.abs(f) && Math.abs(predicted) <= 1e-12 * Math.abs(f))) {
                break; // no further progress is possible in double precision
            }
        }
        // dual variables a_i = 2C max(0, 1 - y_i o_i) (KKT); sum y_i a_i x_i = w - grad f
        double sumAlpha = 0;
        double sumAlpha2 = 0;
        for (int k = 0; k < activeSize; k++) {
            int i = active[k];
            double a = 2 * c * (1 - y[i] * margin[i]);
            sumAlpha += a;
            sumAlpha2 += a * a;
        }
        double u2 = 0;
        for (int j = 0; j < m; j++) {
            double u = w[j] - g[j];
            u2 += u * u;
        }
        double dual = sumAlpha - 0.5 * u2 - sumAlpha2 / (4 * c);
        return new Result(w, iterations, hessianProducts, converged, f, dual, activeSize);
    }

    /** f(w); also stores the margins o_i and the set I for {@link #gradient} and {@link #hessianTimes}. */
    private double objective(double[] w) {
        double loss = 0;
        activeSize = 0;
        for (int i = 0; i < n; i++) {
            double o = dot(rows[i], w);
            margin[i] = o;
            double slack = 1 - y[i] * o;
            if (slack > 0) {
                loss += slack * slack;
                active[activeSize++] = i;
            }
        }
        return 0.5 * dot(w, w) + c * loss;
    }

    /** grad f(w) into {@code g}, from the margins of the last {@link #objective} call (at w). */
    private void gradient(double[] w, double[] g) {
        System.arraycopy(w, 0, g, 0, m);
        for (int k = 0; k < activeSize; k++) {
            int i = active[k];
            axpy(2 * c * (margin[i] - y[i]), rows[i], g);
        }
    }

    /** {@code out = H v} over the current I: one pass, dot and axpy on each row while it is cached. */
    private void hessianTimes(double[] v, double[] out) {
        hessianProducts++;
        System.arraycopy(v, 0, out, 0, m);
        for (int k = 0; k < activeSize; k++) {
            double[] row = rows[active[k]];
            axpy(2 * c * dot(row, v), row, out);
        }
    }

    /**
     * Steihaug's truncated conjugate gradient on {@code H s = -g} within {@code ||s|| <= delta}
     * (Lin, Weng and Keerthi 2008, Algorithm 2). On return {@code s} is the step and {@code r = -g -
     * H s}; the result tells whether the trust-region boundary was reached.
     */
    private boolean conjugateGradient(double delta, double[] g, double[] s, double[] r, double[] d, double[] hd) {
        for (int j = 0; j < m; j++) {
            s[j] = 0;
            r[j] = -g[j];
            d[j] = r[j];
        }
        double rr = dot(r, r);
        double tolerance = CG_TOLERANCE * Math.sqrt(rr);
        for (int it = 0; it < Math.max(m, 5); it++) {
            if (Math.sqrt(rr) <= tolerance) {
                break;
            }
            hessianTimes(d, hd);
            double alpha = rr / dot(d, hd); // d'Hd >= d'd > 0: H = I + a positive semi-definite term
            axpy(alpha, d, s);
            if (norm(s) > delta) {
                // back to the previous s, then the positive tau with ||s + tau d|| = delta
                axpy(-alpha, d, s);
                double std = dot(s, d);
                double sts = dot(s, s);
                double dtd = dot(d, d);
                double dsq = delta * delta;
                double rad = Math.sqrt(std * std + dtd * (dsq - sts));
                double tau = std >= 0 ? (dsq - sts) / (std + rad) : (rad - std) / dtd;
                axpy(tau, d, s);
                axpy(-tau, hd, r);
                return true;
            }
            axpy(-alpha, hd, r);
            double rrNew = dot(r, r);
            double beta = rrNew / rr;
            for (int j = 0; j < m; j++) {
                d[j] = r[j] + beta * d[j];
            }
            rr = rrNew;
        }
        return false;
    }

    /** {@code sum_j a[j] b[j]} with four partial sums in a fixed order. */
    static double dot(double[] a, double[] b) {
        int len = a.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        int end = len & ~3;
        for (; j < end; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < len; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code out[j] += a x[j]}. */
    static void axpy(double a, double[] x, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] += a * x[j];
        }
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
