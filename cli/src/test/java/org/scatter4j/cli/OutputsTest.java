package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;

/** Outputs never lost (issue 19, section 4), through the commands: races, same-file refusals, failed runs, permissions. */
class OutputsTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path input(int count) throws Exception {
        double[] x = new double[count * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.11 * i) + 0.05 * (i % 13);
        }
        Path in = tmp.resolve("in").resolve("x.npy");
        Files.createDirectories(in.getParent());
        Npy.write(in, x, count, 32, 32);
        return in;
    }

    /** Two scatter runs to one path: one exits 0, the other 2; the .npy and its paths JSON left are the survivor's, both valid. */
    @Test
    void twoScatterRunsToOnePathOneIsRefusedTheSurvivorIsValid() throws Exception {
        Path in = input(40);
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        for (int round = 0; round < 3; round++) {
            Path out = outDir.resolve("s" + round + ".npy");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<ScatterCommandTest.Run>> runs = List.of(
                    pool.submit(() -> ScatterCommandTest.run("scatter", "--J", "2", "--L", "4", "--threads", "1", in.toString(), out.toString())),
                    pool.submit(() -> ScatterCommandTest.run("scatter", "--J", "2", "--L", "4", "--threads", "1", in.toString(), out.toString())));
            int ok = 0;
            for (Future<ScatterCommandTest.Run> f : runs) {
                ScatterCommandTest.Run r = f.get();
                if (r.exit() == 0) {
                    ok++;
                } else {
                    assertEquals(2, r.exit(), r.err());
                    assertTrue(r.err().contains("exists; pass --overwrite") || r.err().contains("appeared while this run was writing it"),
                            r.err());
                }
            }
            pool.shutdown();
            assertEquals(1, ok, "exactly one of two racing runs succeeds");
            NpyArray a = Npy.read(out);
            assertEquals(40, a.shape()[0]);
            var json = JsonParser.parseString(Files.readString(ScatterCommand.pathsFile(out))).getAsJsonObject();
            assertEquals(40, json.getAsJsonArray("output_shape").get(0).getAsInt());
        }
        assertTrue(names(outDir).stream().noneMatch(n -> n.endsWith(".part")), names(outDir).toString());
    }

    @Test
    void scatterRefusesAnOutputThatIsItsInputEvenWithOverwrite() throws Exception {
        Path in = input(2);
        byte[] before = Files.readAllBytes(in);
        ScatterCommandTest.Run r = ScatterCommandTest.run("scatter", "--J", "2", "--overwrite", in.toString(),
                in.getParent().resolve("./x.npy").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is the same file as INPUT"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)));
        assertEquals(List.of("x.npy"), names(in.getParent()));
    }

    @Test
    void mnistRefusesAModelAndAJsonNamingOneFileBeforeAnyWork() {
        Path same = tmp.resolve("x");
        ScatterCommandTest.Run r = ScatterCommandTest.run("mnist", "--save-model", same.toString(), "--json", same.toString());
        assertEquals(2, r.exit());
        assertEquals("scatter4j mnist: --save-model and --json name the same file " + same + "; give each output its own file",
                r.err().strip());
        assertFalse(r.out().contains("data:"), "refused before the data are read");
        assertFalse(Files.exists(same));
    }

    @Test
    void aFailedRunLeavesNothingBehind() throws Exception {
        Path in = input(2);
        Path out = tmp.resolve("out.npy");
        // the image is 32x32: J=6 needs 64 pixels; the failure comes after the outputs were declared
        ScatterCommandTest.Run r = ScatterCommandTest.run("scatter", "--J", "6", in.toString(), out.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("in"), names(tmp), "no output, no paths file, no temporary");
    }

    @Test
    void outputsGetTheUsersDefaultPermissions() throws Exception {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path in = input(1);
        Path reference = Files.createFile(tmp.resolve("reference"));
        Path out = tmp.resolve("out.npy");
        assertEquals(0, ScatterCommandTest.run("scatter", "--J", "2", in.toString(), out.toString()).exit());
        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(reference));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(ScatterCommand.pathsFile(out))));
    }

    @Test
    void anOutputWhereNoFileCanBeWrittenNamesTheOutputAndTheReasonNotATemporary() throws Exception {
        Path in = input(1);
        for (String place : new String[] {tmp.resolve("missing").resolve("o.npy").toString(), "/proc/o.npy"}) {
            if (place.startsWith("/proc") && !Files.isDirectory(Path.of("/proc"))) {
                continue;
            }
            ScatterCommandTest.Run r = ScatterCommandTest.run("scatter", "--J", "2", in.toString(), place);
            assertEquals(2, r.exit());
            String err = r.err().strip();
            assertTrue(err.startsWith("scatter4j scatter: OUTPUT " + place + ": cannot write"), err);
            assertFalse(err.contains(".part"), err);
            assertFalse(err.endsWith(place), "a reason after the path: " + err);
        }
    }
}
