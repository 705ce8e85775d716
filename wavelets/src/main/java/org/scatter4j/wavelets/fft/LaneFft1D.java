package org.scatter4j.wavelets.fft;

import java.util.concurrent.ConcurrentHashMap;

/**
 * 1D FFTs of a batch of signals held as lanes: sample {@code t} of lane {@code b} at {@code t * lanes
 * + b} (signals interleaved, one sample of every signal after another), the layout of the 1D
 * scattering cascade. One instance owns the work blocks for a largest length {@code n} and a largest
 * lane count, and transforms in place any length {@code m = n / 2^k} (or {@code n} itself) with any
 * lane count up to that; it is not thread-safe (one per thread), its plans and twiddles are shared.
 *
 * <p>The four-step algorithm (Bailey, "FFTs in external or hierarchical memory", J. Supercomputing
 * 4, 1990; Van Loan 1992, section 3.3) writes {@code m = n1 n2}, {@code t = n2 t1 + t2}, {@code k =
 * k1 + n1 k2}, so that {@code w_m^(t k) = w_n1^(t1 k1) w_m^(t2 k1) w_n2^(t2 k2)}:
 * <ol>
 *   <li>length-{@code n1} FFTs over {@code t1}, whose blocks {@code t1} are the contiguous runs
 *       {@code x[n2 t1 .. n2 t1 + n2)} of {@code n2 * lanes} values (a plain copy in);</li>
 *   <li>the twiddles {@code w_m^(t2 k1)};</li>
 *   <li>a transpose to blocks {@code t2} of {@code n1 * lanes} values;</li>
 *   <li>length-{@code n2} FFTs over {@code t2}, whose output block {@code k2} is the run {@code
 *       X[n1 k2 .. n1 k2 + n1)} of the natural-order spectrum (a plain copy out).</li>
 * </ol>
 * Both passes run the project's Stockham butterflies ({@link Stockham}) over blocks of about {@code
 * sqrt(m) * lanes} values, long enough for C2 to vectorize even with one lane. Every lane sees the
 * same arithmetic whatever the lane count, so results do not depend on how signals are grouped.
 *
 * <p>The inverse uses {@code IDFT(x) = swap(DFT(swap(x))) / m} ({@code swap} exchanges real and
 * imaginary parts), the scaling folded into the copy out. A real input of even length {@code m}
 * ({@link #forwardReal}) takes one complex transform of length {@code m / 2}: {@code z_q = x_2q + i
 * x_2q+1}, then {@code X_f = E_f + w_m^f O_f} with {@code E_f = (Z_f + conj Z_(m/2-f)) / 2} and
 * {@code O_f = (Z_f - conj Z_(m/2-f)) / 2i} (the spectra of the even and odd samples), and {@code
 * X_(f+m/2) = E_f - w_m^f O_f} for the upper half (Press et al., Numerical Recipes, 3rd ed., section
 * 12.3.2, which takes {@code X_(m-f) = conj X_f}, the same in exact arithmetic). Each lane still
 * sees its own arithmetic only.
 *
 * <p>{@link #inverseReal} is the reverse for an output whose real part only is wanted: with {@code h
 * = m / 2} and y = IDFT_m(Y), the even samples are {@code y_2q = IDFT_h(A)_q}, {@code A_f = (Y_f +
 * Y_(f+h)) / 2}, the odd ones {@code y_2q+1 = IDFT_h(B)_q}, {@code B_f = w_m^-f (Y_f - Y_(f+h)) / 2};
 * the real part of IDFT_h(A) is the inverse of A's Hermitian part {@code (A_f + conj A_(h-f)) / 2},
 * so one complex inverse of length h of {@code Z_f = (P + Q) / 4 + i w_m^-f (P - Q) / 4}, {@code P =
 * Y_f + conj Y_(m-f)}, {@code Q = Y_(f+h) + conj Y_(h-f)}, gives Re y_2q and Re y_2q+1 as its real
 * and imaginary parts. For a Hermitian Y (a real signal's spectrum times a real symmetric filter)
 * {@code P = 2 Y_f} and {@code Q = 2 Y_(f+h)}, the usual "tangle"; any other Y gets the real part of
 * its inverse all the same.
 */
public final class LaneFft1D {
    /** Four-step twiddles per length: {@code [0]} real, {@code [1]} imaginary parts of w_m^(t2 k1) at k1 n2 + t2. */
    private static final ConcurrentHashMap<Integer, double[][]> TWIDDLES = new ConcurrentHashMap<>();
    /** Real-input twiddles per even length m: {@code [0]} real, {@code [1]} imaginary parts of w_m^f, f &lt; m / 2. */
    private static final ConcurrentHashMap<Integer, double[][]> HALF_TWIDDLES = new ConcurrentHashMap<>();

