"""Plays `lumen gif` outputs in headless Chromium and checks the timing a viewer gets.

    python test_gif_playback.py LUMEN WORKDIR

GIFs are built here byte by byte (delay patterns with 0 and 1 cs, which browsers play as
10 cs) and a video is made with the ffmpeg CLI; `lumen gif` re-makes them with the options that
change timing (as they are, --speed, --reverse, --boomerang, --loop, --fps on a video). Each
output is decoded by Chromium's own GIF decoder through WebCodecs' ImageDecoder (Debian's
`chromium`, driven by Playwright, every request that is not a local file blocked) and its frame
count, every frame's duration and the loop count are compared with what the source plays and
what Lumen reports; an <img> of it must load at the reported size; the page must log no error.
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

BUILT = {
    "issue-120x90": (120, 90, [0, 3, 250, 2, 70, 1]),
    "even": (64, 48, [10, 10, 10, 20]),
    "long-and-short": (63, 47, [2, 2, 2, 2, 90, 150, 300]),
}

DECODE = """async (url) => {
  const data = await (await fetch(url)).arrayBuffer();
  const decoder = new ImageDecoder({data, type: 'image/gif'});
  await decoder.tracks.ready;
  await decoder.completed;
  const track = decoder.tracks.selectedTrack;
  const durations = [];
  for (let i = 0; i < track.frameCount; i++) {
    const result = await decoder.decode({frameIndex: i});
    durations.push(result.image.duration / 1000);  // microseconds -> ms
    result.image.close();
  }
  const img = new Image();
  img.src = url;
  await img.decode();
  return {frames: track.frameCount, durations, repetition: String(track.repetitionCount),
          width: img.naturalWidth, height: img.naturalHeight};
}"""


def make(lumen, inputs, output, options):
    run = subprocess.run([lumen, "gif", *map(str, inputs), "-o", str(output), "-y", "--json", *options],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"lumen gif {inputs} {' '.join(options)} failed: {run.stderr.strip()}")
    return json.loads(run.stdout)


def main():
    lumen, work = sys.argv[1], pathlib.Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    cases = []  # (output, report, expected durations in ms or None, expected repetition)
    for name, (width, height, delays) in BUILT.items():
        source = work / f"{name}.gif"
        source.write_bytes(gif(width, height, delays))
        played = [max(d, 2) if d >= 2 else 10 for d in delays]  # browsers: 0-1 cs play as 10
        assert abs(sum(played) / 100 - browser_duration(delays)) < 1e-9
        ms = [d * 10 for d in played]
        variants = [
            ("same", [], ms, "Infinity"),
            ("reverse", ["--reverse"], ms[::-1], "Infinity"),
            ("boomerang", ["--boomerang"], ms + ms[-2:0:-1], "Infinity"),
            ("loop3", ["--loop", "3"], ms, "2"),
            ("speed2", ["--speed", "2"], None, "Infinity"),
        ]
        for variant, options, expected, repetition in variants:
            output = work / f"{name}.{variant}.gif"
            report = make(lumen, [source], output, options)
            if variant == "speed2":
                # Boundaries at half the times, rounded down to the centisecond: the total is
                # the source's half, to the centisecond.
                assert abs(sum(report["delays"]) - sum(played) / 2) <= 0.5, report["delays"]
                expected = [d * 10 for d in report["delays"]]
            cases.append((output, report, expected, repetition))

    # A video at 30 fps, 2 s, resampled at 30 and at 12 fps: 3,3,4 cs and 8,8,9 cs patterns.
    video = work / "clip.mp4"
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=160x90:rate=30:duration=2", "-pix_fmt", "yuv420p", str(video)],
                   check=True)
    for fps in (30, 12):
        output = work / f"clip.fps{fps}.gif"
        report = make(lumen, [video], output, ["--fps", str(fps), "--width", "120"])
        assert report["width"] == 120 and sum(report["delays"]) == 200, report
        cases.append((output, report, [d * 10 for d in report["delays"]], "Infinity"))

    failures = []
    with sync_playwright() as playwright:
        browser, page, errors, outside = open_offline(
            playwright, CHROMIUM, work, "gifs", ["--allow-file-access-from-files"])
        for output, report, expected, repetition in cases:
            seen = page.evaluate(DECODE, output.as_uri())
            problems = []
            if seen["frames"] != report["frames_out"]:
                problems.append(f"{seen['frames']} frames, report says {report['frames_out']}")
            if seen["durations"] != expected:
                problems.append(f"durations {seen['durations']} ms, expected {expected}")
            if any(d < 20 for d in seen["durations"]):
                problems.append("a frame shorter than 20 ms")
            if abs(sum(seen["durations"]) / 1000 - report["duration_seconds"]) > 1e-6:
                problems.append(f"plays {sum(seen['durations'])} ms, report says {report['duration_seconds']} s")
            if seen["repetition"] != repetition:
                problems.append(f"repetition {seen['repetition']}, expected {repetition}")
            if (seen["width"], seen["height"]) != (report["width"], report["height"]):
                problems.append(f"shown at {seen['width']}x{seen['height']}")
            if problems:
                failures.append(f"{output.name}: " + "; ".join(problems))
        browser.close()
    if errors:
        failures.append(f"console errors: {errors}")
    if outside:
        failures.append(f"requests outside the files: {outside}")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"browser GIF playback: {len(cases)} GIFs decoded by Chromium with the expected frames, "
          "durations, loop counts and sizes")


if __name__ == "__main__":
    main()
