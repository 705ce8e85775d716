package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void predictsRawRowsLikeStandardizeThenClassify() {
        Synthetic.Data train = Synthetic.linear(150, 6, 3, 0.3, 1);
        Synthetic.Data test = Synthetic.linear(40, 6, 3, 0.3, 2);
        Standardizer s = Standardizer.fitTransform(train.x(), null);
        LinearSvm svm = LinearSvm.builder().c(0.5).build();
        svm.fit(train.x(), train.y());
        Pipeline p = new Pipeline(s, svm, Map.of("k", "v"));
        int[] oneByOne = new int[test.y().length];
        for (int i = 0; i < oneByOne.length; i++) {
            float[] raw = test.x().row(i);
            float[] copy = raw.clone();
            oneByOne[i] = p.predict(raw);
            assertArrayEquals(copy, raw, "predict(row) leaves the row alone");
        }
        assertArrayEquals(oneByOne, p.predictInPlace(test.x()));
        assertArrayEquals(oneByOne, svm.predict(test.x()), "matrix now holds standardized rows");
    }

    @Test
    void rejectsBadInput() {
        Synthetic.Data train = Synthetic.linear(30, 4, 2, 0.3, 3);
        LinearSvm svm = LinearSvm.builder().build();
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new Pipeline(null, svm, Map.of())),
                "trained");
        svm.fit(train.x(), train.y());
        Standardizer wrong = Standardizer.fit(new FeatureMatrix(3, 5));
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new Pipeline(wrong, svm, Map.of())),
                "standardizer.dimension() = 5 but classifier.dimension() = 4");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(IllegalArgumentException.class, () -> new Pipeline(null, svm, withNull));
        Pipeline p = new Pipeline(null, svm, null);
        assertEquals(Map.of(), p.metadata());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> p.predict(new float[3])),
                "rawRow.length = 3 but the model expects 4");
    }
}
