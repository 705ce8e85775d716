package org.scatter4j.testsupport;

import java.nio.file.Path;
import org.scatter4j.io.Npy;
import org.scatter4j.io.NpyArray;

/** A reference NPY file of the test resources (an absolute resource path), read with scatter4j's own reader. */
public record ReferenceNpy(int[] shape, double[] data) {
    public static ReferenceNpy load(String resource) throws java.io.IOException {
        try {
            NpyArray a = Npy.read(Path.of(ReferenceNpy.class.getResource(resource).toURI()));
            return new ReferenceNpy(a.shape(), a.toDoubleArray());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new java.io.IOException("missing test resource " + resource, e);
        }
    }
}
