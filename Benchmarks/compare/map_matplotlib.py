"""The Python reference for `lumen map`: every US lighthouse blinking on a night map, as a GIF.

This is the program a Code Interpreter session would typically write for "animate every US
lighthouse blinking on a map and save it as a GIF": matplotlib with the Agg backend, the US
states as filled polygons on a dark background, the lighthouses as one scatter layer whose
per-point alpha changes every frame, FuncAnimation to redraw the figure, and PillowWriter to save
the GIF. Nothing in it is tuned for speed, and nothing is made slow on purpose: one figure of
8 x 5 inches at 100 dpi (800 x 500 pixels), blit off (the default), every frame drawn in full, as
PillowWriter needs anyway.

`--style glow` draws the lights as two scatter layers instead (a faint halo and a bright core
whose alpha and size change every frame): more pixels change per frame, so it costs more CPU and
writes a larger GIF (about 2.97 MB against 2.43 MB for the default `simple` style).

Run it through `Benchmarks/compare/map`, which creates the venv (numpy, matplotlib, Pillow,
pyproj), times this whole process and compares it with `lumen map`. On its own:

    .venv/bin/python map_matplotlib.py LIGHTHOUSES.csv -o out.gif [--size 800x500] [--fps 10]
        [--seconds 6] [--style simple|glow] [--basemap us_states_albers_usa.geojson]
        [--report phases.json]

Data: the CSV has `lat` and `lon` columns (WGS84). The basemap is
`us_states_albers_usa.geojson` from ../shared/mapdata, which is pre-projected to an
"Albers USA" composite (lower 48 in CONUS Albers metres, Alaska scaled and moved, Hawaii and
Puerto Rico in insets). The points are projected with the same `albers_usa()` transform as
`make_mapdata.py` in that folder (copied below with its constants) so they land on the basemap.

Blink: lighthouse i has its own phase p_i in [0, 1) (seeded random, so runs are repeatable) and
every light has the same 2 s period, so 6 s at 10 fps loops seamlessly. Brightness at time t is
b = 0.15 + 0.85 * (0.5 + 0.5 * cos(2 pi (t / 2 s + p_i))) ** 4: mostly dim with a short flash.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time

T0_PROCESS = time.process_time()
T0_WALL = time.perf_counter()

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FuncAnimation, PillowWriter  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from pyproj import Transformer  # noqa: E402

# ---- Albers USA composite: copied from ../shared/mapdata/make_mapdata.py -----------------------
# lower 48: NAD83 / CONUS Albers (EPSG:5070 parameters)
_L48 = Transformer.from_crs("EPSG:4326", "+proj=aea +lat_1=29.5 +lat_2=45.5 +lat_0=23 +lon_0=-96 +datum=WGS84 +units=m", always_xy=True)
# Alaska: Alaska Albers (EPSG:3338 parameters), then scaled and moved
_AK = Transformer.from_crs("EPSG:4326", "+proj=aea +lat_1=55 +lat_2=65 +lat_0=50 +lon_0=-154 +datum=WGS84 +units=m", always_xy=True)
# Hawaii: Albers with parallels 8/18 centred on -157
_HI = Transformer.from_crs("EPSG:4326", "+proj=aea +lat_1=8 +lat_2=18 +lat_0=13 +lon_0=-157 +datum=WGS84 +units=m", always_xy=True)
AK_SCALE, AK_DX, AK_DY = 0.35, -1.55e6, -0.05e6   # x' = x*s + dx (metres of the L48 frame)
HI_SCALE, HI_DX, HI_DY = 1.0, -0.65e6, -0.43e6
PR_SCALE, PR_DX, PR_DY = 1.0, -0.85e6, 0.50e6       # PR keeps the L48 projection, shifted west


def region_of(lon, lat):
    """Which inset a lon/lat belongs to: 'AK', 'HI', 'PR' or 'L48'."""
    if lat > 50.5 and (lon < -129 or lon > 170):
        return "AK"
    if 18 < lat < 23 and -161 < lon < -154:
        return "HI"
    if 17.5 < lat < 18.7 and -68 < lon < -65:
        return "PR"
    return "L48"


def albers_usa(lon, lat, region=None):
    """Project arrays of lon/lat into the composite frame. Returns (x, y) in metres-like units."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    if region is None:
        reg = np.array([region_of(a, b) for a, b in zip(lon.ravel(), lat.ravel())]).reshape(lon.shape)
    else:
        reg = np.full(lon.shape, region)
    x = np.empty_like(lon)
    y = np.empty_like(lat)
    for name, tr, s, dx, dy in (("L48", _L48, 1.0, 0.0, 0.0), ("AK", _AK, AK_SCALE, AK_DX, AK_DY),
                                ("HI", _HI, HI_SCALE, HI_DX, HI_DY), ("PR", _L48, PR_SCALE, PR_DX, PR_DY)):
        m = reg == name
        if m.any():
            xx, yy = tr.transform(lon[m], lat[m])
            x[m] = np.asarray(xx) * s + dx
            y[m] = np.asarray(yy) * s + dy
    return x, y


# ---- the map ------------------------------------------------------------------------------------

