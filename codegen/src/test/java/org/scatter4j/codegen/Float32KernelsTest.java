package org.scatter4j.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Float32KernelsTest {

    /** Surefire runs in the module's directory; the sources are in its siblings. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void committedFloat32SourcesAreWhatTheGeneratorWrites() throws IOException {
        Map<Path, String> expected = Float32Kernels.generate(ROOT);
        assertEquals(Float32Kernels.WHOLE_FILES.size(), expected.size());
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            assertTrue(Files.exists(e.getKey()), e.getKey() + " is missing: run org.scatter4j.codegen.Float32Kernels");
            assertEquals(e.getValue(), Files.readString(e.getKey(), StandardCharsets.UTF_8),
                    ROOT.relativize(e.getKey()) + " differs from its float64 source's conversion: edit the float64 code and "
                            + "run org.scatter4j.codegen.Float32Kernels (see its Javadoc)");
        }
    }

    @Test
    void conversionRenamesWholeWordsOnly() {
        String in = "double[] twRe = new double[n]; LaneFft2D f; JTransformsFft2D g; Fft2D h; double x = 0.5 * y + 1e-10 + 2.0e-3; "
                + "re[p] = Math.sqrt(a); double[] doubles; v1.2.3";
        String out = Float32Kernels.convert(in, Map.of("twRe", "twRe32", "Fft2D", "Fft2D32", "LaneFft2D", "LaneFft2D32"));
        assertEquals("float[] twRe32 = new float[n]; LaneFft2D32 f; JTransformsFft2D g; Fft2D32 h; float x = 0.5f * y + 1e-10 + "
                + "2.0e-3f; re[p] = (float) Math.sqrt(a); float[] doubles; v1.2.3", out);
    }

    @Test
    void commentsStayProseButTheirCodeTagsAndStringsAreRenamed() {
        String in = "/** Scratch for {@link #apply(double[], Scratch)}: 2.5 times slower (section 12.3). */\n"
                + "double x = 2.5; // 2.5 times, Scratch\n"
                + "/* a block comment over\n   two lines: 1.5 double */ double y = 1.5;\n"
                + "throw new IllegalStateException(\"Scratch of 1.5 doubles\"); char c = '/';\n";
        String out = Float32Kernels.convert(in, Map.of("Scratch", "Scratch32"));
        assertEquals("/** Scratch for {@link #apply(float[], Scratch32)}: 2.5 times slower (section 12.3). */\n"
                + "float x = 2.5f; // 2.5 times, Scratch\n"
                + "/* a block comment over\n   two lines: 1.5 double */ float y = 1.5f;\n"
                + "throw new IllegalStateException(\"Scratch32 of 1.5 doubles\"); char c = '/';\n", out);
    }
}
