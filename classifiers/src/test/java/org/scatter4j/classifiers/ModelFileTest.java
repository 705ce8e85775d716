package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private static Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("scattering.J", "3");
        m.put("scattering.L", "8");
        m.put("dataset", "MNIST \u00e9t\u00e9"); // non-ASCII survives
        m.put("empty", "");
        return m;
    }

    private Pipeline trainedSvmPipeline(Synthetic.Data train, int[] labelsOverride) {
        return trainedSvmPipeline(train, labelsOverride, new LogTransform(1e-2));
    }

    private Pipeline trainedSvmPipeline(Synthetic.Data train, int[] labelsOverride, FeatureTransform transform) {
        FeatureMatrix x = FeatureMatrix.wrap(train.x().data().clone(), train.x().rows(), train.x().cols());
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = Math.abs(x.data()[i]);
        }
        Standardizer s = Standardizer.fitTransform(x, transform);
        LinearSvm svm = LinearSvm.builder().c(0.3).loss(LinearSvm.Loss.HINGE).bias(2).seed(5).build();
        svm.fit(x, labelsOverride);
        return new Pipeline(s, svm, metadata());
    }

    private static void assertSamePredictions(Pipeline a, Pipeline b, FeatureMatrix raw) {
        for (int i = 0; i < raw.rows(); i++) {
            float[] row = raw.row(i);
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.abs(row[j]);
            }
            assertEquals(a.predict(row), b.predict(row));
            float[] sa = row.clone();
            float[] sb = row.clone();
            a.standardizer().transform(sa);
            b.standardizer().transform(sb);
            assertArrayEquals(sa, sb);
            assertArrayEquals(a.classifier().decisionValues(sa), b.classifier().decisionValues(sb), 0.0,
                    "bit-identical decision values");
        }
    }

    @Test
    void linearSvmPipelineRoundTripsBitIdentically() throws IOException {
        Synthetic.Data train = Synthetic.linear(200, 12, 4, 0.5, 1);
        Synthetic.Data test = Synthetic.linear(50, 12, 4, 0.5, 2);
        int[] labels = Arrays.stream(train.y()).map(v -> v * 5 + 1).toArray();
        Pipeline p = trainedSvmPipeline(train, labels);
        Path file = dir.resolve("svm.s4j");
        ModelFile.save(file, p);
        Pipeline q = ModelFile.load(file);
        assertEquals(p.metadata(), q.metadata());
        assertEquals(p.metadata().keySet().stream().toList(), q.metadata().keySet().stream().toList());
        assertEquals(p.standardizer(), q.standardizer());
        LinearSvm a = (LinearSvm) p.classifier();
        LinearSvm b = (LinearSvm) q.classifier();
        assertEquals(a.toString(), b.toString());
        for (int k = 0; k < a.problems(); k++) {
            assertArrayEquals(a.weights(k), b.weights(k));
        }
        assertSamePredictions(p, q, test.x());
    }

    @Test
    void binarySvmAndAffinePcaRoundTrip() throws IOException {
        Synthetic.Data train = Synthetic.linear(100, 6, 2, 0.5, 3);
        Pipeline p = new Pipeline(null, fitted(LinearSvm.builder().build(), train), Map.of());
        Path file = dir.resolve("bin.s4j");
        ModelFile.save(file, p);
        Pipeline q = ModelFile.load(file);
        assertEquals(null, q.standardizer());
        assertArrayEquals(p.classifier().predict(train.x()), q.classifier().predict(train.x()));
        assertArrayEquals(((LinearSvm) p.classifier()).weights(0), ((LinearSvm) q.classifier()).weights(0));

        Synthetic.Data sub = AffinePcaClassifierTest.subspaces(3, 15, 10, 3, 0.2, 4, 5);
        FeatureMatrix x = sub.x();
        Standardizer s = Standardizer.fitTransform(x, null);
        Pipeline pp = new Pipeline(s, fitted(new AffinePcaClassifier(4), sub), metadata());
        Path pcaFile = dir.resolve("pca.s4j");
        ModelFile.save(pcaFile, pp);
        Pipeline qq = ModelFile.load(pcaFile);
        AffinePcaClassifier a = (AffinePcaClassifier) pp.classifier();
        AffinePcaClassifier b = (AffinePcaClassifier) qq.classifier();
        assertEquals(a.d(), b.d());
        for (int i = 0; i < x.rows(); i++) {
            assertArrayEquals(a.residuals(x.row(i)), b.residuals(x.row(i)), 0.0);
        }
        assertArrayEquals(a.predict(x), b.predict(x));
    }

    @Test
    void newtonSolverModelIsWrittenAsVersionThreeAndKeepsItsSolver() throws IOException {
        Synthetic.Data train = Synthetic.linear(120, 6, 3, 0.5, 13);
        LinearSvm svm = LinearSvm.builder().solver(LinearSvm.Solver.TRUST_REGION_NEWTON).c(0.5).build();
        Pipeline p = new Pipeline(null, fitted(svm, train), metadata());
        Path file = dir.resolve("newton.s4j");
        ModelFile.save(file, p);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(3, ByteBuffer.wrap(bytes).getInt(8), "the solver needs format version 3");
        LinearSvm q = (LinearSvm) ModelFile.load(file).classifier();
        assertEquals(LinearSvm.Solver.TRUST_REGION_NEWTON, q.solver());
        assertEquals(svm.toString(), q.toString());
        assertEquals(0.01, q.epsilon());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(svm.weights(k), q.weights(k));
        }
        assertArrayEquals(svm.predict(train.x()), q.predict(train.x()));
        // the dual solver's models stay version 2, which older readers load
        Path dcd = dir.resolve("dcd.s4j");
        ModelFile.save(dcd, new Pipeline(null, fitted(LinearSvm.builder().build(), train), Map.of()));
        assertEquals(2, ByteBuffer.wrap(Files.readAllBytes(dcd)).getInt(8));
        // an unknown solver name is refused
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("TRUST_REGION_NEWTON");
        bytes[at] = 'X';
        assertContains(loadFails(withValidCrc(bytes), "badsolver.s4j"), "unknown solver \"XRUST_REGION_NEWTON\"");
    }

    private static Classifier fitted(Classifier c, Synthetic.Data d) {
        c.fit(d.x(), d.y());
        return c;
    }

    private byte[] savedBytes() throws IOException {
        Synthetic.Data train = Synthetic.linear(60, 5, 3, 0.5, 6);
        Path file = dir.resolve("ok.s4j");
        ModelFile.save(file, trainedSvmPipeline(train, train.y()));
        return Files.readAllBytes(file);
    }

    private IOException loadFails(byte[] bytes, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        return e;
    }

    private static void assertContains(IOException e, String fragment) {
        assertTrue(e.getMessage().contains(fragment), "\"" + e.getMessage() + "\" lacks \"" + fragment + "\"");
    }

    /** Recomputes the trailing CRC so that only the intended defect remains. */
    private static byte[] withValidCrc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    @Test
    void rejectsWrongMagic() throws IOException {
        byte[] b = savedBytes();
        b[0] = 'X';
        assertContains(loadFails(b, "magic.s4j"), "wrong magic");
        assertContains(loadFails("hello".getBytes(StandardCharsets.US_ASCII), "short.s4j"), "too short");
        assertContains(loadFails(new byte[0], "empty.s4j"), "too short");
    }

    @Test
    void rejectsWrongVersion() throws IOException {
        byte[] b = savedBytes();
        ByteBuffer.wrap(b).putInt(8, ModelFile.VERSION + 1);
        IOException e = loadFails(withValidCrc(b), "version.s4j");
        assertContains(e, "unsupported format version " + (ModelFile.VERSION + 1));
        ByteBuffer.wrap(b).putInt(8, 0);
        assertContains(loadFails(withValidCrc(b), "version0.s4j"), "unsupported format version 0");
    }

    @Test
    void powerTransformRoundTripsAndVersionOneFilesStillLoad() throws IOException {
        Synthetic.Data train = Synthetic.linear(120, 8, 3, 0.5, 11);
        Synthetic.Data test = Synthetic.linear(40, 8, 3, 0.5, 12);
        Pipeline p = trainedSvmPipeline(train, train.y(), new PowerTransform(0.5));
        Path file = dir.resolve("power.s4j");
        ModelFile.save(file, p);
        Pipeline q = ModelFile.load(file);
        assertEquals(new PowerTransform(0.5), q.standardizer().transform());
        assertSamePredictions(p, q, test.x());

        // a version-1 file is a version-2 file whose transform byte is 0 or 1 (none or log)
        Pipeline log = trainedSvmPipeline(train, train.y());
        Path logFile = dir.resolve("log.s4j");
        ModelFile.save(logFile, log);
        byte[] v1 = Files.readAllBytes(logFile);
        ByteBuffer.wrap(v1).putInt(8, 1);
        Path v1File = dir.resolve("v1.s4j");
        Files.write(v1File, withValidCrc(v1));
        assertSamePredictions(log, ModelFile.load(v1File), test.x());
        // ... and a power transform (byte 2) cannot appear in one
        byte[] bad = Files.readAllBytes(file);
        ByteBuffer.wrap(bad).putInt(8, 1);
        assertContains(loadFails(withValidCrc(bad), "v1power.s4j"), "transform is 2, expected 0 to 1");
    }

    @Test
    void rejectsTruncatedFilesAtEveryLength() throws IOException {
        byte[] b = savedBytes();
        for (int len : new int[] {10, 20, 21, 40, b.length / 2, b.length - 5, b.length - 1}) {
            IOException e = loadFails(Arrays.copyOf(b, len), "trunc" + len + ".s4j");
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("too short"), e.getMessage());
        }
        byte[] longer = Arrays.copyOf(b, b.length + 3);
        assertContains(loadFails(longer, "long.s4j"), "unexpected trailing data");
    }

    @Test
    void rejectsCorruptBytes() throws IOException {
        byte[] b = savedBytes();
        for (int pos : new int[] {25, b.length / 2, b.length - 9, b.length - 2}) {
            byte[] c = b.clone();
            c[pos] ^= 0x10;
            assertContains(loadFails(c, "corrupt" + pos + ".s4j"), "checksum mismatch");
        }
    }

    @Test
    void rejectsInconsistentContentsEvenWithAValidChecksum() throws IOException {
        byte[] b = savedBytes();
        byte[] c = b.clone();
        ByteBuffer.wrap(c).putInt(20, -3); // metadata entry count
        assertContains(loadFails(withValidCrc(c), "count.s4j"), "metadata entry count -3");
        byte[] d = b.clone();
        ByteBuffer.wrap(d).putInt(20, 1 << 30);
        assertContains(loadFails(withValidCrc(d), "huge.s4j"), "corrupt");
    }

    @Test
    void saveRejectsUnknownClassifierAndLoadReportsMissingFile() {
        assertThrows(IOException.class, () -> ModelFile.load(dir.resolve("missing.s4j")));
        Classifier custom = new Classifier() {
            @Override public void fit(FeatureMatrix x, int[] labels) {}
            @Override public boolean isFitted() { return true; }
            @Override public int[] classes() { return new int[] {0}; }
            @Override public int dimension() { return 1; }
            @Override public double[] decisionValues(float[] row) { return new double[] {0}; }
            @Override public int[] predict(FeatureMatrix x) { return new int[x.rows()]; }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(dir.resolve("custom.s4j"), new Pipeline(null, custom, Map.of())));
        assertTrue(e.getMessage().contains("cannot save a classifier of type"), e.getMessage());
    }
}
