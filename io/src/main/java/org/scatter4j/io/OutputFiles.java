package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The one place that decides whether the command line may write a file: never over a user's file
 * unasked. The files themselves are written through an {@link OutputTransaction}.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Refuses an existing file unless {@code overwrite}; checks its folder exists and is writable. */
    public static void checkNewFile(Path file, boolean overwrite) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder; expected a file path");
        }
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            throw new IOException(file + " exists; pass --overwrite to replace it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException(file + ": cannot write it: folder " + parent + " does not exist");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new IOException(file + ": cannot write it: folder " + parent + " is not writable (permission denied)");
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
            throw new IOException("cannot create output folder " + dir + ": " + whyNotCreated(dir, e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("output folder " + dir + " is not writable (permission denied)");
        }
    }

    /**
     * Why {@code path} could not be created, in words: {@link #reason}, except that "no such file"
     * while its folder exists means the folder takes no new entries (/proc, /sys and the like).
     */
    public static String whyNotCreated(Path path, IOException e) {
        Path parent = path.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && Files.isDirectory(parent)) {
            return "folder " + parent + " does not accept new files (a special file system)";
        }
        if (e instanceof AccessDeniedException && parent != null) {
            return "permission denied (folder " + parent + " is not writable)";
        }
        return reason(e);
    }

    /**
     * A file-system failure in words: the file, then the reason ({@code /x/in.npy: permission
     * denied}); other exceptions' own message.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * The reason of a file-system failure in words. Java's file exceptions often carry only the
     * path as their message ({@code AccessDeniedException: /x}), which says nothing to a user.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
