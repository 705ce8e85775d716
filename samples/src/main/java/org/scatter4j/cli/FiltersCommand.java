package org.scatter4j.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scatter4j.viz.Heatmap;
import org.scatter4j.viz.Heatmap.Scale;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.MorletParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scatter4j filters}: PNG pictures of a Morlet filter bank, for inspection and teaching. */
@Command(name = "filters", mixinStandardHelpOptions = true,
        description = {"Writes PNGs of every Morlet wavelet (real part, imaginary part, modulus, Fourier modulus),",
            "the Gaussian low-pass, the Littlewood-Paley sum and one montage of the whole bank."})
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
        OutputFiles.prepareFolder(out);
        int zoom = Math.max(1, 256 / size);
        List<BufferedImage> montage = new ArrayList<>();
        int written = 0;
        for (MorletParameters w : bank.wavelets()) {
            double[][] spatial = bank.spatialWavelet(w.j(), w.thetaIndex());
            double[] re = Heatmap.centred(spatial[0], size, size);
            double[] im = Heatmap.centred(spatial[1], size, size);
            double[] mod = new double[re.length];
            for (int p = 0; p < re.length; p++) {
                mod[p] = Math.hypot(re[p], im[p]);
            }
            double[] fourier = Heatmap.centred(abs(bank.psi(w.j(), w.thetaIndex(), 0)), size, size);
            String label = String.format("psi j=%d theta=%d (%.0f deg, sigma=%.2g px, xi=%.3g rad/px)", w.j(), w.thetaIndex(),
                    Math.toDegrees(w.theta()), w.sigma(), w.xi());
            String stem = "psi_j" + w.j() + "_theta" + w.thetaIndex();
            written += write(Heatmap.figure(label + " real", re, size, size, Scale.SIGNED, zoom), stem + "_real.png");
            written += write(Heatmap.figure(label + " imag", im, size, size, Scale.SIGNED, zoom), stem + "_imag.png");
            written += write(Heatmap.figure(label + " |psi|", mod, size, size, Scale.POSITIVE, zoom), stem + "_modulus.png");
            BufferedImage f = Heatmap.figure(label + " |psi^| (frequency 0 at centre)", fourier, size, size, Scale.POSITIVE, zoom);
            written += write(f, stem + "_fourier.png");
            montage.add(Heatmap.figure("j=" + w.j() + " theta=" + w.thetaIndex() + " real", re, size, size, Scale.SIGNED, Math.max(1, 128 / size)));
            montage.add(Heatmap.figure("j=" + w.j() + " theta=" + w.thetaIndex() + " |psi^|", fourier, size, size, Scale.POSITIVE, Math.max(1, 128 / size)));
        }
        double[] phi = Heatmap.centred(bank.spatialLowPass(), size, size);
        double[] phiHat = Heatmap.centred(abs(bank.phi(0)), size, size);
        double[] lp = Heatmap.centred(bank.littlewoodPaley(), size, size);
        String phiLabel = String.format("phi_J (sigma=%.2g px)", bank.phiSigma());
        written += write(Heatmap.figure(phiLabel + " spatial", phi, size, size, Scale.POSITIVE, zoom), "phi_spatial.png");
        written += write(Heatmap.figure(phiLabel + " |phi^|", phiHat, size, size, Scale.POSITIVE, zoom), "phi_fourier.png");
        written += write(Heatmap.figure("Littlewood-Paley sum |phi^|^2 + sum (|psi^(w)|^2 + |psi^(-w)|^2)/2", lp, size, size,
                Scale.POSITIVE, zoom), "littlewood_paley.png");
        montage.add(Heatmap.figure("phi spatial", phi, size, size, Scale.POSITIVE, Math.max(1, 128 / size)));
        montage.add(Heatmap.figure("Littlewood-Paley sum", lp, size, size, Scale.POSITIVE, Math.max(1, 128 / size)));
        written += write(Heatmap.montage(String.format("Morlet filter bank: %dx%d grid, J=%d, L=%d", size, size, J, L), montage,
                2 * L), "montage.png");
        writeAll();
        System.out.printf("wrote %d PNGs to %s (J=%d, L=%d, %dx%d grid)%n", written, out, J, L, size, size);
        return 0;
    }

    /** Queues a figure; nothing is written until every target name has been checked. */
    private int write(BufferedImage img, String name) {
        figures.put(name, img);
        return 1;
    }

    private final java.util.Map<String, BufferedImage> figures = new java.util.LinkedHashMap<>();

    private void writeAll() throws java.io.IOException {
        for (String name : figures.keySet()) {
            OutputFiles.checkNewFile(out.resolve(name), overwrite);
        }
        for (java.util.Map.Entry<String, BufferedImage> e : figures.entrySet()) {
            Heatmap.writePng(e.getValue(), out.resolve(e.getKey()));
        }
    }

    private static double[] abs(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.abs(a[i]);
        }
        return out;
    }
}
