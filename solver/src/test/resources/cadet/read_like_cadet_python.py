#!/usr/bin/python3
"""Reads a Sorb result written with --format cadet as CADET-Python's Cadet().load() users do, and compares it with
Sorb's own /outlet datasets. Usage: read_like_cadet_python.py RESULT.h5 [unit_001]. Prints the largest difference;
exit status 0 when CADET's layout holds Sorb's outlet exactly, 1 when not."""
import sys

import h5py
import numpy as np


def main(path, unit):
    with h5py.File(path, 'r') as h:
        # what a CADET-Python script reads: sim.root.output.solution.solution_times and unit_XXX.solution_outlet
        times = h['output/solution/SOLUTION_TIMES'][()]
        outlet = h['output/solution/%s/SOLUTION_OUTLET' % unit][()]
        ncomp = int(np.asarray(h['input/model/%s/NCOMP' % unit][()]).ravel()[0])
        unit_type = h['input/model/%s/UNIT_TYPE' % unit][()]
        sorb_times = h['outlet/time'][()]
        sorb_outlet = h['outlet/concentration'][()]
    if isinstance(unit_type, bytes):
        unit_type = unit_type.decode()
    if outlet.shape != (len(times), ncomp):
        print('SOLUTION_OUTLET has shape %s, expected [time, component] = (%d, %d)' % (outlet.shape, len(times), ncomp))
        return 1
    dt = np.max(np.abs(times - sorb_times))
    dc = np.max(np.abs(outlet - sorb_outlet))
    print('%s (%s): %d times, %d components, max |time difference| %g, max |outlet difference| %g'
          % (unit, unit_type, len(times), ncomp, dt, dc))
    return 0 if dt == 0.0 and dc == 0.0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else 'unit_001'))
