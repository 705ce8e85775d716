package org.scatter4j.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The list of teaching demos: name, one-line purpose, the explanation printed under its figures in
 * the report, and how to run it. Adding a demo is one entry here.
 */
public enum Demos {
    FILTERS(FiltersDemo.NAME, "the Morlet filter bank in space and frequency, the low-pass, the Littlewood-Paley sum",
            "Each Morlet wavelet psi_{j,theta} is a plane wave of orientation theta under a Gaussian window of width "
                    + "0.8 * 2^j pixels; in frequency it is a bump at distance ~(3 pi / 4) / 2^j from the origin. The montage shows "
                    + "the real part of every wavelet beside its Fourier modulus. The Littlewood-Paley sum "
                    + "|phi^|^2 + sum (|psi^(w)|^2 + |psi^(-w)|^2) / 2 stays between two positive bounds over the whole frequency "
                    + "plane: the wavelet transform keeps all the energy of the image and is stable to invert (a frame, "
                    + "Mallat 2012, section 2.1; Bruna and Mallat 2013, section 2.1)."),
    COEFFICIENTS(CoefficientsDemo.NAME, "first- and second-order scattering of a digit, as disks and as maps",
            "Scattering coefficients displayed as in Bruna and Mallat 2013 (figure 3): the frequency disk is cut into one "
                    + "sector per path. First order: rings by scale j1 (the finest scale outside, as high frequencies), "
                    + "sectors by orientation theta1, drawn twice (theta and theta + 180 degrees) because a real image has a "
                    + "symmetric spectrum. Second order: each (j1, theta1) sector is subdivided by (j2, theta2). The colour is "
                    + "the spatial average of the coefficient. The maps show every channel's H' x W' image: the first order "
                    + "responds where the strokes have the wavelet's orientation; the second order, much smaller, tells "
                    + "how those responses vary at the coarser scale j2."),
    DEFORMATION(DeformationDemo.NAME, "stability to small deformations: scattering vs Fourier modulus vs pixels",
            "A digit is deformed by a smooth random displacement field s tau(u) of growing size s. The scattering change grows linearly "
                    + "with a small slope: the transform is Lipschitz continuous to deformations (Mallat 2012, theorem 2.12; "
                    + "Bruna and Mallat 2013, section 2.2). The Fourier modulus, although translation invariant, is not: a "
                    + "deformation moves its high frequencies. The pixels change by a large fraction at once, which is why a "
                    + "linear classifier on pixels needs many more examples than one on scattering coefficients. Beyond a "
                    + "pixel or two the Fourier modulus and the pixels bend over: the deformed digit no longer overlaps the "
                    + "original, and they can only say it is different, while scattering still measures by how much."),
    ROTATION(RotationDemo.NAME, "distance between an image's coefficients and those of its rotated copies",
            "A digit (on a 48 x 48 canvas) is rotated about its centre by 0 to 180 degrees. Translation scattering "
                    + "averaged over space is not rotation invariant: a rotation permutes the orientations theta of the paths, "
                    + "so the distance rises over the first 40 degrees and stays high until 140 degrees, then returns to almost 0 "
                    + "at 180 degrees, where each wavelet maps onto its complex conjugate and the moduli are unchanged. Roto-translation scattering (Sifre and Mallat 2013) convolves "
                    + "along the orientations too and averages over them: its curve stays below 0.05 at every angle (the small "
                    + "residue comes from resampling the rotated image on the pixel grid). The raw pixels are shown for scale."),
    TRANSLATION(TranslationDemo.NAME, "relative change under translations, for J = 1, 2, 3",
            "A digit on a 64 x 64 canvas is shifted horizontally by 0 to 16 pixels. The scattering change grows in "
                    + "proportion to the shift divided by 2^J (Mallat 2012, theorem 2.10): the larger the averaging scale 2^J, "
                    + "the more invariant the coefficients (dashed lines mark 2^J). The pixels differ by more than their "
                    + "norm after a shift of one stroke width."),
    MNIST(MnistDemo.NAME, "a small MNIST classification with scattering features and a linear SVM",
            "1000 training and 500 test digits of the bundled MNIST subset, second-order scattering with J = 2 and L = 8 "
                    + "(81 channels of 7 x 7, 3969 features), standardized, and a linear SVM with C = 0.01. The confusion "
                    + "matrix counts each test digit by its true class (row) and predicted class (column). Bruna and Mallat "
                    + "2013 (section 4) report 0.4 % error with the full 60000 training digits and a Gaussian SVM."),
    TEXTURES(TexturesDemo.NAME, "three KTH-TIPS textures and their first-order scattering profiles",
            "Three KTH-TIPS texture photographs (two aluminium foil, one brown bread) and, beside each, the spatial "
                    + "average of its first-order coefficients |x * psi_{j,theta}| * phi_J as a function of orientation, one "
                    + "curve per scale. Textures are stationary, so these averages describe them well; the profile's shape "
                    + "(flat for an isotropic texture, peaked for an oriented one) and its decay across scales are what a "
                    + "texture classifier uses (Bruna and Mallat 2013, section 5)."),
    SIGNALS(SignalsDemo.NAME, "a chirp and a spoken digit: scalogram, first- and second-order scattering, averaging over T",
            "Top of each figure: the scalogram |x * psi|, the wavelet analysis of the signal (Morlet wavelets, Q = 12 per "
                    + "octave, frequency on a log axis). The chirp draws a rising line; the spoken '7' shows its voiced "
                    + "harmonics and the noise of the 's'. Middle: first-order scattering, the same rows averaged over T = 256 "
                    + "samples (32 ms): stable to small time shifts and deformations, but the fast variations inside each "
                    + "window are gone. Bottom: second-order scattering, which recovers them as the modulations of each "
                    + "first-order row at the slower rates of a second wavelet (Anden and Mallat 2014, 'Deep scattering "
                    + "spectrum'). The last figure averages the digit over T = 64 to 8192 samples: the longer the average, the "
                    + "fewer time frames remain; at T = N only the spectral envelope is left, the order of the sounds is lost, "
                    + "which is why the spoken-digit classifier keeps a few time segments.");

