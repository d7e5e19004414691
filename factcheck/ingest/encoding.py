"""Turn bytes into text, saying so whenever the encoding had to be detected."""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def is_wide(head: bytes) -> bool:
    """Whether text starting with ``head`` is UTF-16 or UTF-32 (a byte-order mark, or zero bytes):
    such text cannot be split into lines as bytes."""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head


def decode(data: bytes) -> tuple[str, str | None]:
    """Return ``(text, note)``; ``note`` names a detected non-UTF-8 encoding, else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), None
    if b"\x00" in data[:8192]:
        wide = _wide_without_bom(data)
        if wide is None:
            raise InputError("binary file, not text")
        return data.decode(wide), f"not UTF-8: decoded as {wide} (no byte-order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("unknown text encoding (not UTF-8, and none could be detected)")
    encoding = best.encoding
    # On short texts the detector confuses single-byte code pages; Windows-1252 is by far the
    # most common one for Latin-script news, so it wins whenever it decodes cleanly.
    if _single_byte(encoding) and encoding != "cp1252" and _decodes(data, "cp1252"):
        encoding = "cp1252"
    return data.decode(encoding), f"not UTF-8: decoded as {encoding}"


def _wide_without_bom(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a byte-order mark, told by where its zero bytes fall.

    Latin-script text in UTF-16-LE has a zero in (nearly) every odd byte and almost none in the
    even ones; UTF-16-BE the other way round; UTF-32 three zeros per character. The text must
    then decode cleanly to printable characters, so binary files stay binary.
    """
    sample = data[:65536]
    for encoding, unit, zero_at in (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                                    ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,))):
        if len(data) % unit or len(sample) < unit:
            continue
        usable = len(sample) - len(sample) % unit
        counts = [sample[i:usable:unit].count(0) / (usable // unit) for i in range(unit)]
        zeros, others = [counts[i] for i in zero_at], [counts[i] for i in range(unit) if i not in zero_at]
        if min(zeros) < 0.6 or max(others) > 0.02:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for ch in text[:20000] if ch.isprintable() or ch in "\t\n\r\f\v")
        if printable >= 0.98 * min(len(text), 20000):
            return encoding
    return None


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp12", "cp8", "iso8859", "latin", "mac", "windows-12"))


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
