package org.scatter4j.spark;

/**
 * A row that a scattering transformer ({@link ScatteringTransformer}, {@link Scattering1DTransformer})
 * cannot transform (null, wrong size, NaN or infinite pixel or sample, unsupported image mode) under
 * handleInvalid=error. The message names the row and the sizes;
 * it reaches the driver as the cause of Spark's job failure, where the command line prints it alone.
 */
public final class InvalidRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidRowException(String message) {
        super(message);
    }
}
