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
 * are consumed, so memory does not grow with B (beyond a folder's file names); a Fortran-order
 * (B, H, W) file is regrouped a few images at a time (32 MB), a Fortran-order (H, W) read whole.
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

    /**
     * Opens a {@code .npy} (H, W) or (B, H, W), an image file, or a folder of same-size images.
     * An NPY file is read a piece at a time, except a Fortran-order (H, W) image, read whole.
     */
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
            if ((long) h * w > Integer.MAX_VALUE) {
                throw new IOException(file + ": images of " + h + "x" + w + " pixels are larger than the "
                        + Integer.MAX_VALUE + " values a Java array can hold");
            }
            List<String> names = s.length == 2 ? List.of(name) : new IndexedNames(name, b);
            if (r.fortranOrder() && s.length == 2) {
                // one image stored transposed: read whole, into the one array the image needs
                r.close();
                return new ImageStream(b, h, w, names, arraySource(Npy.read(file).values(), h * w));
            }
            if (r.fortranOrder()) {
                return new ImageStream(b, h, w, names, new FortranImages(r, b, h, w));
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

    /**
     * The images of a Fortran-order (B, H, W) file, a group of consecutive images at a time: pixel
     * (i, j) of images k .. k+m-1 is one run of m values at storage index k + B (i + H j), so a
     * group is H W reads of m values, and memory is one group (at most {@link #GROUP_VALUES}
     * values, or one image) whatever B.
     */
    private static final class FortranImages implements Source {
        private final NpyReader r;
        private final int count;
        private final int h;
        private final int w;
        private final double[] group;
        private final double[] run;
        private int groupStart;
        private int groupSize;
        private int next;

        FortranImages(NpyReader r, int count, int h, int w) {
            this.r = r;
            this.count = count;
            this.h = h;
            this.w = w;
            int m = (int) Math.max(1, Math.min(count, GROUP_VALUES / ((long) h * w)));
            this.group = new double[m * h * w];
            this.run = new double[m];
        }

        @Override
        public void next(double[] dst, int off) throws IOException {
            int pixels = h * w;
            if (next >= groupStart + groupSize) {
                groupStart = next;
                groupSize = Math.min(run.length, count - next);
                for (int j = 0; j < w; j++) {
                    for (int i = 0; i < h; i++) {
                        r.readAt(groupStart + (long) count * (i + (long) h * j), run, groupSize);
                        for (int t = 0; t < groupSize; t++) {
                            group[t * pixels + i * w + j] = run[t];
                        }
                    }
                }
            }
            System.arraycopy(group, (next - groupStart) * pixels, dst, off, pixels);
            next++;
        }

        @Override
        public void close() throws IOException {
            r.close();
        }
    }

    /** A Fortran-order batch is regrouped this many values at a time (32 MB). */
    private static final long GROUP_VALUES = 1 << 22;

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
