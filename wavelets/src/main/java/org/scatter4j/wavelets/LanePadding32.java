// GENERATED from LanePadding.java by org.scatter4j.codegen.Float32Kernels: do not edit.
// Edit LanePadding.java and run the generator (see its Javadoc).
package org.scatter4j.wavelets;

/**
 * {@link Padding} into the lane layout of the cascades (value (r, c) of lane b at
 * {@code (r * paddedWidth + c) * lanes + b}), in float64. {@code LanePadding32} is its float32
 * twin, generated from this file by {@code org.scatter4j.codegen.Float32Kernels}.
 */
public final class LanePadding32 {
    private LanePadding32() {
    }

    /** Pads one row-major image into lane {@code lane} of {@code padded}, as {@code padding} says. */
    public static void padIntoLane(Padding padding, float[] image, int imageOffset, float[] padded, int lane, int lanes) {
        int paddedHeight = padding.paddedHeight();
        int paddedWidth = padding.paddedWidth();
        int width = padding.width();
        for (int r = 0; r < paddedHeight; r++) {
            int srcRow = imageOffset + padding.sourceRow(r) * width;
            int dst = r * paddedWidth * lanes + lane;
            for (int c = 0; c < paddedWidth; c++) {
                padded[dst + c * lanes] = image[srcRow + padding.sourceCol(c)];
            }
        }
    }

    /** Sets lane {@code lane} of a lane-layout padded array to zero (an unused lane of a block). */
    public static void clearLane(Padding padding, float[] padded, int lane, int lanes) {
        for (int p = 0; p < padding.paddedHeight() * padding.paddedWidth(); p++) {
            padded[p * lanes + lane] = 0.0f;
        }
    }
}
