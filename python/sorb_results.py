"""Opens Sorb result files (HDF5 written by ``sorb run`` / ``sorb treat``) as labelled xarray and pandas objects.

jhdf, the Java HDF5 library Sorb writes with, cannot write object references, so the files carry no netCDF-4
dimension scales and ``xr.open_dataset(path, engine="h5netcdf")`` refuses them. This module reads them with h5py
and returns what that would have given: named dimensions, coordinates, ``units`` on every variable, strings as
``str`` and the file's root attributes (resolved case, version, backend) in ``Dataset.attrs``.

    import sorb_results as sr
    ds = sr.open_result("protein-a-igg-breakthrough.h5")   # single run, sweep or treatment
    df = sr.design_table("protein-a-design-sweep.h5")      # one row per design: parameters and metrics

Datasets that newer Sorb versions add (``/metrics``, ``/sweep/metrics``, ``/sweep/design_index``,
``/outlet/column_volumes``, the ``units`` of ``/sweep/parameters``) are read when present.
"""

import h5py
import numpy as np
import pandas as pd
import xarray as xr

__all__ = ["open_result", "design_table", "kind_of"]

# Units of datasets that Sorb writes without a units attribute.
_FALLBACK_UNITS = {
    "failed": "1",
    "failure_reason": "",
    "parameters": "SI (per parameter: coordinate parameter_unit)",
    "solver_stats": "count; wall_seconds in s",
    "metrics": "per metric: coordinate metric_unit",
    "metrics_grid_error": "per metric: coordinate metric_unit",
    "design_index": "1",
}
_NOT_RECORDED = "SI (not recorded in this file)"


def _text(value):
    """A str (or list of str) from what h5py returns for a string attribute or dataset (bytes, numpy bytes)."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray) and value.dtype.kind in "SOU":
        return [_text(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [_text(v) for v in value]
    return value


def _strings(node, name):
    """A string-array attribute as a list of str ([] when absent)."""
    if name not in node.attrs:
        return []
    value = _text(node.attrs[name])
    return [value] if isinstance(value, str) else list(value)


def _attrs(node):
    """A node's attributes with strings decoded, numpy scalars as Python numbers, jhdf's own tag dropped."""
    out = {}
    for key, value in node.attrs.items():
        if key.startswith("_"):
            continue
        value = _text(value)
        if isinstance(value, np.generic):
            value = value.item()
        out[key] = value
    return out


def _units(dataset, name):
    """The dataset's ``units`` (or ``unit``) attribute, else the known unit of a Sorb dataset without one."""
    for key in ("units", "unit"):
        if key in dataset.attrs:
            value = _text(dataset.attrs[key])
            if isinstance(value, str):
                return value
    return _FALLBACK_UNITS.get(name, "")


def _data(dataset):
    """A dataset's values; string datasets decoded to str."""
    value = dataset[()]
    if dataset.dtype.kind in "SO":
        return np.array(_text(value), dtype=object)
    return value


def _variable(dataset, dims, name=None):
    """An xarray.Variable of an HDF5 dataset with its units (and its other attributes, decoded)."""
    name = name or dataset.name.rsplit("/", 1)[-1]
    attrs = {k: v for k, v in _attrs(dataset).items() if k not in ("units", "unit", "names")}
    attrs["units"] = _units(dataset, name)
    return xr.Variable(dims, _data(dataset), attrs)


def kind_of(f):
    """'treatment', 'sweep' or 'single' for an open h5py.File; ValueError for a file of another layout."""
    if _text(f.attrs.get("kind", b"")) == "treatment" or "patient" in f:
        return "treatment"
    if "sweep" in f and "outlet/time" in f:
        return "sweep"
    if "outlet/time" in f and "outlet/concentration" in f:
        return "single"
    raise ValueError(f"{f.filename}: not a Sorb result (expected /outlet/time with /outlet/concentration, "
                     f"/sweep or /patient; found {sorted(f.keys())})")


