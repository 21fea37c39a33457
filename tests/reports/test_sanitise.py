"""The one sanitiser: XML-illegal characters out, everything else untouched."""

import docx
import pytest

from alliance_desk.reports.sanitise import sanitise


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("a\x00b\x01c\x08d", "abcd"),
        ("tab\tnew\nline\rok", "tab\tnew\nline\rok"),
        ("\x0b\x0c\x0e\x1f", ""),
        ("lone \ud800 surrogate \udfff", "lone  surrogate "),
        ("not characters \ufffe\uffff", "not characters "),
        (
            "Zoë, 王小明, דנה כהן, 🚀, \u202eRTL override",
            "Zoë, 王小明, דנה כהן, 🚀, \u202eRTL override",
        ),
        ("C1 \x85 and DEL \x7f stay", "C1 \x85 and DEL \x7f stay"),
    ],
)
def test_sanitise_removes_only_what_xml_cannot_hold(dirty, clean):
    assert sanitise(dirty) == clean


def test_sanitise_of_nothing_is_empty():
    assert sanitise(None) == ""
    assert sanitise("") == ""


def test_sanitised_text_goes_into_a_word_document(tmp_path):
    text = "".join(chr(c) for c in range(0x20)) + "\ud83d ok \ufffe"
    with pytest.raises((ValueError, UnicodeEncodeError)):
        docx.Document().add_paragraph(text)
    document = docx.Document()
    document.add_paragraph(sanitise(text))
    document.save(tmp_path / "clean.docx")
    # python-docx writes \n and \r as line breaks, which read back as \n
    assert docx.Document(tmp_path / "clean.docx").paragraphs[-1].text == "\t\n\n ok "
