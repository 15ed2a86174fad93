#!/usr/bin/env bash
# Side-by-side comparison of `lumen gif2video` against the ffmpeg CLI.
#
# Usage: Benchmarks/compare/gif2video.sh [GIF...]
#
# With no arguments, five GIFs from $REPO/../shared/gifcorpus are converted (the script exits 0
# with a message when that folder is absent). Each GIF is converted four ways:
#   ffmpeg-recipe  the common ffmpeg recipe (MP4 muxer default: constant frame rate, frames dup'ed)
#   ffmpeg-vfr     the same recipe with -fps_mode vfr (or -vsync vfr on older ffmpeg)
#   ffmpeg-pad     -fps_mode vfr, odd sizes padded to even (pad=ceil(iw/2)*2:ceil(ih/2)*2) as
#                  lumen does, instead of the recipe's crop by scaling: the size comparison
#   lumen          lumen gif2video (one video frame per GIF frame, browser timing)
# and each run is timed for CPU seconds (user+sys of the process and its children), wall seconds
# and peak RSS. The outputs are probed with ffprobe (frames, duration, bytes) and printed as a
# markdown table, followed by lumen/ffmpeg ratios per GIF and in total.
#
# Environment:
#   LUMEN      lumen binary (default $REPO/.build/release/lumen, built with
#              `swift build -c release --product lumen` when missing); LUMEN=none skips lumen rows
#   CRF        constant rate factor for both tools (default 23)
#   PRESET     x264 preset for both tools (default medium)
#   THREADS    encoder threads; always passed to ffmpeg as -threads (default 0 = auto), passed to
#              lumen as --threads only when set
#   GIFCORPUS  folder of the default GIFs (default $REPO/../shared/gifcorpus)
#   TIMER      gnu | python | bash: force a timing method (default: GNU time if /usr/bin/time
#              exists, else python3, else bash `times` which gives no peak RSS)
#   RUNS       runs per command; the median by CPU seconds is reported (default 3)
#   KEEP_OUTPUT=1  keep the temporary output folder (its path is printed) instead of removing it
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CRF="${CRF:-23}"
RUNS="${RUNS:-3}"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "gif2video.sh: RUNS must be a positive integer, not '$RUNS'" >&2; exit 1; }
PRESET="${PRESET:-medium}"
THREADS_SET="${THREADS+set}"
THREADS="${THREADS:-0}"
GIFCORPUS="${GIFCORPUS:-$REPO/../shared/gifcorpus}"
DEFAULT_GIFS=(
  pillow__chi.gif
  synth_testsrc2_480x270_200f.gif
  synth_testsrc_1280x720_60f.gif
  flanimated__demo-player.gif
  imagegif__gifplayer-muybridge.gif
)

die() { echo "gif2video.sh: $*" >&2; exit 1; }
note() { echo "gif2video.sh: $*" >&2; }

command -v ffmpeg >/dev/null || die "ffmpeg not found (apt-get install -y ffmpeg)"
command -v ffprobe >/dev/null || die "ffprobe not found (apt-get install -y ffmpeg)"

