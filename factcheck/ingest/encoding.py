"""Turn bytes into text, saying so whenever the encoding had to be detected."""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> tuple[str, str | None]:
    """Return ``(text, note)``; ``note`` names a detected non-UTF-8 encoding, else None."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), None
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
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


def _single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp12", "cp8", "iso8859", "latin", "mac", "windows-12"))


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
