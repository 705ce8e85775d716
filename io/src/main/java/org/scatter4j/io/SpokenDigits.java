package org.scatter4j.io;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Free Spoken Digit Dataset (FSDD; Jackson et al., doi:10.5281/zenodo.1342401, CC BY-SA 4.0):
 * recordings {@code {digit}_{speaker}_{index}.wav} of the digits 0-9, mono 8 kHz, and its official
 * split: recordings with index 0-4 of every speaker and digit are the test set, the others the
 * training set. Also reads any other train/test pair of labelled WAV folders ({@link WavFolder}'s
 * layouts), and a subset bundled in this jar so that the examples run on a fresh clone.
 */
public final class SpokenDigits {

    /** The data set's folder name under {@code data/} or {@code ../shared/data/}. */
    public static final String NAME = "fsdd";
    /** Recordings with an index below this are the official test set. */
    public static final int TEST_INDEX_LIMIT = 5;
    /** Where the bundled subset lies on the classpath (its README gives source and checksums). */
    static final String SUBSET_RESOURCE = "/org/scatter4j/data/fsdd-subset/recordings";

    /** A training and a test set with a description of where they came from. */
    public record Split(String source, LabelledSignals train, LabelledSignals test) {
    }

    private SpokenDigits() {
    }

    /**
     * The official split of the FSDD recordings in {@code folder} (or in its {@code recordings}
     * sub-folder).
     *
     * @throws IOException if there are no recordings, a name is not {@code {digit}_{speaker}_{index}.wav},
     *                     or a file is refused by {@link WavReader}
     */
    public static Split inFolder(Path folder) throws IOException {
        Path recordings = Files.isDirectory(folder.resolve("recordings")) ? folder.resolve("recordings") : folder;
        return officialSplit(recordings, "FSDD in " + folder);
    }

    /**
     * The FSDD subset bundled in this jar: recordings 5-9 (training) and 0-1 (test) of every
     * speaker and digit, 420 recordings (see its README for the files and checksums).
     */
    public static synchronized Split bundledSubset() throws IOException {
        URL url = SpokenDigits.class.getResource(SUBSET_RESOURCE);
        if (url == null) {
            throw new IOException("classpath:" + SUBSET_RESOURCE.substring(1) + ": bundled FSDD subset is missing");
        }
        String source = "bundled FSDD subset (recordings 5-9 train, 0-1 test)";
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bundled FSDD subset: bad location " + url, e);
        }
        if (!uri.getScheme().equals("jar")) {
            return officialSplit(Path.of(uri), source);
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return officialSplit(jar.provider().getPath(uri), source);
        }
    }

    /**
     * A training and a test folder, each in one of {@link WavFolder}'s layouts; classes are the
     * labels found in either.
     *
     * @throws IOException if a folder has no recordings or a file is refused
     */
    public static Split folders(Path train, Path test) throws IOException {
        List<WavFolder.Entry> a = WavFolder.listLabelled(train);
        List<WavFolder.Entry> b = WavFolder.listLabelled(test);
        requireTrainingForEveryTestClass(a, b);
        List<String> classes = WavFolder.classes(a, b);
        return new Split("train " + train + ", test " + test, WavFolder.read(a, classes), WavFolder.read(b, classes));
    }

    /**
     * Refuses a test class with no training recordings (checked on the file names, before reading):
     * a classifier never predicts it, so every such recording would count as an error, and the
     * accuracy would measure the split rather than the method.
     */
    private static void requireTrainingForEveryTestClass(List<WavFolder.Entry> train, List<WavFolder.Entry> test)
            throws IOException {
        java.util.Set<String> trained = new java.util.HashSet<>();
        train.forEach(e -> trained.add(e.label()));
        for (WavFolder.Entry e : test) {
            if (!trained.contains(e.label())) {
                throw new IOException(e.file() + ": test class '" + e.label() + "' has no training recordings (training classes: "
                        + WavFolder.classes(train) + ")");
            }
        }
    }

    /** The index of an FSDD file name {@code {digit}_{speaker}_{index}.wav}, or -1 if it has another form. */
    public static int recordingIndex(String fileName) {
        String[] parts = fileName.substring(0, Math.max(0, fileName.length() - 4)).split("_");
        if (parts.length != 3 || !parts[2].matches("\\d{1,6}")) {
            return -1;
        }
        return Integer.parseInt(parts[2]);
    }

    private static Split officialSplit(Path recordings, String source) throws IOException {
        List<WavFolder.Entry> all = WavFolder.listLabelled(recordings);
        List<WavFolder.Entry> train = new ArrayList<>();
        List<WavFolder.Entry> test = new ArrayList<>();
        for (WavFolder.Entry e : all) {
            int index = recordingIndex(e.file().getFileName().toString());
            if (index < 0) {
                throw new IOException(e.file() + ": not an FSDD name {digit}_{speaker}_{index}.wav; for other data use"
                        + " separate training and test folders");
            }
            (index < TEST_INDEX_LIMIT ? test : train).add(e);
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IOException(recordings + ": the official split needs recordings with index < " + TEST_INDEX_LIMIT
                    + " (test) and >= " + TEST_INDEX_LIMIT + " (training); found " + train.size() + " training and "
                    + test.size() + " test");
        }
        requireTrainingForEveryTestClass(train, test);
        List<String> classes = WavFolder.classes(train, test);
        return new Split(source, WavFolder.read(train, classes), WavFolder.read(test, classes));
    }
}
