"""Text as the readers need it, with a map back to the text as it was given.

Channels deliver escaped, marked-up and dictated text: "&gt;2 cm", "<at>Bot</at>", "*3 cm*", "one point four
centimetre", "2½ cm", "1,5 cm". Each step below rewrites parts of the text and records, for every character of
the result, the range of the original it came from, so evidence can quote the message as the clinician wrote it.
Number words go through text2num's `alpha2digit` (a kept library); what it leaves on purpose ("two cm",
"two and a half", "three by two") is finished here.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterable, List, Sequence, Tuple

from text_to_num import alpha2digit

from bot.nlp import structured
from bot.nlp.bounds import bounds, signs
from bot.nlp.fastre import Scanner
from bot.reasons import Note

MAX_CHARS = 5000  # the channels refuse longer messages; longer texts (the CLI) are cut, and the cut is stated

Edit = structured.Edit  # replace text[start:end] by the string


@dataclass(frozen=True)
class Normalised:
    """`text` for the readers; `starts[i]`/`ends[i]` give the original character range of text[i]."""

    original: str
    text: str
    starts: Tuple[int, ...]
    ends: Tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "Normalised":
        return cls(text, text, tuple(range(len(text))), tuple(range(1, len(text) + 1)))

    def original_span(self, start: int, end: int) -> Tuple[int, int]:
        """Character range [start, end) of `text` -> the range of the original it was read from."""
        if not self.text or end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[min(end, len(self.text)) - 1]

    def apply(self, edits: Iterable[Edit]) -> "Normalised":
        """The text with non-overlapping edits made; replaced characters map to the whole range they replaced."""
        edits = sorted(e for e in edits if self.text[e[0]:e[1]] != e[2])
        if not edits:
            return self
        text: List[str] = []
        starts: List[int] = []
        ends: List[int] = []
        at = 0
        for start, end, new in edits:
            if start < at:
                continue  # overlapping edit: the first one wins
            text.append(self.text[at:start])
            starts.extend(self.starts[at:start])
            ends.extend(self.ends[at:start])
            o_start = self.starts[start] if start < len(self.text) else len(self.original)
            o_end = self.ends[end - 1] if end > start else o_start
            if end > start:  # a span across parts put in another order ("> 2 cm" read before its reply)
                o_start, o_end = min(self.starts[start:end]), max(self.ends[start:end])
            text.append(new)
            starts.extend([o_start] * len(new))
            ends.extend([o_end] * len(new))
            at = end
        text.append(self.text[at:])
        starts.extend(self.starts[at:])
        ends.extend(self.ends[at:])
        return Normalised(self.original, "".join(text), tuple(starts), tuple(ends))

    def reordered(self, parts: Sequence[Tuple[int, int]]) -> "Normalised":
        """The text's parts [start, end) in the order given, a blank line between two; each character keeps the
        original range it came from (a blank line maps to the start of the part after it)."""
        text: List[str] = []
        starts: List[int] = []
        ends: List[int] = []
        for start, end in parts:
            if text:
                at = self.starts[start] if start < len(self.starts) else len(self.original)
                text.append("\n\n")
                starts.extend((at, at))
                ends.extend((at, at))
            text.append(self.text[start:end])
            starts.extend(self.starts[start:end])
            ends.extend(self.ends[start:end])
        return Normalised(self.original, "".join(text), tuple(starts), tuple(ends))

    def sub(self, pattern: Scanner, repl: Callable[["re.Match[str]"], str]) -> "Normalised":
        edits = [(m.start(), m.end(), repl(m)) for m in pattern.finditer(self.text)]
        return self.apply(edits) if edits else self  # most patterns match nothing in most messages


# ---------------------------------------------------------------- channel escaping and markup

_ENTITY = Scanner(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_SLACK_LINK = Scanner(r"<(?:mailto:|https?://|tel:)[^|>\s]*\|([^>]*)>")
_SLACK_URL = Scanner(r"<((?:mailto:|https?://|tel:)[^|>\s]*)>")
_SLACK_REF = Scanner(r"<[@#!][A-Za-z0-9^]+(?:\|([^>]*))?>")
_TEAMS_MENTION = Scanner(r"<at\b[^>]*>[^<]*</at>", re.I)
_BLOCK_TAG = Scanner(r"</?(?:p|br|div|li|ul|ol|tr|h[1-6])\b[^>]*>", re.I)
_INLINE_TAG = Scanner(r"</?(?:span|b|i|u|em|strong|font|a|code|pre|s|strike|del|table|tbody|td|th)\b[^>]*>", re.I)
# Struck-out text is what its writer took back: Slack "~no palpable nodes~", Markdown "~~...~~", HTML <s>, <del>,
# <strike> (a lone "~2 cm" is "about").
_STRUCK = Scanner(r"(?<![\w~])(~~?)(?=\S)([^~\n]*?\S)\1(?![\w~])")
_STRUCK_TAG = Scanner(r"<(s|del|strike)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Slack/Markdown emphasis around words: "*bold*", "_italic_".
_EMPHASIS = Scanner(r"(?<![\w*_])(\*\*|__|[*_])(?=\S)([^*_\n]*?\S)\1(?![\w*_])")
_BULLET = Scanner(r"[•▪◦‣⁃]")
# " / " between pager-style fields separates statements, like a line break ("no LAD / new dx IDC").
_FIELD_SLASH = Scanner(r"(?<=\S) / (?=\S)")
# A chat tool's substitution "s/3 cm/1.3 cm/": a correction of the first by the second.
_SUBSTITUTION = Scanner(r"(?<![\w/])s/(?!p\b)([^/\n]{1,20})/([^/\n]{1,20})/(?=\s|$)")  # not "s/p" (status post)
# "lump(s)", "node(s)": the plural
_PLURAL = Scanner(r"(?<=[a-z])\(s\)", re.I)
# a template's field filled in between brackets ("breast cancer history: [none]", "PMH: [HTN, asthma]", "[3.3] cm"):
# the value (not a tick box, "[x] F [ ] M", nor a JSON list, '"dims_mm": [17, 26]')
_FILLED_FIELD = Scanner(r"(?<=:)(?<!\":)([ \t]*)\[([^\[\]\n]{2,60})\]"
                        r"|()\[(\d{1,3}(?:[.,]\d{1,2})?)\](?=\s*(?:cm|mm)\b)")
_ANSI = Scanner(r"\x1b\[[0-9;?]*[A-Za-z]")
# LaTeX from a case write-up ("size $\geq 2\,\mathrm{cm}$", "\item", "\textbf{man}"): the words inside a command,
# a line per item, section or table row, a space for a math space; "\geq", "\leq" are bounds.py's
_LATEX_WRAPPED = Scanner(r"\\(?:mathrm|mathbf|textbf|textit|textrm|texttt|emph|text|underline|section\*?"
                         r"|subsection\*?|paragraph)\{([^{}\n]*)\}")
_LATEX_BREAK = Scanner(r"\\(?:item\b|begin\{\w+\*?\}(?:\{[^{}\n]*\})?|end\{\w+\*?\}|hline\b)|\\\\")
_LATEX_SPACE = Scanner(r"\\[,;:! ]|(?<!\\)\$|\\times\b|(?<=\S)[ \t]&[ \t](?=\S)")
_LATEX = re.compile(r"\\(?:[a-z]+\*?\{|item\b|[gl]eq?\b)")
_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}
# Hyphens other than ASCII's, which NFKC leaves as they are ("64‑year‑old" typed with non-breaking hyphens).
_HYPHENS = frozenset("\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d")  # and the minus sign ("exam −ve")


_EMOJI_FIRST, _EMOJI_LAST = 0x1F300, 0x1FAFF  # Unicode's pictographs, emoticons and their supplements
_CARRIAGE_RETURN = Scanner(r"\r\n?")  # Windows line ends, HL7 v2's segment separator


# Text that went through JSON twice arrives with its escapes spelt out ("exam:\\nno palpable nodes"): a literal
# backslash-n glued to the next word would turn "no" into "nno" and lose the negation.
_LITERAL_ESCAPE = Scanner(r'\\(?:r\\n|[nrt"/])(?<!\\t(?=ext|imes))(?<!\\n(?=oindent|ewline))')  # not LaTeX's \textbf
_ESCAPED = {"\\n": "\n", "\\r": "\n", "\\t": "\t", '\\"': '"', "\\/": "/"}


def _unescape(norm: Normalised) -> Normalised:
    norm = norm.sub(_LITERAL_ESCAPE, lambda m: _ESCAPED.get(m.group(), "\n"))
    norm = norm.sub(_CARRIAGE_RETURN, lambda m: "\n")
    for _ in range(2):  # "&amp;gt;" is an escaped "&gt;"
        norm = norm.sub(_ENTITY, lambda m: html.unescape(m.group()))
    return norm


# An e-mail thread: a reply above the earlier messages it quotes ("On Tue ... wrote:" and the "> " lines under it,
# ">> " for the message before that; or Outlook's "-----Original Message-----" and the text under it).
_QUOTE_HEADER = Scanner(r"(?im)^[^\n]*\bwrote:[ \t]*$")
_ORIGINAL_MESSAGE = Scanner(r"(?im)^[ \t>]*-{2,}[ \t]*(?:original message|forwarded message)[ \t]*-{2,}[ \t]*$")
_QUOTE_MARK = Scanner(r"(?m)^[ \t]*(?:>[ \t]?)+")
# A message's header lines: who sent it to whom and when (not the patient's story; its dates no timeline), and
# its subject, the thread's topic, read first.
_MAIL_HEADER = Scanner(r"(?im)^[ \t>]*(?:from|sent|to|cc|bcc|date)[ \t]*:[^\n]*$")
_SUBJECT = re.compile(r"(?i)^[ \t>]*subject[ \t]*:")
_FIRST = 1 << 10  # the depth that sorts a subject line before every message
# A line quoted ("> " then words, or ">>"): a thread even without its header ("> 2 cm" is a comparison).
_QUOTED_LINES = re.compile(r"(?m)^[ \t]*>(?:[ \t]*>|[ \t]+[^\d\s])")
# A JSON list of dimensions under a key that names the unit ("size_mm": [24, 19, 15]): one measurement,
# "24 x 19 x 15 mm"
_JSON_DIMENSIONS = Scanner(r'(?i)"([A-Za-z][\w ]*?)[_ ]?(mm|cm)"(\s*:\s*)'
                           r'\[\s*(\d+(?:\.\d+)?(?:\s*,\s*\d+(?:\.\d+)?){0,2})\s*\]')
# Form payloads pasted as JSON: {"pt_age":63,"axilla_exam":"no palpable adenopathy"} -> one field per line.
_JSON_KEY = Scanner(r'[{,]?\s*"([A-Za-z][\w ]*)"\s*:\s*"?')
# What is left of the JSON around a value once its keys are labels: a closing quote, an opening bracket.
_JSON_LEFT = Scanner(r'"(?=\s*[,;}\]])|[\[{](?=\s*[,;])')
_JSON_END = Scanner(r'"?\s*[}\]]+\s*(?=;?\s*(?:\n|$))|"(?=;?\s*(?:\n|$))')
# Rows pasted as CSV ("size_mm,26" / "axilla exam,negative"): when most lines are "key,value", each is a field.
_CSV_ROW = Scanner(r"(?m)^([A-Za-z][\w /()'-]{0,40}),(?=\S)")
# A CSV export: a header line of at least three field names, then rows of as many values ("id,age,sex,side" /
# "8820,61,F,left"): each value labelled with its field, a row one statement, as a nested JSON object is read.
_DELIMITERS = ("\t", ";", ",")  # tab- and semicolon-separated exports too (the latter with decimal commas)


def _header_line(lead: str, delimiter: str, gap: str) -> str:
    """A line of three field names or more between `delimiter`s (`gap`: the space allowed after each)."""
    name = r"[A-Za-z][\w /()'-]{0,40}"
    return rf"^{lead}{name}(?:{delimiter}{gap}{name}){{2,}}[ \t]*$"


_CSV_HEADER = Scanner("(?m)" + "|".join((_header_line(r"[ \t]*", ",", r"[ \t]*"), _header_line("", ";", r"[ \t]*"),
                                          _header_line("", r"\t", ""))))


_SIDE_KEYS = frozenset({"side", "laterality", "breast"})
_PERSON_KEYS = frozenset({"age", "patient", "pt", "name", "mrn", "id", "bed", "sex", "dob", "initials", "case"})
# a first column that names what each row measures ("| Structure | Size | Cortex |", "item<TAB>site<TAB>long axis"):
# rows of one patient's findings
_ITEM_KEYS = frozenset({"structure", "item", "lesion", "finding", "findings", "node", "nodes", "mass", "site",
                        "location", "level", "region", "target", "measurement", "parameter", "feature", "study"})


def _csv_edits(text: str) -> List[Edit]:
    """Edits that label each value of a CSV row under a header line ('field: value, field: value'), and blank the
    header."""
    edits: List[Edit] = []
    for header in _CSV_HEADER.finditer(text):
        delimiter = next(d for d in _DELIMITERS if d in header.group().strip())
        keys = [_CAMEL.sub(" ", k.strip()).replace("_", " ") for k in header.group().strip().split(delimiter)]
        rows = []
        at = header.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            starts = [at] + [i + 1 for i in range(at, end) if text[i] == delimiter]
            if end <= at or len(starts) != len(keys):
                break
            rows.append(starts)
            at = end + 1
        if not rows:
            continue
        edits.append((header.start(), header.end(), " "))
        # rows by side or by finding, with nothing that tells people apart, are one patient's breasts or findings
        # ("side | size | axilla", "structure | size | cortex")
        columns = {k.strip().lower() for k in keys}
        one_patient = bool(columns & _SIDE_KEYS | {keys[0].strip().lower()} & _ITEM_KEYS) and not columns & _PERSON_KEYS
        for n, starts in enumerate(rows, 1):
            # rows of several patients are labelled as such: one patient per case
            label = "" if len(rows) == 1 or one_patient else f"patient {n}: "
            # an empty cell is a value not known ("52,F,,none")
            empty = ["unknown" if text[start:start + 1] in (delimiter, "\n", "") else "" for start in starts]
            edits.append((starts[0], starts[0], f"{label}{keys[0]}: {empty[0]}"))
            edits += [(start - 1, start, f", {key}: {blank}")
                      for key, start, blank in zip(keys[1:], starts[1:], empty[1:])]
    return edits


# A field that states a negative answered "no" ("No palpable nodes: false", "cN0: no", "Node negative: no"): a double
# negative, which this reads as not known rather than guess which way it points.
_NEGATIVE_FIELD = Scanner(r"(?im)(?:^|(?<=[,;\n]))([^\n:,;]{0,40}?\b(?:no|negative|neg|c?N0|clear|free)\b"
                          r"[^\n:,;]{0,30}?:[ \t]*)(?:no|false|n|0)\b(?=[ \t]*(?:[,;.|\n]|$))")
# A field written with "=" or one bar ("Palpable node = no", "Size | 2.5 cm"): a field as a colon writes it.
_PIPE_FIELD = Scanner(r"(?m)^([A-Za-z][^|:\n]{0,40}?)[ \t]*\|[ \t]*(?=[^|:\n]+$)")
# A field left empty on its form ("Palpable node:" above "Treatment: none"): not known.
_EMPTY_FIELD = Scanner(r"(?m)^([A-Za-z][^:\n]{0,40}:)[ \t]*(?=\n[ \t]*[A-Za-z][^:\n]{0,40}:)")
_EQUALS_FIELD = Scanner(r"(?<=[A-Za-z)])[ \t]*=[ \t]*(?=[A-Za-z0-9?<>-])")
# A unit named by its field ("size_mm: 26", "Size (mm): 26", "tumour size, largest (mm): 34"): the number is in
# that unit.
_UNIT_FIELD = Scanner(r"(?im)\b(size|diameter|dimension)\b[^:\n()]{0,30}?[\s_(]+(mm|cm)\)?\s*:\s*(\d+(?:[.,]\d+)?)"
                      r"(?![\d.]|,\d|\s*(?:mm|cm))")  # the whole number: "1.4 cm" is not "1" before ".4 cm"
# ... or the last word of a field's name ("tumor at dx cm: 5.5", "primary mm: 34", as JSON and CSV keys come out)
_UNIT_KEY = Scanner(r"(?im)(?:^|(?<=[\n;,|]))([ \t]*[A-Za-z][A-Za-z ]{0,30}?)[ \t]+(mm|cm)[ \t]*:[ \t]*"
                    r"(\d+(?:[.,]\d+)?)(?![\d.]|,\d|\s*(?:mm|cm))")


def _unit_field(m: "re.Match[str]") -> str:
    """A decimal comma only in centimetres ("size cm: 3,1"); "size (mm): 1,8" may be 18 mm: left as written."""
    if "," in m.group(3) and m.group(2).lower() == "mm":
        return m.group()
    return f"{m.group(1)}: {m.group(3)} {m.group(2)}"


# A full stop typed without its space ("x2wks.no hx"), or a comma after a number ("she's 37,never had"): two
# words, not one.
_GLUED_STOP = Scanner(r"(?<=[A-Za-z]{2})\.(?=[A-Za-z]{2})|(?<=\d),(?=[A-Za-z]{2})")
# Symbols that stand for words in shorthand notes.
_SYMBOLS = Scanner(r"[♀♂]|(?<!\w)[Ø∅](?!\w)")
_SYMBOL_WORDS = {"♀": " female ", "♂": " male ", "Ø": " no ", "∅": " no "}
# the empty-set sign after what it denies ("palpable nodes Ø"): "absent", which reads back
_TRAILING_NONE = Scanner(r"(?<=\w)[ \t]*[Ø∅](?=[ \t]*(?:[.,;)\n]|$))")
# A typographic dash between numbers ("1.8–2.4 cm", "3—4 mm") is the hyphen of a range.
_NUMBER_DASH = Scanner(r"(?<=\d)\s*[\u2012\u2013\u2014\u2212]\s*(?=\d)")
# A plus between words joins two treatments ("lumpectomy+RT"): two words, as "lumpectomy + RT".
# A node placed by the collarbone in plain words ("a lump above the right collarbone"): the supraclavicular or
# infraclavicular region, as the readers know it (cN3 beside a breast cancer)
_COLLARBONE = Scanner(r"(?i)\b(above|over|below|under|beneath)\s+(?:the\s+|her\s+|his\s+|my\s+)?"
                      r"(?:(left|right|l|r|lt|rt)\s+)?(?:collar[\s-]?bones?|clavicles?)\b")


def _collarbone(m: "re.Match[str]") -> str:
    place = "supraclavicular" if m.group(1).lower() in ("above", "over") else "infraclavicular"
    return f"{m.group(2) + ' ' if m.group(2) else ''}{place}"


_WORD_PLUS = Scanner(r"(?<=[A-Za-z]{3})\+(?=[A-Za-z]{2})")
# a minus sign glued to a finding as its denial ("-LAD on exam", "-ve"'s sibling): "no LAD"
_MINUS_FINDING = Scanner(r"(?<![\w.+-])-(?=(?:LAD|lad|LNs?|lns?|lymphadenopathy|adenopathy|nodes?|axillary\s+nodes?)"
                         r"\b)")
# "ax." before a node: axillary ("palpable ax. LN"), not a full stop
_AX_DOT = Scanner(r"(?i)\bax\.(?=\s*(?:LNs?|nodes?|lymph|LAD|adenopathy)\b)")
# A node's sign in brackets or after a space ("LN(+)", "LN (-)", "axillary adenopathy +"): the sign as a word
# (not a "+" that joins: "adenopathy + skin changes")
_NODE_SIGN = Scanner(r"(?i)\b(LNs?|LAD|nodes?|(?:lymph)?adenopathy)(?:\s*\(\s*([+-])\s*\)|\s*(\+)"
                     r"(?=\s*(?:[,;.:)\n]|$)|\s+(?:on|at|by|per|clinically)\b))")
# AJCC's N0(i+) and N0(mol+): isolated tumour cells or molecular findings only, still N0 (the "+" is no node)
_N0_QUALIFIER = Scanner(r"(?i)(?<=\bN0)\s*\(\s*(?:i|mol)\s*[+-]\s*\)|(?<=\b[cpy]N0)\s*\(\s*(?:i|mol)\s*[+-]\s*\)"
                        r"|(?<=\bypN0)\s*\(\s*(?:i|mol)\s*[+-]\s*\)")
# A distance glued to its landmark ("8 cmFN": 8 cm from the nipple): the unit and the landmark, two words.
_GLUED_FN = Scanner(r"(?i)(?<=\d)\s?(cm)(fn)\b")
# A unit glued to what follows it ("1.8cm(US)/2.5cm(MRI)"): two measurements, each with its study.
_GLUED_UNIT_HINT = re.compile(r"(?i)[cm]m[(\[/]|\)/\d")  # what a glued unit needs: looked for first
_GLUED_UNIT = Scanner(r"(?i)(?<=\d)(cm|mm)(?=[(\[/])|(?<=\))/(?=\d)")
# "ca." before a number is circa ("Knoten, ca. 1,5 cm"), not the shorthand for cancer ("breast ca. 2 cm" stays).
_CIRCA = Scanner(r"(?i)(?<!breast\s)(?<!\bbr\s)\bca\.(?=\s?\d)|(?<=[\[(\s])\?(?=\d+(?:[.,]\d+)?\s?(?:cm|mm)\b)")


# A JSON value true, false or null says yes, no or nothing of its key ("palpable_node": false is no palpable node).
_JSON_BOOL = Scanner(r'("[A-Za-z][\w ]*"\s*:\s*)(true|false|null)\b')
_JSON_WORD = {"true": "yes", "false": "no", "null": "not stated"}
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_OBJECT_KEY = re.compile(r'"([A-Za-z][\w ]*)"\s*:\s*[{\[]')


def _parents(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, key) of each nested JSON object's or array's span, by bracket depth ("neoadjuvantTherapy":
    {...}, "imaging": [{...}])."""
    spans = []
    for found in _OBJECT_KEY.finditer(text):
        depth, at = 0, found.end() - 1
        for at in range(found.end() - 1, len(text)):
            depth += {"{": 1, "[": 1, "}": -1, "]": -1}.get(text[at], 0)
            if depth == 0:
                break
        spans.append((found.end(), at, found.group(1)))
    return spans


