package org.scatter4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code scatter4j} command line. Each subcommand is a small picocli class that
 * parses its options, calls the library and prints; no mathematics lives here.
 */
@Command(name = "scatter4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Wavelet scattering transforms, classifiers and benchmarks.",
        subcommands = {MnistCommand.class, TexturesCommand.class, SpeechCommand.class, ScatterCommand.class, Scatter1dCommand.class,
            ScalogramCommand.class, FiltersCommand.class, BenchCommand.class, PredictCommand.class, DownloadCommand.class,
            DemoCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code;
        try {
            code = newCommandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; by now the command's try-with-resources have removed
            // its partial outputs, and the heap the stack unwound is free again for this line
            System.err.println("scatter4j: out of memory (OutOfMemoryError: " + e.getMessage() + " at " + Runtime.getRuntime().maxMemory()
                    / (1 << 20) + " MB of heap); give Java more with -Xmx (SCATTER4J_JAVA_OPTS=-Xmx8g for ./scatter4j), or"
                    + " give it less at once (scatter: --chunk, --tile; scatter1d, scalogram: a lower --Q, or the signal in"
                    + " shorter pieces)");
            code = 2;
        }
        System.exit(code);
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(ErrorHandler::usageError);
        DemoCommand.describeDemos(cl.getSubcommands().get("demo"));
        return cl;
    }

    /**
     * The project's version, from {@code version.properties}, which Maven fills in at build time
     * (the cli module filters that one resource), so the jar, the tests and an IDE run all print
     * the version of the pom they were built from.
     */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "version.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"scatter4j " + projectVersion(), "Java " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.name") + ")"};
        }

        /** The version the build wrote; a clear error if the resource is missing or was not filtered. */
        static String projectVersion() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("org/scatter4j/cli/" + RESOURCE + " is missing from the class path");
                }
                p.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read org/scatter4j/cli/" + RESOURCE, e);
            }
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("org/scatter4j/cli/" + RESOURCE + " was not filtered by Maven (version=" + v + ")");
            }
            return v;
        }
    }
}
