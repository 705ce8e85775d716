package org.scatter4j.scattering;

import java.util.List;
import org.scatter4j.wavelets.MorletFilterBank1D;
import org.scatter4j.wavelets.Padding1D;
import org.scatter4j.wavelets.fft.LaneFft1D;

/**
 * The wavelet analysis view of a signal: |x * psi| for every first-order wavelet of {@link
 * Scattering1D}'s filter bank (Kymatio's psi1 for J and Q, highest frequency first), without the
 * averaging, on the signal's own samples at stride 2^k ({@code resolution} k = 0: every sample).
 * The signal is padded as {@code Scattering1D} pads it (reflection to the padded length), convolved
 * circularly through the FFT, subsampled by periodizing the spectrum (exact: the samples of the
 * convolution at multiples of 2^k), and unpadded. Immutable and thread-safe (scratch per call).
 *
 * <pre>{@code
 * Scalogram sg = Scalogram.of(x.length, 8, 16, 0);
 * double[] rows = sg.compute(x);               // (sg.rowCount(), sg.columnCount())
 * double[] hz = sg.frequenciesHz(16000);       // centre frequency of each row
 * }</pre>
 */
public final class Scalogram {
    private final int N;
    private final int J;
    private final int Q;
    private final int resolution;
    private final Padding1D padding;
    private final MorletFilterBank1D bank;
    private final int columns;

    private Scalogram(int N, int J, int Q, int resolution) {
        this.N = N;
        this.J = J;
        this.Q = Q;
        this.resolution = resolution;
        Scattering1D s = Scattering1D.builder().J(J).Q(Q).maxOrder(1).length(N).build(); // checks N, J, Q
        this.padding = s.padding();
        this.bank = s.filterBank();
        this.columns = padding.end(resolution) - padding.start(resolution);
    }

    /**
     * Scalogram of signals of length N with the first-order wavelets of (J, Q), sampled every
     * 2^resolution samples (0 &lt;= resolution &lt;= J).
     */
    public static Scalogram of(int N, int J, int Q, int resolution) {
        if (resolution < 0 || resolution > J) {
            throw new IllegalArgumentException("resolution must be in [0, J=" + J + "] (stride 2^resolution), got resolution="
                    + resolution);
        }
        return new Scalogram(N, J, Q, resolution);
    }

    /** |x * psi_n| (rows n in Kymatio's psi1 order, decreasing frequency) at stride 2^resolution: (rowCount, columnCount). */
    public double[] compute(double[] signal) {
        if (signal.length != N) {
            throw new IllegalArgumentException("signal has " + signal.length + " samples, the scalogram was built for N=" + N);
        }
        for (int t = 0; t < N; t++) {
            if (!Double.isFinite(signal[t])) {
                throw new IllegalArgumentException("signal has a non-finite sample " + signal[t] + " at position " + t
                        + "; samples must be finite");
            }
        }
        Float64Range.require(signal, 0, 1, N, "signal", "sample"); // 1e307 overflowed the FFT's sums: NaN rows
        int np = padding.paddedLength();
        int sub = 1 << resolution;
        int m = np / sub;
        LaneFft1D fft = new LaneFft1D(np, 1);
        double[] re = new double[np], im = new double[np];
        for (int p = 0; p < np; p++) {
            re[p] = signal[padding.source(p)];
        }
        fft.forwardReal(re, im, np, 1);
        List<MorletFilterBank1D.Filter> psi = bank.psi1();
        double[] out = new double[psi.size() * columns];
        double[] uRe = new double[m], uIm = new double[m], alignRe = new double[m], alignIm = new double[m];
        int start = padding.start(resolution);
        for (int n = 0; n < psi.size(); n++) {
            Scattering1DCascade.multiplyPeriodize(re, im, psi.get(n).spectrum(0), np, sub, uRe, uIm, 1, alignRe, alignIm);
            fft.inverse(uRe, uIm, m, 1);
            for (int t = 0; t < columns; t++) {
                out[n * columns + t] = Math.hypot(uRe[start + t], uIm[start + t]);
            }
        }
        return out;
    }

    /**
     * As {@link #compute(double[])} for a float32 signal (computed in float64, returned in float32).
     * Every value fits in float32: the wavelets have unit L1 norm (Kymatio's normalization), so
     * |x * psi| never exceeds the largest |sample|.
     */
    public float[] compute(float[] signal) {
        double[] x = new double[signal.length];
        for (int t = 0; t < x.length; t++) {
            x[t] = signal[t];
        }
        double[] y = compute(x);
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = (float) y[i];
        }
        return f;
    }

    /** Rows: the first-order wavelets. */
    public int rowCount() {
        return bank.psi1().size();
    }

    /** Columns: the signal's samples at stride 2^resolution. */
    public int columnCount() {
        return columns;
    }

    /** Centre frequency of each row in cycles per sample (0.5 = Nyquist). */
    public double[] frequencies() {
        double[] f = new double[rowCount()];
        for (int n = 0; n < f.length; n++) {
            f[n] = bank.psi1().get(n).xi();
        }
        return f;
    }

    /** Centre frequency of each row in Hz for a sample rate in Hz. */
    public double[] frequenciesHz(double sampleRate) {
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be a positive number of Hz, got " + sampleRate);
        }
        double[] f = frequencies();
        for (int n = 0; n < f.length; n++) {
            f[n] *= sampleRate;
        }
        return f;
    }

    /** Time of column c in samples from the signal's start (c * 2^resolution, to within the rounding of the borders). */
    public double sampleOfColumn(int c) {
        return (double) (padding.start(resolution) + c) * (1 << resolution) - padding.padLeft();
    }

    public int resolution() {
        return resolution;
    }

    public int signalLength() {
        return N;
    }

    public int J() {
        return J;
    }

    public int Q() {
        return Q;
    }

    public MorletFilterBank1D filterBank() {
        return bank;
    }
}