def _json_key(m: "re.Match[str]", parents: List[Tuple[int, int, str]]) -> str:
    """A key as a field label, its object's key before it ("status" in "neoadjuvantTherapy": {...} is
    "neoadjuvant Therapy status:"), camelCase and snake_case split into words."""
    owner = [key for start, end, key in parents if start <= m.end() - 1 < end]
    words = _CAMEL.sub(" ", " ".join(owner[-1:] + [m.group(1)])).replace("_", " ") + ": "
    # a nested object's fields are one statement ("imaging: kind: MRI, ..., axilla: no nodes"); a top-level field
    # ends its line (";": not a line a narrow column wrapped)
    return ", " + words if owner else ";\n" + words


# An interview's question and its answer ("Q: Any cancer history?\nA: None."): one field, "Any cancer history:
# None.", so the answer is read about what was asked
_QA_PAIR = Scanner(r"(?im)^[ \t]*(?:Q|Question)[ \t]*[:.)-][ \t]*([^\n]*?)[ \t]*\?*[ \t]*\n"
                   r"[ \t]*(?:A|Answer)[ \t]*[:.)-]")


# A call's or a visit's transcript: one speaker's question, the next speaker's answer on the line below or after it
# ("Dr: Nodes at baseline?" / "RN: Never anything palpable", "Nurse: any cancer before? Caller: no, never"), read as
# the question's field.
_SPEAKER = (r"(?:(?:Triage|Clinic|Ward|Practice|Breast|Charge)[ \t])?"
            r"(?:Dr\.?|Doctor|RN|Nurse|NP|PA|Pt|Patient|Interpreter|Caller|Surgeon|Radiologist|Oncologist|Registrar|"
            r"Resident|Fellow|GP|Clinician|Navigator|Coordinator|Consultant|Me|Daughter|Son|Husband|Wife|Partner|"
            r"Mother|Mum|Mom|Sister|Relative|Family|Carer|Caregiver|Friend|Sonographer|Tech)(?:[ \t][A-Z][\w'’-]*)?")
