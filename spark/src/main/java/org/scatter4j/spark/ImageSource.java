package org.scatter4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scatter4j.io.GreyImage;
import org.scatter4j.io.IdxReader;
import org.scatter4j.io.ImageFolder;
import org.scatter4j.io.ImageReader;
import org.scatter4j.io.LabelledImages;
import org.scatter4j.io.MnistDataset;
import org.scatter4j.io.NpyReader;

/**
 * The images of {@code spark-extract --input}: a {@code .npy} (B, M, N) or (M, N), a folder of
 * same-size images (sorted by name), an IDX image file (its labels beside it, {@code images-idx3}
 * replaced by {@code labels-idx1}, when present), or a folder holding MNIST's four IDX files (the
 * 60000 training then the 10000 test images, with labels). Opened on the driver, which checks the
 * header and sizes; each task then reads its own slice of rows with scatter4j's readers, so the
 * driver never holds the images. On a cluster the path must be readable by every executor (a shared
 * file system). A .npy slice is reached by seeking and a folder's by its file names; an IDX file is
 * read from its start up to the slice's end (gzip cannot seek), so for very large IDX sets a .npy is
 * the better input.
 */
final class ImageSource implements RowSource {
    private static final long serialVersionUID = 1L;

    private enum Kind { NPY, FOLDER, IDX }

    private final Kind kind;
    /** NPY: the file; FOLDER: the images; IDX: image file, label file (or null) per part. */
    private final List<String> files;
    /** IDX: images per part (train then test for an MNIST folder). */
    private final int[] partCounts;
    private final int count;
    private final int height;
    private final int width;
    private final boolean labelled;

    private ImageSource(Kind kind, List<String> files, int[] partCounts, int count, int height, int width, boolean labelled) {
        this.kind = kind;
        this.files = files;
        this.partCounts = partCounts;
        this.count = count;
        this.height = height;
        this.width = width;
        this.labelled = labelled;
    }