def open_result(path):
    """The result file at ``path`` as an xarray.Dataset with named dims, coordinates and units.

    Single run: ``outlet_concentration`` [time, component], ``mass_balance_*`` [component], ``profile_bulk`` and
    ``profile_bound`` [profile_time, z, component], ``solver_stats`` [solver_stat], ``metrics`` [metric].
    Sweep: ``outlet_concentration`` [design, time, component], ``parameters`` [design, parameter] with each swept
    parameter also a coordinate on ``design`` named by its key, ``mass_balance_error``, ``failed``,
    ``failure_reason`` [design], ``solver_stats`` [design, solver_stat], ``metrics`` [design, metric].
    Treatment: ``patient_*`` [time, species], ``circuit_*`` [circuit_time, species], ``columns_*`` [cycle, species],
    ``sessions_*`` [session, species], ``mass_balance_*`` [species].
    """
    with h5py.File(path, "r") as f:
        kind = kind_of(f)
        ds = _treatment(f) if kind == "treatment" else _column(f, kind)
        ds.attrs.update(_attrs(f))
        ds.attrs["kind"] = kind
        ds.attrs["source_file"] = str(path)
        return ds


def _outlet_coords(f):
    """time (s), component, and column_volumes (CV) on time where the file has it."""
    coords = {"time": _variable(f["outlet/time"], ("time",), "time"),
              "component": ("component", _strings(f["outlet"], "components"))}
    if "outlet/column_volumes" in f:
        coords["column_volumes"] = _variable(f["outlet/column_volumes"], ("time",), "column_volumes")
        coords["column_volumes"].attrs.setdefault("long_name", "loaded volume / bed volume")
    return coords


def _metrics(ds, group, prefix_dims):
    """metrics and metrics_grid_error of a group (root or /sweep), with metric names and units as coordinates."""
    if "metrics" not in group:
        return
    m = group["metrics"]
    ds["metrics"] = _variable(m, prefix_dims + ("metric",), "metrics")
    ds.coords["metric"] = ("metric", _strings(m, "names"))
    units = _strings(m, "units")
    ds.coords["metric_unit"] = ("metric", units if len(units) == m.shape[-1] else [_NOT_RECORDED] * m.shape[-1])
    if "metrics_grid_error" in group:
        ds["metrics_grid_error"] = _variable(group["metrics_grid_error"], prefix_dims + ("metric",),
                                             "metrics_grid_error")


def _column(f, kind):
    ds = xr.Dataset(coords=_outlet_coords(f))
    if kind == "sweep":
        _sweep(ds, f)
    else:
        ds["outlet_concentration"] = _variable(f["outlet/concentration"], ("time", "component"))
        for name in ("injected", "eluted", "retained"):
            if f"mass_balance/{name}" in f:
                ds["mass_balance_" + name] = _variable(f["mass_balance/" + name], ("component",))
        if "mass_balance" in f and "relative_error" in f["mass_balance"].attrs:
            ds.attrs["mass_balance_relative_error"] = float(f["mass_balance"].attrs["relative_error"])
        if "profiles/time" in f:
            ds.coords["profile_time"] = _variable(f["profiles/time"], ("profile_time",), "time")
            ds.coords["z"] = _variable(f["profiles/z"], ("z",), "z")
            for name in ("bulk", "bound"):
                ds["profile_" + name] = _variable(f["profiles/" + name], ("profile_time", "z", "component"))
        if "solver/stats" in f:
            _solver_stats(ds, f["solver/stats"], ())
        _metrics(ds, f, ())
    return ds


def _solver_stats(ds, dataset, prefix_dims):
    ds["solver_stats"] = _variable(dataset, prefix_dims + ("solver_stat",), "solver_stats")
    ds.coords["solver_stat"] = ("solver_stat", _strings(dataset, "names"))