_TURN_PAIR = Scanner(rf"(?m)(?:^|(?<=[.!])[ \t])[ \t]*{_SPEAKER}[ \t]*:[ \t]*((?:(?!\b{_SPEAKER}[ \t]*:)[^\n?])*?)"
                     rf"[ \t]*\?+[ \t]*\n?[ \t]*{_SPEAKER}[ \t]*:")


def _qa_field(m: "re.Match[str]") -> List[Edit]:
    """The "Q:" and the line break to "A:" become a field's colon; the question's words stay where they are."""
    return [(m.start(), m.start(1), " "), (m.end(1), m.end(), ":")]


# A coded answer after its legend, as research and registry forms give them ("Palpable node (1=yes, 2=no,
# 9=unknown): 2", "max dimension (mm; 999=missing): 24"): the answer's own words, or the number in the legend's unit;
# a question answered "no" is said as its denial ("no Palpable node"), which reads past the commas of its wording
_CODED = Scanner(r"(?m)^([ \t]*(?:Q\d{1,3}[.):]?[ \t]+)?)([^\n(:]*?)[ \t]*\(([^()\n]*?\b\d{1,3}[ \t]*=[^()\n]*)\)"
                 r"[ \t]*:[ \t]*(\d{1,3})\b(?![.,]\d)")
_LEGEND_ITEM = re.compile(r"^\s*(\d{1,3})\s*=\s*(.*?)\s*$")
_DENIALS = frozenset({"no", "none", "none seen", "absent", "negative", "not present", "not seen"})


def _coded_answer(m: "re.Match[str]") -> str:
    number, question = m.group(1), m.group(2)
    codes, units = {}, []
    for item in re.split(r"[,;]", m.group(3)):
        found = _LEGEND_ITEM.match(item)
        if found:
            codes[int(found.group(1))] = found.group(2)
        elif item.strip():
            units.append(item.strip())
    answer = int(m.group(4))
    if answer not in codes:
        return number + question + (f" ({', '.join(units)})" if units else "") + ": " + m.group(4)
    if codes[answer].lower() in _DENIALS:
        return f"{number}no {question.replace(',', '')}."
    return f"{number}{question}: {codes[answer]}"


# A log line of key=value pairs ("ts=... pt_age=72 dx=\"new IDC\" size_mm=20 axilla_exam=\"negative\""): a field per
# pair, each its own statement, as a form's lines are.
_LOGFMT_LINE = Scanner(r'(?m)^(?:[^\n="]*[ \t])?(?:[ \t]*[A-Za-z_][\w.-]*=(?:"[^"\n]*"|\'[^\'\n]*\'|[^\s"\']+)){3,}'
                       r'[ \t]*$')
# ... a URL's query ("...?age=41&sex=F&dx=new_IDC_R"): a pair after each "?" or "&" a field of its own
_QUERY_PAIR = Scanner(r"(?<=\S)[?&](?=[A-Za-z_][\w.-]{0,30}=[^\s&=]+(?:&|\s|$))")
# ... and a command's options ("--side L --size-at-dx 4.6cm --node 'US-core positive'"): each a field
_OPTION = Scanner(r"(?<![\w-])--([A-Za-z][\w-]{0,30})[ \t=]+('[^'\n]*'|\"[^\"\n]*\"|[^\s'\"-][^\s]*)")
_LOGFMT_PAIR = re.compile(r'([A-Za-z_][\w.-]*)=(?:"([^"\n]*)"|\'([^\'\n]*)\'|([^\s"\']+))')


def _logfmt_fields(line: "re.Match[str]") -> str:
    return "\n".join(structured.field_line(m.group(1), next(v for v in m.groups()[1:] if v is not None))
                     for m in _LOGFMT_PAIR.finditer(line.group()))


# A pathology report's specimen and its diagnosis on lines of their own ("Specimen: L axillary node, FNA" /
# "Diagnosis: metastatic carcinoma"; HL7 OBX pairs come out so): one statement, the diagnosis the specimen's.
_SPECIMEN = Scanner(r"(?im)^[ \t]*(?:specimens?|samples?|site|source)(?:\s*\(s\))?[ \t]*:[ \t]*([^\n]*?)[ \t.]*\n"
                    r"[ \t]*(?:final\s+|cytolog\w*\s+|patholog\w*\s+)?(?:diagnosis|dx|results?|interpretation|cytology|"
                    r"histology|conclusion)[ \t]*:")


def _specimen_edits(text: str) -> List[Edit]:
    return [edit for m in _SPECIMEN.finditer(text) if m.group(1).strip()
            for edit in ((m.start(), m.start(1), ""), (m.end(1), m.end(), ": "))]


def _quoted(norm: Normalised) -> Normalised:
    """An e-mail thread read in the order it was written: each earlier message, the oldest first, then the reply
    above them, which adds to them or corrects them ("Correction - there's a lump on the right as well"). A reply
    written between the quoted lines, or under them, is read where it stands, next to what it answers."""
    norm = norm.sub(_QUOTE_HEADER, lambda m: " ")
    norm = norm.sub(_MAIL_HEADER, lambda m: " " * len(m.group()))
    text = norm.text
    depth_below = 0
    lines = []  # (start, end, depth) of each line
    at = 0
    for line in text.splitlines(keepends=True):
        mark = _QUOTE_MARK.regex.match(line)
        depth = _FIRST if _SUBJECT.match(line) else depth_below + (mark.group().count(">") if mark else 0)
        if _ORIGINAL_MESSAGE.regex.match(line):
            depth_below = depth + 1  # what follows Outlook's divider is the earlier message
        lines.append((at, at + len(line), depth))
        at += len(line)
    quoted = [i for i, (_, _, depth) in enumerate(lines) if depth and depth != _FIRST]
    own = [i for i, (s, e, depth) in enumerate(lines) if not depth and text[s:e].strip()]
    norm = norm.sub(_QUOTE_MARK, lambda m: " " * len(m.group()))
    norm = norm.sub(_ORIGINAL_MESSAGE, lambda m: " " * len(m.group()))
    if not quoted or not own or max(own) > min(quoted):
        return norm  # nothing quoted, no reply, or a reply below or between the quoted lines: as written
    blocks: List[Tuple[int, int, int]] = []  # (start, end, depth) of each message: its lines of one depth in a row
    for start, end, depth in lines:
        if blocks and blocks[-1][2] == depth:
            blocks[-1] = (blocks[-1][0], end, depth)
        else:
            blocks.append((start, end, depth))
    # the deepest (oldest) first; stable within one depth
    return norm.reordered([(s, e) for s, e, _ in sorted(blocks, key=lambda b: -b[2]) if norm.text[s:e].strip()])


def _json_dimensions(m: "re.Match[str]") -> str:
    dimensions = " x ".join(re.split(r"[ ,]+", m.group(4)))
    return f'"{m.group(1)}"{m.group(3)}"{dimensions} {m.group(2).lower()}"'


# a field whose value is ditto marks ("L axilla:  "   "   "" under "R axilla: 2 cm firm lump, not imaged", or "do.",
# "ditto"): the value of the field on the line above
_DITTO_FIELD = Scanner(r'(?m)^[ \t]*[^:\n]{1,30}:[ \t]*(\S[^\n]*)\n[ \t]*[^:\n"]{1,30}:'
                       r'((?:[ \t]*(?:["”″〃]|ditto\b|do\.))+)[ \t]*$')


def _layout(norm: Normalised) -> Normalised:
    """Coded form answers, quoted e-mail replies, JSON form payloads, interviews, glued full stops and
    shorthand symbols."""
    norm = norm.sub(_CODED, _coded_answer)
    pairs = [edit for pair in (_QA_PAIR, _TURN_PAIR) for m in pair.finditer(norm.text) for edit in _qa_field(m)]
    norm = norm.apply(pairs) if pairs else norm
    if _QUOTE_HEADER.search(norm.text) or _ORIGINAL_MESSAGE.search(norm.text) \
            or _QUOTED_LINES.search(norm.text):
        norm = _quoted(norm)
    norm = norm.apply(_specimen_edits(norm.text))
    if '":' in norm.text or '" :' in norm.text:
        norm = norm.sub(_JSON_DIMENSIONS, _json_dimensions)
        norm = norm.sub(_JSON_BOOL, lambda m: f'{m.group(1)}"{_JSON_WORD[m.group(2)]}"')
        parents = _parents(norm.text)
        norm = norm.sub(_JSON_KEY, lambda m: _json_key(m, parents))
        norm = norm.sub(_JSON_LEFT, lambda m: " ")
        norm = norm.sub(_JSON_END, lambda m: " ")
    if any(d in norm.text for d in _DELIMITERS):
        norm = norm.apply(_csv_edits(norm.text))
    lines = [line for line in norm.text.splitlines() if line.strip()]
    if len(lines) >= 3 and sum(1 for _ in _CSV_ROW.finditer(norm.text)) * 2 > len(lines):
        norm = norm.sub(_CSV_ROW, lambda m: m.group(1).replace("_", " ") + ": ")
    norm = norm.sub(_EQUALS_FIELD, lambda m: ": ")
    norm = norm.sub(_PIPE_FIELD, lambda m: m.group(1) + ": ")
    norm = norm.sub(_EMPTY_FIELD, lambda m: m.group(1) + " unknown")
    if ":" in norm.text:
        norm = norm.sub(_NEGATIVE_FIELD, lambda m: m.group(1) + "unknown")
        dittos = [(m.start(2), m.end(2), " " + m.group(1)) for m in _DITTO_FIELD.finditer(norm.text)]
        norm = norm.apply(dittos) if dittos else norm
    norm = norm.sub(_UNIT_FIELD, _unit_field)
    norm = norm.sub(_UNIT_KEY, _unit_field)
    norm = norm.sub(_GLUED_STOP, lambda m: m.group() + " ")
    norm = norm.sub(_NUMBER_DASH, lambda m: " - ")
    norm = norm.sub(_CIRCA, lambda m: "about " if m.group() == "?" else "about")  # "ca. 2 cm"; "[?1cm]", queried
    norm = norm.sub(_WORD_PLUS, lambda m: " + ")
    norm = norm.sub(_MINUS_FINDING, lambda m: "no ")
    norm = norm.sub(_AX_DOT, lambda m: "axillary")
    norm = norm.sub(_N0_QUALIFIER, lambda m: " ")
    norm = norm.sub(_NODE_SIGN, lambda m: m.group(1) + (" negative" if m.group(2) == "-" else " positive"))
    norm = norm.sub(_COLLARBONE, _collarbone)
    norm = norm.sub(_GLUED_FN, lambda m: f" {m.group(1)} {m.group(2)}")
    if _GLUED_UNIT_HINT.search(norm.text):
        norm = norm.sub(_GLUED_UNIT, lambda m: f"{m.group(1)} " if m.group(1) else " / ")
    norm = norm.sub(_TRAILING_NONE, lambda m: " absent")
    return norm.sub(_SYMBOLS, lambda m: _SYMBOL_WORDS[m.group()])


# A snake_case key ("size_mm=25", "axilla_exam=negative"): its words ("_emphasis_" is read before this)
_SNAKE = Scanner(r"(?<=[A-Za-z])_(?=[A-Za-z])")


