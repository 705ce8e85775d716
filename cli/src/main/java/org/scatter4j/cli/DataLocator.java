package org.scatter4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the command line looks for data sets, in order: the {@code --data} flag, the
 * {@code SCATTER4J_DATA} environment variable (a folder holding the files, or holding a
 * sub-folder named after the data set), {@code data/NAME} under the project (filled by
 * {@code scatter4j download}), and {@code ../shared/data/NAME} beside the project.
 */
public final class DataLocator {
    private DataLocator() {
    }

    /** The project folder: set by the launcher ({@code -Dscatter4j.home}), else the working directory. */
    public static Path home() {
        String h = System.getProperty("scatter4j.home");
        return (h == null ? Path.of("") : Path.of(h)).toAbsolutePath();
    }

    /** The folder for data set {@code name}, or null when none of the places has it. */
    public static Path find(String name, Path flag, String marker) {
        if (flag != null) {
            if (Files.isRegularFile(flag)) {
                throw new IllegalArgumentException("--data " + flag + ": is a file; give the folder that holds the data");
            }
            if (!Files.isDirectory(flag)) {
                throw new IllegalArgumentException("--data " + flag + ": no such folder");
            }
            return flag;
        }
        String env = System.getenv("SCATTER4J_DATA");
        if (env != null && !env.isBlank()) {
            Path e = Path.of(env);
            if (Files.exists(e.resolve(name).resolve(marker)) || Files.exists(e.resolve(name).resolve(marker + ".gz"))) {
                return e.resolve(name);
            }
            if (Files.exists(e.resolve(marker)) || Files.exists(e.resolve(marker + ".gz"))) {
                return e;
            }
            throw new IllegalArgumentException("SCATTER4J_DATA=" + env + " holds neither " + marker + " nor " + name + "/"
                    + marker);
        }
        for (Path p : new Path[] {home().resolve("data").resolve(name), home().resolve("..").resolve("shared")
                .resolve("data").resolve(name)}) {
            if (Files.exists(p.resolve(marker)) || Files.exists(p.resolve(marker + ".gz"))) {
                return p.normalize();
            }
        }
        return null;
    }
}
