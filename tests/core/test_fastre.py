"""bot/nlp/fastre.py: its finditer finds exactly what `re`'s does, for every regex of the pattern files, on a
blank pipeline and on tricky and random text."""
import random
import re
from typing import Dict, List

import pytest
import spacy

from bot.nlp import normalise, pipeline
from bot.nlp.components import CUES_KEY
from bot.nlp.fastre import Scanner, ScannerIndex

LEXICON: Dict[str, List[str]] = pipeline._read("lexicon.yml")["regex"]
CONTEXT = [r["pattern"] for r in pipeline.context_rules() if isinstance(r.get("pattern"), str)]
TEXTS = [
    "58F, new 3 cm IDC L breast, palpable 1.5cm Lt axillary node; R ax clear", "aL L. Lt\nLT(L) (R) xR",
    "pT2N1a cT1c N0 cN+ M1 cM1 2.0 cm or less, <2 cm, ≥ 20 mm, at least 2cm", "Mrs Ms. Mr F/ M/ 45 yo 45yoF",
    "nst IDC nst, ductal nst, 2 of 6 cycles, c3/6, AC-T, T C H P", "FINDINGS: mass\n  IMPRESSION : x", "",
    "in Jan 2019, from 2020, since grown, under the left arm, ax. 3 x 2 x 1 cm", "r/o mets ? LN hx of (2019)",
    "ſ K×ﬁ 2½ cm – naïve", "_L_ 9L L9 éL", "malignancy carcinomas IDC-like x1idc", "*3 cm* _big_ ~x~ [x] [ ] a",
    "&gt;2 cm <at>Bot</at> <b>x</b> one point four centimetre, two and a half cm, point five cm, 1,5 cm",
    "| R axilla | core bx |\n|---|---|\n| L | clear |", "c T two, m r i of chest, new line, 3 by two cm, node(s)",
]


def random_texts(n: int = 3000) -> List[str]:
    rng = random.Random(7)
    alphabet = "aAbcdeFiLlMmNnRrsTtx 0123.,-/:<>=()|_\n\t"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(n)]


NORMALISE = [s for s in vars(normalise).values() if isinstance(s, Scanner)]


@pytest.mark.parametrize("scanner", [Scanner(p) for ps in LEXICON.values() for p in ps]
                         + [Scanner(p) for p in CONTEXT] + NORMALISE, ids=lambda s: s.regex.pattern[:40])
def test_scanner_finds_what_re_finds(scanner):
    regex = scanner.regex
    for text in TEXTS + [normalise.normalise(t)[0].text for t in TEXTS] + random_texts():
        assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in regex.finditer(text)], text


@pytest.mark.parametrize("pattern, starts", [
    (r"\b(?:L|Lt|LT)\b", "[L]"),
    (r"(?i)\bax\b", "[Aa]"),
    (r"(?<![\w.])\d+\s*cm", "[0123456789]"),
    (r"(?:<|\bunder)\s*2", "[<u]"),
    (r"\w*", None),                 # can match the empty string: plain finditer
    (r"(a)?(?(1)b|c)", None),       # a conditional group: not followed
    (r"(?<=\w)\s+x", None),          # starts at a space: nothing to skip
    ("[•▪]", r"[^\x00-\x7f]"),       # never in ASCII text
])
def test_scanner_start_characters(pattern, starts):
    scanner = Scanner(pattern)
    assert scanner.starts == starts
    # the finder: the start class outside the pattern's flags, then the pattern asserted from that character
    assert (scanner._finder is not None) == (starts is not None)


def test_a_group_reference_leaves_the_finder_out():
    scanner = Scanner(r"(~)x\1")  # a group reference inside the finder's lookbehind: plain finditer
    assert scanner.starts == r"[\~]" and scanner._finder is None
    assert [m.span() for m in scanner.finditer("a ~x~ b ~x~")] == [(2, 5), (8, 11)]


