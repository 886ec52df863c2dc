#!/usr/bin/python3
"""Makes the CADET input files of Sorb's CADET tests (run from this folder: /usr/bin/python3 make_cadet_files.py).

valid/: small inputs Sorb runs (v6 COLUMN_MODEL_1D general rate with linear binding, v5 GENERAL_RATE_MODEL with
Langmuir, v5 LUMPED_RATE_MODEL_WITH_PORES with bi-Langmuir and the ported connection layout, v6 with a cubic inlet).
malformed/: one feature Sorb cannot honour per file; manifest.tsv lists file, the HDF5 path the error must name
and a text the message must contain. The files are committed, so the Java tests do not need Python; rerun this
script after changing it. Written with h5py as CADET-Python writes: strings as fixed-length bytes.
"""
import os
import shutil

import h5py
import numpy as np


def put(group, path, value):
    if isinstance(value, str):
        value = np.bytes_(value)
    elif isinstance(value, list) and value and isinstance(value[0], str):
        value = np.array([np.bytes_(v) for v in value])
    group.create_dataset(path, data=value)


def v6_grm(h):
    """The CASEMA linear GRM benchmark on a short run: v6 layout, inlet unit_000, column unit_001, outlet unit_002."""
    m = 'input/model/'
    put(h, m + 'NUNITS', 3)
    put(h, m + 'connections/NSWITCHES', 1)
    put(h, m + 'connections/CONNECTIONS_INCLUDE_PORTS', 0)
    put(h, m + 'connections/switch_000/SECTION', 0)
    put(h, m + 'connections/switch_000/CONNECTIONS', np.array([0, 1, -1, -1, 6e-5, 1, 2, -1, -1, 6e-5]))
    i = m + 'unit_000/'
    put(h, i + 'UNIT_TYPE', 'INLET')
    put(h, i + 'INLET_TYPE', 'PIECEWISE_CUBIC_POLY')
    put(h, i + 'NCOMP', 1)
    for s, c in enumerate([1.0, 0.0]):
        for k, v in (('CONST_COEFF', c), ('LIN_COEFF', 0.0), ('QUAD_COEFF', 0.0), ('CUBE_COEFF', 0.0)):
            put(h, i + 'sec_%03d/%s' % (s, k), np.array([v]))
    u = m + 'unit_001/'
    put(h, u + 'UNIT_TYPE', 'COLUMN_MODEL_1D')
    put(h, u + 'NCOMP', 1)
    put(h, u + 'NPARTYPE', 1)
    put(h, u + 'COL_LENGTH', 0.014)
    put(h, u + 'COL_POROSITY', 0.37)
    put(h, u + 'VELOCITY', 5.75e-4)
    put(h, u + 'COL_DISPERSION', 5.75e-8)
    put(h, u + 'INIT_C', np.array([0.0]))
    put(h, u + 'discretization/SPATIAL_METHOD', 'FV')
    put(h, u + 'discretization/NCOL', 16)
    put(h, u + 'discretization/RECONSTRUCTION', 'WENO')
    put(h, u + 'discretization/weno/WENO_ORDER', 2)
    p = u + 'particle_type_000/'
    put(h, p + 'HAS_FILM_DIFFUSION', 1)
    put(h, p + 'HAS_PORE_DIFFUSION', 1)
    put(h, p + 'HAS_SURFACE_DIFFUSION', 0)
    put(h, p + 'PAR_GEOM', 'SPHERE')
    put(h, p + 'PAR_RADIUS', 4.5e-5)
    put(h, p + 'PAR_CORERADIUS', 0.0)
    put(h, p + 'PAR_POROSITY', 0.75)
    put(h, p + 'FILM_DIFFUSION', 6.9e-6)
    put(h, p + 'PORE_DIFFUSION', 6.07e-11)
    put(h, p + 'NBOUND', np.array([1]))
    put(h, p + 'INIT_CP', np.array([0.0]))
    put(h, p + 'INIT_CS', np.array([0.0]))
    put(h, p + 'ADSORPTION_MODEL', 'LINEAR')
    put(h, p + 'adsorption/IS_KINETIC', 1)
    put(h, p + 'adsorption/LIN_KA', np.array([3.55]))
    put(h, p + 'adsorption/LIN_KD', np.array([0.1]))
    put(h, p + 'discretization/SPATIAL_METHOD', 'FV')
    put(h, p + 'discretization/NCELLS', 4)
    put(h, p + 'discretization/PAR_DISC_TYPE', 'EQUIDISTANT_PAR')
    put(h, m + 'unit_002/UNIT_TYPE', 'OUTLET')
    put(h, m + 'unit_002/NCOMP', 1)
    solver(h, [0.0, 10.0, 200.0], 2.0)


