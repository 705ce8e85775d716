package org.scatter4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.scatter4j.io.LabelledSignals;

/** {@link SpokenDigitExperiment#crossValidate}: training-set-only scores of a C grid. */
class SpokenDigitExperimentTest {
    private static final int RATE = 8000;

    /** A small pipeline: J = 6, Q = 4, T = 64, N = 1024, 2 segments, C in {0.01, 1}, 5 folds. */
    private static SpokenDigitExperiment.Settings settings() {
        return new SpokenDigitExperiment.Settings(6, 4, 64, 1024, 2, 1e-6, new double[] {0.01, 1}, 1e-3, 5, 7);
    }

    /**
     * {@code perClass} recordings per class; class k is a tone of {@code frequencies[k]} Hz with a
     * random phase, length (600..1000 samples) and added noise.
     */
    private static LabelledSignals tones(double[] frequencies, int perClass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<float[]> signals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] labels = new int[frequencies.length * perClass];
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < frequencies.length; k++) {
            classes.add("c" + k);
        }
        int i = 0;
        for (int n = 0; n < perClass; n++) {
            for (int k = 0; k < frequencies.length; k++) {
                int length = 600 + r.nextInt(401);
                double phase = r.nextDouble() * 2 * Math.PI;
                float[] x = new float[length];
                for (int t = 0; t < length; t++) {
                    x[t] = (float) (Math.sin(2 * Math.PI * frequencies[k] * t / RATE + phase) + 0.3 * (r.nextDouble() - 0.5));
                }
                signals.add(x);
                names.add("c" + k + "_" + n + ".wav");
                labels[i++] = k;
            }
        }
        return new LabelledSignals(signals, labels, names, classes, RATE);
    }

    @Test
    void twoTonesAreSeparatedPerfectlyAndTheResultDescribesTheGrid() {
        LabelledSignals train = tones(new double[] {400, 1600}, 10, 1);
        SpokenDigitExperiment.CrossValidationResult r = SpokenDigitExperiment.crossValidate(train, settings(), 2);
        assertArrayEquals(new double[] {1, 1}, r.accuracy(), 0);
        assertEquals(0.01, r.bestC(), 0, "ties go to the first C of the grid");
        assertEquals(1, r.bestAccuracy(), 0);
        int channels = settings().scattering().channelCount();
        assertEquals((channels - 1) * 2, r.featureDim());
        assertTrue(r.extractSeconds() >= 0 && r.cvSeconds() >= 0);
    }

    @Test
    void indistinguishableClassesScoreNearChance() {
        // both "classes" are the same tone: the labels carry no information, so the held-out accuracy
        // must stay far from 1 (20 recordings per class: chance is 0.5)
        LabelledSignals train = tones(new double[] {1000, 1000}, 20, 2);
        SpokenDigitExperiment.CrossValidationResult r = SpokenDigitExperiment.crossValidate(train, settings(), 2);
        for (double a : r.accuracy()) {
            assertTrue(a < 0.8, "accuracy " + a + " on uninformative labels");
        }
        assertEquals(r.accuracy()[r.bestC() == 0.01 ? 0 : 1], r.bestAccuracy(), 0);
    }

    @Test
    void scoresDoNotDependOnTheThreadCount() {
        LabelledSignals train = tones(new double[] {500, 700, 900}, 6, 3);
        SpokenDigitExperiment.CrossValidationResult one = SpokenDigitExperiment.crossValidate(train, settings(), 1);
        SpokenDigitExperiment.CrossValidationResult two = SpokenDigitExperiment.crossValidate(train, settings(), 2);
        assertArrayEquals(one.accuracy(), two.accuracy(), 0);
        assertEquals(one.bestC(), two.bestC(), 0);
    }

    @Test
    void badArgumentsAreRefusedWithAClearMessage() {
        LabelledSignals train = tones(new double[] {400, 1600}, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpokenDigitExperiment.crossValidate(train, settings(), 0));
        assertEquals("threads must be >= 1, got threads=0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpokenDigitExperiment.crossValidate(null, settings(), 1));
        assertThrows(IllegalArgumentException.class, () -> SpokenDigitExperiment.crossValidate(train, null, 1));

        LabelledSignals oneClass = tones(new double[] {400}, 10, 1);
        e = assertThrows(IllegalArgumentException.class, () -> SpokenDigitExperiment.crossValidate(oneClass, settings(), 1));
        assertTrue(e.getMessage().contains("only one class"), e.getMessage());

        LabelledSignals few = tones(new double[] {400, 1600}, 4, 1);
        e = assertThrows(IllegalArgumentException.class, () -> SpokenDigitExperiment.crossValidate(few, settings(), 1));
        assertTrue(e.getMessage().contains("has 4 training recordings; 5-fold cross-validation needs at least 5"),
                e.getMessage());
    }

    /** Recordings of the given lengths at a rate, two classes (the lengths matter here, not the content). */
    private static LabelledSignals ofLengths(int rate, int... lengths) {
        List<float[]> signals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] labels = new int[lengths.length];
        for (int i = 0; i < lengths.length; i++) {
            signals.add(new float[lengths[i]]);
            names.add("r" + i + ".wav");
            labels[i] = i % 2;
        }
        return new LabelledSignals(signals, labels, names, List.of("a", "b"), rate);
    }

    /** The defaults carried over to another rate and other lengths keep the durations (32 ms frames). */
    @Test
    void settingsForATrainingSetKeepTheDurationsAndHold95PercentOfTheRecordings() {
        int[] fsddLike = new int[100];
        for (int i = 0; i < fsddLike.length; i++) {
            fsddLike[i] = i >= 95 ? 18262 : 2000 + 60 * i; // five long outliers, the rest at most 7640
        }
        SpokenDigitExperiment.Settings at8k = SpokenDigitExperiment.Settings.forTraining(ofLengths(8000, fsddLike));
        SpokenDigitExperiment.Settings d = SpokenDigitExperiment.Settings.defaults();
        assertEquals(List.of(d.J(), d.Q(), d.T(), d.length(), d.segments()), List.of(at8k.J(), at8k.Q(), at8k.T(), at8k.length(),
                at8k.segments()), "8 kHz, 95 % within 8192 samples: the defaults");
        int[] oneSecond = new int[50];
        java.util.Arrays.fill(oneSecond, 16000);
        SpokenDigitExperiment.Settings at16k = SpokenDigitExperiment.Settings.forTraining(ofLengths(16000, oneSecond));
        assertEquals(List.of(9, 6, 512, 16384), List.of(at16k.J(), at16k.Q(), at16k.T(), at16k.length()), "16 kHz, 1 s clips");
        SpokenDigitExperiment.Settings at44k = SpokenDigitExperiment.Settings.forTraining(ofLengths(44100, 30000, 44100, 40000, 20000, 10000, 30000, 44000, 40000, 20000, 10000, 30000, 44100, 40000, 20000, 10000, 30000, 44000, 40000, 20000, 10000));
        assertEquals(List.of(10, 1024, 65536), List.of(at44k.J(), at44k.T(), at44k.length()), "44.1 kHz: 2^10 = 23 ms, N holds 95 % (44100)");
        at44k.scattering(); // a transform that builds
        SpokenDigitExperiment.Settings shortClips = SpokenDigitExperiment.Settings.forTraining(ofLengths(8000, 300, 200, 250, 100, 300, 300, 200, 250, 100, 300));
        assertEquals(1024, shortClips.length(), "at least T times the segments (256 x 4)");
        shortClips.scattering(); // a transform that builds
        String m = assertThrows(IllegalArgumentException.class,
                () -> SpokenDigitExperiment.Settings.forTraining(ofLengths(8000, 100, 100, 100))).getMessage();
        assertTrue(m.contains("recordings; 5-fold cross-validation needs at least 5"), m);
    }
}
