package org.scatter4j.scattering;

/**
 * One channel of a 1D scattering output, as Kymatio's {@code Scattering1D.meta()} describes it:
 * the order (0, 1 or 2), the filter indices n1, n2 (-1 where the path has fewer orders), and the
 * scale j, centre frequency xi (cycles per sample, 0.5 = Nyquist) and bandwidth sigma of each
 * wavelet (j -1 and NaN where absent).
 */
public record SignalPath(int order, int n1, int n2, int j1, int j2, double xi1, double xi2, double sigma1, double sigma2) {

    /** Centre frequency in Hz of the order-th wavelet (1 or 2) for a sample rate in Hz. */
    public double frequencyHz(int which, double sampleRate) {
        return (which == 1 ? xi1 : xi2) * sampleRate;
    }

    @Override
    public String toString() {
        return switch (order) {
            case 0 -> "S0";
            case 1 -> "S1[n1=" + n1 + " j1=" + j1 + " xi1=" + xi1 + "]";
            default -> "S2[n1=" + n1 + " n2=" + n2 + " j1=" + j1 + " j2=" + j2 + "]";
        };
    }
}