# ---- inputs ---------------------------------------------------------------------------------
GIFS=()
if (($# > 0)); then
  for g in "$@"; do
    if [[ -f $g ]]; then GIFS+=("$g"); else note "skipping $g: no such file"; fi
  done
else
  if [[ ! -d $GIFCORPUS ]]; then
    echo "gif2video.sh: GIF corpus $GIFCORPUS not found; skipping the comparison." >&2
    exit 0
  fi
  for g in "${DEFAULT_GIFS[@]}"; do
    if [[ -f $GIFCORPUS/$g ]]; then GIFS+=("$GIFCORPUS/$g"); else note "skipping $g: not in $GIFCORPUS"; fi
  done
fi
((${#GIFS[@]} > 0)) || { note "no GIFs to convert"; exit 0; }

# ---- lumen binary ---------------------------------------------------------------------------
LUMEN_DEFAULT="$REPO/.build/release/lumen"
LUMEN="${LUMEN:-$LUMEN_DEFAULT}"
LUMEN_OK=1
if [[ $LUMEN == none ]]; then
  LUMEN_OK=0
elif [[ ! -x $LUMEN ]]; then
  if [[ $LUMEN == "$LUMEN_DEFAULT" ]]; then
    note "building lumen (swift build -c release --product lumen)…"
    if ! (cd "$REPO" && swift build -c release --product lumen >&2); then
      note "build failed; lumen rows will read FAIL"
    fi
  fi
  [[ -x $LUMEN ]] || { note "lumen binary $LUMEN not found or not executable; lumen rows will read FAIL"; LUMEN_OK=2; }
fi

# ---- temp dir -------------------------------------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/lumen-gif2video-compare.XXXXXX")"
if [[ ${KEEP_OUTPUT:-0} == 1 ]]; then
  trap 'note "outputs kept in $TMP"' EXIT
else
  trap 'rm -rf "$TMP"' EXIT
fi

# ---- timing ---------------------------------------------------------------------------------
# timed RESULT_FILE CMD... runs CMD (stdout/stderr as the caller redirects them) and writes
# "USER SYS WALL MAXRSS_KB" to RESULT_FILE (MAXRSS "-" when unknown); returns CMD's status.
TIMER="${TIMER:-}"
if [[ -z $TIMER ]]; then
  if [[ -x /usr/bin/time ]]; then TIMER=gnu
  elif command -v python3 >/dev/null; then TIMER=python
  else TIMER=bash; fi
fi
case $TIMER in
  gnu) [[ -x /usr/bin/time ]] || die "TIMER=gnu but /usr/bin/time is missing" ;;
  python) command -v python3 >/dev/null || die "TIMER=python but python3 is missing" ;;
  bash) ;;
  *) die "TIMER must be gnu, python or bash, not '$TIMER'" ;;
esac

# os.wait4 gives the rusage of exactly this child (and what it waited for); RUSAGE_CHILDREN would
# also count whatever ran before python3 exec'd (e.g. a pyenv shim).
PY_TIMER='
import os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
try:
    proc = subprocess.Popen(cmd)
except OSError as e:
    print(f"{cmd[0]}: {e}", file=sys.stderr)
    sys.exit(127)
_, status, r = os.wait4(proc.pid, 0)
wall = time.monotonic() - start
with open(out, "w") as f:
    f.write(f"{r.ru_utime:.3f} {r.ru_stime:.3f} {wall:.3f} {r.ru_maxrss}\n")
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)
'

# Children user+sys seconds of this shell: `times` must run in this shell (not in a $(…)
# subshell) so its output goes to a file; its second line is "XmY.YYYs XmY.YYYs".
children_times() { # FILE
  awk 'NR == 2 {
    n = split($1 " " $2, f, " ")
    for (i = 1; i <= 2; i++) { split(f[i], p, /[ms]/); t[i] = p[1] * 60 + p[2] }
    printf "%.3f %.3f\n", t[1], t[2]
  }' "$1"
}

timed() {
  local result=$1 rc=0
  shift
  case $TIMER in
    gnu)
      /usr/bin/time -f "%U %S %e %M" -o "$result.raw" "$@" || rc=$?
      # GNU time prepends "Command exited with non-zero status N" on failure: keep the last line.
      tail -n 1 "$result.raw" >"$result" 2>/dev/null || true
      ;;
    python)
      python3 -c "$PY_TIMER" "$result" "$@" || rc=$?
      ;;
    bash)
      local before after t0 t1
      # EPOCHREALTIME (bash 5) needs no fork that `times` would count as a child.
      times >"$result.t0"; t0=${EPOCHREALTIME:-$(date +%s.%N)}
      "$@" || rc=$?
      t1=${EPOCHREALTIME:-$(date +%s.%N)}; times >"$result.t1"
      before=$(children_times "$result.t0"); after=$(children_times "$result.t1")
      awk -v b="$before" -v a="$after" -v t0="$t0" -v t1="$t1" 'BEGIN {
        split(b, x, " "); split(a, y, " ")
        printf "%.3f %.3f %.3f -\n", y[1] - x[1], y[2] - x[2], t1 - t0
      }' >"$result"
      ;;
  esac
  return "$rc"
}

# ---- ffmpeg flags ---------------------------------------------------------------------------
# -fps_mode arrived in ffmpeg 5.1; older builds only know -vsync.
if ffmpeg -v error -f lavfi -i color=c=black:s=16x16:d=0.1 -fps_mode vfr -f null - </dev/null >/dev/null 2>&1; then
  VFR_FLAGS=(-fps_mode vfr)
else
  VFR_FLAGS=(-vsync vfr)
fi
FFMPEG_VERSION="$(ffmpeg -version 2>/dev/null | awk 'NR == 1 { print $3 }')"

# Command lines as arrays (GNU time and python3 need an executable, not a shell function).
ffmpeg_cmd() { # IN OUT [EXTRA FLAGS...] -> CMD array (FILTER: the -vf, default the recipe's)
  local in=$1 out=$2
  shift 2
  CMD=(ffmpeg -nostdin -v error -y -i "$in" -movflags +faststart -pix_fmt yuv420p
    -vf "${FILTER:-scale=trunc(iw/2)*2:trunc(ih/2)*2}" -c:v libx264 -crf "$CRF" -preset "$PRESET"
    -threads "$THREADS" "$@" "$out")
}
lumen_cmd() { # IN OUT -> CMD array
  CMD=("$LUMEN" gif2video "$1" -o "$2" -y --crf "$CRF" --preset "$PRESET")
  [[ -n $THREADS_SET ]] && CMD+=(--threads "$THREADS")
  CMD+=(--json)
}

