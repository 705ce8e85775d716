package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Same-size grey images (B, H, W) read a few at a time from what a user points at: a {@code .npy}
 * of shape (H, W) or (B, H, W), one image file, or a folder of images (sorted by name, all the same
 * size). The count and size are known once opened, so a consumer can size its output in advance;
 * {@link #read} then delivers the images in order. A C-order NPY file and a folder are read as they
 * are consumed, so memory does not grow with B (beyond a folder's file names); a Fortran-order NPY
 * file cannot be cut into images without reading it whole, so it is read whole.
 * Not thread-safe.
 */
public final class ImageStream implements AutoCloseable {
    /** Writes the next image (H x W) at dst[off ...]. */
    private interface Source extends AutoCloseable {
        void next(double[] dst, int off) throws IOException;

        @Override
        void close() throws IOException;
    }

    private final int count;
    private final int height;
    private final int width;
    private final List<String> names;
    private final Source source;
    private int delivered;

    private ImageStream(int count, int height, int width, List<String> names, Source source) throws IOException {
        if (height < 1 || width < 1) {
            source.close();
            throw new IOException("images must be at least 1x1, got " + height + "x" + width);
        }
        this.count = count;
        this.height = height;
        this.width = width;
        this.names = names;
        this.source = source;
    }

    /** Opens a {@code .npy} (H, W) or (B, H, W), an image file, or a folder of same-size images. */
    public static ImageStream open(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new IOException(input + ": no such file or folder");
        }
        if (Files.isDirectory(input)) {
            return openFolder(input);
        }
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            return openNpy(input);
        }
        GreyImage img = ImageReader.readGrey(input);
        return new ImageStream(1, img.height(), img.width(), List.of(input.getFileName().toString()),
                arraySource(img.toDoubleArray(), img.height() * img.width()));
    }

    private static ImageStream openNpy(Path file) throws IOException {
        NpyReader r = NpyReader.open(file);
        try {
            int[] s = r.shape();
            String name = file.getFileName().toString();
            if (s.length != 2 && s.length != 3) {
                throw new IOException(file + ": expected shape (M, N) or (B, M, N), got " + NpyArray.shapeString(s));
            }
            if (s.length == 3 && s[0] == 0) {
                throw new IOException(file + ": empty batch: shape " + NpyArray.shapeString(s) + " has no image");
            }
            int b = s.length == 2 ? 1 : s[0];
            int h = s[s.length - 2];
            int w = s[s.length - 1];
            List<String> names = s.length == 2 ? List.of(name) : new IndexedNames(name, b);
            if (r.fortranOrder() && s.length > 1) {
                r.close();
                return new ImageStream(b, h, w, names, arraySource(Npy.read(file).toDoubleArray(), h * w));
            }
            int pixels = h * w;
            return new ImageStream(b, h, w, names, new Source() {
                @Override
                public void next(double[] dst, int off) throws IOException {
                    r.read(dst, off, pixels);
                }

                @Override
                public void close() throws IOException {
                    r.close();
                }
            });
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private static ImageStream openFolder(Path folder) throws IOException {
        List<Path> files = ImageFolder.listImages(folder);
        if (files.isEmpty()) {
            throw new IOException(folder + ": no images (" + String.join(", ", new TreeSet<>(ImageFolder.EXTENSIONS)) + ")");
        }
        // the first image gives the size every other one must have
        GreyImage first = ImageReader.readGrey(files.get(0));
        int h = first.height();
        int w = first.width();
        List<String> names = new ArrayList<>(files.size());
        for (Path f : files) {
            names.add(f.getFileName().toString());
        }
        return new ImageStream(files.size(), h, w, List.copyOf(names), new Source() {
            private int index;

            @Override
            public void next(double[] dst, int off) throws IOException {
                GreyImage img = index == 0 ? first : ImageReader.readGrey(files.get(index));
                if (img.height() != h || img.width() != w) {
                    throw new IOException(files.get(index) + ": size " + img.height() + "x" + img.width() + " differs from "
                            + files.get(0).getFileName() + "'s " + h + "x" + w + "; every image of a folder must have the same size");
                }
                System.arraycopy(img.toDoubleArray(), 0, dst, off, h * w);
                index++;
            }

            @Override
            public void close() {
            }
        });
    }

    /** Images already in memory, one after another. */
    private static Source arraySource(double[] pixels, int imageLength) {
        return new Source() {
            private int index;

            @Override
            public void next(double[] dst, int off) {
                System.arraycopy(pixels, index++ * imageLength, dst, off, imageLength);
            }

            @Override
            public void close() {
            }
        };
    }

    /** "x.npy[i]" for every i, computed when asked so that a huge batch costs no memory. */
    private static final class IndexedNames extends AbstractList<String> {
        private final String name;
        private final int size;

        IndexedNames(String name, int size) {
            this.name = name;
            this.size = size;
        }

        @Override
        public String get(int i) {
            java.util.Objects.checkIndex(i, size);
            return name + "[" + i + "]";
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * Reads the next images, at most {@code maxImages} and as many as remain, into {@code dst} (one
     * after another, H x W row-major each); returns how many were read (0 at the end).
     */
    public int read(double[] dst, int maxImages) throws IOException {
        int n = Math.min(maxImages, count - delivered);
        if ((long) n * height * width > dst.length) {
            throw new IllegalArgumentException("dst holds " + dst.length + " values, too few for " + n + " images of " + height
                    + "x" + width);
        }
        for (int k = 0; k < n; k++) {
            source.next(dst, k * height * width);
        }
        delivered += n;
        return n;
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

    /** Where each image comes from (file names, or {@code name.npy[i]}). */
    public List<String> names() {
        return names;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
