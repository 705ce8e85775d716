package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signals demo writes its three figures, each with real content (many colours, not a flat image). */
class SignalsDemoTest {
    @TempDir
    Path tmp;

    @Test
    void writesThreeNonTrivialFigures() throws Exception {
        DemoResult r = SignalsDemo.run(tmp, false);
        PngFiles.assertReadable(r, tmp, "signals_chirp.png", "signals_digit.png", "signals_averaging.png");
        for (Path f : r.files()) {
            BufferedImage img = ImageIO.read(f.toFile());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 100, f + " has only " + colours.size() + " colours");
        }
        assertTrue(r.summary().contains("32 at T = 256") && r.summary().contains("1 at T = 8192"), r.summary());
    }
}
