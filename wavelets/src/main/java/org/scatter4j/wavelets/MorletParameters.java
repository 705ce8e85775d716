package org.scatter4j.wavelets;

/**
 * The parameters of one Morlet wavelet psi_{j, theta} of a {@link MorletFilterBank}.
 *
 * @param j          scale index, 0..J-1 (the wavelet's spatial width grows as 2^j)
 * @param thetaIndex orientation index, 0..L-1, in Kymatio's order
 * @param sigma      width of the Gaussian envelope in pixels: 0.8 * 2^j
 * @param theta      orientation in radians: (floor(L - L/2 - 1) - thetaIndex) * pi / L
 * @param xi         central frequency in radians per pixel: (3/4) pi / 2^j
 * @param slant      aspect ratio of the envelope: 4 / L
 */
public record MorletParameters(int j, int thetaIndex, double sigma, double theta, double xi, double slant) {

    /** Kymatio's wavelet (j, t) for L orientations. */
    public static MorletParameters of(int j, int thetaIndex, int L) {
        double sigma = 0.8 * Math.pow(2, j);
        // int(L - L/2 - 1) in Kymatio, with Python's true division: floor for L >= 2.
        int first = (int) Math.floor(L - L / 2.0 - 1);
        double theta = (first - thetaIndex) * Math.PI / L;
        double xi = 3.0 / 4.0 * Math.PI / Math.pow(2, j);
        return new MorletParameters(j, thetaIndex, sigma, theta, xi, 4.0 / L);
    }
}
