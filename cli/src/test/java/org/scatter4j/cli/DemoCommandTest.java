package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.samples.Demos;

/** {@code scatter4j demo} and {@code scatter4j report} as a user meets them: help, errors, overwrite rules. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsEveryDemo() {
        ScatterCommandTest.Run r = ScatterCommandTest.run("demo", "--help");
        assertEquals(0, r.exit());
        for (String name : Demos.names()) {
            assertTrue(r.out().contains(name), "demo --help does not list " + name + ":\n" + r.out());
        }
    }

    @Test
    void runsADemoAndNeverOverwritesUnasked() throws Exception {
        Path out = tmp.resolve("f");
        assertEquals(0, ScatterCommandTest.run("demo", "filters", "--out", out.toString()).exit());
        assertTrue(Files.size(out.resolve("filters_montage.png")) > 5000);
        ScatterCommandTest.Run again = ScatterCommandTest.run("demo", "filters", "--out", out.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("exists; pass --overwrite"), again.err());
        assertEquals(0, ScatterCommandTest.run("demo", "filters", "--out", out.toString(), "--overwrite").exit());
    }

    @Test
    void unknownNamesAndMissingArgumentsAreRefused() {
        ScatterCommandTest.Run r = ScatterCommandTest.run("demo", "wavelets", "--out", tmp.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown demo NAME=wavelets; expected one of [filters"), r.err());
        assertTrue(ScatterCommandTest.run("report").err().contains("--out"), "report without --out");
    }
}
