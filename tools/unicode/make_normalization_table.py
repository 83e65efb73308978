#!/usr/bin/env python3
"""Writes src/Evident.Randomization/Normalization/canonical.txt, the Unicode data that ParticipantIds needs to put an
id in normalization form C without ICU (the projects run with InvariantGlobalization, where .NET does not normalize).

From Python's unicodedata (its Unicode version is the file's first line). Lines, code points in hex:
  d CODE PART [PART]   a canonical decomposition, one level (Hangul syllables are left to the algorithm)
  c CODE CLASS         a non-zero canonical combining class
  p CODE               a primary composite: its two-part decomposition composes back (not a composition exclusion)
Run: python3 tools/unicode/make_normalization_table.py
"""
import pathlib
import sys
import unicodedata

out = pathlib.Path(__file__).resolve().parents[2] / "src/Evident.Randomization/Normalization/canonical.txt"
lines = [f"# Unicode {unicodedata.unidata_version} canonical data from Python {sys.version.split()[0]}'s unicodedata; "
         "made by tools/unicode/make_normalization_table.py"]
for code in range(sys.maxunicode + 1):
    if 0xAC00 <= code <= 0xD7A3 or 0xD800 <= code <= 0xDFFF:
        continue
    char = chr(code)
    decomposition = unicodedata.decomposition(char)
    if decomposition and not decomposition.startswith("<"):
        parts = decomposition.split()
        lines.append(f"d {code:X} {' '.join(parts)}")
        if len(parts) == 2 and unicodedata.normalize("NFC", char) == char:
            lines.append(f"p {code:X}")
    if unicodedata.combining(char):
        lines.append(f"c {code:X} {unicodedata.combining(char)}")
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{out}: {len(lines) - 1} entries")
