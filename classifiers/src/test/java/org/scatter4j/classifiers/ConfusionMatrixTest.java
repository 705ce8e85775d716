package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void countsAndMetrics() {
        int[] truth = {0, 0, 0, 0, 7, 7, 7, 3, 3, 3};
        int[] predicted = {0, 0, 0, 7, 7, 7, 3, 3, 3, 3};
        ConfusionMatrix m = ConfusionMatrix.of(truth, predicted);
        assertArrayEquals(new int[] {0, 3, 7}, m.labels());
        assertEquals(3, m.count(0, 0));
        assertEquals(1, m.count(0, 7));
        assertEquals(1, m.count(7, 3));
        assertEquals(0, m.count(3, 0));
        assertEquals(0, m.count(42, 0));
        assertEquals(10, m.total());
        assertEquals(0.8, m.accuracy(), 1e-15);
        assertEquals(0.2, m.errorRate(), 1e-15);
        assertEquals(1.0, m.precision(0));
        assertEquals(0.75, m.recall(0));
        assertEquals(0.75, m.precision(3));
        assertEquals(1.0, m.recall(3));
        assertEquals(2.0 / 3, m.precision(7), 1e-15);
        assertEquals(2.0 / 3, m.recall(7), 1e-15);
        String table = m.toString();
        assertTrue(table.contains("accuracy 80.00 %"), table);
        assertTrue(table.contains("recall") && table.contains("precision"), table);
        assertEquals(6, table.split("\n").length, table); // header, 3 classes, precision, accuracy
    }

    @Test
    void labelOnlyPredictedHasNoRecall() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {1, 1}, new int[] {1, 2});
        assertTrue(Double.isNaN(m.recall(2)));
        assertEquals(0.0, m.precision(2));
        assertTrue(m.toString().contains("-"));
    }

    @Test
    void rejectsBadInput() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {1}, new int[] {1, 2})), "truth.length = 1 but predicted.length = 2");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[0], new int[0])), "truth.length = 0");
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {1}, new int[] {1});
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m.precision(5)), "label = 5");
    }
}
