#!/usr/bin/env python3
"""Time to error on CASEMA's linear GRM benchmark: Sorb against CADET-Core, measured side by side.

For every configuration of either code (finite volumes or DG spectral elements, with its tolerances) it runs the
whole process R times, alternating Sorb and CADET configuration by configuration, and records the max abs outlet
error against the semi-analytic reference, the whole-process wall time and the solve's own time (Sorb: the
`wall time:` line `./sorb run` prints, a cold JVM; CADET: /meta/TIME_SIM). Then, for each error bound, the fastest
configuration of each code that meets it and the ratio Sorb/CADET, by solve time and by whole-process time.
Sorb's warm in-process times come from `./sorb bench reference` over the same configurations, in the same sitting.

usage: scripts/casema-vs-cadet.py [-r RUNS] [--cadet CLI] [--ref REF.h5] [--dir RUNDIR] [--bounds 1e-4,1e-5,1e-6]
                                  [--sorb CONFIG ...] [--cadet-configs CONFIG ...]
       scripts/casema-vs-cadet.py --sweep AXIAL PARTICLE TOLS [-r RUNS] ...
  --sweep: the solve alone over every DG configuration AXIAL x PARTICLE x TOLS (e.g. '3x4,5x4' '3x1,4x1'
  '1e-3,1e-4'; abs tol 1e-4 rel), Sorb warm in-process (`bench reference`, 20 warm-ups) and CADET's TIME_SIM
  (median of RUNS), then the fastest of each code within each bound: the configurations to time whole.
CONFIG: fv:NZxNR@REL[/ABS] or dg:PxE:PPxPE@REL[/ABS] (ABS defaults to 1e-4 REL), e.g. dg:3x8:4x1@1e-5/1e-9.
Needs python3 with h5py and numpy, a built cadet-cli (../shared/peers/cadet/README.md) and its cadet_inputs.py.
Run from the Sorb checkout's root; set OPENBLAS_NUM_THREADS=1 (done here for CADET's runs).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

import h5py
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER = os.environ.get("CADET_PEER_SCRIPTS", os.path.join(ROOT, "..", "shared", "peers", "cadet"))
sys.path.insert(0, PEER)
import cadet_inputs as ci  # noqa: E402

SORB_DG = ["dg:2x6:2x1@1e-3", "dg:2x8:2x1@1e-3", "dg:3x4:3x1@1e-3", "dg:3x5:3x1@1e-3", "dg:4x4:3x1@1e-4",
           "dg:5x3:3x1@1e-4", "dg:3x6:3x1@1e-4", "dg:3x5:4x1@1e-4", "dg:4x4:4x1@1e-4", "dg:3x8:4x1@1e-5",
           "dg:4x6:4x1@1e-5", "dg:5x4:4x1@1e-5", "fv:64x16@1e-5"]
CADET_DG = ["dg:2x6:2x1@1e-2", "dg:2x8:2x1@1e-3", "dg:3x4:3x1@1e-4", "dg:3x6:3x1@1e-3", "dg:4x4:3x1@1e-3",
            "dg:5x3:3x1@1e-3", "dg:3x5:4x1@1e-3", "dg:5x3:4x1@1e-3", "dg:4x4:4x1@1e-4", "dg:3x8:4x1@1e-4",
            "dg:4x6:4x1@1e-4", "dg:5x4:4x1@1e-4", "dg:4x6:5x1@1e-4", "fv:48x16@1e-3"]


def parse(cfg):
    m = re.fullmatch(r"(fv|dg):([0-9x:]+)@([0-9.e+-]+)(?:/([0-9.e+-]+))?", cfg)
    if not m:
        raise SystemExit("bad configuration %r: expected fv:NZxNR@REL[/ABS] or dg:PxE:PPxPE@REL[/ABS]" % cfg)
    kind, spec, rel = m.group(1), m.group(2), float(m.group(3))
    ab = float(m.group(4)) if m.group(4) else rel * 1e-4
    if kind == "fv":
        nz, nr = map(int, spec.split("x"))
        return dict(kind=kind, nz=nz, nr=nr, rel=rel, abs=ab)
    ax, par = spec.split(":")
    p, ne = map(int, ax.split("x"))
    pp, pe = map(int, par.split("x"))
    return dict(kind=kind, p=p, ne=ne, pp=pp, pe=pe, rel=rel, abs=ab)


def sorb_grid(d):
    """The configuration in `sorb bench reference --grid` syntax."""
    if d["kind"] == "fv":
        return "%dx%d@%g/%g" % (d["nz"], d["nr"], d["rel"], d["abs"])
    return "dg:P%dx%d:P%dx%d@%g/%g" % (d["p"], d["ne"], d["pp"], d["pe"], d["rel"], d["abs"])


def sorb_cmd(d, out):
    if d["kind"] == "fv":
        case = "cases/cadet-linear-pulse-grm.yaml"
        keys = {"discretization.axial_cells": d["nz"], "discretization.particle_cells": d["nr"]}
    else:
        case = "cases/cadet-linear-pulse-grm-dg.yaml"
        keys = {"discretization.axial_elements": d["ne"], "discretization.polynomial_degree": d["p"],
                "discretization.particle_elements": d["pe"], "discretization.particle_polynomial_degree": d["pp"]}
    keys.update({"solver.rel_tol": d["rel"], "solver.abs_tol": d["abs"]})
    cmd = [os.path.join(ROOT, "sorb"), "run", case, "--backend", "java", "--threads", "1", "-o", out]
    for k, v in keys.items():
        cmd += ["--set", "%s=%s" % (k, v)]
    return cmd


def cadet_input(d, ref, rundir):
    name = ("fv_%dx%d" % (d["nz"], d["nr"]) if d["kind"] == "fv"
            else "dg_P%dx%d_par%dx%d" % (d["p"], d["ne"], d["pp"], d["pe"])) + "_r%g_a%g" % (d["rel"], d["abs"])
    path = os.path.join(rundir, name + ".h5")
    kw = (dict(method="FV", ncol=d["nz"], npar=d["nr"]) if d["kind"] == "fv"
          else dict(method="DG", polydeg=d["p"], nelem=d["ne"], par_polydeg=d["pp"], par_nelem=d["pe"]))
    ci.casema_grm(ref, path, reltol=d["rel"], abstol=d["abs"], algtol=1e-12, **kw)
    return path


def timed(cmd, env=None):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                       env=env)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit("failed (exit %d): %s\n%s" % (r.returncode, " ".join(cmd), r.stdout[-2000:]))
    return wall, r.stdout


def sorb_error(path, c_ex):
    with h5py.File(path, "r") as f:
        c = f["outlet/concentration"][()][:, 0]
    return float(np.max(np.abs(c - c_ex)))


def cadet_error(path, c_ex):
    t, c = ci.outlet(path)
    c = np.asarray(c).reshape(len(t), -1)[:, 0]
    with h5py.File(path, "r") as f:
        sim = float(f["meta/TIME_SIM"][()])
    return float(np.max(np.abs(c - c_ex))), sim


def warm_inprocess(configs, ref, runs):
    """Sorb's (max error, warm in-process median s) per configuration, from `sorb bench reference` (its rows in the
    order of the configurations)."""
    grids = ",".join(sorb_grid(d) for d in configs)
    _, text = timed([os.path.join(ROOT, "sorb"), "bench", "reference", ref, "--grid", grids,
                     "--repeats", str(max(runs, 20)), "--warmup", "20"])
    rows = [line.split("|") for line in text.splitlines() if line.startswith("| FV |") or line.startswith("| DG |")]
    return [(float(r[6]), float(r[7])) for r in rows]


def sweep(o):
    """Solve times only, over a product of DG configurations, for both codes."""
    axial, particle, tols = (v.split(",") for v in o.sweep)
    configs = ["dg:%s:%s@%s" % (a, p, t) for a in axial for p in particle for t in tols]
    os.makedirs(o.dir, exist_ok=True)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    with h5py.File(o.ref, "r") as f:
        c_ex = f["output/solution/unit_001/SOLUTION_OUTLET"][()].reshape(-1)
    sorb = [dict(parse(c), cfg=c) for c in configs]
    cadet = [dict(parse(c), cfg=c) for c in configs]
    for d, (err, warm) in zip(sorb, warm_inprocess(sorb, o.ref, o.runs)):
        d["err"], d["solve_m"] = err, warm
    for d in cadet:
        d["path"] = cadet_input(d, o.ref, o.dir)
        sims = []
        for _ in range(o.runs):
            timed([o.cadet, d["path"]], env)
            d["err"], sim = cadet_error(d["path"], c_ex)
            sims.append(sim)
        d["solve_m"] = statistics.median(sims)
    print("| configuration | Sorb error | Sorb warm s | CADET error | CADET TIME_SIM s |")
    print("|---|---|---|---|---|")
    for a, b in zip(sorb, cadet):
        print("| %s | %.3g | %.4f | %.3g | %.4f |" % (a["cfg"], a["err"], a["solve_m"], b["err"], b["solve_m"]))
    print("\n| max error <= | Sorb fastest | error | s | CADET fastest | error | s | Sorb / CADET |")
    print("|---|---|---|---|---|---|---|---|")
    for bound in map(float, o.bounds.split(",")):
        a, b = fastest(sorb, bound, "solve_m"), fastest(cadet, bound, "solve_m")
        if a and b:
            print("| %g | %s | %.3g | %.4f | %s | %.3g | %.4f | %.2f |" % (bound, a["cfg"], a["err"], a["solve_m"],
                  b["cfg"], b["err"], b["solve_m"], a["solve_m"] / b["solve_m"]))


def fastest(rows, bound, col):
    ok = [r for r in rows if r["err"] <= bound]
    return min(ok, key=lambda r: r[col]) if ok else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-r", "--runs", type=int, default=5)
    ap.add_argument("--cadet", default=os.environ.get("CADET_CLI", os.path.join(
        ROOT, "..", "cadet-peer", "cadet-install", "bin", "cadet-cli")))
    ap.add_argument("--ref", default=os.path.join(ROOT, "..", "shared", "reference",
                                                  "casema_GRM_dynLin_1comp_benchmark1.h5"))
    ap.add_argument("--dir", default=os.path.join(ROOT, "..", "cadet-peer", "runs", "casema_vs"))
    ap.add_argument("--bounds", default="1e-4,1e-5,1e-6")
    ap.add_argument("--sorb", nargs="*", default=SORB_DG)
    ap.add_argument("--cadet-configs", nargs="*", default=CADET_DG)
    ap.add_argument("--sweep", nargs=3, metavar=("AXIAL", "PARTICLE", "TOLS"))
    o = ap.parse_args()
    if o.sweep:
        sweep(o)
        return
    os.makedirs(o.dir, exist_ok=True)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    with h5py.File(o.ref, "r") as f:
        c_ex = f["output/solution/unit_001/SOLUTION_OUTLET"][()].reshape(-1)
    sorb = [dict(parse(c), cfg=c) for c in o.sorb]
    cadet = [dict(parse(c), cfg=c) for c in o.cadet_configs]
    for d in cadet:
        d["path"] = cadet_input(d, o.ref, o.dir)
    for d in sorb + cadet:
        d["whole"], d["solve"] = [], []
    subprocess.run([os.path.join(ROOT, "sorb"), "--version"], stdout=subprocess.DEVNULL, check=True)  # build once
    out = os.path.join(o.dir, "sorb.h5")
    for rep in range(o.runs + 1):                      # the first round is a warm-up (page cache, archive)
        for i in range(max(len(sorb), len(cadet))):
            if i < len(sorb):
                d = sorb[i]
                wall, text = timed(sorb_cmd(d, out))
                solve = float(re.search(r"^wall time: ([0-9.]+) s", text, re.M).group(1))
                d["err"] = sorb_error(out, c_ex)
                if rep:
                    d["whole"].append(wall); d["solve"].append(solve)
            if i < len(cadet):
                d = cadet[i]
                wall, _ = timed([o.cadet, d["path"]], env)
                d["err"], sim = cadet_error(d["path"], c_ex)
                if rep:
                    d["whole"].append(wall); d["solve"].append(sim)
    for d, (_, warm) in zip(sorb, warm_inprocess(sorb, o.ref, o.runs)):
        d["warm"] = warm
    for d in sorb + cadet:
        d["whole_m"], d["solve_m"] = statistics.median(d["whole"]), statistics.median(d["solve"])
    load = open("/proc/loadavg").read().split()[:3]
    print("runs %d per configuration (medians), alternating; load average at the end %s" % (o.runs, " ".join(load)))
    print("\n| code | configuration | max abs error | solve s (Sorb: cold JVM) | Sorb warm in-process s | whole process s |")
    print("|---|---|---|---|---|---|")
    for code, rows in (("Sorb", sorb), ("CADET", cadet)):
        for d in rows:
            print("| %s | %s | %.3g | %.3f | %s | %.3f |" % (code, d["cfg"], d["err"], d["solve_m"],
                  "%.3f" % d["warm"] if "warm" in d else "-", d["whole_m"]))
    print("\n| max error <= | Sorb fastest (warm in-process) | s | Sorb fastest (cold solve) | s "
          "| CADET fastest (TIME_SIM) | s | warm / CADET | cold / CADET "
          "| Sorb fastest (whole) | s | CADET fastest (whole) | s | whole / whole |")
    print("|---" * 14 + "|")
    for b in map(float, o.bounds.split(",")):
        sw, sc, cs = fastest(sorb, b, "warm"), fastest(sorb, b, "solve_m"), fastest(cadet, b, "solve_m")
        swh, cwh = fastest(sorb, b, "whole_m"), fastest(cadet, b, "whole_m")
        if not (sw and cs and swh and cwh):
            print("| %g | (not reached by both codes) |" % b + " |" * 12)
            continue
        print("| %g | %s (%.2g) | %.3f | %s (%.2g) | %.3f | %s (%.2g) | %.3f | %.2f | %.2f | %s | %.3f | %s | %.3f | %.2f |" % (
            b, sw["cfg"], sw["err"], sw["warm"], sc["cfg"], sc["err"], sc["solve_m"], cs["cfg"], cs["err"],
            cs["solve_m"], sw["warm"] / cs["solve_m"], sc["solve_m"] / cs["solve_m"], swh["cfg"], swh["whole_m"],
            cwh["cfg"], cwh["whole_m"], swh["whole_m"] / cwh["whole_m"]))


if __name__ == "__main__":
    main()
