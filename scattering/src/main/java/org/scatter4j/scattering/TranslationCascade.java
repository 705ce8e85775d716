package org.scatter4j.scattering;

import org.scatter4j.scattering.engine.LaneBlock64;
import org.scatter4j.scattering.internal.LowPassKernels;
import org.scatter4j.scattering.internal.LowPassOperator;
import org.scatter4j.scattering.internal.SparseFourierFilter;
import org.scatter4j.scattering.internal.SparseFourierKernels;
import org.scatter4j.scattering.engine.LaneCascade;
import org.scatter4j.wavelets.LanePadding;
import org.scatter4j.wavelets.Padding;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;

/**
 * The cascade of {@link Scattering2D} in float64 on a block of images, one per lane: S_J x of Bruna
 * and Mallat (2013), eq. 7, as Kymatio's {@code core/scattering2d.py} computes it:
 * <pre>
 *   S0 = x * phi_J
 *   U1 = |x * psi1|,   S1 = U1 * phi_J
 *   U2 = |U1 * psi2|,  S2 = U2 * phi_J      (psi2 of a coarser scale than psi1)
 * </pre>
 * Convolutions are products in the Fourier domain followed by subsampling to the resolution the
 * result needs (Kymatio's algorithm); the last low-pass is done in space (LowPassOperator). Spectra
 * stay in column-major order (Fft2D.forwardTransposed, the filters built to match), which saves each
 * FFT one of its two transposes. U = |W x| is one call: the inverse FFT has the filter product written
 * row by row (SparseFourierKernels.Product) straight into its input and takes the modulus in its final
 * pass. U then stays in the FFT's row arrays: the low-pass reads them as they are, and so does the
 * forward FFT of U1 (no copy out and back in).
 *
 * <p>Output: channel c of lane k at {@code (c * H' * W' + pixel) * lanes + k} of the block's out.
 * The root is S0 and the spectrum of x; the subtree of each first-order wavelet (S1 and the S2 of its
 * children) is independent of the others, which is how the engine spreads one large image over
 * threads. The float32 twin {@code TranslationCascade32} is generated from this file by
 * {@code org.scatter4j.codegen.Float32Kernels}: edit this one.
 */
final class TranslationCascade implements LaneCascade<TranslationCascade.Block, TranslationCascade.Workspace> {
    private final int J;
    private final int L;
    private final int maxOrder;
    private final Padding padding;
    private final int outputLength;
    private final int plane;
    private final LowPassOperator[] lowPass;
    private final SparseFourierFilter[] firstOrder;
    private final SparseFourierFilter[][] secondOrder;
    private final int[] secondOrderStart;

    TranslationCascade(Scattering2D s) {
        this.J = s.J();
        this.L = s.L();
        this.maxOrder = s.maxOrder();
        this.padding = s.padding();
        this.outputLength = s.outputLength();
        this.plane = s.outputHeight() * s.outputWidth();
        this.lowPass = s.lowPass;
        this.firstOrder = s.firstOrder;
        this.secondOrder = s.secondOrder;
        this.secondOrderStart = s.secondOrderStart;
    }

    /** S0 = x * phi_J, then X = F x in place. */
    @Override
    public void root(Block b, Workspace w) {
        LowPassKernels.apply(lowPass[0], b.xRe, b.lanes, w.lowPassScratch, b.out, 0);              // S0 = x * phi_J
        w.fft[0].forwardRealTransposed(b.xRe, b.xIm);                              // X = F x (x real)
    }

    @Override
    public int subtreeCount() {
        return J * L;
    }

    /** Everything below the first-order wavelet n1 = j1 * L + t1: S1 and the S2 of its children. */
    @Override
    public void subtree(int n1, Block b, Workspace w) {
        int lanes = b.lanes;
        int lanePlane = plane * lanes;
        int j1 = n1 / L;
        SparseFourierKernels.Product xPsi1 = w.product.of(firstOrder[n1], b.xRe, b.xIm, lanes);
        double[][] u1 = w.fft[j1].inverseTransposedModulusRows(xPsi1);            // U1 = |x * psi1|
        LowPassKernels.applyRows(lowPass[j1], u1, lanes, w.lowPassScratch, b.out, lanePlane * (1 + n1)); // S1 = U1 * phi_J
        if (maxOrder < 2 || j1 == J - 1) {
            return;
        }
        w.fft[j1].forwardRealTransposed(u1, w.u1HatRe, w.u1HatIm);                // F U1 (U1 real)
        int channel = secondOrderStart[n1];
        for (int n2 = (j1 + 1) * L; n2 < J * L; n2++) {
            int j2 = n2 / L;
            SparseFourierKernels.Product u1Psi2 = w.product.of(secondOrder[j1][n2], w.u1HatRe, w.u1HatIm, lanes);
            double[][] u2 = w.fft[j2].inverseTransposedModulusRows(u1Psi2);        // U2 = |U1 * psi2|
            LowPassKernels.applyRows(lowPass[j2], u2, lanes, w.lowPassScratch, b.out, lanePlane * channel++); // S2 = U2 * phi_J
        }
    }

    @Override
    public Block newBlock(int lanes) {
        return new Block(lanes);
    }

    @Override
    public Workspace newWorkspace(int lanes) {
        return new Workspace(lanes);
    }

    /** A block of images: the padded input and its spectrum (the output lanes are the base class's). */
    final class Block extends LaneBlock64 {
        final double[] xRe;
        final double[] xIm;

        Block(int lanes) {
            super(lanes, padding.height() * padding.width(), TranslationCascade.this.outputLength, padding.width());
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
    }

    /** The scratch memory of one thread working below a first-order wavelet: FFT plans, the spectrum of U1. */
    final class Workspace {
        final Fft2D[] fft;
        /** The spectrum of U1 (column-major); U1 itself stays in the FFT's rows. */
        final double[] u1HatRe;
        final double[] u1HatIm;
        final LowPassKernels.Scratch lowPassScratch;
        final SparseFourierKernels.Product product;

        Workspace(int lanes) {
            int Mp = padding.paddedHeight();
            int Np = padding.paddedWidth();
            this.fft = new Fft2D[J];
            for (int r = 0; r < J; r++) {
                fft[r] = Fft2DFactory.create(Mp >> r, Np >> r, lanes);
            }
            int full = Mp * Np * lanes;
            this.u1HatRe = new double[full];
            this.u1HatIm = new double[full];
            // level 0 has the widest rows; every level has the same number of output rows
            this.lowPassScratch = LowPassKernels.newScratch(lowPass[0], lanes);
            // the filters read column-major spectra: their rows are the grid's columns
            this.product = new SparseFourierKernels.Product(SparseFourierKernels.newScratch(Mp, lanes));
        }
    }
}
