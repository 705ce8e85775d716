package org.scatter4j.wavelets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.scatter4j.wavelets.fft.Fft2DFactory;
import org.scatter4j.wavelets.fft.LaneFft1D;

/**
 * The Morlet wavelets psi_{j, theta} (j = 0..J-1, L orientations) and the Gaussian low-pass phi_J of
 * a 2D scattering transform, in the Fourier domain on a padded M x N grid, with their periodized
 * versions for each resolution level (Bruna and Mallat 2013, section 2; Kymatio's
 * {@code filter_bank}).
 *
 * <p>Every filter is the real part of the 2D DFT of its spatial samples (the imaginary part is zero
 * up to rounding, because psi(-u) = conj(psi(u))). Level r is the filter periodized to the grid
 * (M / 2^r, N / 2^r), used after the signal has been subsampled by 2^r. Wavelet (j, theta) has
 * {@code min(j + 1, max(J - 1, 1))} levels and phi has J, as in Kymatio.
 *
 * <p>The low-pass phi is separable: the Gaussian with theta = 0 and slant = 1 and its periodic sum
 * factor over the axes, so phi_level = rowFactor (x) colFactor exactly. {@link #phiRowFactor} and
 * {@link #phiColFactor} expose the factors; the cascade uses them to replace the last FFT low-pass
 * by two small real matrix products.
 *
 * <p>Immutable and thread-safe once built. Build it once per grid and reuse it.
 */
public final class MorletFilterBank {
    /** Largest number of orientations accepted: beyond it the wavelets overlap almost entirely. */
    public static final int MAX_L = 64;

    private final int M;
    private final int N;
    private final int J;
    private final int L;
    private final List<MorletParameters> wavelets;
    /**
     * psi[n][level]: real Fourier filter of wavelet n = j * L + thetaIndex in column-major order (the
     * order the cascades keep spectra in, see {@code Fft2D.forwardTransposed}): value (k, l) at
     * {@code l * (M / 2^level) + k}.
     */
    private final double[][][] psi;
    private final double[][] phi;
    private final double[][] phiRow;
    private final double[][] phiCol;
    private final double phiSigma;

    /**
     * Builds the bank for a padded grid {@code M x N}.
     *
     * @throws IllegalArgumentException if J &lt; 1, L &lt; 1 or L &gt; {@value #MAX_L}, or the grid is
     *                                  not a multiple of 2^J
     */
    public MorletFilterBank(int M, int N, int J, int L) {
        if (J < 1) {
            throw new IllegalArgumentException("J must be >= 1, got J=" + J);
        }
        if (L < 1 || L > MAX_L) {
            throw new IllegalArgumentException("L must be in [1, " + MAX_L + "], got L=" + L);
        }
        if (J > 30 || M % (1 << J) != 0 || N % (1 << J) != 0) {
            throw new IllegalArgumentException("padded grid " + M + "x" + N
                    + " must be a multiple of 2^J = 2^" + J + " on both sides");
        }
        if (M < 1 || N < 1 || (long) M * N > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("padded grid " + M + "x" + N + " = " + (long) M * N
                    + " values per filter must be between 1 and " + (Integer.MAX_VALUE - 8) + " (the longest Java array)");
        }
        this.M = M;
        this.N = N;
        this.J = J;
        this.L = L;
        List<MorletParameters> params = new ArrayList<>(J * L);
        for (int j = 0; j < J; j++) {
            for (int t = 0; t < L; t++) {
                params.add(MorletParameters.of(j, t, L));
            }
        }
        this.wavelets = Collections.unmodifiableList(params);
        // Each pair of wavelets is independent: build them in parallel (deterministic: no shared sums).
        this.psi = new double[J * L][][];
        IntStream.range(0, (J * L + 1) / 2).parallel().forEach(pair -> buildPair(params, 2 * pair));

        this.phiSigma = 0.8 * Math.pow(2, J - 1);
        double[] rowFourier = realDft(Gabor2D.gaussian1D(M, phiSigma));
        double[] colFourier = realDft(Gabor2D.gaussian1D(N, phiSigma));
        double norm = 1.0 / (2 * Gabor2D.KYMATIO_PI * phiSigma * phiSigma);
        for (int k = 0; k < M; k++) {
            rowFourier[k] *= norm;
        }
        this.phi = new double[J][];
        this.phiRow = new double[J][];
        this.phiCol = new double[J][];
        for (int r = 0; r < J; r++) {
            phiRow[r] = Periodization.periodize1D(rowFourier, r);
            phiCol[r] = Periodization.periodize1D(colFourier, r);
            phi[r] = outer(phiRow[r], phiCol[r]);
        }
    }

