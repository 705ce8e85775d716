package org.scatter4j.scattering;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads the little-endian float32/float64 C-order NPY reference files of the tests. */
final class ReferenceNpy {
    final int[] shape;
    final double[] data;

    private ReferenceNpy(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    static ReferenceNpy load(String resource) throws IOException {
        try (InputStream in = ReferenceNpy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            ByteBuffer buf = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            buf.position(6);
            int major = buf.get();
            buf.get();
            int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
            byte[] h = new byte[headerLen];
            buf.get(h);
            String header = new String(h, StandardCharsets.ISO_8859_1);
            if (header.contains("'fortran_order': True")) {
                throw new IOException("Fortran order not expected in " + resource);
            }
            String descr = header.replaceAll(".*'descr': *'([^']*)'.*", "$1").trim();
            String shapeText = header.replaceAll(".*'shape': *\\(([^)]*)\\).*", "$1").trim();
            String[] parts = shapeText.isEmpty() ? new String[0] : shapeText.split(",");
            int count = 0;
            int[] shape = new int[(int) java.util.Arrays.stream(parts).filter(s -> !s.isBlank()).count()];
            int n = 1;
            for (String s : parts) {
                if (!s.isBlank()) {
                    shape[count++] = Integer.parseInt(s.trim());
                    n *= shape[count - 1];
                }
            }
            double[] data = new double[n];
            for (int i = 0; i < n; i++) {
                switch (descr) {
                    case "<f4" -> data[i] = buf.getFloat();
                    case "<f8" -> data[i] = buf.getDouble();
                    default -> throw new IOException("unexpected dtype " + descr + " in " + resource);
                }
            }
            return new ReferenceNpy(shape, data);
        }
    }
}
