package org.scatter4j.rototranslation;

/**
 * The filters along the angle of the roto-translation wavelets (Sifre and Mallat 2013, section 3):
 * K periodic 1D Morlet wavelets psi_k and a periodic Gaussian low-pass phi on n = 2L angle samples
 * (the orientations a pi / L, a = 0..2L-1, covering [0, 2 pi)).
 *
 * <p>Design (ours; it mirrors Kymatio's 2D Morlets, with the angle sample as the unit of length):
 * <ul>
 * <li>psi_k(m) = sum_{e} g_k(m + e n) (exp(i xi_k (m + e n)) - beta_k), k = 0..K-1, with the
 * Gaussian g_k(t) = exp(-t^2 / (2 sigma_k^2)) / (sqrt(2 pi) sigma_k), sigma_k = 0.8 * 2^k samples,
 * central frequency xi_k = (3 pi / 4) / 2^k radians per sample, and beta_k chosen so that psi_k
 * has exactly zero mean (Morlet correction), i.e. a zero Fourier coefficient at frequency 0;</li>
 * <li>phi(m) = sum_e g_phi(m + e n) with sigma_phi = 0.8 * 2^(K-1) (as Kymatio's phi_J has
 * sigma = 0.8 * 2^(J-1)), normalized to sum 1;</li>
 * <li>the periodic sum runs over all copies e with |t| &lt;= 10 sigma + n, so the neglected tails
 * are below exp(-50).</li>
 * </ul>
 * As in ScatNet ({@code morlet_filter_bank_1d} used by {@code wavelet_3d}), the wavelets are
 * analytic-like: they cover the positive angular frequencies only. For a real angular signal
 * (the first layer Y1(u, .)), that loses nothing, and the frame bounds are those of the symmetrized
 * Littlewood-Paley sum {@link #littlewoodPaley()}, which the tests bound in (0, 1].
 *
 * <p>Fourier convention: F(w) = sum_m f(m) exp(-2 pi i w m / n), w = 0..n-1. Every filter satisfies
 * f(-m) = conj(f(m)), so F is real; {@link #fourier} returns its real part (the imaginary part is
 * below 1e-16). Immutable.
 */
public final class AngularFilterBank {
    private final int n;
    private final int K;
    /** spatial[f]: {re, im} of filter f; f = 0 is phi, f = 1 + k is psi_k. */
    private final double[][][] spatial;
    private final double[][] fourier;

    /**
     * @param n number of angle samples (2L)
     * @param K number of angular wavelets (octaves), 1 &lt;= K and 2^K &lt;= n / 2
     */
    public AngularFilterBank(int n, int K) {
        if (n < 2) {
            throw new IllegalArgumentException("angle samples n must be >= 2, got n=" + n);
        }
        if (K < 1 || (1 << Math.min(K, 30)) > n / 2) {
            throw new IllegalArgumentException("K (angular octaves) must be in [1, log2(n/2)] = [1, "
                    + (31 - Integer.numberOfLeadingZeros(Math.max(n / 2, 1))) + "] for n=" + n + " angle samples, got K=" + K);
        }
        this.n = n;
        this.K = K;
        this.spatial = new double[K + 1][][];
        this.fourier = new double[K + 1][];
        spatial[0] = periodicGabor(n, 0.8 * Math.pow(2, K - 1), 0.0, false);
        for (int k = 0; k < K; k++) {
            spatial[1 + k] = periodicGabor(n, 0.8 * Math.pow(2, k), 0.75 * Math.PI / Math.pow(2, k), true);
        }
        for (int f = 0; f <= K; f++) {
            fourier[f] = realDft(spatial[f][0], spatial[f][1]);
        }
    }

    private static double[][] periodicGabor(int n, double sigma, double xi, boolean zeroMean) {
        double[] re = new double[n];
        double[] im = new double[n];
        double[] env = new double[n];
        int copies = (int) Math.ceil((10 * sigma) / n) + 1;
        double norm = 1.0 / (Math.sqrt(2 * Math.PI) * sigma);
        for (int m = 0; m < n; m++) {
            for (int e = -copies; e <= copies; e++) {
                double t = m + (double) e * n;
                double g = Math.exp(-t * t / (2 * sigma * sigma)) * norm;
                env[m] += g;
                re[m] += g * Math.cos(xi * t);
                im[m] += g * Math.sin(xi * t);
            }
        }
        if (zeroMean) {
            double sr = 0;
            double si = 0;
            double se = 0;
            for (int m = 0; m < n; m++) {
                sr += re[m];
                si += im[m];
                se += env[m];
            }
            for (int m = 0; m < n; m++) {
                re[m] -= sr / se * env[m];
                im[m] -= si / se * env[m];
            }
        } else {
            double s = 0;
            for (int m = 0; m < n; m++) {
                s += re[m];
            }
            for (int m = 0; m < n; m++) {
                re[m] /= s;
                im[m] = 0;
            }
        }
        return new double[][] {re, im};
    }

    private static double[] realDft(double[] re, double[] im) {
        int n = re.length;
        double[] out = new double[n];
        for (int w = 0; w < n; w++) {
            double acc = 0;
            for (int m = 0; m < n; m++) {
                double angle = 2 * Math.PI * ((long) w * m % n) / n;
                acc += re[m] * Math.cos(angle) + im[m] * Math.sin(angle);
            }
            out[w] = acc;
        }
        return out;
    }

    /** Number of angle samples n = 2L. */
    public int size() {
        return n;
    }

    /** Number of angular wavelets K. */
    public int K() {
        return K;
    }

    /** Filter index f: 0 for the low-pass phi, 1 + k for psi_k. Returns a copy of its real DFT. */
    public double[] fourier(int f) {
        return fourier[checkFilter(f)].clone();
    }

    /** {re, im} samples of filter f (0: phi, 1 + k: psi_k) at m = 0..n-1 (periodic); copies. */
    public double[][] spatial(int f) {
        checkFilter(f);
        return new double[][] {spatial[f][0].clone(), spatial[f][1].clone()};
    }

    double[] fourierView(int f) {
        return fourier[f];
    }

    /** Central frequency of psi_k in radians per angle sample. */
    public static double xi(int k) {
        return 0.75 * Math.PI / Math.pow(2, k);
    }

    /** Width of psi_k in angle samples. */
    public static double sigma(int k) {
        return 0.8 * Math.pow(2, k);
    }

    /**
     * A(w) = |phi(w)|^2 + sum_k (|psi_k(w)|^2 + |psi_k(-w)|^2) / 2, w = 0..n-1: the energy the
     * angular filters keep of the frequency w of a real angular signal.
     */
    public double[] littlewoodPaley() {
        double[] lp = new double[n];
        for (int w = 0; w < n; w++) {
            int mw = (n - w) % n;
            double s = fourier[0][w] * fourier[0][w];
            for (int f = 1; f <= K; f++) {
                s += 0.5 * (fourier[f][w] * fourier[f][w] + fourier[f][mw] * fourier[f][mw]);
            }
            lp[w] = s;
        }
        return lp;
    }

    private int checkFilter(int f) {
        if (f < 0 || f > K) {
            throw new IllegalArgumentException("filter index must be in [0, " + K + "] (0 = phi, 1 + k = psi_k), got " + f);
        }
        return f;
    }
}
