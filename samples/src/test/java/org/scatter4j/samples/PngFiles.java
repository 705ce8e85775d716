package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Test helper: the files a demo reports are PNGs that decode, of a readable size, in the folder asked for. */
final class PngFiles {
    private PngFiles() {
    }

    static void assertReadable(DemoResult r, Path folder, String... expectedNames) throws IOException {
        assertEquals(List.of(expectedNames), r.files().stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : r.files()) {
            assertEquals(folder.toAbsolutePath(), f.toAbsolutePath().getParent());
            BufferedImage img = ImageIO.read(f.toFile());
            assertNotNull(img, f + " is not a readable PNG");
            assertTrue(img.getWidth() >= 200 && img.getHeight() >= 200, f + " is only " + img.getWidth() + "x" + img.getHeight());
            assertTrue(Files.size(f) > 5000, f + " is suspiciously small");
        }
        assertTrue(!r.summary().isBlank());
    }
}
