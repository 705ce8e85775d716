package org.scatter4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scatter4j.scattering.Scattering2D;
import org.scatter4j.scattering.internal.SparseFourierFilter;
import org.scatter4j.scattering.internal.SparseFourierKernels;
import org.scatter4j.scattering.internal.SparseFourierKernels32;
import org.scatter4j.wavelets.MorletFilterBank;
import org.scatter4j.wavelets.fft.Fft2D;
import org.scatter4j.wavelets.fft.Fft2DFactory;
import org.scatter4j.wavelets.fft.Fft2D32;
import org.scatter4j.wavelets.fft.Fft2DFactory32;
import org.scatter4j.wavelets.fft.JTransformsFft2D;

/**
 * The kernels of the cascade, one at a time, on MNIST's grids (28x28 input, J=2: 36x36, 18x18),
 * with {@code lanes} images interleaved. Run with allocation profiling:
 * {@code java -jar benchmarks/target/benchmarks.jar ScatteringKernels -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScatteringKernels {
    @Param({"16"})
    int lanes;

    @Param({"36", "18"})
    int size;

    Fft2D fast;
    Fft2D reference;
    Fft2D32 fast32;
    float[] re32;
    float[] im32;
    float[] outRe32;
    float[] outIm32;
    SparseFourierKernels32.Scratch32 productScratch32;
    double[] re;
    double[] im;
    double[] outRe;
    double[] outIm;
    SparseFourierFilter filter;
    SparseFourierKernels.Scratch productScratch;
    Scattering2D mnist;
    float[] images;
    float[] features;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(1);
        fast = Fft2DFactory.create(size, size, lanes);
        reference = new JTransformsFft2D(size, size, lanes);
        re = new double[size * size * lanes];
        im = new double[re.length];
        outRe = new double[re.length];
        outIm = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        fast32 = Fft2DFactory32.create(size, size, lanes);
        re32 = new float[re.length];
        im32 = new float[re.length];
        outRe32 = new float[re.length];
        outIm32 = new float[re.length];
        for (int i = 0; i < re.length; i++) {
            re32[i] = (float) re[i];
            im32[i] = (float) im[i];
        }
        MorletFilterBank bank = new MorletFilterBank(size, size, 1, 8);
        filter = new SparseFourierFilter(bank.psi(0, 3, 0), size, size, 2);
        productScratch = SparseFourierKernels.newScratch(size, lanes);
        productScratch32 = SparseFourierKernels32.newScratch32(size, lanes);
        mnist = Scattering2D.builder().J(2).shape(28, 28).lanes(lanes).build();
        images = new float[lanes * 28 * 28];
        for (int i = 0; i < images.length; i++) {
            images[i] = r.nextFloat();
        }
        features = new float[lanes * mnist.outputLength()];
    }

    /** Forward + inverse with the kernel the cascade uses; per call, {@code lanes} transforms each way. */
    @Benchmark
    public double fftRoundTrip() {
        fast.forward(re, im);
        fast.inverse(re, im);
        return re[0];
    }

    /** The real-input forward (as for the input and every modulus) + inverse. */
    @Benchmark
    public double fftRealRoundTrip() {
        fast.forwardReal(re, im);
        fast.inverse(re, im);
        return re[0];
    }

    /** The float32 kernel (the default cascade's): forward + inverse. */
    @Benchmark
    public float fftRoundTripFloat32() {
        fast32.forward(re32, im32);
        fast32.inverse(re32, im32);
        return re32[0];
    }

    /** The float32 real-input forward + inverse. */
    @Benchmark
    public float fftRealRoundTripFloat32() {
        fast32.forwardReal(re32, im32);
        fast32.inverse(re32, im32);
        return re32[0];
    }

    /** The same with JTransforms one lane at a time: the baseline. */
    @Benchmark
    public double fftRoundTripJTransforms() {
        reference.forward(re, im);
        reference.inverse(re, im);
        return re[0];
    }

    /** Product with a wavelet and subsampling by 2 in the Fourier domain. */
    @Benchmark
    public double multiplySubsample() {
        SparseFourierKernels.multiplySubsample(filter, re, im, lanes, productScratch, outRe, outIm);
        return outRe[0];
    }

    /** The same product in float32. */
    @Benchmark
    public float multiplySubsampleFloat32() {
        SparseFourierKernels32.multiplySubsample(filter, re32, im32, lanes, productScratch32, outRe32, outIm32);
        return outRe32[0];
    }

    @Benchmark
    public double modulus() {
        System.arraycopy(re, 0, outRe, 0, re.length);
        System.arraycopy(im, 0, outIm, 0, im.length);
        LaneOps.modulus(outRe, outIm, re.length);
        return outRe[0];
    }

    @Benchmark
    public float modulusFloat32() {
        System.arraycopy(re32, 0, outRe32, 0, re32.length);
        System.arraycopy(im32, 0, outIm32, 0, im32.length);
        LaneOps32.modulus(outRe32, outIm32, re32.length);
        return outRe32[0];
    }

    /** The whole transform of {@code lanes} MNIST images on one thread (float32, the default). */
    @Benchmark
    public float wholeTransformOneThread() {
        mnist.transformBatch(images, lanes, features, 1);
        return features[0];
    }
}
