package org.scatter4j.classifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * L2-regularized linear support vector machine, one-vs-rest, trained by dual coordinate descent
 * with shrinking: the LIBLINEAR algorithm of Hsieh, Chang, Lin, Keerthi and Sundararajan, "A Dual
 * Coordinate Descent Method for Large-scale Linear SVM", ICML 2008 (Algorithm 1 with the shrinking
 * of Section 3.2 and the random permutation of Section 3.1), on dense float rows.
 *
 * <p>For each class {@code c} the binary problem with {@code y_i = +1} for rows of class {@code c}
 * and {@code -1} otherwise is
 *
 * <pre>
 *   min_w  1/2 ||w||^2 + C sum_i xi(w; x_i, y_i),
 *   xi = max(0, 1 - y_i w.x_i)     for {@link Loss#HINGE}          (LIBLINEAR -s 3)
 *   xi = max(0, 1 - y_i w.x_i)^2   for {@link Loss#SQUARED_HINGE}  (LIBLINEAR -s 1, the default)
 * </pre>
 *
 * solved through its dual {@code min_a 1/2 a'Qa - e'a, 0 <= a_i <= U} with {@code Q = Q~ + D}
 * ({@code U = C, D = 0} for the hinge loss, {@code U = inf, D_ii = 1/(2C)} for the squared hinge),
 * maintaining {@code w = sum_i y_i a_i x_i}. Each coordinate step costs one dot product and one
 * axpy on a row.
 *
 * <p><b>Bias.</b> As with LIBLINEAR's {@code -B b}: with {@code bias > 0} every row is augmented by
 * a constant feature of value {@code bias}, so the model is {@code w.x + w_b * bias} and the bias
 * weight {@code w_b} <em>is regularized</em> like the others. {@code bias = 0} means no bias term.
 * The default is 1 (LIBLINEAR {@code -B 1}). The augmented feature is never materialized.
 *
 * <p><b>Stopping.</b> An epoch is one pass over the active (unshrunk) coordinates in a random
 * order. Training stops when the spread of the projected gradient {@code max PG - min PG} over an
 * epoch is at most {@code epsilon} with nothing shrunk (exactly LIBLINEAR's criterion; its default
 * {@code epsilon = 0.1} is ours too), or after {@code maxIterations} epochs (default 1000, like
 * LIBLINEAR); {@link #reports()} tells which.
 *
 * <p><b>Parallelism and determinism.</b> The classes' binary problems are independent; they are
 * split into {@code threads} groups solved in parallel. Within a group, epoch {@code r} of every
 * problem visits rows in the order of one random permutation drawn from a {@link SplittableRandom}
 * seeded by {@code (seed, r)}, each problem skipping the rows it has shrunk, so that a row fetched
 * from memory (16 KB for 3969 features) serves all problems of the group while it is in cache; the
 * order restricted to one problem's active rows is still a uniformly random permutation of them,
 * as in LIBLINEAR (which shuffles each class's active set separately). A problem's trajectory
 * depends only on the seed and its own state, never on the grouping, and the squared row norms
 * {@code ||x_i||^2 + bias^2}, computed once and shared by all classes, do not depend on how rows are
 * split among threads: the weights are bit-identical for a fixed seed whatever the thread count.
 *
 * <p><b>Inner loops.</b> Weights are double; each coordinate step is one dot product of the float
 * row with the double weights (double accumulation, eight independent partial sums) and, if the
 * dual variable moves, one axpy into the weights ({@link DenseOps}).
 *
 * <p>With two classes a single binary problem is solved (smallest label positive) and the decision
 * values are {@code (f, -f)}, as LIBLINEAR does.
 *
 * <p><b>Solvers.</b> The above describes {@link Solver#DUAL_COORDINATE_DESCENT}, the default.
 * {@link Solver#TRUST_REGION_NEWTON} solves the same squared-hinge problem in the primal (LIBLINEAR
 * {@code -s 2}, {@link TrustRegionNewton}): each class's problem is independent, the classes are
 * solved one per task on {@code threads} threads, and each starts from w = 0 (or the warm start's
 * weights), so the weights do not depend on the thread count (nor on the seed, which it does not
 * use). It is the better choice when the number of rows is not much larger than the number of
 * features and the features are dense and correlated (LIBLINEAR's advice for {@code -s 2}); it
 * copies the rows to double once per fit ({@code 8 n (d + 1)} bytes).
 *
 * <p>The feature matrix is only read, never copied. Instances are configured by {@link #builder()}.
 */
public final class LinearSvm implements Classifier {

    /** The loss of the primal problem. */
    public enum Loss {
        /** {@code max(0, 1 - y w.x)^2}, LIBLINEAR {@code -s 1} (dual). */
        SQUARED_HINGE,
        /** {@code max(0, 1 - y w.x)}, LIBLINEAR {@code -s 3} (dual). */
        HINGE
    }

    /**
     * The optimization method; both minimize the same objective and give the same model up to
     * their tolerances.
     */
    public enum Solver {
        /** Dual coordinate descent with shrinking, LIBLINEAR {@code -s 1} / {@code -s 3}; default epsilon 0.1. */
        DUAL_COORDINATE_DESCENT(0.1),
        /**
         * Primal trust-region Newton with conjugate gradient, LIBLINEAR {@code -s 2} (squared hinge only);
         * default epsilon 0.01.
         */
        TRUST_REGION_NEWTON(0.01);

        private final double defaultEpsilon;

        Solver(double defaultEpsilon) {
            this.defaultEpsilon = defaultEpsilon;
        }

        /** LIBLINEAR's default tolerance for this solver. */
        public double defaultEpsilon() {
            return defaultEpsilon;
        }
    }

    /**
     * What happened while training one binary problem: epochs (Newton iterations for {@link
     * Solver#TRUST_REGION_NEWTON}), whether the tolerance was met, final primal and dual objectives
     * (equal at the optimum; for the Newton solver the dual is evaluated at {@code a_i = 2C max(0, 1
     * - y_i w.x_i)}), support vectors (rows with alpha > 0), steps taken (coordinate steps, each one
     * dot product; for the Newton solver Hessian-vector products, each one pass over the rows with
     * alpha > 0), and seconds until it finished.
     */
    public record Report(
            int label,
            int iterations,
            boolean converged,
            double primalObjective,
            double dualObjective,
            int supportVectors,
            long steps,
            double seconds) {}

    private final double c;
    private final Loss loss;
    private final Solver solver;
    private final double bias;
    private final double epsilon;
    /** Whether epsilon was set explicitly (else it follows the solver's default). */
    private final boolean epsilonExplicit;
    private final int maxIterations;
    private final int threads;
    private final long seed;

    // trained state
    private int[] classes;
    private int dimension;
    /** One weight vector per binary problem, length {@code dimension + 1} (last = bias weight). */
    private double[][] weights;
    /** The dual variables of each binary problem after training (null for a restored model). */
    private double[][] alphas;
    private List<Report> reports = List.of();

    private LinearSvm(Builder b) {
        this.c = b.c;
        this.loss = b.loss;
        this.solver = b.solver;
        this.bias = b.bias;
        this.epsilonExplicit = b.epsilon != null;
        this.epsilon = b.epsilon != null ? b.epsilon : b.solver.defaultEpsilon();
        this.maxIterations = b.maxIterations;
        this.threads = b.threads;
        this.seed = b.seed;
    }

    /**
     * A builder with LIBLINEAR's defaults: C = 1, squared hinge, dual coordinate descent, bias 1,
     * epsilon 0.1 (0.01 for the Newton solver), 1000 epochs.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Configuration of a {@link LinearSvm}; every setter validates its argument. */
    public static final class Builder {
        private double c = 1.0;
        private Loss loss = Loss.SQUARED_HINGE;
        private Solver solver = Solver.DUAL_COORDINATE_DESCENT;
        private double bias = 1.0;
        private Double epsilon; // null: the solver's default
        private int maxIterations = 1000;
        private int threads = 1;
        private long seed = 1L;

        private Builder() {}

        /** Copies another builder's settings. */
        public Builder from(LinearSvm other) {
            this.c = other.c;
            this.loss = other.loss;
            this.solver = other.solver;
            this.bias = other.bias;
            this.epsilon = other.epsilonExplicit ? other.epsilon : null;
            this.maxIterations = other.maxIterations;
            this.threads = other.threads;
            this.seed = other.seed;
            return this;
        }

        /** The regularization trade-off C; must be finite and {@code > 0}. */
        public Builder c(double c) {
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new IllegalArgumentException("C = " + c + " must be finite and > 0");
            }
            this.c = c;
            return this;
        }

        public Builder loss(Loss loss) {
            if (loss == null) {
                throw new IllegalArgumentException("loss must not be null");
            }
            this.loss = loss;
            return this;
        }

        /**
         * The optimization method (default {@link Solver#DUAL_COORDINATE_DESCENT}); unless {@link
         * #epsilon} is set, the tolerance is the solver's default.
         */
        public Builder solver(Solver solver) {
            if (solver == null) {
                throw new IllegalArgumentException("solver must not be null");
            }
            this.solver = solver;
            return this;
        }

        /** Value of the constant bias feature; {@code 0} disables the bias term; must be {@code >= 0}. */
        public Builder bias(double bias) {
            if (!(bias >= 0) || !Double.isFinite(bias)) {
                throw new IllegalArgumentException("bias = " + bias + " must be finite and >= 0");
            }
            this.bias = bias;
            return this;
        }

        /**
         * Stopping tolerance, must be {@code > 0}: the projected-gradient spread for dual coordinate
         * descent, the relative gradient norm for the Newton solver ({@link TrustRegionNewton}).
         */
        public Builder epsilon(double epsilon) {
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
                throw new IllegalArgumentException("epsilon = " + epsilon + " must be finite and > 0");
            }
            this.epsilon = epsilon;
            return this;
        }

        /** Maximum number of epochs (Newton iterations for the Newton solver) per class; must be {@code >= 1}. */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations = " + maxIterations + " must be >= 1");
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /** Number of threads solving classes in parallel; must be {@code >= 1}. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads = " + threads + " must be >= 1");
            }
            this.threads = threads;
            return this;
        }

        /** Seed of the per-epoch random permutations. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the solver cannot minimize the loss (the Newton solver
         *                                  needs the twice-differentiable squared hinge)
         */
        public LinearSvm build() {
            if (solver == Solver.TRUST_REGION_NEWTON && loss != Loss.SQUARED_HINGE) {
                throw new IllegalArgumentException("solver = " + solver + " needs loss = SQUARED_HINGE (the " + loss
                        + " loss is not differentiable), got loss = " + loss);
            }
            return new LinearSvm(this);
        }
    }

    /** A trained model rebuilt from stored parameters (used by {@link ModelFile}). */
    static LinearSvm restore(Builder config, int[] classes, int dimension, double[][] weights) {
        LinearSvm svm = config.build();
        svm.classes = classes.clone();
        svm.dimension = dimension;
        svm.weights = weights;
        return svm;
    }

    public double c() {
        return c;
    }

    public Loss loss() {
        return loss;
    }

    public Solver solver() {
        return solver;
    }

    public double bias() {
        return bias;
    }

    public double epsilon() {
        return epsilon;
    }

    public int maxIterations() {
        return maxIterations;
    }

    public int threads() {
        return threads;
    }

    public long seed() {
        return seed;
    }

    @Override
    public void fit(FeatureMatrix x, int[] labels) {
        fit(x, labels, null);
    }

    /**
     * Trains starting from the solution of {@code warmStart}, a model trained with the same solver
     * and another C (a regularization path: LIBLINEAR's warm start of its C search).
     *
     * <p>{@link Solver#TRUST_REGION_NEWTON}: starts from {@code warmStart}'s weights (same classes and
     * number of features; any rows). The stopping criterion is relative to the gradient at w = 0, so
     * the result meets the same criterion as a cold start.
     *
     * <p>{@link Solver#DUAL_COORDINATE_DESCENT}: starts from the dual solution of {@code warmStart},
     * trained on the <em>same</em> rows and labels. Any {@code alpha >= 0} is feasible for the squared hinge (for the hinge loss
     * it is clipped to the new C), so the result satisfies the same stopping criterion as a cold
     * start; only the number of epochs changes: fewer for the squared hinge along an increasing C
     * (FSDD speech features, C 0.01 to 0.03 to 0.1: 27 % fewer steps), not reliably for the hinge
     * loss, whose alphas at the old bound are not at the new one. {@code null} is a cold start.
     *
     * @throws IllegalArgumentException if {@code warmStart} was trained by another solver, on other
     *                                  classes or (dual coordinate descent) on another number of rows
     */
    public void fit(FeatureMatrix x, int[] labels, LinearSvm warmStart) {
        Labels lab = Labels.of(x, labels);
        lab.requireClasses(2, "LinearSvm");
        if (warmStart != null && warmStart.solver != solver) {
            throw new IllegalArgumentException("warmStart must be trained by the same solver " + solver + ", got "
                    + warmStart.solver);
        }
        if (solver == Solver.TRUST_REGION_NEWTON) {
            fitNewton(x, lab, warmStart);
            return;
        }
        final int n = x.rows();
        final int d = x.cols();
        final int problems = lab.classes.length == 2 ? 1 : lab.classes.length;
        final int poolSize = Math.min(threads, Math.max(problems, 1));
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
            Thread t = new Thread(r, "LinearSvm-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            // Q_ii without the loss' diagonal term; shared by every class. Each row's value is computed
            // by the same code whatever the split, so it does not depend on the thread count.
            final double[] qBase = new double[n];
            final double b2 = bias * bias;
            List<Future<?>> norms = new ArrayList<>();
            int chunk = (n + poolSize - 1) / poolSize;
            for (int t = 0; t < poolSize; t++) {
                final int from = t * chunk;
                final int to = Math.min(n, from + chunk);
                norms.add(pool.submit(() -> {
                    float[] data = x.data();
                    for (int i = from; i < to; i++) {
                        qBase[i] = DenseOps.squaredNorm(data, x.offset(i), d) + b2;
                    }
                }));
            }
            waitAll(norms);

            final int[] offset = new int[n];
            for (int i = 0; i < n; i++) {
                offset[i] = x.offset(i);
            }
            if (warmStart != null && (warmStart.alphas == null || warmStart.alphas.length != problems
                    || warmStart.alphas[0].length != n || !Arrays.equals(warmStart.classes, lab.classes))) {
                throw new IllegalArgumentException("warmStart must be trained on the same " + n
                        + " rows and classes " + Arrays.toString(lab.classes));
            }
            Problem[] all = new Problem[problems];
            for (int p = 0; p < problems; p++) {
                all[p] = new Problem(p, n, d);
            }
            if (warmStart != null) {
                List<Future<?>> starts = new ArrayList<>();
                for (int p = 0; p < problems; p++) {
                    final Problem pr = all[p];
                    final double[] from = warmStart.alphas[p];
                    starts.add(pool.submit(() -> pr.warmStart(from, x, lab.index)));
                }
                waitAll(starts);
            }
            List<Future<?>> groups = new ArrayList<>();
            for (int t = 0; t < poolSize; t++) {
                List<Problem> group = new ArrayList<>();
                for (int p = t; p < problems; p += poolSize) {
                    group.add(all[p]);
                }
                Problem[] g = group.toArray(new Problem[0]);
                groups.add(pool.submit(() -> solveGroup(x, lab.index, qBase, offset, g)));
            }
            waitAll(groups);
            double[][] w = new double[problems][];
            double[][] a = new double[problems][];
            List<Future<Report>> reportFutures = new ArrayList<>();
            for (int p = 0; p < problems; p++) {
                Problem pr = all[p];
                w[p] = Arrays.copyOf(pr.w, d + 1);
                w[p][d] = pr.wb;
                a[p] = pr.alpha;
                final int label = lab.classes[p];
                reportFutures.add(pool.submit(() -> report(pr, x, lab.index, label)));
            }
            Report[] rep = new Report[problems];
            for (int p = 0; p < problems; p++) {
                rep[p] = get(reportFutures.get(p));
            }
            this.classes = lab.classes;
            this.dimension = d;
            this.weights = w;
            this.alphas = a;
            this.reports = Collections.unmodifiableList(Arrays.asList(rep));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One {@link TrustRegionNewton} problem per class, each a task on the pool: a problem's result
     * depends only on its inputs, never on which thread ran it or when.
     */
    private void fitNewton(FeatureMatrix x, Labels lab, LinearSvm warmStart) {
        final int n = x.rows();
        final int d = x.cols();
        final int problems = lab.classes.length == 2 ? 1 : lab.classes.length;
        if (warmStart != null && (warmStart.weights == null || warmStart.dimension != d
                || !Arrays.equals(warmStart.classes, lab.classes))) {
            throw new IllegalArgumentException("warmStart must be trained on " + d + " features and classes "
                    + Arrays.toString(lab.classes));
        }
        final int poolSize = Math.min(threads, problems);
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
            Thread t = new Thread(r, "LinearSvm-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            // the augmented rows in double, shared read-only by every class (see TrustRegionNewton)
            final double[][] rows = new double[n][];
            List<Future<?>> copies = new ArrayList<>();
            int chunk = (n + poolSize - 1) / poolSize;
            for (int t = 0; t < poolSize; t++) {
                final int from = t * chunk;
                final int to = Math.min(n, from + chunk);
                copies.add(pool.submit(() -> {
                    float[] data = x.data();
                    for (int i = from; i < to; i++) {
                        double[] row = new double[d + 1];
                        int off = x.offset(i);
                        for (int j = 0; j < d; j++) {
                            row[j] = data[off + j];
                        }
                        row[d] = bias;
                        rows[i] = row;
                    }
                }));
            }
            waitAll(copies);
            double[][] w = new double[problems][];
            List<Future<Report>> futures = new ArrayList<>();
            for (int p = 0; p < problems; p++) {
                final int positive = p;
                final double[] start = warmStart == null ? null : warmStart.weights[p];
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        y[i] = lab.index[i] == positive ? 1 : -1;
                    }
                    TrustRegionNewton.Result r = new TrustRegionNewton(rows, y, c).solve(start, epsilon, maxIterations);
                    w[positive] = r.w();
                    return new Report(lab.classes[positive], r.iterations(), r.converged(), r.primal(), r.dual(),
                            r.supportVectors(), r.hessianProducts(), (System.nanoTime() - t0) * 1e-9);
                }));
            }
            Report[] rep = new Report[problems];
            for (int p = 0; p < problems; p++) {
                rep[p] = get(futures.get(p));
            }
            this.classes = lab.classes;
            this.dimension = d;
            this.weights = w;
            this.alphas = null;
            this.reports = Collections.unmodifiableList(Arrays.asList(rep));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitAll(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            get(f);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * State of one binary problem "class {@code positive} against the rest" during dual coordinate
     * descent with shrinking (LIBLINEAR's {@code solve_l2r_l1l2_svc}); one epoch is driven by
     * {@link #solveGroup}.
     */
    private final class Problem {
        final int positive;
        final double diag;
        final double upper;
        final double[] alpha;
        final double[] w;
        double wb; // weight of the bias feature
        final boolean[] active;
        int activeSize;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        double pgMaxNew;
        double pgMinNew;
        int iterations;
        boolean converged;
        boolean done;
        long steps;
        long start = System.nanoTime();
        double seconds;

        Problem(int positive, int n, int d) {
            this.positive = positive;
            boolean hinge = loss == Loss.HINGE;
            this.diag = hinge ? 0.0 : 0.5 / c;
            this.upper = hinge ? c : Double.POSITIVE_INFINITY;
            this.alpha = new double[n];
            this.w = new double[d];
            this.active = new boolean[n];
            java.util.Arrays.fill(active, true);
            this.activeSize = n;
        }

        /** Starts from the dual variables {@code from} (clipped to the box) and their w = sum y a x. */
        void warmStart(double[] from, FeatureMatrix x, int[] classIndex) {
            final float[] data = x.data();
            final int d = w.length;
            for (int i = 0; i < alpha.length; i++) {
                double ai = Math.min(from[i], upper);
                alpha[i] = ai;
                if (ai != 0) {
                    double delta = classIndex[i] == positive ? ai : -ai;
                    DenseOps.axpy(delta, data, x.offset(i), w, d);
                    wb += delta * bias;
                }
            }
        }

        void startEpoch() {
            pgMaxNew = Double.NEGATIVE_INFINITY;
            pgMinNew = Double.POSITIVE_INFINITY;
        }

        /** One coordinate step on row {@code i} (which is active). */
        void step(int i, float[] data, int off, int d, double yi, double qBase) {
            steps++;
            final double ai = alpha[i];
            double g = yi * (DenseOps.dot(w, data, off, d) + wb * bias) - 1 + ai * diag;
            double pg = 0;
            if (ai == 0) {
                if (g > pgMaxOld) {
                    active[i] = false;
                    activeSize--;
                    return;
                } else if (g < 0) {
                    pg = g;
                }
            } else if (ai == upper) {
                if (g < pgMinOld) {
                    active[i] = false;
                    activeSize--;
                    return;
                } else if (g > 0) {
                    pg = g;
                }
            } else {
                pg = g;
            }
            if (pg > pgMaxNew) {
                pgMaxNew = pg;
            }
            if (pg < pgMinNew) {
                pgMinNew = pg;
            }
            if (Math.abs(pg) > 1.0e-12) {
                double an = Math.min(Math.max(ai - g / (qBase + diag), 0.0), upper);
                alpha[i] = an;
                double delta = (an - ai) * yi;
                DenseOps.axpy(delta, data, off, w, d);
                wb += delta * bias;
            }
        }

        void endEpoch(int n) {
            iterations++;
            if (pgMaxNew - pgMinNew <= epsilon) {
                if (activeSize == n) {
                    converged = true;
                    done = true;
                    seconds = (System.nanoTime() - start) * 1e-9;
                    return;
                }
                // optimal on the shrunk problem: check all coordinates again
                java.util.Arrays.fill(active, true);
                activeSize = n;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
            } else {
                pgMaxOld = pgMaxNew <= 0 ? Double.POSITIVE_INFINITY : pgMaxNew;
                pgMinOld = pgMinNew >= 0 ? Double.NEGATIVE_INFINITY : pgMinNew;
            }
            if (iterations >= maxIterations) {
                done = true;
            }
            if (done) {
                seconds = (System.nanoTime() - start) * 1e-9;
            }
        }
    }

    /**
     * Solves a group of binary problems on one thread. Epoch {@code r} of every problem visits the
     * rows in the order of one permutation {@code pi_r}, drawn from a {@link SplittableRandom} seeded
     * by {@code (seed, r)}, skipping the rows that problem has shrunk; the order restricted to a
     * problem's active rows is then a uniformly random permutation of them, as in LIBLINEAR.
     * Sharing the permutation lets every row, once fetched from memory, serve all problems of the
     * group (the row is 16 KB for 3969 features and stays in L1 while the weight vectors stay in L2),
     * which divides the memory traffic of the dominant dot products and axpys by the group size.
     * Each problem's trajectory depends only on the seed and its own state, never on the grouping,
     * so results do not depend on the thread count.
     */
    private void solveGroup(FeatureMatrix x, int[] classIndex, double[] qBase, int[] offset, Problem[] group) {
        final int n = x.rows();
        final int d = x.cols();
        final float[] data = x.data();
        final int[] perm = new int[n];
        Problem[] live = group.clone();
        int liveCount = live.length;
        for (int round = 0; liveCount > 0; round++) {
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            SplittableRandom random = new SplittableRandom(mix(seed, round));
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int k = 0; k < liveCount; k++) {
                live[k].startEpoch();
            }
            for (int s = 0; s < n; s++) {
                final int i = perm[s];
                final int off = offset[i];
                final int ci = classIndex[i];
                final double q = qBase[i];
                for (int k = 0; k < liveCount; k++) {
                    Problem p = live[k];
                    if (p.active[i]) {
                        p.step(i, data, off, d, ci == p.positive ? 1.0 : -1.0, q);
                    }
                }
            }
            int kept = 0;
            for (int k = 0; k < liveCount; k++) {
                live[k].endEpoch(n);
                if (!live[k].done) {
                    live[kept++] = live[k];
                }
            }
            liveCount = kept;
        }
    }

    /** Primal 1/2 ||w||^2 + C sum xi and dual sum a - 1/2 a'(Q~ + D)a of a solved problem. */
    private Report report(Problem p, FeatureMatrix x, int[] classIndex, int label) {
        final int n = x.rows();
        final int d = x.cols();
        final boolean hinge = loss == Loss.HINGE;
        double ww = p.wb * p.wb;
        for (int j = 0; j < d; j++) {
            ww += p.w[j] * p.w[j];
        }
        double sumAlpha = 0;
        double sumAlpha2 = 0;
        double sumLoss = 0;
        int sv = 0;
        for (int i = 0; i < n; i++) {
            double a = p.alpha[i];
            sumAlpha += a;
            sumAlpha2 += a * a;
            if (a > 0) {
                sv++;
            }
            double yi = classIndex[i] == p.positive ? 1 : -1;
            double margin = 1 - yi * (DenseOps.dot(p.w, x.data(), x.offset(i), d) + p.wb * bias);
            if (margin > 0) {
                sumLoss += hinge ? margin : margin * margin;
            }
        }
        double primal = 0.5 * ww + c * sumLoss;
        double dual = sumAlpha - 0.5 * ww - 0.5 * p.diag * sumAlpha2;
        return new Report(label, p.iterations, p.converged, primal, dual, sv, p.steps, p.seconds);
    }

    /** A well-spread seed for class {@code k} (SplitMix64 finalizer of seed and class). */
    static long mix(long seed, int k) {
        long z = seed + 0x9E3779B97F4A7C15L * (k + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean isFitted() {
        return weights != null;
    }

    private void requireFitted() {
        if (weights == null) {
            throw new IllegalStateException("LinearSvm is not trained: call fit first");
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
     * Weights of binary problem {@code k} (one per class, or a single one with two classes),
     * {@code dimension() + 1} values, the last being the bias feature's weight {@code w_b}: the
     * intercept is {@code w_b * bias()}. A copy.
     */
    public double[] weights(int k) {
        requireFitted();
        if (k < 0 || k >= weights.length) {
            throw new IllegalArgumentException("k = " + k + " not in [0, " + weights.length + ")");
        }
        return weights[k].clone();
    }

    /** Number of binary problems (1 with two classes, else the number of classes). */
    public int problems() {
        requireFitted();
        return weights.length;
    }

    /** Per binary problem: epochs, convergence, objectives, support vectors and time. */
    public List<Report> reports() {
        return reports;
    }

    @Override
    public double[] decisionValues(float[] row) {
        requireFitted();
        FeatureMatrix.requireRow(row, dimension, "row");
        return decisionValues(row, 0);
    }

    private double[] decisionValues(float[] data, int off) {
        double[] out = new double[classes.length];
        for (int k = 0; k < weights.length; k++) {
            double[] w = weights[k];
            out[k] = DenseOps.dot(w, data, off, dimension) + w[dimension] * bias;
        }
        if (weights.length == 1) {
            out[1] = -out[0];
        }
        return out;
    }

    /**
     * Predicts every row; rows are processed in parallel on the common fork-join pool (each row's
     * result is computed by the same sequential code, so the output does not depend on it).
     */
    @Override
    public int[] predict(FeatureMatrix x) {
        requireFitted();
        requireMatrix(x, dimension);
        int[] out = new int[x.rows()];
        IntStream.range(0, out.length).parallel()
                .forEach(i -> out[i] = classes[Labels.argmax(decisionValues(x.data(), x.offset(i)))]);
        return out;
    }

    static void requireMatrix(FeatureMatrix x, int dimension) {
        if (x == null) {
            throw new IllegalArgumentException("x must not be null");
        }
        if (x.cols() != dimension) {
            throw new IllegalArgumentException(
                    "x.cols() = " + x.cols() + " but the model expects " + dimension + " features");
        }
        x.requireFinite("x");
    }

    @Override
    public String toString() {
        return "LinearSvm[C=" + c + ", loss=" + loss + ", solver=" + solver + ", bias=" + bias + ", epsilon=" + epsilon
                + ", maxIterations=" + maxIterations + ", threads=" + threads + ", seed=" + seed
                + (weights == null ? ", untrained" : ", classes=" + Arrays.toString(classes) + ", d=" + dimension)
                + "]";
    }
}
