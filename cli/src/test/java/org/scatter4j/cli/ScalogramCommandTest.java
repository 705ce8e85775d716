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
}
