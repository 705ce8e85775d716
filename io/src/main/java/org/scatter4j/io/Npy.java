package org.scatter4j.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files, so arrays move between scatter4j and Python
 * (reference outputs from Kymatio, features for scikit-learn) without a conversion step.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, little- and big-endian data, C and Fortran
 * order (Fortran-order data is transposed, so {@link NpyArray} is always C order) and the element
 * types float32, float64, uint8, int8, int16, uint16, int32, uint32, int64 and bool. Anything else
 * (complex, float16, uint64, strings, objects, structured arrays) is refused with an
 * {@link IOException} naming the file and the type, rather than guessed at.
 *
 * <p>Writing produces exactly the bytes {@code numpy.save} produces (checked against numpy 2.4
 * output in the tests): version 1.0 (2.0 only if the header does not fit), little-endian,
 * C order, the header padded with spaces so the data starts at a multiple of 64 bytes, including
 * numpy's spare room for growing the first axis.
 *
 * <p>Format reference: <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">
 * numpy.lib.format</a>.
 */
public final class Npy {

    /** The 6-byte magic string at the start of every NPY file. */
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the start of the data to this many bytes. */
    private static final int ALIGN = 64;
    /** numpy leaves room for this many digits in the growing axis (numpy.lib.format.GROWTH_AXIS_MAX_DIGITS). */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** A header beyond this is certainly corrupt (numpy itself refuses headers over 10000 bytes by default). */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    static final int CHUNK_BYTES = 1 << 20;

    private Npy() {
    }

    /** The element types this reader understands, with their NumPy names and sizes. */
    enum Type {
        FLOAT32("float32", 'f', 4), FLOAT64("float64", 'f', 8),
        UINT8("uint8", 'u', 1), INT8("int8", 'i', 1), INT16("int16", 'i', 2),
        UINT16("uint16", 'u', 2), INT32("int32", 'i', 4), UINT32("uint32", 'u', 4),
        INT64("int64", 'i', 8), BOOL("bool", 'b', 1);

        final String numpyName;
        final char kind;
        final int size;

        Type(String numpyName, char kind, int size) {
            this.numpyName = numpyName;
            this.kind = kind;
            this.size = size;
        }

        static Type of(char kind, int size) {
            for (Type t : values()) {
                if (t.kind == kind && t.size == size) {
                    return t;
                }
            }
            return null;
        }

        double read(ByteBuffer b) {
            return switch (this) {
                case FLOAT32 -> b.getFloat();
                case FLOAT64 -> b.getDouble();
                case UINT8 -> b.get() & 0xFF;
                case INT8 -> b.get();
                case INT16 -> b.getShort();
                case UINT16 -> b.getShort() & 0xFFFF;
                case INT32 -> b.getInt();
                case UINT32 -> b.getInt() & 0xFFFFFFFFL;
                case INT64 -> b.getLong();
                case BOOL -> b.get() != 0 ? 1.0 : 0.0;
            };
        }
    }

    // ------------------------------------------------------------------------------------ read