    private final int length;
    private final int maxLanes;
    private final double[][] aRe;
    private final double[][] aIm;
    private final double[][] bRe;
    private final double[][] bIm;
    private final double[][] scratch;
    /**
     * Rows of one block of the (un)tangle ({@link #tangleBlock}, {@link #untangleBlock}), at offset
     * 0 so that C2 vectorizes the loops over them: every access at the same index.
     */
    private final double[] sAr, sAi, sBr, sBi, sCr, sCi, sDr, sDi;
    /** Twiddles of one block repeated over the lanes ({@link #expand}), at the index of the values they multiply. */
    private final double[] tr, ti;
    /** Per lane, the totals and the partial sums of {@link #sumTwiddled}. */
    private final double[] sumRe, sumIm; // float64 in both
    private final double[] partRe, partIm;
    /**
     * Per length {@code m = length >> s}, at index s ({@link #shift}): the plans of the four steps'
     * factors n1 and n2, the four-step twiddles and (m even) the real-input twiddles, looked up in the
     * shared caches once here, so that a transform allocates nothing (a cache lookup boxes its key).
     */
    private final FftPlan[] firstPlans, secondPlans;
    private final double[][][] stepTwiddles, halfTwiddles;
    /** The blocks that hold the spectrum after {@link #core}: block k2 is the run {@code X[n1 k2 .. n1 k2 + n1)}. */
    private double[][] outRe;
    private double[][] outIm;

    /** Work blocks for every length {@code length / 2^k} and up to {@code maxLanes} lanes. */
    public LaneFft1D(int length, int maxLanes) {
        if (length < 1 || maxLanes < 1) {
            throw new IllegalArgumentException("LaneFft1D size must be positive: length=" + length + ", lanes=" + maxLanes);
        }
        this.length = length;
        this.maxLanes = maxLanes;
        // block i must hold n2 * lanes values in the first pass (i < n1) and n1 * lanes in the second (i < n2)
        int blocks = 0;
        int[] need = new int[0];
        int maxGeneric = 0;
        int lengths = Integer.numberOfTrailingZeros(length) + 1; // length, length / 2, ... down to an odd one
        firstPlans = new FftPlan[lengths];
        secondPlans = new FftPlan[lengths];
        stepTwiddles = new double[lengths][][];
        halfTwiddles = new double[lengths][][];
        for (int m = length, s = 0; m >= 1; m /= 2, s++) {
            int n1 = firstFactor(m), n2 = m / n1;
            firstPlans[s] = FftPlan.of(n1);
            secondPlans[s] = FftPlan.of(n2);
            stepTwiddles[s] = TWIDDLES.computeIfAbsent(m, LaneFft1D::computeTwiddles);
            halfTwiddles[s] = m % 2 == 0 ? HALF_TWIDDLES.computeIfAbsent(m, LaneFft1D::computeHalfTwiddles) : null;
            blocks = Math.max(blocks, Math.max(n1, n2));
            if (need.length < blocks) {
                need = java.util.Arrays.copyOf(need, blocks);
            }
            for (int i = 0; i < Math.max(n1, n2); i++) {
                int w = Math.max(i < n1 ? n2 : 0, i < n2 ? n1 : 0);
                need[i] = Math.max(need[i], Math.multiplyExact(w, maxLanes));
            }
            maxGeneric = Math.max(maxGeneric, Math.max(firstPlans[s].maxGenericRadix(), secondPlans[s].maxGenericRadix()));
            if ((m & 1) != 0) {
                break;
            }
        }
        aRe = new double[blocks][];
        aIm = new double[blocks][];
        bRe = new double[blocks][];
        bIm = new double[blocks][];
        for (int i = 0; i < blocks; i++) {
            aRe[i] = new double[need[i]];
            aIm[i] = new double[need[i]];
            bRe[i] = new double[need[i]];
            bIm[i] = new double[need[i]];
        }
        scratch = maxGeneric == 0 ? null : new double[4][need[0]];
        sAr = new double[need[0]];
        sAi = new double[need[0]];
        sBr = new double[need[0]];
        sBi = new double[need[0]];
        sCr = new double[need[0]];
        sCi = new double[need[0]];
        sDr = new double[need[0]];
        sDi = new double[need[0]];
        tr = new double[need[0]];
        ti = new double[need[0]];
        sumRe = new double[maxLanes]; // float64 in both
        sumIm = new double[maxLanes]; // float64 in both
        partRe = new double[maxLanes];
        partIm = new double[maxLanes];
    }

    /** The largest length this instance transforms. */
    public int length() {
        return length;
    }

    /** The largest lane count this instance transforms. */
    public int maxLanes() {
        return maxLanes;
    }

    /** In place: (re, im) = DFT(re + i im) of {@code lanes} interleaved signals of length {@code m}. */
    public void forward(double[] re, double[] im, int m, int lanes) {
        transform(re, im, m, lanes, 1.0);
    }

    /** In place: the inverse DFT (with its 1/m) of {@code lanes} interleaved spectra of length {@code m}. */
    public void inverse(double[] re, double[] im, int m, int lanes) {
        transform(im, re, m, lanes, 1.0 / m);
    }

    /**
     * In place: re = |IDFT(re + i im)| (with its 1/m) of {@code lanes} interleaved spectra of length
     * {@code m}, the modulus taken in the inverse's copy out (no pass of its own over memory); {@code
     * im} is then scratch. Bit for bit {@link #inverse} followed by {@code re = sqrt(re^2 + im^2)}.
     */
    public void inverseModulus(double[] re, double[] im, int m, int lanes) {
        check(re, im, m, lanes);
        load(im, re, m, lanes);
        core(m, lanes);
        int n1 = firstFactor(m), n2 = m / n1;
        int w2 = n1 * lanes;
        double scale = 1.0 / m;
        for (int k2 = 0; k2 < n2; k2++) {
            // the inverse's real part is the swapped transform's imaginary part (class comment)
            storeModulus(outIm[k2], outRe[k2], re, k2 * w2, w2, scale);
        }
    }

