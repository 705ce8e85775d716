package org.scatter4j.classifiers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scatter4j.classifiers.LinearSvmTest.assertMessage;

import org.junit.jupiter.api.Test;

class FeatureMatrixTest {

    @Test
    void wrapsWithoutCopyAndViewsShareTheArray() {
        float[] data = {1, 2, 3, 4, 5, 6};
        FeatureMatrix m = FeatureMatrix.wrap(data, 3, 2);
        assertSame(data, m.data());
        assertEquals(4f, m.get(1, 1));
        FeatureMatrix v = m.selectRows(new int[] {2, 0});
        assertSame(data, v.data());
        assertTrue(v.isView());
        assertArrayEquals(new float[] {5, 6}, v.row(0));
        assertEquals(4, v.offset(0));
        FeatureMatrix vv = v.selectRows(new int[] {1});
        assertArrayEquals(new float[] {1, 2}, vv.row(0));
        vv.set(0, 1, 9f);
        assertEquals(9f, data[1]);
    }

    @Test
    void rejectsBadShapes() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> FeatureMatrix.wrap(new float[5], 2, 3)),
                "data.length = 5 but rows * cols = 2 * 3 = 6");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new FeatureMatrix(-1, 3)), "rows = -1");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new FeatureMatrix(2, 0)), "cols = 0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> new FeatureMatrix(100000, 100000)),
                "exceeds the single-array limit");
        FeatureMatrix m = new FeatureMatrix(2, 2);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m.selectRows(new int[] {2})),
                "rows[0] = 2 not in [0, 2)");
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0, 2));
    }

    @Test
    void firstRowsIsAPrefixViewOfTheMatrixOrOfAView() {
        float[] data = {1, 2, 3, 4, 5, 6};
        FeatureMatrix m = FeatureMatrix.wrap(data, 3, 2);
        FeatureMatrix p = m.firstRows(2);
        assertEquals(2, p.rows());
        assertEquals(3f, p.get(1, 0));
        data[2] = 7;
        assertEquals(7f, p.get(1, 0), "a view, not a copy");
        FeatureMatrix q = m.selectRows(new int[] {2, 0}).firstRows(1);
        assertEquals(5f, q.get(0, 0));
        assertEquals(0, m.firstRows(0).rows());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> m.firstRows(4)), "n = 4 rows requested, the matrix has 3");
    }
}
