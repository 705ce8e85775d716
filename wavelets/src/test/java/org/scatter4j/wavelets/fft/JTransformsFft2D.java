package org.scatter4j.wavelets.fft;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * {@link Fft2D} on top of JTransforms, one lane at a time: the reference implementation that faster
 * kernels are tested against. Gathers a lane into JTransforms' interleaved layout, transforms it and
 * scatters it back.
 */
public final class JTransformsFft2D implements Fft2D {
    static {
        JTransformsSetup.ensure();
    }

    private final int rows;
    private final int cols;
    private final int lanes;
    private final DoubleFFT_2D fft;
    private final double[] buffer;

    public JTransformsFft2D(int rows, int cols, int lanes) {
        if (rows < 1 || cols < 1 || lanes < 1) {
            throw new IllegalArgumentException("Fft2D size must be positive: rows=" + rows + ", cols="
                    + cols + ", lanes=" + lanes);
        }
        this.rows = rows;
        this.cols = cols;
        this.lanes = lanes;
        this.fft = new DoubleFFT_2D(rows, cols);
        this.buffer = new double[2 * rows * cols];
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
        for (int b = 0; b < lanes; b++) {
            gather(re, im, b);
            fft.complexForward(buffer);
            scatter(re, im, b, 1.0);
        }
    }

    @Override
    public void inverse(double[] re, double[] im) {
        double scale = 1.0 / ((double) rows * cols);
        for (int b = 0; b < lanes; b++) {
            gather(re, im, b);
            fft.complexInverse(buffer, false);
            scatter(re, im, b, scale);
        }
    }

    private void gather(double[] re, double[] im, int lane) {
        int n = rows * cols;
        for (int p = 0, q = lane; p < n; p++, q += lanes) {
            buffer[2 * p] = re[q];
            buffer[2 * p + 1] = im[q];
        }
    }

    private void scatter(double[] re, double[] im, int lane, double scale) {
        int n = rows * cols;
        for (int p = 0, q = lane; p < n; p++, q += lanes) {
            re[q] = buffer[2 * p] * scale;
            im[q] = buffer[2 * p + 1] * scale;
        }
    }
}
