package org.scatter4j.wavelets.fft;

/**
 * Textbook 2D DFT (row-column, each 1D DFT by its definition): slow but obviously right, and
 * defined for one-row or one-column images, which JTransforms' 2D FFT rejects.
 */
final class DirectDft2D implements Fft2D {
    private final int rows;
    private final int cols;
    private final int lanes;

    DirectDft2D(int rows, int cols, int lanes) {
        this.rows = rows;
        this.cols = cols;
        this.lanes = lanes;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public void forward(double[] re, double[] im) {
        transform(re, im, -1, 1.0);
    }

    @Override
    public void inverse(double[] re, double[] im) {
        transform(re, im, 1, 1.0 / ((double) rows * cols));
    }

    private void transform(double[] re, double[] im, int sign, double scale) {
        // Along columns (index c) for every row, then along rows (index r) for every column.
        for (int r = 0; r < rows; r++) {
            dft1(re, im, r * cols * lanes, lanes, cols, sign);
        }
        for (int c = 0; c < cols; c++) {
            dft1(re, im, c * lanes, cols * lanes, rows, sign);
        }
        for (int i = 0; i < re.length; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    /** In place, for every lane: x[k] = sum_j x[j] exp(sign 2 pi i j k / n), x[j] at off + j * stride. */
    private void dft1(double[] re, double[] im, int off, int stride, int n, int sign) {
        double[] outRe = new double[n], outIm = new double[n];
        for (int b = 0; b < lanes; b++) {
            for (int k = 0; k < n; k++) {
                double sr = 0, si = 0;
                for (int j = 0; j < n; j++) {
                    double angle = sign * 2.0 * Math.PI * (((long) j * k) % n) / n;
                    double c = Math.cos(angle), s = Math.sin(angle);
                    double xr = re[off + j * stride + b], xi = im[off + j * stride + b];
                    sr += xr * c - xi * s;
                    si += xr * s + xi * c;
                }
                outRe[k] = sr;
                outIm[k] = si;
            }
            for (int k = 0; k < n; k++) {
                re[off + k * stride + b] = outRe[k];
                im[off + k * stride + b] = outIm[k];
            }
        }
    }
}
