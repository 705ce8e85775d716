package org.scatter4j.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Helpers shared by the io tests: committed test resources and an optional python3 + numpy. */
final class TestFiles {
    private TestFiles() {
    }

    /** A committed test resource under {@code org/scatter4j/io/}, as a file path. */
    static Path resource(String relative) {
        URL url = TestFiles.class.getResource("/org/scatter4j/io/" + relative);
        if (url == null) {
            throw new IllegalStateException("missing test resource org/scatter4j/io/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The full MNIST folder of the shared data ({@code ../shared/data/mnist} beside the project root,
     * found by walking up from the working directory, which is the module's folder under Maven), or
     * a path that does not exist when it is absent (the tests that need it are then skipped).
     */
    static Path sharedMnist() {
        return sharedData("mnist");
    }

    /** A data set folder of the shared data, found like {@link #sharedMnist()}. */
    static Path sharedData(String name) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(name);
            if (java.nio.file.Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "..", "shared", "data", name);
    }

    /** True if {@code python3 -c 'import numpy'} succeeds within 30 s. */
    static boolean pythonWithNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a python3 script and returns its standard output; fails on a non-zero exit. */
    static String python(String script, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "python3";
            cmd[1] = "-c";
            cmd[2] = script;
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("python3 failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
