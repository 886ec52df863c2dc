package org.sorb.cases;

/** Exponents of length, time, mass and amount of substance that make up a physical unit. */
record Dimension(int length, int time, int mass, int amount) {

    /** A plain number. */
    static final Dimension NONE = new Dimension(0, 0, 0, 0);

    /** The dimension of a product of two quantities. */
    Dimension times(Dimension other) {
        return new Dimension(length + other.length, time + other.time, mass + other.mass, amount + other.amount);
    }

    /** The dimension of this quantity raised to an integer power. */
    Dimension power(int exponent) {
        return new Dimension(length * exponent, time * exponent, mass * exponent, amount * exponent);
    }

    /**
     * The record's equality, written out: the generated one is bootstrapped through invokedynamic on its first call,
     * which cost a run's start 60-130 ms (every case load compares dimensions).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dimension d && d.length == length && d.time == time && d.mass == mass
                && d.amount == amount;
    }

    @Override
    public int hashCode() {
        return ((length * 31 + time) * 31 + mass) * 31 + amount;
    }
}
