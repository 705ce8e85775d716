package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Mutation fuzzing of a reader: files made from valid seeds by truncation, bit flips, byte and
 * integer overwrites (biased to the header), insertions and deletions, from a fixed random seed.
 * Every file must be read or refused with an {@link IOException} whose message is one line and
 * names the file; never another exception, never longer than {@link #TIME_LIMIT} (on a worker thread; the whole run under
 * {@code assertTimeoutPreemptively}), and never
 * allocating more than {@link #ALLOCATION_BOUND} while the readers run with a
 * {@link ReadLimit} of {@link #READ_LIMIT} (the seeds are a few KB, so anything more is a size
 * taken from a header without checking it).
 */
final class Fuzz {
    interface Reader {
        void read(Path file) throws Exception;
    }

    static final String READ_LIMIT = "8m";
    static final long ALLOCATION_BOUND = 24L << 20;
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    private static final int[] INTERESTING = {0, 1, -1, 2, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 46340, 65536,
        1 << 20, 1 << 24, 1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_700_000};
    private static final byte[] HEADER_TEXT = "0123456789()[]{},:' L-TrueFalse<>|fiub\n".getBytes();

    private Fuzz() {
    }

    /** Result counts: files read, files refused. */
    record Outcome(int accepted, int refused) {
    }

    static Outcome run(String what, List<byte[]> seeds, int cases, long seed, Path dir, Reader reader) {
        // the whole run is bounded preemptively; each file gets TIME_LIMIT on a worker thread
        // (one thread for all files: a new thread per file cost more than most reads)
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fuzz-" + what);
                t.setDaemon(true);
                return t;
            });
            try {
                return run(what, seeds, cases, seed, dir, reader, worker);
            } finally {
                worker.shutdownNow();
            }
        }, () -> what + ": the fuzz run did not finish in 120 s");
    }

    private static Outcome run(String what, List<byte[]> seeds, int cases, long seed, Path dir, Reader reader,
                               ExecutorService worker) throws Exception {
        Random rnd = new Random(seed);
        String old = System.getProperty(ReadLimit.PROPERTY);
        System.setProperty(ReadLimit.PROPERTY, READ_LIMIT);
        int accepted = 0;
        int refused = 0;
        try {
            for (int i = 0; i < cases; i++) {
                int s = rnd.nextInt(seeds.size());
                StringBuilder how = new StringBuilder();
                byte[] bytes = mutate(seeds.get(s), rnd, how, 0);
                Path file = dir.resolve(what + "-" + i);
                Files.write(file, bytes);
                String caseName = what + " case " + i + " (seed file " + s + ", " + how + ")";
                Future<Allocation.Measured> run = worker.submit(() -> Allocation.measure(() -> reader.read(file)));
                Allocation.Measured m;
                try {
                    m = run.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    keep(file, what + "-" + i);
                    throw new AssertionError(caseName + " did not finish in " + TIME_LIMIT.toSeconds() + " s");
                }
                Throwable t = m.thrown();
                if (t == null) {
                    accepted++;
                } else if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains(file.toString())
                        && !t.getMessage().contains("\n") && t.getMessage().length() > file.toString().length() + 10) {
                    refused++;
                } else {
                    keep(file, what + "-" + i);
                    throw new AssertionError(caseName + ": expected success or a one-line IOException naming the file, got "
                            + t, t);
                }
                if (m.bytes() > ALLOCATION_BOUND) {
                    keep(file, what + "-" + i);
                    fail(caseName + ": allocated " + m.bytes() + " bytes, more than " + ALLOCATION_BOUND
                            + (t == null ? "" : "; " + t.getMessage()));
                }
                Files.delete(file);
            }
        } finally {
            WavReaderTest.restore(old);
        }
        return new Outcome(accepted, refused);
    }

    /** Keeps a failing file in target/fuzz-failures for a look. */
    private static void keep(Path file, String name) {
        try {
            Path out = Path.of("target", "fuzz-failures");
            Files.createDirectories(out);
            Files.copy(file, out.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the assertion says what failed
        }
    }

    static byte[] mutate(byte[] seed, Random r, StringBuilder how, int depth) {
        byte[] b = seed.clone();
        int n = b.length;
        // half of the edits land in the first 128 bytes, where the headers are
        int at = n == 0 ? 0 : r.nextBoolean() ? r.nextInt(Math.min(n, 128)) : r.nextInt(n);
        switch (r.nextInt(depth == 0 ? 7 : 6)) {
            case 0 -> {
                int len = r.nextInt(Math.max(1, n));
                how.append("truncated to ").append(len);
                return Arrays.copyOf(b, len);
            }
            case 1 -> {
                int flips = 1 + r.nextInt(4);
                how.append(flips).append(" bit flips from ").append(at);
                for (int k = 0; k < flips && n > 0; k++) {
                    int p = Math.min(n - 1, at + r.nextInt(8));
                    b[p] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> {
                int count = 1 + r.nextInt(8);
                how.append(count).append(" random bytes at ").append(at);
                for (int k = 0; k < count && at + k < n; k++) {
                    b[at + k] = (byte) r.nextInt(256);
                }
            }
            case 3 -> {
                int v = INTERESTING[r.nextInt(INTERESTING.length)];
                boolean little = r.nextBoolean();
                how.append("int ").append(v).append(little ? " LE" : " BE").append(" at ").append(at);
                for (int k = 0; k < 4 && at + k < n; k++) {
                    b[at + k] = (byte) (little ? v >>> (8 * k) : v >>> (24 - 8 * k));
                }
            }
            case 4 -> {
                int count = 1 + r.nextInt(4);
                how.append(count).append(" header characters at ").append(at);
                for (int k = 0; k < count && at + k < n; k++) {
                    b[at + k] = HEADER_TEXT[r.nextInt(HEADER_TEXT.length)];
                }
            }
            case 5 -> {
                int len = 1 + r.nextInt(16);
                if (r.nextBoolean()) {
                    how.append("inserted ").append(len).append(" bytes at ").append(at);
                    byte[] c = new byte[n + len];
                    System.arraycopy(b, 0, c, 0, at);
                    for (int k = 0; k < len; k++) {
                        c[at + k] = (byte) r.nextInt(256);
                    }
                    System.arraycopy(b, at, c, at + len, n - at);
                    return c;
                }
                len = Math.min(len, n - at);
                how.append("deleted ").append(len).append(" bytes at ").append(at);
                byte[] c = new byte[n - len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + len, c, at, n - at - len);
                return c;
            }
            default -> {
                byte[] once = mutate(b, r, how, depth + 1);
                how.append(", then ");
                return mutate(once, r, how, depth + 1);
            }
        }
        return b;
    }
}