    /**
     * Wavelets n and n + 1 (if there is one) with one complex FFT. Both spectra are real (psi(-u) =
     * conj(psi(u)); the imaginary parts are rounding residues of ~1e-16 of the peak, which the real
     * part discards), so by linearity F(psi_n + i psi_{n+1}) = F(psi_n) + i F(psi_{n+1}) carries
     * psi_n's spectrum in its real part and psi_{n+1}'s in its imaginary part, each off by the other's
     * residue only. The 2D FFTs were most of the build time of large banks; this halves their number,
     * and they run on our own FFT kernel ({@link Fft2DFactory}; JTransforms' took about half of the
     * build of a 576 x 576 bank in a profile), whose split real and imaginary arrays are the two
     * spectra with no copy, already in the column-major order the bank stores.
     */
    private void buildPair(List<MorletParameters> params, int n) {
        int size = M * N;
        double[] re = new double[size];
        double[] im = new double[size];
        MorletParameters w = params.get(n);
        Gabor2D.morlet(M, N, w.sigma(), w.theta(), w.xi(), w.slant(), re, im);
        boolean two = n + 1 < params.size();
        if (two) { // (re, im) += i psi_{n+1}
            double[] re2 = new double[size];
            double[] im2 = new double[size];
            MorletParameters w2 = params.get(n + 1);
            Gabor2D.morlet(M, N, w2.sigma(), w2.theta(), w2.xi(), w2.slant(), re2, im2);
            for (int p = 0; p < size; p++) {
                re[p] -= im2[p];
                im[p] += re2[p];
            }
        }
        Fft2DFactory.create(M, N, 1).forwardTransposed(re, im);
        psi[n] = levels(params.get(n), re);
        if (two) {
            psi[n + 1] = levels(params.get(n + 1), im);
        }
    }

    /**
     * The level-0 spectrum (column-major) and its periodizations for the coarser levels the cascade
     * uses: periodization folds each axis on its own, so the transpose of a row-major M x N filter is
     * periodized as a row-major N x M one.
     */
    private double[][] levels(MorletParameters w, double[] fourierColumnMajor) {
        int levels = Math.min(w.j() + 1, Math.max(J - 1, 1));
        double[][] out = new double[levels][];
        for (int r = 0; r < levels; r++) {
            out[r] = r == 0 ? fourierColumnMajor : Periodization.periodize(fourierColumnMajor, N, M, r);
        }
        return out;
    }

    /** The real part of the DFT of x (the Gaussian of phi, as Kymatio keeps it), by the project's own FFT. */
    private static double[] realDft(double[] x) {
        double[] re = x.clone();
        double[] im = new double[x.length];
        new LaneFft1D(x.length, 1).forward(re, im, x.length, 1);
        return re;
    }

