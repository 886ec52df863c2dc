package org.sorb.numerics.batch;

import org.sorb.model.ConvectionScheme;
import org.sorb.numerics.FaceReconstruction;

/**
 * Java twins of the OpenCL column kernels in {@code kernels/column_*.cl} and {@code kernels/batch_vector.cl}:
 * each public method has the kernel's name and arguments, preceded by the global ids the kernel reads with (its dimension 0 is always the design b)
 * get_global_id (cell j and design b, or element l and design b, or design b). Names keep the kernels'
 * snake_case so that the pairs are found by search. The arithmetic is the kernels', line by line, except the
 * binding physics: {@code binding_flux} and {@code binding_jacobian} call the design's Java reference model
 * ({@link BindingTwin}), which the kernels' {@code kernels/binding/<key>.cl} is tested against.
 *
 * <p>Layout: design index fastest; state element l of design b at [l * nd + b], parameter p at [p * nd + b].
 */
@SuppressWarnings({"checkstyle:MethodName", "checkstyle:ParameterName"})
public final class ColumnKernels {
    private final KernelConstants k;
    private final ConvectionScheme scheme;
    private final int NZ;
    private final int NC;
    private final int NB;
    private final int NS;
    private final int NBLK;
    private final int BS;
    private final int CS;
    private final int QIN;
    private final int N;
    private final int NROWS;
    private final int BAND_KL;
    private final int BAND_KU;
    private final int BAND_W;
    /** The kernels' BLOCK_INVERSE: shell blocks replaced by their inverses, or kept as pivoted LU factors. */
    private final boolean blockInverse;
    /** Per bound state: kinetic (the kernels' KINETIC_STATES) and its liquid component (STATE_COMPONENTS). */
    private final boolean[] kineticState;
    private final int[] stateComponent;
    private final BindingTwin binding;

    public ColumnKernels(KernelConstants k, boolean blockInverse) {
        this.k = k;
        this.blockInverse = blockInverse;
        this.scheme = ConvectionScheme.values()[k.scheme()];
        this.NZ = k.nz();
        this.NC = k.nc();
        this.NB = k.nb();
        this.NS = k.ns();
        this.NBLK = k.nblk();
        this.BS = k.bs();
        this.CS = k.cs();
        this.QIN = k.hasPores() ? NC : 0;
        this.N = NZ * CS;
        this.NROWS = NZ * NC;
        this.BAND_KL = 2 * NC;
        this.BAND_KU = NC;
        this.BAND_W = 2 * BAND_KL + BAND_KU + 1;
        this.kineticState = new boolean[NB];
        this.stateComponent = new int[NB];
        for (int s = 0; s < NB; s++) {
            kineticState[s] = k.kineticStates().get(s);
            stateComponent[s] = k.stateComponents().get(s);
        }
        this.binding = new BindingTwin(k);
    }

    public KernelConstants constants() {
        return k;
    }

    private int bulk(int j, int i) {
        return j * CS + i;
    }

    private int block(int j, int kk) {
        return j * CS + NC + kk * BS;
    }

    // ---- binding (kernels/binding/<key>.cl): the design's Java reference model ----

    void binding_flux(double[] y, int cpOff, int qOff, double[] par, int nd, int b, double[] f) {
        binding.flux(y, cpOff, qOff, par, nd, b, f);
    }

    void binding_jacobian(double[] y, int cpOff, int qOff, double[] par, int nd, int b, double[] dfdcp,
                          double[] dfdq) {
        binding.jacobian(y, cpOff, qOff, par, nd, b, dfdcp, dfdq);
    }

    // ---- convection (column_common.cl) ----

    /** Twin of column_common.cl's face_value: {@link FaceReconstruction#value}, the same formulas. */
    double face_value(double cm, double c0, double cp) {
        return FaceReconstruction.value(scheme, cm, c0, cp);
    }

    /** Twin of column_common.cl's face_derivative: {@link FaceReconstruction#derivative}. */
    void face_derivative(double cm, double c0, double cp, double[] d) {
        FaceReconstruction.derivative(scheme, cm, c0, cp, d, 0);
    }

    // ---- dense LU (column_common.cl) ----

    /** In-place LU with partial pivoting; the diagonal keeps 1 / u_kk, so dense_solve multiplies. */
    static boolean dense_factor(double[] a, int off, int n, int[] piv, int pivOff, int nd, int b) {
        for (int kk = 0; kk < n; kk++) {
            int p = kk;
            double max = Math.abs(a[(off + kk * n + kk) * nd + b]);
            for (int r = kk + 1; r < n; r++) {
                double v = Math.abs(a[(off + r * n + kk) * nd + b]);
                if (v > max) {
                    max = v;
                    p = r;
                }
            }
            piv[(pivOff + kk) * nd + b] = p;
            if (max == 0.0) {
                return false;
            }
            if (p != kk) {
                for (int c = 0; c < n; c++) {
                    double t = a[(off + kk * n + c) * nd + b];
                    a[(off + kk * n + c) * nd + b] = a[(off + p * n + c) * nd + b];
                    a[(off + p * n + c) * nd + b] = t;
                }
            }
            double inv = 1.0 / a[(off + kk * n + kk) * nd + b];
            for (int r = kk + 1; r < n; r++) {
                double l = a[(off + r * n + kk) * nd + b] * inv;
                a[(off + r * n + kk) * nd + b] = l;
                if (l != 0.0) {
                    for (int c = kk + 1; c < n; c++) {
                        a[(off + r * n + c) * nd + b] -= l * a[(off + kk * n + c) * nd + b];
                    }
                }
            }
            a[(off + kk * n + kk) * nd + b] = inv;
        }
        return true;
    }

