package org.scatter4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.scatter4j.cli.Scatter1dCommand;
import org.scatter4j.io.NpyReader;
import org.scatter4j.io.WavFolder;
import org.scatter4j.io.WavReader;

/**
 * The signals of {@code spark-extract --transform 1d --input}: a {@code .npy} of shape (N) or (B, N)
 * (float32 or float64, C order), a {@code .wav} (mixed to mono) or a folder of {@code .wav} files
 * (sorted by name), with {@code scatter1d}'s rules: one sample rate for a folder, one length unless
 * {@code --length} pads or cuts every signal to N (the messages are {@link Scatter1dCommand}'s).
 *
 * <p>Opened on the driver, which checks what can be checked before Spark starts: the .npy's header
 * and shape, or every recording of a folder (its header only, {@link WavReader#header}: its rate
 * and length; the tasks read the samples). Each task
 * then reads its own rows: a .npy slice by seeking, a folder's by its file names. The samples reach
 * the transformer as doubles (float32 files widened exactly, float64 unrounded), so {@code
 * --precision float32} is the float32 transform of the samples as stored. Whether they are finite is
 * the transformer's check, row by row, under handleInvalid.
 */
final class SignalSource implements RowSource {
    private static final long serialVersionUID = 1L;

    /** The column the rows hold the signal in. */
    static final String COLUMN = "signal";

    private enum Kind { NPY, WAV }

    private final Kind kind;
    /** NPY: the file; WAV: the recordings, in input order (absolute paths, for the executors). */
    private final List<String> files;
    private final int count;
    /** NPY: samples per row as stored. */
    private final int storedLength;
    /** Samples per signal as the transformer sees them: --length, else the stored length. */
    private final int length;

    private SignalSource(Kind kind, List<String> files, int count, int storedLength, int length) {
        this.kind = kind;
        this.files = files;
        this.count = count;
        this.storedLength = storedLength;
        this.length = length;
    }

    /** Opens {@code input}; {@code length} is --length (null: the signals' own length, which must be one). */
    static SignalSource open(Path input, Integer length) throws IOException {
        if (!Files.exists(input)) {
            throw new IOException(input + ": no such file or folder");
        }
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(input)) {
            List<Path> wavs = WavFolder.listWavs(input);
            if (wavs.isEmpty()) {
                throw new IllegalArgumentException(input + ": empty batch: the folder holds no .wav file");
            }
            return wavs(wavs, length);
        }
        if (name.endsWith(".wav")) {
            return wavs(List.of(input), length);
        }
        if (name.endsWith(".npy")) {
            try (NpyReader r = NpyReader.open(input)) {
                int[] countAndLength = Scatter1dCommand.npySignals(input, r.shape(), length);
                ImageSource.requireCOrder(input, r, countAndLength[0], "signals");
                int n = countAndLength[1];
                return new SignalSource(Kind.NPY, List.of(input.toAbsolutePath().toString()), countAndLength[0], n,
                        length != null ? length : n);
            }
        }
        throw new IllegalArgumentException(input + ": expected a .npy, a .wav or a folder of .wav files");
    }

    /**
     * Reads every recording's header, checking one sample rate and (without --length) one length, as
     * scatter1d does; the tasks read the samples.
     */
    private static SignalSource wavs(List<Path> wavs, Integer length) throws IOException {
        List<String> files = new ArrayList<>();
        int firstRate = 0;
        int firstLength = 0;
        for (Path f : wavs) {
            WavReader.Header h = WavReader.header(f);
            if (files.isEmpty()) {
                firstRate = h.sampleRate();
                firstLength = h.frames();
            } else {
                WavFolder.requireSameRate(wavs.get(0), firstRate, f, h.sampleRate());
                if (length == null) {
                    Scatter1dCommand.requireSameLength(wavs.get(0).toString(), firstLength, f.toString(), h.frames());
                }
            }
            files.add(f.toAbsolutePath().toString());
        }
        return new SignalSource(Kind.WAV, files, files.size(), firstLength, length != null ? length : firstLength);
    }

    @Override
    public int count() {
        return count;
    }

    /** Samples per signal N, the transformer's signalLength. */
    int length() {
        return length;
    }

    /**
     * Rows (id, signal as a dense ML Vector): id is the signal's position in the input. A Vector
     * reaches the transformer as its double[] ({@code VectorUDT}); an {@code array<double>} would come
     * back as a list of boxed Doubles, one object per sample.
     */
    @Override
    public StructType schema() {
        return new StructType().add("id", DataTypes.LongType, false)
                .add(COLUMN, SQLDataTypes.VectorType(), false);
    }

    @Override
    public List<Row> read(int first, int n) throws IOException {
        List<Row> rows = new ArrayList<>(n);
        switch (kind) {
            case NPY -> {
                double[] stored = new double[storedLength];
                try (NpyReader r = NpyReader.open(Path.of(files.get(0)))) {
                    r.skip((long) first * storedLength);
                    for (int i = 0; i < n; i++) {
                        r.read(stored, 0, storedLength);
                        rows.add(RowFactory.create((long) first + i, Vectors.dense(Arrays.copyOf(stored, length)))); // zero-pads or cuts
                    }
                }
            }
            case WAV -> {
                for (int i = first; i < first + n; i++) {
                    float[] samples = WavReader.read(Path.of(files.get(i))).samples();
                    double[] signal = new double[length]; // zero-padded or cut to N
                    for (int k = 0; k < Math.min(length, samples.length); k++) {
                        signal[k] = samples[k];
                    }
                    rows.add(RowFactory.create((long) i, Vectors.dense(signal)));
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return rows;
    }
}