def test_regex_ruler_spans_as_with_plain_regexes():
    nlp = spacy.blank("en")
    nlp.add_pipe("regex_ruler").add_patterns(LEXICON)
    for text in TEXTS:
        doc = nlp(text)
        expected = [(label, doc.char_span(m.start(), m.end(), alignment_mode="expand"))
                    for label, patterns in LEXICON.items() for p in patterns for m in re.finditer(p, text)]
        assert [(s.label_, s.start, s.end) for s in doc.spans[CUES_KEY]] == [
            (label, s.start, s.end) for label, s in expected if s is not None and len(s)]


@pytest.mark.parametrize("pattern, words, either", [
    (r"(?i)\b\w*(?:idc|cancer)\w*\b", (), [("cancer", "idc")]),
    (r"(?i)(?<!ductal\s)\bnst\b", ("nst",), []),
    (r"(?i)(?:≤|<=)\s*2\s*cm", ("<=", "cm"), []),  # "≤" is never in ASCII text; a lone digit is not looked for
    (r"(?i)\b(?:since\s+grown|has\s+grown)", (), [("grown", "since")]),
    (r"\bL\b", (), []),
    (r"(?i)(?=(?:new|hard)\b)(?<=\bchemo )", ("chemo ",), [("hard", "new")]),  # what a lookaround must see
    (r"(?m)^.*?(?:\[\s*x?\s*\]|[☐☒])[ \t]*$", ("[",), []),  # a class of non-ASCII characters: never in ASCII text
])
def test_scanner_words_a_match_contains(pattern, words, either):
    scanner = Scanner(pattern)
    assert (scanner.words, list(scanner.either)) == (words, either)


def test_the_index_keeps_every_scanner_that_matches():
    """ScannerIndex.candidates leaves out no scanner that finds a match, for every pattern file's regexes."""
    scanners = [Scanner(p) for ps in LEXICON.values() for p in ps] + [Scanner(p) for p in CONTEXT]
    index = ScannerIndex(scanners)
    for text in TEXTS + [normalise.normalise(t)[0].text for t in TEXTS] + random_texts(500):
        candidates = set(index.candidates(text))
        assert {i for i, s in enumerate(scanners) if s.regex.search(text)} <= candidates, text


def test_the_index_leaves_out_scanners_whose_words_are_absent():
    index = ScannerIndex([Scanner(r"(?i)\bcarcinoma\b"), Scanner(r"(?i)\b(?:idc|ilc)\b"), Scanner(r"\d")])
    assert (index.candidates("a 2 cm ILC"), index.candidates("nothing here")) == ([1, 2], [2])


@pytest.mark.parametrize("pattern, anchor, tail", [
    (r"(?i)^\s*(?:no|nope)\b", "text", None),        # at the text's start only
    (r"\Aab", "text", None),
    (r"(?m)^[ \t]*(?:\*|x)[ \t]*(\S[^\n]*)$", "line", None),  # at the text's start and after each line break
    (r"(?m)^\s*", None, None),                       # may be empty: plain finditer
    (r"^a|b", None, None),                           # only one branch anchored
    (r"(?i)\b\w*(?:idc|carcinoma)\w*\b", None, r"(?i)(?:idc|carcinoma)\w*\b"),  # at the start of a word that holds
    (r"\b\w*(?:-x|y)", None, None),                  # what follows may start at a non-word character
])
def test_scanner_anchors(pattern, anchor, tail):
    scanner = Scanner(pattern)
    assert scanner._anchor == anchor
    assert (scanner._tail.regex.pattern if scanner._tail else None) == tail
    texts = ["no\nno", " nope, x", "ab\nab", "a\n* one\n  x two\n*\nb", "", "\n", "IDCs idc xidcx carcinoma_1 IdC",
             "_idc-idc idcidc ab-x y", "nope\n\nno"] + random_texts(500)
    for text in texts + [t.replace("a", "idc ") for t in texts]:
        assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in scanner.regex.finditer(text)], text
