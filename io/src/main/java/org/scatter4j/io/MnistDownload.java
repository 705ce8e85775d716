package org.scatter4j.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Downloads the four gzipped MNIST files into a folder, verifying each against its known SHA-256.
 *
 * <p>The original site (yann.lecun.com) often refuses downloads, so the files are taken from
 * public mirrors, tried in order until one delivers the right bytes. Safety rules: a download goes
 * to a hidden temporary {@code .NAME.<random>.part} file in the target folder ({@link OutputTransaction},
 * deleted on failure and on SIGINT/SIGTERM) and is published only once its
 * checksum matches, so an interrupted or tampered download never leaves a file with the real name;
 * an existing file is never overwritten: if it is valid it is kept (no network access), if not the
 * download stops with an error asking the user to delete it.
 *
 * <p>The source of bytes is an {@link Opener}, so tests (and offline mirrors, {@code file:} URIs)
 * can replace HTTP.
 */
public final class MnistDownload {

    /** Public mirrors of the original gzipped IDX files, tried in this order. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    /** SHA-256 of the four original gzipped files, keyed by file name, in MNIST's usual order. */
    public static final Map<String, String> SHA256 = orderedMap(
            "train-images-idx3-ubyte.gz", "d2cebd02927d553943b2679536bf602ec0cdcb6555ad87dda5d640e1d425faaf",
            "train-labels-idx1-ubyte.gz", "2a107763ddf1eef92815bfbb1b855b662a7228add9dfab29de697c644d666cda",
            "t10k-images-idx3-ubyte.gz", "4e612d6003de73386763f2c35c044ab376e830da80adb2347651a1f182f103a1",
            "t10k-labels-idx1-ubyte.gz", "909a5aeb9fcec3f171b427c45622a55f69dc15dd80bd0624413cbfbe12553c1c");

    /** Opens a URI for reading; throws if the resource cannot be fetched. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(URI uri) throws IOException;
    }

    /** A mirror that does not answer within this long is left for the next. */
    public static final int CONNECT_TIMEOUT_MS = 10_000;
    /** No byte for this long: the mirror is given up. */
    public static final int READ_TIMEOUT_MS = 20_000;

