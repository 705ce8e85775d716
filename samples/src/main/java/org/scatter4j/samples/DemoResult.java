package org.scatter4j.samples;

import java.nio.file.Path;
import java.util.List;

/**
 * What one demo run produced: the PNGs it wrote and a one-paragraph summary with the numbers it
 * measured (printed by the command line, quoted under the figures in the report).
 */
public record DemoResult(String name, List<Path> files, String summary) {
    public DemoResult {
        files = List.copyOf(files);
    }
}
