package org.scatter4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scatter4j.samples.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scatter4j report}: every demo's figures and their explanations in one offline HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes an offline HTML report of every teaching demo.",
            "Runs every demo and writes DIR/index.html with their figures, an explanation under each,",
            "and the latest benchmark results (bench.json or BENCH.md in the project folder) when present."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Output folder for index.html and its PNGs (created if missing).")
    Path out;

    @Option(names = "--overwrite", description = "Replace files that already exist in the folder.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        String home = System.getProperty("scatter4j.home");
        Path index = Report.write(out, overwrite, home == null ? null : Path.of(home));
        System.out.println("wrote " + index);
        return 0;
    }
}