    /**
     * The default opener: {@code java.net} with a {@value #CONNECT_TIMEOUT_MS} ms connect and
     * {@value #READ_TIMEOUT_MS} ms read timeout (a stalled mirror is left for the next); HTTP
     * answers other than 200 are errors naming the status.
     */
    public static final Opener URL_OPENER = uri -> {
        URLConnection c = uri.toURL().openConnection();
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout(READ_TIMEOUT_MS);
        if (c instanceof HttpURLConnection http) {
            http.setInstanceFollowRedirects(true);
            int status = http.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                http.disconnect();
                throw new IOException("HTTP " + status + " " + Objects.toString(http.getResponseMessage(), ""));
            }
        }
        return c.getInputStream();
    };

    private final List<URI> mirrors;
    private final Opener opener;
    private final Map<String, String> checksums;
    private java.io.PrintStream log;
    private static final long PROGRESS_BYTES = 2_000_000;

    /** Downloads from {@link #DEFAULT_MIRRORS} over the network. */
    public MnistDownload() {
        this(DEFAULT_MIRRORS, URL_OPENER);
    }

    /**
     * @param mirrors base URIs ending in {@code /}, tried in order
     * @param opener  how to read a URI
     * @throws IllegalArgumentException if there is no mirror or one does not end in {@code /}
     */
    public MnistDownload(List<URI> mirrors, Opener opener) {
        this(mirrors, opener, SHA256);
    }

    /** With other expected checksums: for tests with small stand-in files. */
    MnistDownload(List<URI> mirrors, Opener opener, Map<String, String> checksums) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("mirrors is empty: need at least one base URI");
        }
        for (URI m : mirrors) {
            if (!m.toString().endsWith("/")) {
                throw new IllegalArgumentException("mirror " + m + " must end with '/' (it is a folder)");
            }
        }
        this.mirrors = List.copyOf(mirrors);
        this.opener = Objects.requireNonNull(opener, "opener");
        this.checksums = orderedCopy(checksums);
    }

    /**
     * Makes sure all four files are present and valid in {@code folder} (created if needed),
     * downloading those that are missing.
     *
     * @return the four files, in the order of {@link #SHA256}
     */
    public List<Path> downloadAll(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : checksums.keySet()) {
            files.add(download(name, folder));
        }
        return files;
    }

    /**
     * Makes sure {@code fileName} is present and valid in {@code folder}, downloading it if missing.
     *
     * @throws IllegalArgumentException if {@code fileName} is not one of the MNIST files
     * @throws IOException if an existing file has the wrong checksum (it is left alone), or no
     *                     mirror delivered the right bytes (the message lists every attempt)
     */
    public Path download(String fileName, Path folder) throws IOException {
        String expected = checksums.get(fileName);
        if (expected == null) {
            throw new IllegalArgumentException("unknown MNIST file '" + fileName + "'; expected one of "
                    + checksums.keySet());
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        if (Files.exists(target)) {
            return checkExisting(target, expected);
        }
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(fileName);
            // a hidden .part beside the target, deleted on failure and on Ctrl-C / kill; published only if its checksum matches
            try (OutputTransaction outputs = new OutputTransaction(false)) {
                try {
                    outputs.declare(target, fileName);
                } catch (IOException e) {
                    if (Files.exists(target)) {
                        return checkExisting(target, expected); // someone else finished first
                    }
                    throw e;
                }
                String actual;
                long bytes;
                log("fetching " + uri);
                try (InputStream in = opener.open(uri);
                     DigestInputStream din = new DigestInputStream(in, sha256Digest());
                     OutputStream out = outputs.open(target)) {
                    bytes = copyWithProgress(din, out, fileName);
                    actual = HexFormat.of().formatHex(din.getMessageDigest().digest());
                } catch (FileNotFoundException e) {
                    failures.add(uri + ": not found (" + e.getMessage() + ")");
                    continue;
                } catch (IOException e) {
                    failures.add(uri + ": " + OutputFiles.reason(e));
                    continue;
                }
                if (!actual.equals(expected)) {
                    failures.add(uri + ": SHA-256 of the " + bytes + " bytes received is " + actual + ", expected "
                            + expected);
                    continue;
                }
                try {
                    outputs.commit(); // never replaces a file
                } catch (FileAlreadyExistsException e) {
                    return checkExisting(target, expected); // someone else finished first
                }
                return target;
            }
        }
        throw new IOException(target + ": could not download from any mirror:\n  " + String.join("\n  ", failures));
    }

    /** Progress lines go to {@code log} (standard error for the command line); none by default. */
    public MnistDownload log(java.io.PrintStream log) {
        this.log = log;
        return this;
    }

    private void log(String line) {
        if (log != null) {
            log.println(line);
        }
    }

    /** Copies, reporting the megabytes received every {@value #PROGRESS_BYTES} bytes, so a stalled transfer shows. */
    private long copyWithProgress(InputStream in, OutputStream out, String name) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        long next = PROGRESS_BYTES;
        long start = System.nanoTime();
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
            total += n;
            if (total >= next && log != null) {
                log.printf("  %s: %.1f MB%n", name, total / 1e6);
                next += PROGRESS_BYTES;
            }
        }
        log(String.format("  %s: %.1f MB in %.1f s", name, total / 1e6, (System.nanoTime() - start) / 1e9));
        return total;
    }

    private static Path checkExisting(Path target, String expected) throws IOException {
        String actual = sha256(target);
        if (!actual.equals(expected)) {
            throw new IOException(target + ": exists but its SHA-256 is " + actual + ", expected " + expected
                    + " (incomplete or a different file); it is never overwritten: delete it to download again");
        }
        return target;
    }

    /** The SHA-256 of a file, as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> orderedCopy(Map<String, String> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
