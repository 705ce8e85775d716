package org.scatter4j.spark;

import java.io.IOException;
import picocli.CommandLine;

/**
 * As the main command line's error handler: bad input gives one line on standard error and exit
 * code 2, no stack trace; unexpected failures keep their stack trace (bugs). A task's error reaches
 * the driver wrapped in Spark's exceptions, so the cause chain is searched for the original.
 */
final class SparkErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof IOException || t instanceof IllegalStateException) {
                cmd.getErr().println("scatter4j " + cmd.getCommandName() + ": " + t.getMessage());
                return 2;
            }
        }
        ex.printStackTrace(cmd.getErr());
        return 1;
    }
}
