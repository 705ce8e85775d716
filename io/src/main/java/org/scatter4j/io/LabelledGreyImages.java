package org.scatter4j.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Grey images of possibly different sizes with a class each, as read from a folder with one
 * sub-folder per class (KTH-TIPS, CUReT, ...). Label {@code k} is the class
 * {@code classNames().get(k)}; classes are numbered in sorted name order so that labels do not
 * depend on the file system's listing order. Immutable.
 */
public final class LabelledGreyImages {

    private final List<String> classNames;
    private final List<Path> files;
    private final List<GreyImage> images;
    private final int[] labels;

    LabelledGreyImages(List<String> classNames, List<Path> files, List<GreyImage> images, int[] labels) {
        if (files.size() != images.size() || images.size() != labels.length) {
            throw new IllegalArgumentException(files.size() + " files, " + images.size() + " images and "
                    + labels.length + " labels");
        }
        this.classNames = List.copyOf(classNames);
        this.files = List.copyOf(files);
        this.images = List.copyOf(images);
        this.labels = labels.clone();
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The class names (sub-folder names), sorted; index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /** All images, ordered by class, then file name. */
    public List<GreyImage> images() {
        return images;
    }

    /** Image {@code i}. */
    public GreyImage image(int i) {
        return images.get(i);
    }

    /** The file image {@code i} was read from. */
    public Path file(int i) {
        return files.get(i);
    }

    /** All files, in image order. */
    public List<Path> files() {
        return files;
    }

    /** The label of image {@code i}, an index into {@link #classNames()}. */
    public int label(int i) {
        return labels[Objects.checkIndex(i, labels.length)];
    }

    /** All labels as a new array, in image order. */
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String toString() {
        return "LabelledGreyImages[" + size() + " images, " + classNames.size() + " classes]";
    }
}
