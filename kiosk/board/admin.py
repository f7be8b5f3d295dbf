"""The bridge figure's board: classes, week, exceptions, holidays, children; today's counts."""

from dataclasses import replace
from datetime import date, timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy.exc import IntegrityError

from kiosk import audit, clock, i18n, phrasebook, pictograms
from kiosk.board import queries, rules
from kiosk.board.forms import (
    CARD_LABELS,
    PART_LABELS,
    WEEKDAYS,
    BulkChildrenForm,
    ChildForm,
    ClassForm,
    DeleteClassForm,
    EndOfYearForm,
    ExceptionForm,
    HolidayForm,
    WeekForm,
    cell_prefix,
    slot_fields,
)
from kiosk.board.models import Child, Holiday, PlanException, PlanSlot, SchoolClass
from kiosk.extensions import db
from kiosk.forms import text_fields, texts_from
from kiosk.spreadsheet import csv_response

bp = Blueprint("board_admin", __name__)

SYMBOLS = [p.key for p in pictograms.in_group("symbol")]


def _day_from_query():
    """?date=YYYY-MM-DD, else today (a wrong date says so and shows today)."""
    asked = request.args.get("date")
    if asked:
        try:
            return date.fromisoformat(asked)
        except ValueError:
            flash(_("That is not a date: showing today."), "error")
    return clock.today()


# --- Classes ------------------------------------------------------------------------------


@bp.route("/admin/board", methods=["GET", "POST"])
@login_required
def admin_index():
    form = ClassForm(prefix="class")
    if form.validate_on_submit():
        school_class = SchoolClass(
            name=form.name.data.strip(),
            colour=form.colour.data.lower(),
            animal=form.animal.data,
            sort_order=form.sort_order.data or 0,
            show_first_names=form.show_first_names.data,
        )
        for (weekday, part), slot in rules.default_template().items():
            school_class.week.append(
                PlanSlot(weekday=weekday, part=part, activity=slot.activity, place=slot.place)
            )
        db.session.add(school_class)
        audit.record("board.class.create", school_class.name)
        db.session.commit()
        flash(_("Class %(name)s added.", name=school_class.name), "success")
        return redirect(url_for("board_admin.edit_class", class_id=school_class.id))
    return render_template(
        "board/admin/index.html",
        classes=queries.classes(),
        counts=queries.children_per_class(),
        form=form,
    ), (400 if form.errors else 200)


# A change for one date says one thing; a sentence from the phrasebook says it in every language.
SENTENCES_MAX = 1


def _class_names():
    return [school_class.name for school_class in queries.classes()]


def _this_weeks_days(today):
    monday = today - timedelta(days=today.weekday())
    return [(str(n), format_date(monday + timedelta(days=n), "EEEE d MMMM")) for n in range(7)]


def _class_page(school_class, status=200, sentence_rows=None, **forms):
    today = clock.today()
    # The forms not sent keep their own values, not those of the form that was.
    forms.setdefault("class_form", ClassForm(prefix="class", obj=school_class, formdata=None))
    forms.setdefault("bulk_form", BulkChildrenForm(prefix="bulk", formdata=None))
    forms.setdefault("change_form", ExceptionForm(prefix="change", formdata=None, day=today))
    forms.setdefault("remove_form", DeleteClassForm(prefix="remove", formdata=None))
    exceptions = queries.exceptions_from(school_class, today)
    rows = sentence_rows or phrasebook.rows_of([], SENTENCES_MAX)
    return render_template(
        "board/admin/class.html",
        school_class=school_class,
        exceptions=exceptions,
        exception_notes={e.id: queries.note_in(e.as_rule(), "nl")[0] for e in exceptions},
        sentences=[
            phrasebook.row_view(row, _this_weeks_days(today), [(c, c) for c in _class_names()])
            for row in phrasebook.shown_rows(rows, SENTENCES_MAX)
        ],
        sentence_groups=phrasebook.grouped_choices(),
        text_fields=text_fields,
        weekday_names=WEEKDAYS,
        part_labels=PART_LABELS,
        card_labels=CARD_LABELS,
        **forms,
    ), status