def solver(h, sections, dt):
    put(h, 'input/solver/sections/NSEC', len(sections) - 1)
    put(h, 'input/solver/sections/SECTION_TIMES', np.array(sections))
    put(h, 'input/solver/sections/SECTION_CONTINUITY', np.zeros(len(sections) - 2, dtype=int))
    put(h, 'input/solver/USER_SOLUTION_TIMES', np.linspace(0.0, sections[-1], int(round(sections[-1] / dt)) + 1))
    put(h, 'input/solver/time_integrator/ABSTOL', 1e-10)
    put(h, 'input/solver/time_integrator/RELTOL', 1e-7)
    put(h, 'input/solver/time_integrator/INIT_STEP_SIZE', 1e-6)
    put(h, 'input/solver/time_integrator/MAX_STEPS', 10000)
    put(h, 'input/solver/NTHREADS', 1)
    put(h, 'input/return/unit_001/WRITE_SOLUTION_OUTLET', 1)


def v5_langmuir(h):
    """A v5 GENERAL_RATE_MODEL with two-component Langmuir binding: column unit_000, inlet unit_001, no outlet,
    connections with ports (as CADET-Core's SMA reference)."""
    m = 'input/model/'
    put(h, m + 'NUNITS', 2)
    put(h, m + 'connections/NSWITCHES', 1)
    put(h, m + 'connections/CONNECTIONS_INCLUDE_PORTS', 1)
    put(h, m + 'connections/switch_000/SECTION', 0)
    put(h, m + 'connections/switch_000/CONNECTIONS', np.array([1.0, 0.0, -1, -1, -1, -1, 1.0]))
    u = m + 'unit_000/'
    put(h, u + 'UNIT_TYPE', 'GENERAL_RATE_MODEL')
    put(h, u + 'NCOMP', 2)
    put(h, u + 'COL_LENGTH', 0.014)
    put(h, u + 'COL_POROSITY', 0.37)
    put(h, u + 'VELOCITY', 5.75e-4)
    put(h, u + 'COL_DISPERSION', 5.75e-8)
    put(h, u + 'PAR_RADIUS', 4.5e-5)
    put(h, u + 'PAR_CORERADIUS', 0.0)
    put(h, u + 'PAR_POROSITY', 0.75)
    put(h, u + 'FILM_DIFFUSION', np.array([6.9e-6, 6.9e-6]))
    put(h, u + 'PAR_DIFFUSION', np.array([6.07e-11, 5.0e-11]))
    put(h, u + 'PAR_SURFDIFFUSION', np.array([0.0, 0.0]))
    put(h, u + 'INIT_C', np.array([0.0, 0.0]))
    put(h, u + 'INIT_Q', np.array([0.0, 0.0]))
    put(h, u + 'ADSORPTION_MODEL', 'MULTI_COMPONENT_LANGMUIR')
    put(h, u + 'adsorption/IS_KINETIC', 1)
    put(h, u + 'adsorption/MCL_KA', np.array([1.14, 0.98]))
    put(h, u + 'adsorption/MCL_KD', np.array([0.002, 0.003]))
    put(h, u + 'adsorption/MCL_QMAX', np.array([4.88, 3.5]))
    d = u + 'discretization/'
    put(h, d + 'SPATIAL_METHOD', 'FV')
    put(h, d + 'NCOL', 16)
    put(h, d + 'NPAR', 4)
    put(h, d + 'NBOUND', np.array([1, 1]))
    put(h, d + 'PAR_DISC_TYPE', ['EQUIVOLUME_PAR'])
    put(h, d + 'PAR_GEOM', ['SPHERE'])
    put(h, d + 'RECONSTRUCTION', 'WENO')
    put(h, d + 'weno/WENO_ORDER', 3)
    put(h, d + 'GS_TYPE', 1)
    put(h, d + 'MAX_KRYLOV', 0)
    i = m + 'unit_001/'
    put(h, i + 'UNIT_TYPE', 'INLET')
    put(h, i + 'INLET_TYPE', 'PIECEWISE_CUBIC_POLY')
    put(h, i + 'NCOMP', 2)
    for s, (c, lin) in enumerate([([1.0, 0.5], [0.0, 0.0]), ([0.0, 0.0], [0.001, 0.0])]):
        put(h, i + 'sec_%03d/CONST_COEFF' % s, np.array(c))
        put(h, i + 'sec_%03d/LIN_COEFF' % s, np.array(lin))
        put(h, i + 'sec_%03d/QUAD_COEFF' % s, np.zeros(2))
        put(h, i + 'sec_%03d/CUBE_COEFF' % s, np.zeros(2))
    put(h, 'input/sensitivity/NSENS', 0)
    solver(h, [0.0, 20.0, 200.0], 1.0)


