package org.scatter4j.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the float32 kernels of the cascade from their float64 sources, so that the two precisions
 * share one hand-written text (EJML generates its float classes from the double ones the same way).
 * The float64 code is the one to read and edit; after an edit, run from the project root:
 * <pre>
 *   mvn -q -pl codegen compile &amp;&amp; java -cp codegen/target/classes org.scatter4j.codegen.Float32Kernels
 * </pre>
 * {@code Float32KernelsTest} fails the build when a committed float32 source differs from what this
 * writes, so a hand edit of generated code cannot go unnoticed.
 *
 * <p>Each float32 twin is a file of its own, written from a whole float64 file and named after it
 * with the {@code 32} suffix: {@code LaneFft2D32.java} from {@code LaneFft2D.java}, and so on.
 * The conversion ({@link #convert}): given identifiers renamed (word by word), {@code double} becomes
 * {@code float}, decimal literals get an {@code f}, and {@code Math.sqrt/cos/sin/log} results are
 * cast to float; a line marked {@link #KEEP_FLOAT64} (a sum over many pixels) keeps float64. Only
 * code written for it is converted: each source is checked to compile both ways.
 */
public final class Float32Kernels {
    private Float32Kernels() {
    }

    /** A float32 file written from a whole float64 file. */
    record WholeFile(String source, String target, Map<String, String> renames) {
    }

    private static final String FFT = "wavelets/src/main/java/org/scatter4j/wavelets/fft/";
    private static final String WAVELETS = "wavelets/src/main/java/org/scatter4j/wavelets/";
    private static final String SCATTERING = "scattering/src/main/java/org/scatter4j/scattering/";
    private static final String ROTO = "rototranslation/src/main/java/org/scatter4j/rototranslation/";
    private static final String ENGINE = SCATTERING + "engine/";
    private static final String INTERNAL = SCATTERING + "internal/";
    private static final String BENCHMARKS = "benchmarks/src/main/java/org/scatter4j/benchmarks/";

    /** What every cascade's float32 twin renames: the engine's block, the FFTs, the filters' scratch. */
    private static final Map<String, String> CASCADE_RENAMES = map(
            "LaneBlock64", "LaneBlock32",
            "Fft2D", "Fft2D32",
            "Fft2DFactory", "Fft2DFactory32",
            "Scratch", "Scratch32",
            "newScratch", "newScratch32",
            "Product", "Product32",
            "SparseFourierKernels", "SparseFourierKernels32",
            "LowPassKernels", "LowPassKernels32",
            "LanePadding", "LanePadding32");

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(map(pairs));
        return m;
    }

    /** The FFT classes and the fields of FftPlan whose float32 copies they read. */
    private static final Map<String, String> FFT_RENAMES = map(
            "Butterflies", "Butterflies32",
            "Stockham", "Stockham32",
            "LaneFft2D", "LaneFft2D32",
            "LaneFft1D", "LaneFft1D32",
            "Fft2D", "Fft2D32",
            "Fft2DFactory", "Fft2DFactory32",
            "Double", "Float",
            "twRe", "twRe32",
            "twIm", "twIm32",
            "dftCos", "dftCos32",
            "dftSin", "dftSin32");

    static final List<WholeFile> WHOLE_FILES = List.of(
            new WholeFile(FFT + "Butterflies.java", FFT + "Butterflies32.java", FFT_RENAMES),
            new WholeFile(FFT + "Stockham.java", FFT + "Stockham32.java", FFT_RENAMES),
            new WholeFile(FFT + "Fft2D.java", FFT + "Fft2D32.java", FFT_RENAMES),
            new WholeFile(FFT + "LaneFft2D.java", FFT + "LaneFft2D32.java", FFT_RENAMES),
            new WholeFile(FFT + "LaneFft1D.java", FFT + "LaneFft1D32.java", FFT_RENAMES),
            new WholeFile(FFT + "Fft2DFactory.java", FFT + "Fft2DFactory32.java", FFT_RENAMES),
            new WholeFile(SCATTERING + "Scattering1DCascade.java", SCATTERING + "Scattering1DCascade32.java",
                    with(CASCADE_RENAMES, "Scattering1DCascade", "Scattering1DCascade32", "LaneFft1D", "LaneFft1D32",
                            "nonzeroValues", "nonzeroValues32", "nonzeroRuns", "nonzeroRuns32", "nonzeroOffsets", "nonzeroOffsets32")),
            new WholeFile(WAVELETS + "LanePadding.java", WAVELETS + "LanePadding32.java",
                    Map.of("LanePadding", "LanePadding32")),
            new WholeFile(INTERNAL + "SparseFourierKernels.java", INTERNAL + "SparseFourierKernels32.java", map(
                    "SparseFourierKernels", "SparseFourierKernels32",
                    "Scratch", "Scratch32",
                    "newScratch", "newScratch32",
                    "weights", "weights32",
                    "denseWeights", "denseWeights32",
                    "groupWeights", "groupWeights32",
                    "Product", "Product32",
                    "Fft2D", "Fft2D32")),
            new WholeFile(INTERNAL + "LowPassKernels.java", INTERNAL + "LowPassKernels32.java", map(
                    "LowPassKernels", "LowPassKernels32",
                    "Scratch", "Scratch32",
                    "newScratch", "newScratch32",
                    "rowWeight", "rowWeight32",
                    "colWeight", "colWeight32")),
            new WholeFile(ROTO + "AngularConvolution.java", ROTO + "AngularConvolution32.java",
                    Map.of("AngularConvolution", "AngularConvolution32")),
            new WholeFile(ENGINE + "LaneBlock64.java", ENGINE + "LaneBlock32.java",
                    map("LaneBlock64", "LaneBlock32", "Float64", "Float32", "Double", "Float")),
            new WholeFile(SCATTERING + "TranslationCascade.java", SCATTERING + "TranslationCascade32.java",
                    with(CASCADE_RENAMES, "TranslationCascade", "TranslationCascade32")),
            new WholeFile(ROTO + "RotoCascade.java", ROTO + "RotoCascade32.java",
                    with(CASCADE_RENAMES, "RotoCascade", "RotoCascade32", "AngularConvolution", "AngularConvolution32",
                            "invHat", "invHat32")),
            new WholeFile(BENCHMARKS + "LaneOps.java", BENCHMARKS + "LaneOps32.java", Map.of("LaneOps", "LaneOps32")));

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_][A-Za-z_0-9]*\\b");
    /** A decimal literal with a point (1.0, 0.5, 2.5e-3), not part of a longer token. */
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.])(\\d+\\.\\d+(?:[eE][-+]?\\d+)?)(?![\\w.])");
    /** A Javadoc tag naming code: {@code {@link ...}}, {@code {@linkplain ...}} or {@code {@code ...}}, without nested braces. */
    private static final Pattern CODE_TAG = Pattern.compile("\\{@(?:link|linkplain|code) [^{}]*\\}");
    private static final Pattern MATH = Pattern.compile("(?<!\\(float\\) )\\bMath\\.(sqrt|cos|sin|log)\\(");
    /** A line with this comment keeps its float64 types and literals in the float32 code (renames still apply). */
    public static final String KEEP_FLOAT64 = "// float64 in both";

    /**
     * The float32 text of float64 code: renames, then double to float, float literals, float-valued
     * Math; a line holding {@link #KEEP_FLOAT64} gets the renames only. Comments are prose and are left
     * as they are (a comment's "2.5 times" is not a literal), except inside their {@code {@link ...}}
     * and {@code {@code ...}} tags, which name code (renames and double to float); string literals get
     * the renames only (an error message names the class that throws it).
     */
    public static String convert(String text, Map<String, String> renames) {
        StringBuilder out = new StringBuilder();
        boolean inBlockComment = false;
        for (String line : text.split("(?<=\n)", -1)) {
            boolean keep = line.contains(KEEP_FLOAT64);
            int i = 0;
            int n = line.length();
            while (i < n) {
                int end;
                if (inBlockComment) {
                    int close = line.indexOf("*/", i);
                    end = close < 0 ? n : close + 2;
                    inBlockComment = close < 0;
                    out.append(comment(line.substring(i, end), renames));
                } else {
                    end = codeEnd(line, i);
                    String code = replaceWords(line.substring(i, end), renames);
                    out.append(keep ? code : toFloat(replaceWords(code, Map.of("double", "float"))));
                    if (end < n) {
                        if (line.startsWith("//", end)) {
                            out.append(comment(line.substring(end), renames));
                            end = n;
                        } else if (line.startsWith("/*", end)) {
                            inBlockComment = true;
                            out.append("/*");
                            end += 2;
                        } else { // a string or character literal
                            int close = literalEnd(line, end);
                            out.append(replaceWords(line.substring(end, close), renames));
                            end = close;
                        }
                    }
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** A comment's text: the code named in its {@code {@link ...}} and {@code {@code ...}} tags converted. */
    private static String comment(String text, Map<String, String> renames) {
        Matcher tag = CODE_TAG.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (tag.find()) {
            String code = replaceWords(replaceWords(tag.group(), renames), Map.of("double", "float"));
            tag.appendReplacement(sb, Matcher.quoteReplacement(code));
        }
        tag.appendTail(sb);
        return sb.toString();
    }

    /** Where the code from {@code from} ends: the start of a comment or literal, or the end of the line. */
    private static int codeEnd(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'' || (c == '/' && i + 1 < line.length() && (line.charAt(i + 1) == '/' || line.charAt(i + 1) == '*'))) {
                return i;
            }
        }
        return line.length();
    }

    /** The index after the string or character literal that opens at {@code start}. */
    private static int literalEnd(String line, int start) {
        char quote = line.charAt(start);
        for (int i = start + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        return line.length();
    }

    private static String replaceWords(String text, Map<String, String> words) {
        Matcher w = WORD.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (w.find()) {
            String to = words.get(w.group());
            w.appendReplacement(sb, Matcher.quoteReplacement(to != null ? to : w.group()));
        }
        w.appendTail(sb);
        return sb.toString();
    }

    private static String toFloat(String text) {
        String s = DECIMAL.matcher(text).replaceAll("$1f");
        return MATH.matcher(s).replaceAll("(float) Math.$1(");
    }

    /** The expected content of every generated file, given the float64 sources under {@code root}. */
    public static Map<Path, String> generate(Path root) {
        Map<Path, String> out = new LinkedHashMap<>();
        for (WholeFile f : WHOLE_FILES) {
            String source = read(root.resolve(f.source()));
            String name = Path.of(f.source()).getFileName().toString();
            out.put(root.resolve(f.target()), "// GENERATED from " + name + " by org.scatter4j.codegen.Float32Kernels: do not edit.\n"
                    + "// Edit " + name + " and run the generator (see its Javadoc).\n" + convert(source, f.renames()));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /** Writes every generated file that differs; {@code args[0]}: the project root (default: the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        for (Map.Entry<Path, String> e : generate(root).entrySet()) {
            Path p = e.getKey();
            String old = Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
            if (!e.getValue().equals(old)) {
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
                System.out.println("wrote " + root.relativize(p));
            }
        }
    }
}
