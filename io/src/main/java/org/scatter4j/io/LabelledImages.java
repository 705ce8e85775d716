package org.scatter4j.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images with one integer label each, such as an MNIST split. Immutable; {@link #labels()} copies.
 */
public final class LabelledImages {

    private final IdxImages images;
    private final int[] labels;

    /**
     * @throws IllegalArgumentException if the number of labels differs from the number of images
     */
    public LabelledImages(IdxImages images, int[] labels) {
        this(images, labels.clone(), true);
    }

    private LabelledImages(IdxImages images, int[] labels, boolean owned) {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
        this.images = images;
        this.labels = labels;
    }

    static LabelledImages wrap(IdxImages images, int[] labels) {
        return new LabelledImages(images, labels, true);
    }

    /** Number of labelled images. */
    public int size() {
        return labels.length;
    }

    /** The images. */
    public IdxImages images() {
        return images;
    }

    /** All labels as a new array, in image order. */
    public int[] labels() {
        return labels.clone();
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[Objects.checkIndex(i, labels.length)];
    }

    /** The first {@code n} images and their labels. */
    public LabelledImages first(int n) {
        return wrap(images.first(n), Arrays.copyOf(labels, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledImages l && l.images.equals(images) && Arrays.equals(l.labels, labels);
    }

    @Override
    public int hashCode() {
        return images.hashCode() * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelledImages[" + size() + " x " + images.rows() + "x" + images.cols() + "]";
    }
}
