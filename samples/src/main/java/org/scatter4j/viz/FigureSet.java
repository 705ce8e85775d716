package org.scatter4j.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.scatter4j.io.OutputFiles;
import org.scatter4j.io.OutputTransaction;

/**
 * The PNG figures one program writes, collected by file name and written together: every target is
 * checked before the first byte is written, so a refused overwrite leaves the folder untouched.
 */
public final class FigureSet {
    private final Map<String, BufferedImage> figures = new LinkedHashMap<>();

    /** Adds a rendered figure; the name is a file name ending in .png and must be new in this set. */
    public FigureSet add(String name, BufferedImage image) {
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("figure name must end in .png, got name=" + name);
        }
        if (figures.putIfAbsent(name, image) != null) {
            throw new IllegalArgumentException("figure name used twice: " + name);
        }
        return this;
    }

    /** Adds an XChart chart, rendered at its own width and height. */
    public FigureSet add(String name, Chart<?, ?> chart) {
        return add(name, BitmapEncoder.getBufferedImage(chart));
    }

    /** Adds every figure of {@code named}, in its order. */
    public FigureSet addAll(Map<String, BufferedImage> named) {
        named.forEach(this::add);
        return this;
    }

    /** The figures added so far (name to image), in order; a read-only view. */
    public Map<String, BufferedImage> figures() {
        return java.util.Collections.unmodifiableMap(figures);
    }

    /**
     * Creates {@code folder} if needed, refuses existing files unless {@code overwrite}, then writes
     * every figure; returns the paths written, in order.
     */
    public List<Path> writeTo(Path folder, boolean overwrite) throws IOException {
        OutputFiles.prepareFolder(folder);
        List<Path> written = new ArrayList<>();
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            for (String name : figures.keySet()) {
                written.add(outputs.declare(folder.resolve(name), "figure"));
            }
            for (Map.Entry<String, BufferedImage> e : figures.entrySet()) {
                try (java.io.OutputStream out = outputs.open(folder.resolve(e.getKey()))) {
                    if (!javax.imageio.ImageIO.write(e.getValue(), "png", out)) {
                        throw new IOException(folder.resolve(e.getKey()) + ": no PNG writer available");
                    }
                }
            }
            outputs.commit();
        }
        return written;
    }
}
