"""Compare `lumen palette` with Python palette extractors on the same images and palette sizes.

Run it through `Benchmarks/compare/palette`, which creates the venv this needs (numpy,
scikit-learn, Pillow, colorthief) and then executes this file with it.

Tools (one row each per image and k):
  lumen              `lumen palette IMAGE -k K --json`, a child process; CPU = user+sys of that
                     child (os.wait4), plus wall seconds and peak RSS
  sklearn            KMeans(n_clusters=k, n_init=10, random_state=0) fit on every pixel as float64
                     RGB; palette = cluster centres rounded to uint8
  colorthief         ColorThief(path).get_palette(color_count=k, quality=1)
  pillow-mediancut   Image.open(path).convert("RGB").quantize(k, method=MEDIANCUT)
  pillow-fastoctree  the same with method=FASTOCTREE
The Python tools run in this process and are timed with time.process_time() (all threads) and
time.perf_counter(); decoding the image is inside the timed region for every tool.

Quality, the same for every tool: "Lab MSE" is the mean, over all pixels of the image at full
resolution (for images with alpha only pixels with alpha >= 128), of the squared CIE76 distance
(dL^2 + da^2 + db^2, not divided by 3) between the pixel and its nearest palette colour in
CIELAB (sRGB with the piecewise transfer function, D65 white = the sRGB matrix applied to (1,1,1)).
It is computed exactly from the image's colour histogram: every distinct colour once, weighted by
its pixel count, in chunks of 1 M colours.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from colorthief import ColorThief
from PIL import Image
from sklearn.cluster import KMeans  # imported here so that no timed region pays for it

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PROG = "palette"

DEFAULT_IMAGES = [
    "photo_louvre_12mp.jpg",
    "photo_jewel_changi_small.jpg",
    "photo_astronaut.png",
    "photo_coffee.png",
    "photo_chelsea.png",
    "photo_rocket.jpg",
]
DEFAULT_KS = [5, 8, 16]
ALL_TOOLS = ["lumen", "sklearn", "colorthief", "pillow-mediancut", "pillow-fastoctree"]

# Targets (checked in the ratio table).
MSE_RATIO_MAX = 1.02            # lumen Lab MSE <= 1.02 x sklearn Lab MSE, every image and k
BIG_IMAGE = "photo_louvre_12mp.jpg"
BIG_K = 8
BIG_CPU_MAX = 0.080             # lumen CPU s on the 12 MP image at k=8
BIG_SPEEDUP_MIN = 50.0          # sklearn CPU / lumen CPU on the 12 MP image at k=8
SMALL_IMAGE = "photo_jewel_changi_small.jpg"
SMALL_K = 8
SMALL_CPU_MAX = 0.015           # lumen CPU s on the 1.5 MP image at k=8
K16_OVER_K8_MAX = 1.3           # lumen CPU at k=16 <= 1.3 x lumen CPU at k=8, every image

CHUNK = 1 << 20                 # colours per chunk in the Lab computations


def note(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr, flush=True)


# ---- colour science -----------------------------------------------------------------------------

SRGB_TO_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ]
)
WHITE_D65 = SRGB_TO_XYZ.sum(axis=1)  # XYZ of sRGB (1,1,1): 0.95047, 1.0, 1.08883
LAB_EPSILON = 216.0 / 24389.0
LAB_KAPPA = 24389.0 / 27.0


def _srgb_decode(v: np.ndarray) -> np.ndarray:
    """sRGB-encoded values in [0, 1] -> linear light (IEC 61966-2-1 piecewise curve)."""
    return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)


LINEAR_LUT = _srgb_decode(np.arange(256, dtype=np.float64) / 255.0)


def srgb8_to_lab(rgb: np.ndarray) -> np.ndarray:
    """(N, 3) uint8 sRGB -> (N, 3) float64 CIELAB (D65)."""
    rgb = np.asarray(rgb, dtype=np.uint8).reshape(-1, 3)
    xyz = LINEAR_LUT[rgb] @ (SRGB_TO_XYZ / WHITE_D65[:, None]).T  # already divided by white
    f = np.where(xyz > LAB_EPSILON, np.cbrt(xyz), (LAB_KAPPA * xyz + 16.0) / 116.0)
    lab = np.empty_like(f)
    lab[:, 0] = 116.0 * f[:, 1] - 16.0
    lab[:, 1] = 500.0 * (f[:, 0] - f[:, 1])
    lab[:, 2] = 200.0 * (f[:, 1] - f[:, 2])
    return lab


def self_test() -> None:
    """Checks the Lab conversion against published values (Bruce Lindbloom's calculator)."""
    cases = [
        ((255, 255, 255), (100.0, 0.0, 0.0)),
        ((0, 0, 0), (0.0, 0.0, 0.0)),
        ((255, 0, 0), (53.2408, 80.0925, 67.2032)),
        ((0, 255, 0), (87.7347, -86.1827, 83.1793)),
        ((0, 0, 255), (32.2970, 79.1875, -107.8602)),
        ((128, 128, 128), (53.5850, 0.0, 0.0)),
    ]
    worst = 0.0
    for rgb, want in cases:
        got = srgb8_to_lab(np.array([rgb], dtype=np.uint8))[0]
        err = float(np.max(np.abs(got - np.array(want))))
        worst = max(worst, err)
        status = "ok" if err < 0.01 else "FAIL"
        print(f"sRGB {rgb} -> Lab ({got[0]:.4f}, {got[1]:.4f}, {got[2]:.4f}), "
              f"expected {want}: {status}")
    # The histogram-based MSE must match a direct per-pixel computation.
    rng = np.random.default_rng(1)
    px = rng.integers(0, 256, size=(50_000, 3), dtype=np.uint8)
    px[:20_000] = px[:20_000] // 32 * 32  # repeated colours
    pal = rng.integers(0, 256, size=(7, 3), dtype=np.uint8)
    lab_px, lab_pal = srgb8_to_lab(px), srgb8_to_lab(pal)
    direct = float(np.min(((lab_px[:, None, :] - lab_pal[None]) ** 2).sum(-1), axis=1).mean())
    via_hist = ImageStats.from_pixels("random", px, (px.shape[0], 1)).lab_mse(pal)
    ok = abs(direct - via_hist) <= 1e-9 * direct
    print(f"histogram MSE {via_hist:.6f} vs direct {direct:.6f}: {'ok' if ok else 'FAIL'}")
    if worst >= 0.01 or not ok:
        sys.exit(1)


# ---- images -------------------------------------------------------------------------------------

def _has_alpha(im: Image.Image) -> bool:
    return im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in im.info


def load_pixels(path: str) -> tuple[np.ndarray, tuple[int, int]]:
    """Decodes an image into (N, 3) uint8 sRGB pixels: all of them, or for images with alpha only
    those with alpha >= 128. Returns the pixels and the image size."""
    im = Image.open(path)
    size = im.size
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # Pillow's 16-bit grey modes clip on convert("RGB"); scale to 8 bits first.
        a = np.asarray(im, dtype=np.uint32)
        a = ((a * 255 + 32767) // 65535).clip(0, 255).astype(np.uint8)
        return np.repeat(a.reshape(-1, 1), 3, axis=1), size
    if _has_alpha(im):
        a = np.asarray(im.convert("RGBA")).reshape(-1, 4)
        return np.ascontiguousarray(a[a[:, 3] >= 128, :3]), size
    return np.asarray(im.convert("RGB")).reshape(-1, 3), size


@dataclass
class ImageStats:
    """Colour histogram of an image and the Lab value of each distinct colour."""

    name: str
    size: tuple[int, int]
    pixels: int
    counts: np.ndarray          # (U,) float64 pixel count per distinct colour
    lab: np.ndarray             # (3, U) float64 L, a, b rows (contiguous per channel)

    @property
    def megapixels(self) -> float:
        return self.size[0] * self.size[1] / 1e6

    @classmethod
    def from_pixels(cls, name: str, px: np.ndarray, size: tuple[int, int]) -> "ImageStats":
        packed = (px[:, 0].astype(np.uint32) << 16) | (px[:, 1].astype(np.uint32) << 8) | px[:, 2]
        hist = np.bincount(packed, minlength=1 << 24)
        colours = np.flatnonzero(hist)
        counts = hist[colours].astype(np.float64)
        del hist
        lab = np.empty((3, colours.size), dtype=np.float64)
        for s in range(0, colours.size, CHUNK):
            c = colours[s:s + CHUNK]
            rgb = np.stack([(c >> 16) & 255, (c >> 8) & 255, c & 255], axis=1).astype(np.uint8)
            lab[:, s:s + CHUNK] = srgb8_to_lab(rgb).T
        return cls(name, size, int(px.shape[0]), counts, lab)

    @classmethod
    def load(cls, path: str) -> "ImageStats":
        px, size = load_pixels(path)
        return cls.from_pixels(os.path.basename(path), px, size)

    def lab_mse(self, palette: np.ndarray) -> float:
        """Mean squared Lab distance from each pixel to its nearest palette colour."""
        pal = srgb8_to_lab(palette)
        if pal.shape[0] == 0 or self.pixels == 0:
            return float("nan")
        total = 0.0
        n = self.counts.size
        for s in range(0, n, CHUNK):
            L, a, b = self.lab[0, s:s + CHUNK], self.lab[1, s:s + CHUNK], self.lab[2, s:s + CHUNK]
            best = np.full(L.shape, np.inf)
            for cl, ca, cb in pal:
                d = (L - cl) ** 2
                d += (a - ca) ** 2
                d += (b - cb) ** 2
                np.minimum(best, d, out=best)
            total += float(best @ self.counts[s:s + CHUNK])
        return total / self.pixels


# ---- tools --------------------------------------------------------------------------------------

@dataclass
class Result:
    image: str
    k: int
    tool: str
    palette: np.ndarray | None = None   # (n, 3) uint8
    cpu: float | None = None
    wall: float | None = None
    rss_mb: float | None = None
    mse: float | None = None
    error: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and self.palette is not None


def _as_palette(colours) -> np.ndarray:
    a = np.asarray(colours, dtype=np.float64).reshape(-1, 3)
    return np.clip(np.rint(a), 0, 255).astype(np.uint8)


def peer_sklearn(path: str, k: int) -> np.ndarray:
    px, _ = load_pixels(path)
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(px.astype(np.float64))
    return _as_palette(km.cluster_centers_)


def peer_colorthief(path: str, k: int) -> np.ndarray:
    return _as_palette(ColorThief(path).get_palette(color_count=k, quality=1))


def _pillow(path: str, k: int, method) -> tuple[Image.Image, list[int]]:
    q = Image.open(path).convert("RGB").quantize(colors=k, method=method)
    return q, q.getpalette() or []


def _pillow_used(q: Image.Image, pal: list[int], k: int) -> np.ndarray:
    # Outside the timed region: keep the palette entries the quantized image actually uses.
    used = sorted(i for _, i in (q.getcolors(256) or []) if i < k)
    return np.array([pal[3 * i:3 * i + 3] for i in used], dtype=np.uint8).reshape(-1, 3)


PEERS = {
    "sklearn": peer_sklearn,
    "colorthief": peer_colorthief,
    "pillow-mediancut": lambda p, k: _pillow(p, k, Image.Quantize.MEDIANCUT),
    "pillow-fastoctree": lambda p, k: _pillow(p, k, Image.Quantize.FASTOCTREE),
}


def run_peer(tool: str, path: str, k: int, repeat: int) -> Result:
    r = Result(os.path.basename(path), k, tool)
    fn = PEERS[tool]
    try:
        for _ in range(repeat):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. KMeans ConvergenceWarning on few colours
                c0, w0 = time.process_time(), time.perf_counter()
                out = fn(path, k)
                cpu, wall = time.process_time() - c0, time.perf_counter() - w0
            if r.cpu is None or cpu < r.cpu:
                r.cpu, r.wall = cpu, wall
                r.palette = _pillow_used(*out, k) if tool.startswith("pillow") else out
    except Exception as e:  # noqa: BLE001 - report and carry on
        r.error = f"{type(e).__name__}: {e}"
    return r


def _parse_lumen_json(text: str) -> np.ndarray:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        # Tolerate log lines around the document: take the outermost {...}.
        start, end = text.find("{"), text.rfind("}")
        if start < 0 or end <= start:
            raise
        doc = json.loads(text[start:end + 1])
    colours = doc.get("colors") if isinstance(doc, dict) else None
    if colours is None and isinstance(doc, dict) and isinstance(doc.get("palette"), dict):
        colours = doc["palette"].get("colors")
    if not isinstance(colours, list):
        raise ValueError('no "colors" array in lumen JSON')
    rows = []
    for c in colours:
        if "rgb" in c:
            rows.append([int(v) for v in c["rgb"][:3]])
        else:
            h = c["hex"].lstrip("#")
            rows.append([int(h[i:i + 2], 16) for i in (0, 2, 4)])
    return np.array(rows, dtype=np.uint8).reshape(-1, 3)


# The lumen child is started by this small launcher (a fresh `python -I -S`) rather than by this
# process: on Linux a child's ru_maxrss starts from the RSS of the process that forked it, which
# here is hundreds of MB of numpy/sklearn. The launcher is ~9 MB (measured as the "floor" in the
# header). It spawns the command, waits for it with wait4, which gives the resource usage of that
# one child (and of the children it waited for) rather than RUSAGE_CHILDREN's running total, and
# prints: exit status, user s, sys s, max RSS, wall s.
LAUNCHER = r"""
import os, sys, time
out, err, *cmd = sys.argv[1:]
W = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
fa = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
      (os.POSIX_SPAWN_OPEN, 1, out, W, 0o600),
      (os.POSIX_SPAWN_OPEN, 2, err, W, 0o600)]
t0 = time.perf_counter()
try:
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=fa)
except OSError as e:
    print("spawn-error", e); sys.exit(0)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
print(os.waitstatus_to_exitcode(status), repr(ru.ru_utime), repr(ru.ru_stime), ru.ru_maxrss,
      repr(wall))
"""
RSS_TO_MB = 1.0 / (1024 * 1024) if sys.platform == "darwin" else 1.0 / 1024  # bytes vs KiB


@dataclass
class Launch:
    status: int
    cpu: float
    wall: float
    rss_mb: float
    stdout: str
    stderr: str


def launch(cmd: list[str], workdir: str) -> Launch:
    out, err = os.path.join(workdir, "stdout"), os.path.join(workdir, "stderr")
    line = subprocess.run([sys.executable, "-I", "-S", "-c", LAUNCHER, out, err, *cmd],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    fields = line.stdout.split()
    if line.returncode != 0 or len(fields) != 5 or fields[0] == "spawn-error":
        raise RuntimeError(f"cannot run {cmd[0]}: {(line.stdout + line.stderr).strip()}")
    status, utime, stime, maxrss, wall = fields
    with open(out, encoding="utf-8", errors="replace") as f:
        stdout = f.read()
    with open(err, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    return Launch(int(status), float(utime) + float(stime), float(wall),
                  int(maxrss) * RSS_TO_MB, stdout, stderr)


def launcher_floor_mb(workdir: str) -> float | None:
    try:
        return launch(["true"], workdir).rss_mb
    except Exception:  # noqa: BLE001
        return None


def run_lumen(lumen: str, path: str, k: int, repeat: int, workdir: str) -> Result:
    r = Result(os.path.basename(path), k, "lumen")
    cmd = [lumen, "palette", path, "-k", str(k), "--json"]
    try:
        for _ in range(repeat):
            run = launch(cmd, workdir)
            if run.status != 0:
                tail = run.stderr.strip().splitlines()[-3:]
                raise RuntimeError(f"exit status {run.status}: {' | '.join(tail)}")
            palette = _parse_lumen_json(run.stdout)
            if r.cpu is None or run.cpu < r.cpu:
                r.cpu, r.wall, r.rss_mb, r.palette = run.cpu, run.wall, run.rss_mb, palette
    except Exception as e:  # noqa: BLE001
        r.error = f"{type(e).__name__}: {e}"
    return r


def resolve_lumen() -> tuple[str | None, str]:
    """Returns (binary or None, description for the header)."""
    default = str(REPO / ".build" / "release" / "lumen")
    lumen = os.environ.get("LUMEN") or default
    if lumen == "none":
        return None, "none (LUMEN=none)"
    if not os.access(lumen, os.X_OK) and lumen == default:
        note("building lumen (swift build -c release --product lumen)…")
        rc = subprocess.call(["swift", "build", "-c", "release", "--product", "lumen"],
                             cwd=REPO, stdout=sys.stderr, stderr=sys.stderr)
        if rc != 0:
            note("build failed; lumen rows will read FAIL")
    if not os.access(lumen, os.X_OK):
        note(f"lumen binary {lumen} not found or not executable; lumen rows will read FAIL")
    return lumen, lumen


# ---- report -------------------------------------------------------------------------------------

def fmt(v: float | None, digits: int) -> str:
    return "–" if v is None or v != v else f"{v:.{digits}f}"


def header(lumen_desc: str) -> str:
    import sklearn

    try:
        ncpu = len(os.sched_getaffinity(0))
    except AttributeError:
        ncpu = os.cpu_count()
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    try:
        from importlib.metadata import version
        ct = version("colorthief")
    except Exception:  # noqa: BLE001
        ct = "?"
    venv = os.environ.get("PALETTE_VENV_PATH") or sys.prefix
    try:
        venv = os.path.relpath(venv, REPO) if not os.path.relpath(venv, REPO).startswith("..") else venv
    except ValueError:
        pass
    return (f"nproc {ncpu}, load average {load} (at start), Python {sys.version.split()[0]}, "
            f"numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
            f"Pillow {Image.__version__}, colorthief {ct}, lumen {lumen_desc}, venv {venv}")


def print_results(results: list[Result]) -> None:
    sk = {(r.image, r.k): r for r in results if r.tool == "sklearn" and r.ok}
    print("| image | k | tool | colours | CPU s | wall s | peak RSS MB | Lab MSE | MSE ÷ sklearn |")
    print("|---|--:|---|--:|--:|--:|--:|--:|--:|")
    for r in results:
        if not r.ok:
            print(f"| {r.image} | {r.k} | {r.tool} | FAIL | – | – | – | – | – |")
            continue
        s = sk.get((r.image, r.k))
        rel = r.mse / s.mse if s is not None and s.mse and r.mse is not None else None
        print(f"| {r.image} | {r.k} | {r.tool} | {len(r.palette)} | {fmt(r.cpu, 3)} | "
              f"{fmt(r.wall, 3)} | {fmt(r.rss_mb, 1)} | {fmt(r.mse, 2)} | {fmt(rel, 3)} |")


def print_ratios(results: list[Result], images: list[str], ks: list[int]) -> tuple[int, int]:
    by = {(r.image, r.k, r.tool): r for r in results if r.ok}
    passes = fails = 0
    print("| image | k | sklearn CPU s | lumen CPU s | speed-up | lumen MSE ÷ sklearn MSE | checks | result |")
    print("|---|--:|--:|--:|--:|--:|---|---|")
    for image in images:
        for k in ks:
            lu, sk = by.get((image, k, "lumen")), by.get((image, k, "sklearn"))
            if lu is None and sk is None:
                continue
            speedup = sk.cpu / lu.cpu if lu and sk and lu.cpu > 0 else None
            mse_ratio = lu.mse / sk.mse if lu and sk and sk.mse else None
            checks: list[tuple[str, bool]] = []
            if mse_ratio is not None:
                checks.append((f"MSE ratio ≤ {MSE_RATIO_MAX}", mse_ratio <= MSE_RATIO_MAX))
            if lu is not None and image == BIG_IMAGE and k == BIG_K:
                checks.append((f"CPU ≤ {BIG_CPU_MAX:.3f} s", lu.cpu <= BIG_CPU_MAX))
                if speedup is not None:
                    checks.append((f"speed-up ≥ {BIG_SPEEDUP_MIN:g}", speedup >= BIG_SPEEDUP_MIN))
            if lu is not None and image == SMALL_IMAGE and k == SMALL_K:
                checks.append((f"CPU ≤ {SMALL_CPU_MAX:.3f} s", lu.cpu <= SMALL_CPU_MAX))
            lu8 = by.get((image, 8, "lumen"))
            if lu is not None and k == 16 and lu8 is not None and lu8.cpu > 0:
                q = lu.cpu / lu8.cpu
                checks.append((f"CPU k16/k8 {q:.2f} ≤ {K16_OVER_K8_MAX}", q <= K16_OVER_K8_MAX))
            if checks:
                failed = [c for c, ok in checks if not ok]
                result = "FAIL" if failed else "PASS"
                text = "; ".join(f"{c} {'ok' if ok else 'FAIL'}" for c, ok in checks)
                fails += bool(failed)
                passes += not failed
            else:
                result, text = "n/a", "no lumen row" if lu is None else "no sklearn row"
            print(f"| {image} | {k} | {fmt(sk.cpu if sk else None, 3)} | "
                  f"{fmt(lu.cpu if lu else None, 3)} | {fmt(speedup, 1)} | {fmt(mse_ratio, 3)} | "
                  f"{text} | {result} |")
    return passes, fails


def write_reference(file: str, results: list[Result], stats: dict[str, ImageStats]) -> None:
    import sklearn

    doc: dict = {}
    if os.path.exists(file):
        try:
            with open(file) as f:
                doc = json.load(f)
        except (OSError, json.JSONDecodeError) as e:
            note(f"{file} is not readable JSON ({e}); rewriting it")
            doc = {}
    doc["description"] = (
        "Reference palette quality: Lab MSE of scikit-learn KMeans palettes, written by "
        "Benchmarks/compare/palette --write-reference. Keys: image file name, then k.")
    doc["metric"] = (
        "mean over all pixels (images with alpha: pixels with alpha >= 128) of the squared CIE76 "
        "distance dL^2+da^2+db^2 to the nearest palette colour; CIELAB D65 from sRGB with the "
        "piecewise transfer function; palette colours rounded to uint8 sRGB")
    doc["sklearn"] = {
        "version": sklearn.__version__,
        "numpy": np.__version__,
        "model": "KMeans(n_clusters=k, n_init=10, random_state=0) on all pixels as float64 RGB",
    }
    mse = doc.setdefault("lab_mse", {})
    palettes = doc.setdefault("palettes", {})
    pixels = doc.setdefault("pixels", {})
    n = 0
    for r in results:
        if r.tool != "sklearn" or not r.ok:
            continue
        mse.setdefault(r.image, {})[str(r.k)] = round(r.mse, 6)
        palettes.setdefault(r.image, {})[str(r.k)] = ["#%02x%02x%02x" % tuple(c) for c in r.palette]
        pixels[r.image] = stats[r.image].pixels
        n += 1
    for d in (mse, palettes):
        for name in d:
            d[name] = dict(sorted(d[name].items(), key=lambda kv: int(kv[0])))
    with open(file, "w") as f:
        json.dump(doc, f, indent=2, sort_keys=False)
        f.write("\n")
    note(f"wrote {n} sklearn reference error(s) to {file}")


# ---- main ---------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="Benchmarks/compare/palette",
        description="Compare `lumen palette` with scikit-learn KMeans, colorthief and Pillow "
                    "(median cut, fast octree): CPU and wall time, and palette quality as the "
                    "Lab MSE of every pixel to its nearest palette colour.",
        epilog="Environment: LUMEN (binary; 'none' skips lumen rows; default "
               ".build/release/lumen, built when missing), IMGCORPUS (default "
               "$REPO/../shared/imgcorpus). Markdown goes to stdout, progress to stderr.")
    p.add_argument("images", nargs="*", metavar="IMAGE",
                   help="images to compare (default: six images from $IMGCORPUS)")
    p.add_argument("--k", "-k", default=",".join(map(str, DEFAULT_KS)),
                   help="comma-separated palette sizes (default 5,8,16)")
    p.add_argument("--skip-sklearn-above", type=float, default=4.0, metavar="MP",
                   help="above this many megapixels run sklearn only for k=8 (default 4; "
                        "'inf' runs it everywhere)")
    p.add_argument("--tools", default=",".join(ALL_TOOLS),
                   help=f"comma-separated subset of {','.join(ALL_TOOLS)} (default all)")
    p.add_argument("--repeat", type=int, default=1, metavar="N",
                   help="run each tool N times and keep the run with the least CPU (default 1)")
    p.add_argument("--write-reference", metavar="FILE",
                   help="write (merge into) FILE a JSON of the sklearn Lab MSE per image file "
                        "name and k, for unit tests")
    p.add_argument("--strict", action="store_true", help="exit 1 when any target check FAILs")
    p.add_argument("--self-test", action="store_true",
                   help="check the Lab conversion and the MSE computation, then exit")
    a = p.parse_args(argv)
    try:
        a.ks = [int(x) for x in a.k.split(",") if x.strip()]
    except ValueError:
        p.error(f"--k: expected comma-separated integers, got {a.k!r}")
    if not a.ks or min(a.ks) < 1:
        p.error("--k: palette sizes must be >= 1")
    a.tool_list = [t.strip() for t in a.tools.split(",") if t.strip()]
    bad = [t for t in a.tool_list if t not in ALL_TOOLS]
    if bad:
        p.error(f"--tools: unknown {', '.join(bad)} (choose from {', '.join(ALL_TOOLS)})")
    if a.repeat < 1:
        p.error("--repeat must be >= 1")
    return a


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.self_test:
        self_test()
        return 0

    if args.images:
        paths = []
        for img in args.images:
            if os.path.isfile(img):
                paths.append(img)
            else:
                note(f"skipping {img}: no such file")
    else:
        corpus = os.environ.get("IMGCORPUS") or str(REPO.parent / "shared" / "imgcorpus")
        if not os.path.isdir(corpus):
            print(f"{PROG}: image corpus {corpus} not found; skipping the comparison.",
                  file=sys.stderr)
            return 0
        paths = []
        for name in DEFAULT_IMAGES:
            path = os.path.join(corpus, name)
            if os.path.isfile(path):
                paths.append(path)
            else:
                note(f"skipping {name}: not in {corpus}")
    if not paths:
        note("no images to compare")
        return 0

    lumen, lumen_desc = (None, "not run (--tools)")
    if "lumen" in args.tool_list:
        lumen, lumen_desc = resolve_lumen()
    with tempfile.TemporaryDirectory(prefix="lumen-palette-compare.") as workdir:
        if lumen is not None:
            floor = launcher_floor_mb(workdir)
            lumen_desc += f" (peak RSS floor of the launcher {fmt(floor, 1)} MB)"
        return compare(args, paths, lumen, header(lumen_desc), workdir)


def compare(args: argparse.Namespace, paths: list[str], lumen: str | None, head: str,
            workdir: str) -> int:
    results: list[Result] = []
    stats: dict[str, ImageStats] = {}
    notes: list[str] = []
    names = []
    for path in paths:
        name = os.path.basename(path)
        names.append(name)
        note(f"{name}: computing the colour histogram…")
        try:
            st = ImageStats.load(path)
        except Exception as e:  # noqa: BLE001
            note(f"{name}: cannot decode ({type(e).__name__}: {e}); skipping")
            continue
        stats[name] = st
        sk_ks = args.ks
        if "sklearn" in args.tool_list and st.megapixels > args.skip_sklearn_above:
            sk_ks = [k for k in args.ks if k == 8]
            msg = (f"sklearn ran only for k=8 on {name} ({st.megapixels:.1f} MP > "
                   f"--skip-sklearn-above {args.skip_sklearn_above:g})")
            if not sk_ks:
                msg = (f"sklearn skipped on {name} ({st.megapixels:.1f} MP > "
                       f"--skip-sklearn-above {args.skip_sklearn_above:g}, and k=8 not requested)")
            notes.append(msg)
            note(msg)
        for k in args.ks:
            for tool in ALL_TOOLS:
                if tool not in args.tool_list:
                    continue
                if tool == "lumen":
                    if lumen is None:
                        continue
                    r = run_lumen(lumen, path, k, args.repeat, workdir)
                else:
                    if tool == "sklearn" and k not in sk_ks:
                        continue
                    note(f"{name} k={k}: {tool}…")
                    r = run_peer(tool, path, k, args.repeat)
                if r.ok:
                    r.mse = st.lab_mse(r.palette)
                    note(f"{name} k={k} {tool}: {len(r.palette)} colours, CPU {r.cpu:.3f} s, "
                         f"wall {r.wall:.3f} s, Lab MSE {r.mse:.2f}")
                else:
                    note(f"{name} k={k} {tool}: FAIL: {r.error}")
                results.append(r)

    print(head)
    print()
    print_results(results)
    print()
    for n in notes:
        print(f"Note: {n}.")
    if notes:
        print()
    passes, fails = print_ratios(results, names, args.ks)
    print()
    print(f"Targets: {passes} PASS, {fails} FAIL. Speed-up = sklearn CPU ÷ lumen CPU; "
          f"CPU for the Python tools is process_time() of the whole process (all threads), for "
          f"lumen user+sys of the child.")
    if args.write_reference:
        write_reference(args.write_reference, results, stats)
    return 1 if args.strict and fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
