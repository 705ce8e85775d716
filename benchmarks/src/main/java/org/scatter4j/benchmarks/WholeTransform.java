package org.scatter4j.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scatter4j.rototranslation.RotoScattering2D;
import org.scatter4j.scattering.Scattering2D;

/**
 * The whole transform of a batch into a preallocated output, on the bench cases of {@code scatter4j
 * bench} (a: 1000 x 28x28 J=2, c: 16 x 256x256 J=4, roto: 16 x 200x200 J=5). One JMH operation is
 * one image ({@link OperationsPerInvocation} = batch size), so with {@code -prof gc} the figure
 * gc.alloc.rate.norm is the bytes allocated per image in steady state: scratch memory comes from
 * the transforms' pools, so it should be close to zero. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar WholeTransform -f 1 -wi 2 -i 3 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class WholeTransform {
    @Param({"1", "2"})
    int threads;

    Scattering2D caseA;
    float[] imagesA;
    float[] outA;
    Scattering2D caseC;
    float[] imagesC;
    float[] outC;
    RotoScattering2D roto;
    float[] imagesRoto;
    float[] outRoto;

    @Setup(Level.Trial)
    public void setUp() {
        caseA = Scattering2D.builder().J(2).shape(28, 28).build();
        imagesA = random(1000 * 28 * 28);
        outA = new float[1000 * caseA.outputLength()];
        caseC = Scattering2D.builder().J(4).shape(256, 256).build();
        imagesC = random(16 * 256 * 256);
        outC = new float[16 * caseC.outputLength()];
        roto = RotoScattering2D.builder().J(5).L(8).shape(200, 200).build();
        imagesRoto = random(16 * 200 * 200);
        outRoto = new float[16 * roto.featureCount()];
    }

    private static float[] random(int n) {
        Random r = new Random(42);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat();
        }
        return x;
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public float a28x28J2() {
        caseA.transformBatch(imagesA, 1000, outA, threads);
        return outA[0];
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public float c256x256J4() {
        caseC.transformBatch(imagesC, 16, outC, threads);
        return outC[0];
    }

    @Benchmark
    @OperationsPerInvocation(16)
    public float roto200x200J5() {
        roto.transformBatch(imagesRoto, 16, outRoto, threads);
        return outRoto[0];
    }
}
