package org.scatter4j.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Reads WAV (RIFF WAVE) files as one mono signal of floats: uncompressed PCM of 8 (unsigned),
 * 16, 24 or 32 bits, and IEEE float of 32 or 64 bits, as {@code WAVE_FORMAT_PCM},
 * {@code WAVE_FORMAT_IEEE_FLOAT} or {@code WAVE_FORMAT_EXTENSIBLE} with one of those sub-formats.
 *
 * <p>Integer samples of b bits are divided by 2^(b-1) (8-bit samples, unsigned, first have 128
 * taken off), so they lie in [-1, 1); float samples are kept as stored (nominally in [-1, 1]).
 * Several channels are mixed to mono by their mean. The sample rate is reported.
 *
 * <p>Chunks other than {@code fmt } and {@code data} ({@code LIST}, {@code fact}, {@code cue } ...)
 * are skipped; an odd-sized chunk is followed by a pad byte, as RIFF requires. A RIFF or data size
 * of 0xFFFFFFFF is the placeholder a streaming writer leaves when it cannot go back to fill it in
 * (ffmpeg writing to a pipe, for one): the chunk then runs to the end of the file (of the RIFF
 * chunk, for data). Every other size the file
 * declares (RIFF size, each chunk's size) is checked against the file's actual size, and the
 * memory the samples need against {@link ReadLimit}, before anything is allocated. Anything else
 * is refused with an {@link IOException} whose message starts with the file name and says why:
 * compressed formats (ADPCM, mu-law, A-law, MP3 ...), a truncated file, a file that is not WAV,
 * sizes that do not match the file, non-finite float samples or 64-bit ones beyond float32's range;
 * a folder, pipe, device or broken link named {@code .wav} is refused before it is opened.
 *
 * <p>Format: Microsoft's RIFF and "Multiple channel audio data and WAVE files" specifications.
 */
public final class WavReader {
    private static final int WAVE_FORMAT_PCM = 0x0001;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** The last 14 bytes of the sub-format GUID of every standard WAVE_FORMAT_EXTENSIBLE format. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
        0x00, 0x38, (byte) 0x9B, 0x71};
    private static final int BUFFER_BYTES = 1 << 20;
    /** The size a streaming writer puts in the RIFF and data headers when it cannot know it (-1 as an unsigned 32-bit value). */
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private WavReader() {
    }

    /**
     * A WAV file's samples mixed to mono.
     *
     * @param samples       one value per frame, the mean of the channels
     * @param sampleRate    frames per second
     * @param channels      channels in the file (mixed into {@code samples})
     * @param bitsPerSample bits per stored sample
     * @param encoding      "PCM" (integer) or "float"
     */
    public record Signal(float[] samples, int sampleRate, int channels, int bitsPerSample, String encoding) {
        /** Duration in seconds. */
        public double seconds() {
            return samples.length / (double) sampleRate;
        }
    }

    /**
     * What a WAV file's header says, checked as {@link #read} checks it, without its samples.
     *
     * @param frames        samples per channel: the length of the signal {@link #read} gives
     * @param sampleRate    frames per second
     * @param channels      channels in the file
     * @param bitsPerSample bits per stored sample
     */
    public record Header(int frames, int sampleRate, int channels, int bitsPerSample) {
    }

    /** The format chunk's fields that decoding needs. */
    private record Format(int code, int channels, int sampleRate, int blockAlign, int bits) {
    }

    /** A checked header: the format, where the samples start and how many frames there are. */
    private record Layout(Format format, long dataStart, int frames) {
    }

    /**
     * Reads a WAV file, mixing its channels to mono.
     *
     * @throws IOException if the file cannot be read or is not an uncompressed PCM or float WAV file
     *                     whose sizes agree with the file; the message names the file and the reason
     */
    public static Signal read(Path file) throws IOException {
        String name = file.toString();
        try (FileChannel ch = open(file)) {
            Layout l = layout(name, ch);
            Format format = l.format();
            return new Signal(decode(name, ch, format, l.dataStart(), l.frames()), format.sampleRate, format.channels,
                    format.bits, format.code == WAVE_FORMAT_PCM ? "PCM" : "float");
        }
    }

    /**
     * Reads and checks a WAV file's header only (every check of {@link #read} but the samples' own:
     * a NaN float sample is found by {@link #read}): for a folder's rates and lengths before the
     * samples are needed.
     *
     * @throws IOException as {@link #read}
     */
    public static Header header(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            Layout l = layout(file.toString(), ch);
            return new Header(l.frames(), l.format().sampleRate, l.format().channels, l.format().bits);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        String name = file.toString();
        // checked before opening: opening a named pipe blocks until a writer comes, and a folder's
        // read fails with only "Is a directory"
        if (Files.isDirectory(file)) {
            throw new IOException(name + ": is a folder, not a WAV file");
        }
        if (!Files.exists(file)) {
            throw new IOException(name + (Files.isSymbolicLink(file)
                    ? ": broken symbolic link: its target " + Files.readSymbolicLink(file) + " does not exist"
                    : ": no such file"));
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(name + ": not a regular file (a pipe, socket or device); a WAV file is needed");
        }
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static Layout layout(String name, FileChannel ch) throws IOException {
        long fileSize = ch.size();
        if (fileSize == 0) {
            throw new IOException(name + ": empty file, not a WAV file");
        }
        ByteBuffer head = readAt(ch, 0, (int) Math.min(12, fileSize), name);
        String riff = fourCc(head, 0);
        if (!riff.equals("RIFF")) {
            String why = riff.equals("RIFX") ? "big-endian RIFX WAV is not supported"
                    : riff.equals("RF64") ? "RF64 (64-bit WAV) is not supported"
                    : "not a WAV file: starts with " + quoted(head, 0, Math.min(4, head.limit())) + ", expected \"RIFF\"";
            throw new IOException(name + ": " + why);
        }
        if (fileSize < 12) {
            throw new IOException(name + ": truncated: file ends inside the RIFF header (" + fileSize + " bytes)");
        }
        if (!fourCc(head, 8).equals("WAVE")) {
            throw new IOException(name + ": not a WAV file: RIFF form type is " + quoted(head, 8, 4) + ", expected \"WAVE\"");
        }
        long riffSize = head.getInt(4) & 0xFFFFFFFFL;
        if (riffSize < 4) {
            // 0 is what a streaming writer leaves when it was stopped before it went back to fill it in
            throw new IOException(name + ": corrupt WAV: RIFF size is " + riffSize + " in the header, expected at least 4"
                    + " (the writer did not finish the file?)");
        }
        long riffEnd = riffSize == UNKNOWN_SIZE ? fileSize : 8 + riffSize; // a streaming writer's placeholder: to the end
        if (riffEnd > fileSize) {
            throw new IOException(name + ": truncated: RIFF header says " + riffEnd + " bytes but the file has " + fileSize);
        }
        Format format = null;
        long dataStart = -1;
        long dataSize = -1;
        long pos = 12;
        while (pos + 8 <= riffEnd) {
            ByteBuffer chunk = readAt(ch, pos, 8, name);
            String id = fourCc(chunk, 0);
            long size = chunk.getInt(4) & 0xFFFFFFFFL;
            long body = pos + 8;
            if (id.equals("data") && size == UNKNOWN_SIZE) {
                size = riffEnd - body; // streamed: the samples run to the end of the RIFF chunk
            }
            if (body + size > riffEnd) {
                throw new IOException(name + ": truncated: chunk " + quoted(chunk, 0, 4) + " at byte " + pos + " says "
                        + size + " bytes but only " + (riffEnd - body) + " remain in the RIFF chunk");
            }
            if (id.equals("fmt ")) {
                if (format != null) {
                    throw new IOException(name + ": corrupt: two fmt chunks");
                }
                format = format(name, ch, body, size);
            } else if (id.equals("data")) {
                if (dataStart >= 0) {
                    throw new IOException(name + ": corrupt: two data chunks");
                }
                dataStart = body;
                dataSize = size;
            }
            pos = body + size + (size & 1); // odd-sized chunks are followed by a pad byte
        }
        if (format == null) {
            throw new IOException(name + ": corrupt WAV: no fmt chunk");
        }
        if (dataStart < 0) {
            throw new IOException(name + ": corrupt WAV: no data chunk");
        }
        if (dataSize % format.blockAlign != 0) {
            throw new IOException(name + ": truncated: data chunk of " + dataSize + " bytes is not a whole number of "
                    + format.blockAlign + "-byte frames");
        }
        long frames = dataSize / format.blockAlign;
        if (frames == 0) {
            throw new IOException(name + ": WAV file holds no samples");
        }
        if (frames > Integer.MAX_VALUE) {
            throw new IOException(name + ": " + frames + " frames, more than the " + Integer.MAX_VALUE + " a Java array can hold");
        }
        ReadLimit.check(name, frames + " frames", frames * Float.BYTES);
        return new Layout(format, dataStart, (int) frames);
    }

    private static Format format(String name, FileChannel ch, long body, long size) throws IOException {
        if (size < 16) {
            throw new IOException(name + ": corrupt WAV: fmt chunk of " + size + " bytes, expected at least 16");
        }
        ByteBuffer f = readAt(ch, body, (int) Math.min(size, 40), name);
        int code = f.getShort(0) & 0xFFFF;
        int channels = f.getShort(2) & 0xFFFF;
        long rate = f.getInt(4) & 0xFFFFFFFFL;
        int blockAlign = f.getShort(12) & 0xFFFF;
        int bits = f.getShort(14) & 0xFFFF;
        if (code == WAVE_FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new IOException(name + ": corrupt WAV: WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size
                        + " bytes, expected at least 40");
            }
            int cbSize = f.getShort(16) & 0xFFFF;
            if (cbSize < 22) {
                throw new IOException(name + ": corrupt WAV: WAVE_FORMAT_EXTENSIBLE with cbSize " + cbSize
                        + " (extension bytes), expected at least 22");
            }
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (f.get(26 + i) != GUID_TAIL[i]) {
                    throw new IOException(name + ": unsupported WAV: WAVE_FORMAT_EXTENSIBLE with a non-standard"
                            + " sub-format GUID; supported: PCM and IEEE float");
                }
            }
            code = f.getShort(24) & 0xFFFF;
            int validBits = f.getShort(18) & 0xFFFF;
            if (validBits > bits) {
                throw new IOException(name + ": corrupt WAV: " + validBits + " valid bits in a " + bits + "-bit sample");
            }
        }
        boolean supported = (code == WAVE_FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32))
                || (code == WAVE_FORMAT_IEEE_FLOAT && (bits == 32 || bits == 64));
        if (!supported) {
            throw new IOException(name + ": unsupported WAV encoding: " + describeFormat(code, bits)
                    + "; supported: PCM 8, 16, 24 or 32-bit integer and 32 or 64-bit float");
        }
        if (channels < 1) {
            throw new IOException(name + ": corrupt WAV: 0 channels");
        }
        if (rate < 1 || rate > Integer.MAX_VALUE) {
            throw new IOException(name + ": corrupt WAV: sample rate " + rate + " Hz");
        }
        if (blockAlign != channels * (bits / 8)) {
            throw new IOException(name + ": corrupt WAV: block align " + blockAlign + " bytes, but " + channels
                    + " channels of " + bits + " bits take " + channels * (bits / 8));
        }
        return new Format(code, channels, (int) rate, blockAlign, bits);
    }

    private static String describeFormat(int code, int bits) {
        String known = switch (code) {
            case WAVE_FORMAT_PCM -> "PCM";
            case 0x0002 -> "Microsoft ADPCM (compressed)";
            case WAVE_FORMAT_IEEE_FLOAT -> "IEEE float";
            case 0x0006 -> "A-law (compressed)";
            case 0x0007 -> "mu-law (compressed)";
            case 0x0011 -> "IMA ADPCM (compressed)";
            case 0x0031 -> "GSM 6.10 (compressed)";
            case 0x0050, 0x0055 -> "MPEG audio (compressed)";
            default -> "format";
        };
        return String.format(Locale.ROOT, "%s (format code 0x%04x) with %d bits per sample", known, code, bits);
    }

    /** Decodes the data chunk a buffer at a time, mixing each frame's channels to their mean. */
    private static float[] decode(String name, FileChannel ch, Format f, long start, int frames) throws IOException {
        float[] out = new float[frames];
        int bytesPer = f.bits / 8;
        int framesPerBuffer = Math.max(1, BUFFER_BYTES / f.blockAlign);
        ByteBuffer buf = ByteBuffer.allocate(Math.min(frames, framesPerBuffer) * f.blockAlign).order(ByteOrder.LITTLE_ENDIAN);
        double scale = f.code == WAVE_FORMAT_PCM ? 1.0 / (1L << (f.bits - 1)) : 1.0;
        for (int done = 0; done < frames; ) {
            int n = Math.min(framesPerBuffer, frames - done);
            buf.clear().limit(n * f.blockAlign);
            Npy.readFully(ch, start + (long) done * f.blockAlign, buf, name);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < f.channels; c++) {
                    double v = sample(buf, (i * f.channels + c) * bytesPer, f);
                    if (!Double.isFinite(v)) {
                        throw new IOException(name + ": sample " + (done + i) + " of channel " + c + " is " + v
                                + "; a signal must be finite");
                    }
                    sum += v;
                }
                double mono = sum * scale / f.channels;
                if (Math.abs(mono) > Float.MAX_VALUE) {
                    // a 64-bit float sample float32 cannot hold would become infinity
                    throw new IOException(name + ": sample " + (done + i) + " is " + mono + ", beyond float32's range (|x| <= "
                            + Float.MAX_VALUE + ")");
                }
                out[done + i] = (float) mono;
            }
            done += n;
        }
        return out;
    }

    private static double sample(ByteBuffer b, int at, Format f) {
        if (f.code == WAVE_FORMAT_IEEE_FLOAT) {
            return f.bits == 32 ? b.getFloat(at) : b.getDouble(at);
        }
        return switch (f.bits) {
            case 8 -> (b.get(at) & 0xFF) - 128;
            case 16 -> b.getShort(at);
            case 24 -> (b.get(at) & 0xFF) | ((b.get(at + 1) & 0xFF) << 8) | (b.get(at + 2) << 16);
            default -> b.getInt(at);
        };
    }

    private static String fourCc(ByteBuffer b, int at) {
        if (b.limit() < at + 4) {
            return "";
        }
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(at + i) & 0xFF);
        }
        return new String(c);
    }

    private static String quoted(ByteBuffer b, int at, int n) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = at; i < at + n && i < b.limit(); i++) {
            int v = b.get(i) & 0xFF;
            sb.append(v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("\\x%02x", v));
        }
        return sb.append('"').toString();
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int n, String name) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        Npy.readFully(ch, pos, b, name);
        b.flip();
        return b;
    }
}
