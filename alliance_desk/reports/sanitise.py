"""The one sanitiser every text passes before it goes into a document (DESIGN.md §5).

It removes what XML 1.0 cannot hold — control characters other than tab, line feed and carriage
return, the non-characters U+FFFE and U+FFFF, and lone surrogates — and changes nothing else:
accents, CJK, right-to-left text and emoji pass untouched.
"""

import re

# XML 1.0 allows #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF. In a Python str a
# surrogate code point (U+D800-U+DFFF) is always a lone one: pairs are decoded into one character.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def sanitise(text: str | None) -> str:
    """`text` without the characters XML cannot hold; '' for None."""
    if not text:
        return ""
    return _ILLEGAL.sub("", str(text))
