"""The shape every capability folder keeps (STYLE.md, issue 27): a newcomer finds the
café's capacity rule in a minute, and adds a capability by copying a folder."""

import ast
import re
from pathlib import Path

import pytest

from kiosk import CAPABILITIES, create_app

PACKAGE = Path(__file__).resolve().parent.parent / "kiosk"
FOLDERS = sorted(p.parent for p in PACKAGE.glob("*/__init__.py"))
SCREENS = {"kiosk.py": "kiosk", "phone.py": "phone", "admin.py": "admin"}
# What a rule may not touch: the database, the request, the app.
NOT_IN_RULES = {"db", "request", "session", "current_app", "g", "select", "update", "delete"}


def _tree(path):
    return ast.parse(path.read_text(), filename=str(path))


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_a_capability_folder_has_the_common_files_and_no_others_in_their_place(folder):
    names = {path.name for path in folder.glob("*.py")}
    assert not names & {"views.py", "demo_content.py", "routes.py"}, folder.name
    tree = _tree(folder / "__init__.py")
    defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert "init_app" in defined, f"{folder.name}/__init__.py has no init_app"
    for node in tree.body:
        # Only a docstring, imports, functions and __all__: nothing that runs on import.
        kinds = (ast.Import, ast.ImportFrom, ast.FunctionDef)
        is_docstring = isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        is_all = isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["__all__"]
        assert isinstance(node, kinds) or is_docstring or is_all, (
            f"{folder.name}/__init__.py runs code on import (line {node.lineno})"
        )


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_rules_are_plain_decisions_without_database_or_request(folder):
    if not (folder / "rules.py").exists():
        return
    for node in ast.walk(_tree(folder / "rules.py")):
        if isinstance(node, ast.ImportFrom):
            assert node.module not in ("kiosk.extensions", "flask_sqlalchemy"), folder.name
            assert not (node.module or "").startswith("sqlalchemy"), folder.name
            imported = {alias.asname or alias.name for alias in node.names}
            assert not imported & NOT_IN_RULES, f"{folder.name}/rules.py imports {imported}"
        if isinstance(node, ast.Import):
            assert not any(a.name.startswith("sqlalchemy") for a in node.names), folder.name


def test_every_capability_starts_from_the_one_list():
    started = {module.__name__.split(".")[1] for module in CAPABILITIES}
    assert started == {folder.name for folder in FOLDERS}


def test_routes_live_in_the_module_of_their_screen(tmp_path, monkeypatch):
    """/admin/... in admin.py, /m/... and /t/... in phone.py, the rest in kiosk.py; no module
    serves two screens."""
    monkeypatch.setenv("KIOSK_INSTANCE_PATH", str(tmp_path))
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    wrong = []
    for rule in app.url_map.iter_rules():
        module = app.view_functions[rule.endpoint].__module__
        parts = module.split(".")
        if len(parts) != 3 or parts[1] not in {folder.name for folder in FOLDERS}:
            continue  # the shared foundation: api, status pages, pictograms, speech
        if rule.rule.startswith("/admin"):
            screen = "admin"
        elif rule.rule.startswith(("/m/", "/t/")):
            screen = "phone"
        else:
            screen = "kiosk"
        if SCREENS.get(parts[2] + ".py") != screen:
            wrong.append(f"{rule.rule} in {module}")
    assert wrong == []


def test_nothing_is_imported_for_its_side_effect_and_no_framework_class_is_replaced():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"noqa: *(E402|F401)", text), path
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                assert not bases & {"Flask", "Request", "SecureCookieSessionInterface"}, path
