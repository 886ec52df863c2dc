#!/usr/bin/env python3
"""Grid refinement of a Sorb case's outlet: runs on a list of grids, errors against a reference, observed orders and
Richardson extrapolation (BENCHMARKS.md, section 9: the protein A reference).

usage:
  refine.py run OUTDIR CONFIG ... [--case-fv F] [--case-dg F] [--set KEY=VALUE ...] [--sorb LAUNCHER]
      ./sorb run --backend java --threads 1 on each CONFIG, written OUTDIR/<config>.h5; prints steps and the solve's
      wall time. CONFIG is bench reference's syntax: NZxNR@REL[/ABS] (finite volumes, on --case-fv) or
      dg:PaxEa:PpxEp[:exact]@REL[/ABS] (on --case-dg; particle degree 0: finite-volume shells); ABS defaults to
      1e-4 REL as there; metrics.grid_check=false.
  refine.py compare REF FILE ...
      max |c - c_ref| / scale over the outlet samples, where it occurs, and the RMS, for each FILE.
  refine.py order FILE_1 FILE_2 ... FILE_n [--ratio 2] [--order P] [-o EXTRAPOLATED.h5]
      a sequence refined by --ratio each step: successive max differences, observed orders
      p = log(d_k / d_k+1) / log(ratio), and the Richardson step from the last two with the last observed order
      (or P, from --order: an order observed on another sequence; then two files suffice):
      u_inf = u_n + (u_n - u_n-1) / (ratio^p - 1), its size (the finest grid's estimated error); -o writes u_inf.
  refine.py sum OUT A B C
      OUT = A + B - C sample by sample (two corrections on one base: A and B extrapolated along two directions
      from the shared grid C).
Files are Sorb results (/outlet/time, /outlet/concentration, first component); scale (--scale, default 4.69: the
protein A case's feed in kg/m^3) divides every difference. Run from the Sorb project root (./sorb).
"""
import argparse
import math
import os
import re
import subprocess
import sys
import time

import h5py
import numpy as np

FV = re.compile(r"^(?:fv:)?(\d+)x(\d+)@([^/]+)(?:/(.+))?$")
DG = re.compile(r"^dg:[Pp]?(\d+)x(\d+):[Pp]?(\d+)x(\d+)(:exact)?@([^/]+)(?:/(.+))?$")


def load(path):
    with h5py.File(path, "r") as f:
        return f["outlet/time"][()], f["outlet/concentration"][()][:, 0]


def save(path, t, c, like):
    """Writes t, c in a Sorb result's outlet layout (copying nothing else from LIKE but the layout)."""
    with h5py.File(path, "w") as f:
        f["outlet/time"] = t
        f["outlet/concentration"] = c.reshape(-1, 1)
        f.attrs["derived_from"] = like


def run_args(cfg, out, o):
    m = FV.match(cfg)
    if m:
        nz, nr, rel, ab = m.groups()
        grid = ["discretization.axial_cells=" + nz, "discretization.particle_cells=" + nr]
        case = o.case_fv
    else:
        m = DG.match(cfg)
        if not m:
            sys.exit("not a configuration: %s (NZxNR@REL[/ABS] or dg:PaxEa:PpxEp[:exact]@REL[/ABS])" % cfg)
        p, e, pp, pe, exact, rel, ab = m.groups()
        grid = ["discretization.axial_elements=" + e, "discretization.polynomial_degree=" + p,
                "discretization.particle_elements=" + pe, "discretization.particle_polynomial_degree=" + pp,
                "discretization.integration=" + ("exact" if exact else "collocated")]
        case = o.case_dg
    sets = grid + ["solver.rel_tol=" + rel, "solver.abs_tol=" + (ab if ab is not None else repr(float(rel) * 1e-4)),
                   "metrics.grid_check=false"] + o.set
    a = o.sorb.split() + ["run", case, "--backend", "java", "--threads", "1", "-o", out]
    for s in sets:
        a += ["--set", s]
    return a


