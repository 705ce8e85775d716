package org.scatter4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --json FILE} option of the commands that report one result object (mnist, textures,
 * bench; a picocli mixin). predict's --json writes predictions, so it keeps its own option.
 */
final class JsonOption {
    @Option(names = "--json", paramLabel = "FILE", description = "Write the results as one JSON object to this file.")
    Path file;
}