# ---- probing and formatting -----------------------------------------------------------------
probe() { # FILE -> "FRAMES DURATION BYTES"
  local f=$1 frames duration bytes
  frames=$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets \
    -of default=nokey=1:noprint_wrappers=1 "$f" 2>/dev/null | head -n 1 || true)
  duration=$(ffprobe -v error -show_entries format=duration \
    -of default=nokey=1:noprint_wrappers=1 "$f" 2>/dev/null | head -n 1 || true)
  bytes=$(stat -c %s "$f" 2>/dev/null || wc -c <"$f")
  [[ $frames =~ ^[0-9]+$ ]] || frames=-
  if [[ $duration =~ ^[0-9.]+$ ]]; then duration=$(awk -v d="$duration" 'BEGIN { printf "%.3f", d }'); else duration=-; fi
  echo "$frames $duration $bytes"
}

# ratio A B: A/B to 2 decimals, "n/a" when either is missing or B is 0.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b + 0 == 0) { print "n/a"; exit }
    printf "%.2f\n", a / b
  }'
}

loadavg() {
  local l
  l=$(uptime 2>/dev/null | sed -n 's/.*load average[s]*: *//p')
  [[ -n $l ]] || l=$(awk '{ print $1 ", " $2 ", " $3 }' /proc/loadavg 2>/dev/null || echo "?")
  echo "$l"
}

# ---- header ---------------------------------------------------------------------------------
LUMEN_DESC="$LUMEN"
((LUMEN_OK == 0)) && LUMEN_DESC="skipped (LUMEN=none)"
GIT_REV="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "?")"
THREADS_DESC="$THREADS"
[[ $THREADS == 0 ]] && THREADS_DESC="0 (auto)"
echo "# lumen gif2video vs ffmpeg"
echo
echo "nproc $(nproc), load average $(loadavg) (at start), ffmpeg $FFMPEG_VERSION," \
  "CRF $CRF, preset $PRESET, $RUNS runs per command (median CPU), threads $THREADS_DESC, timer $TIMER, VFR flag '${VFR_FLAGS[*]}'"
echo "lumen: $LUMEN_DESC (repo $GIT_REV)"
echo
echo "| file | tool | CPU s | wall s | peak RSS MB | frames | duration s | bytes |"
echo "|---|---|--:|--:|--:|--:|--:|--:|"

# ---- runs -----------------------------------------------------------------------------------
TOOLS=(ffmpeg-recipe ffmpeg-vfr ffmpeg-pad lumen)
declare -A CPU BYTES
RATIO_ROWS=()
i=0
for gif in "${GIFS[@]}"; do
  i=$((i + 1))
  name=$(basename "$gif")
  for tool in "${TOOLS[@]}"; do
    base="$TMP/$i.$tool"
    out="$base.mp4"
    CPU[$i.$tool]=""
    BYTES[$i.$tool]=""
    if [[ $tool == lumen ]] && ((LUMEN_OK == 0)); then
      echo "| $name | $tool | skipped | | | | | |"
      continue
    fi
    note "[$i/${#GIFS[@]}] $name: $tool…"
    ok=1
    if [[ $tool == lumen ]] && ((LUMEN_OK == 2)); then
      ok=0
    else
      case $tool in
        ffmpeg-recipe) ffmpeg_cmd "$gif" "$out" ;;
        ffmpeg-vfr) ffmpeg_cmd "$gif" "$out" "${VFR_FLAGS[@]}" ;;
        ffmpeg-pad) FILTER="pad=ceil(iw/2)*2:ceil(ih/2)*2" ffmpeg_cmd "$gif" "$out" "${VFR_FLAGS[@]}" ;;
        lumen) lumen_cmd "$gif" "$out" ;;
      esac
      # stdout (lumen's JSON report) is kept next to the output; stderr goes to a log. Each
      # command runs RUNS times; the run with the median CPU seconds is the one reported.
      for ((run = 1; run <= RUNS; run++)); do
        timed "$base.time.$run" "${CMD[@]}" >"$base.json" 2>"$base.log" </dev/null || ok=0
        ((ok)) || break
      done
      [[ -s $out ]] || ok=0
      if ((ok)); then
        for ((run = 1; run <= RUNS; run++)); do
          awk '{ printf "%.3f ", $1 + $2; print }' "$base.time.$run"
        done | sort -n | awk -v m=$(((RUNS + 1) / 2)) 'NR == m { $1 = ""; sub(/^ /, ""); print }' >"$base.time"
      fi
    fi
    if ((ok == 0)); then
      [[ -s $base.log ]] && { note "$name: $tool failed:"; tail -n 5 "$base.log" >&2; }
      echo "| $name | $tool | FAIL | | | | | |"
      continue
    fi
    read -r user sys wall rss <"$base.time" || { user=; sys=; wall=; rss=; }
    read -r frames duration bytes < <(probe "$out")
    if [[ $frames == - || $frames == 0 ]]; then
      note "$name: $tool wrote no video frames ($bytes bytes)"
      [[ -s $base.log ]] && tail -n 5 "$base.log" >&2
      echo "| $name | $tool | FAIL | | | | | |"
      continue
    fi
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    wall=$(awk -v w="$wall" 'BEGIN { printf "%.2f", w }')
    if [[ $rss =~ ^[0-9]+$ ]]; then rss=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }'); else rss=-; fi
    CPU[$i.$tool]=$cpu
    BYTES[$i.$tool]=$bytes
    echo "| $name | $tool | $cpu | $wall | $rss | $frames | $duration | $bytes |"
  done
  RATIO_ROWS+=("| $name | $(ratio "${CPU[$i.lumen]}" "${CPU[$i.ffmpeg-recipe]}") | $(ratio "${CPU[$i.lumen]}" "${CPU[$i.ffmpeg-vfr]}") | $(ratio "${BYTES[$i.lumen]}" "${BYTES[$i.ffmpeg-recipe]}") | $(ratio "${BYTES[$i.lumen]}" "${BYTES[$i.ffmpeg-vfr]}") | $(ratio "${BYTES[$i.lumen]}" "${BYTES[$i.ffmpeg-pad]}") |")