def _markup(norm: Normalised) -> Normalised:
    norm = norm.sub(_TEAMS_MENTION, lambda m: " ")
    norm = norm.sub(_SLACK_LINK, lambda m: m.group(1))
    norm = norm.sub(_SLACK_URL, lambda m: m.group(1))
    norm = norm.sub(_SLACK_REF, lambda m: m.group(1) or " ")
    norm = norm.sub(_BLOCK_TAG, lambda m: "\n")
    norm = norm.sub(_STRUCK_TAG, lambda m: " ")
    norm = norm.sub(_INLINE_TAG, lambda m: " ")
    norm = norm.sub(_STRUCK, lambda m: " ")
    norm = norm.sub(_EMPHASIS, lambda m: m.group(2))
    norm = norm.sub(_SNAKE, lambda m: " ")
    norm = norm.sub(_SUBSTITUTION, lambda m: f"{m.group(1)}, correction: {m.group(2)}")
    norm = norm.sub(_FIELD_SLASH, lambda m: " ; ")
    norm = norm.sub(_PLURAL, lambda m: "s")
    norm = norm.sub(_FILLED_FIELD, lambda m: (m.group(1) or "") + (m.group(2) or m.group(4)))
    if _LATEX.search(norm.text):
        norm = norm.sub(_LATEX_WRAPPED, lambda m: m.group(1)).sub(_LATEX_BREAK, lambda m: "\n")
        norm = norm.sub(_LATEX_SPACE, lambda m: " x " if m.group().startswith("\\t") else " ")
    return norm.sub(_BULLET, lambda m: "\n")


# Dictated punctuation ("comma", "period", "full stop", "new line") and templated notes' check boxes.
# A dictated mark is a word of its own, and a message is dictated when it has two of them or more: "colon cancer",
# "her last period" in a typed note are words.
_SPOKEN = Scanner(r"(?i)(?<=\w)\s+(comma|period|full\s+stop|semicolon|colon|new\s+(?:line|paragraph)|next\s+line)\b"
                  r"(?=\s|$)(?!\s+(?:cancer|carcinoma|ca|adenocarcinoma|polyps?|resection|tumou?r|mass|of)\b)")
_TELEGRAM_STOP = Scanner(r"(?<=\S) STOP\b")  # "NO CA HX STOP WHAT IMAGING STOP"
_SPOKEN_MARK = {"comma": ",", "period": ".", "semicolon": ";", "colon": ":"}
_CHECKED = Scanner(r"\[\s*[xX✓✔☑]\s*\]|☑|☒")
# A box marked "?" holds an option in doubt ("[?] histologically confirmed carcinoma"): possible, not stated
_QUERIED = Scanner(r"\[\s*\?\s*\]")
# An unchecked option states nothing: it is dropped up to the next box, field, sentence or line ("[ ] completed.
# 51F new R IDC": the sentence after it is the message's), and always its first word ("[ ] Male     Age: 55").
_UNCHECKED = Scanner(r"(?:\[\s\]|☐)(?:[ \t]*[^\s\[|\n☐☑☒:]+)?"
                     r"(?:(?!\s{3}|\s+[A-Z][a-z][\w /]{0,30}:|[.;](?:\s|$))[^\[|\n☐☑☒])*")
# A form line whose boxes follow their options ("Palpable LN: yes [ ] no [X]", "N1 ☐ N0 ☒", "yes □ no ■"): it ends
# with a box. Each option is the text before its box, back to the box before it or the field's colon.
_BOX = Scanner(r"\[\s*[xX✓✔☑]?\s*\]|[☐☑☒□■]")
_BOX_AFTER_LINE = Scanner(r"(?m)^[^\n]*\S[^\n]*?(?:\[\s*[xX✓✔☑]?\s*\]|[☐☑☒□■])[ \t]*$")
_TICKED = re.compile(r"\[\s*[xX✓✔☑]\s*\]|[☑☒■]")
_YES_NO_OPTION = re.compile(r"(?i)\b(?:yes|no|y|n|ja|nein|oui|non|s[ií])$")


def _options_before_boxes(line: "re.Match[str]") -> List[Edit]:
    """Edits that keep only the ticked options of a form line whose boxes follow them; [] when the boxes lead."""
    text = line.group()
    boxes = list(_BOX.finditer(text))
    at = max(text.rfind(mark, 0, boxes[0].start()) for mark in ":?,;.") + 1
    if not text[at:boxes[0].start()].strip():
        return []  # "Exam: [ ] palpable [x] no palpable": the boxes come first (_UNCHECKED, _CHECKED)
    edits = []
    colon = ":" if text[at - 1:at] not in (":", "?") else ""
    for box in boxes:
        option = text[at:box.start()].strip()
        answer = _YES_NO_OPTION.search(option)
        if answer:  # "node palpable yes ☐ no ☒": the words before the answer ask it, as a field does
            at += text[at:box.start()].rfind(answer.group())
            option = colon + " " + answer.group()
        ticked = _TICKED.fullmatch(box.group())
        edits.append((line.start() + at, line.start() + box.end(), f" {option}." if ticked and option else " "))
        at = box.end()
    return edits


def _boxes_after(norm: Normalised) -> Normalised:
    edits = [e for line in _BOX_AFTER_LINE.finditer(norm.text) for e in _options_before_boxes(line)]
    return norm.apply(edits) if edits else norm


# Dictated categories and letters: "c T two" -> "cT2", "c t of the chest" -> "CT".
# words only ("Pt 2" is patient 2); not a regimen's T before a time ("AC-T two weeks ago"), nor a unit ("a 1.5 cm one")
# ("T-one-c N-zero": written out with hyphens, the subcategory too)
_SPOKEN_TNM = Scanner(r"(?i)(?<![-/])(?<!\d)(?<!\d\s)\b(?:([cpy])\s?)?([tnm])(?:\s+|-)(zero|one|two|three|four)"
                      r"(?:-([a-d]))?\b"
                      r"(?!\s+(?:weeks?|days?|months?|years?|cycles?|times|more)\b)")
# T and N categories with a space before their digits ("T 2 N 0"): the categories
_SPACED_TN = Scanner(r"\b([cpy]?T)[ \t]([0-4][a-d]?)[ \t]+([cpy]?N)[ \t]([0-3][a-c]?)\b")
_TNM_DIGITS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4"}
# ("M R I", "P E T", "I D C", "D C I S", "S L N B" anywhere: spelled letters are no words; "c t" and "u s" only
# before what a study does)
# ("I DC" as speech recognition splits it, in capitals: not "I dc'd her")
_SPELLED = Scanner(r"(?i)\b(m\s+r\s+i|p\s+e\s+t|i\s+[dl]\s+c|(?-i:I\s+[DL]C|I[DL]\s+C)|d\s+c\s+i\s+s|s\s+l\s+n\s+b"
                   r"|a\s+l\s+n\s+d)\b"
                   r"|\b(c\s+t|u\s+s)\b"
                   r"(?=\s+(?:of|scan|showed|shows|demonstrated|chest|guided))")


# Pasted tables: a row "| R axilla | core bx: metastatic |" is one statement ("R axilla: core bx: metastatic").
_TABLE_RULE = Scanner(r"(?m)^[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*$")
_TABLE_ROW = Scanner(r"(?m)^[ \t]*\|(.*)\|[ \t]*$")


def _table_row(m: "re.Match[str]") -> List[Edit]:
    """The row's bars as punctuation, the cells untouched (so evidence quotes the cell, not the row)."""
    text = m.string
    bars = [i for i in range(m.start(), m.end()) if text[i] == "|"]
    edits = [(bars[0], bars[0] + 1, " "), (bars[-1], bars[-1] + 1, " ")]
    for k, bar in enumerate(bars[1:-1]):
        start = bar
        while start > bars[0] + 1 and text[start - 1] in " \t":
            start -= 1  # "Age | 38" -> "Age: 38", as a field is written
        edits.append((start, bar + 1, ": " if k == 0 else "; "))
    return edits


# A table of three columns or more under a header row and its rule ("| age | size | node |" / "|---|---|---|"):
# rows of fields, as CSV is (see _csv_edits).
_WIDE_TABLE = Scanner(r"(?m)^[ \t]*\|(?:[^|\n]*\|){3,}[ \t]*\n([ \t]*\|?[ \t:]*-{3,}[-|: \t]*\n)"
                      r"(?:[ \t]*\|[^\n]*\|[ \t]*(?:\n|$))+"
                      # or a header of words alone, without its rule line ("| size | nodes | treatment |")
                      r"|^[ \t]*\|(?:[ \t]*[A-Za-z][A-Za-z /()'-]{0,30}\|){3,}[ \t]*\n()"
                      r"(?:[ \t]*\|[^\n]*\|[ \t]*(?:\n|$))+")


def _wide_table(m: "re.Match[str]") -> List[Edit]:
    """Edits that make a wide table CSV: its rule line gone, each row's outer bars blank and inner bars commas."""
    rule = 1 if m.group(1) is not None else 2
    edits: List[Edit] = [(m.start(rule), m.end(rule), "")]
    for row in re.finditer(r"[^\n]+", m.group()):
        if row.start() + m.start() == m.start(rule) and m.end(rule) > m.start(rule):
            continue
        bars = [m.start() + row.start() + i for i, ch in enumerate(row.group()) if ch == "|"]
        edits += [(bar, bar + 1, "" if bar in (bars[0], bars[-1]) else ",") for bar in bars]
    return sorted(edits)


def _tables(norm: Normalised) -> Normalised:
    if "|" not in norm.text:
        return norm
    norm = norm.apply(edit for table in _WIDE_TABLE.finditer(norm.text) for edit in _wide_table(table))
    norm = norm.sub(_TABLE_RULE, lambda m: " ")
    return norm.apply(edit for row in _TABLE_ROW.finditer(norm.text) for edit in _table_row(row))


# Speech: fillers with the commas around them ("lumps in, um, both armpits") and words said twice ("new, new
# cancer"), which would otherwise split one statement in two.
# "er" only in lower case or capitalised: "ER" is the oestrogen receptor ("ER negative")
_FILLER = Scanner(r"(?:,\s*)?\b(?:(?i:u+h+|u+m+|uhm|hmm+|you\s+know)|[Ee]rm?)\b(?:\s*,)?|(?i:,\s*like\s*,)")
_REPEAT = Scanner(r"\b([a-z]+)(?:\s*,\s*|\s+)\1\b(?!\s*:)")  # lower case: "US, US: node" is two fields


# Speech recognition's homophones of the topic's words: "axe Hillary" is "axillary", "lymph notes" "lymph nodes",
# "the axle a" the axilla, "know palpable nodes" no palpable nodes, "for centimetre" four, "new adjuvant" neoadjuvant,
# "write armpit" the right one.
_FINDING_AFTER_NO = (r"palpable|evidence|axillary|lymph|lymphadenopathy|adenopathy|nodes?|mass(?:es)?|lumps?|suspicious"
                     r"|abnormal|enlarged|significant|prior|previous|personal|family|history|treatment|chemo\w*"
                     r"|imaging|imaged|scans?")
_SPOKEN_UNIT = r"(?:cm|centimet(?:er|re)s?|mm|millimet(?:er|re)s?)\b"
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_HOMOPHONES = (
    (Scanner(r"(?i)\b(?:sent[ai]?|cent[ai]?|senti)[\s-]*(?:a[\s-]+)?met(?:er|re)s?\b"), "centimetres"),
    (Scanner(r"(?i)\b(?:ax|axe|axle|acts?)\s+hill?ary\b|\b(?:axel|axle|axil)\s*(?:airy|ary|lary)\b"), "axillary"),
    (Scanner(r"(?i)\b(?:ax|axe|axle)\s+ill?\s*a\b"), "axilla"),
    (Scanner(r"(?i)\b(?:see|sea|si)\s+(?:tea|tee)\b"), "ct"),
    (Scanner(r"(?i)\bem\s+are\s+eye\b"), "mri"),
    (Scanner(r"(?i)(?<=lymph\s)no[’']?d\b|\bno[’']d\b"), "node"),
    (Scanner(r"(?i)\btoo\b(?=\s+(?:days?|weeks?|months?|years?)\b)"), "two"),
    (Scanner(r"(?i)\b(?<=lymph\s)notes\b"), "nodes"),
    (Scanner(r"(?i)\b(?:axle|axel|axe)\s+(?:a|ah|uh)\b"), "axilla"),
    (Scanner(rf"(?i)\bknow\b(?=\s+(?:{_FINDING_AFTER_NO})\b)"), "no"),
    (Scanner(rf"(?i)\bfor\b(?=[\s-]+{_SPOKEN_UNIT})"), "four"),
    (Scanner(r"(?i)\b(?:to|too)\b(?=[\s-]+(?:centimet|millimet)(?:er|re)s?\b)"), "two"),
    # ... and before a spoken decimal ("too point five", "for point two", "won point eight")
    *((Scanner(rf"(?i)\b(?:{heard})\b(?=\s+point\s+{_DIGIT_WORD}\b)"), meant)
      for heard, meant in (("to|too", "two"), ("for|fore", "four"), ("won", "one"), ("ate", "eight"))),
    (Scanner(r"(?i)\bnew\s+adjuvant\b"), "neoadjuvant"),
    (Scanner(r"(?i)\b(?:write|rite|wright)\b(?=\s+(?:armpit|axilla|axillary|breast|side|arm)\b)"), "right"),
)
# the tumour board is a meeting, not a tumour
_TUMOUR_BOARD = Scanner(r"(?i)\btumou?r[\s-]+boards?\b")


