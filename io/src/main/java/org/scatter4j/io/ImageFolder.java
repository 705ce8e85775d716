package org.scatter4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and reads the images of a folder, and of a labelled data set stored as one sub-folder per
 * class. Listings are sorted by file name (plain {@code String} order, independent of locale and
 * file system), so the same folder always yields the same order, labels and random splits.
 *
 * <p>Image files are recognised by extension ({@link #EXTENSIONS}, any case); hidden files (name
 * starting with {@code .}) are skipped, other files are ignored, and sub-folders are not entered.
 */
public final class ImageFolder {

    /** File extensions taken as images: the formats {@link ImageReader} reads. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "pgm");

    private ImageFolder() {
    }

    /**
     * The image files directly in {@code folder}, sorted by file name.
     *
     * @throws IOException if {@code folder} is not a readable directory
     */
    public static List<Path> listImages(Path folder) throws IOException {
        requireDirectory(folder, "image folder");
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && isImageName(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        }
    }

    /** True if {@code fileName} is not hidden and has one of {@link #EXTENSIONS}. */
    public static boolean isImageName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return !fileName.startsWith(".") && dot > 0
                && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The class folders of {@code root} (its non-hidden sub-directories), sorted by name.
     *
     * @throws IOException if {@code root} is not a directory or has no sub-directory
     */
    public static List<Path> listClasses(Path root) throws IOException {
        requireDirectory(root, "data set folder");
        List<Path> classes;
        try (Stream<Path> s = Files.list(root)) {
            classes = s.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        }
        if (classes.isEmpty()) {
            throw new IOException(root + ": no class folders: expected one sub-folder of images per class");
        }
        return classes;
    }

    /**
     * Reads a labelled data set stored as one sub-folder per class: label {@code k} is the
     * {@code k}-th sub-folder in name order. Every image is read now, so a bad file is reported
     * before any computation starts.
     *
     * @throws IOException if there is no class folder, a class folder has no images (naming it), or
     *                     an image cannot be read (naming the file)
     */
    public static LabelledGreyImages readLabelled(Path root) throws IOException {
        List<Path> classes = listClasses(root);
        List<String> names = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<GreyImage> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < classes.size(); k++) {
            Path dir = classes.get(k);
            List<Path> members = listImages(dir);
            if (members.isEmpty()) {
                throw new IOException(dir + ": class '" + dir.getFileName() + "' has no images (looked for files"
                        + " ending in " + EXTENSIONS.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            names.add(dir.getFileName().toString());
            for (Path f : members) {
                files.add(f);
                images.add(ImageReader.readGrey(f));
                labels.add(k);
            }
        }
        return new LabelledGreyImages(names, files, images, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void requireDirectory(Path folder, String what) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": " + what + " does not exist or is not a directory");
        }
    }
}
