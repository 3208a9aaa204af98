"""The normaliser (bot/nlp/normalise.py): what it rewrites, and that every character maps back to the original."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.normalise import MAX_CHARS, normalise


@pytest.mark.parametrize("given_text, read_as", [
    ("&gt;2 cm", ">2 cm"),
    ("&amp;gt;2 cm", ">2 cm"),                      # escaped twice
    ("&lt; 2 cm &amp; cN0", "< 2 cm & cN0"),
    ("1&nbsp;cm", "1 cm"),                          # NFKC folds the no-break space
    ("<at>Bot</at> 3 cm", "  3 cm"),                # a Teams mention
    ("<@U12AB> 3 cm", "  3 cm"),                    # a Slack user mention
    ("<mailto:a@b.org|a@b.org> 3 cm", "a@b.org 3 cm"),
    ("*left* _breast_ IDC", "left breast IDC"),
    ("~no nodes~ a node", "  a node"),              # struck out: taken back
    ("IDC s/22 mm/12 mm/ cN0", "IDC 22 mm, correction: 12 mm cN0"),  # a chat tool's substitution
    ("1,4 cm op echo, 2,3 op MRI", "1.4 cm op echo, 2.3 op MRI"),  # a decimal comma before its study
    ("s/p lumpectomy 2/2024", "s/p lumpectomy 2/2024"),  # status post, not a substitution
    ("~~no nodes~~ a node", "  a node"),
    ("<s>no nodes</s> a node", "  a node"),
    ("~2 cm", "~2 cm"),                             # "about", not struck through
    ("3*2 cm", "3*2 cm"),                           # a dimension, not emphasis
    ("line one<br>line two", "line one\nline two"),
    ("• 3 cm\n• cN0", "\n 3 cm\n\n cN0"),
])
def test_channel_escaping_and_markup(given_text: str, read_as: str) -> None:
    assert normalise(given_text)[0].text == read_as


@pytest.mark.parametrize("given_text, read_as", [
    ("one point four centimetre", "1.4 cm"),
    ("twenty two mm", "22 mm"),
    ("twenty-eight millimetres", "28 mm"),
    ("sixty-eight yo", "68 yo"),
    ("two and a half cm", "2.5 cm"),
    ("one and a half centimetres", "1.5 cm"),
    ("three by two cm", "3 by 2 cm"),
    ("two point five by one point eight cm", "2.5 by 1.8 cm"),
    ("half a centimetre", "0.5 cm"),
    ("2 point 5 cm", "2.5 cm"),
    ("2½ cm", "2.5 cm"),
    ("1,8 cm", "1.8 cm"),
    ("2,5 x 1,8 cm", "2.5 x 1.8 cm"),
    ("3 × 2 cm", "3  x  2 cm"),
    ("four centimeters", "4 cm"),                   # a unit spelt out after its number: its symbol
    ("2-millimetre", "2 mm"),
    ("1·7 cm", "1.7 cm"),                          # the decimal points of UK journals and Arabic text
    ("2٫3 cm", "2.3 cm"),
    ("1,2-2,4 cm", "1.2-2.4 cm"),                   # a range's first number keeps its decimal comma too
    ("tra 1,1 e 2,2 cm", "tra 1.1 e 2.2 cm"),
    ("1 cm 7 mm", "1.7 cm"),                        # one length in two units
    ("3cm + 1mm", "3.1 cm"),
    ("four centimetres and two millimetres", "4.2 cm"),
])
def test_numbers(given_text: str, read_as: str) -> None:
    assert normalise(given_text)[0].text == read_as


@pytest.mark.parametrize("given_text", ["no one felt it", "one node", "she had two biopsies", "1,2,3 cycles",
                                        "two lesions of 2 cm and 4 mm", "1 cm and 8 mm respectively"])
def test_numbers_that_are_not_measurements_stay(given_text: str) -> None:
    assert normalise(given_text)[0].text == given_text


@pytest.mark.parametrize("given_text, read_as", [
    ("no nodes comma untreated period", "no nodes, untreated."),
    ("clinically c T two", "clinically cT2"),
    ("left IDC t three n one", "left IDC T3 N1"),                   # the word before keeps its space
    ("IDC T 1c N 0, untreated", "IDC T1c N0, untreated"),           # categories with a spaced digit
    ("had a c t of the chest", "had a CT of the chest"),
    ("the left axe Hillary region", "the left axillary region"),  # speech recognition's homophones
    ("no enlarged lymph notes", "no enlarged lymph nodes"),
    ("she took notes", "she took notes"),
    ("mass 2.1 crn, node 9 rnrn", "mass 2.1 cm, node 9 mm"),  # a scanned page's units as text recognition reads them
    ("the intern wrote 2 cm", "the intern wrote 2 cm"),
    ("linkeroksel, rechterborst", "linker oksel, rechter borst"),  # a Dutch side written with its organ
    ("ICD of the R breast; enlarged mode in the R axial region", "idc of the R breast; enlarged node in the R "
     "axillary region"),                                         # a phone's autocorrect
    ("ICD-10 C50.4; axial T1 images; the mode of delivery", "ICD-10 C50.4; axial T1 images; the mode of delivery"),
    ("Grade [440]: 2\nSize [752]: 018 (mm)", "Grade: 2\nSize: 18 mm"),  # a registry abstract's items
    ("Diameter (mm): 17; nodes: 0", "Diameter: 17 mm; nodes: 0"),  # a field whose label gives the unit
    ("the larger is a 2.2 cm one", "the larger is a 2.2 cm one"),   # "cm one" is no dictated cM1
    ("1.4 cm (May) -> 2.3 cm", "1.4 cm (May) → 2.3 cm"),          # the arrow of a change, no ">"
    ("IDC ->2 cm", "IDC ->2 cm"),
    ("see ref [12]: size 0.8 (cm)", "see ref [12]: size 0.8 cm"),  # a reference is no item number
])
def test_dictation(given_text: str, read_as: str) -> None:
    assert normalise(given_text)[0].text == read_as


@pytest.mark.parametrize("given_text, read_as", [
    ("a node in, uh, the left, um, axilla", "a node in the left axilla"),   # fillers and their commas
    ("it is, like, 2 cm", "it is 2 cm"),
    ("new, new cancer of the the breast", "new cancer of the breast"),     # words said twice
])
def test_speech(given_text: str, read_as: str) -> None:
    assert " ".join(normalise(given_text)[0].text.split()) == read_as


@pytest.mark.parametrize("given_text, read_as", [
    ('{"pt_age":47,"axilla_exam":"no palpable nodes","tx":"none"}',
     "; pt age: 47; axilla exam: no palpable nodes ; tx: none"),           # a JSON form payload, field by field
    ("sex,F\ntumour size_mm,18\naxilla,no palpable nodes", "sex: F tumour size: 18 mm axilla: no palpable nodes"),
    ("| Size (mm) | 31 |\n|---|---|\n| Axilla | clear |", "Size: 31 mm Axilla: clear"),
    # an e-mail thread in the order it was written: the oldest quoted message first, the reply above them last
    ("Thanks - it's the left.\n\nOn Mon, Jo wrote:\n> which side? any cancer history?",
     "which side? any cancer history? Thanks - it's the left."),
    ("Could you help with this one?\n\nOn Mon, Jo wrote:\n> 49F, new L IDC 2 cm\n>> older note",
     "older note 49F, new L IDC 2 cm Could you help with this one?"),
    ("FW: see below, thanks\n> R IDC 3 cm, cN0", "R IDC 3 cm, cN0 FW: see below, thanks"),   # a forwarded case
    ("> new L IDC 2 cm, 49F\nand cN0 on my exam", "new L IDC 2 cm, 49F and cN0 on my exam"),  # a reply below it
    ("Specimen: L axillary node, FNA.\nDiagnosis: metastatic carcinoma", "L axillary node, FNA: metastatic carcinoma"),
    ("lump x3wks.no hx of cancer", "lump x3wks. no hx of cancer"),        # a full stop without its space
    ("♀ 60, Ø nodes", "female 60, no nodes"),
    ("the under-2-cm group, a 3-cm mass", "the under 2 cm group, a 3 cm mass"),
])
def test_layouts(given_text: str, read_as: str) -> None:
    assert " ".join(normalise(given_text)[0].text.split()) == read_as


def test_a_table_cell_maps_back_to_the_cell() -> None:
    given = "| Age | 44 |\n|---|---|\n| Axilla | palpable node |"
    norm = normalise(given)[0]
    at = norm.text.index("palpable node")
    start, end = norm.original_span(at, at + len("palpable node"))
    assert given[start:end] == "palpable node"


def test_a_checked_box_keeps_its_words_and_an_unchecked_one_says_nothing() -> None:
    text = normalise("Exam: [x] palpable node [ ] no node | Tx: none")[0].text
    assert text.split() == ["Exam:", "palpable", "node", "|", "Tx:", "none"]


def test_a_long_message_is_cut_and_says_so() -> None:
    norm, notes = normalise("x" * (MAX_CHARS + 10))
    assert len(norm.original) == MAX_CHARS and notes


def test_a_rewritten_span_maps_to_the_words_as_given() -> None:
    original = "new L IDC &gt;2 cm, one point four centimetre node"
    norm, _ = normalise(original)
    start = norm.text.index("1.4")
    o_start, o_end = norm.original_span(start, start + len("1.4 cm"))
    assert original[o_start:o_end] == "one point four centimetre"
    start = norm.text.index(">2 cm")
    assert original[slice(*norm.original_span(start, start + 5))] == "&gt;2 cm"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab 12,.&;<>|[]x*_~•½×\n") + ["&gt;", "one ", "two ", " cm", "<at>", "</at>",
                                                                  " period", "[x]", "[ ]"]),
                max_size=30).map("".join))
def test_every_character_maps_back_into_the_original(text: str) -> None:
    norm, _ = normalise(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for i in range(len(norm.text)):
        start, end = norm.original_span(i, i + 1)
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("given_text, read_as", [
    ("1ump in R axi1la, l.O cm", "lump in R axilla, 1.0 cm"),
    ("cNl, size 2.O cm, core bx 4/ll", "cN1, size 2.0 cm, core bx 4/11"),
    ("6O yo, me1anoma hx", "60 yo, melanoma hx"),
])
def test_ocr_slips_between_letters_and_digits(given_text: str, read_as: str) -> None:
    assert normalise(given_text)[0].text == read_as


@pytest.mark.parametrize("given_text", ["I am 45, stage II, 1 week, 10 days, 1st cycle, T1N0, BI-RADS 4",
                                        "ER 90%, PR 0", "mass 25x11x21 mm, pT1c"])
def test_what_is_no_ocr_slip_stays(given_text: str) -> None:
    assert normalise(given_text)[0].text == given_text


def test_a_typographic_dash_between_numbers_is_a_range() -> None:
    assert normalise("1.8–2.4 cm")[0].text == "1.8 - 2.4 cm"


def test_hyphens_other_than_ascii_are_hyphens() -> None:
    assert normalise("a 59\u2011year\u2011old woman")[0].text == "a 59-year-old woman"


@pytest.mark.parametrize("text, read", [
    ("foci of 2.3 and 1.7 cm", "foci of 2.3 cm and 1.7 cm"),
    ("1.1, 1.6 and 0.8 cm", "1.1 cm, 1.6 cm and 0.8 cm"),
    ("3.1/2.6 cm (MRI/US)", "3.1 cm and 2.6 cm (MRI/US)"),
    ("grade 3 and 1.9 cm", "grade 3 and 1.9 cm"),
    ("ER 8/8, PR 6, 2.1 cm", "ER 8/8, PR 6, 2.1 cm"),
    ("aged 58 and 2.1 cm", "aged 58 and 2.1 cm"),
])
def test_numbers_that_share_one_unit_each_get_it(text: str, read: str) -> None:
    assert normalise(text)[0].text == read


@pytest.mark.parametrize("text, read", [("cT1-2 N0", "cT1 vs cT2 N0"), ("T2/3", "T2 vs T3"),
                                        ("T1/T2-weighted images", "T1/T2-weighted images")])
def test_a_range_of_t_categories_is_two_categories(text: str, read: str) -> None:
    assert normalise(text)[0].text == read


def test_a_nested_json_key_carries_its_objects_key() -> None:
    text = '{"chemo": {"setting": "neoadjuvant", "state": "finished"}, "axillaOnImaging": "normal"}'
    read = normalise(text)[0].text
    assert "chemo state: finished" in read and "axilla On Imaging: normal" in read


def test_a_json_array_of_studies_carries_its_key() -> None:
    read = normalise('{"studies": [{"kind": "US", "axilla": "no nodes"}]}')[0].text
    assert "studies axilla: no nodes" in read


@pytest.mark.parametrize("text", ["her brother had colon cancer at 59", "last period in 2019", "sigmoid colon polyp"])
def test_a_dictated_mark_alone_in_a_typed_note_is_a_word(text: str) -> None:
    assert normalise(text)[0].text == text


@pytest.mark.parametrize("given_text, read_as", [
    ("R IDC 2 cm · node palpable · PET: bone lesions", "R IDC 2 cm ; node palpable ; PET: bone lesions"),
    ("size on m r i was 2 cm", "size on MRI was 2 cm"),
])
def test_a_spaced_dot_separates_and_spelled_study_letters_join(given_text: str, read_as: str) -> None:
    assert normalise(given_text)[0].text == read_as


def test_a_telegram_s_stops_are_full_stops() -> None:
    text = "48 F STOP NO CANCER HX STOP LUMP LEFT AXILLA STOP"
    assert normalise(text)[0].text == "48 F. NO CANCER HX. LUMP LEFT AXILLA."
    assert normalise("please STOP the tamoxifen")[0].text == "please STOP the tamoxifen"


def test_an_interview_s_answer_becomes_the_field_of_its_question() -> None:
    text = "Q: Prior breast cancer?\nA: No.\nQuestion: Nodes felt?\nAnswer: yes, left"
    assert " ".join(normalise(text)[0].text.split()) == "Prior breast cancer: No. Nodes felt: yes, left"


@pytest.mark.parametrize("text, read", [("sag 14 mm; trans 23 mm; AP 11 mm", "14 x 23 x 11 mm"),
                                        ("longitudinal: 2.1 cm, transverse: 1.2 cm", "2.1 x 1.2 cm"),
                                        ("a three-and-a-half centimetre mass", "a 3.5 cm mass"),
                                        ("L 1.8 cm, R 2.2 cm", "L 1.8 cm, R 2.2 cm")])
def test_axis_first_dimensions_and_hyphened_mixed_numbers_are_one_measurement(text: str, read: str) -> None:
    assert normalise(text)[0].text == read
