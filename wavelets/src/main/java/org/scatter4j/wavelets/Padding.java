package org.scatter4j.wavelets;

/**
 * Kymatio's padding convention for a scattering transform of scale 2^J on an M x N image.
 *
 * <p>The padded size is {@code ((M + 2^J) / 2^J + 1) * 2^J} (integer division), large enough that
 * the circular convolutions of the cascade do not wrap the image onto itself, and a multiple of
 * 2^J so that every subsampling by a power of two up to 2^J is exact. The image is mirrored
 * without repeating its edge sample (numpy {@code mode='reflect'}), with
 * {@code (Mp - M) / 2} rows before and {@code (Mp - M + 1) / 2} after.
 *
 * <p>Immutable; computed once per transform.
 */
public final class Padding {
    private final int height;
    private final int width;
    private final int paddedHeight;
    private final int paddedWidth;
    private final int top;
    private final int left;
    /** For each padded row (column), the image row (column) it copies. */
    private final int[] rowSource;
    private final int[] colSource;

    public Padding(int height, int width, int J) {
        if (J < 1) {
            throw new IllegalArgumentException("J must be >= 1, got J=" + J);
        }
        if (J > 30) {
            throw new IllegalArgumentException("J must be <= 30, got J=" + J);
        }
        int scale = 1 << J;
        if (height < scale || width < scale) {
            throw new IllegalArgumentException("image size " + height + "x" + width
                    + " is smaller than 2^J = " + scale + " (J=" + J + "); use J <= "
                    + (31 - Integer.numberOfLeadingZeros(Math.min(Math.max(height, 1), Math.max(width, 1))))
                    + " or a larger image");
        }
        long paddedPixels = (long) checkedPaddedSize(height, J) * checkedPaddedSize(width, J);
        if (paddedPixels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image size " + height + "x" + width + " at J=" + J + " pads to "
                    + paddedSize(height, J) + "x" + paddedSize(width, J) + " = " + paddedPixels
                    + " pixels, more than a Java array holds (" + (Integer.MAX_VALUE - 8) + "); transform it in tiles");
        }
        this.height = height;
        this.width = width;
        this.paddedHeight = paddedSize(height, J);
        this.paddedWidth = paddedSize(width, J);
        this.top = (paddedHeight - height) / 2;
        this.left = (paddedWidth - width) / 2;
        this.rowSource = reflectIndices(height, paddedHeight, top);
        this.colSource = reflectIndices(width, paddedWidth, left);
    }

    /** Kymatio's padded size for a side of length {@code n}: ((n + 2^J) div 2^J + 1) * 2^J. */
    public static int paddedSize(int n, int J) {
        return checkedPaddedSize(n, J);
    }

    /** {@link #paddedSize}, refusing a side whose padded length does not fit in an int. */
    private static int checkedPaddedSize(int n, int J) {
        long scale = 1L << J;
        long padded = ((n + scale) / scale + 1) * scale;
        if (padded > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image side " + n + " at J=" + J + " pads to " + padded
                    + ", more than a Java array holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        return (int) padded;
    }

    private static int[] reflectIndices(int n, int padded, int before) {
        int[] src = new int[padded];
        for (int p = 0; p < padded; p++) {
            src[p] = reflect(p - before, n);
        }
        return src;
    }

    /** numpy 'reflect': ... 2 1 | 0 1 2 ... n-1 | n-2 n-3 ...; periodic with period 2(n-1). */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int k = Math.floorMod(i, period);
        return k < n ? k : period - k;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int paddedHeight() {
        return paddedHeight;
    }

    public int paddedWidth() {
        return paddedWidth;
    }

    /** Rows added before the image. */
    public int top() {
        return top;
    }

    /** Columns added before the image. */
    public int left() {
        return left;
    }

    /** The image row that padded row {@code p} copies. */
    public int sourceRow(int p) {
        return rowSource[p];
    }

    /** The image column that padded column {@code p} copies. */
    public int sourceCol(int p) {
        return colSource[p];
    }

    /** Pads one row-major image into a row-major padded array. */
    public void pad(double[] image, int imageOffset, double[] padded) {
        LanePadding.padIntoLane(this, image, imageOffset, padded, 0, 1);
    }
}