    private static double[] outer(double[] a, double[] b) {
        double[] out = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                out[i * b.length + k] = a[i] * b[k];
            }
        }
        return out;
    }

    /** Padded grid height. */
    public int height() {
        return M;
    }

    /** Padded grid width. */
    public int width() {
        return N;
    }

    public int J() {
        return J;
    }

    public int L() {
        return L;
    }

    /** The J * L wavelets, j major and theta minor (Kymatio's order). */
    public List<MorletParameters> wavelets() {
        return wavelets;
    }

    /** The parameters of wavelet (j, thetaIndex). */
    public MorletParameters wavelet(int j, int thetaIndex) {
        checkWavelet(j, thetaIndex);
        return wavelets.get(j * L + thetaIndex);
    }

    /** Number of periodized levels stored for the wavelets of scale j. */
    public int psiLevels(int j) {
        return psi[j * L].length;
    }

    /**
     * The Fourier filter of psi_{j, theta} at level r, row-major (M / 2^r) x (N / 2^r): a new array
     * (the bank stores the column-major {@link #psiColumnMajor}).
     */
    public double[] psi(int j, int thetaIndex, int level) {
        double[] t = psiColumnMajor(j, thetaIndex, level);
        int m = M >> level;
        int n = N >> level;
        double[] out = new double[m * n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < m; r++) {
                out[r * n + c] = t[c * m + r];
            }
        }
        return out;
    }

    /**
     * The Fourier filter of psi_{j, theta} at level r in column-major order, value (k, l) at
     * {@code l * (M / 2^r) + k} (a row-major (N / 2^r) x (M / 2^r) array): the order of the cascades'
     * spectra. The bank's own storage: do not modify it.
     */
    public double[] psiColumnMajor(int j, int thetaIndex, int level) {
        checkWavelet(j, thetaIndex);
        double[][] levels = psi[j * L + thetaIndex];
        if (level < 0 || level >= levels.length) {
            throw new IllegalArgumentException("level must be in [0, " + (levels.length - 1) + "] for j=" + j
                    + ", got level=" + level);
        }
        return levels[level];
    }

    /** The Fourier filter of phi_J at level r (0..J-1); the bank's own storage: do not modify it. */
    public double[] phi(int level) {
        checkPhiLevel(level);
        return phi[level];
    }

    /** Row factor of phi at level r: phi(level)[k, l] = phiRowFactor[k] * phiColFactor[l]. */
    public double[] phiRowFactor(int level) {
        checkPhiLevel(level);
        return phiRow[level].clone();
    }

    /** Column factor of phi at level r; see {@link #phiRowFactor}. */
    public double[] phiColFactor(int level) {
        checkPhiLevel(level);
        return phiCol[level].clone();
    }

    /** Width of the low-pass Gaussian in pixels: 0.8 * 2^(J-1). */
    public double phiSigma() {
        return phiSigma;
    }

    /**
     * The spatial Morlet wavelet psi_{j, theta} on the padded grid, centred at (0, 0) with periodic
     * wrap-around, as {re, im} row-major arrays; computed on demand (for plots and teaching).
     */
    public double[][] spatialWavelet(int j, int thetaIndex) {
        MorletParameters w = wavelet(j, thetaIndex);
        double[] re = new double[M * N];
        double[] im = new double[M * N];
        Gabor2D.morlet(M, N, w.sigma(), w.theta(), w.xi(), w.slant(), re, im);
        return new double[][] {re, im};
    }

    /** The spatial low-pass phi_J on the padded grid (real, centred at (0, 0)), computed on demand. */
    public double[] spatialLowPass() {
        double[] re = new double[M * N];
        double[] im = new double[M * N];
        Gabor2D.gabor(M, N, phiSigma, 0, 0, 1, re, im, null);
        return re;
    }

    /**
     * The Littlewood-Paley sum at level 0: A(w) = |phi(w)|^2 + sum_{j, theta} (|psi(w)|^2 + |psi(-w)|^2) / 2.
     * The symmetrization accounts for the orientations covering only [0, pi): a real image's
     * spectrum is Hermitian, so psi_theta also sees the frequencies of psi_{theta + pi}. A frame's
     * bounds 0 &lt; a &lt;= A(w) &lt;= b bound the energy the wavelet transform keeps (Mallat 2012).
     */
    public double[] littlewoodPaley() {
        double[] lp = new double[M * N];
        for (int r = 0; r < M; r++) {
            for (int c = 0; c < N; c++) {
                int p = r * N + c;
                // the wavelets are stored column-major: (r, c) at c * M + r, and (-r, -c) likewise
                int pc = c * M + r;
                int qc = ((N - c) % N) * M + (M - r) % M;
                double sum = phi[0][p] * phi[0][p];
                for (double[][] w : psi) {
                    sum += 0.5 * (w[0][pc] * w[0][pc] + w[0][qc] * w[0][qc]);
                }
                lp[p] = sum;
            }
        }
        return lp;
    }

    private void checkWavelet(int j, int thetaIndex) {
        if (j < 0 || j >= J) {
            throw new IllegalArgumentException("j must be in [0, " + (J - 1) + "], got j=" + j);
        }
        if (thetaIndex < 0 || thetaIndex >= L) {
            throw new IllegalArgumentException("theta index must be in [0, " + (L - 1) + "], got " + thetaIndex);
        }
    }

    private void checkPhiLevel(int level) {
        if (level < 0 || level >= J) {
            throw new IllegalArgumentException("phi level must be in [0, " + (J - 1) + "], got " + level);
        }
    }
}
