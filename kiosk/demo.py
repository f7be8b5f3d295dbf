"""Demo content for a first look, added by `flask demo` (spec section 8)."""

_steps = []


def step(function):
    """Register `function(today) -> None` that adds one capability's demo content."""
    _steps.append(function)
    return function


def add_all(today):
    for function in _steps:
        function(today)