def _sweep(ds, f):
    s = f["sweep"]
    n = s["outlet/concentration"].shape[0]
    index = s["design_index"][()] if "design_index" in s else np.arange(n)
    ds.coords["design"] = ("design", np.asarray(index, dtype=np.int64))
    ds["outlet_concentration"] = _variable(s["outlet/concentration"], ("design", "time", "component"))
    p = s["parameters"]
    names = _strings(p, "names")
    units = _strings(p, "units")
    if len(units) != len(names):
        units = [_NOT_RECORDED] * len(names)
    ds["parameters"] = _variable(p, ("design", "parameter"), "parameters")
    ds.coords["parameter"] = ("parameter", names)
    ds.coords["parameter_unit"] = ("parameter", units)
    values = p[()]
    for j, (name, unit) in enumerate(zip(names, units)):
        ds.coords[name] = xr.Variable(("design",), values[:, j], {"units": unit})
    for name in ("mass_balance_error", "failure_reason"):
        if name in s:
            ds[name] = _variable(s[name], ("design",))
    if "failed" in s:
        ds["failed"] = xr.Variable(("design",), s["failed"][()] != 0, {"units": "1"})
    if "solver_stats" in s:
        _solver_stats(ds, s["solver_stats"], ("design",))
    _metrics(ds, s, ("design",))
    for key, value in _attrs(s).items():
        ds.attrs["sweep_" + key] = value


# Treatment groups: the dimension of their rows, and the coordinate dataset that labels it (if any).
_TREATMENT_GROUPS = {"patient": ("time", "time"), "circuit": ("circuit_time", "time"),
                     "columns": ("cycle", None), "sessions": ("session", None), "mass_balance": (None, None)}


def _treatment(f):
    species = _strings(f, "species") or _strings(f["patient"], "species")
    ds = xr.Dataset(coords={"species": ("species", species)})
    for group, (row_dim, coord) in _TREATMENT_GROUPS.items():
        if group not in f:
            continue
        g = f[group]
        if coord is not None:
            ds.coords[row_dim] = _variable(g[coord], (row_dim,), coord)
        for name, dataset in g.items():
            if name == coord or not isinstance(dataset, h5py.Dataset):
                continue
            dims = (row_dim,) if row_dim else ()
            dims = dims + ("species",) if dataset.ndim == len(dims) + 1 else dims
            if dataset.ndim != len(dims):
                dims = tuple(f"{group}_{name}_dim{i}" for i in range(dataset.ndim))
            ds[f"{group}_{name}"] = _variable(dataset, dims, name)
        for key, value in _attrs(g).items():
            if key != "species":
                ds.attrs[f"{group}_{key}"] = value
    return ds


def design_table(path):
    """One row per design (index ``design``): each swept parameter, each metric, mass_balance_error and failed.

    Columns are named by their key (``binding.qmax[0]``, ``dbc_10pct:IgG``); ``DataFrame.attrs["units"]`` maps
    every column to its unit. A single run gives one row (its metrics, no parameters).
    """
    ds = open_result(path)
    if ds.attrs["kind"] == "treatment":
        raise ValueError(f"{path}: a treatment result has no designs; use open_result")
    columns, units = {}, {}
    if ds.attrs["kind"] == "sweep":
        index = pd.Index(ds["design"].values, name="design")
        for name, unit in zip(ds["parameter"].values.tolist(), ds["parameter_unit"].values.tolist()):
            columns[name], units[name] = ds.coords[name].values, unit
    else:
        index = pd.Index([0], name="design")
    if "metrics" in ds:
        values = np.atleast_2d(ds["metrics"].values)
        for j, (name, unit) in enumerate(zip(ds["metric"].values.tolist(), ds["metric_unit"].values.tolist())):
            columns[name], units[name] = values[:, j], unit
    for name in ("mass_balance_error", "failed"):
        if name in ds:
            columns[name], units[name] = ds[name].values, ds[name].attrs["units"]
    table = pd.DataFrame(columns, index=index)
    table.attrs["units"] = units
    table.attrs["source_file"] = str(path)
    return table
