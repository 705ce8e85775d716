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
        subcommands = {MnistCommand.class, TexturesCommand.class, SpeechCommand.class, ScatterCommand.class, Scatter1dCommand.class, ScalogramCommand.class, FiltersCommand.class, BenchCommand.class,
            DownloadCommand.class, DemoCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        DemoCommand.describeDemos(cl.getSubcommands().get("demo"));
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"scatter4j " + (v == null ? "development build" : v)};
        }
    }
}