# A phone's autocorrect: "ICD" for IDC (not a code: "ICD-10", "ICD code"), "axial" for axillary (not a plane of
# images: "axial T2", "axial images"), "mode" for node after a word that goes with nodes ("lymph mode").
_AUTOCORRECT = Scanner(r"\b(ICD)\b(?![\s:-]*(?:\d|codes?\b|o\b|[A-Z]{2,}))"
                       r"|(?i:\b(axial)\b(?!\s+(?:images?|planes?|slices?|sections?|views?|cuts?|t[12]\w*|ct|mri|"
                       r"reconstructions?|reformats?|dimensions?|measurements?|diameters?|length|size|post|pre|fs|flair)\b))")
_AUTOCORRECT_MODE = Scanner(r"(?i)\b(lymph|axial|axillary|palpable|enlarged|suspicious|sentinel|small)(\s+)mode(s?)\b")
_AUTOCORRECTED = {"icd": "idc", "axial": "axillary"}
# "neo adjuvant" as dictation splits it, "neo-adjuvant": one word, so its "adjuvant" is not read as adjuvant therapy
_NEO_SPLIT = Scanner(r"(?i)\bneo(?:\s+|\s*-\s*)adjuvant\b")
# A registry abstract's item number before its colon ("Sex [220]: 2 (Female)"), and a value with its unit in
# brackets, zero-padded ("Tumor Size Clinical [752]: 034 (mm)"): the field and "34 mm"
_ITEM_NUMBER = Scanner(r"(?<=[A-Za-z)])[ \t]*\[\d{3,4}\](?=[ \t]*:)")
_UNIT_IN_BRACKETS = Scanner(r"\b0*(\d+(?:\.\d+)?)[ \t]*\((mm|cm)\)")
# a field whose label gives the unit ("Size (cm): 1.4"): the value with its unit
_UNIT_IN_LABEL = Scanner(r"(?i)(?:\((mm|cm)\)|(?<=[a-z])_(mm|cm))([ \t]*[:=][ \t]*)(\d+(?:[.,]\d+)?)(?![.,]?\d)"
                         r"(?![ \t]*(?:mm|cm)\b)")  # "Size (cm): 1.4", "size_mm=20"
# Dutch writes a side and its organ as one word ("linkeroksel", "rechterborst"): two words, so the side is read
_SIDE_COMPOUND = Scanner(r"(?i)\b(linker|rechter)(?=(?:oksel|borst|mamma|arm)\w*\b)")
# "the same-side axilla": the ipsilateral one (its "side" names no side, its "same" answers no question)
_SAME_SIDE = Scanner(r"(?i)\bsame[\s-]+sided?\b(?=\s+(?:axilla|axillary|armpit|underarm))")


def _dictation(norm: Normalised) -> Normalised:
    for homophone, meant in _HOMOPHONES:
        norm = norm.apply([(m.start(), m.end(), meant) for m in homophone.finditer(norm.text)])
    norm = norm.sub(_NEO_SPLIT, lambda m: "neoadjuvant")
    norm = norm.sub(_TUMOUR_BOARD, lambda m: "meeting")
    norm = norm.sub(_AUTOCORRECT_MODE, lambda m: m.group(1) + m.group(2) + "node" + m.group(3))
    norm = norm.sub(_AUTOCORRECT, lambda m: _AUTOCORRECTED[(m.group(1) or m.group(2)).lower()])
    norm = norm.sub(_SAME_SIDE, lambda m: "ipsilateral")
    norm = norm.sub(_SIDE_COMPOUND, lambda m: m.group(1) + " ")
    norm = norm.sub(_ITEM_NUMBER, lambda m: "")
    norm = norm.sub(_UNIT_IN_BRACKETS, lambda m: m.group(1) + " " + m.group(2))
    norm = norm.sub(_UNIT_IN_LABEL, lambda m: m.group(3) + m.group(4) + " " + (m.group(1) or m.group(2)).lower())
    norm = norm.sub(_FILLER, lambda m: " ")
    norm = norm.sub(_REPEAT, lambda m: m.group(1))
    if sum(1 for _ in _TELEGRAM_STOP.finditer(norm.text)) >= 2:  # a telegram's full stops
        norm = norm.sub(_TELEGRAM_STOP, lambda m: ".")
    if sum(1 for _ in _SPOKEN.finditer(norm.text)) >= 2:
        norm = norm.sub(_SPOKEN, lambda m: _SPOKEN_MARK.get(m.group(1).lower(), "\n" if " " in m.group(1) else "."))
    norm = _boxes_after(norm)
    norm = norm.sub(_UNCHECKED, lambda m: " ")
    norm = norm.sub(_CHECKED, lambda m: " ")
    norm = norm.sub(_QUERIED, lambda m: " possibly ")
    norm = norm.sub(_SPACED_TN, lambda m: m.group(1) + m.group(2) + " " + m.group(3) + m.group(4))
    norm = norm.sub(_SPOKEN_TNM, lambda m: ((m.group(1) or "") + m.group(2).upper()
                                            + _TNM_DIGITS.get(m.group(3).lower(), m.group(3)) + (m.group(4) or "")))
    return norm.sub(_SPELLED, lambda m: "".join((m.group(1) or m.group(2)).split()).upper())


_UNUSUAL = Scanner(r"[^\x20-\x7e\n\t]")  # what is not printable ASCII: the only characters to look at
# Cyrillic and Greek letters that look Latin, as a keyboard switched mid-word types them ("3 сm", "раlpable"); in a
# word of their own script they stay (and are read as that script)
_LOOK_ALIKES = {"а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "і": "i", "А": "A", "В": "B",
                "С": "C", "Е": "E", "Н": "H", "К": "K", "М": "M", "О": "O", "Р": "P", "Т": "T", "Х": "X", "ο": "o"}


# A dashed arrow after a measurement ("1.7 cm (Jun) -> 2.5 cm (now)", "17 mm -> 25 mm") is the arrow of a change,
# not a comparison's ">" (alone, "IDC ->2 cm" may be either: left as written)
_ARROW = Scanner(r"(?<=[)\dm])[ \t]*-+>(?![=>])")


def _characters(norm: Normalised) -> Normalised:
    """Fractions, compatibility forms (NFKC), terminal colour codes, control characters and dashed arrows."""
    norm = norm.sub(_ANSI, lambda m: " ")
    norm = norm.sub(_ARROW, lambda m: " →")
    edits = []
    for found in _UNUSUAL.finditer(norm.text):
        i, ch = found.start(), found.group()
        if ch in _FRACTIONS:  # before NFKC, which would make "1½" into "11⁄2"
            edits.append((i, i + 1, _FRACTIONS[ch]))
        elif ch in "·٫" and norm.text[i - 1:i].isdigit() and norm.text[i + 1:i + 2].isdigit():
            edits.append((i, i + 1, "."))  # a decimal point as UK journals ("1·5 cm") and Arabic text write it
        elif ch in "·•" and norm.text[i - 1:i] == " " and norm.text[i + 1:i + 2] == " ":
            edits.append((i, i + 1, ";"))  # a spaced dot between the items of a line: each its own statement
        elif ch == "×":
            edits.append((i, i + 1, " x "))
        elif _EMOJI_FIRST <= ord(ch) <= _EMOJI_LAST:
            edits.append((i, i + 1, " ; "))  # "no axillary adenopathy 👍 haven't examined her": between statements
        elif ch in _HYPHENS:
            edits.append((i, i + 1, "-"))
        elif ch in _LOOK_ALIKES and (norm.text[i - 1:i].isascii() and norm.text[i - 1:i].isalnum()
                                     or norm.text[i + 1:i + 2].isascii() and norm.text[i + 1:i + 2].isalpha()):
            edits.append((i, i + 1, _LOOK_ALIKES[ch]))  # a Cyrillic "с" typed inside "3 сm": the Latin letter
        elif not ch.isascii():
            folded = unicodedata.normalize("NFKC", ch)
            edits.append((i, i + 1, folded if folded.isprintable() else " "))
        elif not (ch.isprintable() or ch in "\n\t"):
            edits.append((i, i + 1, " "))
    return norm.apply(edits)


# ---------------------------------------------------------------- numbers

