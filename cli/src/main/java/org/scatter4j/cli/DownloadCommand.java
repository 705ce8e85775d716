package org.scatter4j.cli;

import org.scatter4j.io.OutputFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scatter4j.io.MnistDownload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scatter4j download mnist}: fetches the four MNIST files and checks their SHA-256. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Downloads a data set from its usual public mirrors and verifies SHA-256 checksums.",
            "DATASET: mnist (the four IDX files, gzipped, about 11 MB) into data/mnist of the project.",
            "Files already present and valid are kept; nothing is overwritten. Progress goes to standard error;",
            "a mirror that does not connect within 10 s or sends nothing for 20 s is left for the next."})
final class DownloadCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATASET", description = "mnist")
    String dataset;

    @Option(names = "--out", description = "Target folder (default: data/mnist under the project).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!"mnist".equals(dataset)) {
            throw new IllegalArgumentException("unknown DATASET '" + dataset + "'; known: mnist");
        }
        Path target = out != null ? out : DataLocator.home().resolve("data").resolve("mnist");
        OutputFiles.prepareFolder(target);
        List<Path> files = new MnistDownload().log(System.err).downloadAll(target);
        for (Path f : files) {
            System.out.println("ok " + f);
        }
        System.out.println("MNIST is in " + target + "; ./scatter4j mnist finds it there.");
        return 0;
    }
}