BACKGROUND = "#0b1020"      # night sky / sea
LAND = "#1c2538"            # states
BORDER = "#3a4a66"          # state outlines
LIGHT = (1.0, 0.85, 0.45)   # warm lamp colour
PERIOD_S = 2.0


def load_points(path):
    lons, lats = [], []
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lons.append(float(row["lon"]))
            lats.append(float(row["lat"]))
    return np.array(lons), np.array(lats)


def load_polygons(path):
    with open(path, encoding="utf-8") as f:
        gj = json.load(f)
    polys = []
    for feat in gj["features"]:
        geom = feat["geometry"]
        parts = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        for rings in parts:
            polys.append(np.asarray(rings[0], dtype=float))  # exterior ring (the file has no holes)
    return polys


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("csv", help="points CSV with lat and lon columns")
    p.add_argument("-o", "--output", required=True, help="output GIF")
    p.add_argument("--size", default="800x500", help="WxH in pixels (default 800x500)")
    p.add_argument("--fps", type=float, default=10)
    p.add_argument("--seconds", type=float, default=6)
    p.add_argument("--basemap", help="pre-projected Albers USA GeoJSON (default: "
                   "us_states_albers_usa.geojson next to the CSV)")
    p.add_argument("--style", choices=("simple", "glow"), default="simple",
                   help="simple (default): one scatter layer whose per-point alpha changes; "
                   "glow: a halo and a core layer whose alpha and size change")
    p.add_argument("--report", help="write phase timings (process and wall seconds) as JSON here")
    a = p.parse_args(argv)
    width, height = (int(v) for v in a.size.lower().split("x"))
    basemap = a.basemap or os.path.join(os.path.dirname(os.path.abspath(a.csv)),
                                        "us_states_albers_usa.geojson")
    n_frames = int(round(a.fps * a.seconds))
    t_import = (time.process_time() - T0_PROCESS, time.perf_counter() - T0_WALL)

    # data
    lon, lat = load_points(a.csv)
    x, y = albers_usa(lon, lat)
    polys = load_polygons(basemap)
    rng = np.random.default_rng(0)
    phase = rng.random(len(x))
    t_data = (time.process_time() - T0_PROCESS, time.perf_counter() - T0_WALL)

    # figure: 8 x 5 in at 100 dpi = 800 x 500 px, map filling the frame
    dpi = 100
    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi, facecolor=BACKGROUND)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_facecolor(BACKGROUND)
    ax.add_collection(PolyCollection(polys, facecolors=LAND, edgecolors=BORDER, linewidths=0.4))
    allxy = np.concatenate(polys)
    (x0, y0), (x1, y1) = allxy.min(axis=0), allxy.max(axis=0)
    mx, my = 0.03 * (x1 - x0), 0.03 * (y1 - y0)
    ax.set_xlim(x0 - mx, x1 + mx)
    ax.set_ylim(y0 - my, y1 + my)
    ax.set_aspect("equal")  # the axes box shrinks to fit; the margin is background too
    ax.axis("off")

    def brightness(i):
        t = i / a.fps
        return 0.15 + 0.85 * (0.5 + 0.5 * np.cos(2 * np.pi * (t / PERIOD_S + phase))) ** 4

    if a.style == "simple":
        # one scatter layer; each frame only the per-point alpha changes
        dots = ax.scatter(x, y, s=12, color=LIGHT, linewidths=0)

        def update(i):
            dots.set_alpha(brightness(i))
            return (dots,)
    else:
        # "glow": a faint halo and a bright core whose alpha and size change every frame
        rgba = np.tile([*LIGHT, 1.0], (len(x), 1))
        halo = ax.scatter(x, y, s=40, c=rgba, linewidths=0)
        core = ax.scatter(x, y, s=4, c=rgba, linewidths=0)

        def update(i):
            b = brightness(i)
            c = rgba.copy()
            c[:, 3] = 0.25 * b
            halo.set_facecolors(c)
            halo.set_sizes(10 + 70 * b)
            c = rgba.copy()
            c[:, 3] = 0.3 + 0.7 * b
            core.set_facecolors(c)
            core.set_sizes(2 + 6 * b)
            return halo, core

    anim = FuncAnimation(fig, update, frames=n_frames, interval=1000 / a.fps)
    anim.save(a.output, writer=PillowWriter(fps=a.fps), savefig_kwargs={"facecolor": BACKGROUND})
    plt.close(fig)
    t_end = (time.process_time() - T0_PROCESS, time.perf_counter() - T0_WALL)

    phases = {
        "import": t_import,
        "data": (t_data[0] - t_import[0], t_data[1] - t_import[1]),
        "render_save": (t_end[0] - t_data[0], t_end[1] - t_data[1]),
        "total_after_interpreter_start": t_end,
    }
    print(f"map_matplotlib: {len(x)} points, {len(polys)} polygons, {n_frames} frames "
          f"{width}x{height}; process s (cpu, wall): "
          + ", ".join(f"{k} {v[0]:.2f}/{v[1]:.2f}" for k, v in phases.items()), file=sys.stderr)
    if a.report:
        with open(a.report, "w") as f:
            json.dump({"points": len(x), "polygons": len(polys), "frames": n_frames,
                       "width": width, "height": height,
                       "phases_cpu_wall_s": {k: [round(v[0], 3), round(v[1], 3)] for k, v in phases.items()}},
                      f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
