"""Dutch spellings of names that the knowledge base holds in English transliteration.

The KB's people come from English-language sources (Phoenix: ``Mikhail Gorbachev``, ``Hosni Mubarak``);
Dutch news transliterates Russian, Arabic and Persian names its own way (``Michail Gorbatsjov``,
``Hosni Moebarak``, ``Chamenei``). The rules are regular enough to generate the usual Dutch form from the
English one; irregular spellings (Kadhafi, Saddam Hoessein) are listed in the language file instead.
"""

from __future__ import annotations

import re

# States whose names reach English through a transliteration from Cyrillic (or Georgian, whose English
# and Dutch conventions differ the same way: Shevardnadze, Sjevardnadze).
CYRILLIC = frozenset("SUN RUS UKR BLR KAZ KGZ TJK TKM UZB MDA BGR GEO ARM AZE".split())  # noqa: SIM905
# Arab League members, and the Persian-writing states (their kh is Dutch ch: Khamenei, Chamenei).
ARABIC = frozenset(
    "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split()  # noqa: SIM905
)
PERSIAN = frozenset({"IRN", "AFG", "TJK"})

_VOWELS = "aeiou"
# English -> Dutch for Russian names, longest first (shch before sh and ch; kh before the ch rule)
_RU = [("shch", "sjtsj"), ("kh", "ch"), ("zh", "zj"), ("sh", "sj"), ("ch", "tsj"), ("yu", "joe"),
       ("ya", "ja"), ("ye", "je"), ("yo", "jo"), ("u", "oe")]  # fmt: skip
_RU_RE = re.compile("|".join(a for a, _ in _RU))
_RU_MAP = dict(_RU)


def _case_like(src: str, out: str) -> str:
    return out[:1].upper() + out[1:] if src[:1].isupper() else out


def _russian_word(word: str) -> list[str]:
    low = word.lower()
    out = _RU_RE.sub(lambda m: _RU_MAP[m.group(0)], low)
    # y: a consonant after a vowel or before one (Sergey, Nikolay), a vowel at the end (Dmitry, Dmitriy)
    out = re.sub(r"iy$", "i", out)
    out = re.sub(rf"(?<=[{_VOWELS}])y|y(?=[{_VOWELS}])", "j", out)
    out = re.sub(r"y$", "i", out)
    forms = [out]
    # Russian ё after a hushing sound is written e in English, o in Dutch: Gorbachev, Gorbatsjov
    if re.search(r"(sj|tsj|zj)ev$", out):
        forms.append(out[:-2] + "ov")
    return [_case_like(word, f) for f in forms]


def _arabic_word(word: str, persian: bool) -> list[str]:
    if word.lower() in {"al", "el", "bin", "ibn", "bint", "abu"}:
        return [word]
    out = word.lower()
    out = re.sub(r"^y(?=[aeiou])", "j", out)  # Yasser -> Jasser, Yusuf -> Joesoef
    out = re.sub(r"(?<!o)u", "oe", out)  # Mubarak -> Moebarak (not the French ou of Maghreb names)
    out = out.replace("q", "k")  # Qatar-style q: Qaddafi -> Kaddafi
    forms = [out]
    if persian and "kh" in out:
        forms.append(out.replace("kh", "ch"))  # Khamenei -> Chamenei, Khatami -> Chatami
    return [_case_like(word, f) for f in forms]


def dutch_variants(name: str, countries: set[str]) -> list[str]:
    """Dutch transliterations of an English-spelled ``name`` of a person of ``countries`` (their roles'
    countries); an empty list when no rule applies or nothing changes."""
    if countries & CYRILLIC:
        word_forms = _russian_word
    elif countries & (ARABIC | PERSIAN):
        persian = bool(countries & PERSIAN)

        def word_forms(w: str) -> list[str]:
            return _arabic_word(w, persian)
    else:
        return []
    # words split on spaces and hyphens (al-Assad), every combination of the words' forms
    parts = re.split(r"([\s-]+)", name)
    combos = [""]
    for part in parts:
        forms = [part] if not part or not part[0].isalpha() else word_forms(part)
        combos = [c + f for c in combos for f in forms][:8]
    return [c for c in dict.fromkeys(combos) if c != name]


__all__ = ["dutch_variants"]
