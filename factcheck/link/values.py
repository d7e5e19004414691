"""Typed fact values: a number fact as a ``Quantity`` interval, a date fact as the levels it can be read at.

Extractors write what the outlet printed (``value`` plus ``attrs``: unit, hedge, range);
this module turns that into what can be compared: values in the base unit of their
dimension (``25 km`` and ``15 miles`` both in metres, ``tiga jam`` in minutes), hedges
as interval bounds ("lebih dari 20" is anything above 20, "sekitar 1.500" ±10 %), and the
one question the fact layer asks of two values: can both be right?
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from ..extract.dates import MONTH_NAMES, WEEKDAY_NAMES
from ..model import DateSpan, Fact, Quantity
from ..settings import active

NUMBER_KINDS = frozenset({"number", "duration"})
DATE_KINDS = frozenset({"date", "weekday"})


@cache
def _units() -> tuple[dict[str, tuple[str, float]], float]:
    raw = json.loads((resources.files("factcheck.lang") / "units.json").read_text(encoding="utf-8"))
    table = {unit: (str(dim), float(factor)) for unit, (dim, factor) in raw["units"].items()}
    return table, float(raw.get("conversion_tolerance", 0.05))


@cache
def _loose_units() -> frozenset[frozenset[str]]:
    """Pairs of units written for one another with the same figure (``units.json``: ``loose_units``)."""
    raw = json.loads((resources.files("factcheck.lang") / "units.json").read_text(encoding="utf-8"))
    return frozenset(frozenset(pair) for pair in raw.get("loose_units", ()))


def _loosely_written(fa: Fact, fb: Fact) -> bool:
    """The same figure in two units that outlets use for one another (``13 miles`` / ``13 nautical miles``)."""
    units = frozenset({str(fa.attrs.get("unit") or ""), str(fb.attrs.get("unit") or "")})
    return float(fa.value) == float(fb.value) and len(units) == 2 and units in _loose_units()


@cache
def _base_units() -> dict[str, str]:
    """Each dimension's base unit: the first (by name) whose factor is 1 (``m``, ``kg``, ``minute``)."""
    bases: dict[str, str] = {}
    for unit, (dim, factor) in sorted(_units()[0].items()):
        if factor == 1.0:
            bases.setdefault(dim, unit)
    return bases


def dimension_of(fact: Fact) -> tuple[str, str, float]:
    """``(dimension, base unit or counted noun, factor to the base unit)`` of a number fact."""
    if fact.kind == "duration":
        return "duration", "minute", 1.0
    unit = str(fact.attrs.get("unit") or "")
    table, _ = _units()
    written = fact.attrs.get("dimension")
    if unit in table:
        dim, factor = table[unit]
        if dim == "money":
            return "money", unit, 1.0
        return str(written or dim), _base_units().get(dim, unit), factor
    return str(written or "count"), unit, 1.0


def quantity(fact: Fact) -> Quantity | None:
    """The typed value of a number or duration fact (None for other kinds)."""
    if fact.kind not in NUMBER_KINDS:
        return None
    dim, unit, factor = dimension_of(fact)
    value = float(fact.value) * factor
    low = float(fact.attrs.get("low", fact.value)) * factor
    high = float(fact.attrs.get("high", fact.value)) * factor
    bound = str(fact.attrs.get("bound") or ("range" if "high" in fact.attrs else "exact"))
    if dim == "clock":
        low, high = _clock_interval(value, low, high, bound)
    elif bound == "min":
        high = math.inf
    elif bound == "max":
        low = high * (1 - active().detect.number_near) if fact.attrs.get("near") else 0.0
    elif bound == "about":
        slack = max(_precision(float(fact.value)) / 2 * factor, active().detect.number_about * abs(value))
        low, high = low - slack, high + slack
    _, conversion = _units()
    converted = bool(fact.attrs.get("converted_from")) or factor != 1.0
    return Quantity(dimension=dim, unit=unit, low=low, high=high, value=value, bound=bound,
                    tolerance=conversion if converted else 0.0, converted=bool(fact.attrs.get("converted_from")),
                    subject=str(fact.attrs.get("subject") or ""))


CLOCK_ABOUT = 5.0
"""Minutes either side of "about 3 p.m."; "shortly after"/"before" reach half an hour."""
CLOCK_BOUND = 30.0


def _clock_interval(value: float, low: float, high: float, bound: str) -> tuple[float, float]:
    """A time of day's interval: hedges are minutes, not a share of the minutes since midnight."""
    if bound == "about":
        return low - CLOCK_ABOUT, high + CLOCK_ABOUT
    if bound == "min":
        return value, value + CLOCK_BOUND
    if bound == "max":
        return value - CLOCK_BOUND, value
    return low, high


