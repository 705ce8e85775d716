package org.scatter4j.wavelets.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LaneFft2DTest {
    private static final double TOL = 1e-12;

    /** rows, cols, lanes. */
    static Stream<Arguments> sizes() {
        List<Arguments> list = new ArrayList<>();
        int[] typical = {36, 18, 9, 40, 20, 10, 5, 128, 64, 32, 16, 8, 144, 72, 136, 68, 34, 17};
        for (int n : typical) {
            list.add(Arguments.of(n, n, 1));
            list.add(Arguments.of(n, n, n <= 40 ? 8 : 4));
        }
        for (int n : new int[] {256, 288, 272, 544}) {
            list.add(Arguments.of(n, n, 1));
        }
        list.add(Arguments.of(18, 18, 16));
        list.add(Arguments.of(36, 36, 64));
        list.add(Arguments.of(9, 9, 32));
        int[][] odd = {{1, 1}, {1, 7}, {7, 1}, {2, 3}, {3, 2}, {1, 64}, {64, 1}, {1, 36}, {36, 1},
            {3, 3}, {7, 7}, {11, 13}, {13, 11}, {31, 37}, {97, 6}, {2, 2}, {4, 4}, {25, 15},
            {49, 12}, {45, 24}, {101, 1}, {1, 101}};
        for (int[] rc : odd) {
            for (int lanes : new int[] {1, 3, 8}) {
                list.add(Arguments.of(rc[0], rc[1], lanes));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void agreesWithJTransforms(int rows, int cols, int lanes) {
        double[][] x = random(rows * cols * lanes, 31L * rows + 7L * cols + lanes);
        double[] re = x[0].clone(), im = x[1].clone();
        double[] refRe = x[0].clone(), refIm = x[1].clone();
        Fft2D fft = new LaneFft2D(rows, cols, lanes);
        // JTransforms' 2D FFT rejects a single row or column; use the direct DFT there.
        Fft2D ref = rows > 1 && cols > 1 ? new JTransformsFft2D(rows, cols, lanes)
                : new DirectDft2D(rows, cols, lanes);

        fft.forward(re, im);
        ref.forward(refRe, refIm);
        assertTrue(relativeError(re, im, refRe, refIm) <= TOL,
                () -> "forward error " + relativeError(re, im, refRe, refIm));

        double[] re2 = x[0].clone(), im2 = x[1].clone();
        double[] refRe2 = x[0].clone(), refIm2 = x[1].clone();
        fft.inverse(re2, im2);
        ref.inverse(refRe2, refIm2);
        assertTrue(relativeError(re2, im2, refRe2, refIm2) <= TOL,
                () -> "inverse error " + relativeError(re2, im2, refRe2, refIm2));

        // Round trip: forward then inverse returns the input.
        fft.inverse(re, im);
        assertTrue(relativeError(re, im, x[0], x[1]) <= TOL,
                () -> "round trip error " + relativeError(re, im, x[0], x[1]));
    }

    /** The real-input transform gives the complex transform's spectrum of a zero-imaginary input. */
    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void realInputTransformAgreesWithTheComplexOne(int rows, int cols, int lanes) {
        double[] x = random(rows * cols * lanes, 11L * rows + 5L * cols + lanes)[0];
        double[] re = x.clone();
        double[] im = new double[x.length];
        java.util.Arrays.fill(im, Double.NaN); // ignored: overwritten, never read
        double[] refRe = x.clone();
        double[] refIm = new double[x.length];
        Fft2D fft = new LaneFft2D(rows, cols, lanes);
        fft.forwardReal(re, im);
        fft.forward(refRe, refIm);
        assertTrue(relativeError(re, im, refRe, refIm) <= TOL, () -> "error " + relativeError(re, im, refRe, refIm));
        // Hermitian symmetry of the result, X[-k] = conj X[k], to rounding
        double worst = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int b = 0; b < lanes; b++) {
                    int k = (r * cols + c) * lanes + b;
                    int m = (((rows - r) % rows) * cols + (cols - c) % cols) * lanes + b;
                    worst = Math.max(worst, Math.abs(re[k] - re[m]) + Math.abs(im[k] + im[m]));
                }
            }
        }
        double norm = Math.sqrt(java.util.Arrays.stream(re).map(v -> v * v).sum());
        assertTrue(worst <= 1e-12 * Math.max(1, norm), "Hermitian symmetry off by " + worst);
    }

    /**
     * The column-major variants: forwardTransposed and forwardRealTransposed give the transpose of
     * forward's spectrum (to rounding: the passes are the same), and inverseTransposed of that
     * column-major spectrum gives back the input, as inverse does of the row-major one. Checked for
     * both kernels (the float32 one is generated from the float64 one, but checked on its own).
     */
    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void transposedVariantsAgreeWithTheRowMajorTransforms(int rows, int cols, int lanes) {
        double[][] x = random(rows * cols * lanes, 23L * rows + 13L * cols + lanes);
        int n = x[0].length;
        Fft2D fft = new LaneFft2D(rows, cols, lanes);
        double[] re = x[0].clone(), im = x[1].clone();
        double[] refRe = x[0].clone(), refIm = x[1].clone();
        fft.forwardTransposed(re, im);
        fft.forward(refRe, refIm);
        Fft2D.transposeGrid(refRe, rows, cols, lanes);
        Fft2D.transposeGrid(refIm, rows, cols, lanes);
        assertTrue(relativeError(re, im, refRe, refIm) <= TOL, () -> "forward " + relativeError(re, im, refRe, refIm));
        fft.inverseTransposed(re, im);
        assertTrue(relativeError(re, im, x[0], x[1]) <= TOL, () -> "round trip " + relativeError(re, im, x[0], x[1]));

        double[] rr = x[0].clone(), ri = new double[n];
        java.util.Arrays.fill(ri, Double.NaN); // ignored: overwritten, never read
        double[] cr = x[0].clone(), ci = new double[n];
        fft.forwardRealTransposed(rr, ri);
        fft.forwardTransposed(cr, ci);
        assertTrue(relativeError(rr, ri, cr, ci) <= TOL, () -> "real-input " + relativeError(rr, ri, cr, ci));

        Fft2D32 fft32 = new LaneFft2D32(rows, cols, lanes);
        float[] re32 = new float[n], im32 = new float[n], real32 = new float[n], zero32 = new float[n];
        for (int i = 0; i < n; i++) {
            re32[i] = (float) x[0][i];
            im32[i] = (float) x[1][i];
            real32[i] = re32[i];
        }
        float[] in32 = re32.clone(), inIm32 = im32.clone();
        fft32.forwardTransposed(re32, im32);
        assertTrue(relativeError(widen(re32), widen(im32), refRe, refIm) <= 1e-6, "float32 forward");
        fft32.inverseTransposed(re32, im32);
        assertTrue(relativeError(widen(re32), widen(im32), widen(in32), widen(inIm32)) <= 1e-6, "float32 round trip");
        fft32.forwardRealTransposed(real32, zero32);
        assertTrue(relativeError(widen(real32), widen(zero32), cr, ci) <= 1e-6, "float32 real-input");
    }

    /**
     * The fused inverse-and-modulus (used by the cascades for every U = |W x|) gives the bits of
     * inverseTransposed followed by sqrt(re^2 + im^2), with the spectrum given as arrays or row by
     * row (Fft2D.SpectrumRows, the filter products' way in) and the result in one array or left in
     * row arrays (inverseTransposedModulusRows, the low-pass's way in); both kernels. Checked against the
     * interface's default (two steps, as a reference kernel runs them) too.
     */
    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void inverseWithModulusIsTheInverseThenTheModulusBitForBit(int rows, int cols, int lanes) {
        double[][] x = random(rows * cols * lanes, 41L * rows + 7L * cols + lanes);
        int n = x[0].length;
        int width = rows * lanes; // a row of the column-major spectrum; there are cols of them
        Fft2D fft = new LaneFft2D(rows, cols, lanes);
        double[] re = x[0].clone(), im = x[1].clone();
        fft.inverseTransposed(re, im);
        double[] expected = new double[n];
        for (int p = 0; p < n; p++) {
            expected[p] = Math.sqrt(re[p] * re[p] + im[p] * im[p]);
        }
        double[] fusedRe = x[0].clone(), fusedIm = x[1].clone();
        fft.inverseTransposedModulus(fusedRe, fusedIm);
        assertArrayEquals(expected, fusedRe, "from arrays");
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        Fft2D.SpectrumRows spectrum = (r, rowRe, rowIm) -> {
            System.arraycopy(x[0], r * width, rowRe, 0, width);
            System.arraycopy(x[1], r * width, rowIm, 0, width);
        };
        fft.inverseTransposedModulus(spectrum, out);
        assertArrayEquals(expected, out, "row by row");
        assertRowsEqual(expected, fft.inverseTransposedModulusRows(spectrum), rows, cols * lanes, "into row arrays");
        Fft2D twoSteps = withDefaults(fft); // the fused methods are the interface's defaults
        double[] viaDefault = new double[n];
        twoSteps.inverseTransposedModulus(spectrum, viaDefault);
        for (int p = 0; p < n; p++) {
            assertEquals(expected[p], viaDefault[p], 1e-12 * (1 + expected[p]), "default at " + p);
        }
        double[][] rowsViaDefault = twoSteps.inverseTransposedModulusRows(spectrum);
        assertEquals(rows, rowsViaDefault.length, "default: one array per row");
        for (int i = 0; i < rows; i++) {
            for (int v = 0; v < cols * lanes; v++) {
                double e = expected[i * cols * lanes + v];
                assertEquals(e, rowsViaDefault[i][v], 1e-12 * (1 + e), "default rows at " + i + "," + v);
            }
        }

        Fft2D32 fft32 = new LaneFft2D32(rows, cols, lanes);
        float[] re32 = new float[n], im32 = new float[n];
        for (int i = 0; i < n; i++) {
            re32[i] = (float) x[0][i];
            im32[i] = (float) x[1][i];
        }
        float[] spectrumRe32 = re32.clone(), spectrumIm32 = im32.clone();
        fft32.inverseTransposed(re32, im32);
        float[] expected32 = new float[n];
        for (int p = 0; p < n; p++) {
            expected32[p] = (float) Math.sqrt(re32[p] * re32[p] + im32[p] * im32[p]);
        }
        float[] out32 = new float[n];
        fft32.inverseTransposedModulus((r, rowRe, rowIm) -> {
            System.arraycopy(spectrumRe32, r * width, rowRe, 0, width);
            System.arraycopy(spectrumIm32, r * width, rowIm, 0, width);
        }, out32);
        assertArrayEquals(expected32, out32, "float32 row by row");
        float[][] rows32 = fft32.inverseTransposedModulusRows((r, rowRe, rowIm) -> {
            System.arraycopy(spectrumRe32, r * width, rowRe, 0, width);
            System.arraycopy(spectrumIm32, r * width, rowIm, 0, width);
        });
        for (int i = 0; i < rows; i++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(expected32, i * cols * lanes, (i + 1) * cols * lanes),
                    java.util.Arrays.copyOf(rows32[i], cols * lanes), "float32 into row arrays, row " + i);
        }
        fft32.inverseTransposedModulus(spectrumRe32, spectrumIm32);
        assertArrayEquals(expected32, java.util.Arrays.copyOf(spectrumRe32, n), "float32 from arrays");
    }

    /**
     * The real forward transform of rows given as arrays (forwardRealTransposed(double[][], ...),
     * how a cascade transforms U1 without copying it out of the inverse FFT) gives the bits of the
     * flat-input form: from the caller's arrays, and from the transform's own row arrays as
     * inverseTransposedModulusRows returns them (the input then shares the blocks the transform
     * works in); odd widths included (the complex path); both kernels; the interface default within
     * rounding. Too few or too short rows are refused.
     */
    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void realForwardFromRowArraysEqualsTheFlatFormBitForBit(int rows, int cols, int lanes) {
        int length = cols * lanes;
        int n = rows * length;
        double[][] x = random(n, 17L * rows + 5L * cols + lanes);
        Fft2D fft = new LaneFft2D(rows, cols, lanes);
        double[] expectedRe = x[0].clone(), expectedIm = new double[n];
        fft.forwardRealTransposed(expectedRe, expectedIm);
        double[][] callerRows = new double[rows][length + 3];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[0], r * length, callerRows[r], 0, length);
        }
        double[] re = new double[n], im = new double[n];
        fft.forwardRealTransposed(callerRows, re, im);
        assertArrayEquals(expectedRe, re, "caller's rows, re");
        assertArrayEquals(expectedIm, im, "caller's rows, im");

        // the transform's own rows: |inverse| of some spectrum, then its real transform from those rows
        int width = rows * lanes;
        Fft2D.SpectrumRows spectrum = (r, rowRe, rowIm) -> {
            System.arraycopy(x[0], r * width, rowRe, 0, width);
            System.arraycopy(x[1], r * width, rowIm, 0, width);
        };
        double[][] own = fft.inverseTransposedModulusRows(spectrum);
        double[] ownFlat = new double[n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(own[r], 0, ownFlat, r * length, length);
        }
        fft.forwardRealTransposed(own, re, im);
        double[] flatRe = ownFlat.clone(), flatIm = new double[n];
        fft.forwardRealTransposed(flatRe, flatIm);
        assertArrayEquals(flatRe, re, "own rows, re");
        assertArrayEquals(flatIm, im, "own rows, im");

        Fft2D reference = withDefaults(fft); // the row form is the interface's default
        double[] defaultRe = new double[n], defaultIm = new double[n];
        reference.forwardRealTransposed(callerRows, defaultRe, defaultIm);
        for (int p = 0; p < n; p++) {
            double scale = 1 + Math.abs(expectedRe[p]) + Math.abs(expectedIm[p]);
            assertEquals(expectedRe[p], defaultRe[p], 1e-9 * scale, "default re at " + p);
            assertEquals(expectedIm[p], defaultIm[p], 1e-9 * scale, "default im at " + p);
        }

        Fft2D32 fft32 = new LaneFft2D32(rows, cols, lanes);
        float[] flat32 = new float[n];
        float[][] rows32 = new float[rows][length];
        for (int p = 0; p < n; p++) {
            flat32[p] = (float) x[0][p];
            rows32[p / length][p % length] = flat32[p];
        }
        float[] expected32Im = new float[n];
        fft32.forwardRealTransposed(flat32, expected32Im);
        float[] re32 = new float[n], im32 = new float[n];
        fft32.forwardRealTransposed(rows32, re32, im32);
        assertArrayEquals(flat32, re32, "float32 caller's rows, re");
        assertArrayEquals(expected32Im, im32, "float32 caller's rows, im");

        if (cols % 2 == 0) { // the packed real path checks its rows itself
            assertThrows(IllegalArgumentException.class, () -> fft.forwardRealTransposed(new double[rows - 1][length], re, im));
            double[][] shortRow = new double[rows][length];
            shortRow[rows - 1] = new double[length - 1];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fft.forwardRealTransposed(shortRow, re, im));
            assertTrue(e.getMessage().contains("row " + (rows - 1)), e.getMessage());
        }
    }

    /** {@code fft} with only the abstract methods delegated: every other method is the interface's default, as a reference kernel runs it. */
    private static Fft2D withDefaults(Fft2D fft) {
        return new Fft2D() {
            public int rows() { return fft.rows(); }
            public int cols() { return fft.cols(); }
            public int lanes() { return fft.lanes(); }
            public void forward(double[] a, double[] b) { fft.forward(a, b); }
            public void inverse(double[] a, double[] b) { fft.inverse(a, b); }
        };
    }

    /** Row i of {@code rowArrays} (its first {@code length} values) is row i of the flat {@code expected}, bit for bit. */
    private static void assertRowsEqual(double[] expected, double[][] rowArrays, int rows, int length, String what) {
        for (int i = 0; i < rows; i++) {
            assertArrayEquals(java.util.Arrays.copyOfRange(expected, i * length, (i + 1) * length),
                    java.util.Arrays.copyOf(rowArrays[i], length), what + ", row " + i);
        }
    }

    /**
     * The float32 kernel (generated from the float64 one) gives the float64 transforms of the same
     * input to float32 rounding: forward, inverse and real-input forward, relative L2 error below
     * 1e-6 (a float32 FFT's error grows like eps * log N, eps = 6e-8).
     */
    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void float32KernelAgreesWithFloat64(int rows, int cols, int lanes) {
        double[][] x = random(rows * cols * lanes, 17L * rows + 3L * cols + lanes);
        int n = x[0].length;
        float[] re = new float[n], im = new float[n];
        double[] refRe = new double[n], refIm = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = (float) x[0][i];
            im[i] = (float) x[1][i];
            refRe[i] = re[i];
            refIm[i] = im[i];
        }
        Fft2D32 fft = new LaneFft2D32(rows, cols, lanes);
        Fft2D ref = new LaneFft2D(rows, cols, lanes);
        float[] re0 = re.clone(), im0 = im.clone();
        double[] refRe0 = refRe.clone(), refIm0 = refIm.clone();
        fft.forward(re, im);
        ref.forward(refRe, refIm);
        double forward = relativeError(widen(re), widen(im), refRe, refIm);
        assertTrue(forward <= 1e-6, "forward error " + forward);
        fft.inverse(re, im);
        ref.inverse(refRe, refIm);
        double inverse = relativeError(widen(re), widen(im), refRe, refIm);
        assertTrue(inverse <= 1e-6, "inverse error " + inverse);
        fft.forwardReal(re0, im0);
        ref.forwardReal(refRe0, refIm0);
        double real = relativeError(widen(re0), widen(im0), refRe0, refIm0);
        assertTrue(real <= 1e-6, "real-input forward error " + real);
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** The direct O(N (rows + cols)) DFT, an independent check of both kernels on small sizes. */
    @ParameterizedTest(name = "{0}x{1} lanes={2}")
    @MethodSource("sizes")
    void agreesWithDirectDft(int rows, int cols, int lanes) {
        if ((long) rows * cols * (rows + cols) * lanes > 2_000_000) {
            return;
        }
        double[][] x = random(rows * cols * lanes, 11L * rows + cols + lanes);
        double[] re = x[0].clone(), im = x[1].clone();
        double[] refRe = x[0].clone(), refIm = x[1].clone();
        new LaneFft2D(rows, cols, lanes).forward(re, im);
        new DirectDft2D(rows, cols, lanes).forward(refRe, refIm);
        assertTrue(relativeError(re, im, refRe, refIm) <= TOL,
                () -> "forward error " + relativeError(re, im, refRe, refIm));
    }

    @Test
    void linearity() {
        int rows = 36, cols = 20, lanes = 4, n = rows * cols * lanes;
        double[][] x = random(n, 1), y = random(n, 2);
        double a = 0.75, b = -2.5;
        double[] zr = new double[n], zi = new double[n];
        for (int i = 0; i < n; i++) {
            zr[i] = a * x[0][i] + b * y[0][i];
            zi[i] = a * x[1][i] + b * y[1][i];
        }
        Fft2D fft = Fft2DFactory.create(rows, cols, lanes);
        fft.forward(x[0], x[1]);
        fft.forward(y[0], y[1]);
        fft.forward(zr, zi);
        double[] er = new double[n], ei = new double[n];
        for (int i = 0; i < n; i++) {
            er[i] = a * x[0][i] + b * y[0][i];
            ei[i] = a * x[1][i] + b * y[1][i];
        }
        assertTrue(relativeError(zr, zi, er, ei) <= TOL);
    }

    @Test
    void parseval() {
        for (int[] s : new int[][] {{18, 18, 8}, {17, 34, 2}, {9, 40, 1}, {13, 7, 5}}) {
            int rows = s[0], cols = s[1], lanes = s[2];
            double[][] x = random(rows * cols * lanes, 3);
            double[] energy = laneEnergy(x[0], x[1], lanes);
            Fft2D fft = Fft2DFactory.create(rows, cols, lanes);
            fft.forward(x[0], x[1]);
            double[] spectral = laneEnergy(x[0], x[1], lanes);
            for (int b = 0; b < lanes; b++) {
                assertEquals(energy[b], spectral[b] / (rows * cols), TOL * energy[b]);
            }
        }
    }

    /** A unit impulse at (r0, c0) has spectrum exp(-2 pi i (k r0 / rows + l c0 / cols)). */
    @Test
    void deltaGivesAnalyticPhases() {
        for (int[] s : new int[][] {{36, 36, 8, 5, 29}, {18, 18, 1, 17, 3}, {17, 10, 4, 16, 9},
            {7, 11, 3, 2, 10}, {288, 288, 1, 101, 250}, {1, 13, 2, 0, 12}}) {
            int rows = s[0], cols = s[1], lanes = s[2], r0 = s[3], c0 = s[4];
            double[] re = new double[rows * cols * lanes], im = new double[re.length];
            for (int b = 0; b < lanes; b++) {
                re[(r0 * cols + c0) * lanes + b] = 1.0;
            }
            Fft2DFactory.create(rows, cols, lanes).forward(re, im);
            double maxErr = 0;
            for (int k = 0; k < rows; k++) {
                for (int l = 0; l < cols; l++) {
                    // Reduce the phase exactly in integers: frac = (k r0 cols + l c0 rows) / (rows cols).
                    long num = ((long) k * r0 * cols + (long) l * c0 * rows) % ((long) rows * cols);
                    double angle = -2.0 * Math.PI * num / ((double) rows * cols);
                    for (int b = 0; b < lanes; b++) {
                        int idx = (k * cols + l) * lanes + b;
                        maxErr = Math.max(maxErr, Math.abs(re[idx] - Math.cos(angle)));
                        maxErr = Math.max(maxErr, Math.abs(im[idx] - Math.sin(angle)));
                    }
                }
            }
            assertTrue(maxErr <= 1e-13, "delta phase error " + maxErr + " for " + rows + "x" + cols);
        }
    }

    /** Lane b of a multi-lane transform is bit for bit the single-lane transform of lane b. */
    @Test
    void lanesAreIndependentBitForBit() {
        for (int[] s : new int[][] {{18, 18}, {36, 36}, {9, 9}, {17, 34}, {40, 7}, {64, 64}, {1, 5}}) {
            int rows = s[0], cols = s[1], n = rows * cols;
            for (int lanes : new int[] {3, 8, 16}) {
                double[][] x = random(n * lanes, rows + lanes);
                double[] re = x[0].clone(), im = x[1].clone();
                Fft2D multi = new LaneFft2D(rows, cols, lanes);
                multi.forward(re, im);
                double[] ire = x[0].clone(), iim = x[1].clone();
                multi.inverse(ire, iim);
                Fft2D single = new LaneFft2D(rows, cols, 1);
                for (int b = 0; b < lanes; b++) {
                    double[] lr = new double[n], li = new double[n];
                    for (int p = 0; p < n; p++) {
                        lr[p] = x[0][p * lanes + b];
                        li[p] = x[1][p * lanes + b];
                    }
                    double[] ilr = lr.clone(), ili = li.clone();
                    single.forward(lr, li);
                    single.inverse(ilr, ili);
                    for (int p = 0; p < n; p++) {
                        int q = p * lanes + b;
                        assertEquals(Double.doubleToRawLongBits(lr[p]), Double.doubleToRawLongBits(re[q]));
                        assertEquals(Double.doubleToRawLongBits(li[p]), Double.doubleToRawLongBits(im[q]));
                        assertEquals(Double.doubleToRawLongBits(ilr[p]), Double.doubleToRawLongBits(ire[q]));
                        assertEquals(Double.doubleToRawLongBits(ili[p]), Double.doubleToRawLongBits(iim[q]));
                    }
                }
            }
        }
    }

    /** Re-using an instance gives the same result as a fresh one (no state leaks between calls). */
    @Test
    void instanceIsReusable() {
        Fft2D fft = Fft2DFactory.create(20, 36, 4);
        double[][] x = random(20 * 36 * 4, 9);
        double[] re = x[0].clone(), im = x[1].clone();
        fft.forward(re, im);
        double[][] y = random(20 * 36 * 4, 10);
        fft.forward(y[0], y[1]);
        double[] re2 = x[0].clone(), im2 = x[1].clone();
        fft.forward(re2, im2);
        assertArrayEquals(re, re2);
        assertArrayEquals(im, im2);
    }

    @Test
    void plansAreSharedAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    double[][] x = random(34 * 34 * 2, 5);
                    Fft2DFactory.create(34, 34, 2).forward(x[0], x[1]);
                    return x[0];
                }));
            }
            double[] first = results.get(0).get();
            for (Future<double[]> f : results) {
                assertArrayEquals(first, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(FftPlan.of(544) == FftPlan.of(544));
    }

    @Test
    void factoryAndValidation() {
        assertInstanceOf(LaneFft2D.class, Fft2DFactory.create(36, 36, 8));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft2D(0, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new LaneFft2D(4, 4, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new LaneFft2D(4, 4, 2).forward(new double[31], new double[32]));
        assertEquals(List.of(3, 3, 4, 4, 2), FftPlan.factor(288)); // 3s first: their butterfly takes the twiddles
        assertEquals(List.of(3, 3, 2), FftPlan.factor(18));
        assertEquals(List.of(3, 3, 4), FftPlan.factor(36));
        assertEquals(List.of(4, 4, 2, 17), FftPlan.factor(544));
        assertEquals(List.of(7, 11, 13), FftPlan.factor(1001));
    }

    private static double[][] random(int n, long seed) {
        Random rnd = new Random(seed);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        return new double[][] {re, im};
    }

    private static double[] laneEnergy(double[] re, double[] im, int lanes) {
        double[] e = new double[lanes];
        for (int i = 0; i < re.length; i++) {
            e[i % lanes] += re[i] * re[i] + im[i] * im[i];
        }
        return e;
    }

    static double relativeError(double[] re, double[] im, double[] refRe, double[] refIm) {
        double num = 0, den = 0;
        for (int i = 0; i < re.length; i++) {
            double dr = re[i] - refRe[i], di = im[i] - refIm[i];
            num += dr * dr + di * di;
            den += refRe[i] * refRe[i] + refIm[i] * refIm[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }
}
