"""Demo content for a first look, added by `flask demo` (spec section 8).

Each capability with demo content has a `demo.py` with `add(today)`; they run in the
order of `create_app`'s list (the board's classes before the photos of them). Only the
CLI imports this: a server never loads the demo's drawing code.
"""

import importlib
import importlib.util

from kiosk import CAPABILITIES


def add_all(today):
    for capability in CAPABILITIES:
        name = f"{capability.__name__}.demo"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).add(today)
