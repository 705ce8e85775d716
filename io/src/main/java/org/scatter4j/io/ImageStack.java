package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A batch of same-size grey images (B, H, W) read from what a user points at: a {@code .npy} of
 * shape (H, W) or (B, H, W), one image file, or a folder of images (sorted by name, all the same
 * size), held in memory.
 */
public final class ImageStack {
    private final int count;
    private final int height;
    private final int width;
    private final double[] pixels;
    private final List<String> names;

    public ImageStack(double[] pixels, int count, int height, int width, List<String> names) {
        if (count < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("an image stack needs count, height, width >= 1, got " + count + ", " + height
                    + ", " + width);
        }
        if (pixels.length != (long) count * height * width) {
            throw new IllegalArgumentException("pixels has length " + pixels.length + ", expected " + count + " x " + height
                    + " x " + width);
        }
        if (names.size() != count) {
            throw new IllegalArgumentException(names.size() + " names for " + count + " images");
        }
        this.count = count;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
    }

    /**
     * Reads a {@code .npy} (H, W) or (B, H, W), an image file, or a folder of same-size images, all
     * at once ({@link ImageStream} reads them a few at a time).
     */
    public static ImageStack read(Path input) throws IOException {
        try (ImageStream s = ImageStream.open(input)) {
            double[] pixels = new double[Math.multiplyExact(Math.multiplyExact(s.count(), s.height()), s.width())];
            s.read(pixels, s.count());
            return new ImageStack(pixels, s.count(), s.height(), s.width(), s.names());
        }
    }

    public int count() {
        return count;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** (B, H, W) row-major; the stack's own array. */
    public double[] pixels() {
        return pixels;
    }

    /** Where each image came from (file names, or {@code name.npy[i]}). */
    public List<String> names() {
        return names;
    }
}