    /** Runs one demo into a folder. */
    @FunctionalInterface
    public interface Runner {
        DemoResult run(Path out, boolean overwrite) throws IOException;
    }

    private final String demoName;
    private final String purpose;
    private final String explanation;

    Demos(String demoName, String purpose, String explanation) {
        this.demoName = demoName;
        this.purpose = purpose;
        this.explanation = explanation;
    }

    public String demoName() {
        return demoName;
    }

    public String purpose() {
        return purpose;
    }

    /** What the reader sees and why it matters, with references; plain text. */
    public String explanation() {
        return explanation;
    }

    public DemoResult run(Path out, boolean overwrite) throws IOException {
        return switch (this) {
            case FILTERS -> FiltersDemo.run(out, overwrite);
            case COEFFICIENTS -> CoefficientsDemo.run(out, overwrite);
            case DEFORMATION -> DeformationDemo.run(out, overwrite);
            case ROTATION -> RotationDemo.run(out, overwrite);
            case TRANSLATION -> TranslationDemo.run(out, overwrite);
            case MNIST -> MnistDemo.run(out, overwrite);
            case TEXTURES -> TexturesDemo.run(out, overwrite);
            case SIGNALS -> SignalsDemo.run(out, overwrite);
        };
    }

    /** The demo called {@code name}; the error lists the valid names. */
    public static Demos byName(String name) {
        for (Demos d : values()) {
            if (d.demoName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown demo NAME=" + name + "; expected one of " + names());
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Demos::demoName).toList();
    }

    /** For the demos' main methods: the output folder is args[0], else out/NAME. */
    static Path folder(String[] args, String name) {
        return Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "out/" + name);
    }

    /** For the demos' main methods: existing files are replaced only if an argument is --overwrite. */
    static boolean overwrite(String[] args) {
        return Arrays.asList(args).contains("--overwrite");
    }
}