    /**
     * Reads a whole {@code .npy} file.
     *
     * @throws IOException if the file cannot be read, is not an NPY file, is truncated or has
     *                     trailing bytes, has an unsupported version or element type, or holds
     *                     more than {@link Integer#MAX_VALUE} values; the message names the file
     */
    public static NpyArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file.toString(), ch);
        }
    }

    private static NpyArray read(String name, FileChannel ch) throws IOException {
        Layout l = layout(name, ch, Integer.MAX_VALUE);
        int count = (int) l.count;
        ReadLimit.check(name, "array of shape " + NpyArray.shapeString(l.shape) + " (" + count + " values as float64)",
                ReadLimit.times(count, Double.BYTES));
        double[] values = new double[count];
        ByteBuffer buf = l.newBuffer();
        boolean reorder = l.fortranOrder && l.shape.length > 1;
        // Fortran-order values are read a buffer at a time and put straight at their C-order place,
        // so the whole array is held once (not read whole and then copied transposed)
        double[] chunk = reorder ? new double[Math.min(count, l.valuesPerBuffer(buf))] : values;
        FortranToC toC = reorder ? new FortranToC(l.shape) : null;
        long pos = l.dataStart;
        for (int done = 0; done < count; ) {
            int n = Math.min(l.valuesPerBuffer(buf), count - done);
            l.readValues(ch, pos, buf, chunk, reorder ? 0 : done, n);
            if (reorder) {
                toC.scatter(chunk, n, values);
            }
            pos += (long) n * l.type.size;
            done += n;
        }
        return NpyArray.wrap(l.shape, l.type.numpyName, values);
    }

    /**
     * What the preamble and header of an NPY file say, checked against the file's size: element
     * type, byte order, storage order, shape, number of values and where they start. Shared by the
     * whole-file reader and the streaming {@link NpyReader}.
     */
    record Layout(String name, Type type, ByteOrder order, boolean fortranOrder, int[] shape, long count, long dataStart) {
        String dtype() {
            return type.numpyName;
        }

        /** A read buffer of at most {@link #CHUNK_BYTES}, in the file's byte order. */
        ByteBuffer newBuffer() {
            return ByteBuffer.allocate(Math.max(1, CHUNK_BYTES / type.size) * type.size).order(order);
        }

        int valuesPerBuffer(ByteBuffer buf) {
            return buf.capacity() / type.size;
        }

        /** Reads n (&lt;= valuesPerBuffer) values at byte position pos into dst[off ...]; returns n. */
        int readValues(FileChannel ch, long pos, ByteBuffer buf, double[] dst, int off, int n) throws IOException {
            buf.clear().limit(n * type.size);
            readFully(ch, pos, buf, name);
            buf.flip();
            if (type == Type.FLOAT64) {
                buf.asDoubleBuffer().get(dst, off, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[off + i] = type.read(buf);
                }
            }
            return n;
        }
    }

    /**
     * @param maxCount the most values the caller can hold ({@link Integer#MAX_VALUE} for one Java
     *                 array); checked before the file size, so a huge header is named as such
     */
    static Layout layout(String name, FileChannel ch, long maxCount) throws IOException {
        long fileSize = ch.size();
        if (fileSize == 0) {
            throw new IOException(name + ": empty file, not an NPY file");
        }
        ByteBuffer prefix = readFully(ch, 0, (int) Math.min(fileSize, 12));
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= prefix.limit() || prefix.get(i) != MAGIC[i]) {
                throw new IOException(name + ": not an NPY file: wrong magic (expected \\x93NUMPY, found "
                        + describeBytes(prefix, Math.min(prefix.limit(), MAGIC.length)) + ")");
            }
        }
        if (fileSize < 10) {
            throw new IOException(name + ": truncated: file ends inside the NPY preamble (" + fileSize + " bytes)");
        }
        int major = prefix.get(6) & 0xFF;
        int minor = prefix.get(7) & 0xFF;
        long headerLen;
        int headerStart;
        if (major == 1 && minor == 0) {
            headerLen = prefix.order(ByteOrder.LITTLE_ENDIAN).getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            if (fileSize < 12) {
                throw new IOException(name + ": truncated: file ends inside the NPY preamble (" + fileSize + " bytes)");
            }
            headerLen = prefix.order(ByteOrder.LITTLE_ENDIAN).getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw new IOException(name + ": unsupported NPY format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        if (headerLen > MAX_HEADER_BYTES) {
            throw new IOException(name + ": bad header: header length " + headerLen
                    + " bytes exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (headerStart + headerLen > fileSize) {
            throw new IOException(name + ": truncated: header length says " + headerLen + " bytes but only "
                    + (fileSize - headerStart) + " bytes follow the preamble");
        }
        ByteBuffer headerBytes = readFully(ch, headerStart, (int) headerLen);
        String header = decodeHeader(name, headerBytes, major == 3);
        Header h = parseHeader(name, header);

        long count;
        try {
            count = NpyArray.elementCount(h.shape);
            Math.multiplyExact(count, (long) h.type.size);
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > maxCount) {
            throw new IOException(name + ": array of shape " + NpyArray.shapeString(h.shape) + " has "
                    + (count == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(count))
                    + " elements, more than the " + maxCount + " " + (maxCount == Integer.MAX_VALUE ? "a Java array" : "this reader")
                    + " can hold");
        }
        long dataStart = headerStart + headerLen;
        long needed = count * h.type.size;
        long available = fileSize - dataStart;
        if (available < needed) {
            throw new IOException(name + ": truncated: header says " + count + " " + h.type.numpyName
                    + " values (" + needed + " bytes) but only " + available + " bytes follow");
        }
        if (available > needed) {
            throw new IOException(name + ": corrupt: " + (available - needed) + " unexpected bytes after the "
                    + count + " " + h.type.numpyName + " values of the array");
        }
        return new Layout(name, h.type, h.order, h.fortranOrder, h.shape, count, dataStart);
    }

    /**
     * Walks a column-major (Fortran, first index fastest) array in storage order, giving each value
     * its row-major (C, last index fastest) offset: an odometer over the indices in Fortran order,
     * with the C offset kept in step, so the walk costs no memory beyond the indices.
     */
    static final class FortranToC {
        private final int[] shape;
        private final long[] cStride;
        private final int[] idx;
        private long cOffset;

        FortranToC(int[] shape) {
            this.shape = shape;
            int rank = shape.length;
            cStride = new long[rank];
            long s = 1;
            for (int d = rank - 1; d >= 0; d--) {
                cStride[d] = s;
                s *= shape[d];
            }
            idx = new int[rank];
        }

        /** Puts the next n values of the Fortran-order walk, src[0, n), at their places in c. */
        void scatter(double[] src, int n, double[] c) {
            int rank = shape.length;
            for (int i = 0; i < n; i++) {
                c[(int) cOffset] = src[i];
                for (int d = 0; d < rank; d++) {
                    if (++idx[d] < shape[d]) {
                        cOffset += cStride[d];
                        break;
                    }
                    cOffset -= (idx[d] - 1) * cStride[d];
                    idx[d] = 0;
                }
            }
        }
    }

    /** Reorders column-major (first index fastest) values into row-major (last index fastest). */
    static double[] fortranToC(double[] f, int[] shape) {
        double[] c = new double[f.length];
        new FortranToC(shape).scatter(f, f.length, c);
        return c;
    }

    private record Header(Type type, ByteOrder order, boolean fortranOrder, int[] shape) {
    }

    private static String decodeHeader(String name, ByteBuffer bytes, boolean utf8) throws IOException {
        if (!utf8) {
            return StandardCharsets.ISO_8859_1.decode(bytes).toString();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + ": bad header: version 3.0 header is not valid UTF-8", e);
        }
    }

    private static final Pattern DESCR = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d+)");

    private static Header parseHeader(String name, String text) throws IOException {
        Object parsed;
        try {
            PyLiteral p = new PyLiteral(text);
            parsed = p.value();
            p.expectEnd();
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": bad header: " + ReadLimit.printable(e.getMessage()) + " in " + quote(text), e);
        }
        if (!(parsed instanceof Map<?, ?> dict)) {
            throw new IOException(name + ": bad header: expected a dictionary, found " + quote(text));
        }
        if (!dict.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
            throw new IOException(name + ": bad header: keys are " + ReadLimit.printable(dict.keySet())
                    + ", expected exactly descr, fortran_order and shape");
        }
        Object descr = dict.get("descr");
        if (descr instanceof List<?>) {
            throw new IOException(name + ": unsupported dtype: structured array " + ReadLimit.printable(descr)
                    + " (only plain numeric arrays are read)");
        }
        if (!(descr instanceof String d)) {
            throw new IOException(name + ": bad header: descr is " + ReadLimit.printable(descr) + ", expected a string");
        }
        Matcher m = DESCR.matcher(d);
        Type type = m.matches() ? Type.of(m.group(2).charAt(0), Integer.parseInt(m.group(3))) : null;
        if (type == null) {
            throw new IOException(name + ": unsupported dtype '" + ReadLimit.printable(d) + "'" + describeUnsupported(d)
                    + "; supported: float32, float64, uint8, int8, int16, uint16, int32, uint32, int64, bool");
        }
        ByteOrder order = switch (m.group(1)) {
            case ">" -> ByteOrder.BIG_ENDIAN;
            case "<" -> ByteOrder.LITTLE_ENDIAN;
            default -> ByteOrder.nativeOrder(); // '|' (single byte, order irrelevant), '=' or none
        };
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new IOException(name + ": bad header: fortran_order is " + ReadLimit.printable(dict.get("fortran_order"))
                    + ", expected True or False");
        }
        if (!(dict.get("shape") instanceof PyLiteral.Tuple tuple)) {
            throw new IOException(name + ": bad header: shape is " + ReadLimit.printable(dict.get("shape")) + ", expected a tuple");
        }
        int[] shape = new int[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Object dim = tuple.items().get(i);
            if (!(dim instanceof Long l) || l < 0) {
                throw new IOException(name + ": bad header: shape " + ReadLimit.printable(tuple) + " has dimension " + ReadLimit.printable(dim)
                        + ", expected a non-negative integer");
            }
            if (l > Integer.MAX_VALUE) {
                throw new IOException(name + ": array of shape " + tuple + " has a dimension of " + l
                        + ", more than the " + Integer.MAX_VALUE + " a Java array can hold");
            }
            shape[i] = l.intValue();
        }
        return new Header(type, order, fortran, shape);
    }

    private static String describeUnsupported(String descr) {
        String body = descr.replaceFirst("^[<>|=]", "");
        if (body.startsWith("c")) {
            return " (complex)";
        } else if (body.startsWith("O")) {
            return " (Python objects)";
        } else if (body.startsWith("U") || body.startsWith("S") || body.startsWith("a")) {
            return " (strings)";
        } else if (body.startsWith("M") || body.startsWith("m")) {
            return " (dates/times)";
        } else if (body.equals("f2")) {
            return " (float16)";
        } else if (body.equals("u8")) {
            return " (uint64)";
        }
        return "";
    }

    private static String quote(String header) {
        String t = header.strip();
        t = t.length() > 200 ? t.substring(0, 200) + "..." : t;
        // the message stays one line whatever the header holds
        return "\"" + t.replaceAll("[\\p{Cntrl}]", "?") + "\"";
    }

    private static String describeBytes(ByteBuffer b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int v = b.get(i) & 0xFF;
            sb.append(v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("\\x%02x", v));
        }
        return sb.toString();
    }

    private static ByteBuffer readFully(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        readFully(ch, pos, b, "");
        b.flip();
        return b;
    }

    /** Reads b full from the channel at pos; a file cut meanwhile is named in the message. */
    static void readFully(FileChannel ch, long pos, ByteBuffer b, String name) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) {
                throw new EOFException(name + ": truncated: file changed while being read");
            }
            pos += r;
        }
    }

    // ------------------------------------------------------------------------------------ write

    /**
     * Writes {@code data} as a float64 array of the given shape (C order), replacing the file.
     *
     * @param shape the dimensions; none for a scalar
     * @throws IllegalArgumentException if {@code data.length} is not the product of the shape or a
     *                                  dimension is negative
     */
    public static void write(Path file, double[] data, int... shape) throws IOException {
        checkShape(data.length, shape);
        try (NpyWriter w = NpyWriter.float64(file, shape)) {
            w.write(data, 0, data.length);
        }
    }

    /**
     * Writes {@code data} as a float32 array of the given shape (C order), replacing the file.
     *
     * @param shape the dimensions; none for a scalar
     * @throws IllegalArgumentException if {@code data.length} is not the product of the shape or a
     *                                  dimension is negative
     */
    public static void write(Path file, float[] data, int... shape) throws IOException {
        checkShape(data.length, shape);
        try (NpyWriter w = NpyWriter.float32(file, shape)) {
            w.write(data, 0, data.length);
        }
    }

    static FileChannel openForWrite(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void checkShape(int length, int[] shape) {
        long n;
        try {
            n = NpyArray.elementCount(shape);
        } catch (ArithmeticException e) {
            n = -1;
        }
        if (n != length) {
            throw new IllegalArgumentException("data has " + length + " values but shape "
                    + NpyArray.shapeString(shape) + " needs " + (n < 0 ? "more than 2^63" : String.valueOf(n)));
        }
    }

    /** The preamble and header numpy writes for this dtype and shape (C order), padded to 64 bytes. */
    static byte[] header(String descr, int[] shape) {
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': ")
                .append(NpyArray.shapeString(shape)).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - String.valueOf(shape[0]).length()));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        int hlen = text.length + 1; // the terminating newline
        int preamble = MAGIC.length + 2 + 2;
        int padlen = ALIGN - ((preamble + hlen) % ALIGN);
        int major = 1;
        if (hlen + padlen > 0xFFFF) {
            major = 2;
            preamble = MAGIC.length + 2 + 4;
            padlen = ALIGN - ((preamble + hlen) % ALIGN);
        }
        ByteBuffer b = ByteBuffer.allocate(preamble + hlen + padlen).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) (hlen + padlen));
        } else {
            b.putInt(hlen + padlen);
        }
        b.put(text);
        for (int i = 0; i < padlen; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    // ----------------------------------------------------------------- Python literal parsing

    /**
     * A parser for the small subset of Python literals an NPY header uses: dicts, strings, ints,
     * True/False/None, tuples and lists. Throws {@link IllegalArgumentException} on anything else.
     */
    static final class PyLiteral {
        /** A Python tuple, kept distinct from a list because the shape must be a tuple. */
        record Tuple(List<Object> items) {
            @Override
            public String toString() {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < items.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(items.get(i));
                }
                return sb.append(items.size() == 1 ? ",)" : ")").toString();
            }
        }

        /** numpy's own headers nest two levels (dict, shape tuple); structured dtypes a few more. */
        static final int MAX_DEPTH = 32;

        private final String s;
        private int pos;
        private int depth;

        PyLiteral(String s) {
            this.s = s;
        }

        void expectEnd() {
            skipSpace();
            if (pos < s.length()) {
                throw new IllegalArgumentException("unexpected '" + s.charAt(pos) + "' at offset " + pos);
            }
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of header");
            }
            char c = s.charAt(pos);
            if (c == '{' || c == '(' || c == '[') {
                // recursion is bounded by the nesting depth, never by the header's length
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("nested more than " + MAX_DEPTH + " levels deep at offset " + pos);
                }
                Object v = c == '{' ? dict() : c == '(' ? new Tuple(sequence('(', ')')) : sequence('[', ']');
                depth--;
                return v;
            } else if (c == '\'' || c == '"') {
                return string();
            } else if (c == '-' || Character.isDigit(c)) {
                return integer();
            } else if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (s.startsWith("None", pos)) {
                pos += 4;
                return "None";
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at offset " + pos);
        }

        private Map<String, Object> dict() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++; // {
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                Object key = value();
                if (!(key instanceof String k)) {
                    throw new IllegalArgumentException("dictionary key " + key + " is not a string");
                }
                skipSpace();
                expect(':');
                if (map.put(k, value()) != null) {
                    throw new IllegalArgumentException("duplicate key '" + k + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at offset " + pos);
                }
            }
        }

        private List<Object> sequence(char open, char close) {
            List<Object> items = new ArrayList<>();
            pos++; // open
            while (true) {
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return items;
                }
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != close) {
                    throw new IllegalArgumentException("expected ',' or '" + close + "' at offset " + pos);
                }
            }
        }

        private String string() {
            char q = s.charAt(pos++);
            int end = s.indexOf(q, pos);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string at offset " + (pos - 1));
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        private Long integer() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'l')) {
                pos++; // Python 2 long suffix, written by old numpy versions
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad integer '" + digits + "' at offset " + start);
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of header");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