    /**
     * {@code out[at + v] = |(xr[v] + i xi[v]) scale|} for v &lt; count, rounded as {@link #store}
     * then a separate modulus would. The modulus is taken in place in the block (every access at
     * the same index v) and then copied: C2 (JDK 17) vectorizes the in-place loop but not one that
     * writes {@code out[at + v]} while reading {@code xr[v]} (it cannot rule out that they overlap
     * at an offset), and a scalar sqrt per value cost more than the pass saved (g 0.377 -> 0.422 ms).
     */
    private static void storeModulus(double[] xr, double[] xi, double[] out, int at, int count, double scale) {
        for (int v = 0; v < count; v++) {
            double r = xr[v] * scale, i = xi[v] * scale;
            xr[v] = Math.sqrt(r * r + i * i);
        }
        System.arraycopy(xr, 0, out, at, count);
    }

    /**
     * The DFT of a real input in {@code re} into (re, im); {@code im}'s input is ignored. An even
     * length takes one complex transform of half the length (see the class comment).
     */
    public void forwardReal(double[] re, double[] im, int m, int lanes) {
        if (m % 2 != 0 || m < 4) {
            java.util.Arrays.fill(im, 0, m * lanes, 0.0);
            transform(re, im, m, lanes, 1.0);
            return;
        }
        check(re, im, m, lanes);
        int h = m / 2;
        int n1 = firstFactor(h), n2 = h / n1;
        loadPacked(re, h, lanes);
        core(h, lanes);
        // Z_f is at outRe[f / c][(f % c) * lanes], c = n1 of the half length: block k2 holds f in [c k2, c k2 + c)
        int c = n1;
        double[] zr0 = outRe[0], zi0 = outIm[0];
        for (int b = 0; b < lanes; b++) { // f = 0 and f = m/2: E and O are the real and imaginary parts of Z_0
            re[b] = zr0[b] + zi0[b];
            im[b] = 0.0;
            re[h * lanes + b] = zr0[b] - zi0[b];
            im[h * lanes + b] = 0.0;
        }
        double[][] tw = halfTwiddles[shift(m)];
        for (int k2 = 0; k2 < n2; k2++) {
            int f0 = c * k2, lo = k2 == 0 ? 1 : 0; // f = 0 is done
            int g = h - f0 - lo, block = g / c, at = g % c; // Z_(h-f) of the block's f, gathered in f's order
            for (int j = lo; j < c; j++) { // g = h - f0 - j steps down: no division per value
                copyRun(outRe[block], outIm[block], at * lanes, sCr, sCi, j * lanes, lanes);
                if (--at < 0) {
                    block--;
                    at = c - 1;
                }
            }
            expand(tw[0], f0, c, tr, lanes);
            expand(tw[1], f0, c, ti, lanes);
            untangleBlock(tr, ti, outRe[k2], outIm[k2], lo * lanes, c * lanes);
            System.arraycopy(sAr, lo * lanes, re, (f0 + lo) * lanes, (c - lo) * lanes);
            System.arraycopy(sAi, lo * lanes, im, (f0 + lo) * lanes, (c - lo) * lanes);
            System.arraycopy(sBr, lo * lanes, re, (h + f0 + lo) * lanes, (c - lo) * lanes); // X_(f+h), the same run order
            System.arraycopy(sBi, lo * lanes, im, (h + f0 + lo) * lanes, (c - lo) * lanes);
        }
    }

    /** z_q = x_2q + i x_2q+1 of the real input in {@code re}, copied straight into the first pass's blocks of length h (t1 holds z[n2 t1 .. n2 t1 + n2)). */
    private void loadPacked(double[] re, int h, int lanes) {
        int n1 = firstFactor(h), n2 = h / n1;
        for (int t1 = 0; t1 < n1; t1++) {
            double[] dr = aRe[t1], di = aIm[t1];
            for (int j = 0; j < n2; j++) {
                int q = n2 * t1 + j;
                copy(re, 2 * q * lanes, dr, j * lanes, lanes);
                copy(re, (2 * q + 1) * lanes, di, j * lanes, lanes);
            }
        }
    }