done

# ---- ratios and totals ----------------------------------------------------------------------
echo
echo "Ratios, lumen / ffmpeg (below 1: lumen used less CPU or wrote fewer bytes):"
echo
echo "| file | CPU vs recipe | CPU vs vfr | bytes vs recipe | bytes vs vfr | bytes vs pad |"
echo "|---|--:|--:|--:|--:|--:|"
printf '%s\n' "${RATIO_ROWS[@]}"

# Totals only over GIFs where every tool that ran succeeded, so the sums compare like with like.
declare -A TOT_CPU TOT_BYTES
n_total=0
for ((j = 1; j <= ${#GIFS[@]}; j++)); do
  complete=1
  for tool in "${TOOLS[@]}"; do
    [[ $tool == lumen ]] && ((LUMEN_OK == 0)) && continue
    [[ -n ${CPU[$j.$tool]} ]] || complete=0
  done
  ((complete)) || continue
  n_total=$((n_total + 1))
  for tool in "${TOOLS[@]}"; do
    [[ $tool == lumen ]] && ((LUMEN_OK == 0)) && continue
    TOT_CPU[$tool]=$(awk -v a="${TOT_CPU[$tool]:-0}" -v b="${CPU[$j.$tool]:-0}" 'BEGIN { printf "%.2f", a + b }')
    TOT_BYTES[$tool]=$(( ${TOT_BYTES[$tool]:-0} + ${BYTES[$j.$tool]:-0} ))
  done
done
echo
if ((n_total == 0)); then
  echo "TOTAL: no GIF converted successfully with every tool."
else
  line="TOTAL over $n_total of ${#GIFS[@]} GIFs: CPU s ffmpeg-recipe ${TOT_CPU[ffmpeg-recipe]}, ffmpeg-vfr ${TOT_CPU[ffmpeg-vfr]}"
  if ((LUMEN_OK != 0)); then
    line+=", lumen ${TOT_CPU[lumen]}"
    line+="; lumen/recipe CPU $(ratio "${TOT_CPU[lumen]}" "${TOT_CPU[ffmpeg-recipe]}")"
    line+=", lumen/vfr CPU $(ratio "${TOT_CPU[lumen]}" "${TOT_CPU[ffmpeg-vfr]}")"
    line+=", lumen/recipe bytes $(ratio "${TOT_BYTES[lumen]}" "${TOT_BYTES[ffmpeg-recipe]}")"
    line+=", lumen/vfr bytes $(ratio "${TOT_BYTES[lumen]}" "${TOT_BYTES[ffmpeg-vfr]}")"
    line+=", lumen/pad bytes $(ratio "${TOT_BYTES[lumen]}" "${TOT_BYTES[ffmpeg-pad]}")"
  fi
  echo "$line"
fi
echo "load average at end: $(loadavg)"
