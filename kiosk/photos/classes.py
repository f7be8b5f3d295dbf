"""The school's classes as photos and the team see them: the one hook to the board's classes.

The board capability owns the class table (name, colour, animal). A photo or a
team member keeps a nullable `class_id` plus the class name as typed, so it still
reads well after its class is removed at the end of a school year. Everything that
needs a class's name, colour or animal asks here.
"""

import re
from dataclasses import dataclass

from kiosk.board.models import SchoolClass
from kiosk.extensions import db


@dataclass(frozen=True)
class ClassLook:
    """How a class shows: its name and, where the board knows them, its colour and animal."""

    key: str  # what ?class= carries: the board's id, else the name as typed
    name: str
    id: int | None = None
    colour: str | None = None  # a CSS colour
    animal: str | None = None  # a pictogram key
    order: tuple = ()


def natural_order(text: str) -> tuple:
    """ "2A" before "10B": digits compare as numbers."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text or "")
        if part
    )


def board_classes() -> dict[int, ClassLook]:
    """The board's classes by id."""
    return {
        row.id: ClassLook(
            key=str(row.id),
            name=row.name,
            id=row.id,
            colour=row.colour,
            animal=row.animal,
            order=(row.sort_order, natural_order(row.name)),
        )
        for row in db.session.scalars(db.select(SchoolClass))
    }


def look(class_id: int | None, label: str, board: dict[int, ClassLook] | None = None) -> ClassLook:
    """The class of a photo or person: the board's class when its id is known, else the label."""
    board = board_classes() if board is None else board
    if class_id is not None and class_id in board:
        return board[class_id]
    label = (label or "").strip()
    return ClassLook(key=label, name=label, order=(0, natural_order(label)))


def resolve(label: str) -> tuple[int | None, str]:
    """A typed class name -> (the board's class id if one has that name, the tidy name)."""
    label = " ".join((label or "").split())
    for found in board_classes().values():
        if found.name.casefold() == label.casefold():
            return found.id, found.name
    return None, label


def names(*more: list[str]) -> list[str]:
    """Class names to offer while typing: the board's, then labels used before."""
    seen = {}
    for name in [c.name for c in board_classes().values()] + [n for group in more for n in group]:
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return sorted(seen.values(), key=natural_order)
