package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A batch of same-size grey images (B, H, W) read from what a user points at: a {@code .npy} of
 * shape (H, W) or (B, H, W), one image file, or a folder of images (sorted by name, all the same
 * size). The one input reader of the {@code scatter} command and the examples.
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

    /** Reads a {@code .npy} (H, W) or (B, H, W), an image file, or a folder of same-size images. */
    public static ImageStack read(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new IOException(input + ": no such file or folder");
        }
        if (Files.isDirectory(input)) {
            return readFolder(input);
        }
        if (input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
            return readNpy(input);
        }
        GreyImage img = ImageReader.readGrey(input);
        return new ImageStack(img.toDoubleArray(), 1, img.height(), img.width(), List.of(input.getFileName().toString()));
    }

    private static ImageStack readNpy(Path file) throws IOException {
        NpyArray a = Npy.read(file);
        int[] s = a.shape();
        String name = file.getFileName().toString();
        return switch (s.length) {
            case 2 -> new ImageStack(a.toDoubleArray(), 1, s[0], s[1], List.of(name));
            case 3 -> {
                if (s[0] == 0) {
                    throw new IOException(file + ": empty batch: shape " + NpyArray.shapeString(s) + " has no image");
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < s[0]; i++) {
                    names.add(name + "[" + i + "]");
                }
                yield new ImageStack(a.toDoubleArray(), s[0], s[1], s[2], names);
            }
            default -> throw new IOException(file + ": expected shape (M, N) or (B, M, N), got " + NpyArray.shapeString(s));
        };
    }

    private static ImageStack readFolder(Path folder) throws IOException {
        List<Path> files = ImageFolder.listImages(folder);
        if (files.isEmpty()) {
            throw new IOException(folder + ": no images (" + String.join(", ", new java.util.TreeSet<>(ImageFolder.EXTENSIONS)) + ")");
        }
        GreyImage first = ImageReader.readGrey(files.get(0));
        int h = first.height();
        int w = first.width();
        double[] pixels = new double[Math.multiplyExact(Math.multiplyExact(files.size(), h), w)];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            GreyImage img = i == 0 ? first : ImageReader.readGrey(files.get(i));
            if (img.height() != h || img.width() != w) {
                throw new IOException(files.get(i) + ": size " + img.height() + "x" + img.width() + " differs from "
                        + files.get(0).getFileName() + "'s " + h + "x" + w + "; every image of a folder must have the same size");
            }
            System.arraycopy(img.toDoubleArray(), 0, pixels, i * h * w, h * w);
            names.add(files.get(i).getFileName().toString());
        }
        return new ImageStack(pixels, files.size(), h, w, names);
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