@bp.route("/admin/board/class/<int:class_id>", methods=["GET", "POST"])
@login_required
def edit_class(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    form = ClassForm(prefix="class", obj=school_class)
    if form.validate_on_submit():
        school_class.name = form.name.data.strip()
        school_class.colour = form.colour.data.lower()
        school_class.animal = form.animal.data
        school_class.sort_order = form.sort_order.data or 0
        school_class.show_first_names = form.show_first_names.data
        audit.record(
            "board.class.edit",
            school_class.name,
            f"colour={school_class.colour} animal={school_class.animal} "
            f"first names={'on' if school_class.show_first_names else 'off'}",
        )
        db.session.commit()
        flash(_("Class %(name)s saved.", name=school_class.name), "success")
        return redirect(url_for("board_admin.edit_class", class_id=class_id))
    return _class_page(school_class, 400 if form.errors else 200, class_form=form)


@bp.post("/admin/board/class/<int:class_id>/delete")
@login_required
def delete_class(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    form = DeleteClassForm(prefix="remove")
    if not form.validate_on_submit():
        return _class_page(school_class, 400, remove_form=form)
    name, children = school_class.name, len(school_class.children)
    db.session.delete(school_class)
    audit.record("board.class.delete", name, f"{children} children removed")
    db.session.commit()
    flash(_("Class %(name)s removed.", name=name), "success")
    return redirect(url_for("board_admin.admin_index"))


# --- The week ---------------------------------------------------------------------------------


@bp.route("/admin/board/class/<int:class_id>/week", methods=["GET", "POST"])
@login_required
def edit_week(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    form = WeekForm()
    if request.method == "GET":
        template = school_class.template()
        for weekday in rules.SCHOOL_DAYS:
            for part in rules.PARTS:
                slot = template.get((weekday, part), rules.Slot())
                slot_fields.fill(form, cell_prefix(weekday, part), slot)
    elif form.validate_on_submit() and _week_times_are_right(form):
        cells = {(slot.weekday, slot.part): slot for slot in school_class.week}
        for weekday in rules.SCHOOL_DAYS:
            for part in rules.PARTS:
                wanted = slot_fields.slot(form, cell_prefix(weekday, part))
                cell = cells.get((weekday, part))
                if cell is None:
                    cell = PlanSlot(weekday=weekday, part=part)
                    school_class.week.append(cell)
                _copy_slot(wanted, cell)
        audit.record("board.week.edit", school_class.name)
        db.session.commit()
        flash(_("The week of %(name)s is saved.", name=school_class.name), "success")
        return redirect(url_for("board_admin.edit_class", class_id=class_id))
    return render_template(
        "board/admin/week.html",
        school_class=school_class,
        form=form,
        weekday_names=WEEKDAYS,
        parts=rules.PARTS,
        part_labels=PART_LABELS,
        cell_prefix=cell_prefix,
        text_fields=text_fields,
    ), (400 if form.errors else 200)


def _week_times_are_right(form):
    right = True
    for weekday in rules.SCHOOL_DAYS:
        morning = slot_fields.slot(form, cell_prefix(weekday, "morning"))
        afternoon = slot_fields.slot(form, cell_prefix(weekday, "afternoon"))
        for part, problem in rules.time_problems(morning, afternoon).items():
            slot_fields.flag(form, cell_prefix(weekday, part), problem)
            right = False
    return right


def _copy_slot(slot, row):
    row.activity = slot.activity
    row.place = slot.place if slot.school else None
    row.starts = slot.starts if slot.school else None
    row.ends = slot.ends if slot.school else None
    row.note = dict(slot.note)


# --- Exceptions for one date --------------------------------------------------------------------


@bp.post("/admin/board/class/<int:class_id>/exceptions")
@login_required
def add_exception(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    form = ExceptionForm(prefix="change")
    rows, phrases = phrasebook.rows_from(request.form, SENTENCES_MAX, _class_names())
    if "refresh" in request.form:  # "show its blanks": the same form, the sentence's fields
        for row in rows:
            row.problems = {}
        return _class_page(school_class, 200, change_form=form, sentence_rows=rows)
    if (
        not form.validate_on_submit()
        or phrasebook.has_problems(rows)
        or not _exception_times_are_right(school_class, form)
    ):
        return _class_page(school_class, 400, change_form=form, sentence_rows=rows)
    day = form.day.data
    slot = replace(slot_fields.slot(form, "change"), phrases=tuple(phrases))
    for part, part_slot in _exception_parts(form.part.data, slot).items():
        queries.remove_exception(class_id, day, part)
        row = PlanException(class_id=class_id, day=day, part=part, phrases=list(phrases))
        _copy_slot(part_slot, row)
        db.session.add(row)
    audit.record(
        "board.exception.add",
        school_class.name,
        f"{day.isoformat()} {form.part.data}: {slot.activity or ''} {slot.place or ''} "
        f"{queries.note_in(slot, i18n.DEFAULT)[0]}".strip(),
    )
    db.session.commit()
    flash(_("The change for %(day)s is saved.", day=day.isoformat()), "success")
    return redirect(url_for("board_admin.edit_class", class_id=class_id))


def _exception_parts(which, slot):
    """A whole day's times run from the morning's start to the afternoon's end."""
    if which != "day":
        return {which: slot}
    return {"morning": replace(slot, ends=None), "afternoon": replace(slot, starts=None)}


def _exception_times_are_right(school_class, form):
    slot = slot_fields.slot(form, "change")
    if slot.school and slot.starts and slot.ends and slot.ends <= slot.starts:
        slot_fields.flag(form, "change", rules.END_BEFORE_START)
        return False
    plan = queries.plan(school_class, form.day.data)
    day = {part.part: part.slot for part in plan.parts}
    day.update(_exception_parts(form.part.data, slot))
    problems = rules.time_problems(day["morning"], day["afternoon"])
    if not problems:
        return True
    form.change_starts.errors.append(
        _("This overlaps with the other part of that day: check the times.")
    )
    return False


@bp.post("/admin/board/exception/<int:exception_id>/delete")
@login_required
def delete_exception(exception_id):
    exception = db.get_or_404(PlanException, exception_id)
    class_id = exception.class_id
    audit.record(
        "board.exception.delete",
        exception.school_class.name,
        f"{exception.day.isoformat()} {exception.part}",
    )
    db.session.delete(exception)
    db.session.commit()
    flash(_("The change is removed."), "success")
    return redirect(url_for("board_admin.edit_class", class_id=class_id))


# --- Holidays ------------------------------------------------------------------------------


@bp.route("/admin/board/holidays", methods=["GET", "POST"])
@login_required
def holidays():
    form = HolidayForm()
    if form.validate_on_submit():
        holiday = Holiday(
            name=texts_from(form, "name"),
            first_day=form.first_day.data,
            last_day=form.last_day.data or form.first_day.data,
        )
        db.session.add(holiday)
        audit.record(
            "board.holiday.add",
            holiday.name.get(i18n.DEFAULT, ""),
            f"{holiday.first_day.isoformat()} - {holiday.last_day.isoformat()}",
        )
        db.session.commit()
        flash(_("The holiday is saved."), "success")
        return redirect(url_for("board_admin.holidays"))
    return render_template(
        "board/admin/holidays.html",
        holidays=queries.holiday_rows(),
        form=form,
        text_fields=text_fields,
        today=clock.today(),
    ), (400 if form.errors else 200)


@bp.post("/admin/board/holiday/<int:holiday_id>/delete")
@login_required
def delete_holiday(holiday_id):
    holiday = db.get_or_404(Holiday, holiday_id)
    audit.record("board.holiday.delete", holiday.name.get(i18n.DEFAULT, ""))
    db.session.delete(holiday)
    db.session.commit()
    flash(_("The holiday is removed."), "success")
    return redirect(url_for("board_admin.holidays"))


# --- Children -------------------------------------------------------------------------------


def _child_page(form, school_class, child=None):
    taken = queries.symbols_taken(school_class, but=child)
    return render_template(
        "board/admin/child.html",
        form=form,
        child=child,
        school_class=school_class,
        taken=taken,
        weekday_names=WEEKDAYS,
    ), (400 if form.errors else 200)


def _save_child(form, child):
    """Store the form on `child`; False (with the message on the form) when the symbol is taken."""
    if queries.symbol_taken(form.school_class.data, form.symbol.data, but=child):
        form.symbol.errors.append(_("Another child in this class has this symbol."))
        return False
    child.first_name = form.first_name.data.strip()
    child.class_id = form.school_class.data
    child.symbol = form.symbol.data
    child.usual_week = form.usual_week()
    db.session.add(child)
    try:
        db.session.flush()
    except IntegrityError:  # someone took the symbol meanwhile
        db.session.rollback()
        form.symbol.errors.append(_("Another child in this class has this symbol."))
        return False
    return True


@bp.route("/admin/board/class/<int:class_id>/children/new", methods=["GET", "POST"])
@login_required
def add_child(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    form = ChildForm(classes=queries.classes())
    if request.method == "GET":
        form.school_class.data = class_id
        taken = [c.symbol for c in school_class.children]
        form.symbol.data = next(iter(rules.free_symbols(SYMBOLS, taken)), None)
        form.fill_usual_week(
            {str(day): {"noon": "warm" if day != 2 else None, "after": "row"} for day in range(5)}
        )
    elif form.validate_on_submit() and _save_child(form, child := Child()):
        audit.record("board.child.add", f"{child.school_class.name}: {child.first_name}")
        db.session.commit()
        flash(_("%(name)s added.", name=child.first_name), "success")
        return redirect(url_for("board_admin.edit_class", class_id=child.class_id))
    shown_class = db.session.get(SchoolClass, form.school_class.data or class_id) or school_class
    return _child_page(form, shown_class)


@bp.route("/admin/board/child/<int:child_id>", methods=["GET", "POST"])
@login_required
def edit_child(child_id):
    child = db.get_or_404(Child, child_id)
    form = ChildForm(classes=queries.classes(), obj=child)
    if request.method == "GET":
        form.school_class.data = child.class_id
        form.fill_usual_week(child.usual_week)
    elif form.validate_on_submit():
        old_class = child.school_class.name
        if _save_child(form, child):
            db.session.refresh(child)
            moved = f" (moved from {old_class})" if child.school_class.name != old_class else ""
            audit.record(
                "board.child.edit", f"{child.school_class.name}: {child.first_name}", moved.strip()
            )
            db.session.commit()
            flash(_("%(name)s saved.", name=child.first_name), "success")
            return redirect(url_for("board_admin.edit_class", class_id=child.class_id))
    shown_class = db.session.get(SchoolClass, form.school_class.data or 0) or child.school_class
    return _child_page(form, shown_class, child)


@bp.post("/admin/board/child/<int:child_id>/delete")
@login_required
def delete_child(child_id):
    child = db.get_or_404(Child, child_id)
    class_id, name = child.class_id, child.first_name
    audit.record("board.child.delete", f"{child.school_class.name}: {name}")
    db.session.delete(child)
    db.session.commit()
    flash(_("%(name)s removed.", name=name), "success")
    return redirect(url_for("board_admin.edit_class", class_id=class_id))


@bp.post("/admin/board/class/<int:class_id>/children/bulk")
@login_required
def bulk_add_children(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    form = BulkChildrenForm(prefix="bulk")
    if not form.validate_on_submit():
        return _class_page(school_class, 400, bulk_form=form)
    names = rules.split_names(form.names.data)
    too_long = [name for name in names if len(name) > 40]
    if too_long:
        form.names.errors.append(
            _("A first name may have 40 characters at most: %(names)s", names=", ".join(too_long))
        )
        return _class_page(school_class, 400, bulk_form=form)
    try:
        symbols = rules.symbols_for(names, SYMBOLS, [c.symbol for c in school_class.children])
    except ValueError as free:
        form.names.errors.append(
            _("Only %(count)d symbols are still free in this class.", count=free.args[0])
        )
        return _class_page(school_class, 400, bulk_form=form)
    week = {
        str(day): {"noon": form.noon.data or None, "after": form.after.data or None}
        for day in range(5)
    }
    for name, symbol in zip(names, symbols, strict=True):
        school_class.children.append(Child(first_name=name, symbol=symbol, usual_week=week))
    audit.record("board.children.bulk_add", school_class.name, f"{len(names)} children")
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        form.names.errors.append(_("Someone changed this class meanwhile: please send it again."))
        return _class_page(school_class, 400, bulk_form=form)
    flash(_("%(count)d children added.", count=len(names)), "success")
    return redirect(url_for("board_admin.edit_class", class_id=class_id))


@bp.route("/admin/board/end-of-year", methods=["GET", "POST"])
@login_required
def end_of_year():
    form = EndOfYearForm()
    children = queries.children_count()
    if form.validate_on_submit():
        removed = queries.remove_all_children()
        audit.record("board.end_of_year", "", f"{removed} children and their choices removed")
        db.session.commit()
        flash(
            _("%(count)d children removed. The classes and their week stay.", count=removed),
            "success",
        )
        return redirect(url_for("board_admin.admin_index"))
    return render_template("board/admin/end_of_year.html", form=form, children=children), (
        400 if form.errors else 200
    )


# --- Preview, as on the kiosk ------------------------------------------------------------------


@bp.get("/admin/board/preview")
@login_required
def preview():
    day = _day_from_query()
    return render_template(
        "board/preview.html",
        day=day,
        preview=True,
        classes=queries.board(day, i18n.current().code, True),
        class_url=lambda c: url_for(
            "board_admin.preview_class", class_id=c["id"], date=day.isoformat()
        ),
    )


@bp.get("/admin/board/preview/<int:class_id>")
@login_required
def preview_class(class_id):
    school_class = db.get_or_404(SchoolClass, class_id)
    day = _day_from_query()
    (shown,) = queries.board(day, i18n.current().code, True, only_class=school_class)
    return render_template(
        "board/class.html",
        day=day,
        preview=True,
        school_class=shown,
        school_screen=True,
        interactive=False,
        noon_cards=rules.NOON,
        after_cards=rules.AFTER,
    )


# --- Today: counts for the teacher, the kitchen and the after-school care -----------------------


@bp.get("/admin/board/today")
@login_required
def today():
    day = _day_from_query()
    rows, school = queries.school_day(day)
    return render_template(
        "board/admin/today.html",
        day=day,
        rows=rows,
        school=school,
        choices=rules.CHOICES,
        card_labels=CARD_LABELS,
        cutoff=queries.cutoff(),
    )


@bp.get("/admin/board/today.csv")
@login_required
def today_csv():
    day = _day_from_query()
    rows, _school = queries.school_day(day)
    header = ["date", "class", "first_name", "noon", "after", "late_change", "kiosk"]
    lines = []
    for row in rows:
        for child in row["children"]:
            last_late = child.late[-1] if child.late else None
            lines.append(
                (
                    day.isoformat(),
                    row["school_class"].name,
                    child.child.first_name,
                    child.noon or "",
                    child.after or "",
                    last_late.made_at.strftime("%H:%M") if last_late else "",
                    last_late.kiosk if last_late else "",
                )
            )
    return csv_response(f"board-{day.isoformat()}.csv", header, lines)


def dashboard_panel():
    """Today's warm meals and after-school care on the admin dashboard, on a school day."""
    rows, school = queries.school_day(clock.today())
    if not any(row["plan"].has_school for row in rows):
        return []
    url = url_for("board_admin.today")
    return [
        (_("Warm meals today"), len(school["noon"]["warm"]), url),
        (_("After-school care today"), len(school["after"]["care"]), url),
    ]
