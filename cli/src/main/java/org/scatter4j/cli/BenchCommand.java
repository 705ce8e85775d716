package org.scatter4j.cli;

import org.scatter4j.io.OutputTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scatter4j.bench.ScatteringBenchmark;
import org.scatter4j.bench.ScatteringBenchmark.Case;
import org.scatter4j.bench.ScatteringBenchmark.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scatter4j bench}: per-image times of the standard cases beside the FFT floor. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the scattering transform beside the FFT floor on standard cases.",
            "L=8, order 2, float32; the cases:",
            "  a) 1000 images 28x28, J=2   b) 256 images 32x32, J=3",
            "  c) 16 images 256x256, J=4   d) 1 image 512x512, J=5",
            "  roto) 16 images 200x200, J=5, roto-translation scattering (K=3, global averaging)",
            "1D (Scattering1D, T=2^J, order 2, float32; times per signal in the 'image' columns and JSON keys,",
            "L in the JSON is Q; not in the default list):",
            "  e) 256 signals of 8192 samples, J=8, Q=12   f) 16 of 65536, J=12, Q=8   g) 1000 of 1024, J=6, Q=8",
            "and, in the same run, the FFT floor: the FFTs alone of Kymatio's cascade with our fastest FFT."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--case", defaultValue = "a,b,c,d,roto", split = ",", description = "Cases to run (default: ${DEFAULT-VALUE}).")
    List<String> cases;

    @picocli.CommandLine.Mixin
    ThreadsOption threads;

    @Option(names = "--repeats", defaultValue = "7", description = "Timed repeats per case after warm-up (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up runs per case, at least (default: ${DEFAULT-VALUE}).")
    int warmup;

    // Why a time as well as a count: on 2 cores the JIT compiler's threads compete with the timed
    // work for seconds; after two warm-up runs of case a (0.4 s) its 7 repeats spread 0.166-0.266
    // ms/image (median 0.223), after 2 s 0.161-0.293, after 5 s 0.150-0.194 (medians 0.167-0.170).
    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Untimed warm-up per case lasts at least this long (default: ${DEFAULT-VALUE} s).")
    double warmupSeconds;

    @Mixin
    JsonOption json;

    @Option(names = "--overwrite", description = "Replace an existing --json file.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        int t = threads.resolve();
        if (repeats < 1 || warmup < 0) {
            throw new IllegalArgumentException("--repeats must be >= 1 and --warmup >= 0, got " + repeats + " and " + warmup);
        }
        if (!(warmupSeconds >= 0 && warmupSeconds <= 600)) {
            throw new IllegalArgumentException("--warmup-seconds must be in [0, 600], got " + warmupSeconds);
        }
        List<Case> selected = new ArrayList<>();
        for (String name : cases) {
            selected.add(Case.named(name.trim()));
        }
        try (OutputTransaction outputs = new OutputTransaction(overwrite)) {
            if (json.file != null) {
                outputs.declare(json.file, "--json");
            }
            run(selected, t, outputs);
            outputs.commit();
        }
        if (json.file != null) {
            System.out.println("wrote " + json.file);
        }
        return 0;
    }

    private void run(List<Case> selected, int t, OutputTransaction outputs) throws java.io.IOException {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        System.out.printf("scatter4j bench: %d thread(s), %s, L=8, order 2, float32%n", t, java);
        System.out.printf("%-5s %-22s %9s %12s %12s %10s %10s %8s%n", "case", "images", "build s", "ms/image", "min-max",
                "images/s", "FFT floor", "ratio");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Case c : selected) {
            Result r = ScatteringBenchmark.run(c, t, warmup, warmupSeconds, repeats);
            System.out.printf("%-5s %-22s %9.3f %12.3f %5.3f-%-6.3f %10.1f %10.3f %8.2f%n", c.name(),
                    c.label(), r.buildSeconds(), r.median(), r.min(), r.max(),
                    1000.0 / r.median(), r.fftFloor(), r.ratioToFloor());
            System.out.printf("      FFTs of Kymatio's cascade per image: %s%n", r.fftCounts());
            rows.add(r.toJson());
        }
        if (json.file != null) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("threads", t);
            root.put("java", java);
            root.put("cases", rows);
            JsonOutput.write(outputs, json.file, root);
        }
    }
}
