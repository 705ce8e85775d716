package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;
import static org.scatter4j.classifiers.LinearSvmTest.primal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link LinearSvm} with {@link LinearSvm.Solver#TRUST_REGION_NEWTON} ({@link TrustRegionNewton}). */
class TrustRegionNewtonTest {

    private static final LinearSvm.Solver NEWTON = LinearSvm.Solver.TRUST_REGION_NEWTON;
    private static final LinearSvm.Solver DUAL = LinearSvm.Solver.DUAL_COORDINATE_DESCENT;
    private static final LinearSvm.Loss SQ = LinearSvm.Loss.SQUARED_HINGE;

    @BeforeAll
    static void quiet() {
        Linear.disableDebugOutput();
    }

    private static LinearSvm.Builder newton(double c, double eps) {
        return LinearSvm.builder().solver(NEWTON).c(c).epsilon(eps).maxIterations(10_000);
    }

    private static LinearSvm.Builder dual(double c, double eps) {
        return LinearSvm.builder().solver(DUAL).c(c).epsilon(eps).maxIterations(1_000_000).seed(5);
    }

    /**
     * Gradient of 1/2 ||w||^2 + C sum max(0, 1 - y w.x)^2 at the augmented weights {@code w},
     * computed here independently of the solver: w + 2C sum_{y w.x < 1} (w.x - y) x.
     */
    private static double[] gradient(double[] w, FeatureMatrix x, int[] labels, int positive, double c, double bias) {
        int d = x.cols();
        double[] g = w.clone();
        for (int i = 0; i < x.rows(); i++) {
            double y = labels[i] == positive ? 1 : -1;
            double o = w[d] * bias;
            for (int j = 0; j < d; j++) {
                o += w[j] * x.get(i, j);
            }
            if (y * o < 1) {
                for (int j = 0; j < d; j++) {
                    g[j] += 2 * c * (o - y) * x.get(i, j);
                }
                g[d] += 2 * c * (o - y) * bias;
            }
        }
        return g;
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
    }

    // ---- same minimiser as the dual solver and as LIBLINEAR -s 2 --------------------------------

    @Test
    void binaryProblemHasTheDualSolversObjectiveAndPredictionsAndLiblinearsObjective() {
        Synthetic.Data data = Synthetic.linear(300, 15, 2, 1.0, 11); // not separable (label noise)
        double c = 0.1;
        LinearSvm tron = newton(c, 1e-8).build();
        tron.fit(data.x(), data.y());
        LinearSvm dcd = dual(c, 1e-8).build();
        dcd.fit(data.x(), data.y());
        int positive = tron.classes()[0];
        double ours = primal(tron.weights(0), data.x(), data.y(), positive, c, 1.0, SQ);
        double theirs = primal(dcd.weights(0), data.x(), data.y(), positive, c, 1.0, SQ);
        assertEquals(theirs, ours, 1e-6 * theirs, "primal objective vs dual coordinate descent");
        assertArrayEquals(dcd.predict(data.x()), tron.predict(data.x()));
        LinearSvm.Report r = tron.reports().get(0);
        assertTrue(r.converged());
        assertEquals(ours, r.primalObjective(), 1e-9 * ours);
        assertEquals(r.primalObjective(), r.dualObjective(), 1e-6 * ours, "duality gap at a = 2C max(0, 1 - y w.x)");
        assertTrue(r.supportVectors() > 0 && r.supportVectors() < 300, "support vectors " + r.supportVectors());
        assertTrue(r.steps() >= r.iterations(), "at least one Hessian-vector product per Newton iteration");

        Problem p = new Problem();
        p.l = 300;
        p.n = 16;
        p.bias = 1;
        p.y = Arrays.stream(data.y()).asDoubleStream().toArray();
        p.x = new Feature[300][];
        for (int i = 0; i < 300; i++) {
            Feature[] row = new Feature[16];
            for (int j = 0; j < 15; j++) {
                row[j] = new FeatureNode(j + 1, data.x().get(i, j));
            }
            row[15] = new FeatureNode(16, 1.0);
            p.x[i] = row;
        }
        Model ref = Linear.train(p, new Parameter(SolverType.L2R_L2LOSS_SVC, c, 1e-8));
        double[] all = ref.getFeatureWeights();
        double[] wRef = new double[16];
        for (int j = 0; j < 16; j++) {
            wRef[j] = all[j];
        }
        double refObj = primal(wRef, data.x(), data.y(), ref.getLabels()[0], c, 1.0, SQ);
        assertEquals(refObj, ours, 1e-6 * refObj, "primal objective vs LIBLINEAR -s 2");
    }

    @Test
    void multiclassOneVsRestMatchesTheDualSolverClassByClass() {
        Synthetic.Data data = Synthetic.linear(400, 12, 4, 0.5, 5);
        int[] y = Arrays.stream(data.y()).map(v -> 3 * v + 2).toArray(); // non-contiguous labels
        double c = 0.3;
        LinearSvm tron = newton(c, 1e-8).threads(2).build();
        tron.fit(data.x(), y);
        LinearSvm dcd = dual(c, 1e-8).threads(2).build();
        dcd.fit(data.x(), y);
        assertArrayEquals(new int[] {2, 5, 8, 11}, tron.classes());
        for (int k = 0; k < 4; k++) {
            int label = tron.classes()[k];
            double ours = primal(tron.weights(k), data.x(), y, label, c, 1.0, SQ);
            double theirs = primal(dcd.weights(k), data.x(), y, label, c, 1.0, SQ);
            assertEquals(theirs, ours, 1e-6 * theirs, "objective of class " + label);
            assertEquals(label, tron.reports().get(k).label());
        }
        assertArrayEquals(dcd.predict(data.x()), tron.predict(data.x()));
    }

    @Test
    void gradientNormMeetsLiblinearsRelativeCriterion() {
        Synthetic.Data data = Synthetic.linear(250, 10, 3, 2.0, 17);
        double c = 1.0;
        double bias = 0.5;
        for (double eps : new double[] {1e-2, 1e-4}) {
            LinearSvm tron = newton(c, eps).bias(bias).build();
            tron.fit(data.x(), data.y());
            for (int k = 0; k < 3; k++) {
                int label = tron.classes()[k];
                int pos = (int) Arrays.stream(data.y()).filter(v -> v == label).count();
                double tolerance = eps * Math.max(Math.min(pos, 250 - pos), 1) / 250.0;
                double g0 = norm(gradient(new double[11], data.x(), data.y(), label, c, bias));
                double g = norm(gradient(tron.weights(k), data.x(), data.y(), label, c, bias));
                assertTrue(tron.reports().get(k).converged(), "class " + label);
                assertTrue(g <= tolerance * g0, "eps " + eps + " class " + label + ": ||grad|| " + g + " > " + tolerance * g0);
            }
        }
    }

    @Test
    void separableProblemIsLearnedPerfectly() {
        Synthetic.Data data = Synthetic.separable(40, 10, new int[] {7, 0, 3}, 1);
        LinearSvm tron = LinearSvm.builder().solver(NEWTON).c(1).threads(2).build();
        tron.fit(data.x(), data.y());
        assertEquals(1.0, Synthetic.accuracy(tron.predict(data.x()), data.y()));
        for (LinearSvm.Report r : tron.reports()) {
            assertTrue(r.converged(), "class " + r.label());
        }
    }

    @Test
    void noBiasKeepsTheBiasWeightAtZero() {
        Synthetic.Data data = Synthetic.linear(200, 8, 2, 0.5, 2);
        LinearSvm tron = newton(1, 1e-8).bias(0).build();
        tron.fit(data.x(), data.y());
        LinearSvm dcd = dual(1, 1e-8).bias(0).build();
        dcd.fit(data.x(), data.y());
        assertEquals(0.0, tron.weights(0)[8]);
        double ours = primal(tron.weights(0), data.x(), data.y(), tron.classes()[0], 1, 0, SQ);
        double theirs = primal(dcd.weights(0), data.x(), data.y(), dcd.classes()[0], 1, 0, SQ);
        assertEquals(theirs, ours, 1e-6 * theirs);
    }

    // ---- determinism, warm start, limits --------------------------------------------------------

    @Test
    void weightsAreBitIdenticalForOneAndFourThreads() {
        Synthetic.Data data = Synthetic.linear(500, 30, 5, 1.0, 21);
        LinearSvm one = newton(0.05, 1e-3).threads(1).build();
        LinearSvm four = newton(0.05, 1e-3).threads(4).build();
        one.fit(data.x(), data.y());
        four.fit(data.x(), data.y());
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(one.weights(k), four.weights(k), "class " + k);
            assertEquals(one.reports().get(k).steps(), four.reports().get(k).steps(), "class " + k);
        }
    }

    @Test
    void warmStartReachesTheColdStartSolutionInFewerHessianProducts() {
        Synthetic.Data data = Synthetic.linear(400, 20, 4, 1.0, 31);
        LinearSvm small = newton(0.1, 1e-6).build();
        small.fit(data.x(), data.y());
        LinearSvm cold = newton(0.3, 1e-6).build();
        cold.fit(data.x(), data.y());
        LinearSvm warm = newton(0.3, 1e-6).build();
        warm.fit(data.x(), data.y(), small);
        long coldSteps = 0;
        long warmSteps = 0;
        for (int k = 0; k < 4; k++) {
            LinearSvm.Report c = cold.reports().get(k);
            LinearSvm.Report w = warm.reports().get(k);
            assertTrue(c.converged() && w.converged(), "class " + k);
            assertEquals(c.primalObjective(), w.primalObjective(), 1e-6 * c.primalObjective(), "class " + k);
            coldSteps += c.steps();
            warmSteps += w.steps();
        }
        assertArrayEquals(cold.predict(data.x()), warm.predict(data.x()));
        assertTrue(warmSteps < coldSteps, "warm " + warmSteps + " Hessian products vs cold " + coldSteps);

        // the Newton warm start needs the classes and features, not the same rows
        Synthetic.Data fewer = new Synthetic.Data(data.x().firstRows(300), Arrays.copyOf(data.y(), 300));
        LinearSvm other = newton(0.3, 1e-6).build();
        other.fit(fewer.x(), fewer.y(), small);
        LinearSvm otherCold = newton(0.3, 1e-6).build();
        otherCold.fit(fewer.x(), fewer.y());
        assertEquals(otherCold.reports().get(0).primalObjective(), other.reports().get(0).primalObjective(),
                1e-6 * otherCold.reports().get(0).primalObjective());
    }

    @Test
    void warmStartFromAnotherSolverOrProblemIsRefused() {
        Synthetic.Data data = Synthetic.linear(100, 5, 3, 1.0, 5);
        Synthetic.Data wider = Synthetic.linear(100, 6, 3, 1.0, 6);
        LinearSvm dcd = LinearSvm.builder().build();
        dcd.fit(data.x(), data.y());
        LinearSvm tron = LinearSvm.builder().solver(NEWTON).build();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> tron.fit(data.x(), data.y(), dcd)),
                "warmStart must be trained by the same solver TRUST_REGION_NEWTON, got DUAL_COORDINATE_DESCENT");
        LinearSvm wide = LinearSvm.builder().solver(NEWTON).build();
        wide.fit(wider.x(), wider.y());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> tron.fit(data.x(), data.y(), wide)),
                "warmStart must be trained on 5 features and classes [0, 1, 2]");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> tron.fit(data.x(), data.y(), LinearSvm.builder().solver(NEWTON).build())), "warmStart must be trained");
        LinearSvm tronModel = LinearSvm.builder().solver(NEWTON).build();
        tronModel.fit(data.x(), data.y());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> dcd.fit(data.x(), data.y(), tronModel)),
                "warmStart must be trained by the same solver DUAL_COORDINATE_DESCENT, got TRUST_REGION_NEWTON");
    }

    @Test
    void maxIterationsIsRespectedAndReported() {
        Synthetic.Data data = Synthetic.linear(300, 10, 3, 2.0, 4);
        LinearSvm tron = LinearSvm.builder().solver(NEWTON).c(10).epsilon(1e-12).maxIterations(1).build();
        tron.fit(data.x(), data.y());
        for (LinearSvm.Report r : tron.reports()) {
            assertEquals(1, r.iterations());
            assertFalse(r.converged());
        }
    }

    // ---- configuration and bad input ------------------------------------------------------------

    @Test
    void epsilonFollowsTheSolverUnlessSetExplicitly() {
        assertEquals(0.1, LinearSvm.builder().build().epsilon());
        assertEquals(0.01, LinearSvm.builder().solver(NEWTON).build().epsilon());
        assertEquals(0.003, LinearSvm.builder().epsilon(0.003).solver(NEWTON).build().epsilon());
        LinearSvm defaultNewton = LinearSvm.builder().solver(NEWTON).build();
        assertEquals(0.1, LinearSvm.builder().from(defaultNewton).solver(DUAL).build().epsilon(),
                "a default epsilon is not carried over to another solver");
        LinearSvm explicit = LinearSvm.builder().solver(NEWTON).epsilon(0.001).build();
        assertEquals(0.001, LinearSvm.builder().from(explicit).solver(DUAL).build().epsilon());
        assertEquals(NEWTON, LinearSvm.builder().from(explicit).build().solver());
        assertTrue(explicit.toString().contains("solver=TRUST_REGION_NEWTON"), explicit.toString());
    }

    @Test
    void rejectsBadParametersAndData() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> LinearSvm.builder().solver(null)),
                "solver must not be null");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> LinearSvm.builder().solver(NEWTON).loss(LinearSvm.Loss.HINGE).build()),
                "solver = TRUST_REGION_NEWTON needs loss = SQUARED_HINGE");
        LinearSvm tron = LinearSvm.builder().solver(NEWTON).build();
        FeatureMatrix x = new FeatureMatrix(4, 2);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> tron.fit(x, new int[] {0, 0, 0, 0})),
                "at least 2 distinct classes");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> tron.fit(x, new int[] {0, 1, -2, 0})),
                "labels[2] = -2");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> tron.fit(x, new int[] {0, 1, 0})),
                "labels.length = 3 but x.rows() = 4");
        x.set(2, 1, Float.NaN);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> tron.fit(x, new int[] {0, 1, 0, 1})),
                "x[2][1] = NaN");
        assertFalse(tron.isFitted());
    }

    @Test
    void crossValidatedCPathGivesTheScoresOfColdStarts() {
        Synthetic.Data data = Synthetic.linear(300, 10, 3, 1.5, 41);
        double[] grid = {0.01, 0.1, 1};
        LinearSvm base = newton(1, 1e-8).threads(2).build();
        CrossValidation cv = new CrossValidation(3, 7);
        CrossValidation.Result<Double> path = cv.selectC(data.x(), data.y(), grid, base);
        CrossValidation.Result<Double> cold = cv.select(data.x(), data.y(), List.of(0.01, 0.1, 1.0),
                c -> LinearSvm.builder().from(base).c(c).build());
        assertArrayEquals(cold.meanAccuracy(), path.meanAccuracy());
        assertEquals(cold.best(), path.best());
    }
}
