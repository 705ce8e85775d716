package org.scatter4j.io;

import java.io.IOException;
import java.util.Locale;

/**
 * The most memory one reader may allocate for the contents of one file, checked against what the
 * file's header declares <em>before</em> anything of that size is allocated, so that a small
 * hostile or corrupt file (a 120-byte PGM claiming 46340^2 pixels, a 1 KB IDX file claiming
 * 2.7 million images) is refused with a message instead of exhausting the heap.
 *
 * <p>The limit is half the Java heap ({@link Runtime#maxMemory()}), or the number of bytes in the
 * system property {@value #PROPERTY} (a plain number, or with a suffix k, m or g) when it is set.
 * Every reader also checks declared sizes against the file's actual size; this limit is what
 * bounds the formats that legitimately expand (compressed images, gzip, uint8 data read as double).
 */
public final class ReadLimit {
    /** System property overriding the limit, in bytes (suffix k, m or g allowed). */
    public static final String PROPERTY = "scatter4j.io.maxBytes";

    private ReadLimit() {
    }

    /** The current limit in bytes. */
    public static long maxBytes() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return parseBytes(p.strip());
        }
        return Runtime.getRuntime().maxMemory() / 2;
    }

    static long parseBytes(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("system property " + PROPERTY + " is '" + s
                    + "', expected a positive number of bytes (suffix k, m or g allowed)");
        }
    }

    /**
     * Refuses to read {@code what} of {@code file} if it needs more than {@link #maxBytes()}.
     *
     * @param bytes the memory needed, {@link Long#MAX_VALUE} if the computation overflowed
     * @throws IOException naming the file, what it declares, the memory needed and the limit
     */
    static void check(String file, String what, long bytes) throws IOException {
        long limit = maxBytes();
        if (bytes > limit) {
            throw new IOException(file + ": " + what + " needs " + describe(bytes) + " of memory to read, more than"
                    + " the limit of " + describe(limit) + " (" + (System.getProperty(PROPERTY) == null
                    ? "half the Java heap; give Java more with SCATTER4J_JAVA_OPTS=-Xmx..."
                    : "system property " + PROPERTY) + ")");
        }
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} if it overflows (sizes here are never negative). */
    static long times(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Text taken from a file, made fit for a one-line message: control characters (line breaks
     * included) become {@code ?}, and more than 60 characters are cut with "...".
     */
    static String printable(Object fromFile) {
        String t = String.valueOf(fromFile);
        t = t.length() > 60 ? t.substring(0, 60) + "..." : t;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    /** A byte count for people: "512.0 MB", "7.2 GB", "more than 8 EB". */
    static String describe(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EB";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
