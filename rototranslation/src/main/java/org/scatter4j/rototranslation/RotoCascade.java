package org.scatter4j.rototranslation;

import java.util.Arrays;
import org.scatter4j.scattering.internal.LowPassKernels;
import org.scatter4j.scattering.internal.LowPassOperator;
import org.scatter4j.scattering.internal.SparseFourierFilter;
import org.scatter4j.scattering.internal.SparseFourierKernels;
import org.scatter4j.scattering.engine.LaneBlock64;
import org.scatter4j.scattering.engine.LaneCascade;
import org.scatter4j.wavelets.LanePadding;
import org.scatter4j.wavelets.Padding;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;

/**
 * The cascade of {@link RotoScattering2D} in float64 on a block of images, one per lane (the
 * equations are in RotoScattering2D's Javadoc; Sifre and Mallat, CVPR 2013): the first layer Y1 and
 * its means, the spatial step Z of the second layer, and the angular step, a length-2L FFT per pixel.
 * Sums over the pixels of a map stay float64 in both precisions. The whole cascade is the engine's
 * root (no subtrees: a batch is spread over threads by blocks). The float32 twin
 * {@code RotoCascade32} is generated from this file by {@code org.scatter4j.codegen.Float32Kernels}:
 * edit this one.
 */
final class RotoCascade implements LaneCascade<RotoCascade.Block, RotoCascade.Workspace> {
    /** Pixels per block of the angular step (the rows of the angular FFT). */
    private static final int PIXEL_BLOCK = 64;

    private final int J;
    private final int L;
    private final int K;
    private final int n;
    private final Averaging averaging;
    private final boolean log;
    private final double logEpsilon; // float64 in both: the eps of log(S + eps), as the caller gave it
    private final boolean renormalize;
    private final boolean translation;
    private final int[] parent;
    private final int[] level2;
    private final Padding padding;
    private final double[][] invHat;
    private final LowPassOperator[] lowPass;
    private final int outHeight;
    private final int outWidth;
    private final int planeSize;
    private final int pathCount;
    private final int featureCount;
    private final int[] kymatio;
    private final boolean[] conjugate;
    private final SparseFourierFilter[][][] secondPsi;
    private final SparseFourierFilter[][] firstPsi;

    RotoCascade(RotoScattering2D s) {
        this.J = s.J();
        this.L = s.L();
        this.K = s.K();
        this.n = 2 * L;
        this.averaging = s.averaging();
        this.log = s.log();
        this.logEpsilon = s.logEpsilon(); // float64 in both
        this.renormalize = s.renormalize();
        this.translation = s.translationCoefficients();
        this.parent = s.parent;
        this.level2 = s.level2;
        this.padding = s.padding();
        this.invHat = s.invHat;
        this.lowPass = s.lowPass;
        this.outHeight = s.outputHeight();
        this.outWidth = s.outputWidth();
        this.planeSize = s.planeSize;
        this.pathCount = s.paths().size();
        this.featureCount = s.featureCount();
        this.kymatio = s.kymatio;
        this.conjugate = s.conjugate;
        this.secondPsi = s.secondPsi;
        this.firstPsi = s.firstPsi;
    }

    @Override
    public Block newBlock(int lanes) {
        return new Block(lanes);
    }

    @Override
    public Workspace newWorkspace(int lanes) {
        return new Workspace(lanes);
    }

