package org.scatter4j.scattering;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Configurations that Kymatio (commit 11552ed5) refuses are refused here with a one-line
 * IllegalArgumentException; each row was run through Kymatio's Scattering1D (N, J, Q, T,
 * max_order) and the exception it raised is noted. Before these checks the AssertionError rows were
 * accepted (filter banks Kymatio calls aliased) and the IndexError rows failed inside the cascade
 * with ArrayIndexOutOfBoundsException.
 */
class Scattering1DRefusalTest {

    static Scattering1D build(int N, int J, int Q1, int Q2, Integer T, int order) {
        Scattering1D.Builder b = Scattering1D.builder().length(N).J(J).Q(Q1, Q2).maxOrder(order);
        if (T == null) {
            return b.build();
        }
        if (T < 0) {
            b.globalAveraging();
        } else {
            b.T(T);
        }
        return b.build();
    }

    static void refused(String expect, int N, int J, int Q1, int Q2, Integer T, int order) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(N, J, Q1, Q2, T, order));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(expect), e.getMessage());
        assertTrue(e.getMessage().contains("Q"), e.getMessage());
    }

    @Test
    void aliasingFilterBanksAreRefusedAsKymatioDoes() {
        refused("Kymatio refuses this filter bank", 1024, 6, 2, 4, 512, 2); // AssertionError
        refused("Kymatio refuses this filter bank", 128, 4, 2, 4, null, 1); // AssertionError, even at order 1
        refused("Kymatio refuses this filter bank", 3001, 11, 1, 4, 1887, 2); // AssertionError
        refused("Kymatio refuses this filter bank", 64, 4, 1, 4, 28, 2); // AssertionError
    }

    @Test
    void missingSecondOrderLevelsAreRefusedAsKymatioDoes() {
        refused("IndexError", 64, 5, 1, 2, 41, 2);
        refused("IndexError", 100, 3, 1, 2, 8, 2);
        refused("IndexError", 500, 7, 1, 2, 128, 2);
        refused("IndexError", 500, 7, 1, 2, -1, 2); // global
    }

    @Test
    void whatKymatioAcceptsIsAccepted() {
        assertDoesNotThrow(() -> build(256, 6, 1, 1, null, 2));
        assertDoesNotThrow(() -> build(256, 6, 2, 2, null, 2));
        assertDoesNotThrow(() -> build(256, 6, 1, 2, null, 1)); // the missing level is only read at order 2
    }
}