def v5_lrmp_bilangmuir(h):
    """A v5 LUMPED_RATE_MODEL_WITH_PORES with one-component bi-Langmuir binding, rapid equilibrium."""
    v5_langmuir(h)
    u = 'input/model/unit_000/'
    for k in ('UNIT_TYPE', 'NCOMP', 'PAR_DIFFUSION', 'PAR_SURFDIFFUSION', 'FILM_DIFFUSION', 'INIT_C', 'INIT_Q',
              'ADSORPTION_MODEL', 'adsorption', 'discretization/NBOUND', 'discretization/NPAR'):
        del h[u + k]
    put(h, u + 'UNIT_TYPE', 'LUMPED_RATE_MODEL_WITH_PORES')
    put(h, u + 'NCOMP', 1)
    put(h, u + 'FILM_DIFFUSION', np.array([6.9e-6]))
    put(h, u + 'INIT_C', np.array([0.0]))
    put(h, u + 'INIT_Q', np.array([0.0, 0.0]))
    put(h, u + 'ADSORPTION_MODEL', 'MULTI_COMPONENT_BILANGMUIR')
    put(h, u + 'adsorption/IS_KINETIC', 0)
    put(h, u + 'adsorption/MCBL_KA', np.array([1.0, 0.5]))
    put(h, u + 'adsorption/MCBL_KD', np.array([0.1, 0.2]))
    put(h, u + 'adsorption/MCBL_QMAX', np.array([5.0, 2.0]))
    put(h, u + 'discretization/NBOUND', np.array([2]))
    i = 'input/model/unit_001/'
    replace(h, i + 'NCOMP', 1)
    for s in range(2):
        for k in ('CONST_COEFF', 'LIN_COEFF', 'QUAD_COEFF', 'CUBE_COEFF'):
            v = h[i + 'sec_%03d/%s' % (s, k)][()][:1]
            del h[i + 'sec_%03d/%s' % (s, k)]
            put(h, i + 'sec_%03d/%s' % (s, k), v)


def v6_grm_cubic_inlet(h):
    """v6_grm with a smooth cubic pulse: 3 (t/10)^2 - 2 (t/10)^3 up to 1 over [0, 10] s, then
    1 - 3 (dt/190)^2 + 2 (dt/190)^3 down to 0 over [10, 200] s (QUAD_COEFF and CUBE_COEFF non-zero in both)."""
    v6_grm(h)
    i = 'input/model/unit_000/'
    for s, (c, quad, cube) in enumerate([(0.0, 3.0 / 10 ** 2, -2.0 / 10 ** 3), (1.0, -3.0 / 190 ** 2, 2.0 / 190 ** 3)]):
        replace(h, i + 'sec_%03d/CONST_COEFF' % s, np.array([c]))
        replace(h, i + 'sec_%03d/QUAD_COEFF' % s, np.array([quad]))
        replace(h, i + 'sec_%03d/CUBE_COEFF' % s, np.array([cube]))


def replace(h, path, value):
    if path in h:
        del h[path]
    put(h, path, value)


V6 = 'input/model/unit_001/'
P6 = V6 + 'particle_type_000/'
V5 = 'input/model/unit_000/'

