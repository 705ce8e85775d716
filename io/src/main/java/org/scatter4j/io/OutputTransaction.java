package org.scatter4j.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output files of one run, written so that none is ever lost, cut or silently replaced: the
 * one way the command line (and the demos) write files.
 *
 * <ol>
 * <li>{@link #declare} every output before the work: refused if it exists (unless overwrite), if
 *     two outputs (or an output and an input, {@link #refuseInput}) are the same file, or if its
 *     folder cannot take a file. A hidden temporary {@code .NAME.<random>.part} is created beside
 *     it at once, so an unwritable place fails before the work; its name never ends like a result.
 *     It is created without attributes, so it gets the permissions of any file the user creates
 *     (the umask), unlike {@link Files#createTempFile} (0600).</li>
 * <li>Write each output to {@link #temporary}.</li>
 * <li>{@link #commit}: every temporary is forced to disk, then published under its final name by
 *     a hard link ({@link Files#createLink}), which fails instead of replacing a file that
 *     appeared meanwhile (another run writing the same path) and is atomic on POSIX file systems;
 *     where links are not supported, the final name is first reserved by an exclusive create and
 *     the temporary renamed over the reservation. With overwrite, an atomic rename replaces.</li>
 * </ol>
 *
 * A run that fails (an exception, a full disk, a refused publication) closes the transaction
 * uncommitted: its temporaries and any output it already published are deleted, so it leaves
 * nothing behind. On SIGINT/SIGTERM a shutdown hook does the same for every open transaction.
 * Thread-safe.
 */
public final class OutputTransaction implements AutoCloseable {
    /** Open transactions, rolled back by the shutdown hook if the JVM exits (Ctrl-C, kill). */
    private static final Set<OutputTransaction> OPEN = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (OutputTransaction t : OPEN) {
                t.rollback();
            }
        }, "scatter4j-output-cleanup"));
    }

    private final boolean overwrite;
    /** Declared outputs (as given) to their temporaries, in declaration order = publication order. */
    private final Map<Path, Path> temporaries = new LinkedHashMap<>();
    /** Canonical form of each declared output to its option name, for the same-file check. */
    private final Map<Path, String> labels = new LinkedHashMap<>();
    private final List<Path> published = new ArrayList<>();
    private boolean committed;

    /** @param overwrite replace existing outputs (the user's --overwrite) */
    public OutputTransaction(boolean overwrite) {
        this.overwrite = overwrite;
        OPEN.add(this);
    }

    /**
     * Declares an output before the work: checks it may be written and creates its temporary.
     *
     * @param file  the final path
     * @param label how the user named it, for messages ("--json", "OUTPUT")
     * @return {@code file}
     * @throws IOException naming the option, the file and the reason if it may not be written
     */
    public synchronized Path declare(Path file, String label) throws IOException {
        Path key = canonical(file);
        String other = labels.get(key);
        if (other != null) {
            throw new IllegalArgumentException(label + " and " + other + " name the same file " + file
                    + "; give each output its own file");
        }
        try {
            OutputFiles.checkNewFile(file, overwrite);
        } catch (IOException e) {
            throw new IOException(label + " " + e.getMessage(), e);
        }
        Path temp = temporaryName(file);
        try {
            Files.createFile(temp); // no attributes: the umask decides, as for any file the user creates
        } catch (IOException e) {
            throw new IOException(label + " " + file + ": cannot write there: " + OutputFiles.whyNotCreated(file, e), e);
        }
        labels.put(key, label);
        temporaries.put(file, temp);
        return file;
    }

    /** Refuses an input that is one of the declared outputs (writing it would destroy what is being read). */
    public synchronized void refuseInput(Path input, String inputLabel) {
        String label = labels.get(canonical(input));
        if (label != null) {
            throw new IllegalArgumentException(label + " " + input + " is the same file as " + inputLabel
                    + "; write the result to another file");
        }
    }

    /** The temporary to write {@code file} to (it exists, empty, until written). */
    public synchronized Path temporary(Path file) {
        Path temp = temporaries.get(file);
        if (temp == null) {
            throw new IllegalStateException(file + " was not declared as an output");
        }
        return temp;
    }

    /** Opens the temporary of {@code file} for writing. */
    public OutputStream open(Path file) throws IOException {
        return Files.newOutputStream(temporary(file), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Writes {@code text} (UTF-8) as the content of {@code file}. */
    public void writeString(Path file, CharSequence text) throws IOException {
        try (OutputStream out = open(file)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Publishes every declared output under its final name, in declaration order; the transaction
     * then owns nothing. If one cannot be published (it appeared meanwhile, the disk is full), the
     * outputs already published by this call are deleted and the error names the file.
     *
     * @throws FileAlreadyExistsException if an output appeared while this run was writing it
     */
    public synchronized void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        try {
            for (Path temp : temporaries.values()) {
                force(temp);
            }
            for (Map.Entry<Path, Path> e : temporaries.entrySet()) {
                publish(e.getValue(), e.getKey());
            }
            forceFolders();
        } catch (IOException | RuntimeException e) {
            rollback();
            throw e;
        }
        committed = true;
        temporaries.clear();
        published.clear();
        OPEN.remove(this);
    }

    /** Without a commit: deletes the temporaries and whatever this transaction published. */
    @Override
    public void close() {
        rollback();
        OPEN.remove(this);
    }

    private synchronized void rollback() {
        if (committed) {
            return;
        }
        for (Path p : temporaries.values()) {
            deleteQuietly(p);
        }
        for (Path p : published) {
            deleteQuietly(p);
        }
        published.clear();
    }

    private void publish(Path temp, Path target) throws IOException {
        if (overwrite) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            published.add(target);
            return;
        }
        try {
            Files.createLink(target, temp); // fails if target exists: never replaces
            published.add(target);
            Files.delete(temp);
            return;
        } catch (FileAlreadyExistsException e) {
            throw appeared(target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links here (FAT, some network and FUSE file systems): fall through
        }
        try {
            Files.createFile(target); // reserves the name, exclusively
        } catch (FileAlreadyExistsException e) {
            throw appeared(target);
        }
        published.add(target);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static FileAlreadyExistsException appeared(Path target) {
        return new FileAlreadyExistsException(target.toString(), null, "appeared while this run was writing it"
                + " (another run writing the same file?); it is kept and this run's result is discarded; pass --overwrite"
                + " to replace it");
    }

    /** .NAME.RANDOM.part beside {@code file}: hidden, and never ending like a result. */
    static Path temporaryName(Path file) {
        String name = file.getFileName().toString();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return file.toAbsolutePath().resolveSibling("." + name + "." + HexFormat.of().formatHex(r) + ".part");
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** The folders' entries to disk too (so the names survive a power cut); not possible everywhere. */
    private void forceFolders() {
        for (Path p : published) {
            Path dir = p.toAbsolutePath().getParent();
            if (dir != null) {
                try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                    ch.force(true);
                } catch (IOException | UnsupportedOperationException e) {
                    // folders cannot be opened or forced on every platform: the files themselves are on disk
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: nothing else can be done while failing or exiting
        }
    }

    /** The real path of {@code p} or, if it does not exist yet, of its folder plus its name. */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent != null) {
                try {
                    return parent.toRealPath().resolve(abs.getFileName());
                } catch (IOException e2) {
                    // the folder does not exist either
                }
            }
            return abs;
        }
    }
}
