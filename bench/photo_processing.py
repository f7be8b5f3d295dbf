"""Benchmark process_photo on a realistic 12 MP JPEG.

Run from the repository root:  python bench/photo_processing.py

Prints the median and worst time of 5 runs, the peak memory rise (Python
allocations seen by tracemalloc, plus the process's resident-set high-water
mark rise, which includes Pillow's C buffers), and whether the 1 s target is met.
"""

from __future__ import annotations

import io
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from PIL import Image, ImageChops, ImageFilter  # noqa: E402

from kiosk.photos.processing import process_photo  # noqa: E402

TARGET_S = 1.0
RUNS = 5
SIZE = (4000, 3000)


def make_photo(size: tuple[int, int] = SIZE) -> bytes:
    """A 12 MP JPEG with gradients, shapes and sensor-like noise.

    A flat colour compresses to almost nothing and decodes unrealistically
    fast; this file lands in the few-MB range of a phone photo.
    """
    w, h = size
    red = Image.linear_gradient("L").resize(size)
    green = Image.radial_gradient("L").resize(size)
    blue = red.transpose(Image.Transpose.ROTATE_180).resize(size)
    base = Image.merge("RGB", (red, green, blue))
    # Large-scale structure (blurred noise) plus fine grain (raw noise).
    blobs = Image.effect_noise((w // 16, h // 16), 90).resize(size, Image.Resampling.BICUBIC)
    blobs = blobs.filter(ImageFilter.GaussianBlur(4))
    grain = Image.effect_noise(size, 40)
    texture = ImageChops.add(blobs, grain, scale=2.0)
    photo = Image.blend(base, Image.merge("RGB", (texture, texture, texture)), 0.35)
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    return out.getvalue()


def vm_hwm_kb() -> int:
    """Peak resident set size of this process in kB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def reset_hwm() -> bool:
    """Reset VmHWM to the current RSS (Linux: write 5 to clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def measure(data: bytes) -> int:
    """Time and measure process_photo; runs in a fresh process (see main)."""
    reset = reset_hwm()
    hwm_before = vm_hwm_kb()
    tracemalloc.start()
    # First call included in the memory figures: a cold worker pays it too.
    process_photo(data)
    for _ in range(RUNS):
        process_photo(data)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_rise_mb = (vm_hwm_kb() - hwm_before) / 1024

    # Timings without tracemalloc, which slows Python-level code.
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = process_photo(data)
        times.append(time.perf_counter() - start)

    median = statistics.median(times)
    worst = max(times)
    traced_mb = traced_peak / 1024 / 1024
    print(
        f"photo 12MP: median {median:.2f} s, worst {worst:.2f} s, "
        f"peak memory rise {max(rss_rise_mb, traced_mb):.0f} MB"
    )
    print(
        f"  detail: RSS high-water (VmHWM) rise {rss_rise_mb:.0f} MB"
        f"{'' if reset else ' (VmHWM could not be reset)'}, "
        f"tracemalloc peak {traced_mb:.1f} MB (Python allocations only)"
    )
    print(
        f"  output: screen {result.width}x{result.height} "
        f"{len(result.screen) / 1e3:.0f} kB, thumbnail {len(result.thumbnail) / 1e3:.0f} kB"
    )
    ok = worst < TARGET_S
    print(f"target < {TARGET_S:.0f} s per photo on one core: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def main() -> int:
    if sys.argv[1:] == ["--measure"]:
        return measure(sys.stdin.buffer.read())
    data = make_photo()
    print(f"input: {SIZE[0]}x{SIZE[1]} JPEG with gradients and noise, {len(data) / 1e6:.1f} MB")
    # Measure in a fresh interpreter, so memory freed after building the test
    # photo (kept by the allocator) cannot hide the rise.
    child = subprocess.run([sys.executable, __file__, "--measure"], input=data, check=False)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
