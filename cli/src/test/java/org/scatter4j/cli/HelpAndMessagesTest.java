package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section 5 of issue 19: every command's help is clean, options are checked before the work, messages say what is wrong. */
class HelpAndMessagesTest {
    @TempDir
    Path tmp;

    /** Runs with System.err captured too: picocli prints its own warnings there, not to the command's writer. */
    private static ScatterCommandTest.Run runCapturingStderr(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            ScatterCommandTest.Run r = ScatterCommandTest.run(args);
            return new ScatterCommandTest.Run(r.exit(), r.out(), r.err() + buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void everyCommandsHelpAndUsageErrorIsFreeOfPicocliWarnings() {
        List<String> commands = new ArrayList<>(Main.newCommandLine().getSubcommands().keySet());
        assertTrue(commands.contains("predict"), commands.toString());
        ScatterCommandTest.Run top = runCapturingStderr("--help");
        assertEquals(0, top.exit());
        assertFalse((top.out() + top.err()).contains("WARN"), top.err());
        for (String c : commands) {
            ScatterCommandTest.Run help = runCapturingStderr(c, "--help");
            assertEquals(0, help.exit(), c);
            assertTrue(help.out().contains("Usage: scatter4j " + c) || c.equals("help"), c + ": " + help.out());
            assertFalse((help.out() + help.err()).contains("WARN"), c + " --help: " + help.err());
            assertFalse((help.out() + help.err()).contains("Could not format"), c);
            if (c.equals("help")) {
                continue; // help ignores what follows
            }
            ScatterCommandTest.Run bad = runCapturingStderr(c, "--no-such-option");
            assertEquals(2, bad.exit(), c);
            assertFalse((bad.out() + bad.err()).contains("WARN"), c + " usage error: " + bad.err());
        }
    }

    /** A usage error (unknown option, missing value, a value of the wrong type) is one line that points to --help. */
    @Test
    void usageErrorsAreOneLinePointingToHelp() {
        for (String c : Main.newCommandLine().getSubcommands().keySet()) {
            if (c.equals("help")) {
                continue;
            }
            for (String[] args : new String[][] {{c, "--no-such-option"}, {c, "--threads"}, {c, "--threads", "x"}}) {
                ScatterCommandTest.Run r = ScatterCommandTest.run(args);
                String what = String.join(" ", args) + ": " + r.out() + r.err();
                assertEquals(2, r.exit(), what);
                assertEquals(1, r.err().strip().lines().count(), what);
                assertTrue(r.err().startsWith("scatter4j " + c + ": "), what);
                assertTrue(r.err().contains("scatter4j " + c + " --help"), what);
                assertEquals("", r.out(), what);
            }
        }
        ScatterCommandTest.Run r = ScatterCommandTest.run("scatter1d", "--bogus", "a.npy", "b.npy", "--J", "3");
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
        r = ScatterCommandTest.run("--nope");
        assertEquals(2, r.exit());
        assertEquals("scatter4j: Unknown option: '--nope'; see 'scatter4j --help'", r.err().strip());
    }

    private static void assertOneLineError(ScatterCommandTest.Run r, String expected) {
        assertEquals(2, r.exit(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), "'" + err + "' lacks '" + expected + "'");
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void mnistChecksItsOptionsBeforeReadingTheDataWithMessagesInWords() {
        assertOneLineError(ScatterCommandTest.run("mnist", "--J", "-1"), "--J must be in [1, 30]");
        assertOneLineError(ScatterCommandTest.run("mnist", "--L", "0"), "--L must be in [1, 64], got 0");
        assertOneLineError(ScatterCommandTest.run("mnist", "--train-size", "-5"), "--train-size must be >= 2");
        ScatterCommandTest.Run big = ScatterCommandTest.run("mnist", "--J", "5");
        assertOneLineError(big, "--J 5 does not fit the 28x28 images");
        assertFalse(big.out().contains("features:"), "refused before the features are computed");
    }

    private Path textureFolder(int classes, int perClass) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("tex" + classes + "x" + perClass));
        java.util.Random random = new java.util.Random(classes * 31L + perClass);
        for (int c = 0; c < classes; c++) {
            Path dir = Files.createDirectories(root.resolve("class" + c));
            for (int i = 0; i < perClass; i++) {
                BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        img.getRaster().setSample(x, y, 0, (int) (127 + 100 * Math.sin((c + 1) * 0.4 * x) * random.nextDouble()));
                    }
                }
                ImageIO.write(img, "png", dir.resolve("im" + i + ".png").toFile());
            }
        }
        return root;
    }

    @Test
    void texturesRefusesOneClassAsMnistDoes() throws Exception {
        Path one = textureFolder(1, 4);
        ScatterCommandTest.Run r = ScatterCommandTest.run("textures", "--data", one.toString(), "--size", "32", "--J", "2",
                "--train-per-class", "2", "--splits", "1");
        assertOneLineError(r, "has 1 class ('class0'); classification needs at least 2");
    }

    @Test
    void texturesChecksTrainPerClassAndCBeforeComputingFeatures() throws Exception {
        Path two = textureFolder(2, 3);
        ScatterCommandTest.Run r = ScatterCommandTest.run("textures", "--data", two.toString(), "--size", "32", "--J", "2",
                "--train-per-class", "5", "--splits", "1");
        assertOneLineError(r, "--train-per-class 5 needs at least 6");
        assertFalse(r.out().contains("features:"), "refused before the features are computed");
        assertOneLineError(ScatterCommandTest.run("textures", "--classifier", "svm", "--C", "-1"), "--C must be a positive number, got -1.0");
        assertOneLineError(ScatterCommandTest.run("textures", "--J", "-1"), "--J must be in [1, 30]");
        assertOneLineError(ScatterCommandTest.run("textures", "--data", two.toString(), "--size", "32", "--J", "6",
                "--transform", "translation", "--augment-scales", "none"), "32x32 is smaller than 2^J");
    }

    @Test
    void fileFailuresAreNamedWithTheirReason() throws Exception {
        Path missing = tmp.resolve("nothing.npy");
        assertOneLineError(ScatterCommandTest.run("scatter", "--J", "2", missing.toString(), tmp.resolve("o.npy").toString()),
                missing + ": no such file or folder");
        if (Files.isDirectory(Path.of("/proc"))) {
            ScatterCommandTest.Run r = ScatterCommandTest.run("download", "mnist", "--out", "/proc/mnist");
            assertOneLineError(r, "cannot create output folder /proc/mnist: ");
            assertFalse(r.err().strip().endsWith("/proc/mnist"), r.err());
        }
        Path model = tmp.resolve("no.model");
        assertOneLineError(ScatterCommandTest.run("predict", "--model", model.toString(), missing.toString()), "no such file");
    }

    @Test
    void errorMessagesPutJavasPathOnlyExceptionsIntoWords() {
        assertEquals("/x/in.npy: permission denied", ErrorHandler.message(new java.nio.file.AccessDeniedException("/x/in.npy")));
        assertEquals("/x/m.model: no such file or folder", ErrorHandler.message(new java.nio.file.NoSuchFileException("/x/m.model")));
        assertEquals("/proc/mnist: Operation not permitted",
                ErrorHandler.message(new java.nio.file.FileSystemException("/proc/mnist", null, "Operation not permitted")));
        assertEquals("no mirror: a; b", ErrorHandler.message(new java.io.IOException("no mirror:\n  a\n  b")));
    }
}
