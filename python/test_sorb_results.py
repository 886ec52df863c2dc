"""Tests of sorb_results on files written by the Sorb CLI.

The JUnit test org.sorb.cli.PythonNotebooksTest writes the files and names them in SORB_TEST_SINGLE, SORB_TEST_SWEEP
and SORB_TEST_TREATMENT; run by hand:
    SORB_TEST_SINGLE=a.h5 SORB_TEST_SWEEP=b.h5 SORB_TEST_TREATMENT=c.h5 /usr/bin/python3 -m unittest test_sorb_results
"""

import os
import shutil
import tempfile
import unittest

import h5py
import numpy as np

import sorb_results as sr

def _file(variable):
    path = os.environ.get(variable)
    if not path:
        raise unittest.SkipTest(f"{variable} is not set (the JUnit test PythonNotebooksTest sets it)")
    return path


def with_newer_datasets(source, path):
    """Copies the sweep file ``source`` to ``path`` and adds the datasets other parts of Sorb write, with the shared
    names and shapes: parameter units, design_index (from 10), metrics (residence_time, column_volumes,
    dbc_10pct:IgG; values 0, 1, 2, ... row by row), metrics_grid_error (NaN), /outlet/column_volumes (0..40) and
    the sweep_id and shard attributes, replacing any the file has. Returns the metrics matrix written."""
    shutil.copyfile(source, path)
    with h5py.File(path, "r+") as f:
        for name in ("/sweep/design_index", "/sweep/metrics", "/sweep/metrics_grid_error", "/outlet/column_volumes"):
            if name in f:
                del f[name]
        n = f["/sweep/parameters"].shape[0]
        nt = f["/outlet/time"].shape[0]
        f["/sweep/parameters"].attrs["units"] = np.array([b"kg/m^3", b"m^2/s"], dtype="S6")
        f["/sweep/design_index"] = np.arange(10, 10 + n, dtype=np.int64)
        metrics = np.arange(3 * n, dtype=float).reshape(n, 3)
        m = f.create_dataset("/sweep/metrics", data=metrics)
        m.attrs["names"] = np.array([b"residence_time", b"column_volumes", b"dbc_10pct:IgG"], dtype="S16")
        m.attrs["units"] = np.array([b"s", b"1", b"kg/m^3"], dtype="S6")
        e = f.create_dataset("/sweep/metrics_grid_error", data=np.full((n, 3), np.nan))
        e.attrs["tolerance"] = 0.02
        cv = f.create_dataset("/outlet/column_volumes", data=np.linspace(0.0, 40.0, nt))
        cv.attrs["units"] = b"1"
        f["/sweep"].attrs["sweep_id"] = b"abc123"
        f["/sweep"].attrs["shard"] = b"1/1"
    return metrics


class _OpenedFile(unittest.TestCase):
    """Opens the file named by the environment variable FILE_VARIABLE once per class (values read back are
    compared bit for bit: the reader only relabels)."""
    FILE_VARIABLE = None

    @classmethod
    def setUpClass(cls):
        cls.path = _file(cls.FILE_VARIABLE)
        cls.ds = sr.open_result(cls.path)


class SingleRun(_OpenedFile):
    FILE_VARIABLE = "SORB_TEST_SINGLE"

    def test_dims_coordinates_and_values(self):
        ds = self.ds
        self.assertEqual(ds["outlet_concentration"].dims, ("time", "component"))
        self.assertEqual(ds["component"].values.tolist(), ["IgG"])
        with h5py.File(self.path) as f:
            raw = f["/outlet/concentration"][()]
            t = f["/outlet/time"][()]
        np.testing.assert_array_equal(ds["outlet_concentration"].values, raw)
        np.testing.assert_array_equal(ds["time"].values, t)
        self.assertEqual(float(ds["outlet_concentration"].sel(component="IgG").isel(time=-1)), raw[-1, 0])

    def test_units_on_every_variable(self):
        for name in self.ds.data_vars:
            self.assertTrue(self.ds[name].attrs.get("units"), name)
        self.assertEqual(self.ds["time"].attrs["units"], "s")
        self.assertEqual(self.ds["outlet_concentration"].attrs["units"], "kg/m^3")

    def test_root_attributes_are_decoded(self):
        attrs = self.ds.attrs
        self.assertEqual(attrs["kind"], "single")
        self.assertIsInstance(attrs["case"], str)
        self.assertIn("protein-a-igg-breakthrough", attrs["case"])
        self.assertIsInstance(attrs["sorb_version"], str)
        self.assertEqual(attrs["backend"], "java")
        self.assertNotIn("_jHDF", attrs)

    def test_profiles_and_solver_stats(self):
        ds = self.ds
        self.assertEqual(ds["profile_bulk"].dims, ("profile_time", "z", "component"))
        self.assertEqual(ds["z"].attrs["units"], "m")
        self.assertEqual(ds["solver_stat"].values.tolist()[0], "steps")

    def test_design_table_of_a_single_run_has_one_row(self):
        self.assertEqual(len(sr.design_table(self.path)), 1)