    /**
     * The DFT of a real input in {@code re}, as {@link #forwardReal}, at the bins {@code [0, low)} and
     * {@code [m - high, m)} only, into (re, im) at their places; the other bins are left undefined. For
     * an average, whose low-pass filter reads a few bins around frequency 0.
     *
     * <p>With h = m / 2 = n1 n2 and {@code k = k1 + n1 k2} (class comment), bin k of the half-length
     * transform is {@code Z_k = sum over t2 of y_(k1)[t2] w_h^(t2 k)}, y the four-step's first pass:
     * the first pass runs whole, then each bin the untangle needs (Z_g and Z_(h-g), g below {@code
     * max(low, high + 1)}) is that sum, and the untangle runs on those bins; the transpose, the second
     * pass and every other bin are skipped. The sums cost n2 per bin and lane against the second
     * pass's log2(n2) per value (and the transpose and untangle per value), so they are taken for up
     * to {@code n1 log2(n2) / 4} bins ({@link #PRUNE_DIVISOR}); above that, or for m odd or below 64,
     * this is {@link #forwardReal}. That choice and the sums' order (t2 ascending, per lane) are the
     * same for every lane count, so a lane's bits do not depend on how many lanes share the block;
     * they differ from forwardReal's bins by rounding only.
     */
    public void forwardRealEnds(double[] re, double[] im, int m, int lanes, int low, int high) {
        int h = m / 2;
        int n1 = firstFactor(h), n2 = h / n1;
        int bins = Math.max(low, high + 1); // Z_g and Z_(h-g) for g < bins
        // not by lane count: a lane's bits must not depend on how many signals share its block
        long most = (long) n1 * Integer.numberOfTrailingZeros(n2) / PRUNE_DIVISOR;
        if (m % 2 != 0 || m < 64 || bins > most || 2 * bins > h) {
            forwardReal(re, im, m, lanes);
            return;
        }
        check(re, im, m, lanes);
        loadPacked(re, h, lanes);
        boolean inB = Stockham.run(firstPlans[shift(h)], aRe, aIm, bRe, bIm, n2 * lanes, scratch);
        double[][] yRe = inB ? bRe : aRe, yIm = inB ? bIm : aIm;
        double[][] tw = halfTwiddles[shift(m)]; // w_m^f, f < h: w_h^e = w_m^(2e)
        // Z_g into the row D, Z_(h-g) into the row C at g * lanes (g = 0: Z_h = Z_0), the untangle's inputs
        for (int g = 0; g < bins; g++) {
            sumTwiddled(yRe[g % n1], yIm[g % n1], tw, g, h, n2, sDr, sDi, g * lanes, lanes);
            if (g > 0) {
                sumTwiddled(yRe[(h - g) % n1], yIm[(h - g) % n1], tw, h - g, h, n2, sCr, sCi, g * lanes, lanes);
            }
        }
        System.arraycopy(sDr, 0, sCr, 0, lanes);
        System.arraycopy(sDi, 0, sCi, 0, lanes);
        // the untangle of those bins: X_f in the row A, then X_(m-f) = conj X_f for the upper ones
        expand(tw[0], 0, bins, tr, lanes);
        expand(tw[1], 0, bins, ti, lanes);
        untangleBlock(tr, ti, sDr, sDi, 0, bins * lanes);
        System.arraycopy(sAr, 0, re, 0, low * lanes);
        System.arraycopy(sAi, 0, im, 0, low * lanes);
        for (int f = 1; f <= high; f++) {
            for (int b = 0; b < lanes; b++) {
                re[(m - f) * lanes + b] = sAr[f * lanes + b];
                im[(m - f) * lanes + b] = -sAi[f * lanes + b];
            }
        }
    }

    /**
     * {@code (outRe, outIm)[at + b] = sum over t2 < n2 of (yr, yi)[t2 lanes + b] w_h^(t2 k)} for b &lt;
     * lanes (0 &lt;= k &lt; h): one bin of the pruned transform ({@link #forwardRealEnds}), the twiddles
     * from the real-input table of m = 2h ({@code tw}, w_m^f for f &lt; h; w_m^(f+h) = -w_m^f). The
     * lanes are the inner loop; the terms are summed {@link #SUM_CHUNK} at a time in the cascade's
     * precision, then into float64 totals.
     */
    private void sumTwiddled(double[] yr, double[] yi, double[][] tw, int k, int h, int n2, double[] outRe, double[] outIm, int at,
            int lanes) {
        double[] cr = tw[0], ci = tw[1];
        double[] sr = sumRe, si = sumIm; // float64 in both: the totals
        double[] pr = partRe, pi = partIm;
        java.util.Arrays.fill(sr, 0, lanes, 0.0); // float64 in both
        java.util.Arrays.fill(si, 0, lanes, 0.0); // float64 in both
        int e = 0; // t2 k mod h
        for (int t0 = 0; t0 < n2; t0 += SUM_CHUNK) {
            // SUM_CHUNK terms in the cascade's precision (the loop over the lanes vectorizes), then into
            // the float64 totals: n2 terms in a row would lose more than the FFT's log2(n2) levels
            java.util.Arrays.fill(pr, 0, lanes, 0.0);
            java.util.Arrays.fill(pi, 0, lanes, 0.0);
            for (int t2 = t0; t2 < Math.min(n2, t0 + SUM_CHUNK); t2++) {
                int f = 2 * e;
                double wr = f < h ? cr[f] : -cr[f - h], wi = f < h ? ci[f] : -ci[f - h];
                int v = t2 * lanes;
                if (lanes >= IN_PLACE_LANES) { // the run copied to offset 0: C2 vectorizes loops whose accesses share one index
                    System.arraycopy(yr, v, tr, 0, lanes);
                    System.arraycopy(yi, v, ti, 0, lanes);
                    for (int b = 0; b < lanes; b++) {
                        double xr = tr[b], xi = ti[b];
                        pr[b] += xr * wr - xi * wi;
                        pi[b] += xr * wi + xi * wr;
                    }
                } else {
                    for (int b = 0; b < lanes; b++) {
                        double xr = yr[v + b], xi = yi[v + b];
                        pr[b] += xr * wr - xi * wi;
                        pi[b] += xr * wi + xi * wr;
                    }
                }
                e += k;
                if (e >= h) {
                    e -= h;
                }
            }
            for (int b = 0; b < lanes; b++) {
                sr[b] += pr[b]; // float64 in both
                si[b] += pi[b]; // float64 in both
            }
        }
        for (int b = 0; b < lanes; b++) {
            outRe[at + b] = (double) sr[b];
            outIm[at + b] = (double) si[b];
        }
    }

