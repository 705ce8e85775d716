package org.scatter4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scatter4j.samples.DemoResult;
import org.scatter4j.samples.Demos;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scatter4j demo NAME}: runs one teaching demo of org.scatter4j.samples and writes its figures. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs one teaching demo (a short commented program in org.scatter4j.samples) and writes its PNG figures.")
final class DemoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", completionCandidates = Names.class, description = "The demo: ${COMPLETION-CANDIDATES}.")
    String name;

    @Option(names = "--out", description = "Output folder (created if missing; default: out/NAME).")
    Path out;

    @Option(names = "--overwrite", description = "Replace PNGs that already exist in the folder.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        Demos demo = Demos.byName(name);
        DemoResult r = demo.run(out != null ? out : Path.of("out", name), overwrite);
        for (Path f : r.files()) {
            System.out.println("wrote " + f);
        }
        System.out.println(r.summary());
        return 0;
    }

    /** Adds the list of demos and what each shows to {@code demo --help}. */
    static void describeDemos(CommandLine demo) {
        StringBuilder footer = new StringBuilder("%nDemos:%n");
        for (Demos d : Demos.values()) {
            // wrap by hand: picocli wraps footers at column 80 without indenting the continuation
            StringBuilder line = new StringBuilder(String.format("  %-13s ", d.demoName()));
            for (String word : d.purpose().split(" ")) {
                if (line.length() + word.length() > 78) {
                    footer.append(line.toString().stripTrailing()).append("%n");
                    line = new StringBuilder(" ".repeat(16));
                }
                line.append(word).append(' ');
            }
            footer.append(line.toString().stripTrailing()).append("%n");
        }
        demo.getCommandSpec().usageMessage().footer(footer.toString());
    }

    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Demos.names().iterator();
        }
    }
}