def number_key(fact: Fact) -> tuple[str, ...] | None:
    """Facts with one key measure one sort of thing and may be compared."""
    q = quantity(fact)
    if q is None:
        return None
    if q.dimension == "count" and not q.unit:
        return None
    if q.dimension == "money" and q.converted:
        return None  # a sum restated in another currency: no exchange rate says what it should be
    if fact.attrs.get("part"):
        return q.dimension, q.unit, "part"  # ``two other victims``: the rest, not the whole count
    return q.dimension, q.unit


def quantities_agree(fa: Fact, fb: Fact) -> bool:
    """Can both values be right? Overlapping intervals (with conversion slack), or one rounds the other."""
    qa, qb = quantity(fa), quantity(fb)
    if qa is None or qb is None:
        return True
    if qa.dimension == "score":
        sa, sb = fa.attrs.get("score"), fb.attrs.get("score")
        if isinstance(sa, list) and isinstance(sb, list):
            return sorted(sa) == sorted(sb)
    if _loosely_written(fa, fb):
        return True
    slack = max(qa.tolerance, qb.tolerance)
    scale = max(abs(qa.value), abs(qb.value), 1e-9)
    tolerance = 1e-9 * scale + slack * scale
    bounding = (qa.low, qb.low) if qa.bound == "min" else (qa.high, qb.high)  # "as many as 35 to 40": 40
    if qa.bound == qb.bound and qa.bound in ("min", "max") and qa.dimension != "clock" \
            and abs(bounding[0] - bounding[1]) > tolerance:
        return False  # "at least seven" against "at least six": two tolls reported, not one range
        # (a time of day's hedge is minutes either way: "by 6:40" and "by 7 a.m." can both be right)
    if qa.low <= qb.high + tolerance and qb.low <= qa.high + tolerance:
        return True
    return rounds_to(float(fa.value), float(fb.value)) or rounds_to(float(fb.value), float(fa.value))


def hedged(fact: Fact) -> bool:
    return "approx" in fact.attrs or "high" in fact.attrs or bool(fact.attrs.get("bound"))


def rounds_to(exact: float, rounded: float) -> bool:
    """``1.500`` agrees with ``1.512``: the round figure is the exact one rounded.

    Rounding absorbs only a difference inside the round figure's rounding unit,
    and that unit is at most a tenth of the figure: ``1.500`` (unit 100) takes
    ``1.512`` or ``1.460``, but ``100`` is not a rounding of ``140`` nor ``200``
    of ``250``, and the exact figure must be written more precisely than the round one.
    """
    if rounded == 0 or exact == rounded or rounded != int(rounded) or abs(rounded) < 100:
        return False
    whole = f"{abs(rounded):.0f}"
    unit = 10 ** (len(whole) - len(whole.rstrip("0")))
    unit = min(unit, 10 ** math.floor(math.log10(abs(rounded) / 10)))
    if _precision(exact) >= unit:
        return False
    return abs(exact - rounded) <= unit / 2


def _precision(value: float) -> float:
    """The unit of the last significant digit of a written figure (``1.512`` → 1, ``1.500`` → 100)."""
    if value != int(value):
        return 0.0
    whole = f"{abs(value):.0f}"
    return 10 ** (len(whole) - len(whole.rstrip("0"))) if value else 1


def shown_number(fact: Fact) -> str:
    """A number fact as a reader would write it back: ``18-20 boat``, ``45-35``, ``14:30``."""
    q = quantity(fact)
    if q is not None and q.dimension == "score" and isinstance(fact.attrs.get("score"), list):
        return "-".join(_fmt(v) for v in fact.attrs["score"])
    if q is not None and q.dimension == "clock":
        minutes = int(float(fact.value))
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    unit = fact.attrs.get("unit")
    if "high" in fact.attrs:
        number = f"{_fmt(fact.attrs['low'])}-{_fmt(fact.attrs['high'])}"
    else:
        number = _fmt(float(fact.value))
    if q is not None and q.dimension == "age":
        return number
    return f"{number} {unit}" if unit else number


_DURATIONS = (("year", 525600.0), ("month", 43200.0), ("week", 10080.0), ("day", 1440.0), ("hour", 60.0),
              ("minute", 1.0), ("second", 1 / 60))
_SCALES = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))
_HEDGES = {"min": "more than ", "max": "less than ", "about": "about "}


def readable_number(fact: Fact) -> str:
    """A number fact as a reader writes it: ``30 years`` (not 15768000 minutes), ``180 million USD``,
    with its hedge (``more than 20 desa``)."""
    q = quantity(fact)
    if q is None or q.dimension in ("score", "clock", "age") or "high" in fact.attrs:
        return shown_number(fact)
    value = float(fact.value)
    if q.dimension == "duration":
        name, size = next(((n, s) for n, s in _DURATIONS if value >= s and _round_enough(value / s)), ("minute", 1.0))
        amount = _fmt(round(value / size, 1))
        text = f"{amount} {name}{'' if amount == '1' else 's'}"
    else:
        unit = fact.attrs.get("unit") or ""
        scale = next(((n, s) for n, s in _SCALES if abs(value) >= s), None)
        amount = f"{_fmt(round(value / scale[1], 3))} {scale[0]}" if scale else _fmt(value)
        text = f"{amount} {unit}".strip()
    hedge = "nearly " if fact.attrs.get("near") else _HEDGES.get(str(fact.attrs.get("bound")), "")
    return hedge + text


