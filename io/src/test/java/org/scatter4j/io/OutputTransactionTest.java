package org.scatter4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTransactionTest {
    @TempDir
    Path tmp;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesUnderAHiddenTemporaryAndPublishesAtCommit() throws Exception {
        Path out = tmp.resolve("out.npy");
        try (OutputTransaction t = new OutputTransaction(false)) {
            t.declare(out, "OUTPUT");
            Path temp = t.temporary(out);
            assertTrue(Files.exists(temp), "the temporary is created at declaration, before the work");
            String name = temp.getFileName().toString();
            assertTrue(name.startsWith(".out.npy.") && name.endsWith(".part"), name);
            assertFalse(Files.exists(out), "nothing under the final name before the commit");
            t.writeString(out, "result");
            t.commit();
            assertFalse(Files.exists(temp));
        }
        assertEquals("result", Files.readString(out));
        assertEquals(List.of("out.npy"), names());
    }

    /** Two writers to one path: both pass the checks at the start; the second to publish is refused, the first's file stays whole. */
    @Test
    void twoRacingWritersOneIsRefusedAndTheSurvivorIsValid() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path out = tmp.resolve("race" + round + ".json");
            Path side = tmp.resolve("race" + round + ".paths.json");
            CountDownLatch declared = new CountDownLatch(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> results = new java.util.ArrayList<>();
            for (String who : new String[] {"A", "B"}) {
                results.add(pool.submit(() -> {
                    try (OutputTransaction t = new OutputTransaction(false)) {
                        t.declare(out, "OUTPUT");
                        t.declare(side, "paths");
                        declared.countDown();
                        declared.await();
                        t.writeString(out, ("{\"who\": \"" + who + "\"}").repeat(1));
                        t.writeString(side, "{\"of\": \"" + who + "\"}");
                        t.commit();
                        return who;
                    } catch (FileAlreadyExistsException e) {
                        assertTrue(e.getMessage().contains("appeared while this run was writing it"), e.getMessage());
                        return null;
                    }
                }));
            }
            String winner = null;
            int refused = 0;
            for (Future<String> f : results) {
                String w = f.get();
                if (w == null) {
                    refused++;
                } else {
                    winner = w;
                }
            }
            pool.shutdown();
            assertEquals(1, refused, "exactly one writer is refused");
            assertEquals("{\"who\": \"" + winner + "\"}", Files.readString(out));
            assertEquals("{\"of\": \"" + winner + "\"}", Files.readString(side), "the side file is the survivor's too");
        }
        assertTrue(names().stream().noneMatch(n -> n.endsWith(".part")), names().toString());
    }

    @Test
    void anOutputThatExistsIsRefusedUnlessOverwrite() throws Exception {
        Path out = tmp.resolve("a.json");
        Files.writeString(out, "mine");
        try (OutputTransaction t = new OutputTransaction(false)) {
            IOException e = assertThrows(IOException.class, () -> t.declare(out, "--json"));
            assertTrue(e.getMessage().startsWith("--json " + out + " exists; pass --overwrite"), e.getMessage());
        }
        try (OutputTransaction t = new OutputTransaction(true)) {
            t.declare(out, "--json");
            t.writeString(out, "new");
            t.commit();
        }
        assertEquals("new", Files.readString(out));
        assertEquals(List.of("a.json"), names());
    }

    @Test
    void twoOutputsOrAnInputAndAnOutputNamingOneFileAreRefused() throws Exception {
        try (OutputTransaction t = new OutputTransaction(true)) {
            t.declare(tmp.resolve("m.bin"), "--save-model");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> t.declare(tmp.resolve("sub/../m.bin"), "--json"));
            assertEquals("--json and --save-model name the same file " + tmp.resolve("sub/../m.bin") + "; give each output its own file",
                    e.getMessage());
        }
        Path in = Files.writeString(tmp.resolve("x.npy"), "input");
        try (OutputTransaction t = new OutputTransaction(true)) {
            t.declare(tmp.resolve("./x.npy"), "OUTPUT");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.refuseInput(in, "INPUT"));
            assertTrue(e.getMessage().contains("is the same file as INPUT"), e.getMessage());
        }
        assertEquals("input", Files.readString(in), "the input is untouched");
        assertEquals(List.of("x.npy"), names());
    }

    @Test
    void aFailedRunLeavesNothingBehind() throws Exception {
        Path a = tmp.resolve("a.npy");
        Path b = tmp.resolve("b.json");
        try (OutputTransaction t = new OutputTransaction(false)) {
            t.declare(a, "OUTPUT");
            t.declare(b, "paths");
            t.writeString(a, "half");
            // the run fails here (an exception, a full disk): close without commit
        }
        assertEquals(List.of(), names());

        // publication of the second output refused: the first, already published by this run, is removed
        try (OutputTransaction t = new OutputTransaction(false)) {
            t.declare(a, "OUTPUT");
            t.declare(b, "paths");
            t.writeString(a, "1");
            t.writeString(b, "2");
            Files.writeString(b, "someone else's");
            assertThrows(FileAlreadyExistsException.class, t::commit);
        }
        assertEquals(List.of("b.json"), names());
        assertEquals("someone else's", Files.readString(b));
    }

    @Test
    void outputsGetTheUsersDefaultPermissionsNotThoseOfATemporaryFile() throws Exception {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path reference = Files.createFile(tmp.resolve("reference")); // what any file the user creates gets (umask)
        Path out = tmp.resolve("o.npy");
        try (OutputTransaction t = new OutputTransaction(false)) {
            t.declare(out, "OUTPUT");
            t.writeString(out, "x");
            t.commit();
        }
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void anUnwritablePlaceIsReportedWithTheOptionTheFileAndTheReason() {
        Path out = tmp.resolve("no-such-folder").resolve("o.json");
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputTransaction t = new OutputTransaction(false)) {
                t.declare(out, "--json");
            }
        });
        assertTrue(e.getMessage().startsWith("--json " + out + ": cannot write it: folder"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    /** The writer of {@link #temporariesAreDeletedWhenTheProcessIsTerminated}: declares, writes, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        OutputTransaction t = new OutputTransaction(false);
        Path out = Path.of(args[0]);
        t.declare(out, "OUTPUT");
        t.writeString(out, "partial result");
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void temporariesAreDeletedWhenTheProcessIsTerminated() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutputTransactionTest.class.getName(),
                tmp.resolve("killed.npy").toString()).redirectErrorStream(true).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        assertEquals("ready", line);
        assertTrue(names().stream().anyMatch(n -> n.endsWith(".part")), "the temporary exists while the run works");
        p.destroy(); // SIGTERM, as Ctrl-C's SIGINT: shutdown hooks run
        p.waitFor();
        assertEquals(List.of(), names());
    }
}
