"""Cell values as spreadsheets hold them -> the values the domain stores: dates, amounts, numbers.

Dates come as real dates (from .xlsx), Excel serial numbers, ISO text, day-first or month-first
text with / . - separators, or with month names. Text such as 03/04/2026 is ambiguous; the
importer decides per column (`date_order`) and asks the user when a column cannot tell.
"""

import re
from datetime import date, datetime, timedelta

DAY_FIRST = "day"
MONTH_FIRST = "month"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9}
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap-year bug)
SERIAL_RANGE = (1, 2_958_465)  # 1900-01-01 .. 9999-12-31

_NUMERIC = re.compile(r"(\d{1,4})[-./](\d{1,2})[-./](\d{1,4})")
_TIME_TAIL = re.compile(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


class NotADate(ValueError):
    """The text is not a date in any form we read."""


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if len(word) < 3:
        return None
    for number, name in enumerate(MONTH_NAMES, start=1):
        if name.startswith(word) or (word == "sept" and number == 9):
            return number
    return None


def text_date_order(text: str) -> str | None:
    """What a numeric text date tells about the column's order: 'day', 'month', or None when
    it fits both (03/04/2026) or is not of that form (ISO dates, month names)."""
    found = _NUMERIC.fullmatch(_TIME_TAIL.sub("", text.strip()))
    if not found or len(found.group(1)) == 4:
        return None
    first, second = int(found.group(1)), int(found.group(2))
    if first > 12 >= second:
        return DAY_FIRST
    if second > 12 >= first:
        return MONTH_FIRST
    return None


def is_ambiguous(text: str) -> bool:
    """True for a numeric text date that reads as a date both day-first and month-first."""
    found = _NUMERIC.fullmatch(_TIME_TAIL.sub("", text.strip()))
    if not found or len(found.group(1)) == 4:
        return False
    first, second = int(found.group(1)), int(found.group(2))
    return first <= 12 and second <= 12 and first != second


def from_serial(serial: float) -> date:
    """The date of an Excel serial number (the 1900 date system)."""
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise NotADate(str(serial))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: object, order: str | None = None) -> date | None:
    """A date from a cell value; None for an empty cell. `order` ('day' or 'month') reads
    numeric text like 03/04/2026; without it such text raises NotADate when ambiguous.

    Raises NotADate for anything that is not a date.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise NotADate(str(value))
    if isinstance(value, int | float):
        return from_serial(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return _parse_text(text, order)
    except (ValueError, OverflowError):
        raise NotADate(text) from None


def _parse_text(text: str, order: str | None) -> date:
    bare = _TIME_TAIL.sub("", text).strip()
    numbers = _NUMERIC.fullmatch(bare)
    if numbers:
        a, b, c = numbers.groups()
        if len(a) == 4:  # 2026-03-12, 2026/03/12
            return date(int(a), int(b), int(c))
        if len(c) not in (2, 4):
            raise ValueError(text)
        year = int(c) if len(c) == 4 else 2000 + int(c) if int(c) < 70 else 1900 + int(c)
        first, second = int(a), int(b)
        if order is None:
            order = text_date_order(bare)
            if order is None and first == second:
                order = DAY_FIRST  # 05/05/2026 reads the same both ways
        if order is None:
            raise NotADate(text)
        if order == DAY_FIRST:
            return date(year, second, first)
        return date(year, first, second)
    if re.fullmatch(r"\d{8}", bare):  # 20260312
        return date(int(bare[:4]), int(bare[4:6]), int(bare[6:]))
    if re.fullmatch(r"\d{1,7}(\.\d+)?", bare):  # a serial number stored as text
        return from_serial(float(bare))
    words = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[.\-\s]+([A-Za-z]+)\.?[,\-\s]+(\d{4})", bare)
    if words and _month(words.group(2)):  # 12 Mar 2026, 12-Mar-2026, 12 March 2026
        return date(int(words.group(3)), _month(words.group(2)), int(words.group(1)))
    words = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", bare)
    if words and _month(words.group(1)):  # Mar 12, 2026
        return date(int(words.group(3)), _month(words.group(1)), int(words.group(2)))
    words = re.fullmatch(r"[A-Za-z]+,?\s+(.+)", bare)  # Thursday, 12 March 2026
    if words and words.group(1) != bare:
        return _parse_text(words.group(1), order)
    raise ValueError(text)


def parse_amount(text: str) -> float | None:
    """An amount as people type it: '1,900,000', '1.900.000,50', "1'900'000", '1.9m', '250k'.

    None when empty; raises ValueError when the text is not an amount.
    """
    text = text.strip().replace("\u00a0", "").replace(" ", "").replace("'", "").replace("_", "")
    if not text:
        return None
    scale = 1.0
    suffix = re.search(r"(bn|mn|[kmb])$", text, re.IGNORECASE)
    if suffix:
        scale = MULTIPLIERS[suffix.group(1).lower()]
        text = text[: suffix.start()]
    if "," in text and "." in text:  # the later one is the decimal mark
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        if re.fullmatch(r"-?\d{1,3}(,\d{3})+", text):
            text = text.replace(",", "")  # 1,900,000
        else:
            text = text.replace(",", ".")  # 12,5
    elif text.count(".") > 1:
        if not re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):
            raise ValueError(text)
        text = text.replace(".", "")  # 1.900.000
    if not re.fullmatch(r"-?(\d+\.?\d*|\.\d+)", text):
        raise ValueError(text)
    return float(text) * scale


CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"}


def parse_money(value: object) -> tuple[float | None, str | None]:
    """An amount from a cell, and the currency when the text names one ('€1.9m', '250k USD')."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, int | float):
        return float(value), None
    text = str(value).strip()
    currency = None
    for sign, code in CURRENCY_SIGNS.items():
        if sign in text:
            currency, text = code, text.replace(sign, "")
    code = re.search(r"(?:^|\s)([A-Z]{3})(?:\s|$)", text)
    if code:
        currency, text = code.group(1), text.replace(code.group(1), "")
    return parse_amount(text), currency


def parse_number(value: object, integer: bool = False) -> float | int | None:
    """A number from a cell: numbers as they are, text with thousand separators or a
    decimal comma, '35 %'. Whole floats become ints when `integer`; other values are kept for
    validation to name. Raises ValueError when the text is not a number."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, int | float):
        number = value
    else:
        text = str(value).strip().removesuffix("%").strip()
        if not text:
            return None
        number = parse_amount(text)
    if integer and isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def parse_bool(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in ("yes", "y", "true", "1", "x", "ja", "oui"):
        return True
    if text in ("no", "n", "false", "0", "nein", "non"):
        return False
    raise ValueError(text)
