package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report gathers every demo's figures, explains each, includes the benchmark file, refuses to
 * overwrite unasked, and renders in a real headless browser with every image drawn. The report is
 * built once (it runs every demo) and shared by the tests.
 */
class ReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path tmp;

    static Path out;
    static Path index;
    static String html;

    @BeforeAll
    static void buildReport() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(home.resolve("BENCH.md"), "| case | ms/image |\n|---|---|\n| a <28x28> | 0.42 |\n");
        out = tmp.resolve("report");
        index = Report.write(out, false, home);
        html = Files.readString(index, StandardCharsets.UTF_8);
    }

    @Test
    void everyDemoHasItsFiguresAndExplanation() throws IOException {
        List<String> sources = imageSources();
        for (Demos d : Demos.values()) {
            assertTrue(html.contains("id=\"" + d.demoName() + "\""), "no section for " + d.demoName());
            assertTrue(html.contains(Report.escape(d.explanation())), "no explanation for " + d.demoName());
            assertTrue(sources.stream().anyMatch(s -> s.startsWith(d.demoName())), "no figure of " + d.demoName() + " in " + sources);
        }
        assertTrue(sources.size() >= 16, "only " + sources.size() + " figures");
        for (String s : sources) {
            assertTrue(Files.size(out.resolve(s)) > 5000, s + " missing or tiny");
        }
        assertTrue(html.contains("Mallat 2012") && html.contains("Bruna and Mallat 2013"));
        assertTrue(html.contains("Measured in this run: Test error"), "MNIST numbers missing");
    }

    @Test
    void readableOfflineAndIncludesTheBenchmarks() {
        // nothing fetched from elsewhere: no external script, style sheet, font or image
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "external reference in the report");
        assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("), "external resource");
        assertTrue(html.contains("BENCH.md") && html.contains("| a &lt;28x28&gt; | 0.42 |"), "benchmark table missing or unescaped");
    }

    @Test
    void refusesToOverwriteUnasked() {
        IOException e = assertThrows(IOException.class, () -> Report.write(out, false, null));
        assertTrue(e.getMessage().contains("index.html exists; pass --overwrite"), e.getMessage());
    }

    @Test
    void everyImageRendersInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is absent; install it with `apt-get install -y chromium`"
                + " (Debian) to check that the report renders in a real browser");
        Path profile = Files.createDirectories(tmp.resolve("chromium-profile"));
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", index.toUri().toString())
                .redirectError(err.toFile())
                .start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish in 90 s");
        String text = new String(dom, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(err));
        Matcher m = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"").matcher(text);
        assertTrue(m.find(), "the page's load script did not run; DOM starts with: " + text.substring(0, Math.min(400, text.length())));
        int images = imageSources().size();
        assertEquals(images, Integer.parseInt(m.group(2)), "images in the DOM");
        assertEquals(images, Integer.parseInt(m.group(1)), "images drawn (naturalWidth > 0) out of " + images);
    }

    private static List<String> imageSources() {
        List<String> sources = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            sources.add(m.group(1));
        }
        return sources;
    }
}
