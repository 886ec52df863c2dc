package org.sorb.numerics;

/**
 * Film transfer and diffusion in the pores, on the particle points of every axial point: the bulk's film sink,
 * the pore rows' film source and diffusive couplings (models with pores).
 */
interface PoreDiffusion {
    /** Adds the film sink to the bulk rows of f and sets the pore rows to film plus diffusion. */
    void residual(double[] y, double[] f);

    /** Adds the pore rows' identity and -hGamma times the film and diffusion derivatives to m. */
    void jacobian(double hGamma, ColumnMatrix m);

    /** Fraction of the particle volume that particle point k carries in the content. */
    double volumeFraction(int k);
}
