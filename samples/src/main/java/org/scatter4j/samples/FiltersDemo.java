package org.scatter4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import org.scatter4j.viz.FigureSet;
import org.scatter4j.viz.FilterBankFigures;
import org.scatter4j.wavelets.MorletFilterBank;

/**
 * The Morlet filter bank of a J = 3, L = 8 scattering transform on a 64 x 64 grid (Bruna and Mallat
 * 2013, section 2.1): every wavelet in space and in frequency, the Gaussian low-pass phi_J, and the
 * Littlewood-Paley sum, whose bounds show that the bank is a stable frame (Mallat 2012, section 2.1).
 * The pictures are the same as {@code scatter4j filters} draws (shared {@link FilterBankFigures}).
 */
public final class FiltersDemo {
    public static final String NAME = "filters";

    private FiltersDemo() {
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(Demos.folder(args, NAME), Demos.overwrite(args)).summary());
    }

    public static DemoResult run(Path out, boolean overwrite) throws IOException {
        MorletFilterBank bank = new MorletFilterBank(64, 64, 3, 8);
        FigureSet figures = new FigureSet();
        // prefix the names so that the report can gather every demo's figures in one folder
        FilterBankFigures.overview(bank).forEach((name, image) -> figures.add("filters_" + name, image));
        double[] lp = bank.littlewoodPaley();
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (double v : lp) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        String summary = String.format("J = 3, L = 8 on a 64 x 64 grid: %d wavelets; the Littlewood-Paley sum lies between %.3f "
                + "and %.3f over the whole frequency plane.", bank.wavelets().size(), lo, hi);
        return new DemoResult(NAME, figures.writeTo(out, overwrite), summary);
    }
}
