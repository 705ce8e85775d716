package org.scatter4j.classifiers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Saves and loads a {@link Pipeline} in a small, versioned binary format. No Java serialization:
 * plain big-endian values written by {@link DataOutputStream}, every array preceded by its length,
 * so the format is readable from any language and safe to load from untrusted files.
 *
 * <p>Loading gives bit-identical predictions: every parameter used at prediction time is a double
 * stored exactly.
 *
 * <h2>Format version 3</h2>
 *
 * All integers big-endian; {@code string} = {@code int} byte count then that many UTF-8 bytes;
 * {@code double[n]} = n IEEE-754 doubles (the count n is always written earlier).
 *
 * <pre>
 * byte[8]  magic        "S4JMODEL" (53 34 4A 4D 4F 44 45 4C)
 * int      version      3 if the model needs it (a LinearSvm trained by the Newton solver), else 2;
 *                       versions 1 (transform 0 or 1 only) and 2 (no solver field) load too
 * long     fileLength   total length of the file in bytes, checksum included
 * int      m            number of metadata entries
 * m x      string key, string value     (caller's opaque metadata, in insertion order)
 * byte     hasStandardizer  0 or 1
 *   if 1:  byte transform 0 = none, 1 = log(max(x, 0) + p), 2 = max(x, 0)^p; if not 0: double p
 *          int D; double[D] mean; double[D] scale
 * int      kind         1 = LinearSvm, 2 = AffinePcaClassifier
 *   LinearSvm:  string loss ("SQUARED_HINGE" | "HINGE");
 *               version >= 3 only: string solver ("DUAL_COORDINATE_DESCENT" | "TRUST_REGION_NEWTON");
 *               double C; double bias; double epsilon;
 *               int maxIterations; int threads; long seed;
 *               int K; int[K] classes (sorted); int D;
 *               int P (1 if K == 2, else K); P x double[D + 1] weights (last = bias weight)
 *   AffinePca:  int d; int K; int[K] classes (sorted); int D;
 *               K x { double[D] mean; int k; double[k * D] orthonormal directions, row-major }
 * int      crc          CRC-32 of every preceding byte of the file
 * </pre>
 *
 * The same text is in {@code classifiers/FORMAT.md}. A file with wrong magic bytes, another
 * version, a length different from {@code fileLength} (truncated or extended), a checksum mismatch,
 * or inconsistent contents is rejected with an {@link IOException} naming the file and the problem.
 */
public final class ModelFile {

    /** The 8 magic bytes "S4JMODEL". */
    static final byte[] MAGIC = "S4JMODEL".getBytes(StandardCharsets.US_ASCII);
    /**
     * The newest format version; this class reads it and every earlier one, and writes the oldest
     * that holds the model (2 unless a solver other than the default must be recorded), so that
     * older readers still load the files they can represent.
     */
    public static final int VERSION = 3;

    static final int TRANSFORM_NONE = 0;
    static final int TRANSFORM_LOG = 1;
    static final int TRANSFORM_POWER = 2;

    static final int KIND_LINEAR_SVM = 1;
    static final int KIND_AFFINE_PCA = 2;
    private static final int HEADER = 8 + 4 + 8;

    private ModelFile() {}

    /** Writes {@code pipeline} to {@code file}, replacing it. */
    public static void save(Path file, Pipeline pipeline) throws IOException {
        if (file == null || pipeline == null) {
            throw new IllegalArgumentException("file and pipeline must not be null");
        }
        ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bodyBytes);
        out.writeInt(pipeline.metadata().size());
        for (Map.Entry<String, String> e : pipeline.metadata().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        Standardizer s = pipeline.standardizer();
        out.writeByte(s == null ? 0 : 1);
        if (s != null) {
            FeatureTransform t = s.transform();
            if (t == null) {
                out.writeByte(TRANSFORM_NONE);
            } else if (t instanceof LogTransform log) {
                out.writeByte(TRANSFORM_LOG);
                out.writeDouble(log.epsilon());
            } else if (t instanceof PowerTransform power) {
                out.writeByte(TRANSFORM_POWER);
                out.writeDouble(power.exponent());
            }
            out.writeInt(s.dimension());
            writeDoubles(out, s.mean());
            writeDoubles(out, s.scale());
        }
        Classifier c = pipeline.classifier();
        int version = 2;
        if (c instanceof LinearSvm svm) {
            out.writeInt(KIND_LINEAR_SVM);
            writeString(out, svm.loss().name());
            if (svm.solver() != LinearSvm.Solver.DUAL_COORDINATE_DESCENT) {
                version = 3;
                writeString(out, svm.solver().name());
            }
            out.writeDouble(svm.c());
            out.writeDouble(svm.bias());
            out.writeDouble(svm.epsilon());
            out.writeInt(svm.maxIterations());
            out.writeInt(svm.threads());
            out.writeLong(svm.seed());
            writeClasses(out, svm.classes(), svm.dimension());
            out.writeInt(svm.problems());
            for (int p = 0; p < svm.problems(); p++) {
                writeDoubles(out, svm.weights(p));
            }
        } else if (c instanceof AffinePcaClassifier pca) {
            out.writeInt(KIND_AFFINE_PCA);
            out.writeInt(pca.d());
            int[] classes = pca.classes();
            writeClasses(out, classes, pca.dimension());
            for (int k = 0; k < classes.length; k++) {
                writeDoubles(out, pca.mean(k));
                out.writeInt(pca.directions(k));
                writeDoubles(out, pca.directionsOf(k));
            }
        } else {
            throw new IllegalArgumentException(
                    "cannot save a classifier of type " + c.getClass().getName() + "; supported: LinearSvm, "
                            + "AffinePcaClassifier");
        }
        out.flush();
        byte[] body = bodyBytes.toByteArray();
        long length = HEADER + (long) body.length + 4;
        ByteArrayOutputStream all = new ByteArrayOutputStream((int) Math.min(length, Integer.MAX_VALUE - 8));
        DataOutputStream head = new DataOutputStream(all);
        head.write(MAGIC);
        head.writeInt(version);
        head.writeLong(length);
        head.write(body);
        CRC32 crc = new CRC32();
        byte[] bytes = all.toByteArray();
        crc.update(bytes);
        head.writeInt((int) crc.getValue());
        head.flush();
        Files.write(file, all.toByteArray());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        for (double x : v) {
            out.writeDouble(x);
        }
    }

    private static void writeClasses(DataOutputStream out, int[] classes, int dimension)
            throws IOException {
        out.writeInt(classes.length);
        for (int c : classes) {
            out.writeInt(c);
        }
        out.writeInt(dimension);
    }

    /**
     * Reads a pipeline written by {@link #save}.
     *
     * @throws IOException if the file cannot be read, is not a model file (magic), has another
     *     format version, is truncated or extended, fails its checksum, or is inconsistent; the
     *     message names the file and the problem
     */
    public static Pipeline load(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        String where = "model file " + file + ": ";
        // read whole, so its size is checked first: at most half the heap (and what an array holds)
        long size = Files.size(file);
        long limit = Math.min(Integer.MAX_VALUE - 8, Runtime.getRuntime().maxMemory() / 2);
        if (size > limit) {
            throw new IOException(where + "file of " + size + " bytes is larger than the " + limit
                    + " bytes a model may have here (half the Java heap; give Java more with SCATTER4J_JAVA_OPTS=-Xmx...)");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length) {
            throw new IOException(where + "too short (" + bytes.length + " bytes) to be a scatter4j model");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IOException(where + "wrong magic bytes: not a scatter4j model file (expected \""
                        + new String(MAGIC, StandardCharsets.US_ASCII) + "\")");
            }
        }
        if (bytes.length < HEADER + 4) {
            throw new IOException(where + "truncated: " + bytes.length + " bytes is shorter than the header");
        }
        Reader in = new Reader(bytes, where);
        in.skip(MAGIC.length);
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException(where + "unsupported format version " + version + " (this reader supports 1 to "
                    + VERSION + ")");
        }
        long length = in.readLong();
        if (length != bytes.length) {
            throw new IOException(where + (bytes.length < length ? "truncated" : "unexpected trailing data")
                    + ": header says " + length + " bytes but the file has " + bytes.length);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xff) << 24) | ((bytes[bytes.length - 3] & 0xff) << 16)
                | ((bytes[bytes.length - 2] & 0xff) << 8) | (bytes[bytes.length - 1] & 0xff);
        if ((int) crc.getValue() != stored) {
            throw new IOException(where + "corrupt: CRC-32 checksum mismatch (stored "
                    + Integer.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")");
        }
        in.limit(bytes.length - 4);
        try {
            Pipeline p = readBody(in, version);
            if (in.remaining() != 0) {
                throw new IOException(where + "corrupt: " + in.remaining() + " unread bytes before the checksum");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new IOException(where + "corrupt: inconsistent contents: " + oneLine(e.getMessage()), e);
        }
    }

    /** Text that may come from the file, kept to one line: control characters become '?'. */
    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\p{Cntrl}", "?");
    }

    private static Pipeline readBody(Reader in, int version) throws IOException {
        int m = in.readCount("metadata entry count", 8);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            String key = in.readString("metadata key");
            metadata.put(key, in.readString("metadata value"));
        }
        Standardizer standardizer = null;
        int hasStandardizer = in.readFlag("standardizer flag");
        if (hasStandardizer == 1) {
            FeatureTransform transform = switch (in.readByte("transform", version == 1 ? TRANSFORM_LOG : TRANSFORM_POWER)) {
                case TRANSFORM_LOG -> new LogTransform(in.readDouble());
                case TRANSFORM_POWER -> new PowerTransform(in.readDouble());
                default -> null;
            };
            int d = in.readCount("standardizer dimension", 16);
            standardizer = Standardizer.of(in.readDoubles(d), in.readDoubles(d), transform);
        }
        int kind = in.readInt();
        Classifier classifier;
        if (kind == KIND_LINEAR_SVM) {
            String lossName = in.readString("loss");
            LinearSvm.Loss loss;
            try {
                loss = LinearSvm.Loss.valueOf(lossName);
            } catch (IllegalArgumentException e) {
                throw in.corrupt("unknown loss \"" + lossName + "\"");
            }
            LinearSvm.Solver solver = LinearSvm.Solver.DUAL_COORDINATE_DESCENT;
            if (version >= 3) {
                String solverName = in.readString("solver");
                try {
                    solver = LinearSvm.Solver.valueOf(solverName);
                } catch (IllegalArgumentException e) {
                    throw in.corrupt("unknown solver \"" + solverName + "\"");
                }
            }
            LinearSvm.Builder config = LinearSvm.builder().loss(loss).solver(solver).c(in.readDouble()).bias(in.readDouble())
                    .epsilon(in.readDouble()).maxIterations(in.readInt()).threads(in.readInt())
                    .seed(in.readLong());
            int[] classes = in.readClasses();
            int d = in.readCount("dimension", 8);
            int problems = in.readCount("weight vector count", 8L * (d + 1));
            int expected = classes.length == 2 ? 1 : classes.length;
            if (problems != expected) {
                throw in.corrupt(problems + " weight vectors for " + classes.length + " classes");
            }
            double[][] w = new double[problems][];
            for (int p = 0; p < problems; p++) {
                w[p] = in.readDoubles(d + 1);
            }
            classifier = LinearSvm.restore(config, classes, d, w);
        } else if (kind == KIND_AFFINE_PCA) {
            int dRequested = in.readInt();
            if (dRequested < 0) {
                throw in.corrupt("negative d " + dRequested);
            }
            int[] classes = in.readClasses();
            int d = in.readCount("dimension", 8L * classes.length);
            double[][] means = new double[classes.length][];
            double[][] bases = new double[classes.length][];
            for (int c = 0; c < classes.length; c++) {
                means[c] = in.readDoubles(d);
                int k = in.readCount("direction count", 8L * d);
                bases[c] = in.readDoubles(Math.multiplyExact(k, d));
            }
            classifier = AffinePcaClassifier.restore(dRequested, classes, d, means, bases);
        } else {
            throw in.corrupt("unknown classifier kind " + kind);
        }
        return new Pipeline(standardizer, classifier, metadata);
    }

    /** Bounds-checked big-endian reader that turns every inconsistency into a clear IOException. */
    private static final class Reader {
        private final DataInputStream in;
        private final ByteArrayInputStream bytes;
        private final String where;
        private final int total;
        private int limit;

        Reader(byte[] data, String where) {
            this.bytes = new ByteArrayInputStream(data);
            this.in = new DataInputStream(bytes);
            this.where = where;
            this.total = data.length;
            this.limit = data.length;
        }

        void limit(int limit) {
            this.limit = limit;
        }

        int position() {
            return total - bytes.available();
        }

        int remaining() {
            return limit - position();
        }

        IOException corrupt(String what) {
            return new IOException(where + "corrupt at byte " + position() + ": " + oneLine(what));
        }

        private void need(long n) throws IOException {
            if (n > remaining()) {
                throw new IOException(where + "truncated: need " + n + " more bytes at byte " + position()
                        + " but only " + remaining() + " remain");
            }
        }

        void skip(int n) throws IOException {
            need(n);
            in.skipNBytes(n);
        }

        int readInt() throws IOException {
            need(4);
            return in.readInt();
        }

        long readLong() throws IOException {
            need(8);
            return in.readLong();
        }

        double readDouble() throws IOException {
            need(8);
            return in.readDouble();
        }

        int readFlag(String what) throws IOException {
            return readByte(what, 1);
        }

        /** A byte that must be in {@code [0, max]}. */
        int readByte(String what, int max) throws IOException {
            need(1);
            int b = in.readUnsignedByte();
            if (b > max) {
                throw corrupt(what + " is " + b + ", expected 0 to " + max);
            }
            return b;
        }

        /** A count that must be >= 0 and leave room for {@code count * minBytesEach} more bytes. */
        int readCount(String what, long minBytesEach) throws IOException {
            int n = readInt();
            if (n < 0 || (long) n * Math.max(minBytesEach, 0) > remaining()) {
                throw corrupt(what + " " + n + " is negative or larger than the " + remaining()
                        + " remaining bytes allow");
            }
            return n;
        }

        String readString(String what) throws IOException {
            int n = readCount(what + " length", 1);
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (EOFException e) {
                throw new IOException(where + "truncated in " + what, e);
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        double[] readDoubles(int n) throws IOException {
            need(8L * n);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = in.readDouble();
            }
            return v;
        }

        int[] readClasses() throws IOException {
            int k = readCount("class count", 4);
            if (k < 1) {
                throw corrupt("class count " + k + " must be >= 1");
            }
            int[] classes = new int[k];
            for (int i = 0; i < k; i++) {
                classes[i] = in.readInt();
                if (classes[i] < 0 || (i > 0 && classes[i] <= classes[i - 1])) {
                    throw corrupt("class labels must be non-negative and strictly increasing");
                }
            }
            return classes;
        }
    }
}