class Sweep(_OpenedFile):
    FILE_VARIABLE = "SORB_TEST_SWEEP"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with h5py.File(cls.path) as f:
            cls.parameters = f["/sweep/parameters"][()]
            cls.outlet = f["/sweep/outlet/concentration"][()]

    def test_each_parameter_is_a_coordinate_on_design(self):
        ds = self.ds
        self.assertEqual(ds["outlet_concentration"].dims, ("design", "time", "component"))
        names = ds["parameter"].values.tolist()
        self.assertEqual(names, ["binding.qmax[0]", "particle.pore_diffusion[0]"])
        for j, name in enumerate(names):
            self.assertEqual(ds[name].dims, ("design",))
            np.testing.assert_array_equal(ds[name].values, self.parameters[:, j])
            self.assertTrue(ds[name].attrs["units"])
        np.testing.assert_array_equal(ds["outlet_concentration"].values, self.outlet)
        np.testing.assert_array_equal(ds["design"].values, np.arange(len(self.parameters)))

    def test_failures_and_sweep_attributes(self):
        ds = self.ds
        self.assertEqual(ds["failed"].dtype, bool)
        self.assertFalse(bool(ds["failed"].any()))
        self.assertIsInstance(ds["failure_reason"].values[0], str)
        self.assertEqual(ds.attrs["sweep_mode"], "grid")
        self.assertEqual(ds.attrs["sweep_designs"], len(self.parameters))

    def test_design_table_rows_and_units(self):
        table = sr.design_table(self.path)
        self.assertEqual(len(table), len(self.parameters))
        np.testing.assert_array_equal(table["binding.qmax[0]"].values, self.parameters[:, 0])
        self.assertEqual(set(table.attrs["units"]), set(table.columns))

    def test_metrics_as_in_the_file(self):
        with h5py.File(self.path) as f:
            if "/sweep/metrics" not in f:
                self.assertNotIn("metrics", self.ds)
                return
            raw = f["/sweep/metrics"][()]
            names = [n.decode() for n in f["/sweep/metrics"].attrs["names"]]
        np.testing.assert_array_equal(self.ds["metrics"].values, raw)
        self.assertEqual(self.ds["metric"].values.tolist(), names)
        table = sr.design_table(self.path)
        for j, name in enumerate(names):
            np.testing.assert_array_equal(table[name].values, raw[:, j])
            self.assertTrue(table.attrs["units"][name], name)

    def test_selection_by_parameter_value(self):
        best = self.ds.where(self.ds["binding.qmax[0]"] == self.parameters[:, 0].max(), drop=True)
        self.assertEqual(best.sizes["design"], int(np.sum(self.parameters[:, 0] == self.parameters[:, 0].max())))


class NewerDatasets(unittest.TestCase):
    """The datasets other parts of Sorb add (metrics, design index, column volumes, parameter units), read when
    present: written here into a copy of the sweep file with the shared names and shapes."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.path = os.path.join(cls.dir, "newer.h5")
        cls.metrics = with_newer_datasets(_file("SORB_TEST_SWEEP"), cls.path)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_metrics_with_names_and_units(self):
        ds = sr.open_result(self.path)
        self.assertEqual(ds["metrics"].dims, ("design", "metric"))
        np.testing.assert_array_equal(ds["metrics"].sel(metric="dbc_10pct:IgG").values, self.metrics[:, 2])
        self.assertEqual(ds["metric_unit"].sel(metric="residence_time").item(), "s")
        self.assertEqual(ds["metrics_grid_error"].attrs["tolerance"], 0.02)

    def test_design_index_column_volumes_and_parameter_units(self):
        ds = sr.open_result(self.path)
        self.assertEqual(ds["design"].values[0], 10)
        self.assertEqual(ds["column_volumes"].dims, ("time",))
        self.assertEqual(ds["column_volumes"].values[-1], 40.0)
        self.assertEqual(ds["binding.qmax[0]"].attrs["units"], "kg/m^3")
        self.assertEqual(ds.attrs["sweep_shard"], "1/1")

    def test_design_table_has_metric_columns_with_units(self):
        table = sr.design_table(self.path)
        self.assertEqual(table.index.name, "design")
        self.assertEqual(table.index[0], 10)
        np.testing.assert_array_equal(table["dbc_10pct:IgG"].values, self.metrics[:, 2])
        self.assertEqual(table.attrs["units"]["dbc_10pct:IgG"], "kg/m^3")
        self.assertEqual(table.attrs["units"]["particle.pore_diffusion[0]"], "m^2/s")


class Treatment(_OpenedFile):
    FILE_VARIABLE = "SORB_TEST_TREATMENT"

    def test_species_time_and_cycles(self):
        ds = self.ds
        self.assertEqual(ds.attrs["kind"], "treatment")
        self.assertEqual(ds["species"].values.tolist(), ["IgG1", "IgG2", "IgG3", "IgG4", "IC"])
        self.assertEqual(ds["patient_concentration"].dims, ("time", "species"))
        self.assertEqual(ds["columns_loaded"].dims, ("cycle", "species"))
        self.assertEqual(ds["sessions_reduction"].dims, ("session", "species"))
        self.assertEqual(ds["mass_balance_eluate"].dims, ("species",))
        with h5py.File(self.path) as f:
            raw = f["/patient/concentration"][()]
        np.testing.assert_array_equal(ds["patient_concentration"].values, raw)
        for name in ds.data_vars:
            self.assertTrue(ds[name].attrs.get("units"), name)

    def test_a_treatment_has_no_design_table(self):
        with self.assertRaises(ValueError):
            sr.design_table(self.path)


class UnknownLayout(unittest.TestCase):
    def test_a_file_of_another_layout_is_refused_by_name(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "other.h5")
            with h5py.File(path, "w") as f:
                f["/something"] = np.zeros(3)
            with self.assertRaisesRegex(ValueError, "not a Sorb result"):
                sr.open_result(path)


if __name__ == "__main__":
    unittest.main()
