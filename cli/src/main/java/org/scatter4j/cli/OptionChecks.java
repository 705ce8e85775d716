package org.scatter4j.cli;

import org.scatter4j.scattering.ScatteringConfig;

/**
 * Checks of options shared by several commands, made before any data is read, through the
 * library's own configuration objects, with messages that name the option.
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * --J, --L (and the order) as {@link ScatteringConfig} accepts them, whatever the image size;
     * the image size is checked by {@link #scatteringShape} once it is known.
     */
    static void scattering(int J, int L, int maxOrder) {
        if (J < 1 || J > 30) {
            throw new IllegalArgumentException("--J must be in [1, 30] (averaging over 2^J pixels), got " + J);
        }
        try {
            new ScatteringConfig(J, L, maxOrder, 1 << J, 1 << J, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(optionNames(e.getMessage()), e);
        }
    }

    /** --J against the size of the images: 2^J must not exceed the height or the width. */
    static void scatteringShape(int J, int L, int maxOrder, int height, int width, String images) {
        scattering(J, L, maxOrder);
        try {
            new ScatteringConfig(J, L, maxOrder, height, width, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--J " + J + " does not fit " + images + ": " + e.getMessage(), e);
        }
    }

    /**
     * --J and --max-order of the 1D commands, whatever the signal length: 2^J must fit an int
     * length; J against the length itself is checked by {@code Scattering1D}'s builder once it is known.
     */
    public static void scattering1d(int J, int maxOrder) {
        if (J < 1 || J > 30) {
            throw new IllegalArgumentException("--J must be in [1, 30] (largest scale 2^J samples, 2^J <= the signal length), got "
                    + J);
        }
        if (maxOrder != 1 && maxOrder != 2) {
            throw new IllegalArgumentException("--max-order must be 1 or 2, got " + maxOrder);
        }
    }

    /** The library names parameters as Java does (L=, maxOrder=); the user typed options. */
    static String optionNames(String message) {
        return message.replaceFirst("^L must", "--L must").replaceFirst("^maxOrder must", "--max-order must")
                .replace(", got L=", ", got ").replace(", got maxOrder=", ", got ");
    }

    /** A positive, finite number: --C and the like. */
    static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + value);
        }
        return value;
    }
}
