"""Side-by-side differences between two versions of an answer (no Django here)."""

import re
from difflib import SequenceMatcher

TOKENS = re.compile(r"\s+|[^\s]+")


def _tokens(text: str, language: str) -> list[str]:
    # Lao has no spaces between words: compare it character by character.
    return list(text) if language == "lo" else TOKENS.findall(text)


def side_by_side(old: str, new: str, language: str) -> tuple[list, list]:
    """Two lists of (kind, text) pieces: the old text with what was removed marked
    'del', the new with what was added marked 'ins'; unchanged pieces are 'same'."""
    a, b = _tokens(old, language), _tokens(new, language)
    left, right = [], []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(("ins", "".join(b[j1:j2])))
    return left, right
