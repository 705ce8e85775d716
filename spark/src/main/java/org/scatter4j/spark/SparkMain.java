package org.scatter4j.spark;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the Spark commands, apart from the main command line so that it never needs
 * Spark: the launcher {@code ./scatter4j} sends {@code spark-*} subcommands here, and on a cluster
 * {@code spark-submit --class org.scatter4j.spark.SparkMain scatter4j-spark.jar spark-extract ...}.
 */
@Command(name = "scatter4j", mixinStandardHelpOptions = true,
        description = "Scattering features on Apache Spark.",
        subcommands = {SparkExtractCommand.class, SparkMnistCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Runnable {
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
        return new CommandLine(new SparkMain()).setExecutionExceptionHandler(new SparkErrorHandler());
    }
}
