package org.sorb.io;

import java.util.List;

/** Names of the groups, datasets and attributes of a Sorb result file: a public interface, documented in the README. */
public final class ResultNames {
    private ResultNames() {
    }

    public static final String OUTLET = "outlet";
    public static final String OUTLET_TIME = "outlet/time";
    public static final String OUTLET_CONCENTRATION = "outlet/concentration";
    /** Outlet times in column volumes, t u_s / L. */
    public static final String OUTLET_COLUMN_VOLUMES = "outlet/column_volumes";
    public static final String COMPONENTS = "components";

    public static final String MASS_BALANCE = "mass_balance";
    public static final String INJECTED = "mass_balance/injected";
    public static final String ELUTED = "mass_balance/eluted";
    public static final String RETAINED = "mass_balance/retained";
    public static final String RELATIVE_ERROR = "relative_error";

    public static final String PROFILES = "profiles";
    public static final String PROFILES_TIME = "profiles/time";
    public static final String PROFILES_Z = "profiles/z";
    public static final String PROFILES_BULK = "profiles/bulk";
    public static final String PROFILES_BOUND = "profiles/bound";

    public static final String SOLVER = "solver";
    /** Dataset holding the solver attributes as one vector, in the order of {@link #SOLVER_STATS_NAMES}. */
    public static final String SOLVER_STATS = "solver/stats";
    public static final String STEPS = "steps";
    public static final String REJECTED_STEPS = "rejected_steps";
    public static final String NEWTON_ITERATIONS = "newton_iterations";
    public static final String JACOBIAN_EVALUATIONS = "jacobian_evaluations";
    public static final String WALL_SECONDS = "wall_seconds";
    public static final String NAMES = "names";
    public static final List<String> SOLVER_STATS_NAMES = List.of(STEPS, REJECTED_STEPS, NEWTON_ITERATIONS,
            JACOBIAN_EVALUATIONS, WALL_SECONDS);

    /** Group of a sweep's results (a sweep file has {@code /outlet/time} but no {@code /outlet/concentration}). */
    public static final String SWEEP = "sweep";
    /** Design matrix [n_design, n_param], SI; attribute {@link #NAMES} holds the key paths. */
    public static final String SWEEP_PARAMETERS = "sweep/parameters";
    public static final String SWEEP_OUTLET = "sweep/outlet";
    /** Outlet concentration of every design [n_design, n_t, n_comp]. */
    public static final String SWEEP_OUTLET_CONCENTRATION = "sweep/outlet/concentration";
    /** Relative mass-balance error of every design [n_design]. */
    public static final String SWEEP_MASS_BALANCE_ERROR = "sweep/mass_balance_error";
    /** Solver work of every design [n_design, 5], columns as {@link #SOLVER_STATS_NAMES}. */
    public static final String SWEEP_SOLVER_STATS = "sweep/solver_stats";
    /** 1 for a design that failed (its outlet rows, mass-balance error and solver work are NaN), else 0 [n_design]. */
    public static final String SWEEP_FAILED = "sweep/failed";
    /** Why each design failed, empty for the designs that did not [n_design]. */
    public static final String SWEEP_FAILURE_REASON = "sweep/failure_reason";
    /** Each row's design number in the whole sweep [n_design], int64 (0..n-1 in an unsharded file). */
    public static final String SWEEP_DESIGN_INDEX = "sweep/design_index";
    /** Attributes of {@code /sweep}: digest of the resolved base case and sweep, {@code i/N}, designs in the sweep. */
    public static final String SWEEP_ID = "sweep_id";
    public static final String SHARD = "shard";
    public static final String DESIGNS_TOTAL = "designs_total";
    /** Root attribute of a merged file: the file names of its inputs. */
    public static final String MERGED_FROM = "merged_from";
    /** Attributes of {@code /sweep}: grid or zip, the sweep section as YAML, the number of designs and of failed ones. */
    public static final String MODE = "mode";
    public static final String DEFINITION = "definition";
    public static final String DESIGNS = "designs";
    public static final String FAILED = "failed";

    /** Design metrics [n_metric] of a single run; attributes {@link #NAMES}, {@link #UNITS} and, when any, notes. */
    public static final String METRICS = "metrics";
    /** Estimated absolute discretization error of each metric [n_metric]; attributes tolerance and method. */
    public static final String METRICS_GRID_ERROR = "metrics_grid_error";
    /** Design metrics of every design [n_design, n_metric]; a failed design's row is NaN. */
    public static final String SWEEP_METRICS = "sweep/metrics";
    /** Estimated absolute discretization error of every design's metrics [n_design, n_metric]. */
    public static final String SWEEP_METRICS_GRID_ERROR = "sweep/metrics_grid_error";
    /** Attributes of the grid-error datasets: the relative tolerance and how the error was estimated. */
    public static final String TOLERANCE = "tolerance";
    public static final String METHOD = "method";
    /** Attribute of {@code /metrics}: why metrics are NaN, one line each. */
    public static final String NOTES = "notes";

    /** Attribute holding the unit of a dataset. */
    public static final String UNITS = "units";

    public static final String SORB_VERSION = "sorb_version";
    public static final String BACKEND = "backend";
    public static final String BACKEND_DESCRIPTION = "backend_description";
    /** Root attribute with the resolved case YAML; a dataset of that name when the text is too long for an attribute. */
    public static final String CASE = "case";
    public static final String CASE_SOURCE = "case_source";
    public static final String CREATED = "created";

    /** Root string attributes, in the order they are written. */
    public static final List<String> ROOT_STRING_ATTRIBUTES = List.of(SORB_VERSION, BACKEND, BACKEND_DESCRIPTION,
            CASE, CASE_SOURCE, UNITS, CREATED);
}
