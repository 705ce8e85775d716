package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demos without a numerical claim of their own: they run from main and write their figures, and never overwrite unasked. */
class DemoFiguresTest {
    @TempDir
    Path tmp;

    @Test
    void filtersFromMain() throws Exception {
        FiltersDemo.main(new String[] {tmp.toString()});
        for (String f : new String[] {"filters_phi_spatial.png", "filters_phi_fourier.png", "filters_littlewood_paley.png",
            "filters_montage.png"}) {
            assertTrue(Files.size(tmp.resolve(f)) > 5000, f);
        }
        // a second run refuses to overwrite, and names the file and the flag
        IOException e = assertThrows(IOException.class, () -> FiltersDemo.run(tmp, false));
        assertTrue(e.getMessage().contains("filters_phi_spatial.png exists; pass --overwrite"), e.getMessage());
        FiltersDemo.main(new String[] {tmp.toString(), "--overwrite"});
    }

    @Test
    void coefficients() throws Exception {
        PngFiles.assertReadable(CoefficientsDemo.run(tmp, false), tmp, "coefficients_digit.png", "coefficients_disk_order1.png",
                "coefficients_disk_order2.png", "coefficients_maps_order1.png", "coefficients_maps_order2.png");
    }

    @Test
    void textures() throws Exception {
        PngFiles.assertReadable(TexturesDemo.run(tmp, false), tmp, "textures.png");
        TexturesDemo.Profiles p = TexturesDemo.measure();
        // angles increasing over [0, 180), every profile positive
        for (int k = 1; k < p.angles().length; k++) {
            assertTrue(p.angles()[k] > p.angles()[k - 1] && p.angles()[k] < 180);
        }
        for (double[][] texture : p.profile()) {
            for (double[] scale : texture) {
                for (double v : scale) {
                    assertTrue(v > 0);
                }
            }
        }
    }

    @Test
    void unknownDemoNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Demos.byName("wavelets"));
        assertTrue(e.getMessage().contains("NAME=wavelets") && e.getMessage().contains("deformation"), e.getMessage());
    }
}