    /**
     * {@link #forwardRealEnds} sums at most {@code n1 log2(n2) / PRUNE_DIVISOR} bins. Measured in float32
     * (pruned against whole, ms): 4 lanes, 30 bins: 65536 0.37 / 1.01, 16384 0.13 / 0.27, 4096 0.038 /
     * 0.054 (pruned), 1024 0.018 / 0.016 (whole); 64 lanes, 26 bins: 4096 0.36 / 0.53, 2048 0.24 / 0.30
     * (pruned), 1024 0.122 / 0.119, 512 0.044 / 0.039 (whole); 32 lanes, 55 bins: 8192 0.43 / 0.59
     * (pruned), 4096 0.26 / 0.29, 2048 0.124 / 0.109 (whole). A quarter draws that line.
     */
    private static final int PRUNE_DIVISOR = 4;

    /** Terms of {@link #sumTwiddled} summed in the cascade's precision before they join the float64 totals. */
    private static final int SUM_CHUNK = 16;

    /**
     * The real part of the inverse DFT (with its 1/m) of {@code lanes} interleaved spectra of length
     * {@code m} into {@code re}; {@code im} is then scratch. An even length {@code m >= 4} takes one
     * complex inverse of half the length (see the class comment), others the complex inverse.
     */
    public void inverseReal(double[] re, double[] im, int m, int lanes) {
        if (m % 2 != 0 || m < 4) {
            inverse(re, im, m, lanes);
            return;
        }
        check(re, im, m, lanes);
        int h = m / 2;
        // Z_f written straight into the first pass's blocks, swapped (real part into aIm) for the
        // inverse as a forward transform (class comment): z_f is at aRe/aIm[f / n2][(f % n2) * lanes]
        int n1 = firstFactor(h), n2 = h / n1;
        int w = n2 * lanes;
        double[][] tw = halfTwiddles[shift(m)];
        for (int f = 0; !TANGLE_IN_BLOCKS && f < h; f++) {
            tangle(tw[0][f], tw[1][f], f * lanes, (f + h) * lanes, (h - f) * lanes, ((m - f) % m) * lanes, re, im,
                    aIm[f / n2], aRe[f / n2], (f % n2) * lanes, lanes);
        }
        for (int t1 = 0; TANGLE_IN_BLOCKS && t1 < n1; t1++) { // block t1 holds f in [n2 t1, n2 t1 + n2)
            int f0 = n2 * t1;
            System.arraycopy(re, f0 * lanes, sAr, 0, w); // Y_f
            System.arraycopy(im, f0 * lanes, sAi, 0, w);
            System.arraycopy(re, (f0 + h) * lanes, sBr, 0, w); // Y_(f+h)
            System.arraycopy(im, (f0 + h) * lanes, sBi, 0, w);
            for (int j = 0; j < n2; j++) {
                int f = f0 + j;
                copyRun(re, im, (h - f) * lanes, sCr, sCi, j * lanes, lanes); // Y_(h-f)
                copyRun(re, im, ((m - f) % m) * lanes, sDr, sDi, j * lanes, lanes); // Y_(m-f)
            }
            expand(tw[0], f0, n2, tr, lanes);
            expand(tw[1], f0, n2, ti, lanes);
            tangleBlock(tr, ti, aIm[t1], aRe[t1], w);
        }
        core(h, lanes);
        // Re y_2q, Re y_2q+1 = the real and imaginary parts of IDFT_h(Z)_q: the swapped transform's
        // imaginary and real parts, at block q / n1, scaled by 1/h in the copy out
        double scale = 1.0 / h;
        int w2 = n1 * lanes;
        for (int k2 = 0; k2 < n2; k2++) {
            double[] yr = outIm[k2], yi = outRe[k2];
            for (int v = 0; v < w2; v++) { // scaled in place (one index, vectorized), then the runs moved
                yr[v] = yr[v] * scale;
                yi[v] = yi[v] * scale;
            }
            for (int j = 0; j < n1; j++) {
                int q = n1 * k2 + j, even = 2 * q * lanes;
                copy(yr, j * lanes, re, even, lanes);
                copy(yi, j * lanes, re, even + lanes, lanes);
            }
        }
    }

    /*
     * The (un)tangle of one block runs in loops over rows at offset 0 (one index: C2 (JDK 17)
     * vectorizes nothing else) small enough for C2 to unroll and so vectorize: a loop body above
     * -XX:LoopUnrollLimit (60 nodes by default, about ten array accesses with their arithmetic) is
     * not unrolled and stays scalar. The untangle as one loop (6 rows read, 3 written) ran at 1.8
     * ns per value in a microbenchmark (float32, 1024 values), split in two at 0.29. Values stored
     * between the loops are rounded to the precision as they would be in registers (Java neither
     * keeps extra precision nor fuses), so the split costs no bits.
     */

    /**
     * Whether {@link #inverseReal} tangles per block ({@link #tangleBlock}: rows, loops C2
     * vectorizes) or per frequency ({@link #tangle}: one scalar loop over the lanes). The two give
     * the same bits; per block was faster in float32 and slower in float64 (per-operation A/B, p25
     * ms: float32 g 21.6 -> 17.4, e 28.1 -> 25.7, f 40.3 -> 33.4; float64 g 30.2 -> 31.3, e 43.3 ->
     * 51.0, f 58.2 -> 66.0: the float64 rows' traffic), so it is chosen per precision: {@code
     * Double.BYTES} reads {@code Float.BYTES} in the generated float32 twin, where this is true.
     */
    private static final boolean TANGLE_IN_BLOCKS = Double.BYTES == 4;