_UNIT = r"(?:cms?|mms?|c\.m\.?|centimet(?:er|re)s?|millimet(?:er|re)s?)\b"
_SMALL = {
    "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}
_NUMBER_WORDS = "|".join(sorted((
    "zero nought one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split(), key=len, reverse=True))  # longest first: "sixty" before "six"
# A run of number words ("sixty-eight", "one point four", "twenty two"), for text2num.
_WORD_RUN = Scanner(rf"(?i)\b(?:{_NUMBER_WORDS})\b(?:[\s-]+(?:(?:{_NUMBER_WORDS}|point|and)\b))*")
# (a range's first number too: "1,5-2,5 cm", "zwischen 1,5 und 2,5 cm")
_DECIMAL_COMMA = Scanner(rf"(?i)(?<![\d,])(\d{{1,2}}),(\d{{1,2}})(?=\s*(?:{_UNIT}|x\b|by\b|×"
                         rf"|(?:[-–/]|(?:to|and|or|und|et|y|e|en|i|bis|a|à)\b)\s*\d{{1,2}},\d{{1,2}}\s*{_UNIT}))"
                         r"|(?<![\d,])(\d),(\d)(?=\s+(?:op|on|in|auf|no|na|en|sur|all[ae]?)\s+(?:US|MRI|MRT|RM|IRM|CT|echo)\b)")
# ... or a reply of a decimal-comma number alone ("2,5" to the size question): no list has one number pair only
_LONE_DECIMAL_COMMA = Scanner(r"(?i)^(\s*(?:about\s+|approx\.?\s+|~\s*|it[''’]?s\s+)?)(\d{1,2}),(\d{1,2})"
                              r"(?=\s*[.!]?\s*$)")
_POINT = Scanner(r"(?i)\b(\d+)\s+point\s+(\d+)\b")
_BARE_POINT = Scanner(r"(?i)(?<![\d.]\s)(?<![\d.])\bpoint\s+(\d+)\b")  # "point seven cm" is 0.7 cm
_AND = r"(?:and|adn|nad|&|n)"  # with its commonest slips: "two adn a half" must not read as "a half"
# "two and a half", "five and a quarter", "three and three quarters" (text2num has made "three" a 3 by then)
_FRACTION = r"(?:a\s*-?\s*half|a\s*-?\s*quarter|(?:three|3)[\s-]+quarters)"
_FRACTION_WORDS = {"half": ".5", "quarter": ".25", "quarters": ".75"}
_AND_A_HALF = Scanner(rf"(?i)\b(\d+)(?:\s+{_AND}\s+|\s*-?\s*and-)({_FRACTION})\b")
# "a centimetre", "a centimetre and a half", "a cm and three quarters": one (and its fraction) of the unit; not a rate
# ("per a cm") nor a fraction of it ("half a centimetre", "a quarter of a cm")
# A written fraction before a unit ("3 3/4 cm", "1/2 cm"): its decimal; a date ("3/4") has no unit after it.
_SLASH_FRACTION = Scanner(rf"(?i)(?<![\d/.])(?:(\d{{1,2}})\s+)?([1-9])/([2-9]|1[0-6])(?=\s*-?\s*{_UNIT})")
_A_UNIT = Scanner(rf"(?i)(?<!\bper\s)(?<!\bhalf\s)(?<!\bquarter\sof\s)(?<!\bquarters\sof\s)"
                  rf"(?<!\bhalf\sof\s)(?<!\bthird\sof\s)(?<!\bthirds\sof\s)\ban?\s+({_UNIT})(?:\s+{_AND}\s+({_FRACTION}))?(?![\w-])")
# "half a centimetre" alone; after a number or an "and" it is part of "two and a half"
_HALF_A = Scanner(rf"(?i)(?<!\d\s)(?<!\band\s)(?<!\badn\s)\b(?:half\s+an?|a\s+half)\s+(?={_UNIT})")
_SMALL_BEFORE = Scanner(
    rf"(?i)\b({'|'.join(_SMALL)})(?=\s*(?:-\s*)?(?:{_UNIT}|inch(?:es)?\b|(?:cycles?|rounds?|courses?)\b(?!\s+(?:reduction|delay))"
    rf"|(?:x|by)\s+(?:\d|{'|'.join(_SMALL)})\b"
    rf"|{_AND}\s+{_FRACTION}\b))")
_SMALL_AFTER_BY = Scanner(rf"(?i)(?<=\d)(\s*(?:x|by)\s+)({'|'.join(_SMALL)})\b")
# A unit spelt out after its number ("2 centimetres"): its symbol, the one form every size pattern reads
_UNIT_WORD = Scanner(r"(?i)(?<=\d)(\s?-?\s?)(centi|milli)met(?:er|re)s?\b")
_ANY_NUMBER_WORD = Scanner(rf"(?i)\b(?:{_NUMBER_WORDS}|half)\b")


# A size hyphenated into an adjective: "the over-2-cm scenario", "a 3-cm mass" (not "T1-2", not "-2 cm").
_COMPOUND = Scanner(rf"(?i)(?<=[a-z])-(?=\d+(?:\.\d+)?-?\s*{_UNIT})|(?<=\d)-(?={_UNIT})")


# Numbers that share one unit ("2.4, 1.4 and 0.9 cm", "2.4 and 1.8 cm", "2.4/1.8 cm (MRI/US)"): each gets the unit,
# so each is read as a size. A list closes with "and"/"or" (not "PR 6, 2.1 cm"), a slash pairs two decimals (not
# an Allred "8/8, 2 cm"); a number after a grade, stage or score is not a size ("grade 3 and 1.9 cm").
_NUM = r"\d{1,3}(?:\.\d+)?"
_SHARED_UNIT = Scanner(rf"(?i)(?<![\w.,/-])({_NUM}(?:\s*(?:,|and|or|&|vs\.?|versus)\s*{_NUM})+"
                       rf"|\d{{1,2}}\.\d+\s*/\s*\d{{1,2}}\.\d+)\s*({_UNIT})")
# A list joined by commas alone is sizes when its numbers are decimals or follow what is measured ("lesions of 1.9,
# 2.3 cm", "two masses 19, 23 mm"); "PR 6, 2.1 cm" is a score, then a size.
_MEASURED_BEFORE = Scanner(r"(?i)\b(?:lesions|masses|foci|nodules|tumou?rs|measuring|measure|sizes?|of)\s*$")
_NOT_SIZES = Scanner(r"(?i)\b(?:grade|gr|stage|level|type|score|g|er|pr|her2|ki-?67|bi-?rads|cycles?|aged?|t|n)\s*$")
_SIZE_CAP = {"c": 20.0, "m": 200.0}  # cm, mm: a longer "size" in a list is something else (an age, a year)


# A range of categories is two categories offered, not the first: "T1-2", "cT1/T2" -> "cT1 vs cT2" (not an MRI
# sequence, "T1/T2-weighted"); "cN0-1", "cN0/cN1", "cN0 or cN1" -> "cN0 vs cN1".
_N_RANGE = Scanner(r"\b([cpy]?N)([0-3][a-c]?)\s*(?:[-–/]|\s(?:or|vs\.?|versus)\s)\s*(?:[cpy]?N)?([0-3][a-c]?)\b")
# (not a category and its size after a dash: "cT4b - 4.5 cm mass", "T2 - 3 cm")
_T_RANGE = Scanner(r"(?i)\b([cpy]?t)([0-4][a-d]?)\s*[-–/]\s*t?([0-4][a-d]?)\b(?!\s*-?\s*(?:weighted|w\b|wi\b))"
                   r"(?![.,]\d)(?!\s*(?:cm|mm|centim|millim)\b)")


_A_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_JOINED = re.compile(r"(?i)\b(?:and|or|vs|versus)\b|&|/")
_SLASH = re.compile(r"\s*/\s*")
_LISTED = re.compile(r"(?i)\d+(?:\.\d+)?(?=\s*(?:,|and|or|&|vs|versus))")


def _shared_unit(text: str, m: "re.Match[str]") -> str:
    numbers = _A_NUMBER.findall(m.group(1))
    cap = _SIZE_CAP[m.group(2)[0].lower()]
    before = text[max(0, m.start() - 12):m.start()]
    if _NOT_SIZES.search(before) or any(float(n) > cap for n in numbers):
        return m.group()
    if not _JOINED.search(m.group(1)) and not all("." in n for n in numbers) and not _MEASURED_BEFORE.search(before):
        return m.group()
    unit = m.group(2)
    listed = _SLASH.sub(" and ", m.group(1))  # "2.4/1.8": two sizes, not one
    return _LISTED.sub(lambda n: f"{n.group()} {unit}", listed) + f" {unit}"


def _run_to_digits(m: "re.Match[str]") -> str:
    run = m.group()
    tail = re.search(r"(?i)(?:[\s-]+(?:and|point))+$", run)
    core = run[:tail.start()] if tail else run
    converted = alpha2digit(core, "en")
    return converted + (run[tail.start():] if tail else "")


def _fraction_to_decimal(m: "re.Match[str]") -> str:
    """'3 3/4' -> '3.75', '1/2' -> '0.5' (at most two decimals); an improper fraction ('5/4') is left as it is."""
    whole, top, bottom = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
    if top >= bottom:
        return m.group()
    return f"{whole + top / bottom:.2f}".rstrip("0").rstrip(".")


# An axis label between a dimension and the next ("1.8 (AP) x 2.1 (TR) x 1.5 (CC) cm"): the dimensions alone
_AXES = (r"(?:ap|tr|trv|trans|cc|ml|si|lat|long|sag|ax|transverse|craniocaudal|anteroposterior|mediolateral|length|"
         r"width|depth|height|[lwdh])")
_AXIS_LABEL = Scanner(r"(?i)(?<=\d)\s*\(" + _AXES + r"\)(?=\s*(?:x|by|\*|cm|mm)\b)")
# each dimension with its unit and its axis ("1.5 cm (AP) and 2.6 cm (TR)"): one measurement's dimensions
_LABELLED_DIMENSIONS = Scanner(r"(?i)\b\d+(?:\.\d+)?\s*(?:cm|mm)\s*\(" + _AXES + r"\)(?:\s*(?:and|,|x|×|/|by)\s*"
                               r"\d+(?:\.\d+)?\s*(?:cm|mm)\s*\(" + _AXES + r"\)){1,2}")

# ... or with its axis first ("AP 1.8 cm, TR 2.2 cm, CC 1.6 cm"): the orientation axes only (a lone "L" is a side,
# "depth" a distance from the skin)
_ORIENTATION = r"(?:ap|tr|trv|trans|cc|ml|si|sag|transverse|craniocaudal|anteroposterior|mediolateral|longitudinal)"
_AXIS_VALUE = _ORIENTATION + r"\s*[:=]?\s*\d+(?:\.\d+)?\s*(?:cm|mm)"
_PREFIXED_DIMENSIONS = Scanner(r"(?i)\b" + _AXIS_VALUE + r"(?:\s*(?:and|,|;|x|×|/|by)\s*" + _AXIS_VALUE + r"){1,2}\b")
# ... the unit said once, after the last ("AP 1.1 x TR 2.3 x CC 1.8 cm")
_AXIS_NUMBER = _ORIENTATION + r"\s*[:=]?\s*(\d+(?:\.\d+)?)"
_PREFIXED_LIST = Scanner(r"(?i)\b" + _AXIS_NUMBER + r"\s*(?:x|×|\*|by)\s*" + _AXIS_NUMBER
                         + r"(?:\s*(?:x|×|\*|by)\s*" + _AXIS_NUMBER + r")?\s*(cm|mm)\b")

# a measurement's tolerance ("2.4 ± 0.2 cm", "2.6 +/- 0.3 cm"): the measurement, not its error
_TOLERANCE = Scanner(r"(?<![\d.])(\d+(?:\.\d+)?)[ \t]*(?:±|\+/-|\+-|\+/−)[ \t]*(\d+(?:\.\d+)?)(?=[ \t]*(cm|mm)\b)")


def _without_tolerance(m: "re.Match[str]") -> str:
    """The measurement; its range when that reaches across 2 cm ("1.9 ± 0.3 cm": 1.6 to 2.2 cm, then asked)."""
    scale = 10.0 if m.group(3) == "mm" else 1.0
    value, error = float(m.group(1)), float(m.group(2))
    if (value - error) / scale <= 2.0 < (value + error) / scale:
        return f"{value - error:g} to {value + error:g}"
    return m.group(1)
# dimensions in two units ("18 mm x 2.3 cm"): all in centimetres, so that the largest is read as one size
# One length in two units ("2 cm 5 mm", "2cm and 4 mm", "2 cm + 3 mm"): centimetres and millimetres added, unless it
# is a list of several things ("masses of 2 cm and 4 mm", "... respectively")
_CM_AND_MM = Scanner(r"(?i)(?<![\w.])(\d{1,2})\s*cm\s*(?:and\s+|\+\s*)?([1-9])\s*mm\b(?!\s*,?\s*respectively)")
_PLURAL_BEFORE = re.compile(r"(?i)\b(?:masses|lesions|nodules|foci|tumou?rs|nodes|lumps|cancers)\b(?:\s+\S+){0,3}\s*$")


def _cm_and_mm(text: str, m: "re.Match[str]") -> str:
    if _PLURAL_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
        return m.group()
    return f"{m.group(1)}.{m.group(2)} cm"


_MIXED_UNITS = Scanner(r"(?i)\b\d+(?:\.\d+)?\s*(?:cm|mm)(?:\s*[x×*]\s*\d+(?:\.\d+)?\s*(?:cm|mm)){1,2}\b")
_VALUE_UNIT = re.compile(r"(?i)(\d+(?:\.\d+)?)\s*(cm|mm)")


def _dimensions(m: "re.Match[str]") -> str:
    """Labelled dimensions as one measurement ("1.5 x 2.6 cm"), in centimetres when the units differ."""
    parts = _VALUE_UNIT.findall(m.group())
    units = {unit.lower() for _, unit in parts}
    return " x ".join(value for value, _ in parts) + " " + units.pop() if len(units) == 1 else _as_cm(parts)


# A measurement offered with another in doubt ("2.3 cm, or was it 1.3?", "14 mm (or maybe 24)"): the other number
# is the same kind of length, so it is read as a second size of the same thing (a conflict when they straddle 2 cm)
_ALTERNATIVE = Scanner(r"(?i)(?<![\w.])(\d{1,3}(?:\.\d+)?)\s*(cm|mm)\b([ \t]*[,(-]?[ \t]*(?:or|/)[ \t]+"
                       r"(?:(?:was|is)[ \t]+it[ \t]+|maybe[ \t]+|perhaps[ \t]+|possibly[ \t]+|rather[ \t]+)?)"
                       r"(\d{1,3}(?:\.\d+)?)(?=[ \t]*(?:[?),;!]|-|\.(?!\d)|\n|$))")


def _in_centimetres(m: "re.Match[str]") -> str:
    parts = _VALUE_UNIT.findall(m.group())
    return m.group() if len({unit.lower() for _, unit in parts}) == 1 else _as_cm(parts)


def _as_cm(parts: List[Tuple[str, str]]) -> str:
    """(value, unit) dimensions written in centimetres ("1.8 x 2.3 cm")."""
    return " x ".join(f"{float(v) / (10.0 if u.lower() == 'mm' else 1.0):g}" for v, u in parts) + " cm"


# A count glued to what it counts ("4xAC", "6xTCHP", "3xFEC"): the regimen's name as a word of its own
_GLUED_COUNT = Scanner(r"(?i)(?<![\w.])(\d{1,2})[x×](?=[a-z]{2,6}\b)")
# A tilde before a range ("~2–2.5 cm"): "about", as a word of its own, so the range's two ends are read
_APPROXIMATE_RANGE = Scanner(r"~(?=\d{1,2}(?:[.,]\d{1,2})?\s*[-–—]\s*\d)")
# "one-and-a-half", "two-and-a-quarter": the hyphens of a written mixed number, as spaces for the number words
_HYPHENED_FRACTION = Scanner(r"(?i)\b([a-z]+)-and-a-(half|quarter)\b")


# A size in inches ("0.6 in,", "0.8 inches", "1.5″", "an inch and a half"), as some outside reports give it: in cm
_CM_PER_INCH = 2.54
_AN_INCH = Scanner(r"(?i)\b(?:an|one)\s+inch(\s+and\s+a\s+half)?\b")
_INCHES = Scanner(r"(?i)(?<![\w.])(\d{1,2}(?:\.\d{1,2})?|\.\d{1,2})\s*(?:inch(?:es)?\b|″|in\.?(?=\s*(?:[,;:)]|$|\.\s)"
                  r"|\s+(?:on|by|x|across|long|wide|diameter|in\s+diameter)\b))")


# ... or a fraction of one ("half an inch", "three-quarters of an inch", "5-eighths of an inch", "3/4 inch",
# "1 1/2 in,"), after the number words are digits: in cm
# (not a double quote: an inch mark or a closing quote, asked: tests/core/test_extract.py)
_INCH_WORD = r"(?:inch(?:es)?\b|″|in\.?(?=\s*(?:[,;:)]|$|\.\s)))"
_INCH_FRACTION = Scanner(r"(?i)(?<![\w/.])(?:(\d{1,2})\s+)?(?:(an?|one|\d{1,2})[\s-]+)?(half|quarters?|thirds?|eighths?"
                         r"|sixteenths?)(?:\s+of)?(?:[\s-]+an?)?[\s-]+" + _INCH_WORD)
_INCH_SLASH = Scanner(r"(?i)(?<![\d/.])(?:(\d{1,2})\s+)?([1-9])/([2-9]|1[0-6])\s*(?:of\s+an?\s+)?" + _INCH_WORD)
_PARTS = {"half": 2, "quarter": 4, "third": 3, "eighth": 8, "sixteenth": 16}


def _inch_fraction(m: "re.Match[str]") -> str:
    """'3-quarters of an inch' -> '1.91 cm'; 'half an inch' -> '1.27 cm'; '1 1/2 in' -> '3.81 cm'."""
    whole = int(m.group(1) or 0)
    if m.group(3).isdigit():
        top, bottom = int(m.group(2)), int(m.group(3))
    else:
        top = int(m.group(2)) if m.group(2) and m.group(2).isdigit() else 1
        bottom = _PARTS[m.group(3).lower().rstrip("s")]
        if m.group(1) and not m.group(2) and bottom != 2:
            whole, top = 0, whole  # "3 quarter inch": three quarters
    if top >= bottom:
        return m.group()
    return f"{(whole + top / bottom) * _CM_PER_INCH:.2f} cm"


# ... or in metres, a fraction of one ("0.02 m"): in cm
_METRES = Scanner(r"(?<![\w.])(0?\.\d{1,3})\s*(?:m|metres?|meters?)(?![\w.])")
# A scanner's letters for digits inside a size ("3.O cm", "2O mm", "l.5 cm"): the digits
_OCR_DIGIT = Scanner(r"(?<=\d[.,])[Oo](?=\s?(?:cm|mm)\b)|(?<=\d)[Oo](?=\s?(?:cm|mm)\b)"
                     r"|(?<![\w.])[lI](?=[.,]\d\s?(?:cm|mm)\b)")


def _numbers(norm: Normalised) -> Normalised:
    norm = norm.sub(_OCR_DIGIT, lambda m: "0" if m.group() in "Oo" else "1")
    norm = norm.sub(_HYPHENED_FRACTION, lambda m: f"{m.group(1)} and a {m.group(2)}")
    norm = norm.sub(_GLUED_COUNT, lambda m: m.group(1) + " x ")
    norm = norm.sub(_APPROXIMATE_RANGE, lambda m: "about ")
    norm = norm.sub(_LABELLED_DIMENSIONS, _dimensions)
    norm = norm.sub(_PREFIXED_DIMENSIONS, _dimensions)
    norm = norm.sub(_PREFIXED_LIST, lambda m: " x ".join(v for v in m.groups()[:-1] if v) + " " + m.groups()[-1])
    norm = norm.sub(_AXIS_LABEL, lambda m: " ")
    norm = norm.sub(_DECIMAL_COMMA, lambda m: f"{m.group(1) or m.group(3)}.{m.group(2) or m.group(4)}")
    norm = norm.sub(_LONE_DECIMAL_COMMA, lambda m: f"{m.group(1)}{m.group(2)}.{m.group(3)}")
    if _ANY_NUMBER_WORD.search(norm.text):
        norm = norm.sub(_WORD_RUN, _run_to_digits)
        norm = norm.sub(_SMALL_BEFORE, lambda m: _SMALL[m.group(1).lower()])
        norm = norm.sub(_SMALL_AFTER_BY, lambda m: m.group(1) + _SMALL[m.group(2).lower()])
    norm = norm.sub(_POINT, lambda m: f"{m.group(1)}.{m.group(2)}")
    norm = norm.sub(_BARE_POINT, lambda m: f"0.{m.group(1)}")
    norm = norm.sub(_AND_A_HALF, lambda m: m.group(1) + _FRACTION_WORDS[m.group(2).lower().split()[-1].split("-")[-1]])
    norm = norm.sub(_A_UNIT, lambda m: "1" + (_FRACTION_WORDS[re.split(r"[\s-]+", m.group(2).lower())[-1]]
                                                 if m.group(2) else "") + f" {m.group(1)}")
    norm = norm.sub(_INCH_FRACTION, _inch_fraction)
    norm = norm.sub(_INCH_SLASH, _inch_fraction)
    norm = norm.sub(_SLASH_FRACTION, _fraction_to_decimal)
    norm = norm.sub(_HALF_A, lambda m: "0.5 ")
    norm = norm.sub(_UNIT_WORD, lambda m: m.group(1) + ("cm" if m.group(2).lower() == "centi" else "mm"))
    norm = norm.sub(_AN_INCH, lambda m: "1" + (".5" if m.group(1) else "") + " inch")
    norm = norm.sub(_INCHES, lambda m: f"{float(m.group(1)) * _CM_PER_INCH:.2f} cm")
    norm = norm.sub(_METRES, lambda m: f"{float(m.group(1)) * 100:g} cm")
    norm = norm.sub(_TOLERANCE, _without_tolerance)
    text = norm.text
    norm = norm.sub(_CM_AND_MM, lambda m: _cm_and_mm(text, m))
    norm = norm.sub(_ALTERNATIVE, lambda m: f"{m.group(1)} {m.group(2)}{m.group(3)}{m.group(4)} {m.group(2)}")
    norm = norm.sub(_MIXED_UNITS, _in_centimetres)
    text = norm.text
    norm = norm.sub(_SHARED_UNIT, lambda m: _shared_unit(text, m))
    norm = norm.sub(_T_RANGE, lambda m: f"{m.group(1)}{m.group(2)} vs {m.group(1)}{m.group(3)}")
    norm = norm.sub(_N_RANGE, lambda m: f"{m.group(1)}{m.group(2)} vs {m.group(1)}{m.group(3)}")
    return norm.sub(_COMPOUND, lambda m: " ")


# The elided article of French and Italian ("l'échographie", "dell'ascella", "d'un"): a word of its own, so the
# noun after it is read (and its "L" is no left side).
_ELISION = Scanner(r"(?i)\b(?:l|d|qu|dell|all|nell|dall|sull|un)['’](?=[^\W\d_])")
# Turkish case endings after an apostrophe on an abbreviation ("BT'de": on CT, "USG'de", "MR'da"): the
# abbreviation alone.
_CASE_ENDING = Scanner(r"(?<=[A-Z]{2})['’](?:de|da|te|ta|den|dan|ten|tan|nin|nın|in|ın|ye|ya|e|a)\b")


# Character slips of OCR and handwriting read back as characters ("axi1la", "4.O cm", "5l yrs", "cNl"): a 1 between
# letters other than the x of a dimension ("25x11x21 mm") is an l, an O/o/l/I among the digits of a number is a 0 or
# a 1. Only where a number or a word is broken by them, so "I", "IO" or a Roman "II" stay as they are.
_OCR_IN_WORD = Scanner(r"(?<=[a-wyz])[10]+(?=[a-wyz])|\b1(?=[a-z]{3,}\b)"
                       r"(?!(?:day|days|week|weeks|year|years|month|months|cycle|cycles|wks|yrs|hrs|mins|cms|mms)\b)")
_OCR_NUMBER = Scanner(r"(?<![\w.,/])(?=[0-9OolI]*\d)(?=[0-9.,/]*[OolI])[0-9OolI]+(?:[.,/][0-9OolI]+)*(?![\w])"
                      r"|(?<![\w.])[OolI1]\.[0-9OolI]+(?=\s*(?:cm|mm)\b)")
_OCR_STAGE = Scanner(r"\b([cpy][TN])([lIO])\b")
_OCR_DIGITS = str.maketrans("OolI", "0011")
_OCR_LETTERS = str.maketrans("10", "lo")
# and a unit misread after a number ("3.4 crn", "12 rnrn"): cm, mm
_OCR_UNIT = Scanner(r"(?<=\d)(\s?)(crn|rnrn|rnm|mrn)\b")
# a "No" read as N-zero before what it denies ("N0 distant disease on PET"): no nodal category is followed by these
_OCR_NO = Scanner(r"(?<!T\d\s)(?<!T\d[a-d]\s)\bN0(?=\s+(?:distant|evidence|signs?|suspicious|abnormal|enlarged|known|"
                  r"further|other|history|hx|mass|masses|lesions?|lymph|lymphadenopathy|adenopathy|palpable|personal|family)\b)")
# ... and in a message whose other words OCR broke, before any word in lower case ("N0 irnaging d0ne yet")
# (not a nodal category that a word goes on to qualify: "clinically N0 at diagnosis", "N0 by exam")
_OCR_NO_BROKEN = Scanner(r"(?<!T\d\s)(?<!T\d[a-d]\s)(?<!clinically\s)(?<!clinical\s)\bN0(?=\s+(?!(?:at|on|by|in|"
                         r"status|disease|axilla|axillary|nodal|nodes?|clinically|initially|and|or|per|with|before|"
                         r"after|pre|post|from|to|stage|category)\b)[a-z])")
_BROKEN = Scanner(r"[a-z][10]|[0-9][OolI]|[OolI][0-9.]\d|[OolI]\.[OolI0-9]|[cpy][TN][lIO]\b|\b1[a-z]{3}"
                  r"|\d\s?(?:crn|rnrn|rnm|mrn)\b|\bN0\s+[a-z]")


def _ocr(norm: Normalised) -> Normalised:
    if not _BROKEN.search(norm.text):
        return norm  # most messages: nothing to mend
    before = norm.text
    norm = norm.sub(_OCR_IN_WORD, lambda m: m.group().translate(_OCR_LETTERS))
    norm = norm.sub(_OCR_NUMBER, lambda m: m.group().translate(_OCR_DIGITS))
    norm = norm.sub(_OCR_STAGE, lambda m: m.group(1) + m.group(2).translate(_OCR_DIGITS))
    norm = norm.sub(_OCR_NO_BROKEN if norm.text != before else _OCR_NO, lambda m: "No")
    return norm.sub(_OCR_UNIT, lambda m: m.group(1) + ("cm" if m.group(2) == "crn" else "mm"))


# A note wrapped into short lines (a handwritten or faxed note read back, a narrow column): a line break inside a
# sentence is a space ("No PMH of / breast ca."), unless the next line opens a field ("O/E: ...", "Nodes (clinical):").
# (nor when it opens with a bullet: a dash, a star, or a symbol such as an emoji or a tick)
_WRAP = Scanner(r"(?<=[^\s.;:!?])[ \t]*\n"
                r"(?![ \t]*(?:[A-Za-z/ ]{1,24}(?:\([^)\n]{1,20}\))?\s*:|[-*•]\s|[^\w\s\x00-\x7f]|\n))")
_WRAPPED_MEDIAN = 24  # characters: the median line of a wrapped note is this short or shorter
_WRAPPED_LINES = 5


# A word hyphenated at a line's end, as PDFs and scans break them ("carci-\nnoma", "lym-\nph node"): one word again;
# a compound keeps its hyphen ("70-year-\nold").
_LINE_HYPHEN = Scanner(r"(?<=[A-Za-z])-[ \t]*\n[ \t]*(?=[a-z])")
_WORD_BEFORE = re.compile(r"[\w-]*$")


# The second halves of compounds written with a hyphen ("node-\nnegative", "US-\nguided", "treatment-\nnaive").
_COMPOUND_END = re.compile(r"(?:negative|positive|guided|proven|naive|free|weighted|enhanced|old|year|like|type|"
                           r"based|related|level|grade|stage)\b")


def _rejoined(m: "re.Match[str]") -> str:
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - 40), m.start())  # matches, if only the empty word
    compound = before is not None and "-" in before.group() or _COMPOUND_END.match(m.string, m.end())
    return "-" if compound else ""


def _wrapped(norm: Normalised) -> Normalised:
    if "-" in norm.text:
        norm = norm.sub(_LINE_HYPHEN, _rejoined)
    lines = [len(line.strip()) for line in norm.text.split("\n") if line.strip()]
    if len(lines) < _WRAPPED_LINES or sorted(lines)[len(lines) // 2] > _WRAPPED_MEDIAN:
        return norm
    return norm.sub(_WRAP, lambda m: " ")


# Two adverbs sharing one finding ("clinically and sonographically negative"): each with it, as two statements
# are written ("clinically negative and sonographically negative").
_SHARED_FINDING = Scanner(r"(?i)\b([a-z]+ally)\s+(?:and|&|\+|/)\s+([a-z]+ally)\s+"
                          r"(negative|positive|normal|clear|unremarkable|suspicious)\b")


# The axillary levels before "axillary" ("no palpable level I or level II axillary nodes") qualify it without
# changing what is said; dropped, so that a negation reaches the nodes as it would without them.
_LEVELS = Scanner(r"(?i)\blevels?\s+(?:III|II|I|[123])\b(?:\s*(?:or|and|/|-|,|to)\s*(?:level\s+)?(?:III|II|I|[123])\b)*"
                  r"\s+(?=axill)")


# A statement taken back ("palpable L axillary node - ignore that, wrong patient", "2.4 cm, scratch that"): the
# clause before the retraction is not read; the retraction itself stays (the message corrects the case).
_RETRACT = r"(?:ignore|disregard|scratch|scrap|strike|forget|delete)"
_RETRACTION_WORDS = re.compile(rf"(?i)\b(?:{_RETRACT}|never\s*mind)\b")
_RETRACTED = Scanner(r"(?i)(?:^|(?<=[,;.:\n]))([^,;.:\n(]+?)\s*(?:[-–—,;:.(]|\n)\s*"
                     rf"(?={_RETRACT}\s+(?:that|this)\b|never\s*mind\b)")
# the first number of a clause taken back: the words before it name what the corrected number measures ("Tumour one
# point eight - no wait, strike that, two point eight cm": "Tumour" stays)
_FIRST_NUMBER = re.compile(r"(?i)\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|point|half)\b")


def _taken_back(m: "re.Match[str]") -> str:
    clause = m.group(1)
    number = _FIRST_NUMBER.search(clause)
    kept = clause[:number.start()] if number else ""
    return kept + " " * (len(clause) - len(kept)) + m.group()[len(clause):]


# A size taken back by name ("..., ignore the size", "disregard the previous measurement"): the sizes said before
# it are not read (a size said after it stands).
_SIZE_TAKEN_BACK = Scanner(r"(?i)\b(?:ignore|disregard|forget|scratch|strike)\s+(?:the\s+|that\s+)?"
                           r"(?:previous\s+|last\s+|first\s+|earlier\s+)?(?:size|measurement|dimension)s?\b")
_A_SIZE = re.compile(r"(?i)\b\d+(?:[.,]\d+)?(?:\s*(?:x|by)\s*\d+(?:[.,]\d+)?)*\s*(?:cm|mm)\b")


# A quoted phrase called an error ("the phrase 'suspicious node' is a transcription error and should read ..."): its
# words are not read; what it "should read" is.
_QUOTED_ERROR = Scanner(r"(?i)[‘'\"“]([^‘'\"“”’\n]{2,80})[’'\"”](?=[^.\n]{0,80}?\b(?:(?:is|was)\s+(?:an?\s+)?"
                        r"(?:[\w-]+\s+){0,2}error|should\s+(?:have\s+)?(?:read|said|say)|in\s+error)\b)")


_ERROR_WORDS = re.compile(r"(?i)error|should")


# ... or a size named and taken back ("ignore the '2.5 cm' in the referral letter"): that size, wherever it is said
_NAMED_SIZE_TAKEN_BACK = Scanner(r"(?i)\b(?:ignore|disregard|forget|scratch|strike)\s+(?:the\s+|that\s+)?[‘'\"“]?"
                                 r"(\d+(?:[.,]\d+)?)\s*(cm|mm)\b")


def _sizes_taken_back(norm: Normalised) -> Normalised:
    named = {(float(m.group(1).replace(",", ".")), m.group(2).lower())
             for m in _NAMED_SIZE_TAKEN_BACK.finditer(norm.text)}
    if named:
        norm = norm.apply([(m.start(), m.end(), " ") for m in _VALUE_UNIT.finditer(norm.text)
                           if (float(m.group(1)), m.group(2).lower()) in named])
    found = _SIZE_TAKEN_BACK.search(norm.text)
    if found is None:
        return norm
    return norm.apply([(m.start(), m.end(), " ") for m in _A_SIZE.finditer(norm.text, 0, found.start())])


# the side in Latin shorthand after the part it is of ("ca mammae sin.", "axilla dext."): not Spanish "sin" (without)
_LATIN_SIDE = Scanner(r"(?i)(?<=\b(?:mammae|axilla)\s)(sin|dext|dextr|dex)\.|(?<=\baxillae\s)(sin|dext|dextr|dex)\."
                      r"|(?<=\bthoracis\s)(sin|dext|dextr|dex)\.")


def _elision(norm: Normalised) -> Normalised:
    """Words shared, in the way or taken back: a finding two adverbs share, axillary levels, sizes or a clause
    taken back, case endings and elided articles."""
    norm = norm.sub(_SHARED_FINDING, lambda m: f"{m.group(1)} {m.group(3)} and {m.group(2)} {m.group(3)}")
    norm = norm.sub(_LEVELS, lambda m: " ")
    norm = _sizes_taken_back(norm)
    if _ERROR_WORDS.search(norm.text):  # the words stand in a lookahead, which fastre cannot skip on
        norm = norm.sub(_QUOTED_ERROR, lambda m: " " * len(m.group()))
    norm = norm.sub(_CASE_ENDING, lambda m: " ")
    norm = norm.sub(_LATIN_SIDE, lambda m: "left" if m.group().lower() == "sin." else "right")
    if _RETRACTION_WORDS.search(norm.text):  # the pattern's words stand in a lookahead, which fastre cannot skip on
        norm = norm.sub(_RETRACTED, _taken_back)
    return norm.sub(_ELISION, lambda m: m.group(0) + " ")


def _structured(norm: Normalised) -> Normalised:
    """FHIR JSON, HL7 v2 segments, CDA XML, SQL rows and log lines pasted from an EHR, as sentences
    (bot/nlp/structured.py)."""
    if "--" in norm.text:
        norm = norm.sub(_OPTION, lambda m: "\n" + structured.field_line(m.group(1).replace("-", " "),
                                                                      m.group(2).strip("'\"")))
    if "=" in norm.text:
        norm = norm.sub(_QUERY_PAIR, lambda m: "\n")
        norm = norm.sub(_LOGFMT_LINE, _logfmt_fields)
    if "<" in norm.text and ">" in norm.text:
        edits = structured.xml_edits(norm.text) or structured.element_edits(norm.text)
        norm = norm.apply(edits) if edits else norm
    if "values" in norm.text.lower() and "insert" in norm.text.lower():
        edits = structured.sql_edits(norm.text)
        norm = norm.apply(edits) if edits else norm
    if '"resourceType"' not in norm.text and "|" not in norm.text:
        return norm
    return norm.apply(structured.fhir_edits(norm.text) + structured.hl7_edits(norm.text))


# A case told in retrospect, as teaching files and case reports tell it: a message that opens with its year ("In
# 2021 a woman completed neoadjuvant chemotherapy ...") and asks in the past tense ("what imaging was
# indicated?", "should have been done"). That year is the story's present, not a history before it; an earlier
# year inside the story ("treated ... in 2012") stays history. A story that comes up to the present ("now",
# "today") is not one.
_STORY_YEAR = Scanner(r"(?i)^\s*(?:back\s+)?(?:in|during)\s+(?:[a-z]{3,9}\.?\s+)?(?:19|20)\d\d\b\s*,?")
_PAST_QUESTION = Scanner(r"(?i)\b(?:was|were)\s+(?:\w+\s+){0,2}(?:indicated|appropriate|recommended|warranted|"
                         r"done|performed|ordered|chosen|advised)\b|\b(?:should|would|could)\s+have\s+been\b")
_PRESENT = Scanner(r"(?i)\b(?:now|today|currently|presently|this\s+(?:week|morning|month))\b")


def _retrospective(norm: Normalised) -> Normalised:
    opening = _STORY_YEAR.search(norm.text)
    if opening is None or not _PAST_QUESTION.search(norm.text) or _PRESENT.search(norm.text):
        return norm
    return norm.apply([(opening.start(), opening.end(), " ")])


# Footnotes: a marker after a word ("IDC [1]", "cancer¹", "diagnosis*", "finding†") and a line that starts with it
# later ("[1] 1.5 cm, 8 cm from the nipple"): the note is read where its marker stands, as an aside
_FOOTNOTE = Scanner(r"(?m)^[ \t]*(\[(?![xX]\])\w{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]|\*{1,3}|[†‡§])[ \t]*(\S[^\n]*)$")


def _footnotes(norm: Normalised) -> Normalised:
    notes = list(_FOOTNOTE.finditer(norm.text))
    if not notes:
        return norm
    edits: List[Edit] = []
    emphasis = _EMPHASIS.search(norm.text) is not None  # "**IDC**": stars of markdown, not of notes
    for note in notes:
        marker = note.group(1)
        if marker.startswith("*") and (emphasis or "*" in note.group(2)):
            continue
        # its uses before the notes: right after a word or a space ("IDC [1]", "cancer¹", "diagnosis*")
        use = re.compile(r"(?<=[\w.)])[ \t]?" + re.escape(marker) + r"(?![\w*])")
        used = list(use.finditer(norm.text, 0, notes[0].start()))
        if not used:
            continue
        edits += [(m.start(), m.end(), f" ({note.group(2).rstrip('.')})") for m in used]
        edits.append((note.start(), note.end(), " "))
    return norm.apply(edits) if edits else norm


STEPS: Sequence[Callable[[Normalised], Normalised]] = (
    _unescape, signs, _structured, _footnotes, _markup, _characters, _tables, _layout, _dictation, _elision, _ocr,
    _wrapped, _numbers, bounds, _retrospective)


def normalise(text: str) -> Tuple[Normalised, List[Note]]:
    """(the text the readers see with its map to `text`, notes on what was cut). Never raises."""
    notes = []
    if not isinstance(text, str):
        text = ""
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(Note.of("message_cut", limit=MAX_CHARS))
    norm = Normalised.of(text)
    for step in STEPS:
        norm = step(norm)
    return norm, notes
