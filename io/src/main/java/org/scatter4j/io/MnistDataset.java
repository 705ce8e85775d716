package org.scatter4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MNIST handwritten digits (LeCun, Cortes, Burges): a training and a test split of 28x28 grey
 * images with labels 0-9, read from the four original IDX files.
 *
 * <p>Two sources: {@link #inFolder(Path)}, a folder with the full data set (as
 * {@link MnistDownload} leaves it), and {@link #bundledSubset()}, the first 5000 training and
 * first 1000 test records shipped inside this jar, so that examples and tests run without a
 * download.
 */
public final class MnistDataset {

    /** Base names of the four files; each may also carry a {@code .gz} suffix. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four base names in MNIST's usual order. */
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** Classpath folder of the bundled subset. */
    static final String SUBSET_RESOURCE = "/org/scatter4j/data/mnist-subset/";
    /** Records in the bundled subset. */
    public static final int SUBSET_TRAIN_COUNT = 5000;
    public static final int SUBSET_TEST_COUNT = 1000;

    /** Something that can be opened repeatedly, with a name for error messages. */
    private interface Source {
        InputStream open() throws IOException;

        String name();
    }

    private final String description;
    private final Source trainImages;
    private final Source trainLabels;
    private final Source testImages;
    private final Source testLabels;

    private MnistDataset(String description, Source trainImages, Source trainLabels, Source testImages,
                         Source testLabels) {
        this.description = description;
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.testImages = testImages;
        this.testLabels = testLabels;
    }

    /**
     * Locates the four MNIST files in {@code folder}, each either plain or with a {@code .gz}
     * suffix (if both exist, the plain one is used). Nothing is read yet.
     *
     * @throws IOException if the folder does not exist or files are missing, listing all missing ones
     */
    public static MnistDataset inFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": MNIST folder does not exist or is not a directory");
        }
        List<String> missing = new ArrayList<>();
        Source[] found = new Source[4];
        for (int i = 0; i < 4; i++) {
            String base = FILE_NAMES.get(i);
            Path plain = folder.resolve(base);
            Path gz = folder.resolve(base + ".gz");
            Path chosen = Files.isRegularFile(plain) ? plain : Files.isRegularFile(gz) ? gz : null;
            if (chosen == null) {
                missing.add(base + "(.gz)");
            } else {
                found[i] = fileSource(chosen);
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException(folder + ": MNIST folder is missing " + String.join(", ", missing)
                    + " (expected the four IDX files " + String.join(", ", FILE_NAMES)
                    + ", gzipped or not; MnistDownload fetches them)");
        }
        return new MnistDataset("MNIST in " + folder, found[0], found[1], found[2], found[3]);
    }

    /**
     * The subset of MNIST bundled in this jar: the first {@value #SUBSET_TRAIN_COUNT} training and
     * the first {@value #SUBSET_TEST_COUNT} test records of the original files, unchanged.
     */
    public static MnistDataset bundledSubset() {
        return new MnistDataset("bundled MNIST subset (" + SUBSET_TRAIN_COUNT + " train, " + SUBSET_TEST_COUNT
                + " test)", resource(TRAIN_IMAGES), resource(TRAIN_LABELS), resource(TEST_IMAGES),
                resource(TEST_LABELS));
    }

    /** All training images with their labels. */
    public LabelledImages train() throws IOException {
        return read(trainImages, trainLabels, -1);
    }

    /** The first {@code first} training records. */
    public LabelledImages train(int first) throws IOException {
        requireNonNegative(first);
        return read(trainImages, trainLabels, first);
    }

    /** All test images with their labels. */
    public LabelledImages test() throws IOException {
        return read(testImages, testLabels, -1);
    }

    /** The first {@code first} test records. */
    public LabelledImages test(int first) throws IOException {
        requireNonNegative(first);
        return read(testImages, testLabels, first);
    }

    /**
     * Writes the first {@code trainCount} training and {@code testCount} test records of the MNIST
     * files in {@code sourceFolder} into {@code targetFolder}, gzipped, under the original names
     * plus {@code .gz}: how the bundled subset was made.
     */
    public static void writeSubset(Path sourceFolder, Path targetFolder, int trainCount, int testCount)
            throws IOException {
        MnistDataset source = inFolder(sourceFolder);
        Files.createDirectories(targetFolder);
        LabelledImages train = source.train(trainCount);
        LabelledImages test = source.test(testCount);
        IdxWriter.writeImages(targetFolder.resolve(TRAIN_IMAGES + ".gz"), train.images(), true);
        IdxWriter.writeLabels(targetFolder.resolve(TRAIN_LABELS + ".gz"), train.labels(), true);
        IdxWriter.writeImages(targetFolder.resolve(TEST_IMAGES + ".gz"), test.images(), true);
        IdxWriter.writeLabels(targetFolder.resolve(TEST_LABELS + ".gz"), test.labels(), true);
    }

    /** Command line for {@link #writeSubset}: {@code sourceFolder targetFolder trainCount testCount}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: MnistDataset sourceFolder targetFolder trainCount testCount");
            System.exit(2);
        }
        writeSubset(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }

    @Override
    public String toString() {
        return description;
    }

    private static LabelledImages read(Source images, Source labels, int first) throws IOException {
        try (InputStream i = images.open(); InputStream l = labels.open()) {
            return IdxReader.readPair(i, images.name(), l, labels.name(), first);
        }
    }

    private static void requireNonNegative(int first) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0, got " + first);
        }
    }

    private static Source fileSource(Path file) {
        return new Source() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String name() {
                return file.toString();
            }
        };
    }

    private static Source resource(String base) {
        String path = SUBSET_RESOURCE + base + ".gz";
        return new Source() {
            @Override
            public InputStream open() throws IOException {
                InputStream in = MnistDataset.class.getResourceAsStream(path);
                if (in == null) {
                    throw new IOException(name() + ": bundled MNIST subset file is missing from the classpath");
                }
                return in;
            }

            @Override
            public String name() {
                return "classpath:" + path.substring(1);
            }
        };
    }
}
