package org.scatter4j.scattering;

/**
 * The parameters of a {@link Scattering2D}, validated once here so that the cascade can trust them.
 *
 * @param J        scale: averaging over 2^J pixels, 1 &lt;= J, 2^J &lt;= min(height, width)
 * @param L        number of orientations in [0, pi), 1..64 (8 is the usual choice)
 * @param maxOrder 1 or 2
 * @param height   input image height
 * @param width    input image width
 * @param lanes    images processed together in one batch block (0: chosen from the image size)
 */
public record ScatteringConfig(int J, int L, int maxOrder, int height, int width, int lanes) {
    public ScatteringConfig {
        if (J < 1) {
            throw new IllegalArgumentException("J must be >= 1, got J=" + J);
        }
        if (L < 1 || L > org.scatter4j.wavelets.MorletFilterBank.MAX_L) {
            throw new IllegalArgumentException("L must be in [1, " + org.scatter4j.wavelets.MorletFilterBank.MAX_L
                    + "], got L=" + L);
        }
        if (maxOrder != 1 && maxOrder != 2) {
            throw new IllegalArgumentException("maxOrder must be 1 or 2, got maxOrder=" + maxOrder);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image height and width must be >= 1, got " + height + "x" + width);
        }
        if (J > 30 || (1 << J) > height || (1 << J) > width) {
            throw new IllegalArgumentException("image " + height + "x" + width + " is smaller than 2^J = 2^" + J
                    + (J > 30 ? "" : " = " + (1 << J)) + "; need 2^J <= height and width, i.e. J <= "
                    + (31 - Integer.numberOfLeadingZeros(Math.min(height, width))));
        }
        ScatteringMemory.checkArraySizes(J, L, maxOrder, height, width);
        if (lanes < 0 || lanes > 256) {
            throw new IllegalArgumentException("lanes must be in [0, 256] (0 = automatic), got lanes=" + lanes);
        }
    }

    /** Builder with Kymatio's defaults: L = 8, maxOrder = 2. */
    public static final class Builder {
        private int J = -1;
        private int L = 8;
        private int maxOrder = 2;
        private int height = -1;
        private int width = -1;
        private int lanes = 0;

        public Builder J(int J) {
            this.J = J;
            return this;
        }

        public Builder L(int L) {
            this.L = L;
            return this;
        }

        public Builder maxOrder(int maxOrder) {
            this.maxOrder = maxOrder;
            return this;
        }

        /** Input image height and width. */
        public Builder shape(int height, int width) {
            this.height = height;
            this.width = width;
            return this;
        }

        /** Images per batch block (a tuning knob; results do not depend on it). */
        public Builder lanes(int lanes) {
            this.lanes = lanes;
            return this;
        }

        public ScatteringConfig config() {
            if (J == -1) {
                throw new IllegalArgumentException("J is required (call J(int))");
            }
            if (height == -1 || width == -1) {
                throw new IllegalArgumentException("the input shape is required (call shape(height, width))");
            }
            return new ScatteringConfig(J, L, maxOrder, height, width, lanes);
        }

        public Scattering2D build() {
            return new Scattering2D(config());
        }
    }
}
