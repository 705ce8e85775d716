package org.scatter4j.benchmarks;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Random;

/**
 * Compares two builds of scatter4j on a machine whose speed drifts: each build's jar is loaded by its
 * own class loader in one JVM, and the two are timed alternately, a short burst each, many times.
 * A slow minute then slows both builds alike, which two runs minutes apart cannot promise (on this
 * project's shared 2-core machine wall and even CPU times of one build move by 30 % or more between
 * runs). Prints the minimum, first quartile and median per build.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.InterleavedComparison \
 *      OLD.jar NEW.jar transform J SIZE COUNT THREADS BURSTS   # Scattering2D.transformBatch, float32
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.InterleavedComparison \
 *      OLD.jar NEW.jar roto J SIZE COUNT THREADS BURSTS        # RotoScattering2D.transformBatch, float32
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.InterleavedComparison \
 *      OLD.jar NEW.jar fft SIZE LANES BURSTS                   # float32 FFT forward + inverse
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.InterleavedComparison \
 *      OLD.jar NEW.jar signal1d J Q N COUNT THREADS BURSTS     # Scattering1D.transformBatch, float32
 * java -cp benchmarks/target/benchmarks.jar org.scatter4j.benchmarks.InterleavedComparison \
 *      OLD.jar NEW.jar speech1d DIR J Q N COUNT THREADS BURSTS # the same on recordings: the first COUNT
 *                                                             # .wav of DIR (16-bit mono, by name), each
 *                                                             # scaled to a peak of 1, cut or zero-padded to N
 *      OLD.jar NEW.jar fft1d M LANES 32|64 BURSTS              # LaneFft1D(32): forwardReal, inverseReal,
 *                                                              # forwardReal, inverseModulus at length M
 * </pre>
 * Each jar must hold the wavelets and scattering classes: a copy of {@code benchmarks.jar} from each
 * build does. Only public API that both builds have is called (through method handles). The
 * transform modes also say whether the two builds' outputs of the last burst are identical bit for bit.
 */