def _round_enough(amount: float) -> bool:
    return abs(amount * 10 - round(amount * 10)) < 1e-6


def _fmt(value: Any) -> str:
    value = float(value)
    return f"{value:.0f}" if value.is_integer() else f"{value:g}"


# ---- dates -------------------------------------------------------------------------------------

def views(fact: Fact) -> dict[str, str]:
    """The levels a date can be compared at, each with its value there."""
    if fact.kind == "weekday":
        return {"weekday": WEEKDAY_NAMES[int(fact.value)]}
    value, gran = str(fact.value), fact.attrs.get("granularity")
    if gran == "offset":
        return {"offset": value}
    if gran == "week":
        return {"week": value}
    if value.startswith("--"):
        if gran == "month":
            return {"monthname": _month_name(value[2:4])}
        return {"monthday": value[2:], "monthname": _month_name(value[2:4])}
    out = {"year": value[:4]}
    if gran in ("day", "month"):
        out["month"] = value[:7]
        out["monthname"] = _month_name(value[5:7])
    if gran == "day":
        out.update(day=value, monthday=value[5:], weekday=WEEKDAY_NAMES[date.fromisoformat(value).weekday()])
    return out


def _month_name(number: str) -> str:
    """``December`` for ``12``: how a year-less month (``in December``) is compared and shown."""
    return MONTH_NAMES[int(number) - 1] if number.isdigit() and 1 <= int(number) <= 12 else number


_NATIVE = {"day": "day", "month": "month", "year": "year", "week": "week", "offset": "offset"}


def native(fact: Fact) -> str:
    """The level a date was written at."""
    if fact.kind == "weekday":
        return "weekday"
    if str(fact.value).startswith("--"):
        return "monthname" if fact.attrs.get("granularity") == "month" else "monthday"
    return _NATIVE.get(str(fact.attrs.get("granularity") or "day"), "day")


def date_level(fa: Fact, fb: Fact) -> str | None:
    """The finest level both dates can be read at, or None when they cannot be compared."""
    na, nb = native(fa), native(fb)
    if "offset" in (na, nb):
        level: str | None = "offset" if na == nb else None
    elif "weekday" in (na, nb):
        level = "weekday"
    elif "monthname" in (na, nb):
        level = "monthname"  # ``in December`` with no year anywhere: only the month can be compared
    elif "monthday" in (na, nb) or fa.attrs.get("year_inferred") or fb.attrs.get("year_inferred"):
        level = "monthday" if {na, nb} <= {"day", "monthday"} else None
    elif "week" in (na, nb):
        level = "week" if na == nb else None
    else:
        order = ("day", "month", "year")
        level = order[max(order.index(na), order.index(nb))]
    if level is None or level not in views(fa) or level not in views(fb):
        return None
    return level


def date_span(fact: Fact) -> DateSpan | None:
    """The typed value of a date fact: the days it names, at the granularity it was written."""
    if fact.kind == "weekday":
        return DateSpan(None, None, "weekday", True, int(fact.value))
    if fact.kind != "date":
        return None
    value, relative = str(fact.value), bool(fact.attrs.get("relative"))
    level = native(fact)
    weekday = fact.attrs.get("weekday")
    try:
        if level == "day":
            day = date.fromisoformat(value)
            return DateSpan(day, day, "day", relative, weekday if isinstance(weekday, int) else None)
        if level == "month":
            first = date.fromisoformat(value[:7] + "-01")
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return DateSpan(first, following - timedelta(days=1), "month", relative)
        if level == "year":
            year = int(value[:4])
            return DateSpan(date(year, 1, 1), date(year, 12, 31), "year", relative)
    except ValueError:
        return None
    return DateSpan(None, None, level, relative)


def days_apart(fa: Fact, fb: Fact) -> int | None:
    """Days between two dates' intervals (0 when they overlap), None when either names no interval."""
    sa, sb = date_span(fa), date_span(fb)
    if sa is None or sb is None or sa.start is None or sb.start is None or sa.end is None or sb.end is None:
        return None
    if sa.start <= sb.end and sb.start <= sa.end:
        return 0
    return min(abs((sa.start - sb.end).days), abs((sb.start - sa.end).days))


def shown_date(fact: Fact) -> str:
    if fact.kind == "weekday":
        return WEEKDAY_NAMES[int(fact.value)]
    return str(fact.value)