    /**
     * The whole transform of the images in the block's lanes (padded input in {@code x.xRe}); writes
     * path c, sample q of lane b at {@code x.out[(c * planeSize + q) * lanes + b]}.
     */
    @Override
    public void root(Block x, Workspace w) {
        int lanes = x.lanes;
        int Mp = padding.paddedHeight();
        int Np = padding.paddedWidth();
        int plane = planeSize * lanes;
        int window = outHeight * outWidth;
        boolean global = averaging == Averaging.GLOBAL;

        if (global) {                                                               // S0 = mean x
            laneMeans(x.xRe, Mp * Np, lanes, 1.0 / ((double) Mp * Np), w, x.out, 0);
        } else {
            LowPassKernels.apply(lowPass[0], x.xRe, lanes, w.lowPassScratch, x.out, 0);
        }
        w.fft[0].forwardRealTransposed(x.xRe, x.xIm);                               // X = F x (x real), column-major
        int nextFirst = 1;
        int next2 = 1 + J;
        int nextT = RotoScattering2D.pathCount(J, L, K);                                            // translation coefficients, if any
        for (int j1 = 0; j1 < J; j1++) {
            int rows1 = Mp >> j1;
            int cols1 = Np >> j1;
            for (int a = 0; a < L; a++) {                                           // Y1(., a) = |x * psi_{j1, a}|
                SparseFourierKernels.Product xPsi = w.product.of(firstPsi[j1][kymatio[a]], x.xRe, x.xIm, lanes);
                w.fft[j1].inverseTransposedModulus(xPsi, w.y1Re[a]);
                LowPassKernels.apply(lowPass[j1], w.y1Re[a], lanes, w.lowPassScratch, w.lp1[a], 0); // Y1 *_u phi_J
                if (translation) {                                                  // mean_u Y1(u, a)
                    laneMeans(w.y1Re[a], rows1 * cols1, lanes, 1.0 / ((double) rows1 * cols1), w, x.out, nextT++ * lanes);
                }
            }
            if (global) {                                                           // S1 = mean_{u, a} Y1
                Arrays.fill(w.laneSum, 0.0);
                for (int a = 0; a < L; a++) {
                    addLaneSums(w.y1Re[a], rows1 * cols1, lanes, w.laneSum);
                }
                store(w, x.out, nextFirst++, 1.0 / ((double) rows1 * cols1 * L));
            } else {
                int o = plane * nextFirst++;
                for (int q = 0; q < window * lanes; q++) {
                    double s = 0;
                    for (int a = 0; a < L; a++) {
                        s += w.lp1[a][q];
                    }
                    x.out[o + q] = s / L;
                }
            }
            angularStep(w.lp1, null, window * lanes, 1, w);                        // |(Y1 *_u phi_J) *_a psi_k|
            for (int k = 0; k < K; k++) {
                int c = next2++;
                if (global) {
                    laneMeans(w.acc[1 + k], window, lanes, 1.0 / ((double) window * n), w, x.out, c * lanes);
                } else {
                    for (int q = 0; q < window * lanes; q++) {
                        x.out[c * plane + q] = w.acc[1 + k][q] / n;
                    }
                }
            }
            if (j1 == J - 1) {
                continue;
            }
            for (int a = 0; a < L; a += 2) {                                        // F Y1(., a), two real maps per FFT
                forwardRealPair(w.fft[j1], rows1, cols1, lanes, w.y1Re[a], w.y1Im[a], w.y1Re[a + 1], w.y1Im[a + 1]);
            }
            for (int j2 = j1 + 1; j2 < J; j2++) {
                int rows2 = Mp >> level2[j2];
                int cols2 = Np >> level2[j2];
                int size2 = rows2 * cols2 * lanes;
                for (int a2 = 0; a2 < L; a2++) {
                    for (int a = 0; a < L; a++) {                                   // Z(., a) = Y1(., a) * psi_{j2, a + a2}
                        int b = a + a2;
                        SparseFourierKernels.multiplySubsample(secondPsi[j2][j1][kymatio[b]], w.y1Re[a], w.y1Im[a], lanes,
                                w.productScratch, w.zRe[a], w.zIm[a]);
                        w.fft[level2[j2]].inverseTransposed(w.zRe[a], w.zIm[a]);
                        if (translation) {                                          // mean_u |Z(u, a)|
                            laneModulusMeans(w.zRe[a], w.zIm[a], rows2 * cols2, lanes, 1.0 / ((double) rows2 * cols2), w, x.out,
                                    nextT++ * lanes);
                        }
                        if (conjugate[b]) {
                            double[] im = w.zIm[a];
                            for (int q = 0; q < size2; q++) {
                                im[q] = -im[q];
                            }
                        }
                    }
                    angularStep(w.zRe, w.zIm, size2, 0, w);                          // |Z *_a f|, summed over a
                    for (int f = 0; f <= K; f++) {
                        int c = next2++;
                        if (global) {
                            laneMeans(w.acc[f], rows2 * cols2, lanes, 1.0 / ((double) rows2 * cols2 * n), w, x.out, c * lanes);
                        } else {
                            LowPassKernels.apply(lowPass[j2], w.acc[f], lanes, w.lowPassScratch, x.out, c * plane);
                            for (int q = c * plane; q < (c + 1) * plane; q++) {
                                x.out[q] /= n;
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The spectra of two real maps A (in aRe) and B (in bRe) with one complex FFT: P = F(A + i B),
     * then F A(w) = (P(w) + conj P(-w)) / 2 and F B(w) = (P(w) - conj P(-w)) / (2 i). Outputs
     * (column-major, as Fft2D.forwardTransposed and the filters) overwrite (aRe, aIm) and (bRe, bIm);
     * aIm and bIm need not be zero on entry.
     */
    private static void forwardRealPair(Fft2D fft, int rows, int cols, int lanes, double[] aRe, double[] aIm, double[] bRe,
            double[] bIm) {
        int size = rows * cols * lanes;
        System.arraycopy(bRe, 0, aIm, 0, size);
        fft.forwardTransposed(aRe, aIm); // column-major, as the filters
        for (int c = 0; c < cols; c++) {
            int mc = (cols - c) % cols;
            for (int r = 0; r < rows; r++) {
                int mr = (rows - r) % rows;
                int p = (c * rows + r) * lanes;
                int q = (mc * rows + mr) * lanes;
                if (q < p) {
                    continue; // the pair (w, -w) was done from its other end
                }
                for (int b = 0; b < lanes; b++) {
                    double pr = aRe[p + b];
                    double pi = aIm[p + b];
                    double qr = aRe[q + b];
                    double qi = aIm[q + b];
                    aRe[p + b] = 0.5 * (pr + qr);
                    aIm[p + b] = 0.5 * (pi - qi);
                    bRe[p + b] = 0.5 * (pi + qi);
                    bIm[p + b] = 0.5 * (qr - pr);
                    aRe[q + b] = 0.5 * (qr + pr);
                    aIm[q + b] = 0.5 * (qi - pi);
                    bRe[q + b] = 0.5 * (qi + pi);
                    bIm[q + b] = 0.5 * (pr - qr);
                }
            }
        }
    }

    /**
     * The angular step on {@code size} pixels: the signal over the 2L angles at pixel p is
     * src(a)[p] for a &lt; L and conj(src(a - L)[p]) beyond (imaginary part zero if srcIm is null); for
     * every angular filter f &gt;= firstFilter (0 = phi, 1 + k = psi_k), writes
     * acc[f][p] = sum_a |(src *_a f)(a)[p]|.
     */
    private void angularStep(double[][] srcRe, double[][] srcIm, int size, int firstFilter, Workspace w) {
        double[][] fRe = w.fRe;
        double[][] fIm = w.fIm;
        double[][] gRe = w.gRe;
        double[][] gIm = w.gIm;
        double[] s = w.modSum;
        for (int p0 = 0; p0 < size; p0 += PIXEL_BLOCK) {
            int len = Math.min(PIXEL_BLOCK, size - p0);
            for (int a = 0; a < L; a++) {
                System.arraycopy(srcRe[a], p0, fRe[a], 0, len);
                System.arraycopy(srcRe[a], p0, fRe[a + L], 0, len);
                double[] i0 = fIm[a];
                double[] i1 = fIm[a + L];
                if (srcIm == null) {
                    Arrays.fill(i0, 0, len, 0.0);
                    Arrays.fill(i1, 0, len, 0.0);
                } else {
                    double[] src = srcIm[a];
                    for (int q = 0; q < len; q++) {
                        double v = src[p0 + q];
                        i0[q] = v;
                        i1[q] = -v;
                    }
                }
            }
            w.conv.forward(fRe, fIm, len);
            for (int f = firstFilter; f <= K; f++) {
                w.conv.convolveModulusSum(fRe, fIm, invHat[f], gRe, gIm, len, s);
                System.arraycopy(s, 0, w.acc[f], p0, len);
            }
        }
    }

    private static void addLaneSums(double[] src, int pixels, int lanes,
            double[] sums) { // float64 in both: a sum over up to all the pixels of a map
        for (int p = 0, q = 0; p < pixels; p++) {
            for (int b = 0; b < lanes; b++, q++) {
                sums[b] += src[q];
            }
        }
    }

    /** out[offset + b] = scale * sum over pixels of |re + i im|, for every lane b. */
    private static void laneModulusMeans(double[] re, double[] im, int pixels, int lanes, double scale, Workspace w, double[] out,
            int offset) {
        Arrays.fill(w.laneSum, 0.0);
        for (int p = 0, q = 0; p < pixels; p++) {
            for (int b = 0; b < lanes; b++, q++) {
                w.laneSum[b] += Math.sqrt(re[q] * re[q] + im[q] * im[q]);
            }
        }
        for (int b = 0; b < lanes; b++) {
            out[offset + b] = (double) (w.laneSum[b] * scale);
        }
    }

    /** out[offset + b] = scale * sum over pixels of src, for every lane b. */
    private static void laneMeans(double[] src, int pixels, int lanes, double scale, Workspace w, double[] out, int offset) {
        Arrays.fill(w.laneSum, 0.0);
        addLaneSums(src, pixels, lanes, w.laneSum);
        for (int b = 0; b < lanes; b++) {
            out[offset + b] = (double) (w.laneSum[b] * scale);
        }
    }

    private static void store(Workspace w, double[] out, int path, double scale) {
        for (int b = 0; b < w.lanes; b++) {
            out[path * w.lanes + b] = (double) (w.laneSum[b] * scale);
        }
    }

    /** A block of images: the padded input and its spectrum (the output lanes are the base class's). */
    final class Block extends LaneBlock64 {
        final double[] xRe;
        final double[] xIm;

        Block(int lanes) {
            super(lanes, padding.height() * padding.width(), featureCount, padding.width());
            int full = padding.paddedHeight() * padding.paddedWidth() * lanes;
            this.xRe = new double[full];
            this.xIm = new double[full];
        }

        @Override
        protected void loadLane(double[] image, int lane) {
            LanePadding.padIntoLane(padding, image, 0, xRe, lane, lanes);
        }

        @Override
        protected void clearLane(int lane) {
            LanePadding.clearLane(padding, xRe, lane, lanes);
        }

        /** Renormalization and log, per image, on the path-major result at r[o ...]. */
        @Override
        protected void finishRecord(double[] r, int o) {
            if (renormalize) {
                for (int c = 1 + J; c < pathCount; c++) {
                    if (parent[c] < 0) {
                        continue;
                    }
                    for (int q = 0; q < planeSize; q++) {
                        double d = r[o + parent[c] * planeSize + q];
                        double v = r[o + c * planeSize + q];
                        r[o + c * planeSize + q] = d == 0 ? 0.0 : v / d;
                    }
                }
            }
            if (log) {
                for (int q = planeSize; q < featureCount; q++) {
                    r[o + q] = Math.log(r[o + q] + logEpsilon);
                }
            }
        }
    }

    /** Every scratch array of one cascade over {@code lanes} images but the block's; used by one thread at a time. */
    final class Workspace {
        final int lanes;
        final Fft2D[] fft;
        /** y1Re[a], a &lt; L (uniform angle order): Y1 on the level-j1 grid, then its FFT. */
        final double[][] y1Re;
        final double[][] y1Im;
        final double[][] lp1;
        final double[][] zRe;
        final double[][] zIm;
        final double[][] acc;
        final double[][] fRe;
        final double[][] fIm;
        final double[][] gRe;
        final double[][] gIm;
        final double[] modSum;
        final AngularConvolution conv;
        final LowPassKernels.Scratch lowPassScratch;
        final SparseFourierKernels.Scratch productScratch;
        final SparseFourierKernels.Product product;
        final double[] laneSum; // float64 in both: sums over up to all the pixels of a map

        Workspace(int lanes) {
            this.lanes = lanes;
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new Fft2D[level2[J - 1] + 1];
            for (int r = 0; r < fft.length; r++) {
                fft[r] = Fft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.y1Re = new double[L][full];
            this.y1Im = new double[L][full];
            int window = outHeight * outWidth * lanes;
            this.lp1 = new double[L][window];
            int half = J > 1 ? (Mp >> 1) * (Np >> 1) * lanes : 0;
            this.zRe = new double[L][half];
            this.zIm = new double[L][half];
            this.acc = new double[K + 1][Math.max(half, window)];
            this.fRe = new double[n][PIXEL_BLOCK];
            this.fIm = new double[n][PIXEL_BLOCK];
            this.gRe = new double[n][PIXEL_BLOCK];
            this.gIm = new double[n][PIXEL_BLOCK];
            this.modSum = new double[PIXEL_BLOCK];
            this.conv = new AngularConvolution(n, PIXEL_BLOCK);
            this.lowPassScratch = LowPassKernels.newScratch(lowPass[0], lanes); // level 0 has the widest rows
            this.productScratch = SparseFourierKernels.newScratch(Mp, lanes); // the filters read column-major spectra
            this.product = new SparseFourierKernels.Product(productScratch);
            this.laneSum = new double[lanes]; // float64 in both
        }
    }

}
