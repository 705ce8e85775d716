package org.scatter4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.scatter4j.io.LabelledGreyImages;

/**
 * The random-split protocol of {@code textures} (the texture papers': n training images per class
 * drawn at random, the rest of each class for testing, repeated over seeded splits): the splits, the
 * checks that every class can be split, the training and test rows with their augmented copies, and
 * the summary of a training size's accuracies.
 */
final class TextureSplits {
    private TextureSplits() {
    }

    /** The random numbers of split s of training size n: the same splits for the same seed. */
    static Random random(long seed, int n, int s) {
        return new Random(seed * 1_000_003L + 31L * n + s);
    }

    /** For each class, n random training images; the rest of the class is the test set. */
    static int[][] split(int[] labels, int classes, int n, Random random) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == k) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            train.addAll(members.subList(0, n));
            test.addAll(members.subList(n, members.size()));
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(), test.stream().mapToInt(Integer::intValue).toArray()};
    }

    /** Every class needs n training images and at least one test image. */
    static void requireTrainable(LabelledGreyImages set, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--train-per-class must be >= 1, got " + n);
        }
        int[] counts = classCounts(set);
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 2) {
                throw new IllegalArgumentException("class '" + set.classNames().get(k) + "' has " + counts[k]
                        + " image(s); every class needs at least 2 (one to train, one to test)");
            }
            if (counts[k] < n + 1) {
                throw new IllegalArgumentException("class '" + set.classNames().get(k) + "' has " + counts[k] + " images; --train-per-class "
                        + n + " needs at least " + (n + 1) + " (n to train, one or more to test)");
            }
        }
    }

    /** The size of the smallest class (the affine PCA classifier's dimension on a fixed split). */
    static int minClassSize(LabelledGreyImages set) {
        return java.util.Arrays.stream(classCounts(set)).min().orElse(1);
    }

    /** Images per class. */
    private static int[] classCounts(LabelledGreyImages set) {
        int[] counts = new int[set.classCount()];
        for (int label : set.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** A training size's JSON entry: its accuracies over the splits, their mean and sample standard deviation. */
    static Map<String, Object> result(Integer n, double[] acc) {
        double mean = java.util.Arrays.stream(acc).average().orElse(Double.NaN);
        double var = 0;
        for (double a : acc) {
            var += (a - mean) * (a - mean);
        }
        double std = acc.length > 1 ? Math.sqrt(var / (acc.length - 1)) : 0;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("train_per_class", n);
        r.put("mean_accuracy", mean);
        r.put("std_accuracy", std);
        r.put("accuracies", acc);
        return r;
    }

    /** The rows of idx, then the same rows of every augmented copy (the training matrix). */
    static float[] withAugmented(float[] base, float[][] augment, int[] idx, int d) {
        float[] out = new float[Math.multiplyExact(idx.length * (1 + augment.length), d)];
        System.arraycopy(rows(base, idx, d), 0, out, 0, idx.length * d);
        for (int k = 0; k < augment.length; k++) {
            System.arraycopy(rows(augment[k], idx, d), 0, out, (k + 1) * idx.length * d, idx.length * d);
        }
        return out;
    }

    /** The feature rows {@code idx} of {@code all} (rows of d values), in that order. */
    static float[] rows(float[] all, int[] idx, int d) {
        float[] out = new float[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(all, idx[i] * d, out, i * d, d);
        }
        return out;
    }

    /** The labels of idx, repeated {@code copies} times (the layout of {@link #withAugmented}). */
    static int[] pick(int[] labels, int[] idx, int copies) {
        int[] out = new int[idx.length * copies];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels[idx[i % idx.length]];
        }
        return out;
    }
}
