"""The demo's drawn scenes are for `flask demo` alone: a server never loads them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO_ONLY = ("kiosk.photos.drawings", "kiosk.photos.demo", "kiosk.team.portraits")


def test_a_server_does_not_import_the_demo_drawings(tmp_path):
    env = dict(os.environ, KIOSK_INSTANCE_PATH=str(tmp_path))
    script = (
        "import sys; from kiosk import create_app; create_app(); "
        f"print([name for name in {DEMO_ONLY!r} if name in sys.modules])"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "[]"
