package org.scatter4j.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scatter4j.viz.Heatmap.Scale;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.MorletParameters;

/**
 * Pictures of a Morlet filter bank (Bruna and Mallat 2013, section 2): each wavelet in space (real
 * part, imaginary part, modulus) and in frequency (|psi^|, frequency 0 at the centre), the Gaussian
 * low-pass phi_J, the Littlewood-Paley sum and a montage. Shared by {@code scatter4j filters} and the
 * {@code filters} teaching demo, so both draw the same thing.
 */
public final class FilterBankFigures {
    private FilterBankFigures() {
    }

    /** Four figures per wavelet, named psi_j{j}_theta{t}_{real,imag,modulus,fourier}.png. */
    public static Map<String, BufferedImage> perWavelet(MorletFilterBank bank) {
        int size = squareSide(bank);
        int zoom = Math.max(1, 256 / size);
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        for (MorletParameters w : bank.wavelets()) {
            double[][] s = spatial(bank, w);
            String label = String.format("psi j=%d theta=%d (%.0f deg, sigma=%.2g px, xi=%.3g rad/px)", w.j(), w.thetaIndex(),
                    Math.toDegrees(w.theta()), w.sigma(), w.xi());
            String stem = "psi_j" + w.j() + "_theta" + w.thetaIndex();
            out.put(stem + "_real.png", Heatmap.figure(label + " real", s[0], size, size, Scale.SIGNED, zoom));
            out.put(stem + "_imag.png", Heatmap.figure(label + " imag", s[1], size, size, Scale.SIGNED, zoom));
            out.put(stem + "_modulus.png", Heatmap.figure(label + " |psi|", s[2], size, size, Scale.POSITIVE, zoom));
            out.put(stem + "_fourier.png", Heatmap.figure(label + " |psi^| (frequency 0 at centre)", fourier(bank, w), size, size,
                    Scale.POSITIVE, zoom));
        }
        return out;
    }

    /**
     * The low-pass in space and frequency, the Littlewood-Paley sum, and one montage of the whole bank
     * (per scale, a row of real parts and the row of their |psi^|): phi_spatial.png, phi_fourier.png,
     * littlewood_paley.png, montage.png.
     */
    public static Map<String, BufferedImage> overview(MorletFilterBank bank) {
        int size = squareSide(bank);
        int zoom = Math.max(1, 256 / size);
        int small = Math.max(1, 128 / size);
        double[] phi = Heatmap.centred(bank.spatialLowPass(), size, size);
        double[] phiHat = Heatmap.centred(abs(bank.phi(0)), size, size);
        double[] lp = Heatmap.centred(bank.littlewoodPaley(), size, size);
        String phiLabel = String.format("phi_J (sigma=%.2g px)", bank.phiSigma());
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        out.put("phi_spatial.png", Heatmap.figure(phiLabel + " spatial", phi, size, size, Scale.POSITIVE, zoom));
        out.put("phi_fourier.png", Heatmap.figure(phiLabel + " |phi^|", phiHat, size, size, Scale.POSITIVE, zoom));
        out.put("littlewood_paley.png", Heatmap.figure("Littlewood-Paley sum |phi^|^2 + sum (|psi^(w)|^2 + |psi^(-w)|^2)/2", lp,
                size, size, Scale.POSITIVE, zoom));
        List<BufferedImage> tiles = new ArrayList<>();
        // one row of L real parts, then the row of their Fourier moduli, scale by scale
        for (int j = 0; j < bank.J(); j++) {
            for (int t = 0; t < bank.L(); t++) {
                MorletParameters w = bank.wavelet(j, t);
                tiles.add(Heatmap.figure(String.format("j=%d theta=%.1f deg real", j, Math.toDegrees(w.theta())), spatial(bank, w)[0],
                        size, size, Scale.SIGNED, small));
            }
            for (int t = 0; t < bank.L(); t++) {
                MorletParameters w = bank.wavelet(j, t);
                tiles.add(Heatmap.figure(String.format("j=%d theta=%.1f deg |psi^|", j, Math.toDegrees(w.theta())), fourier(bank, w),
                        size, size, Scale.POSITIVE, small));
            }
        }
        tiles.add(Heatmap.figure("phi spatial", phi, size, size, Scale.POSITIVE, small));
        tiles.add(Heatmap.figure("Littlewood-Paley sum", lp, size, size, Scale.POSITIVE, small));
        out.put("montage.png", Heatmap.montage(String.format("Morlet filter bank: %dx%d grid, J=%d, L=%d", size, size, bank.J(),
                bank.L()), tiles, bank.L()));
        return out;
    }

    /** Real part, imaginary part and modulus of psi in space, centred. */
    private static double[][] spatial(MorletFilterBank bank, MorletParameters w) {
        int size = squareSide(bank);
        double[][] s = bank.spatialWavelet(w.j(), w.thetaIndex());
        double[] re = Heatmap.centred(s[0], size, size);
        double[] im = Heatmap.centred(s[1], size, size);
        double[] mod = new double[re.length];
        for (int p = 0; p < re.length; p++) {
            mod[p] = Math.hypot(re[p], im[p]);
        }
        return new double[][] {re, im, mod};
    }

    private static double[] fourier(MorletFilterBank bank, MorletParameters w) {
        int size = squareSide(bank);
        return Heatmap.centred(abs(bank.psi(w.j(), w.thetaIndex(), 0)), size, size);
    }

    private static int squareSide(MorletFilterBank bank) {
        if (bank.height() != bank.width()) {
            throw new IllegalArgumentException("filter bank figures need a square grid, got " + bank.height() + "x" + bank.width());
        }
        return bank.height();
    }

    private static double[] abs(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.abs(a[i]);
        }
        return out;
    }
}
