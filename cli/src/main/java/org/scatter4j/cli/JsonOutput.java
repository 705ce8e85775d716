package org.scatter4j.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Path;
import org.scatter4j.io.OutputTransaction;

/** The one JSON writer of the command line: pretty-printed, nulls kept (other tools read the keys). */
final class JsonOutput {
    private JsonOutput() {
    }

    /** Writes {@code value} as the content of {@code file}, declared in {@code outputs}; published by its commit. */
    static void write(OutputTransaction outputs, Path file, Object value) throws IOException {
        outputs.writeString(file, new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(value) + "\n");
    }
}