    /**
     * Z_f of every lane from Y_f, Y_(f+h), Y_(h-f), Y_(m-f) (at {@code a, b, c, d}) into {@code
     * (zr, zi)} at {@code at}; (wr, wi) = w_m^f, so w_m^-f = wr - i wi.
     */
    private static void tangle(double wr, double wi, int a, int b, int c, int d, double[] re, double[] im, double[] zr, double[] zi,
            int at, int lanes) {
        for (int k = 0; k < lanes; k++) {
            double pr = re[a + k] + re[d + k], pi = im[a + k] - im[d + k];
            double qr = re[b + k] + re[c + k], qi = im[b + k] - im[c + k];
            double dr = 0.25 * (pr - qr), di = 0.25 * (pi - qi);
            zr[at + k] = 0.25 * (pr + qr) - (wr * di - wi * dr);
            zi[at + k] = 0.25 * (pi + qi) + (wr * dr + wi * di);
        }
    }

    /**
     * Z_f of every lane of one block (class comment) from Y_f, Y_(f+h), Y_(h-f), Y_(m-f) in the rows
     * A, B, C, D into {@code (zr, zi)}; (twr, twi) = w_m^f per value, so w_m^-f = wr - i wi. Rows A
     * and B are overwritten.
     */
    private void tangleBlock(double[] twr, double[] twi, double[] zr, double[] zi, int count) {
        double[] pr = sAr, pi = sAi, qr = sBr, qi = sBi, cr = sCr, ci = sCi, dr = sDr, di = sDi;
        for (int v = 0; v < count; v++) { // P = Y_f + conj Y_(m-f)
            pr[v] = pr[v] + dr[v];
            pi[v] = pi[v] - di[v];
        }
        for (int v = 0; v < count; v++) { // Q = Y_(f+h) + conj Y_(h-f)
            qr[v] = qr[v] + cr[v];
            qi[v] = qi[v] - ci[v];
        }
        for (int v = 0; v < count; v++) { // (P + Q) / 4 into P, (P - Q) / 4 into Q
            double ar = pr[v], ai = pi[v], br = qr[v], bi = qi[v];
            pr[v] = 0.25 * (ar + br);
            pi[v] = 0.25 * (ai + bi);
            qr[v] = 0.25 * (ar - br);
            qi[v] = 0.25 * (ai - bi);
        }
        for (int v = 0; v < count; v++) { // Z_f = (P + Q) / 4 + i w^-f (P - Q) / 4
            double sr = qr[v], si = qi[v], wr = twr[v], wi = twi[v];
            zr[v] = pr[v] - (wr * si - wi * sr);
            zi[v] = pi[v] + (wr * sr + wi * si);
        }
    }

    /**
     * X_f and X_(f+h) (in the rows A and B) of every lane of one block from Z_f (in {@code (zr, zi)})
     * and Z_(h-f) (in the row C, then scratch), values {@code from .. to}, h = m/2; (twr, twi) = w_m^f
     * per value. {@code X_(f+h) = E_f - w_m^f O_f} (E and O are h-periodic and w_m^h = -1) gives the
     * upper half of the spectrum in the order of the lower half, so that it is copied out in runs: its
     * other form {@code X_(m-f) = conj X_f} reverses the order of the lane runs, one scalar move per
     * run, which took a sixth of a 4-lane {@link #forwardReal} (docs/signal1d.md, ninth session).
     */
    private void untangleBlock(double[] twr, double[] twi, double[] zr, double[] zi, int from, int to) {
        double[] er = sAr, ei = sAi, yr = sBr, yi = sBi, or = sCr, oi = sCi;
        for (int v = from; v < to; v++) { // E = (Z_f + conj Z_(h-f)) / 2, O = (Z_f - conj Z_(h-f)) / 2i
            double ar = zr[v], ai = zi[v], br = or[v], bi = oi[v];
            er[v] = 0.5 * (ar + br);
            ei[v] = 0.5 * (ai - bi);
            or[v] = 0.5 * (ai + bi);
            oi[v] = -0.5 * (ar - br);
        }
        for (int v = from; v < to; v++) { // X_(f+h) = E - w O (two loops of eight array accesses, where one of ten might stay scalar)
            double pr = or[v], pi = oi[v], wr = twr[v], wi = twi[v];
            yr[v] = er[v] - wr * pr + wi * pi;
            yi[v] = ei[v] - wr * pi - wi * pr;
        }
        for (int v = from; v < to; v++) { // X_f = E + w O
            double pr = or[v], pi = oi[v], wr = twr[v], wi = twi[v];
            double xr = er[v] + wr * pr - wi * pi;
            double xi = ei[v] + wr * pi + wi * pr;
            er[v] = xr;
            ei[v] = xi;
        }
    }

    /** {@code lanes} values of (sr, si) from {@code from} to (dr, di) at {@code to}. */
    private static void copyRun(double[] sr, double[] si, int from, double[] dr, double[] di, int to, int lanes) {
        copy(sr, from, dr, to, lanes);
        copy(si, from, di, to, lanes);
    }

