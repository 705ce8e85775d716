package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDatasetTest {

    @TempDir
    Path tmp;

    @Test
    void bundledSubsetHasTheDocumentedRecords() throws IOException {
        MnistDataset mnist = MnistDataset.bundledSubset();
        LabelledImages train = mnist.train();
        LabelledImages test = mnist.test();
        assertEquals(5000, train.size());
        assertEquals(1000, test.size());
        assertArrayEquals(new int[] {5000, 28, 28}, train.images().shape());
        assertArrayEquals(new int[] {1000, 28, 28}, test.images().shape());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.labels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.labels(), 10));
        assertTrue(Arrays.stream(train.labels()).allMatch(l -> l >= 0 && l <= 9));
        assertEquals(10, Arrays.stream(test.labels()).distinct().count());
        float max = 0;
        for (float v : train.images().pixels()) {
            assertTrue(v >= 0f && v <= 1f);
            max = Math.max(max, v);
        }
        assertEquals(1f, max);
        assertEquals(train.first(3), mnist.train(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mnist.train(5001));
        assertTrue(e.getMessage().contains("asked for the first 5001 labels but the file holds only 5000"),
                e.getMessage());
    }

    @Test
    void bundledSubsetMatchesKymatioReferenceInput() throws IOException {
        // Kymatio's mnist5 input: the first 5 MNIST training images scaled to [0, 1], in float64
        NpyArray ref = Npy.read(TestFiles.resource("kymatio/mnist5_input.npy"));
        assertArrayEquals(new int[] {5, 28, 28}, ref.shape());
        IdxImages five = MnistDataset.bundledSubset().train(5).images();
        float[] ours = five.pixels();
        double[] theirs = ref.toDoubleArray();
        for (int k = 0; k < theirs.length; k++) {
            assertEquals(theirs[k], ours[k], 1e-7, "pixel " + k);
        }
    }

    @Test
    void bundledFilesMatchTheReadmeChecksums() throws Exception {
        String readme;
        try (InputStream in = MnistDataset.class.getResourceAsStream(MnistDataset.SUBSET_RESOURCE + "README.md")) {
            readme = new String(in.readAllBytes());
        }
        for (String base : MnistDataset.FILE_NAMES) {
            try (InputStream in = MnistDataset.class.getResourceAsStream(MnistDataset.SUBSET_RESOURCE + base + ".gz")) {
                String sha = sha256(in.readAllBytes());
                assertTrue(readme.contains(sha + "  " + base + ".gz"), base + " checksum " + sha + " not in README");
            }
        }
    }

    private static String sha256(byte[] b) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void locatesPlainAndGzippedFilesInAFolder() throws IOException {
        LabelledImages small = MnistDataset.bundledSubset().test(20);
        IdxWriter.writeImages(tmp.resolve("train-images-idx3-ubyte"), small.images(), false);
        IdxWriter.writeLabels(tmp.resolve("train-labels-idx1-ubyte.gz"), small.labels(), true);
        IdxWriter.writeImages(tmp.resolve("t10k-images-idx3-ubyte.gz"), small.images().first(4), true);
        IdxWriter.writeLabels(tmp.resolve("t10k-labels-idx1-ubyte"), small.first(4).labels(), false);
        MnistDataset ds = MnistDataset.inFolder(tmp);
        assertEquals(small, ds.train());
        assertEquals(small.first(4), ds.test());
        assertEquals(small.first(2), ds.test(2));
        assertEquals("MNIST in " + tmp, ds.toString());
    }

    @Test
    void listsEveryMissingFile() throws IOException {
        IdxWriter.writeLabels(tmp.resolve("train-labels-idx1-ubyte.gz"), new int[] {1}, true);
        IdxWriter.writeLabels(tmp.resolve("t10k-labels-idx1-ubyte"), new int[] {1}, true);
        IOException e = assertThrows(IOException.class, () -> MnistDataset.inFolder(tmp));
        assertTrue(e.getMessage().startsWith(tmp + ": MNIST folder is missing train-images-idx3-ubyte(.gz),"
                + " t10k-images-idx3-ubyte(.gz) (expected"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> MnistDataset.inFolder(tmp.resolve("nope")));
        assertTrue(none.getMessage().contains("does not exist"));
    }

    @Test
    void writeSubsetKeepsTheFirstRecords() throws IOException {
        Path full = tmp.resolve("full");
        Files.createDirectories(full);
        LabelledImages src = MnistDataset.bundledSubset().test(30);
        for (String split : new String[] {"train", "t10k"}) {
            IdxWriter.writeImages(full.resolve(split + "-images-idx3-ubyte.gz"), src.images(), true);
            IdxWriter.writeLabels(full.resolve(split + "-labels-idx1-ubyte.gz"), src.labels(), true);
        }
        Path sub = tmp.resolve("sub");
        MnistDataset.writeSubset(full, sub, 10, 5);
        MnistDataset ds = MnistDataset.inFolder(sub);
        assertEquals(src.first(10), ds.train());
        assertEquals(src.first(5), ds.test());
        assertTrue(Files.exists(sub.resolve("train-images-idx3-ubyte.gz")));
    }

    @Test
    void subsetEqualsTheStartOfTheFullSetWhenAvailable() throws IOException {
        Path shared = TestFiles.sharedMnist();
        assumeTrue(Files.isDirectory(shared), "full MNIST not on this machine");
        MnistDataset full = MnistDataset.inFolder(shared);
        assertEquals(full.test(1000), MnistDataset.bundledSubset().test());
        assertEquals(full.train(5000), MnistDataset.bundledSubset().train());
        assertEquals(10000, full.test().size());
    }
}