    /** Opens {@code input}, checking what a reader can check before any task runs. */
    static ImageSource open(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new IOException(input + ": no such file or folder");
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(input)) {
            if (Files.exists(input.resolve(MnistDataset.TRAIN_IMAGES)) || Files.exists(input.resolve(MnistDataset.TRAIN_IMAGES + ".gz"))) {
                MnistDataset.inFolder(input); // checks that all four files are there
                return idx(List.of(idxFile(input, MnistDataset.TRAIN_IMAGES), idxFile(input, MnistDataset.TRAIN_LABELS),
                        idxFile(input, MnistDataset.TEST_IMAGES), idxFile(input, MnistDataset.TEST_LABELS)));
            }
            List<Path> images = ImageFolder.listImages(input);
            if (images.isEmpty()) {
                throw new IOException(input + ": no images (" + String.join(", ", new java.util.TreeSet<>(ImageFolder.EXTENSIONS)) + ")");
            }
            GreyImage first = ImageReader.readGrey(images.get(0));
            List<String> names = new ArrayList<>();
            images.forEach(p -> names.add(p.toAbsolutePath().toString()));
            return new ImageSource(Kind.FOLDER, names, null, names.size(), first.height(), first.width(), false);
        }
        if (name.endsWith(".npy")) {
            try (NpyReader r = NpyReader.open(input)) {
                int[] s = r.shape();
                if (s.length != 2 && s.length != 3) {
                    throw new IOException(input + ": expected shape (M, N) or (B, M, N), got " + java.util.Arrays.toString(s));
                }
                requireCOrder(input, r, s.length == 3 ? s[0] : 1, "images");
                int b = s.length == 2 ? 1 : s[0];
                if (b == 0) {
                    throw new IOException(input + ": empty batch, no image");
                }
                return new ImageSource(Kind.NPY, List.of(input.toAbsolutePath().toString()), null, b, s[s.length - 2],
                        s[s.length - 1], false);
            }
        }
        if (name.contains("idx3")) {
            Path labels = input.resolveSibling(input.getFileName().toString().replace("images-idx3", "labels-idx1"));
            List<String> pair = new ArrayList<>();
            pair.add(input.toAbsolutePath().toString());
            pair.add(!labels.equals(input) && Files.isRegularFile(labels) ? labels.toAbsolutePath().toString() : null);
            return idx(pair);
        }
        throw new IOException(input + ": not a .npy, an IDX image file (…idx3…), a folder of images or an MNIST folder");
    }

    /**
     * Refuses a Fortran-order array of more than one row ({@code what}): a task reaches its rows by
     * seeking, which needs each row's values together (C order).
     */
    static void requireCOrder(Path input, NpyReader r, int rows, String what) throws IOException {
        if (r.fortranOrder() && rows > 1) {
            throw new IOException(input + ": Fortran-order array; save it in C order (numpy.ascontiguousarray) so that "
                    + "each task can read its own " + what);
        }
    }

    private static Path idxFile(Path folder, String base) {
        Path plain = folder.resolve(base);
        return Files.isRegularFile(plain) ? plain : folder.resolve(base + ".gz");
    }

    private static ImageSource idx(List<?> pairs) throws IOException {
        List<String> files = new ArrayList<>();
        int[] counts = new int[pairs.size() / 2];
        int total = 0;
        int h = -1;
        int w = -1;
        boolean labelled = true;
        for (int p = 0; p < counts.length; p++) {
            Object images = pairs.get(2 * p);
            Object labels = pairs.get(2 * p + 1);
            // the labels are small: read whole here, which checks their count against the images' header
            LabelledImages head = labels == null ? null : IdxReader.readPair(Path.of(images.toString()), Path.of(labels.toString()), 0);
            int n = labels == null ? headerCount(Path.of(images.toString())) : IdxReader.readLabels(Path.of(labels.toString())).length;
            var shape = (head != null ? head.images() : IdxReader.readImages(Path.of(images.toString()), 0)).shape();
            if (h >= 0 && (shape[1] != h || shape[2] != w)) {
                throw new IOException(images + ": images of " + shape[1] + "x" + shape[2] + ", the first file's are " + h + "x" + w);
            }
            h = shape[1];
            w = shape[2];
            counts[p] = n;
            total = Math.addExact(total, n);
            labelled &= labels != null;
            files.add(Path.of(images.toString()).toAbsolutePath().toString());
            files.add(labels == null ? null : Path.of(labels.toString()).toAbsolutePath().toString());
        }
        return new ImageSource(Kind.IDX, files, counts, total, h, w, labelled);
    }

    /** The image count in an IDX image file's header. */
    private static int headerCount(Path images) throws IOException {
        try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(gunzipIfNeeded(images)))) {
            in.readInt();
            return in.readInt();
        }
    }

    private static java.io.InputStream gunzipIfNeeded(Path file) throws IOException {
        java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new java.util.zip.GZIPInputStream(in) : in;
    }

    @Override
    public int count() {
        return count;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    boolean labelled() {
        return labelled;
    }

    /** Rows (id, [label,] pixels array&lt;float&gt;): id is the image's position in the input. */
    @Override
    public StructType schema() {
        StructType s = new StructType().add("id", DataTypes.LongType, false);
        if (labelled) {
            s = s.add("label", DataTypes.IntegerType, false);
        }
        return s.add("pixels", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    }

    @Override
    public List<Row> read(int first, int n) throws IOException {
        List<Row> rows = new ArrayList<>(n);
        switch (kind) {
            case NPY -> {
                int pixels = height * width;
                double[] buf = new double[pixels];
                try (NpyReader r = NpyReader.open(Path.of(files.get(0)))) {
                    r.skip((long) first * pixels);
                    for (int i = 0; i < n; i++) {
                        r.read(buf, 0, pixels);
                        float[] img = new float[pixels];
                        for (int k = 0; k < pixels; k++) {
                            img[k] = (float) buf[k];
                        }
                        rows.add(row(first + i, -1, img));
                    }
                }
            }
            case FOLDER -> {
                for (int i = first; i < first + n; i++) {
                    GreyImage g = ImageReader.readGrey(Path.of(files.get(i)));
                    if (g.height() != height || g.width() != width) {
                        throw new IOException(files.get(i) + ": size " + g.height() + "x" + g.width() + " differs from "
                                + Path.of(files.get(0)).getFileName() + "'s " + height + "x" + width
                                + "; every image of a folder must have the same size");
                    }
                    rows.add(row(i, -1, g.toFloatArray()));
                }
            }
            case IDX -> {
                int start = 0;
                for (int p = 0; p < partCounts.length; p++) {
                    int from = Math.max(first, start);
                    int to = Math.min(first + n, start + partCounts[p]);
                    if (from < to) {
                        String images = files.get(2 * p);
                        String labels = files.get(2 * p + 1);
                        var part = labels == null ? null : IdxReader.readPair(Path.of(images), Path.of(labels), to - start);
                        var imgs = part != null ? part.images() : IdxReader.readImages(Path.of(images), to - start);
                        for (int i = from; i < to; i++) {
                            rows.add(row(i, part == null ? -1 : part.label(i - start), imgs.image(i - start)));
                        }
                    }
                    start += partCounts[p];
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return rows;
    }

    private Row row(long id, int label, float[] pixels) {
        return labelled ? RowFactory.create(id, label, pixels) : RowFactory.create(id, pixels);
    }
}
