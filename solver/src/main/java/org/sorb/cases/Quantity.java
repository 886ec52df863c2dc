package org.sorb.cases;

/**
 * A value converted to SI.
 *
 * @param si     the value in SI units
 * @param family the concentration family its unit implies, or null for a bare number or a family-free unit
 */
public record Quantity(double si, ConcentrationFamily family) {
}