    static void dense_solve(double[] a, int off, int n, int[] piv, int pivOff, int nd, int b, double[] x) {
        for (int kk = 0; kk < n; kk++) {
            int p = piv[(pivOff + kk) * nd + b];
            if (p != kk) {
                double t = x[kk];
                x[kk] = x[p];
                x[p] = t;
            }
        }
        for (int r = 1; r < n; r++) {
            double s = x[r];
            for (int c = 0; c < r; c++) {
                s -= a[(off + r * n + c) * nd + b] * x[c];
            }
            x[r] = s;
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = x[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[(off + r * n + c) * nd + b] * x[c];
            }
            x[r] = s * a[(off + r * n + r) * nd + b];
        }
    }

    /** Replaces dense_factor's factors by the inverse D^-1, column c being dense_solve of e_c (n <= BS). */
    static void dense_invert(double[] a, int off, int n, int[] piv, int pivOff, int nd, int b) {
        double[] inv = new double[n * n];
        double[] x = new double[n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                x[r] = r == c ? 1.0 : 0.0;
            }
            dense_solve(a, off, n, piv, pivOff, nd, b, x);
            for (int r = 0; r < n; r++) {
                inv[r * n + c] = x[r];
            }
        }
        for (int e = 0; e < n * n; e++) {
            a[(off + e) * nd + b] = inv[e];
        }
    }

    /** y = A x for the n x n matrix at a (dense_invert's inverse). */
    static void dense_apply(double[] a, int off, int n, int nd, int b, double[] x, double[] y) {
        for (int r = 0; r < n; r++) {
            double s = a[(off + r * n) * nd + b] * x[0];
            for (int c = 1; c < n; c++) {
                s += a[(off + r * n + c) * nd + b] * x[c];
            }
            y[r] = s;
        }
    }

    /** x = D^-1 x for a factored shell block: by its inverse (blockInverse) or its pivoted LU factors. */
    void block_solve(double[] blocks, int off, int[] piv, int pivOff, int nd, int b, double[] x) {
        if (blockInverse) {
            double[] y = new double[BS];
            dense_apply(blocks, off, BS, nd, b, x, y);
            System.arraycopy(y, 0, x, 0, BS);
        } else {
            dense_solve(blocks, off, BS, piv, pivOff, nd, b, x);
        }
    }

    // ---- residual (column_residual.cl) ----

    double axial_flux(double[] y, double[] cin, double[] par, int nd, int b, int face, int i) {
        double u = par[KernelConstants.P_VEL * nd + b];
        if (face == 0) {
            return u * cin[i * nd + b];
        }
        if (face == NZ) {
            return u * y[bulk(NZ - 1, i) * nd + b];
        }
        double cl = y[bulk(face - 1, i) * nd + b];
        double cr = y[bulk(face, i) * nd + b];
        double cf = face == 1 ? cl : face_value(y[bulk(face - 2, i) * nd + b], cl, cr);
        return u * cf - par[KernelConstants.P_DISPDZ * nd + b] * (cr - cl);
    }

    void cell_residual(double[] y, double[] cin, double[] par, int nd, int b, int j, double[] f) {
        double invDz = par[KernelConstants.P_INVDZ * nd + b];
        for (int i = 0; i < NC; i++) {
            f[i] = -(axial_flux(y, cin, par, nd, b, j + 1, i) - axial_flux(y, cin, par, nd, b, j, i)) * invDz;
        }
        if (k.hasPores()) {
            for (int i = 0; i < NC; i++) {
                double film = y[bulk(j, i) * nd + b] - y[(block(j, 0) + i) * nd + b];
                f[i] -= par[(KernelConstants.P_BULKFILM + i) * nd + b] * film;
                for (int kk = 0; kk < NS; kk++) {
                    double cp = y[(block(j, kk) + i) * nd + b];
                    double v = kk == 0 ? par[(k.shellFilm() + i) * nd + b] * film
                            : par[(k.toOuter() + kk * NC + i) * nd + b] * (y[(block(j, kk - 1) + i) * nd + b] - cp);
                    if (kk < NS - 1) {
                        v += par[(k.toInner() + kk * NC + i) * nd + b] * (y[(block(j, kk + 1) + i) * nd + b] - cp);
                    }
                    f[NC + kk * BS + i] = v;
                }
            }
        }
        double[] fq = new double[NB];
        for (int kk = 0; kk < NBLK; kk++) {
            int cpOff = k.hasPores() ? block(j, kk) : bulk(j, 0);
            binding_flux(y, cpOff, block(j, kk) + QIN, par, nd, b, fq);
            for (int s = 0; s < NB; s++) {
                f[NC + kk * BS + QIN + s] = fq[s];
            }
        }
    }

    void cell_mass(double[] x, double[] out, double[] par, int nd, int b) {
        System.arraycopy(x, 0, out, 0, CS);
        double w = par[KernelConstants.P_BOUNDW * nd + b];
        for (int kk = 0; kk < NBLK; kk++) {
            int liquid = k.hasPores() ? NC + kk * BS : 0;
            for (int s = 0; s < NB; s++) {
                int q = NC + kk * BS + QIN + s;
                out[liquid + stateComponent[s]] += w * x[q];
                out[q] = kineticState[s] ? x[q] : 0.0;
            }
        }
    }

    /** Twin of kernel {@code residual}; ids (j, b). */
    public void residual(int j, int b, double[] y, double[] cin, double[] par, int[] active, double[] f, int nd) {
        if (j >= NZ || b >= nd || active[b] == 0) {
            return;
        }
        double[] fc = new double[CS];
        cell_residual(y, cin, par, nd, b, j, fc);
        for (int l = 0; l < CS; l++) {
            f[(j * CS + l) * nd + b] = fc[l];
        }
    }

    /** Twin of kernel {@code stage_rhs}; ids (j, b). */
    public void stage_rhs(int j, int b, double[] ys, double[] yn, double[] sum, double[] hg, double[] cin,
                          double[] par, int[] active, double[] rhs, int nd) {
        if (j >= NZ || b >= nd || active[b] == 0) {
            return;
        }
        double[] fc = new double[CS];
        double[] dx = new double[CS];
        double[] m = new double[CS];
        cell_residual(ys, cin, par, nd, b, j, fc);
        for (int l = 0; l < CS; l++) {
            dx[l] = ys[(j * CS + l) * nd + b] - yn[(j * CS + l) * nd + b];
        }
        cell_mass(dx, m, par, nd, b);
        double h = hg[b];
        for (int l = 0; l < CS; l++) {
            rhs[(j * CS + l) * nd + b] = -(m[l] - sum[(j * CS + l) * nd + b] - h * fc[l]);
        }
    }

    /** Twin of kernel {@code stage_derivative}; ids (j, b). */
    public void stage_derivative(int j, int b, double[] ys, double[] yn, double[] sum, double[] hg, double[] par,
                                 int[] active, double[] f, int nd) {
        if (j >= NZ || b >= nd || active[b] == 0) {
            return;
        }
        double[] dx = new double[CS];
        double[] m = new double[CS];
        for (int l = 0; l < CS; l++) {
            dx[l] = ys[(j * CS + l) * nd + b] - yn[(j * CS + l) * nd + b];
        }
        cell_mass(dx, m, par, nd, b);
        double h = hg[b];
        for (int l = 0; l < CS; l++) {
            f[(j * CS + l) * nd + b] = (m[l] - sum[(j * CS + l) * nd + b]) / h;
        }
    }

    // ---- assembly and solve (column_solve.cl) ----

    private int blk(int j, int kk, int r, int c, int nd, int b) {
        return ((((j * NBLK + kk) * BS + r) * BS + c) * nd + b);
    }

    private int blkOff(int j, int kk) {
        return (j * NBLK + kk) * BS * BS;
    }

    private int pivOff(int j, int kk) {
        return (j * NBLK + kk) * BS;
    }

    private int lane(int j, int kk, int a, int nd, int b) {
        return ((j * NBLK + kk) * NC + a) * nd + b;
    }

    private int bmatIdx(int j, int a, int r, int nd, int b) {
        return ((j * NC + a) * BS + r) * nd + b;
    }

    private int cmatIdx(int j, int r, int a, int nd, int b) {
        return ((j * BS + r) * NC + a) * nd + b;
    }

    private int band(int row, int col, int nd, int b) {
        return ((row * BAND_W) + (col - row + BAND_KL)) * nd + b;
    }

    void flux_derivative(double[] y, double[] par, int nd, int b, int face, int i, double[] d) {
        double u = par[KernelConstants.P_VEL * nd + b];
        d[0] = 0.0;
        d[1] = 0.0;
        d[2] = 0.0;
        if (face == 0) {
            return;
        }
        if (face == NZ) {
            d[1] = u;
            return;
        }
        if (face == 1) {
            d[1] = u;
        } else {
            face_derivative(y[bulk(face - 2, i) * nd + b], y[bulk(face - 1, i) * nd + b], y[bulk(face, i) * nd + b], d);
            d[0] *= u;
            d[1] *= u;
            d[2] *= u;
        }
        double disp = par[KernelConstants.P_DISPDZ * nd + b];
        d[1] += disp;
        d[2] -= disp;
    }

    /** Twin of kernel {@code assemble_eliminate}; ids (j, b). */
    public void assemble_eliminate(int j, int b, double[] y, double[] par, double[] hg, int[] active, double[] blocks,
                                   int[] piv, double[] lower, double[] upper, double[] bmat, double[] cmat,
                                   double[] band, int[] ok, int nd) {
        if (j >= NZ || b >= nd || active[b] == 0) {
            return;
        }
        double h = hg[b];
        for (int kk = 0; kk < NBLK; kk++) {
            for (int r = 0; r < BS; r++) {
                for (int c = 0; c < BS; c++) {
                    blocks[blk(j, kk, r, c, nd, b)] = 0.0;
                }
            }
            for (int a = 0; a < NC; a++) {
                lower[lane(j, kk, a, nd, b)] = 0.0;
                upper[lane(j, kk, a, nd, b)] = 0.0;
            }
        }
        for (int a = 0; a < NC; a++) {
            for (int r = 0; r < BS; r++) {
                bmat[bmatIdx(j, a, r, nd, b)] = 0.0;
                cmat[cmatIdx(j, r, a, nd, b)] = 0.0;
            }
        }
        double[] diag = new double[NC];
        if (k.hasPores()) {
            for (int i = 0; i < NC; i++) {
                diag[i] += h * par[(KernelConstants.P_BULKFILM + i) * nd + b];
                bmat[bmatIdx(j, i, i, nd, b)] += -h * par[(KernelConstants.P_BULKFILM + i) * nd + b];
                cmat[cmatIdx(j, i, i, nd, b)] += -h * par[(k.shellFilm() + i) * nd + b];
                for (int kk = 0; kk < NS; kk++) {
                    double d = 1.0;
                    if (kk == 0) {
                        d += h * par[(k.shellFilm() + i) * nd + b];
                    } else {
                        d += h * par[(k.toOuter() + kk * NC + i) * nd + b];
                        lower[lane(j, kk, i, nd, b)] += -h * par[(k.toOuter() + kk * NC + i) * nd + b];
                    }
                    if (kk < NS - 1) {
                        d += h * par[(k.toInner() + kk * NC + i) * nd + b];
                        upper[lane(j, kk, i, nd, b)] += -h * par[(k.toInner() + kk * NC + i) * nd + b];
                    }
                    blocks[blk(j, kk, i, i, nd, b)] += d;
                }
            }
        }
        double[] dfdcp = new double[NB * NC];
        double[] dfdq = new double[NB * NB];
        double w = par[KernelConstants.P_BOUNDW * nd + b];
        for (int kk = 0; kk < NBLK; kk++) {
            int cpOff = k.hasPores() ? block(j, kk) : bulk(j, 0);
            binding_jacobian(y, cpOff, block(j, kk) + QIN, par, nd, b, dfdcp, dfdq);
            for (int s = 0; s < NB; s++) {
                int row = QIN + s;
                for (int r = 0; r < NB; r++) {
                    double v = -h * dfdq[s * NB + r];
                    if (kineticState[s] && r == s) {
                        v += 1.0;
                    }
                    blocks[blk(j, kk, row, QIN + r, nd, b)] += v;
                }
                for (int i = 0; i < NC; i++) {
                    double v = -h * dfdcp[s * NC + i];
                    if (k.hasPores()) {
                        blocks[blk(j, kk, row, i, nd, b)] += v;
                    } else {
                        cmat[cmatIdx(j, row, i, nd, b)] += v;
                    }
                }
                if (k.hasPores()) {
                    blocks[blk(j, kk, stateComponent[s], QIN + s, nd, b)] += w;
                } else {
                    bmat[bmatIdx(j, stateComponent[s], s, nd, b)] += w;
                }
            }
        }
        double[] x = new double[BS];
        for (int kk = NBLK - 1; kk >= 0; kk--) {
            if (kk < NBLK - 1) {
                for (int c = 0; c < NC; c++) {
                    for (int r = 0; r < BS; r++) {
                        x[r] = r == c ? 1.0 : 0.0;
                    }
                    block_solve(blocks, blkOff(j, kk + 1), piv, pivOff(j, kk + 1), nd, b, x);
                    double lc = lower[lane(j, kk + 1, c, nd, b)];
                    for (int a = 0; a < NC; a++) {
                        blocks[blk(j, kk, a, c, nd, b)] -= upper[lane(j, kk, a, nd, b)] * x[a] * lc;
                    }
                }
            }
            if (!dense_factor(blocks, blkOff(j, kk), BS, piv, pivOff(j, kk), nd, b)) {
                ok[b] = 0;
            } else if (blockInverse) {
                dense_invert(blocks, blkOff(j, kk), BS, piv, pivOff(j, kk), nd, b);
            }
        }
        double g = h / par[KernelConstants.P_DZ * nd + b];
        double[] d = new double[3];
        for (int a = 0; a < NC; a++) {
            int row = j * NC + a;
            for (int c = 0; c < BAND_W; c++) {
                band[(row * BAND_W + c) * nd + b] = 0.0;
            }
            band[band(row, row, nd, b)] += 1.0 + diag[a];
            if (j > 0) {
                flux_derivative(y, par, nd, b, j, a, d);
                if (j >= 2) {
                    band[band(row, (j - 2) * NC + a, nd, b)] += -g * d[0];
                }
                band[band(row, (j - 1) * NC + a, nd, b)] += -g * d[1];
                band[band(row, row, nd, b)] += -g * d[2];
            }
            flux_derivative(y, par, nd, b, j + 1, a, d);
            if (j >= 1) {
                band[band(row, (j - 1) * NC + a, nd, b)] += g * d[0];
            }
            band[band(row, row, nd, b)] += g * d[1];
            if (j + 1 < NZ) {
                band[band(row, (j + 1) * NC + a, nd, b)] += g * d[2];
            }
        }
        for (int c = 0; c < NC; c++) {
            for (int r = 0; r < BS; r++) {
                x[r] = cmat[cmatIdx(j, r, c, nd, b)];
            }
            block_solve(blocks, blkOff(j, 0), piv, pivOff(j, 0), nd, b, x);
            for (int a = 0; a < NC; a++) {
                double s = 0.0;
                for (int r = 0; r < BS; r++) {
                    s += bmat[bmatIdx(j, a, r, nd, b)] * x[r];
                }
                band[band(j * NC + a, j * NC + c, nd, b)] -= s;
            }
        }
    }

    /** Twin of kernel {@code band_factor}; id (b). The diagonal keeps 1 / u_kk, so band_solve multiplies. */
    public void band_factor(int b, double[] band, int[] bandPiv, int[] active, int[] ok, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        for (int kk = 0; kk < NROWS; kk++) {
            int last = Math.min(NROWS - 1, kk + BAND_KL);
            int p = kk;
            double max = Math.abs(band[band(kk, kk, nd, b)]);
            for (int r = kk + 1; r <= last; r++) {
                double v = Math.abs(band[band(r, kk, nd, b)]);
                if (v > max) {
                    max = v;
                    p = r;
                }
            }
            bandPiv[kk * nd + b] = p;
            if (max == 0.0) {
                ok[b] = 0;
                return;
            }
            int lastCol = Math.min(NROWS - 1, kk + BAND_KL + BAND_KU);
            if (p != kk) {
                for (int c = kk; c <= lastCol; c++) {
                    double t = band[band(kk, c, nd, b)];
                    band[band(kk, c, nd, b)] = band[band(p, c, nd, b)];
                    band[band(p, c, nd, b)] = t;
                }
            }
            double inv = 1.0 / band[band(kk, kk, nd, b)];
            for (int r = kk + 1; r <= last; r++) {
                double l = band[band(r, kk, nd, b)] * inv;
                band[band(r, kk, nd, b)] = l;
                if (l != 0.0) {
                    for (int c = kk + 1; c <= lastCol; c++) {
                        band[band(r, c, nd, b)] -= l * band[band(kk, c, nd, b)];
                    }
                }
            }
            band[band(kk, kk, nd, b)] = inv;
        }
    }

    /** Twin of kernel {@code solve_forward}; ids (j, b). */
    public void solve_forward(int j, int b, double[] blocks, int[] piv, double[] upper, double[] bmat, int[] active,
                              double[] rhs, double[] bulkRhs, int nd) {
        if (j >= NZ || b >= nd || active[b] == 0) {
            return;
        }
        double[] x = new double[BS];
        for (int kk = NBLK - 2; kk >= 0; kk--) {
            for (int r = 0; r < BS; r++) {
                x[r] = rhs[(block(j, kk + 1) + r) * nd + b];
            }
            block_solve(blocks, blkOff(j, kk + 1), piv, pivOff(j, kk + 1), nd, b, x);
            if (blockInverse) {
                for (int r = 0; r < BS; r++) {
                    rhs[(block(j, kk + 1) + r) * nd + b] = x[r];
                }
            }
            for (int a = 0; a < NC; a++) {
                rhs[(block(j, kk) + a) * nd + b] -= upper[lane(j, kk, a, nd, b)] * x[a];
            }
        }
        for (int r = 0; r < BS; r++) {
            x[r] = rhs[(block(j, 0) + r) * nd + b];
        }
        block_solve(blocks, blkOff(j, 0), piv, pivOff(j, 0), nd, b, x);
        if (blockInverse) {
            for (int r = 0; r < BS; r++) {
                rhs[(block(j, 0) + r) * nd + b] = x[r];
            }
        }
        for (int a = 0; a < NC; a++) {
            double s = rhs[bulk(j, a) * nd + b];
            for (int r = 0; r < BS; r++) {
                s -= bmat[bmatIdx(j, a, r, nd, b)] * x[r];
            }
            bulkRhs[(j * NC + a) * nd + b] = s;
        }
    }

    /** Twin of kernel {@code band_solve}; id (b). */
    public void band_solve(int b, double[] band, int[] bandPiv, int[] active, double[] bulkRhs, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        for (int kk = 0; kk < NROWS; kk++) {
            int p = bandPiv[kk * nd + b];
            if (p != kk) {
                double t = bulkRhs[kk * nd + b];
                bulkRhs[kk * nd + b] = bulkRhs[p * nd + b];
                bulkRhs[p * nd + b] = t;
            }
            double bk = bulkRhs[kk * nd + b];
            if (bk != 0.0) {
                int last = Math.min(NROWS - 1, kk + BAND_KL);
                for (int r = kk + 1; r <= last; r++) {
                    bulkRhs[r * nd + b] -= band[band(r, kk, nd, b)] * bk;
                }
            }
        }
        for (int kk = NROWS - 1; kk >= 0; kk--) {
            int lastCol = Math.min(NROWS - 1, kk + BAND_KL + BAND_KU);
            double s = bulkRhs[kk * nd + b];
            for (int c = kk + 1; c <= lastCol; c++) {
                s -= band[band(kk, c, nd, b)] * bulkRhs[c * nd + b];
            }
            bulkRhs[kk * nd + b] = s * band[band(kk, kk, nd, b)];
        }
    }

    /** Twin of kernel {@code solve_back}; ids (j, b). */
    public void solve_back(int j, int b, double[] blocks, int[] piv, double[] lower, double[] cmat, int[] active,
                           double[] bulkRhs, double[] rhs, int nd) {
        if (j >= NZ || b >= nd || active[b] == 0) {
            return;
        }
        double[] x = new double[BS];
        for (int a = 0; a < NC; a++) {
            rhs[bulk(j, a) * nd + b] = bulkRhs[(j * NC + a) * nd + b];
        }
        for (int r = 0; r < BS; r++) {
            double s = 0.0;
            for (int a = 0; a < NC; a++) {
                s += cmat[cmatIdx(j, r, a, nd, b)] * bulkRhs[(j * NC + a) * nd + b];
            }
            x[r] = blockInverse ? s : rhs[(block(j, 0) + r) * nd + b] - s;
        }
        block_solve(blocks, blkOff(j, 0), piv, pivOff(j, 0), nd, b, x);
        for (int r = 0; r < BS; r++) {
            rhs[(block(j, 0) + r) * nd + b] = blockInverse ? rhs[(block(j, 0) + r) * nd + b] - x[r] : x[r];
        }
        double[] l = new double[NC];
        for (int kk = 1; kk < NBLK; kk++) {
            if (blockInverse) {
                // x_k = z - D'_k^-1 L_k x_{k-1}: rhs holds z = D'_k^-1 r'_k from solve_forward
                for (int a = 0; a < NC; a++) {
                    l[a] = lower[lane(j, kk, a, nd, b)] * rhs[(block(j, kk - 1) + a) * nd + b];
                }
                for (int r = 0; r < BS; r++) {
                    double s = blocks[blk(j, kk, r, 0, nd, b)] * l[0];
                    for (int a = 1; a < NC; a++) {
                        s += blocks[blk(j, kk, r, a, nd, b)] * l[a];
                    }
                    rhs[(block(j, kk) + r) * nd + b] -= s;
                }
            } else {
                // x_k = D'_k^-1 (r'_k - L_k x_{k-1}) with the LU factors
                for (int r = 0; r < BS; r++) {
                    x[r] = rhs[(block(j, kk) + r) * nd + b];
                }
                for (int a = 0; a < NC; a++) {
                    x[a] -= lower[lane(j, kk, a, nd, b)] * rhs[(block(j, kk - 1) + a) * nd + b];
                }
                dense_solve(blocks, blkOff(j, kk), BS, piv, pivOff(j, kk), nd, b, x);
                for (int r = 0; r < BS; r++) {
                    rhs[(block(j, kk) + r) * nd + b] = x[r];
                }
            }
        }
    }

    // ---- vector operations (batch_vector.cl) ----

    /** Twin of kernel {@code combine}; ids (l, b). */
    public void combine(int l, int b, double[] f0, double[] f1, double[] f2, double[] f3, double[] coef, int[] active,
                        double[] out, int nd) {
        if (l >= N || b >= nd || active[b] == 0) {
            return;
        }
        int i = l * nd + b;
        out[i] = coef[b] * f0[i] + coef[nd + b] * f1[i] + coef[2 * nd + b] * f2[i] + coef[3 * nd + b] * f3[i];
    }

    /** Twin of kernel {@code predict}; ids (l, b). */
    public void predict(int l, int b, double[] yn, double[] from, double[] ratio, int[] active, double[] yi, int nd) {
        if (l >= N || b >= nd || active[b] == 0) {
            return;
        }
        int i = l * nd + b;
        yi[i] = yn[i] + ratio[b] * (from[i] - yn[i]);
    }

    /** Twin of kernel {@code newton_weights}; id (b). */
    public void newton_weights(int b, double[] yn, double[] tol, int[] active, double[] wt, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        newton_weights_part(b, yn, tol[b], tol[nd + b], wt, nd);
    }

    /** Twin of function {@code newton_weights_part} (all elements): wt = 1 / (abstol + reltol |yn|). */
    private void newton_weights_part(int b, double[] yn, double abstol, double reltol, double[] wt, int nd) {
        for (int l = 0; l < N; l++) {
            wt[l * nd + b] = 1.0 / (abstol + reltol * Math.abs(yn[l * nd + b]));
        }
    }

    /** Twin of kernel {@code newton_update}; id (b). */
    public void newton_update(int b, double[] yi, double[] delta, double[] wt, int[] active, double[] normSq,
                              int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        normSq[b] = newton_update_part(b, yi, delta, wt, nd);
    }

    /** Twin of function {@code newton_update_part} (all elements): yi += delta, returns sum (delta wt)^2. */
    private double newton_update_part(int b, double[] yi, double[] delta, double[] wt, int nd) {
        double s = 0.0;
        for (int l = 0; l < N; l++) {
            double d = delta[l * nd + b];
            yi[l * nd + b] += d;
            double e = d * wt[l * nd + b];
            s += e * e;
        }
        return s;
    }

    /** Twin of kernel {@code error_norm}; id (b). */
    public void error_norm(int b, double[] err, double[] yn, double[] ynew, double[] tol, int[] active,
                           double[] normSq, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        double abstol = tol[b];
        double reltol = tol[nd + b];
        double s = 0.0;
        for (int l = 0; l < N; l++) {
            double e = err[l * nd + b] / (abstol + reltol * Math.max(Math.abs(yn[l * nd + b]),
                    Math.abs(ynew[l * nd + b])));
            s += e * e;
        }
        normSq[b] = s;
    }

    /** Twin of kernel {@code copy_active}; ids (l, b). */
    public void copy_active(int l, int b, double[] src, int[] active, double[] dst, int nd) {
        if (l >= N || b >= nd || active[b] == 0) {
            return;
        }
        dst[l * nd + b] = src[l * nd + b];
    }

    /** Twin of kernel {@code gather_stage_outlets}; id (b). */
    public void gather_stage_outlets(int b, double[] y, double[] s1, double[] s2, double[] s3, double[] out, int nd) {
        if (b >= nd) {
            return;
        }
        double[][] stages = {y, s1, s2, s3};
        for (int j = 0; j < stages.length; j++) {
            for (int i = 0; i < NC; i++) {
                out[(j * NC + i) * nd + b] = stages[j][bulk(NZ - 1, i) * nd + b];
            }
        }
    }

    // ---- fused per-design phases (column_fused.cl) ----

    /** Twin of kernel {@code factor_design}; id (b). */
    public void factor_design(int b, double[] y, double[] par, double[] hg, int[] active, double[] blocks, int[] piv,
                              double[] lower, double[] upper, double[] bmat, double[] cmat, double[] band,
                              int[] bandPiv, int[] ok, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        for (int j = 0; j < NZ; j++) {
            assemble_eliminate(j, b, y, par, hg, active, blocks, piv, lower, upper, bmat, cmat, band, ok, nd);
        }
        band_factor(b, band, bandPiv, active, ok, nd);
    }

    /** Twin of kernel {@code solve_design}; id (b). */
    public void solve_design(int b, double[] blocks, int[] piv, double[] lower, double[] upper, double[] bmat,
                             double[] cmat, double[] band, int[] bandPiv, int[] active, double[] x, double[] bulkRhs,
                             int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        for (int j = 0; j < NZ; j++) {
            solve_forward(j, b, blocks, piv, upper, bmat, active, x, bulkRhs, nd);
        }
        band_solve(b, band, bandPiv, active, bulkRhs, nd);
        for (int j = 0; j < NZ; j++) {
            solve_back(j, b, blocks, piv, lower, cmat, active, bulkRhs, x, nd);
        }
    }

    /** Twin of kernel {@code newton_iteration}; id (b). */
    public void newton_iteration(int b, double[] ys, double[] yn, double[] sum, double[] hg, double[] cin,
                                 double[] par, double[] wt, int[] active, double[] blocks, int[] piv, double[] lower,
                                 double[] upper, double[] bmat, double[] cmat, double[] band, int[] bandPiv,
                                 double[] rhs, double[] bulkRhs, double[] normSq, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        for (int j = 0; j < NZ; j++) {
            stage_rhs(j, b, ys, yn, sum, hg, cin, par, active, rhs, nd);
        }
        solve_design(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
        newton_update(b, ys, rhs, wt, active, normSq, nd);
    }

    /** Twin of kernel {@code attempt_design} (column_fused.cl); id (b). */
    public void attempt_design(int b, double[] y, double[] prev, double[] f0, double[] s1, double[] s2, double[] s3,
                               double[] g1, double[] g2, double[] g3, double[] sum, double[] rhs, double[] err,
                               double[] bulkRhs, double[] cin, double[] par, double[] tol, double[] wt, double[] hg,
                               double[] tab, double[] step, double[] eta, double[] result, double[] blocks, int[] piv,
                               double[] lower, double[] upper, double[] bmat, double[] cmat, double[] band,
                               int[] bandPiv, int[] active, int nd) {
        if (b >= nd || active[b] == 0) {
            return;
        }
        double t = step[b];
        double h = step[nd + b];
        double e = eta[b];
        double iterations = 0.0;
        boolean failed = false;
        double abstol = tol[b];
        double reltol = tol[nd + b];
        newton_weights_part(b, y, abstol, reltol, wt, nd);
        for (int i = 1; i < 4 && !failed; i++) {
            double[] ys = i == 1 ? s1 : i == 2 ? s2 : s3;
            double[] from = i == 1 ? prev : i == 2 ? s1 : s2;
            double ratio = i == 1 ? step[2 * nd + b] : tab[24 + i] / tab[24 + i - 1];
            double a0 = h * tab[i * 4];
            double a1 = h * tab[i * 4 + 1];
            double a2 = h * tab[i * 4 + 2];
            for (int l = 0; l < N; l++) {
                int at = l * nd + b;
                double sm = a0 * f0[at];
                if (i > 1) {
                    sm += a1 * g1[at];
                }
                if (i > 2) {
                    sm += a2 * g2[at];
                }
                sum[at] = sm;
                ys[at] = y[at] + ratio * (from[at] - y[at]);
            }
            double ti = t + tab[24 + i] * h;
            for (int c = 0; c < NC; c++) {
                cin[c * nd + b] = step[(4 + c) * nd + b] + step[(4 + NC + c) * nd + b] * (ti - step[3 * nd + b]);
            }
            double etaHere = Math.pow(Math.max(e, 1e-16), 0.8);
            double previous = 0.0;
            boolean converged = false;
            for (int kk = 0; kk < 8 && !converged && !failed; kk++) {
                iterations += 1.0;
                for (int j = 0; j < NZ; j++) {
                    stage_rhs(j, b, ys, y, sum, hg, cin, par, active, rhs, nd);
                }
                solve_design(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, rhs, bulkRhs, nd);
                double norm = Math.sqrt(newton_update_part(b, ys, rhs, wt, nd) / N);
                if (!Double.isFinite(norm)) {
                    e = 1.0;
                    failed = true;
                } else {
                    if (kk > 0) {
                        double rate = norm / previous;
                        if (rate >= 0.9) {
                            e = 1.0;
                            failed = true;
                        } else {
                            etaHere = rate / (1.0 - rate);
                        }
                    }
                    if (!failed && (etaHere * norm <= tab[28] || norm == 0.0)) {
                        e = etaHere;
                        converged = true;
                    }
                    previous = norm;
                }
            }
            if (!converged && !failed) {
                e = 1.0;
                failed = true;
            }
            if (!failed) {
                double[] fi = i == 1 ? g1 : i == 2 ? g2 : g3;
                for (int j = 0; j < NZ; j++) {
                    stage_derivative(j, b, ys, y, sum, hg, par, active, fi, nd);
                }
            }
        }
        double errSq = 0.0;
        if (!failed) {
            double d0 = h * (tab[16] - tab[20]);
            double d1 = h * (tab[17] - tab[21]);
            double d2 = h * (tab[18] - tab[22]);
            double d3 = h * (tab[19] - tab[23]);
            for (int l = 0; l < N; l++) {
                int at = l * nd + b;
                err[at] = d0 * f0[at] + d1 * g1[at] + d2 * g2[at] + d3 * g3[at];
            }
            solve_design(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, err, bulkRhs, nd);
            for (int l = 0; l < N; l++) {
                int at = l * nd + b;
                double w = err[at] / (abstol + reltol * Math.max(Math.abs(y[at]), Math.abs(s3[at])));
                errSq += w * w;
            }
        }
        eta[b] = e;
        result[b] = failed ? 1.0 : 0.0;
        result[nd + b] = iterations;
        result[2 * nd + b] = errSq;
    }

    // ---- one work-group per design (column_group.cl) ----

    /**
     * Twin of kernel {@code factor_design_group}; id (b), the group. The kernel spreads the cells over the
     * work-items of the group; run one after the other they are {@link #factor_design}.
     */
    public void factor_design_group(int b, double[] y, double[] par, double[] hg, int[] active, double[] blocks,
                                    int[] piv, double[] lower, double[] upper, double[] bmat, double[] cmat,
                                    double[] band, int[] bandPiv, int[] ok, int nd) {
        factor_design(b, y, par, hg, active, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, ok, nd);
    }

    /** Twin of kernel {@code solve_design_group}; id (b), the group. In sequence it is {@link #solve_design}. */
    public void solve_design_group(int b, double[] blocks, int[] piv, double[] lower, double[] upper, double[] bmat,
                                   double[] cmat, double[] band, int[] bandPiv, int[] active, double[] x,
                                   double[] bulkRhs, int nd) {
        solve_design(b, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, x, bulkRhs, nd);
    }

    /**
     * Twin of kernel {@code newton_iteration_group}; id (b), the group. The kernel reduces the norm in local memory;
     * in sequence it is {@link #newton_iteration}.
     */
    public void newton_iteration_group(int b, double[] ys, double[] yn, double[] sum, double[] hg, double[] cin,
                                       double[] par, double[] wt, int[] active, double[] blocks, int[] piv,
                                       double[] lower, double[] upper, double[] bmat, double[] cmat, double[] band,
                                       int[] bandPiv, double[] rhs, double[] bulkRhs, double[] normSq, int nd) {
        newton_iteration(b, ys, yn, sum, hg, cin, par, wt, active, blocks, piv, lower, upper, bmat, cmat, band,
                bandPiv, rhs, bulkRhs, normSq, nd);
    }

    /**
     * Twin of kernel {@code attempt_design_group}; id (b), the group. The kernel spreads cells and vector elements
     * over the work-items and reduces the norms in local memory; in sequence that is {@link #attempt_design}.
     */
    public void attempt_design_group(int b, double[] y, double[] prev, double[] f0, double[] s1, double[] s2,
                                     double[] s3, double[] g1, double[] g2, double[] g3, double[] sum, double[] rhs,
                                     double[] err, double[] bulkRhs, double[] cin, double[] par, double[] tol,
                                     double[] wt, double[] hg, double[] tab, double[] step, double[] eta,
                                     double[] result, double[] blocks, int[] piv, double[] lower, double[] upper,
                                     double[] bmat, double[] cmat, double[] band, int[] bandPiv, int[] active,
                                     int nd) {
        attempt_design(b, y, prev, f0, s1, s2, s3, g1, g2, g3, sum, rhs, err, bulkRhs, cin, par, tol, wt, hg, tab,
                step, eta, result, blocks, piv, lower, upper, bmat, cmat, band, bandPiv, active, nd);
    }

    /** The tableau buffer of kernel attempt_design: a_ij, b, b_hat, c, Newton tolerance. */
    public static double[] tableau() {
        double[] tab = new double[29];
        System.arraycopy(org.sorb.numerics.Esdirk32.A, 0, tab, 0, 16);
        System.arraycopy(org.sorb.numerics.Esdirk32.B, 0, tab, 16, 4);
        System.arraycopy(org.sorb.numerics.Esdirk32.B_HAT, 0, tab, 20, 4);
        System.arraycopy(org.sorb.numerics.Esdirk32.C, 0, tab, 24, 4);
        tab[28] = org.sorb.numerics.EsdirkStepper.NEWTON_TOLERANCE;
        return tab;
    }
}