# file, base, change, HDF5 path the error names, text the message contains
MALFORMED = [
    ('unit-type-cstr', v6_grm, lambda h: replace(h, V6 + 'UNIT_TYPE', 'CSTR'), '/' + V6 + 'UNIT_TYPE', 'CSTR'),
    ('second-column', v6_grm, lambda h: (replace(h, 'input/model/unit_002/UNIT_TYPE', 'COLUMN_MODEL_1D')),
     '/input/model/unit_002/UNIT_TYPE', 'a second column'),
    ('two-particle-types', v6_grm, lambda h: replace(h, V6 + 'NPARTYPE', 2), '/' + V6 + 'NPARTYPE', '2'),
    ('surface-diffusion-v6', v6_grm, lambda h: (replace(h, P6 + 'HAS_SURFACE_DIFFUSION', 1),
                                                replace(h, P6 + 'SURFACE_DIFFUSION', np.array([1e-14]))),
     '/' + P6 + 'SURFACE_DIFFUSION', 'no surface diffusion'),
    ('surface-diffusion-v5', v5_langmuir, lambda h: replace(h, V5 + 'PAR_SURFDIFFUSION', np.array([0.0, 1e-14])),
     '/' + V5 + 'PAR_SURFDIFFUSION', 'no surface diffusion'),
    ('core-radius', v6_grm, lambda h: replace(h, P6 + 'PAR_CORERADIUS', 1e-5), '/' + P6 + 'PAR_CORERADIUS',
     'core-shell'),
    ('dg-particle', v6_grm, lambda h: replace(h, P6 + 'discretization/SPATIAL_METHOD', 'DG'),
     '/' + P6 + 'discretization/SPATIAL_METHOD', 'DG'),
    ('spatial-method-unknown', v5_langmuir, lambda h: replace(h, V5 + 'discretization/SPATIAL_METHOD', 'FEM'),
     '/' + V5 + 'discretization/SPATIAL_METHOD', 'FV or DG'),
    ('dg-degree-zero', v5_langmuir, lambda h: (replace(h, V5 + 'discretization/SPATIAL_METHOD', 'DG'),
                                               replace(h, V5 + 'discretization/POLYDEG', 0)),
     '/' + V5 + 'discretization/POLYDEG', 'polynomial degree'),
    ('dg-particle-elements-zero', v5_langmuir, lambda h: (replace(h, V5 + 'discretization/SPATIAL_METHOD', 'DG'),
                                                          replace(h, V5 + 'discretization/PAR_NELEM', 0)),
     '/' + V5 + 'discretization/PAR_NELEM', 'number of elements'),
    ('binding-unknown', v6_grm, lambda h: replace(h, P6 + 'ADSORPTION_MODEL', 'MOBILE_PHASE_MODULATOR'),
     '/' + P6 + 'ADSORPTION_MODEL', 'MOBILE_PHASE_MODULATOR'),
    ('quadratic-inlet-length', v6_grm, lambda h: replace(h, 'input/model/unit_000/sec_000/QUAD_COEFF',
                                                        np.array([0.01, 0.02])),
     '/input/model/unit_000/sec_000/QUAD_COEFF', 'one quadratic coefficient per component'),
    ('cubic-inlet-length', v5_langmuir, lambda h: replace(h, 'input/model/unit_001/sec_001/CUBE_COEFF',
                                                          np.array([0.0, 1e-6, 0.0])),
     '/input/model/unit_001/sec_001/CUBE_COEFF', 'one cubic coefficient per component'),
    ('slab-particles', v6_grm, lambda h: replace(h, P6 + 'PAR_GEOM', 'SLAB'), '/' + P6 + 'PAR_GEOM', 'SLAB'),
    ('cylinder-particles-v5', v5_langmuir, lambda h: replace(h, V5 + 'discretization/PAR_GEOM', ['CYLINDER']),
     '/' + V5 + 'discretization/PAR_GEOM', 'CYLINDER'),
    ('user-defined-shells', v5_langmuir, lambda h: replace(h, V5 + 'discretization/PAR_DISC_TYPE',
                                                           ['USER_DEFINED_PAR']),
     '/' + V5 + 'discretization/PAR_DISC_TYPE', 'USER_DEFINED_PAR'),
    ('uneven-output-times', v6_grm, lambda h: replace(h, 'input/solver/USER_SOLUTION_TIMES',
                                                      np.concatenate([np.linspace(0, 10, 11), [50.0, 200.0]])),
     '/input/solver/USER_SOLUTION_TIMES', 'equidistant'),
    ('two-switches', v6_grm, lambda h: replace(h, 'input/model/connections/NSWITCHES', 2),
     '/input/model/connections/NSWITCHES', '2'),
    ('component-connection', v6_grm, lambda h: replace(h, 'input/model/connections/switch_000/CONNECTIONS',
                                                       np.array([0, 1, 0, 0, 6e-5, 1, 2, -1, -1, 6e-5])),
     '/input/model/connections/switch_000/CONNECTIONS', 'component 0'),
    ('backwards-connection', v6_grm, lambda h: replace(h, 'input/model/connections/switch_000/CONNECTIONS',
                                                       np.array([1, 0, -1, -1, 6e-5, 1, 2, -1, -1, 6e-5])),
     '/input/model/connections/switch_000/CONNECTIONS', '1 to 0'),
    ('sections-start-late', v6_grm, lambda h: replace(h, 'input/solver/sections/SECTION_TIMES',
                                                      np.array([5.0, 10.0, 200.0])),
     '/input/solver/sections/SECTION_TIMES', 'the first 0'),
    ('no-column-length', v6_grm, lambda h: h.__delitem__(V6 + 'COL_LENGTH'), '/' + V6 + 'COL_LENGTH', 'nothing'),
    ('dispersion-per-component', v5_langmuir, lambda h: replace(h, V5 + 'COL_DISPERSION', np.array([1e-8, 2e-8])),
     '/' + V5 + 'COL_DISPERSION', 'one axial dispersion'),
    ('reversed-flow', v6_grm, lambda h: replace(h, V6 + 'VELOCITY', -5.75e-4), '/' + V6 + 'VELOCITY', 'forwards'),
    ('mixed-kinetics', v5_langmuir, lambda h: replace(h, V5 + 'adsorption/IS_KINETIC', np.array([1, 0])),
     '/' + V5 + 'adsorption/IS_KINETIC', 'the same for every bound state'),
    ('non-binding-component', v5_langmuir, lambda h: replace(h, V5 + 'discretization/NBOUND', np.array([1, 0])),
     '/' + V5 + 'discretization/NBOUND', '1 for every component'),
    ('pore-start-differs', v6_grm, lambda h: replace(h, P6 + 'INIT_CP', np.array([0.5])), '/' + P6 + 'INIT_CP',
     'INIT_C'),
    ('inlet-type', v6_grm, lambda h: replace(h, 'input/model/unit_000/INLET_TYPE', 'FILE'),
     '/input/model/unit_000/INLET_TYPE', 'PIECEWISE_CUBIC_POLY'),
    ('pores-without-film', v6_grm, lambda h: replace(h, P6 + 'HAS_FILM_DIFFUSION', 0),
     '/' + P6 + 'HAS_PORE_DIFFUSION', 'film'),
    ('no-input-group', None, lambda h: put(h, 'output/solution/SOLUTION_TIMES', np.array([0.0, 1.0])),
     '/input/model', 'nothing'),
    ('bed-porosity-above-one', v6_grm, lambda h: replace(h, V6 + 'COL_POROSITY', 1.5), '/' + V6 + 'COL_POROSITY',
     '1.5'),
    ('negative-film', v5_langmuir, lambda h: replace(h, V5 + 'FILM_DIFFUSION', np.array([6.9e-6, -1.0])),
     '/' + V5 + 'FILM_DIFFUSION', '-1'),
]

