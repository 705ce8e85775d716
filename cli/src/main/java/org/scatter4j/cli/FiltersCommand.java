package org.scatter4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.FilterBankFigures;
import org.scatter4j.wavelets.MorletFilterBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scatter4j filters}: PNG pictures of a Morlet filter bank, for inspection and teaching. */
@Command(name = "filters", mixinStandardHelpOptions = true,
        description = {"Draws a Morlet filter bank as PNG pictures.",
            "Every wavelet (real part, imaginary part, modulus, Fourier modulus), the Gaussian low-pass,",
            "the Littlewood-Paley sum and one montage of the whole bank."})
final class FiltersCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "64", description = "Side of the square grid the filters live on; a multiple of 2^J (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--J", defaultValue = "3", description = "Number of scales (default: ${DEFAULT-VALUE}).")
    int J;

    @Option(names = "--L", defaultValue = "8", description = "Number of orientations (default: ${DEFAULT-VALUE}).")
    int L;

    @Option(names = "--out", required = true, description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--overwrite", description = "Replace PNGs that already exist in the folder.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        if (size < 1 || J < 1 || J > 30 || size % (1 << J) != 0) {
            throw new IllegalArgumentException("--size must be a positive multiple of 2^J = " + (J >= 1 && J <= 30 ? 1 << J : "2^" + J)
                    + ", got --size " + size);
        }
        MorletFilterBank bank = new MorletFilterBank(size, size, J, L);
        FigureSet figures = new FigureSet()
                .addAll(FilterBankFigures.perWavelet(bank))
                .addAll(FilterBankFigures.overview(bank));
        int written = figures.writeTo(out, overwrite).size();
        System.out.printf("wrote %d PNGs to %s (J=%d, L=%d, %dx%d grid)%n", written, out, J, L, size, size);
        return 0;
    }
}