def cmd_run(o):
    os.makedirs(o.args[0], exist_ok=True)
    print("| config | steps | Newton iterations | solve wall (s) | process wall (s) | file |")
    print("|---|---|---|---|---|---|", flush=True)
    for cfg in o.args[1:]:
        out = os.path.join(o.args[0], cfg.replace("/", "_") + ".h5")
        t0 = time.perf_counter()
        r = subprocess.run(run_args(cfg, out, o), capture_output=True, text=True)
        whole = time.perf_counter() - t0
        if r.returncode != 0:
            print("| %s | failed (%d): %s | | | %.1f | |" % (cfg, r.returncode, r.stderr.strip()[-300:], whole))
            continue
        steps = re.search(r"steps: (\d+) accepted, \d+ rejected, (\d+) Newton", r.stdout)
        solve = re.search(r"wall time: ([0-9.]+) s", r.stdout)
        print("| %s | %s | %s | %s | %.1f | %s |" % (cfg, steps.group(1), steps.group(2), solve.group(1), whole, out),
              flush=True)


def cmd_compare(o):
    tr, cr = load(o.args[0])
    print("reference %s (scale %g)" % (o.args[0], o.scale))
    print("| file | max abs diff / scale | at t (s) | c_ref there / scale | RMS diff / scale |")
    print("|---|---|---|---|---|")
    for p in o.args[1:]:
        t, c = load(p)
        if len(t) != len(tr) or not np.allclose(t, tr):
            sys.exit("%s: other output times than the reference" % p)
        d = np.abs(c - cr) / o.scale
        k = int(np.argmax(d))
        print("| %s | %.3g | %g | %.4f | %.3g |" % (os.path.basename(p), d[k], t[k], cr[k] / o.scale,
                                                   math.sqrt(float(np.mean(d ** 2)))))


def cmd_order(o):
    us = [load(p)[1] for p in o.args]
    t = load(o.args[0])[0]
    if len(us) < 2:
        sys.exit("order: give at least two files, coarse to fine")
    d = [float(np.max(np.abs(b - a))) / o.scale for a, b in zip(us, us[1:])]
    print("| grids | max difference / scale | observed order |")
    print("|---|---|---|")
    p = None
    for k, dk in enumerate(d):
        p = math.log(d[k - 1] / dk) / math.log(o.ratio) if k > 0 and dk > 0 else None
        print("| %s -> %s | %.3g | %s |" % (os.path.basename(o.args[k]), os.path.basename(o.args[k + 1]), dk,
                                           "-" if p is None else "%.2f" % p))
    if o.order is not None:
        p = o.order
    if p is None or p <= 0:
        print("no Richardson step: no positive observed order from the last three grids")
        return
    corr = (us[-1] - us[-2]) / (o.ratio ** p - 1)
    print("Richardson step with p = %.2f: max |u_inf - u_finest| / scale = %.3g (the finest grid's estimated error)"
          % (p, float(np.max(np.abs(corr))) / o.scale))
    if o.output:
        save(o.output, t, us[-1] + corr, "richardson p=%.4f from %s" % (p, ", ".join(o.args)))
        print("wrote %s" % o.output)


def cmd_sum(o):
    out, a, b, c = o.args
    t, ua = load(a)
    ub, uc = load(b)[1], load(c)[1]
    save(out, t, ua + ub - uc, "%s + %s - %s" % (a, b, c))
    print("wrote %s" % out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["run", "compare", "order", "sum"])
    ap.add_argument("args", nargs="+")
    ap.add_argument("--case-fv", default="cases/protein-a-igg-breakthrough.yaml")
    ap.add_argument("--case-dg", default="cases/protein-a-igg-breakthrough-dg-shells.yaml")
    ap.add_argument("--sorb", default="./sorb", help="run: the launcher command (default ./sorb)")
    ap.add_argument("--set", action="append", default=[], help="run: more --set overrides")
    ap.add_argument("--scale", type=float, default=4.69, help="divides every difference (default: the protein A feed)")
    ap.add_argument("--ratio", type=float, default=2.0, help="order: refinement ratio per step (default 2)")
    ap.add_argument("--order", type=float, help="order: the order of the Richardson step (default: the last observed)")
    ap.add_argument("-o", "--output", help="order: write the extrapolated outlet here")
    o = ap.parse_intermixed_args()
    {"run": cmd_run, "compare": cmd_compare, "order": cmd_order, "sum": cmd_sum}[o.what](o)


if __name__ == "__main__":
    main()
