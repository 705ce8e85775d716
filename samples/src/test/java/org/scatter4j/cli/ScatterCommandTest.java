package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;
import org.scatter4j.scattering.Scattering2D;
import picocli.CommandLine;

/** The {@code scatter} command end to end: formats, shapes, the paths file, and every refusal. */
class ScatterCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void npyBatchGivesTheLibrarysCoefficientsAndAPathsFile() throws Exception {
        double[] x = new double[3 * 20 * 24];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(0.37 * i) + 0.1 * (i % 7);
        }
        Path in = tmp.resolve("x.npy");
        Npy.write(in, x, 3, 20, 24);
        Path out = tmp.resolve("s.npy");
        Run r = run("scatter", "--J", "2", "--L", "6", "--precision", "float64", "--threads", "2", in.toString(), out.toString());
        assertEquals(0, r.exit(), r.err());
        NpyArray s = Npy.read(out);
        Scattering2D t = Scattering2D.builder().J(2).L(6).shape(20, 24).build();
        assertArrayEquals(new int[] {3, t.channelCount(), t.outputHeight(), t.outputWidth()}, s.shape());
        double[] expected = new double[3 * t.outputLength()];
        t.transformBatch(x, 3, expected, 1);
        assertArrayEquals(expected, s.toDoubleArray(), 0.0);
        String json = Files.readString(tmp.resolve("s.paths.json"));
        assertTrue(json.contains("\"order\": 2") && json.contains("\"theta_radians\""), json);
    }

    @Test
    void existingOutputIsNeverOverwrittenUnasked() throws Exception {
        Path in = tmp.resolve("x.npy");
        Npy.write(in, new double[16 * 16], 16, 16);
        Path out = tmp.resolve("s.npy");
        Files.writeString(out, "precious");
        Run r = run("scatter", "--J", "2", in.toString(), out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("exists; pass --overwrite"), r.err());
        assertEquals("precious", Files.readString(out));
        assertEquals(0, run("scatter", "--J", "2", "--overwrite", in.toString(), out.toString()).exit());
        assertEquals(4, Npy.read(out).shape().length);
    }

    @Test
    void aFolderOfImagesIsOneBatchAndMismatchedSizesAreRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("imgs"));
        for (String name : new String[] {"b.png", "a.png"}) {
            BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setSample(3, 4, 0, 200);
            ImageIO.write(img, "png", dir.resolve(name).toFile());
        }
        Run ok = run("scatter", "--J", "2", dir.toString(), tmp.resolve("f.npy").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(2, Npy.read(tmp.resolve("f.npy")).shape()[0]);
        assertTrue(Files.readString(tmp.resolve("f.paths.json")).contains("a.png"));
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", dir.resolve("c.png").toFile());
        Run bad = run("scatter", "--J", "2", dir.toString(), tmp.resolve("g.npy").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("c.png: size 12x10 differs"), bad.err());
        assertTrue(Files.notExists(tmp.resolve("g.npy")));
    }

    @Test
    void badParametersAndFilesGetOneClearLine() throws Exception {
        Path in = tmp.resolve("x.npy");
        Npy.write(in, new double[16 * 16], 16, 16);
        assertTrue(run("scatter", "--J", "5", in.toString(), tmp.resolve("a.npy").toString()).err().contains("smaller than 2^J"));
        assertTrue(run("scatter", "--J", "2", "--L", "0", in.toString(), tmp.resolve("a.npy").toString()).err().contains("L=0"));
        assertTrue(run("scatter", "--J", "2", "--max-order", "3", in.toString(), tmp.resolve("a.npy").toString()).err()
                .contains("maxOrder=3"));
        assertTrue(run("scatter", "--J", "2", "--precision", "half", in.toString(), tmp.resolve("a.npy").toString()).err()
                .contains("--precision must be float32 or float64"));
        double[] nan = new double[16 * 16];
        nan[5] = Double.NaN;
        Npy.write(tmp.resolve("nan.npy"), nan, 16, 16);
        assertTrue(run("scatter", "--J", "2", tmp.resolve("nan.npy").toString(), tmp.resolve("a.npy").toString()).err()
                .contains("non-finite pixel NaN"));
        Files.write(tmp.resolve("bad.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M'});
        Run corrupt = run("scatter", "--J", "2", tmp.resolve("bad.npy").toString(), tmp.resolve("a.npy").toString());
        assertEquals(2, corrupt.exit());
        assertTrue(corrupt.err().contains("bad.npy"), corrupt.err());
        Npy.write(tmp.resolve("four.npy"), new double[16], 1, 1, 4, 4);
        assertTrue(run("scatter", "--J", "1", tmp.resolve("four.npy").toString(), tmp.resolve("a.npy").toString()).err()
                .contains("expected shape (M, N) or (B, M, N)"));
        Run noFolder = run("scatter", "--J", "2", in.toString(), tmp.resolve("missing/a.npy").toString());
        assertTrue(noFolder.err().contains("does not exist"), noFolder.err());
        assertTrue(Files.notExists(tmp.resolve("a.npy")));
    }
}
