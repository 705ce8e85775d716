package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code scatter4j --version} prints the version of the pom the build came from, not a constant. */
class VersionTest {

    @Test
    void versionIsThePomsVersion() {
        // surefire passes ${project.version} (cli/pom.xml), so a hard-coded or unfiltered string fails here
        String expected = System.getProperty("scatter4j.expected.version");
        assertNotNull(expected, "run through Maven: surefire sets scatter4j.expected.version from the pom");
        ScatterCommandTest.Run r = ScatterCommandTest.run("--version");
        assertEquals(0, r.exit(), r.err());
        String first = r.out().lines().findFirst().orElse("");
        assertEquals("scatter4j " + expected, first);
        assertTrue(expected.matches("\\d+\\.\\d+\\.\\d+.*"), "a Maven version: " + expected);
    }

    @Test
    void versionAlsoNamesTheJava() {
        ScatterCommandTest.Run r = ScatterCommandTest.run("-V");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Java " + System.getProperty("java.version")), r.out());
    }
}
