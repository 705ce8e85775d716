package org.scatter4j.io;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled one-dimensional signals of a classification data set (recordings, sensor windows): the
 * samples of each signal (lengths may differ), its class as an index into {@link #classes()}, its
 * name (the file it came from), and the common sample rate in Hz.
 */
public record LabelledSignals(List<float[]> signals, int[] labels, List<String> names, List<String> classes,
        int sampleRate) {

    public LabelledSignals {
        signals = List.copyOf(signals);
        labels = labels.clone();
        names = List.copyOf(names);
        classes = List.copyOf(classes);
        if (labels.length != signals.size() || names.size() != signals.size()) {
            throw new IllegalArgumentException("signals (" + signals.size() + "), labels (" + labels.length
                    + ") and names (" + names.size() + ") differ in number");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes.size()) {
                throw new IllegalArgumentException(names.get(i) + ": label index " + labels[i] + " outside [0, "
                        + classes.size() + ")");
            }
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate + " must be > 0");
        }
    }

    public int size() {
        return signals.size();
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The number of signals of each class, indexed like {@link #classes()}. */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The length of the longest signal (0 if there is none). */
    public int maxLength() {
        return signals.stream().mapToInt(s -> s.length).max().orElse(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledSignals l && signals.size() == l.signals.size() && Arrays.equals(labels, l.labels)
                && names.equals(l.names) && classes.equals(l.classes) && sampleRate == l.sampleRate
                && java.util.stream.IntStream.range(0, signals.size()).allMatch(i -> Arrays.equals(signals.get(i),
                        l.signals.get(i)));
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelledSignals[" + size() + " signals, " + classes.size() + " classes, " + sampleRate + " Hz]";
    }
}
