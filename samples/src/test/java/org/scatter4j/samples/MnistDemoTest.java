package org.scatter4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small MNIST pipeline learns (measured: 4.2 % test error) and draws its confusion matrix. */
class MnistDemoTest {
    @TempDir
    Path tmp;

    @Test
    void classifiesTheBundledSubsetAndWritesTheConfusionMatrix() throws Exception {
        MnistDemo.Outcome o = MnistDemo.classify();
        assertEquals(MnistDemo.TEST, o.confusion().total());
        assertTrue(o.confusion().errorRate() < 0.08, "test error " + o.confusion().errorRate());
        DemoResult r = MnistDemo.write(o, tmp, false);
        PngFiles.assertReadable(r, tmp, "mnist_confusion.png");
    }
}