    /**
     * {@code lanes} values of s from {@code from} to d at {@code to}: {@code System.arraycopy} from
     * {@link #IN_PLACE_LANES} lanes, straight code at 1 and 4 (one long signal, and f's lane count: no
     * call, no loop to enter for one or four values), a loop otherwise.
     */
    private static void copy(double[] s, int from, double[] d, int to, int lanes) {
        if (lanes >= IN_PLACE_LANES) {
            System.arraycopy(s, from, d, to, lanes);
        } else if (lanes == 1) {
            d[to] = s[from];
        } else if (lanes == 4) {
            d[to] = s[from];
            d[to + 1] = s[from + 1];
            d[to + 2] = s[from + 2];
            d[to + 3] = s[from + 3];
        } else {
            for (int k = 0; k < lanes; k++) {
                d[to + k] = s[from + k];
            }
        }
    }

    /**
     * Lanes from which {@link #twiddleTranspose} multiplies in place and lane runs are moved by
     * {@code System.arraycopy} rather than by a loop; below it the copies cost more than they save.
     */
    private static final int IN_PLACE_LANES = 8;

    /**
     * {@code row[j * lanes + k] = tw[from + j]} for j &lt; count, k &lt; lanes: the twiddles of one
     * block at the index of the values they multiply, so that the loop over the block reads every
     * row at one index (vectorized) without a table of the whole length repeated over the lanes
     * (such tables, static, made float64 e 8 % slower: their traffic beyond the L2 cache).
     */
    private static void expand(double[] tw, int from, int count, double[] row, int lanes) {
        if (lanes == 1) { // the row itself (one long signal: the scalogram, a long recording, a filter's norm)
            System.arraycopy(tw, from, row, 0, count);
            return;
        }
        for (int j = 0; j < count; j++) {
            double w = tw[from + j];
            int at = j * lanes;
            if (lanes == 4) {
                row[at] = w;
                row[at + 1] = w;
                row[at + 2] = w;
                row[at + 3] = w;
            } else {
                for (int k = 0; k < lanes; k++) {
                    row[at + k] = w;
                }
            }
        }
    }

    private void transform(double[] re, double[] im, int m, int lanes, double scale) {
        check(re, im, m, lanes);
        load(re, im, m, lanes);
        core(m, lanes);
        int n1 = firstFactor(m), n2 = m / n1;
        int w2 = n1 * lanes;
        for (int k2 = 0; k2 < n2; k2++) {
            store(outRe[k2], re, k2 * w2, w2, scale);
            store(outIm[k2], im, k2 * w2, w2, scale);
        }
    }

    /** Step 1's copy in: block t1 of the first pass = the run {@code x[n2 t1 .. n2 t1 + n2)}. */
    private void load(double[] re, double[] im, int m, int lanes) {
        int n1 = firstFactor(m), n2 = m / n1;
        int w1 = n2 * lanes;
        for (int t1 = 0; t1 < n1; t1++) {
            System.arraycopy(re, t1 * w1, aRe[t1], 0, w1);
            System.arraycopy(im, t1 * w1, aIm[t1], 0, w1);
        }
    }

    /**
     * The four steps on the blocks {@code aRe, aIm} that the caller filled (block t1 = the run
     * {@code x[n2 t1 .. n2 t1 + n2)} of length m): the natural-order spectrum is left in {@code
     * outRe, outIm}, block k2 = the run {@code X[n1 k2 .. n1 k2 + n1)}, for the caller to copy out.
     */
    private void core(int m, int lanes) {
        int n1 = firstFactor(m), n2 = m / n1;
        int w1 = n2 * lanes, w2 = n1 * lanes;
        int s = shift(m);
        boolean inB = Stockham.run(firstPlans[s], aRe, aIm, bRe, bIm, w1, scratch);
        double[][] yRe = inB ? bRe : aRe, yIm = inB ? bIm : aIm;
        double[][] zRe = inB ? aRe : bRe, zIm = inB ? aIm : bIm;
        if (lanes < IN_PLACE_LANES) {
            twiddleTransposeFew(yRe, yIm, zRe, zIm, stepTwiddles[s], n1, n2, lanes);
        } else {
            twiddleTranspose(yRe, yIm, zRe, zIm, stepTwiddles[s], n1, n2, lanes);
        }
        boolean back = Stockham.run(secondPlans[s], zRe, zIm, yRe, yIm, w2, scratch);
        outRe = back ? yRe : zRe;
        outIm = back ? yIm : zIm;
    }

    /** The index s of length {@code m = length >> s} (m passed {@link #check}: length / m is a power of two). */
    private int shift(int m) {
        return Integer.numberOfTrailingZeros(length / m);
    }

    private void check(double[] re, double[] im, int m, int lanes) {
        if (lanes < 1 || lanes > maxLanes) {
            throw new IllegalArgumentException("lanes must be in [1, " + maxLanes + "], got " + lanes);
        }
        if (m < 1 || m > length || length % m != 0 || Integer.bitCount(length / m) != 1) {
            throw new IllegalArgumentException("length must be " + length + " / 2^k, got " + m);
        }
        if (re.length < m * lanes || im.length < m * lanes) {
            throw new IllegalArgumentException("arrays shorter than length * lanes = " + m * lanes);
        }
    }

