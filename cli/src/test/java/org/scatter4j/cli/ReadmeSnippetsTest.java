package org.scatter4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs every {@code ```java} block of the project's README.md against the modules as
 * built, so the README cannot drift from the API. The cli module sees every library module, so
 * any of them may appear in a snippet.
 *
 * <p>A block is a list of imports followed by statements; it becomes the body of a static method
 * in a class of its own. A statement line that ends with a comment {@code // prints: TEXT} must
 * print TEXT (the snippet's standard output is captured). Code that is not meant to compile goes
 * in a block of another language ({@code ```text}).
 */
class ReadmeSnippetsTest {
    private static final String PRINTS = "// prints: ";

    @TempDir
    Path tmp;

    /** One {@code ```java} block: where it starts in README.md (1-based, the fence line) and its lines. */
    record Snippet(int fenceLine, List<String> lines) {
        String name() {
            return "ReadmeSnippetAtLine" + fenceLine;
        }

        List<String> imports() {
            return lines.stream().filter(l -> l.startsWith("import ")).toList();
        }

        /** The expected outputs, from the {@code // prints: } comments, in order. */
        List<String> expectedPrints() {
            List<String> p = new ArrayList<>();
            for (String l : lines) {
                int at = l.indexOf(PRINTS);
                if (at >= 0) {
                    p.add(l.substring(at + PRINTS.length()).trim());
                }
            }
            return p;
        }

        /**
         * The snippet as a class; each README line keeps its own line number in the generated
         * source, offset by {@link #fenceLine}, so a compiler error names the README's line.
         */
        String source() {
            StringBuilder s = new StringBuilder("package readme;");
            for (String l : lines) {
                s.append('\n').append(l.startsWith("import ") ? l : "");
            }
            s.append("\npublic final class ").append(name()).append(" {\n  public static void run() throws Exception {");
            for (String l : lines) {
                s.append('\n').append(l.startsWith("import ") ? "" : l);
            }
            return s.append("\n  }\n}\n").toString();
        }

        /** README.md's line for line {@code n} (1-based) of {@link #source()}. */
        int readmeLine(long n) {
            int body = lines.size() + 3; // package line, the imports' lines, the two class lines
            return (int) (n <= lines.size() + 1 ? fenceLine + n - 1 : fenceLine + n - body);
        }
    }

    static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("cli"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
    }

    static List<Snippet> snippets(List<String> readme) {
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).strip().equals("```java")) {
                int start = i;
                List<String> body = new ArrayList<>();
                for (i++; i < readme.size() && !readme.get(i).strip().startsWith("```"); i++) {
                    body.add(readme.get(i));
                }
                if (i == readme.size()) {
                    throw new IllegalStateException("README.md line " + (start + 1) + ": ```java block never closed");
                }
                out.add(new Snippet(start + 1, body));
            }
        }
        return out;
    }

    @Test
    void theReadmeHasLibrarySnippets() throws IOException {
        // without this a README whose blocks were all renamed would pass the factory below with no test
        List<Snippet> s = snippets(Files.readAllLines(readme()));
        assertTrue(s.size() >= 2, "README.md should show the library in ```java blocks; found " + s.size());
    }

    @Test
    void blocksAreParsedAndLinesMapBackToTheReadme() {
        List<String> md = List.of("text", "```java", "import java.util.List;", "", "int n = 1;", "System.out.println(n); // prints: 1",
            "```", "```text", "not code", "```");
        List<Snippet> s = snippets(md);
        assertEquals(1, s.size());
        Snippet one = s.get(0);
        assertEquals(List.of("import java.util.List;"), one.imports());
        assertEquals(List.of("1"), one.expectedPrints());
        List<String> src = one.source().lines().toList();
        // README line 5 is "int n = 1;": find it in the generated source and map it back
        int at = src.indexOf("int n = 1;") + 1;
        assertEquals(5, one.readmeLine(at));
        assertEquals(3, one.readmeLine(src.indexOf("import java.util.List;") + 1));
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndRuns() throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Assumptions.assumeTrue(compiler != null,
                "no Java compiler in this runtime (a JRE rather than a JDK): README.md's ```java snippets are not checked");
        List<Snippet> snippets = snippets(Files.readAllLines(readme()));
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        // One javac run for all blocks (javac's own start-up is most of the cost); only if that fails
        // is each block compiled alone, so that each test reports its own block's errors.
        boolean together = compile(compiler, snippets, classes).isEmpty();
        return snippets.stream().map(s -> DynamicTest.dynamicTest("README.md line " + s.fenceLine(), () -> {
            if (!together) {
                Path own = Files.createDirectories(tmp.resolve("classes-" + s.fenceLine()));
                String errors = compile(compiler, List.of(s), own);
                if (!errors.isEmpty()) {
                    fail("README.md's ```java block at line " + s.fenceLine() + " does not compile:" + errors);
                }
                checkOutput(s, runCapturingOutput(s, own));
            } else {
                checkOutput(s, runCapturingOutput(s, classes));
            }
        }));
    }

    /** Compiles the blocks into {@code classes}; returns the errors, with README.md's line numbers ("" if none). */
    private String compile(JavaCompiler compiler, List<Snippet> snippets, Path classes) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src").resolve("readme"));
        List<Path> files = new ArrayList<>();
        for (Snippet s : snippets) {
            Path file = src.resolve(s.name() + ".java");
            Files.writeString(file, s.source());
            files.add(file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString());
            StringWriter log = new StringWriter();
            if (compiler.getTask(log, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files)).call()) {
                return "";
            }
            StringBuilder msg = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    Snippet s = snippets.stream().filter(x -> d.getSource() != null && d.getSource().getName().endsWith(x.name() + ".java"))
                            .findFirst().orElse(snippets.get(0));
                    msg.append("\n  README.md line ").append(s.readmeLine(d.getLineNumber())).append(": ").append(d.getMessage(Locale.ROOT));
                }
            }
            return msg.append('\n').append(log).toString();
        }
    }

    /** Every {@code // prints: } text appears in the output, in order. */
    private static void checkOutput(Snippet snippet, String printed) {
        int from = 0;
        for (String expected : snippet.expectedPrints()) {
            int at = printed.indexOf(expected, from);
            assertTrue(at >= 0, "README.md block at line " + snippet.fenceLine() + " should print \"" + expected
                    + "\" (in order); it printed:\n" + printed);
            from = at + expected.length();
        }
        assertFalse(snippet.lines().isEmpty(), "empty ```java block at line " + snippet.fenceLine());
    }

    /** Runs the snippet's method with System.out captured; the snippet's own exception fails the test. */
    private static String runCapturingOutput(Snippet snippet, Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader());
             PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Method run = loader.loadClass("readme." + snippet.name()).getMethod("run");
            System.setOut(capture);
            try {
                run.invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError("README.md's ```java block at line " + snippet.fenceLine() + " throws " + e.getCause(),
                        e.getCause());
            } finally {
                System.setOut(original);
            }
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        original.print(printed); // still visible in the test log
        return printed;
    }
}
