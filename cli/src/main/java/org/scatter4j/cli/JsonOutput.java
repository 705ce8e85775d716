package org.scatter4j.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one JSON writer of the command line: pretty-printed, nulls kept (other tools read the keys). */
final class JsonOutput {
    private JsonOutput() {
    }

    static void write(Path file, Object value) throws IOException {
        Files.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(value) + "\n",
                StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }
}
