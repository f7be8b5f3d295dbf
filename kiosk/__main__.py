"""`python -m kiosk [--threads N]`: the server alone, which `flask serve` becomes once it
has printed its addresses."""

import argparse

from kiosk import create_app, serving

parser = argparse.ArgumentParser(
    prog="python -m kiosk", description="Serve Schoolpoort with waitress on KIOSK_HOST:KIOSK_PORT."
)
parser.add_argument("--threads", type=int, default=8)
serving.serve_app(create_app(with_migrations=False), parser.parse_args().threads)
