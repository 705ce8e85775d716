package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;
import org.scatter4j.scattering.Scalogram;

/** The {@code scalogram} command: figure and values of a chirp, and refusals. */
class ScalogramCommandTest {
    @TempDir
    Path tmp;

    @Test
    void chirpGivesAFigureAndTheLibrarysValues() throws Exception {
        Path wav = tmp.resolve("chirp.wav");
        float[] x = Scatter1dCommandTest.chirp(4000);
        Scatter1dCommandTest.writeWav(wav, x, 8000);
        Path png = tmp.resolve("c.png");
        Path npy = tmp.resolve("c.npy");
        ScatterCommandTest.Run r = ScatterCommandTest.run("scalogram", wav.toString(), "--out", png.toString(), "--Q", "8",
                "--J", "8", "--npy", npy.toString());
        assertEquals(0, r.exit(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 600 && img.getHeight() >= 300);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int c = 0; c < img.getWidth(); c += 3) {
                colours.add(img.getRGB(c, y));
            }
        }
        assertTrue(colours.size() > 50, "a chirp's scalogram has many colours, got " + colours.size());
        NpyArray a = Npy.read(npy);
        Scalogram sg = Scalogram.of(4000, 8, 8, 1);
        assertEquals(sg.rowCount(), a.shape()[0]);
        assertEquals(sg.columnCount(), a.shape()[1]);
        double[] signal = new double[4000];
        float[] read = org.scatter4j.io.WavReader.read(wav).samples();
        for (int t = 0; t < signal.length; t++) {
            signal[t] = read[t];
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(sg.compute(signal), a.toDoubleArray(), 0.0);
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path fake = tmp.resolve("fake.wav");
        Files.writeString(fake, "RIFX not really");
        Path wav = tmp.resolve("ok.wav");
        Scatter1dCommandTest.writeWav(wav, Scatter1dCommandTest.chirp(300), 8000);
        Path png = tmp.resolve("f.png");
        String[][] cases = {
            {fake.toString(), "--out", png.toString()},
            {wav.toString(), "--out", png.toString(), "--J", "12"},
            {wav.toString(), "--out", png.toString(), "--Q", "0"},
            {wav.toString(), "--out", tmp.resolve("f.jpg").toString()},
        };
        String[] expected = {"fake.wav", "J", "Q", ".png"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "scalogram";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            ScatterCommandTest.Run r = ScatterCommandTest.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertFalse(Files.exists(png));
        }
        Files.writeString(png, "precious");
        ScatterCommandTest.Run r = ScatterCommandTest.run("scalogram", wav.toString(), "--out", png.toString());
        assertEquals(2, r.exit());
        assertEquals("precious", Files.readString(png));
    }

    private java.util.List<String> names() throws Exception {
        try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** --Q and --J are refused before the recording is read: the input here is not a WAV file, yet the message is the option's. */
    @Test
    void optionsAreCheckedBeforeTheRecordingIsRead() throws Exception {
        Path fake = tmp.resolve("fake.wav");
        Files.writeString(fake, "RIFX not really");
        String png = tmp.resolve("f.png").toString();
        String[][] cases = {{"--Q", "0", "--Q", "got 0"}, {"--J", "0", "--J", "got 0"}, {"--J", "40", "--J", "got 40"}};
        for (String[] c : cases) {
            ScatterCommandTest.Run r = ScatterCommandTest.run("scalogram", fake.toString(), "--out", png, c[0], c[1]);
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[2]) && r.err().contains(c[3]) && !r.err().contains("fake.wav"), r.err());
            assertEquals(java.util.List.of("fake.wav"), names());
        }
    }

    /** --out and --npy naming one file are refused before any work, even with --overwrite (through a link), and nothing is touched. */
    @Test
    void outAndNpyNamingOneFileAreRefused() throws Exception {
        Path wav = tmp.resolve("ok.wav");
        Scatter1dCommandTest.writeWav(wav, Scatter1dCommandTest.chirp(1000), 8000);
        Path png = tmp.resolve("f.png");
        ScatterCommandTest.Run r = ScatterCommandTest.run("scalogram", wav.toString(), "--out", png.toString(), "--npy", png.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--npy must end in .npy"), r.err());
        assertEquals(java.util.List.of("ok.wav"), names());
        // the suffixes differ, but a link makes the figure and the values one file: replacing one would lose the other
        Path values = Files.writeString(tmp.resolve("v.npy"), "precious");
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve("v.png"), values.getFileName());
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return; // no symbolic links on this file system
        }
        r = ScatterCommandTest.run("scalogram", wav.toString(), "--overwrite", "--out", link.toString(), "--npy", values.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("scatter4j scalogram: --npy and --out name the same file " + values + "; give each output its own file",
                r.err().strip());
        assertEquals("precious", Files.readString(values));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(java.util.List.of("ok.wav", "v.npy", "v.png"), names());
    }

    /** A run that fails after both outputs were declared (J too large for the recording) leaves no figure, values or temporary. */
    @Test
    void aFailedRunLeavesNothingBehind() throws Exception {
        Path wav = tmp.resolve("ok.wav");
        Scatter1dCommandTest.writeWav(wav, Scatter1dCommandTest.chirp(300), 8000);
        ScatterCommandTest.Run r = ScatterCommandTest.run("scalogram", wav.toString(), "--out", tmp.resolve("f.png").toString(),
                "--npy", tmp.resolve("f.npy").toString(), "--J", "12");
        assertEquals(2, r.exit(), r.err());
        assertEquals(java.util.List.of("ok.wav"), names());
        r = ScatterCommandTest.run("scalogram", wav.toString(), "--out", tmp.resolve("f.png").toString(), "--npy",
                tmp.resolve("f.npy").toString(), "--J", "6");
        assertEquals(0, r.exit(), r.err());
        assertEquals(java.util.List.of("f.npy", "f.png", "ok.wav"), names());
    }

    @Test
    void theRecordingItselfIsNeverAnOutput() throws Exception {
        Path wav = tmp.resolve("ok.wav");
        Scatter1dCommandTest.writeWav(wav, Scatter1dCommandTest.chirp(1000), 8000);
        byte[] before = Files.readAllBytes(wav);
        Path link;
        try {
            link = Files.createSymbolicLink(tmp.resolve("r.png"), wav.getFileName());
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return;
        }
        ScatterCommandTest.Run r = ScatterCommandTest.run("scalogram", wav.toString(), "--overwrite", "--out", link.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is the same file as INPUT.wav"), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(wav)));
        assertEquals(java.util.List.of("ok.wav", "r.png"), names());
    }
}
