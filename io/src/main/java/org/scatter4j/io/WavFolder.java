package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the WAV files of a folder and reads a labelled set of recordings, in one of two layouts:
 * files named {@code {label}_{anything}.wav} directly in the folder (the Free Spoken Digit Dataset's
 * {@code 7_george_12.wav}), or one sub-folder per label holding {@code .wav} files. Listings are
 * sorted by file name (plain {@code String} order), so a folder always gives the same order; hidden
 * files (name starting with {@code .}) are skipped, other files ignored.
 */
public final class WavFolder {

    /** One labelled recording: the file and its label as written in the file or folder name. */
    public record Entry(Path file, String label) {
    }

    private WavFolder() {
    }

    /** True if {@code fileName} is not hidden and ends in {@code .wav} (any case). */
    public static boolean isWavName(String fileName) {
        return !fileName.startsWith(".") && fileName.toLowerCase(Locale.ROOT).endsWith(".wav")
                && fileName.length() > ".wav".length();
    }

    /**
     * The WAV files directly in {@code folder}, sorted by file name.
     *
     * @throws IOException if {@code folder} is not a directory
     */
    public static List<Path> listWavs(Path folder) throws IOException {
        requireDirectory(folder);
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && isWavName(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /**
     * The labelled recordings of {@code folder}: its sub-folders as labels if it holds no WAV file
     * itself, else its WAV files labelled by the part of their name before the first {@code _}.
     *
     * @throws IOException if the folder does not exist, holds neither WAV files nor sub-folders with
     *                     WAV files, or a file name has no {@code _} (the message names the file)
     */
    public static List<Entry> listLabelled(Path folder) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Path> flat = listWavs(folder);
        if (!flat.isEmpty()) {
            for (Path p : flat) {
                String name = p.getFileName().toString();
                int underscore = name.indexOf('_');
                if (underscore <= 0) {
                    throw new IOException(p + ": cannot tell the label: expected a file name {label}_{anything}.wav");
                }
                entries.add(new Entry(p, name.substring(0, underscore)));
            }
            return entries;
        }
        List<Path> subfolders;
        try (Stream<Path> s = Files.list(folder)) {
            subfolders = s.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path sub : subfolders) {
            for (Path p : listWavs(sub)) {
                entries.add(new Entry(p, sub.getFileName().toString()));
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(folder + ": no recordings: expected {label}_{anything}.wav files or one sub-folder of"
                    + " .wav files per label");
        }
        return entries;
    }

    /**
     * The distinct labels of the entries, sorted: as numbers if every label is an integer (so that
     * 10 follows 9), else as strings.
     */
    @SafeVarargs
    public static List<String> classes(List<Entry>... lists) {
        TreeSet<String> labels = new TreeSet<>();
        for (List<Entry> l : lists) {
            l.forEach(e -> labels.add(e.label()));
        }
        boolean numeric = labels.stream().allMatch(s -> s.matches("-?\\d{1,9}"));
        List<String> sorted = new ArrayList<>(labels);
        if (numeric) {
            sorted.sort(Comparator.comparingInt(Integer::parseInt));
        }
        return sorted;
    }

    /**
     * Reads the recordings with {@link WavReader} (mixed to mono), labelled by their index in
     * {@code classes}.
     *
     * @throws IOException if a file is refused by the reader, or two files have different sample
     *                     rates (the message names both)
     * @throws IllegalArgumentException if a label is not in {@code classes}
     */
    public static LabelledSignals read(List<Entry> entries, List<String> classes) throws IOException {
        List<float[]> signals = new ArrayList<>(entries.size());
        int[] labels = new int[entries.size()];
        List<String> names = new ArrayList<>(entries.size());
        int rate = -1;
        Path first = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            labels[i] = classes.indexOf(e.label());
            if (labels[i] < 0) {
                throw new IllegalArgumentException(e.file() + ": label '" + e.label() + "' is not one of " + classes);
            }
            WavReader.Signal s = WavReader.read(e.file());
            if (rate < 0) {
                rate = s.sampleRate();
                first = e.file();
            } else {
                requireSameRate(first, rate, e.file(), s.sampleRate());
            }
            signals.add(s.samples());
            names.add(e.file().toString());
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no recordings to read");
        }
        return new LabelledSignals(signals, labels, names, classes, rate);
    }

    /**
     * Refuses recordings of two sample rates read as one set: the same number of samples would then
     * mean different durations and the wavelets different frequencies.
     *
     * @throws IOException naming both files and their rates if {@code rate != firstRate}
     */
    public static void requireSameRate(Path first, int firstRate, Path file, int rate) throws IOException {
        if (rate != firstRate) {
            throw new IOException(file + ": sample rate " + rate + " Hz differs from " + first + " (" + firstRate
                    + " Hz); resample the recordings to one rate");
        }
    }

    private static void requireDirectory(Path folder) throws IOException {
        if (Files.isRegularFile(folder)) {
            throw new IOException(folder + ": is a file; expected a folder of .wav files");
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder");
        }
    }
}
