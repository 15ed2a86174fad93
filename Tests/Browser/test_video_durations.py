"""Plays Lumen's videos in headless Chromium and checks what a viewer gets.

    python test_video_durations.py LUMEN WORKDIR [GIFCORPUS]

For GIFs written here byte by byte (the delay patterns of issue 12 and more) and a few from
../shared/gifcorpus, runs `lumen gif2video` with the options that change timing (default and
B-frame-heavy presets, no B-frames, --loop, --fps, --keep-duplicates, VP9 and AV1 WebM) and
opens each output in Debian's Chromium through Playwright (no browser download), with every
request that is not a local file blocked. Asserts, per video: `duration` when the metadata
loads and again after playing to the end equals the GIF's browser duration (or, with --fps,
Lumen's stated length, within one frame of it), `videoWidth`/`videoHeight` equal the sizes
Lumen reports, playback reaches the end, and the page logs no error. HEVC is not played:
Chromium on Linux has no HEVC decoder (the Swift suite checks those files' tables).
"""

import json
import pathlib
import subprocess
import sys

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from gifbuild import browser_duration, gif  # noqa: E402
from offline import open_offline  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
TOLERANCE = 0.0015  # Chromium reports microseconds; the files are exact to 1/12800 s

# name -> (width, height, delays in cs, frame rectangles or None, trailer)
BUILT = {
    "issue-120x90": (120, 90, [0, 3, 250, 2, 70, 1], None, True),
    "issue-past-screen": (50, 40, [20, 20, 40], [(0, 0, 50, 40), (10, 10, 20, 20), (30, 20, 30, 30)], True),
    "issue-no-trailer": (48, 32, [10, 10, 10, 20], None, False),
    "long-first-short-last": (64, 48, [70, 70, 70, 70, 5, 5, 5, 5, 5, 5, 5, 5], None, True),
    "short-first-long-last": (63, 47, [2, 2, 2, 2, 2, 2, 90, 150, 300], None, True),
    "one-frame": (40, 40, [37], None, True),
}

# Corpus files (SOURCES.md gives their browser durations; read from the report here).
CORPUS = [
    "flanimated__rock.gif",
    "gifsicle__logo.gif",
    "imagegif__moon_impact.gif",
    "pillow__dispose_bgnd_transparency.gif",
    "vips__cogs.gif",
]

VARIANTS = [
    ("h264", ".mp4", []),
    ("h264-veryslow", ".mp4", ["--preset", "veryslow"]),
    ("h264-no-bframes", ".mp4", ["--preset", "ultrafast"]),
    ("h264-loop3", ".mp4", ["--loop", "3"]),
    ("h264-fps10", ".mp4", ["--fps", "10"]),
    ("h264-keep-duplicates", ".mp4", ["--keep-duplicates"]),
    ("vp9", ".webm", []),
    ("av1", ".webm", ["--codec", "av1"]),
]

PLAY = """async ([url, timeout]) => {
  const v = document.createElement('video');
  v.muted = true;
  document.body.replaceChildren(v);
  v.src = url;
  await new Promise((ok, no) => {
    v.onloadedmetadata = ok;
    v.onerror = () => no(new Error('cannot play: ' + (v.error && v.error.message)));
  });
  const atLoad = v.duration;
  // Play through to the end (fast): Chromium revises the duration when it meets the true end
  // of the media. (Seeking into a long last frame instead makes Chromium restart from 0, with
  // ffmpeg's files and WebM alike.)
  v.playbackRate = 16;
  const ended = new Promise(ok => { v.onended = ok; });
  await v.play();
  const finished = await Promise.race([ended.then(() => true),
    new Promise(ok => setTimeout(() => ok(false), timeout))]);
  return {atLoad, afterEnd: v.duration, ended: finished, currentTime: v.currentTime,
          width: v.videoWidth, height: v.videoHeight};
}"""


def convert(lumen, gif_path, output, options):
    run = subprocess.run(
        [lumen, "gif2video", str(gif_path), "-o", str(output), "-y", "--json", *options],
        capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"lumen gif2video {gif_path} {' '.join(options)} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)


def main():
    lumen, work = sys.argv[1], pathlib.Path(sys.argv[2])
    corpus = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
    work.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, (width, height, delays, frames, trailer) in BUILT.items():
        path = work / f"{name}.gif"
        path.write_bytes(gif(width, height, delays, frames=frames, trailer=trailer))
        sources.append((path, browser_duration(delays)))
    if corpus and corpus.is_dir():
        sources += [(corpus / name, None) for name in CORPUS if (corpus / name).exists()]
    else:
        print("browser test: ../shared/gifcorpus is absent; built GIFs only")

    cases = []
    for path, built_duration in sources:
        for variant, extension, options in VARIANTS:
            output = work / f"{path.stem}.{variant}{extension}"
            report = convert(lumen, path, output, options)
            gif_seconds = report["gifDurationSeconds"] * report["plays"]
            if built_duration is not None:
                plays = 3 if "--loop" in options else 1
                assert abs(gif_seconds - built_duration * plays) < 1e-9, (path, gif_seconds)
            cases.append((output, variant, report, gif_seconds))

    failures = []
    with sync_playwright() as playwright:
        browser, page, errors, outside = open_offline(
            playwright, CHROMIUM, work, "videos", ["--autoplay-policy=no-user-gesture-required"])
        for output, variant, report, gif_seconds in cases:
            try:
                seen = page.evaluate(PLAY, [output.as_uri(), 15000])
            except Exception as error:  # noqa: BLE001 - report every file, then fail
                failures.append(f"{output.name}: {str(error).splitlines()[0]}")
                continue
            expected = report["outputDurationSeconds"] if "fps" in variant else gif_seconds
            problems = []
            if "fps" in variant and abs(expected - gif_seconds) >= 0.1:
                problems.append(f"--fps 10 length {expected} s is not within a frame of {gif_seconds} s")
            for label in ("atLoad", "afterEnd"):
                if abs(seen[label] - expected) > TOLERANCE:
                    problems.append(f"duration {label} {seen[label]:.4f} s, expected {expected:.4f} s")
            if not seen["ended"]:
                problems.append(f"did not reach the end (stopped at {seen['currentTime']:.3f} s)")
            if (seen["width"], seen["height"]) != (report["outputWidth"], report["outputHeight"]):
                problems.append(f"size {seen['width']}x{seen['height']}, Lumen reports "
                                f"{report['outputWidth']}x{report['outputHeight']}")
            status = "ok" if not problems else "FAIL " + "; ".join(problems)
            print(f"{output.name:58} {seen['atLoad']:8.3f} {seen['afterEnd']:8.3f} "
                  f"{seen['width']}x{seen['height']}  {status}")
            failures += [f"{output.name}: {p}" for p in problems]
        browser.close()
    if errors:
        failures.append(f"console errors: {errors}")
    if outside:
        failures.append(f"requests that left the machine (blocked): {outside}")
    print(f"browser test: {len(cases)} videos played in Chromium, {len(failures)} problem(s)")
    for failure in failures:
        print("  " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