    /**
     * Steps 2 and 3 from {@link #IN_PLACE_LANES} lanes: {@code z[t2][k1 * lanes + b] = y[k1][t2 *
     * lanes + b] * w_m^(t2 k1)} (block k1 = 0 is copied: its twiddles are 1). The product is taken in
     * place in y, one twiddle per run of {@code lanes} values, every access at the same index, and
     * then copied: C2 (JDK 17) vectorizes that loop but not one that reads y and writes z at offsets
     * it cannot prove apart, which left this pass scalar (a fifth of g's samples with the untangle).
     * y is not read again. The same products, so the same bits.
     */
    private static void twiddleTranspose(double[][] yRe, double[][] yIm, double[][] zRe, double[][] zIm, double[][] tw, int n1, int n2,
            int lanes) {
        double[] twRe = tw[0], twIm = tw[1];
        for (int k1 = 0; k1 < n1; k1++) {
            double[] sr = yRe[k1], si = yIm[k1];
            int d = k1 * lanes;
            for (int t2 = 0; t2 < n2; t2++) {
                int s = t2 * lanes;
                if (k1 != 0) {
                    double wr = twRe[k1 * n2 + t2], wi = twIm[k1 * n2 + t2];
                    for (int v = s; v < s + lanes; v++) {
                        double xr = sr[v], xi = si[v];
                        sr[v] = xr * wr - xi * wi;
                        si[v] = xr * wi + xi * wr;
                    }
                }
                System.arraycopy(sr, s, zRe[t2], d, lanes);
                System.arraycopy(si, s, zIm[t2], d, lanes);
            }
        }
    }

    /**
     * Steps 2 and 3 below {@link #IN_PLACE_LANES} lanes (f's 4), where a loop over the {@code lanes}
     * values of one twiddle is too short to vectorize: the product is taken in place over the whole
     * block, the twiddles repeated over the lanes ({@link #expand}), then the runs are copied. The
     * same products, so the same bits.
     */
    private void twiddleTransposeFew(double[][] yRe, double[][] yIm, double[][] zRe, double[][] zIm, double[][] tw, int n1, int n2,
            int lanes) {
        int w = n2 * lanes;
        double[] twr = tr, twi = ti;
        int tile = Math.max(1, TRANSPOSE_VALUES / lanes);
        for (int k0 = 0; k0 < n1; k0 += tile) {
            int k1End = Math.min(n1, k0 + tile);
            for (int k1 = Math.max(k0, 1); k1 < k1End; k1++) {
                double[] sr = yRe[k1], si = yIm[k1];
                expand(tw[0], k1 * n2, n2, twr, lanes);
                expand(tw[1], k1 * n2, n2, twi, lanes);
                for (int v = 0; v < w; v++) {
                    double xr = sr[v], xi = si[v], wr = twr[v], wi = twi[v];
                    sr[v] = xr * wr - xi * wi;
                    si[v] = xr * wi + xi * wr;
                }
            }
            for (int t2 = 0; t2 < n2; t2++) {
                double[] dr = zRe[t2], di = zIm[t2];
                for (int k1 = k0; k1 < k1End; k1++) {
                    copyRun(yRe[k1], yIm[k1], t2 * lanes, dr, di, k1 * lanes, lanes);
                }
            }
        }
    }

    /**
     * Values of a z block that {@link #twiddleTransposeFew} writes at once (a tile of rows k1 of
     * {@code 16 / lanes}): one 64-byte cache line in float32, where row by row each of the n2 blocks'
     * lines was written a few values at a time, n2 lines apart (f's transposes: a fifth of its samples).
     */
    private static final int TRANSPOSE_VALUES = 16;

    private static void store(double[] block, double[] out, int at, int count, double scale) {
        if (scale == 1.0) {
            System.arraycopy(block, 0, out, at, count);
        } else {
            for (int v = 0; v < count; v++) {
                out[at + v] = block[v] * scale;
            }
        }
    }

    /** n1 of the four-step split: the largest divisor of m not above sqrt(m). */
    static int firstFactor(int m) {
        if ((m & (m - 1)) == 0) { // a power of two (every padded length): the search below, without its divisions
            return 1 << (Integer.numberOfTrailingZeros(m) / 2);
        }
        int n1 = (int) Math.sqrt(m); // float64 in both
        while (m % n1 != 0) {
            n1--;
        }
        return n1;
    }

    private static double[][] computeHalfTwiddles(int m) {
        double[][] tw = new double[2][m / 2];
        for (int f = 0; f < m / 2; f++) {
            double angle = 2.0 * Math.PI * f / m; // float64 in both
            tw[0][f] = Math.cos(angle);
            tw[1][f] = -Math.sin(angle);
        }
        return tw;
    }

    private static double[][] computeTwiddles(int m) {
        int n1 = firstFactor(m), n2 = m / n1;
        double[][] tw = new double[2][m];
        for (int k1 = 0; k1 < n1; k1++) {
            for (int t2 = 0; t2 < n2; t2++) {
                // reduce the exponent exactly in integers, as FftPlan does, then cos/sin in float64
                long e = ((long) k1 * t2) % m;
                double angle = 2.0 * Math.PI * e / m; // float64 in both
                tw[0][k1 * n2 + t2] = Math.cos(angle);
                tw[1][k1 * n2 + t2] = -Math.sin(angle);
            }
        }
        return tw;
    }
}
