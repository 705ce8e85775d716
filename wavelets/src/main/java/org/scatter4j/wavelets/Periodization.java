package org.scatter4j.wavelets;

/**
 * Periodization of a Fourier-domain filter to a coarser grid (Kymatio's
 * {@code periodize_filter_fft}).
 *
 * <p>Subsampling a signal by 2^r multiplies its spectrum's period by 2^-r; a filter applied after
 * subsampling must therefore be the 2^r-fold periodization of the fine-grid filter. Kymatio first
 * zeroes the frequencies outside the band that the coarse grid can represent, then folds: {@code
 * crop[k, l] = sum_{i, j < 2^r} x[k + i M / 2^r, l + j N / 2^r]}. Zeroing keeps exactly the
 * frequencies [-M / 2^(r+1), M / 2^(r+1)) so the fold is a reordering of the kept band.
 */
public final class Periodization {
    private Periodization() {
    }

    /** Periodizes a row-major M x N real Fourier filter to level {@code res}. */
    public static double[] periodize(double[] x, int M, int N, int res) {
        int f = 1 << res;
        if (M % f != 0 || N % f != 0) {
            throw new IllegalArgumentException("grid " + M + "x" + N + " is not divisible by 2^res = " + f);
        }
        boolean[] keepRow = bandMask(M, res);
        boolean[] keepCol = bandMask(N, res);
        int m = M / f;
        int n = N / f;
        double[] crop = new double[m * n];
        for (int r = 0; r < M; r++) {
            if (!keepRow[r]) {
                continue;
            }
            for (int c = 0; c < N; c++) {
                if (keepCol[c]) {
                    crop[(r % m) * n + (c % n)] += x[r * N + c];
                }
            }
        }
        return crop;
    }

    /** Periodizes a 1D real Fourier filter of length M to level {@code res}. */
    public static double[] periodize1D(double[] x, int res) {
        int M = x.length;
        int f = 1 << res;
        boolean[] keep = bandMask(M, res);
        int m = M / f;
        double[] crop = new double[m];
        for (int r = 0; r < M; r++) {
            if (keep[r]) {
                crop[r % m] += x[r];
            }
        }
        return crop;
    }

    /** Kymatio's mask: zero {@code int(M (1 - 2^-res))} samples starting at {@code int(M 2^-(res+1))}. */
    static boolean[] bandMask(int M, int res) {
        boolean[] keep = new boolean[M];
        java.util.Arrays.fill(keep, true);
        int start = (int) (M * Math.pow(2, -res - 1));
        int len = (int) (M * (1 - Math.pow(2, -res)));
        for (int i = start; i < start + len; i++) {
            keep[i] = false;
        }
        return keep;
    }
}
