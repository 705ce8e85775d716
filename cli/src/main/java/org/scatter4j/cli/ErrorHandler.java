package org.scatter4j.cli;

import picocli.CommandLine;

/**
 * Turns the library's validation errors into one clear line on standard error and exit code 2,
 * instead of a stack trace; unexpected failures keep their stack trace, since they are bugs.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                || ex instanceof IllegalStateException) {
            cmd.getErr().println("scatter4j " + cmd.getCommandName() + ": " + ex.getMessage());
            return 2;
        }
        ex.printStackTrace(cmd.getErr());
        return 1;
    }
}
