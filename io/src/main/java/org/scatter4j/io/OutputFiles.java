package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place that decides whether the command line may write a file: never over a user's file unasked. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Refuses an existing file unless {@code overwrite}; checks its folder exists and is writable. */
    public static void checkNewFile(Path file, boolean overwrite) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder; expected a file path");
        }
        if (Files.exists(file) && !overwrite) {
            throw new IOException(file + " exists; pass --overwrite to replace it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + file + ": folder " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new IOException("cannot write " + file + ": folder " + parent + " is not writable");
        }
    }

    /** Creates the folder if needed and checks it is writable. */
    public static void prepareFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " exists and is not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("output folder " + dir + " is not writable");
        }
    }
}
