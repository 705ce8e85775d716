package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.scatter4j.testsupport.ReferenceNpy;

/**
 * Every case of Kymatio's reference manifest ({@code shared/reference/kymatio}, copied into the test
 * resources): same paths, same shapes, and coefficients equal to relative L2 1e-5 per channel, in
 * float64 and in float32 arithmetic (the float32 cascade measured 2.5e-7 to 1.5e-6 on these cases).
 */
class KymatioAgreementTest {

    record Case(String folder, String name, String input, String output, int J, int L, int maxOrder, int[] paddedShape,
            int[] outputShape, List<ScatteringPath> paths) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * The shared reference's cases, then those of {@code kymatio-extra} (sizes and parameters not in
     * the shared reference: non-square, odd sizes, J up to 4, L = 4, 6, 8, 12; made by
     * tools/kymatio_reference.py with the same Kymatio commit).
     */
    static Stream<Case> cases() throws IOException {
        List<Case> all = new ArrayList<>(read("kymatio"));
        assertEquals(5, all.size(), "cases in the shared manifest");
        List<Case> extra = read("kymatio-extra");
        assertEquals(5, extra.size(), "cases in the extra manifest");
        all.addAll(extra);
        return all.stream();
    }

    static List<Case> read(String folder) throws IOException {
        String json;
        try (InputStream in = KymatioAgreementTest.class.getResourceAsStream("/" + folder + "/manifest.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
        }
        List<Case> cases = new ArrayList<>();
        for (String block : json.split("\\{\"case\":")) {
            if (!block.startsWith("\"")) {
                continue;
            }
            List<ScatteringPath> paths = new ArrayList<>();
            Matcher m = Pattern.compile("\\{\"order\":(\\d),\"j\":\\[([\\d,]*)],\"theta\":\\[([\\d,]*)]}").matcher(block);
            while (m.find()) {
                int[] j = ints(m.group(2));
                int[] t = ints(m.group(3));
                paths.add(switch (Integer.parseInt(m.group(1))) {
                    case 0 -> ScatteringPath.zeroth();
                    case 1 -> ScatteringPath.first(j[0], t[0]);
                    default -> ScatteringPath.second(j[0], t[0], j[1], t[1]);
                });
            }
            cases.add(new Case(folder, field(block, "^\"([^\"]+)\""), field(block, "\"input\":\"([^\"]+)\""),
                    field(block, "\"output\":\"([^\"]+)\""), Integer.parseInt(field(block, "\"J\":(\\d+)")),
                    Integer.parseInt(field(block, "\"L\":(\\d+)")), Integer.parseInt(field(block, "\"max_order\":(\\d+)")),
                    ints(field(block, "\"padded_shape\":\\[([\\d,]+)]")), ints(field(block, "\"output_shape\":\\[([\\d,]+)]")),
                    paths));
        }
        return cases;
    }

    private static String field(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("manifest lacks " + regex);
        }
        return m.group(1);
    }

    private static int[] ints(String csv) {
        return csv.isEmpty() ? new int[0] : Stream.of(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Largest per-channel relative L2 error of actual against expected, both (B, K, P). */
    static double worstChannelError(double[] actual, double[] expected, int channels, int plane) {
        double worst = 0;
        for (int c = 0; c < expected.length / plane; c++) {
            double num = 0;
            double den = 0;
            for (int p = c * plane; p < (c + 1) * plane; p++) {
                num += (actual[p] - expected[p]) * (actual[p] - expected[p]);
                den += expected[p] * expected[p];
            }
            worst = Math.max(worst, Math.sqrt(num / Math.max(den, Double.MIN_NORMAL)));
        }
        return worst;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float64MatchesKymatio(Case c) throws IOException {
        ReferenceNpy in = ReferenceNpy.load("/" + c.folder() + "/" + c.input());
        ReferenceNpy ref = ReferenceNpy.load("/" + c.folder() + "/" + c.output());
        int B = in.shape()[0];
        Scattering2D s = Scattering2D.builder().J(c.J()).L(c.L()).maxOrder(c.maxOrder()).shape(in.shape()[1], in.shape()[2]).build();
        assertEquals(c.paddedShape()[0], s.padding().paddedHeight());
        assertEquals(c.paddedShape()[1], s.padding().paddedWidth());
        assertArrayEquals(c.outputShape(), new int[] {B, s.channelCount(), s.outputHeight(), s.outputWidth()});
        if (!c.paths().isEmpty()) {
            assertEquals(c.paths(), s.paths());
        }
        double[] out = new double[B * s.outputLength()];
        s.transformBatch(in.data(), B, out, 2);
        double err = worstChannelError(out, ref.data(), s.channelCount(), s.outputHeight() * s.outputWidth());
        assertTrue(err <= 1e-5, c.name() + ": worst channel relative error " + err);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void float32MatchesKymatio(Case c) throws IOException {
        ReferenceNpy in = ReferenceNpy.load("/" + c.folder() + "/" + c.input());
        ReferenceNpy ref = ReferenceNpy.load("/" + c.folder() + "/" + c.output());
        int B = in.shape()[0];
        Scattering2D s = Scattering2D.builder().J(c.J()).L(c.L()).maxOrder(c.maxOrder()).shape(in.shape()[1], in.shape()[2]).build();
        float[] images = new float[in.data().length];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) in.data()[i];
        }
        float[] out = s.transformBatch(images, B);
        double[] wide = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            wide[i] = out[i];
        }
        double err = worstChannelError(wide, ref.data(), s.channelCount(), s.outputHeight() * s.outputWidth());
        assertTrue(err <= 1e-5, c.name() + ": worst channel relative error " + err);
    }
}
