package org.scatter4j.samples;

/**
 * Geometric transformations of a grey image by bilinear resampling: x'(u) = x(u - tau(u)), with
 * zero outside the image. Rotation, translation and smooth deformation are all this one operation
 * with a different displacement field tau (Mallat 2012, section 2.2, writes every deformation so).
 */
public final class Warp {
    private Warp() {
    }

    /**
     * x'(r, c) = x(r - tauRow(r, c), c - tauCol(r, c)), bilinear between the four nearest pixels;
     * tauRow and tauCol are row-major arrays of the image's size.
     */
    public static float[] displace(float[] image, int height, int width, double[] tauRow, double[] tauCol) {
        checkSize(image, height, width);
        float[] out = new float[height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int p = r * width + c;
                out[p] = (float) sample(image, height, width, r - tauRow[p], c - tauCol[p]);
            }
        }
        return out;
    }

    /** Rotation by {@code degrees} counter-clockwise (as seen on screen) about the image centre. */
    public static float[] rotate(float[] image, int height, int width, double degrees) {
        double a = Math.toRadians(degrees);
        double cr = (height - 1) / 2.0;
        double cc = (width - 1) / 2.0;
        double[] tauRow = new double[height * width];
        double[] tauCol = new double[height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                // source = R(-a) (u - centre) + centre; rows grow downwards, so "counter-clockwise" flips a sign
                double y = r - cr;
                double x = c - cc;
                double srcX = Math.cos(a) * x - Math.sin(a) * y;
                double srcY = Math.sin(a) * x + Math.cos(a) * y;
                tauRow[r * width + c] = y - srcY;
                tauCol[r * width + c] = x - srcX;
            }
        }
        return displace(image, height, width, tauRow, tauCol);
    }

    /** Translation by {@code rows} down and {@code cols} right (pixels, may be fractional). */
    public static float[] translate(float[] image, int height, int width, double rows, double cols) {
        double[] tauRow = new double[height * width];
        double[] tauCol = new double[height * width];
        java.util.Arrays.fill(tauRow, rows);
        java.util.Arrays.fill(tauCol, cols);
        return displace(image, height, width, tauRow, tauCol);
    }

    /** Copies a small image into the centre of a larger zero canvas (room to move without cropping). */
    public static float[] embed(float[] image, int height, int width, int canvasHeight, int canvasWidth) {
        checkSize(image, height, width);
        if (canvasHeight < height || canvasWidth < width) {
            throw new IllegalArgumentException("canvas " + canvasHeight + "x" + canvasWidth + " is smaller than the image "
                    + height + "x" + width);
        }
        float[] out = new float[canvasHeight * canvasWidth];
        int r0 = (canvasHeight - height) / 2;
        int c0 = (canvasWidth - width) / 2;
        for (int r = 0; r < height; r++) {
            System.arraycopy(image, r * width, out, (r0 + r) * canvasWidth + c0, width);
        }
        return out;
    }

    private static double sample(float[] image, int height, int width, double y, double x) {
        int r = (int) Math.floor(y);
        int c = (int) Math.floor(x);
        double fy = y - r;
        double fx = x - c;
        return (1 - fy) * ((1 - fx) * at(image, height, width, r, c) + fx * at(image, height, width, r, c + 1))
                + fy * ((1 - fx) * at(image, height, width, r + 1, c) + fx * at(image, height, width, r + 1, c + 1));
    }

    private static double at(float[] image, int height, int width, int r, int c) {
        return r < 0 || r >= height || c < 0 || c >= width ? 0 : image[r * width + c];
    }

    private static void checkSize(float[] image, int height, int width) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected height x width = " + height + "x"
                    + width + " = " + height * width);
        }
    }
}
