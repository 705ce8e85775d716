package org.scatter4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.scatter4j.io.OutputFiles;
import picocli.CommandLine;

/**
 * Turns the library's validation errors and file failures into one clear line on standard error
 * and exit code 2, instead of a stack trace; unexpected failures keep their stack trace, since they
 * are bugs.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof IllegalStateException) {
            cmd.getErr().println("scatter4j " + cmd.getCommandName() + ": " + message(e));
            return 2;
        }
        ex.printStackTrace(cmd.getErr());
        return 1;
    }

    /**
     * A usage error (unknown option, missing or malformed value) as one line that points to the
     * command's help, exit code 2, instead of the message followed by the whole usage text, which
     * buried the one line that says what is wrong.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + message(ex) + "; see '" + name + " --help'");
        return 2;
    }

    /**
     * The exception's message on one line; Java's file exceptions, whose message is often only the
     * path (AccessDeniedException: /x), get their reason in words.
     */
    static String message(Throwable e) {
        String m = e instanceof IOException io ? OutputFiles.describe(io) : e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.strip().replaceAll(":\\s*\\n\\s*", ": ").replaceAll("\\s*\\n\\s*", "; ");
    }
}