public final class InterleavedComparison {
    private InterleavedComparison() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            System.err.println("usage: InterleavedComparison OLD.jar NEW.jar transform|roto J SIZE COUNT THREADS BURSTS"
                    + " | OLD.jar NEW.jar fft SIZE LANES BURSTS");
            System.exit(2);
        }
        String[] jars = {args[0], args[1]};
        Runnable[] runs = new Runnable[2];
        String what;
        double perCall;
        float[][] outputs = new float[2][];
        if ((args[2].equals("transform") || args[2].equals("roto")) && args.length == 8) {
            int J = Integer.parseInt(args[3]);
            int size = Integer.parseInt(args[4]);
            int count = Integer.parseInt(args[5]);
            int threads = Integer.parseInt(args[6]);
            for (int i = 0; i < 2; i++) {
                outputs[i] = new float[count * outputLength(loader(jars[i]), args[2], J, size)];
                runs[i] = transform(loader(jars[i]), args[2], J, size, count, threads, outputs[i]);
            }
            what = args[2] + " " + count + " x " + size + "x" + size + " J=" + J + ", " + threads + " thread(s): ms per image";
            perCall = 1e6 * count;
        } else if ((args[2].equals("signal1d") && args.length == 9) || (args[2].equals("speech1d") && args.length == 10)) {
            int a = args[2].equals("speech1d") ? 4 : 3;
            int J = Integer.parseInt(args[a]);
            int Q = Integer.parseInt(args[a + 1]);
            int n = Integer.parseInt(args[a + 2]);
            int count = Integer.parseInt(args[a + 3]);
            int threads = Integer.parseInt(args[a + 4]);
            float[] x = a == 4 ? recordings(new File(args[3]), n, count) : randomImages(count * n);
            for (int i = 0; i < 2; i++) {
                Object s = scattering1D(loader(jars[i]), J, Q, n);
                int perSignal = signalOutputLength(s);
                outputs[i] = new float[count * perSignal];
                runs[i] = signals(s, x, count, threads, outputs[i]);
            }
            what = args[2] + " " + count + " x " + n + " J=" + J + " Q=" + Q + ", " + threads + " thread(s): ms per signal";
            perCall = 1e6 * count;
        } else if (args[2].equals("fft") && args.length == 6) {
            int size = Integer.parseInt(args[3]);
            int lanes = Integer.parseInt(args[4]);
            int calls = Math.max(1, 2_000_000 / (size * size * lanes)); // bursts of a few milliseconds
            for (int i = 0; i < 2; i++) {
                runs[i] = fft(loader(jars[i]), size, lanes, calls);
            }
            what = size + "x" + size + " x " + lanes + " lanes: float32 FFT round trip, us per call";
            perCall = 1e3 * calls;
        } else if (args[2].equals("fft1d") && args.length == 7) {
            int m = Integer.parseInt(args[3]);
            int lanes = Integer.parseInt(args[4]);
            boolean f32 = args[5].equals("32");
            int calls = Math.max(1, 4_000_000 / (m * lanes)); // bursts of a few milliseconds
            for (int i = 0; i < 2; i++) {
                outputs[i] = new float[m * lanes];
                runs[i] = fft1d(loader(jars[i]), m, lanes, f32, calls, outputs[i]);
            }
            what = "LaneFft1D" + (f32 ? "32" : "") + " m=" + m + " x " + lanes + " lanes: forwardReal, inverseReal, forwardReal,"
                    + " inverseModulus, us per call";
            perCall = 1e3 * calls;
        } else {
            throw new IllegalArgumentException("unknown mode or wrong argument count: " + String.join(" ", args));
        }
        int bursts = Integer.parseInt(args[args.length - 1]);
        if (bursts < 4) {
            throw new IllegalArgumentException("BURSTS must be >= 4, got " + bursts);
        }
        double[][] t = new double[2][bursts];
        for (int b = -Math.max(2, bursts / 4); b < bursts; b++) { // the first quarter warms up
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                runs[i].run();
                if (b >= 0) {
                    t[i][b] = (System.nanoTime() - t0) / perCall;
                }
            }
        }
        System.out.println(what + ", " + bursts + " alternating bursts");
        for (int i = 0; i < 2; i++) {
            Arrays.sort(t[i]);
            System.out.printf("  %-40s min %10.3f  p25 %10.3f  median %10.3f%n", jars[i], t[i][0], t[i][bursts / 4],
                    t[i][bursts / 2]);
        }
        if (outputs[0] != null) {
            System.out.println("  outputs identical bit for bit: " + Arrays.equals(outputs[0], outputs[1]));
        }
    }

    private static ClassLoader loader(String jar) throws Exception {
        File f = new File(jar);
        if (!f.isFile()) {
            throw new IllegalArgumentException("jar not found: " + jar);
        }
        return new URLClassLoader(new URL[] {f.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Class<?> transformClass(ClassLoader cl, String mode) throws ClassNotFoundException {
        return cl.loadClass(mode.equals("roto") ? "org.scatter4j.rototranslation.RotoScattering2D"
                : "org.scatter4j.scattering.Scattering2D");
    }

    private static int outputLength(ClassLoader cl, String mode, int J, int size) throws Throwable {
        Class<?> c = transformClass(cl, mode);
        Object s = c.getMethod("of", int.class, int.class, int.class).invoke(null, J, size, size);
        return (int) c.getMethod("featureCount").invoke(s);
    }

    /** Scattering2D or RotoScattering2D (mode "roto"), L = 8 and the defaults, writing into y. */
    private static Runnable transform(ClassLoader cl, String mode, int J, int size, int count, int threads, float[] y)
            throws Throwable {
        Class<?> c = transformClass(cl, mode);
        Object s = c.getMethod("of", int.class, int.class, int.class).invoke(null, J, size, size);
        MethodHandle h = MethodHandles.publicLookup().findVirtual(c, "transformBatch",
                MethodType.methodType(void.class, float[].class, int.class, float[].class, int.class)).bindTo(s);
        float[] x = randomImages(count * size * size);
        return () -> {
            try {
                h.invokeExact(x, count, y, threads);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Scattering1D with J, Q (second order 1) and the defaults for signals of length n. */
    private static Object scattering1D(ClassLoader cl, int J, int Q, int n) throws Throwable {
        Class<?> c = cl.loadClass("org.scatter4j.scattering.Scattering1D");
        Object b = c.getMethod("builder").invoke(null);
        b = b.getClass().getMethod("J", int.class).invoke(b, J);
        b = b.getClass().getMethod("Q", int.class).invoke(b, Q);
        b = b.getClass().getMethod("length", int.class).invoke(b, n);
        return b.getClass().getMethod("build").invoke(b);
    }

    private static Runnable signals(Object s, float[] x, int count, int threads, float[] y) throws Throwable {
        MethodHandle h = MethodHandles.publicLookup().findVirtual(s.getClass(), "transformBatch",
                MethodType.methodType(void.class, float[].class, int.class, float[].class, int.class)).bindTo(s);
        return () -> {
            try {
                h.invokeExact(x, count, y, threads);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Runnable fft(ClassLoader cl, int size, int lanes, int calls) throws Throwable {
        Class<?> factory = float32Class(cl, "Fft2DFactory");
        Class<?> type = float32Class(cl, "Fft2D");
        Object f = factory.getMethod("create", int.class, int.class, int.class).invoke(null, size, size, lanes);
        MethodType arrays = MethodType.methodType(void.class, float[].class, float[].class);
        MethodHandle forward = MethodHandles.publicLookup().findVirtual(type, "forward", arrays).bindTo(f);
        MethodHandle inverse = MethodHandles.publicLookup().findVirtual(type, "inverse", arrays).bindTo(f);
        float[] re = randomImages(size * size * lanes);
        float[] im = new float[re.length];
        return () -> {
            try {
                for (int k = 0; k < calls; k++) { // forward then inverse: the values stay bounded
                    forward.invokeExact(re, im);
                    inverse.invokeExact(re, im);
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * {@code calls} times: forwardReal, inverseReal (back to the signal), forwardReal, inverseModulus
     * (|x|, so the values stay bounded) on one block of {@code lanes} signals of length m; the last
     * result (as float) into {@code y}, to compare the builds' bits.
     */
    private static Runnable fft1d(ClassLoader cl, int m, int lanes, boolean f32, int calls, float[] y) throws Throwable {
        Class<?> type = cl.loadClass("org.scatter4j.wavelets.fft.LaneFft1D" + (f32 ? "32" : ""));
        Object f = type.getConstructor(int.class, int.class).newInstance(m, lanes);
        Class<?> array = f32 ? float[].class : double[].class;
        MethodType sig = MethodType.methodType(void.class, array, array, int.class, int.class);
        MethodHandle fwd = MethodHandles.publicLookup().findVirtual(type, "forwardReal", sig).bindTo(f);
        MethodHandle inv = MethodHandles.publicLookup().findVirtual(type, "inverseReal", sig).bindTo(f);
        MethodHandle mod = MethodHandles.publicLookup().findVirtual(type, "inverseModulus", sig).bindTo(f);
        float[] x = randomImages(m * lanes);
        if (f32) {
            float[] re = x.clone(), im = new float[x.length];
            return () -> {
                try {
                    System.arraycopy(x, 0, re, 0, x.length);
                    for (int k = 0; k < calls; k++) {
                        fwd.invoke(re, im, m, lanes);
                        inv.invoke(re, im, m, lanes);
                        fwd.invoke(re, im, m, lanes);
                        mod.invoke(re, im, m, lanes);
                    }
                    System.arraycopy(re, 0, y, 0, y.length);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        double[] re = new double[x.length], im = new double[x.length];
        return () -> {
            try {
                for (int i = 0; i < x.length; i++) {
                    re[i] = x[i];
                }
                for (int k = 0; k < calls; k++) {
                    fwd.invoke(re, im, m, lanes);
                    inv.invoke(re, im, m, lanes);
                    fwd.invoke(re, im, m, lanes);
                    mod.invoke(re, im, m, lanes);
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = (float) re[i];
                }
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The float32 FFT class {@code name + "32"}, or {@code "Float" + name} in builds before the rename. */
    private static Class<?> float32Class(ClassLoader cl, String name) throws ClassNotFoundException {
        try {
            return cl.loadClass("org.scatter4j.wavelets.fft." + name + "32");
        } catch (ClassNotFoundException e) {
            return cl.loadClass("org.scatter4j.wavelets.fft.Float" + name);
        }
    }

    /** The first {@code count} .wav files of a folder (by name), each scaled to a peak of 1 and cut or zero-padded to n. */
    private static float[] recordings(File dir, int n, int count) throws java.io.IOException {
        File[] files = dir.listFiles((d, name) -> name.endsWith(".wav"));
        if (files == null || files.length < count) {
            throw new IllegalArgumentException(dir + ": fewer than " + count + " .wav files");
        }
        Arrays.sort(files);
        float[] x = new float[count * n];
        for (int k = 0; k < count; k++) {
            float[] r = wav16(files[k]);
            float peak = 0;
            for (float v : r) {
                peak = Math.max(peak, Math.abs(v));
            }
            for (int t = 0; t < Math.min(n, r.length); t++) {
                x[k * n + t] = peak > 0 ? r[t] / peak : 0;
            }
        }
        return x;
    }

    /** The samples of a 16-bit PCM WAV file (the first channel's interleaving ignored: FSDD is mono). */
    private static float[] wav16(File f) throws java.io.IOException {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(f.toPath())).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int pos = 12; pos + 8 <= bb.limit(); ) {
            int id = bb.getInt(pos), size = bb.getInt(pos + 4);
            if (id == 0x61746164) { // "data"
                float[] x = new float[Math.min(size, bb.limit() - pos - 8) / 2];
                for (int i = 0; i < x.length; i++) {
                    x[i] = bb.getShort(pos + 8 + 2 * i) / 32768f;
                }
                return x;
            }
            pos += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException(f + ": no data chunk");
    }

    private static float[] randomImages(int n) {
        Random r = new Random(42);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat();
        }
        return x;
    }

    /**
     * Values per transformed signal, for a jar of either API: since 2026-12-05 {@code outputLength()} is
     * C * N' and {@code outputSamples()} is N'; before, {@code outputLength()} was N'.
     */
    private static int signalOutputLength(Object s) throws ReflectiveOperationException {
        Class<?> c = s.getClass();
        int channels = (int) c.getMethod("channelCount").invoke(s);
        try {
            return channels * (int) c.getMethod("outputSamples").invoke(s);
        } catch (NoSuchMethodException older) {
            return channels * (int) c.getMethod("outputLength").invoke(s);
        }
    }
}
