"""Runs the contenders of `Benchmarks/compare/gif` and prints its report (standard library only).

Run it through `Benchmarks/compare/gif`, which checks the tools, makes the source clips once,
prints the header (with the load) and then calls this file. Its header comment describes the
sources, the commands, the timing and the SSIM method; in short:

  - each contender runs --runs times, the contenders taking turns within each run; CPU is the
    user+sys time of that one child (os.wait4), the report gives the median;
  - SSIM is ffmpeg's `ssim` filter, its `All` figure over the R, G and B planes (gbrp): the GIF
    side goes through fps=FPS, the reference is the source through
    fps=FPS,scale=W:H:flags=lanczos at the GIF's own size W x H, so both have one frame per
    1/FPS s; the frames of both sides and the frames compared are counted from ffmpeg's
    -v verbose summary, and a difference of more than one frame is flagged;
  - a GIF source (the gifsicle row) is compared with its output frame for frame, no filters.

On its own:

    python3 gif_compare.py --out DIR [--runs 3] [--fps 15] [--width 480] [--lossy 60]
        [--lumen PATH] [--lumen-state ok|"not built (...)"] [--lumen-extra "ARGS"]
        [--align-check 0|1] [--strict 0|1] NAME=video=CLIP.mp4 ... NAME=gif=IN.gif ...
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PROG = "gif"
BASELINE = "ffmpeg-2pass"

# The targets, against ffmpeg-2pass on the same source.
LUMEN_BYTES_MAX = 0.9        # lumen bytes <= 0.9 x recipe
LUMEN_SSIM_DROP_MAX = 0.0    # lumen SSIM >= recipe SSIM
LUMEN_CPU_MAX = 1.0          # lumen CPU <= 1.0 x recipe
LOSSY_BYTES_MAX = 0.7        # lumen --lossy at least 30 % smaller than the recipe
LOSSY_SSIM_DROP_MAX = 0.01   # lumen --lossy SSIM >= recipe SSIM - 0.01


def note(msg: str) -> None:
    print(f"{PROG}: {msg}", file=sys.stderr, flush=True)


# ---- GIF structure ------------------------------------------------------------------------------

@dataclass
class GIFInfo:
    width: int
    height: int
    frames: int
    duration_cs: int
    loop: int | None          # NETSCAPE2.0 loop count; 0 = forever; None = no extension (once)

    @property
    def loop_text(self) -> str:
        if self.loop is None:
            return "once"
        return "forever" if self.loop == 0 else f"{self.loop}x"


def skip_sub_blocks(data: bytes, pos: int, keep: list[bytes] | None = None) -> int:
    while True:
        n = data[pos]
        pos += 1
        if n == 0:
            return pos
        if keep is not None:
            keep.append(data[pos:pos + n])
        pos += n


def gif_info(path: Path) -> GIFInfo | None:
    """Size, frame count, total delay and loop count, read from the blocks (no decoding)."""
    data = path.read_bytes()
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return None
    width, height, flags = struct.unpack_from("<HHB", data, 6)
    pos = 13
    if flags & 0x80:
        pos += 3 << ((flags & 7) + 1)
    frames = duration = pending_delay = 0
    loop = None
    try:
        while pos < len(data):
            block = data[pos]
            pos += 1
            if block == 0x3B:
                break
            if block == 0x21:
                label = data[pos]
                blocks: list[bytes] = []
                pos = skip_sub_blocks(data, pos + 1, blocks)
                if label == 0xF9 and blocks and len(blocks[0]) >= 4:
                    pending_delay = blocks[0][1] | blocks[0][2] << 8
                elif (label == 0xFF and len(blocks) > 1 and blocks[0][:11] in (b"NETSCAPE2.0", b"ANIMEXTS1.0")
                      and len(blocks[1]) >= 3 and blocks[1][0] == 1):
                    loop = blocks[1][1] | blocks[1][2] << 8
            elif block == 0x2C:
                local = data[pos + 8]
                pos += 9
                if local & 0x80:
                    pos += 3 << ((local & 7) + 1)
                pos = skip_sub_blocks(data, pos + 1)   # after the LZW minimum code size
                frames += 1
                duration += pending_delay
                pending_delay = 0
            else:
                break
    except IndexError:
        pass                                            # truncated: what was read so far
    return GIFInfo(width, height, frames, duration, loop)


# ---- running ------------------------------------------------------------------------------------

def run_timed(cmd: list[str], log: Path) -> tuple[int, float, float]:
    """Runs CMD; returns (exit status, user+sys CPU s of that child, wall s)."""
    with open(log, "ab") as f:
        f.write(("$ " + " ".join(cmd) + "\n").encode())
        f.flush()
        start = time.monotonic()
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=f, stderr=f)
        except OSError as e:
            f.write(f"{cmd[0]}: {e}\n".encode())
            return 127, 0.0, 0.0
        # os.wait4 gives the rusage of exactly this child (all its threads, and whatever it
        # waited for), not of everything this process ran before.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_utime + usage.ru_stime, wall


@dataclass
class SSIMResult:
    mean: float | None = None
    lowest: float | None = None
    gif_frames: int | None = None      # GIF side after its filters
    ref_frames: int | None = None      # reference side after its filters
    compared: int | None = None        # frames out of the ssim filter
    error: str = ""

    @property
    def aligned(self) -> bool:
        counts = [self.gif_frames, self.ref_frames, self.compared]
        if any(c is None for c in counts):
            return False
        return max(counts) - min(counts) <= 1  # type: ignore[operator]

    @property
    def frames_text(self) -> str:
        if self.gif_frames is None or self.ref_frames is None:
            return "?"
        if self.gif_frames == self.ref_frames == self.compared:
            return str(self.compared)
        flag = "" if self.aligned else " MISALIGNED"
        return f"{self.gif_frames}/{self.ref_frames}{flag}"


def measure_ssim(gif: Path, ref: Path, fps: int | None, size: tuple[int, int] | None,
                 shift: int = 0) -> SSIMResult:
    """ffmpeg's ssim of GIF against REF (All over gbrp). With FPS both sides are resampled to it
    and REF is Lanczos-scaled to SIZE; without it the frames are compared as they are. SHIFT +1
    drops the GIF side's first frame, -1 the reference's (the alignment check)."""
    gif_chain = f"fps={fps}," if fps else ""
    ref_chain = f"fps={fps},scale={size[0]}:{size[1]}:flags=lanczos," if fps and size else ""
    drop = "trim=start_frame=1,setpts=PTS-STARTPTS,"
    if shift > 0:
        gif_chain += drop
    elif shift < 0:
        ref_chain += drop
    shortest = "shortest=1:" if shift else ""
    graph = (f"[0:v]{gif_chain}format=gbrp,split[a][a2];"
             f"[1:v]{ref_chain}format=gbrp,split[b][b2];"
             f"[a][b]ssim={shortest}stats_file=-[s]")
    cmd = ["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-v", "verbose",
           "-i", str(gif), "-i", str(ref), "-filter_complex", graph,
           "-map", "[s]", "-f", "null", "-", "-map", "[a2]", "-f", "null", "-",
           "-map", "[b2]", "-f", "null", "-"]
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
    out = proc.stdout.decode(errors="replace")
    err = proc.stderr.decode(errors="replace")
    result = SSIMResult()
    if proc.returncode != 0:
        last = [line for line in err.splitlines() if line.strip()][-3:]
        result.error = " / ".join(last) or f"ffmpeg exit {proc.returncode}"
        return result
    per_frame = [float(m.group(1)) for m in re.finditer(r"All:([0-9.]+)", out)]
    total = re.search(r"SSIM .*All:([0-9.]+)", err)
    if total:
        result.mean = float(total.group(1))
    elif per_frame:
        result.mean = statistics.fmean(per_frame)
    result.lowest = min(per_frame) if per_frame else None
    counts = {int(m.group(1)): int(m.group(2)) for m in
              re.finditer(r"Output stream #(\d+):0 \(video\): (\d+) frames encoded", err)}
    result.compared, result.gif_frames, result.ref_frames = counts.get(0), counts.get(1), counts.get(2)
    if result.mean is None:
        result.error = "no SSIM in ffmpeg's output"
    return result


# ---- contenders ---------------------------------------------------------------------------------

@dataclass
class Contender:
    source: str
    tool: str
    cmd: list[str] | None              # None: not run (reason says why)
    out: Path
    log: Path
    reason: str = ""
    after: Contender | None = None     # a chain: CMD reads this contender's output
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    failed: str = ""
    info: GIFInfo | None = None
    ssim: SSIMResult | None = None
    shifts: dict[int, float | None] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.cmd is not None and not self.failed and bool(self.cpu)

    @property
    def cpu_median(self) -> float | None:
        """The median of this command's runs, plus the first link's for a chain."""
        if not self.cpu:
            return None
        first = self.after.cpu_median if self.after else 0.0
        return None if first is None else first + statistics.median(self.cpu)

    @property
    def wall_median(self) -> float | None:
        if not self.wall:
            return None
        first = self.after.wall_median if self.after else 0.0
        return None if first is None else first + statistics.median(self.wall)

    @property
    def bytes(self) -> int | None:
        return self.out.stat().st_size if self.ok and self.out.exists() else None


def contenders_for(name: str, kind: str, src: Path, a: argparse.Namespace) -> list[Contender]:
    out_dir = Path(a.out)

    def gif_path(tool: str) -> Path:
        return out_dir / f"{name}.{tool}.gif"

    def make(tool: str, cmd: list[str] | None, reason: str = "") -> Contender:
        return Contender(name, tool, cmd, gif_path(tool), out_dir / f"{name}.{tool}.log", reason)

    if kind == "gif":
        result = [make("gifsicle-O3", ["gifsicle", "-O3", str(src), "-o", str(gif_path("gifsicle-O3"))])]
        # lumen re-making the GIF as it is (same size and timing), exact and lossy.
        for tool, more in (("lumen", []), ("lumen-lossy", ["--lossy", str(a.lossy)])):
            if a.lumen_state == "ok":
                result.append(make(tool, [a.lumen, "gif", str(src), "-o", str(gif_path(tool)), "-y", *more]))
        return result
    vf = f"fps={a.fps},scale={a.width}:-1:flags=lanczos"
    two_pass = f"{vf},split[s0][s1];[s0]palettegen=stats_mode=diff[p];[s1][p]paletteuse=dither=sierra2_4a"
    ffmpeg = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(src)]
    base = make(BASELINE, ffmpeg + ["-vf", two_pass, "-loop", "0", str(gif_path(BASELINE))])
    result = [base, make("ffmpeg-default", ffmpeg + ["-vf", vf, "-loop", "0", str(gif_path("ffmpeg-default"))])]
    if a.gifsicle_chain:
        # The recipe's GIF through gifsicle, as often done next; listed after the recipe, so each
        # run reads that run's recipe output.
        for tool, more in (("2pass+gifsicle-O3", []), ("2pass+gifsicle-lossy", [f"--lossy={a.lossy}"])):
            chain = make(tool, ["gifsicle", "-O3", *more, str(base.out), "-o", str(gif_path(tool))])
            chain.after = base
            result.append(chain)
    extra = a.lumen_extra.split()
    short = "not built" if a.lumen_state.startswith("not built") else a.lumen_state
    for tool, more in (("lumen", []), ("lumen-lossy", ["--lossy", str(a.lossy)])):
        if a.lumen_state == "ok":
            cmd = [a.lumen, "gif", str(src), "-o", str(gif_path(tool)), "--fps", str(a.fps), "--width", str(a.width),
                   "-y", *more, *extra]
            result.append(make(tool, cmd))
        else:
            result.append(make(tool, None, short))
    return result


# ---- formatting ---------------------------------------------------------------------------------

def fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def signed(value: float | None, digits: int = 4) -> str:
    return "–" if value is None else f"{value:+.{digits}f}"


def loadavg() -> str:
    try:
        return ", ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def check(label: str, value: float | None, limit: float, text: str, lower_is_better: bool = True,
          digits: int = 3) -> tuple[str, bool | None]:
    """PASS when VALUE, rounded to DIGITS decimals as printed, is within LIMIT."""
    if value is None:
        return f"{label} n/a", None
    value = round(value, digits)
    ok = value <= limit if lower_is_better else value >= limit
    return f"{label} {text} {'PASS' if ok else 'MISS'}", ok


# ---- main ---------------------------------------------------------------------------------------

def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="folder for the GIFs and logs")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--fps", type=int, default=15)
    p.add_argument("--width", type=int, default=480)
    p.add_argument("--lossy", type=int, default=60)
    p.add_argument("--lumen", default="none")
    p.add_argument("--lumen-state", default="skipped", help='"ok" runs lumen; anything else is printed')
    p.add_argument("--lumen-extra", default="", help="extra lumen arguments (word-split)")
    p.add_argument("--gifsicle-chain", type=int, default=1, help="1: also the recipe's GIF through gifsicle")
    p.add_argument("--align-check", type=int, default=0)
    p.add_argument("--strict", type=int, default=0)
    p.add_argument("sources", nargs="+", metavar="NAME=KIND=PATH", help="KIND: video or gif")
    a = p.parse_args()
    Path(a.out).mkdir(parents=True, exist_ok=True)

    sources: list[tuple[str, str, Path]] = []
    for spec in a.sources:
        name, kind, path = spec.split("=", 2)
        if kind not in ("video", "gif"):
            p.error(f"unknown kind {kind!r} in {spec!r}")
        sources.append((name, kind, Path(path)))
    table = {name: contenders_for(name, kind, path, a) for name, kind, path in sources}

    # Timed runs, the contenders taking turns.
    for run in range(1, a.runs + 1):
        for name, _, _ in sources:
            for c in table[name]:
                if c.cmd is None or c.failed:
                    continue
                if c.after is not None and not c.after.ok:
                    c.failed = f"no {c.after.tool} output to read"
                    continue
                note(f"run {run}/{a.runs}: {name} {c.tool}…")
                c.out.unlink(missing_ok=True)
                status, cpu, wall = run_timed(c.cmd, c.log)
                if status != 0 or not c.out.exists() or c.out.stat().st_size == 0:
                    tail = [ln for ln in c.log.read_text(errors="replace").splitlines()
                            if ln.strip() and not ln.startswith("$ ")][-3:]
                    c.failed = f"exit {status}: " + " / ".join(tail)
                    note(f"{name} {c.tool} failed ({c.failed})")
                    continue
                c.cpu.append(cpu)
                c.wall.append(wall)

    # Quality, once per output (the outputs are the same on every run).
    for name, kind, src in sources:
        for c in table[name]:
            if not c.ok:
                continue
            c.info = gif_info(c.out)
            note(f"SSIM: {name} {c.tool}…")
            if kind == "gif":
                c.ssim = measure_ssim(c.out, src, None, None)
                continue
            size = (c.info.width, c.info.height) if c.info else None
            c.ssim = measure_ssim(c.out, src, a.fps, size)
            if a.align_check:
                c.shifts[0] = c.ssim.mean
                for shift in (-1, 1):
                    c.shifts[shift] = measure_ssim(c.out, src, a.fps, size, shift).mean

    # ---- report ----
    any_failed = False
    target_results: list[bool] = []
    target_lines: list[str] = []
    for name, kind, src in sources:
        rows = table[name]
        if kind == "gif":
            info = gif_info(src)
            in_bytes = src.stat().st_size
            print(f"## {name}: {src.name} as it is ({info.width}x{info.height}, {info.frames} frames, "
                  f"{info.duration_cs / 100:.2f} s)" if info else f"## {name}: {src.name}")
            print()
            print("No fps or width change: the output is compared with the input GIF itself, frame for frame "
                  "(SSIM 1 = identical); ratios are to the input GIF.")
            print()
            print("| tool | bytes | frames | duration s | loop | size | SSIM | lowest frame SSIM | SSIM frames "
                  "| CPU s | wall s | bytes x input |")
            print("|---|--:|--:|--:|---|---|--:|--:|--:|--:|--:|--:|")
            if info:
                print(f"| input GIF | {in_bytes} | {info.frames} | {info.duration_cs / 100:.2f} | {info.loop_text} "
                      f"| {info.width}x{info.height} | 1 | 1 | – | – | – | 1.000 |")
            for c in rows:
                if not c.ok:
                    any_failed = True
                    print(f"| {c.tool} | FAIL: {c.failed} | | | | | | | | | | |")
                    continue
                i, s = c.info, c.ssim
                print(f"| {c.tool} | {c.bytes} | {i.frames if i else '?'} | "
                      f"{fmt(i.duration_cs / 100 if i else None)} | {i.loop_text if i else '?'} | "
                      f"{f'{i.width}x{i.height}' if i else '?'} | {fmt(s.mean, 4) if s else '–'} | "
                      f"{fmt(s.lowest, 4) if s else '–'} | {s.frames_text if s else '?'} | "
                      f"{fmt(c.cpu_median, 3)} | {fmt(c.wall_median, 3)} | {fmt(ratio(c.bytes, in_bytes), 3)} |")
                if s and s.error:
                    print(f"\nSSIM failed for {c.tool}: {s.error}")
            print()
            continue

        print(f"## {name}: {src.name} -> {a.fps} fps, width {a.width}")
        print()
        print(f"| tool | bytes | frames | duration s | loop | size | SSIM | lowest frame SSIM | SSIM frames "
              f"| CPU s | wall s | bytes x 2pass | CPU x 2pass | SSIM - 2pass |")
        print("|---|--:|--:|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
        base = next((c for c in rows if c.tool == BASELINE and c.ok), None)
        base_ssim = base.ssim.mean if base and base.ssim else None
        for c in rows:
            if c.cmd is None:
                print(f"| {c.tool} | lumen gif: {c.reason} | | | | | | | | | | | | |")
                continue
            if not c.ok:
                any_failed = True
                print(f"| {c.tool} | FAIL | | | | | | | | | | | | |")
                continue
            i, s = c.info, c.ssim
            mean = s.mean if s else None
            print(f"| {c.tool} | {c.bytes} | {i.frames if i else '?'} | "
                  f"{fmt(i.duration_cs / 100 if i else None)} | {i.loop_text if i else '?'} | "
                  f"{f'{i.width}x{i.height}' if i else '?'} | {fmt(mean, 4)} | {fmt(s.lowest if s else None, 4)} | "
                  f"{s.frames_text if s else '?'} | {fmt(c.cpu_median, 3)} | {fmt(c.wall_median, 3)} | "
                  f"{fmt(ratio(c.bytes, base.bytes if base else None), 3)} | "
                  f"{fmt(ratio(c.cpu_median, base.cpu_median if base else None), 3)} | "
                  f"{signed(None if mean is None or base_ssim is None else mean - base_ssim)} |")
        notes: list[str] = []
        for c in rows:
            if c.failed:
                notes.append(f"{c.tool} failed: {c.failed}")
            if c.ok and c.ssim and c.ssim.error:
                notes.append(f"SSIM failed for {c.tool}: {c.ssim.error}")
            if c.ok and c.ssim and not c.ssim.error and not c.ssim.aligned:
                notes.append(f"WARNING: {c.tool}: the GIF side has {c.ssim.gif_frames} frames at {a.fps} fps, the "
                             f"reference {c.ssim.ref_frames}, {c.ssim.compared} compared: more than one frame apart.")
            if c.shifts and any(v is not None for v in c.shifts.values()):
                best = max((v, k) for k, v in c.shifts.items() if v is not None)
                verdict = "aligned" if best[1] == 0 else f"WARNING: a shift of {best[1]:+d} frame scores higher"
                notes.append(f"alignment check {c.tool}: SSIM at -1 {fmt(c.shifts.get(-1), 4)}, "
                             f"0 {fmt(c.shifts.get(0), 4)}, +1 {fmt(c.shifts.get(1), 4)}: {verdict}")
        if any(n.startswith("alignment") for n in notes):
            notes.insert(0, "alignment check: -1 drops the reference's first frame, +1 the GIF's")
        if notes:
            print()
            print("\n".join(f"- {n}" for n in notes))
        print()

        # Targets.
        lumen_rows = [c for c in rows if c.tool.startswith("lumen")]
        if not base:
            target_lines.append(f"- {name}: no {BASELINE} result, targets not checked")
            continue
        if lumen_rows and lumen_rows[0].cmd is None:
            target_lines.append(f"- {name}: lumen gif: {lumen_rows[0].reason}; targets not checked")
            continue
        for c in lumen_rows:
            if not c.ok:
                target_lines.append(f"- {name} {c.tool}: FAIL")
                target_results.append(False)
                continue
            bytes_x = ratio(c.bytes, base.bytes)
            cpu_x = ratio(c.cpu_median, base.cpu_median)
            delta = None if c.ssim is None or c.ssim.mean is None or base_ssim is None else c.ssim.mean - base_ssim
            if c.tool == "lumen":
                checks = [
                    check("bytes", bytes_x, LUMEN_BYTES_MAX, f"{fmt(bytes_x, 3)}x (<= {LUMEN_BYTES_MAX})"),
                    check("SSIM", delta, -LUMEN_SSIM_DROP_MAX, f"{signed(delta)} (>= {-LUMEN_SSIM_DROP_MAX:g})",
                          lower_is_better=False, digits=4),
                    check("CPU", cpu_x, LUMEN_CPU_MAX, f"{fmt(cpu_x, 3)}x (<= {LUMEN_CPU_MAX})"),
                ]
            else:
                checks = [
                    check("bytes", bytes_x, LOSSY_BYTES_MAX, f"{fmt(bytes_x, 3)}x (<= {LOSSY_BYTES_MAX})"),
                    check("SSIM", delta, -LOSSY_SSIM_DROP_MAX, f"{signed(delta)} (>= {-LOSSY_SSIM_DROP_MAX:g})",
                          lower_is_better=False, digits=4),
                    (f"CPU {fmt(cpu_x, 3)}x (no target)", None),
                ]
            target_lines.append(f"- {name} {c.tool}: " + "; ".join(text for text, _ in checks))
            target_results += [ok for _, ok in checks if ok is not None]

    if target_lines:
        print(f"Targets, per source against {BASELINE}: lumen bytes <= {LUMEN_BYTES_MAX}x at SSIM no lower and CPU "
              f"<= {LUMEN_CPU_MAX}x; lumen --lossy {a.lossy} bytes <= {LOSSY_BYTES_MAX}x (30 % smaller) at SSIM "
              f"within {LOSSY_SSIM_DROP_MAX}:")
        print()
        print("\n".join(target_lines))
        if target_results:
            print()
            print(f"targets: {target_results.count(True)} PASS, {target_results.count(False)} MISS")
        print()
    print(f"CPU = user+sys of the process (all threads), median of {a.runs}; a 2pass+gifsicle row adds the "
          f"median of gifsicle on the recipe's GIF to the recipe's. SSIM = ffmpeg ssim `All` over R, G, B (gbrp), "
          f"mean over frames; 'SSIM frames' = frames compared (GIF side/reference when they differ). "
          f"Targets compare the ratios as printed (3 decimals) and the SSIM difference to 4 decimals.")
    print(f"load average at end: {loadavg()}")
    if any_failed:
        return 1
    if a.strict and False in target_results:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
