package org.scatter4j.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scatter4j.io.OutputFiles;
import org.scatter4j.io.OutputTransaction;

/**
 * The visual report: runs every demo into one folder and writes {@code index.html} beside their
 * PNGs, each figure followed by what it shows, why it matters and the numbers measured in this run.
 * The page is self-contained for offline reading: no external script, font or style sheet; its one
 * inline script only marks, on the body, how many images the browser managed to draw (the tests read
 * it back through a headless browser).
 */
public final class Report {
    /** Benchmark files looked for in the project folder and included verbatim when present. */
    static final List<String> BENCH_FILES = List.of("bench.json", "BENCH.md");

    private Report() {
    }

    /**
     * Writes the report into {@code out}. {@code home} is the project folder searched for
     * {@link #BENCH_FILES} (may be null: no benchmark section). Returns the index.html path.
     */
    public static Path write(Path out, boolean overwrite, Path home) throws IOException {
        Path index = out.resolve("index.html");
        OutputFiles.prepareFolder(out);
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            outputs.declare(index, "--out"); // refuse before spending time on the demos
            outputs.writeString(index, html(out, overwrite, home));
            outputs.commit();
        }
        return index;
    }

    private static String html(Path out, boolean overwrite, Path home) throws IOException {
        List<DemoResult> results = new ArrayList<>();
        for (Demos d : Demos.values()) {
            results.add(d.run(out, overwrite));
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>scatter4j: the wavelet scattering transform in figures</title>\n<style>\n")
                .append("body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45;")
                .append(" color: #222; }\n")
                .append("figure { display: inline-block; vertical-align: top; margin: 0.6em 0.8em 0.6em 0; } img { max-width: 100%; height: auto; border: 1px solid #ddd; }\n")
                .append("p.numbers { background: #f4f6f8; padding: 0.5em 0.8em; border-left: 3px solid #0072b2; }\n")
                .append("pre { background: #f4f6f8; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }\n")
                .append("code { font-size: 0.95em; }\n</style>\n</head>\n<body data-images-loaded=\"pending\">\n")
                .append("<h1>scatter4j: the wavelet scattering transform in figures</h1>\n")
                .append("<p>Each section below is one teaching demo (<code>./scatter4j demo NAME</code>; source in ")
                .append("<code>samples/src/main/java/org/scatter4j/samples</code>). References: S. Mallat, <i>Group invariant ")
                .append("scattering</i>, Comm. Pure Appl. Math. 65(10), 2012 (\"Mallat 2012\"); J. Bruna and S. Mallat, ")
                .append("<i>Invariant scattering convolution networks</i>, IEEE TPAMI 35(8), 2013 (\"Bruna and Mallat 2013\"); ")
                .append("L. Sifre and S. Mallat, <i>Rotation, scaling and deformation invariant scattering for texture ")
                .append("discrimination</i>, CVPR 2013. Click a figure to open it at full size.</p>\n");
        html.append("<ul>\n");
        for (Demos d : Demos.values()) {
            html.append("<li><a href=\"#").append(d.demoName()).append("\">").append(escape(d.demoName())).append("</a>: ")
                    .append(escape(d.purpose())).append("</li>\n");
        }
        html.append("</ul>\n");
        for (int i = 0; i < results.size(); i++) {
            Demos d = Demos.values()[i];
            DemoResult r = results.get(i);
            html.append("<h2 id=\"").append(d.demoName()).append("\">").append(escape(d.demoName())).append(": ")
                    .append(escape(d.purpose())).append("</h2>\n");
            for (Path png : r.files()) {
                String name = escape(png.getFileName().toString());
                html.append("<figure><a href=\"").append(name).append("\"><img src=\"").append(name).append("\" alt=\"")
                        .append(name).append("\"></a></figure>\n");
            }
            html.append("<p>").append(escape(d.explanation())).append("</p>\n");
            html.append("<p class=\"numbers\">Measured in this run: ").append(escape(r.summary())).append("</p>\n");
        }
        appendBenchmarks(html, home);
        html.append("<script>\n// counts the images the browser decoded; read back by the report's headless-browser test\n")
                .append("window.addEventListener('load', function () {\n")
                .append("  var images = document.images, drawn = 0;\n")
                .append("  for (var i = 0; i < images.length; i++) {\n")
                .append("    if (images[i].complete && images[i].naturalWidth > 0) { drawn++; }\n")
                .append("  }\n")
                .append("  document.body.setAttribute('data-images-loaded', drawn + '/' + images.length);\n")
                .append("});\n</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void appendBenchmarks(StringBuilder html, Path home) throws IOException {
        List<Path> found = new ArrayList<>();
        if (home != null) {
            for (String name : BENCH_FILES) {
                if (Files.isRegularFile(home.resolve(name))) {
                    found.add(home.resolve(name));
                }
            }
        }
        html.append("<h2 id=\"benchmarks\">Benchmarks</h2>\n");
        if (found.isEmpty()) {
            html.append("<p>No benchmark results (")
                    .append(escape(String.join(" or ", BENCH_FILES)))
                    .append(") in the project folder; <code>./scatter4j bench --json bench.json</code> produces them.</p>\n");
            return;
        }
        for (Path f : found) {
            html.append("<p>Latest results from <code>").append(escape(f.getFileName().toString())).append("</code> (")
                    .append(Files.getLastModifiedTime(f)).append("):</p>\n<pre>")
                    .append(escape(Files.readString(f, StandardCharsets.UTF_8))).append("</pre>\n");
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