def v5_langmuir_dg(h):
    """The v5 Langmuir GRM on CADET's DG keys: 4 axial elements of degree 3, one particle element of degree 4."""
    v5_langmuir(h)
    d = V5 + 'discretization/'
    for name in ('NCOL', 'NPAR'):
        if d + name in h:
            del h[d + name]
    replace(h, d + 'SPATIAL_METHOD', 'DG')
    put(h, d + 'POLYDEG', 3)
    put(h, d + 'NELEM', 4)
    put(h, d + 'EXACT_INTEGRATION', 0)
    put(h, d + 'PAR_POLYDEG', np.array([4]))
    put(h, d + 'PAR_NELEM', np.array([1]))


VALID = [('v6-grm-linear', v6_grm), ('v5-grm-langmuir', v5_langmuir), ('v5-lrmp-bilangmuir', v5_lrmp_bilangmuir),
         ('v6-grm-cubic-inlet', v6_grm_cubic_inlet), ('v5-grm-langmuir-dg', v5_langmuir_dg)]


def main():
    for folder in ('valid', 'malformed'):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    for name, base in VALID:
        with h5py.File('valid/%s.h5' % name, 'w') as h:
            base(h)
    with open('malformed/manifest.tsv', 'w') as manifest:
        manifest.write('# file\tHDF5 path the error names\ttext the message contains\n')
        for name, base, change, path, text in MALFORMED:
            with h5py.File('malformed/%s.h5' % name, 'w') as h:
                if base is not None:
                    base(h)
                change(h)
            manifest.write('%s.h5\t%s\t%s\n' % (name, path, text))


if __name__ == '__main__':
    main()
