#!/usr/bin/env bash
# Runs the desktop app with no display (SDL's offscreen driver: EGL + Mesa's software renderer) for
# a few frames and checks that the frame it drew is not blank.
set -u
app=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Mesa's drivers keep allocations until exit; LeakSanitizer would report those, not ours.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
if ! SDL_VIDEODRIVER=offscreen timeout 120 "$app" --frames 20 --screenshot "$out/frame.ppm" > "$out/log" 2>&1; then
    if grep -qiE 'EGL|offscreen|video' "$out/log"; then
        # 77: CTest's SKIP_RETURN_CODE for this test, so the summary lists it as not run.
        echo "skipped: no offscreen OpenGL on this machine ($(head -n 1 "$out/log"))"
        exit 77
    fi
    cat "$out/log"; echo "FAILED: the app did not run 20 frames"; exit 1
fi
python3 - "$out/frame.ppm" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
pixels = data.split(b"\n", 3)[3]
width, height = map(int, data.split(b'\n', 3)[1].split())
assert len(pixels) == width * height * 3, "truncated screenshot"
colours = {}
for i in range(0, len(pixels), 3 * 7):
    colours[pixels[i:i + 3]] = colours.get(pixels[i:i + 3], 0) + 1
most = max(colours.values()) / sum(colours.values())
print(f"app smoke: {width}x{height}, {len(colours)} colours sampled, {100 * (1 - most):.1f}% not background")
sys.exit(0 if most < 0.99 and len(colours) > 3 else 1)
PY
