package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz test of {@link ModelFile#load} (issue 19, Checks): 3000 files mutated from saved models
 * (SVM binary and multi-class, affine PCA, with and without standardizer), from a fixed seed. Half
 * the mutations are followed by rewriting the length field and the CRC-32, so that they reach the
 * body parser instead of all failing the checksum. Every file must load or be refused with a
 * one-line IOException naming the file, in under 10 s (the whole run preemptively bounded) and
 * allocating at most 1 MB plus 16 times the file's size.
 */
class ModelFileFuzzTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private byte[] saved(Pipeline p) throws IOException {
        Path f = dir.resolve("seed.s4j");
        ModelFile.save(f, p);
        return Files.readAllBytes(f);
    }

    private static FeatureMatrix fitted(Classifier c, Synthetic.Data d) {
        c.fit(d.x(), d.y());
        return d.x();
    }

    /** Sets the length field and recomputes the CRC, as a writer of a deliberately bad body would. */
    private static byte[] fixUp(byte[] b) {
        if (b.length < 24) {
            return b;
        }
        ByteBuffer.wrap(b).putLong(12, b.length);
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
        return b;
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int at = 20 + r.nextInt(Math.max(1, Math.min(b.length - 20, r.nextBoolean() ? 96 : b.length - 20)));
        switch (r.nextInt(5)) {
            case 0 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 1 -> b[Math.min(at, b.length - 1)] ^= (byte) (1 << r.nextInt(8));
            case 2 -> {
                int[] interesting = {0, 1, -1, 2, 0x7FFFFFFF, 0x80000000, 1 << 20, 1 << 28, 65536};
                int v = interesting[r.nextInt(interesting.length)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (24 - 8 * k));
                }
            }
            case 3 -> {
                for (int k = 0; k < 1 + r.nextInt(8) && at + k < b.length; k++) {
                    b[at + k] = (byte) r.nextInt(256);
                }
            }
            default -> {
                int len = Math.min(1 + r.nextInt(12), b.length - at);
                byte[] c = new byte[b.length - Math.max(len, 0)];
                System.arraycopy(b, 0, c, 0, Math.min(at, c.length));
                if (len > 0) {
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                }
                b = c;
            }
        }
        return r.nextBoolean() ? fixUp(b) : b;
    }

    @Test
    void mutatedModelsLoadOrAreRefusedWithAMessage() throws IOException {
        Synthetic.Data three = Synthetic.linear(60, 5, 3, 0.5, 1);
        Synthetic.Data two = Synthetic.linear(40, 4, 2, 0.5, 2);
        Synthetic.Data sub = AffinePcaClassifierTest.subspaces(3, 10, 6, 2, 0.2, 3, 4);
        List<byte[]> seeds = new ArrayList<>();
        LinearSvm svm3 = LinearSvm.builder().seed(1).build();
        fitted(svm3, three);
        seeds.add(saved(new Pipeline(Standardizer.fitTransform(three.x(), new LogTransform(1e-2)), svm3, Map.of("J", "3"))));
        LinearSvm svm2 = LinearSvm.builder().seed(2).build();
        fitted(svm2, two);
        seeds.add(saved(new Pipeline(null, svm2, Map.of())));
        AffinePcaClassifier pca = new AffinePcaClassifier(2);
        fitted(pca, sub);
        seeds.add(saved(new Pipeline(Standardizer.fitTransform(sub.x(), new PowerTransform(0.5)), pca, Map.of("k", "v"))));

        int[] outcomes = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run(seeds, 3000));
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "loaded " + outcomes[0] + ", refused " + outcomes[1]);
    }

    private int[] run(List<byte[]> seeds, int cases) throws IOException {
        Random r = new Random(19);
        int loaded = 0;
        int refused = 0;
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < cases; i++) {
            int s = r.nextInt(seeds.size());
            byte[] bytes = mutate(seeds.get(s), r);
            Path f = dir.resolve("m" + i + ".s4j");
            Files.write(f, bytes);
            long before = THREADS.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            try {
                ModelFile.load(f);
                loaded++;
            } catch (IOException e) {
                String m = e.getMessage();
                assertTrue(m != null && m.contains(f.toString()) && !m.contains("\n"), "case " + i + ": " + m);
                refused++;
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + s + "): " + e, e);
            }
            long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
            assertTrue(allocated <= (1 << 20) + 16L * bytes.length, "case " + i + " allocated " + allocated + " bytes");
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "case " + i + " took over 10 s");
            Files.delete(f);
        }
        return new int[] {loaded, refused};
    }
}
