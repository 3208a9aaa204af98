"""A case generator that tests the core at scale (issue 9, item 6a).

Each case is made in three steps:

1. draw the FACTS of a situation (`draw_scenario`): a variant 1-12 situation, a needs_info situation with one
   deciding fact left out or contradicted, or an out_of_scope situation;
2. compute the expected answer from those facts with `oracle`, a small function written from
   shared/reference/matching-rules.md (not from the core's code);
3. RENDER a text for the facts (`render`) in one of many surface forms, recording a tag for every form used
   ("number_words", "mm", "dimensions", "report_sections", "distractor_node_size", "entities", "typo", ...).

Only situations whose label the rules settle are drawn (no "about 2 cm", no unstated new lump mid-NAC, ...).

The same code runs on two sources of randomness: hypothesis (`cases()`, a strategy for tests) and a plain
`random.Random` (`random_case(rng)`, for scripts/stress.py), through the small `Draw` interface.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

MATCHED, NEEDS_INFO, OUT_OF_SCOPE = "matched", "needs_info", "out_of_scope"


# --------------------------------------------------------------------------------------------------
# Randomness: one interface, two backends
# --------------------------------------------------------------------------------------------------

class Draw:
    """What the generator needs from a source of randomness."""

    def randint(self, lo: int, hi: int) -> int:  # inclusive
        raise NotImplementedError

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[self.randint(0, len(seq) - 1)]

    def chance(self, p: float) -> bool:
        return self.randint(0, 999) < int(p * 1000)

    def shuffled(self, seq: Sequence[Any]) -> List[Any]:
        items, out = list(seq), []
        while items:
            out.append(items.pop(self.randint(0, len(items) - 1)))
        return out

    def weighted(self, pairs: Sequence[Tuple[Any, int]]) -> Any:
        total = sum(w for _, w in pairs)
        k = self.randint(0, total - 1)
        for value, w in pairs:
            if k < w:
                return value
            k -= w
        raise AssertionError("unreachable")


class RandomDraw(Draw):
    def __init__(self, rng: random.Random):
        self.rng = rng

    def randint(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


class HypothesisDraw(Draw):
    def __init__(self, draw: Callable[[Any], Any]):
        from hypothesis import strategies as st
        self._draw, self._st = draw, st

    def randint(self, lo: int, hi: int) -> int:
        return self._draw(self._st.integers(lo, hi))


# --------------------------------------------------------------------------------------------------
# The oracle: expected status / variant / first missing fact, from the facts, by matching-rules.md
# --------------------------------------------------------------------------------------------------

def size_class(s: Dict[str, Any]) -> Optional[str]:
    """'le2', 'gt2' or None (unknown or contradictory) for the primary's size at diagnosis."""
    form = s.get("size_form")
    if form == "numeric":
        return "le2" if s["size"] <= 2.0 else "gt2"
    if form in ("gt", "le"):
        return form + "2"
    if form == "T":
        return "le2" if s["t_cat"].startswith("T1") else "gt2"
    return None  # absent, T4 alone, ">= 2 cm", two sizes on both sides of 2 cm


def oracle(s: Dict[str, Any]) -> Tuple[str, Optional[int], Optional[str]]:
    """(status, variant number or None, first missing fact or None)."""
    pop = s["population"]
    if s.get("sex") == "male":
        return OUT_OF_SCOPE, None, None
    if pop in ("screening", "neck_node", "no_tissue", "occult") or s.get("mets"):
        return OUT_OF_SCOPE, None, None
    if pop == "recurrence":
        return MATCHED, 10, None
    if pop == "none_known":
        if s["finding"] in ("mammo_us", "lump_then_us"):
            return MATCHED, 11, None
        if s["finding"] == "other_imaging":
            return MATCHED, 12, None
        if s["lump_side"] == "unknown":
            return NEEDS_INFO, None, "axillary_lump"
        return MATCHED, 1 if s["lump_side"] == "unilateral" else 2, None
    size = size_class(s)
    nodes = s["nodes"] if s["nodes"] in ("positive", "negative") else None
    if pop == "new_primary":
        missing = [k for k, v in (("tumor_size_cm", size), ("clinical_nodes", nodes)) if v is None]
        if missing:
            return NEEDS_INFO, None, missing[0]
        return MATCHED, 3 + (2 if size == "gt2" else 0) + (1 if nodes == "positive" else 0), None
    assert pop == "nac"
    if size == "le2":
        return OUT_OF_SCOPE, None, None  # <= 2 cm during or after NAC
    if s["treatment"] == "ongoing":
        if not s["new_lump"]:
            return OUT_OF_SCOPE, None, None  # response monitoring
        if nodes == "positive":
            return OUT_OF_SCOPE, None, None  # row 7 is for the initially node-negative
        if size is None:
            return NEEDS_INFO, None, "tumor_size_cm"
        assert nodes == "negative"
        return MATCHED, 7, None
    missing = [k for k, v in (("tumor_size_cm", size), ("clinical_nodes", nodes)) if v is None]
    if missing:
        return NEEDS_INFO, None, missing[0]
    return MATCHED, 8 if nodes == "negative" else 9, None


# --------------------------------------------------------------------------------------------------
# Drawing the facts
# --------------------------------------------------------------------------------------------------

# kind -> (weight, scenario overrides); the rest is drawn in draw_scenario.
KINDS: Dict[str, Tuple[int, Dict[str, Any]]] = {
    # matched
    "v1_unilateral_lump": (5, dict(population="none_known", finding="lump", lump_side="unilateral")),
    "v2_bilateral_lumps": (4, dict(population="none_known", finding="lump", lump_side="bilateral")),
    "v3_v6_new_cancer": (40, dict(population="new_primary", size_form="numeric", nodes="known")),
    "v3_v6_comparison": (5, dict(population="new_primary", size_form="comparison", nodes="known")),
    "v3_v6_t_category": (3, dict(population="new_primary", size_form="T", nodes="known")),
    "v7_new_lump_mid_nac": (4, dict(population="nac", treatment="ongoing", new_lump=True, size_form="numeric",
                                    size_side="gt2", nodes="negative")),
    "v8_v9_after_nac": (8, dict(population="nac", treatment="completed", size_form="numeric", size_side="gt2",
                                nodes="known")),
    "v10_local_recurrence": (4, dict(population="recurrence")),
    "v11_node_on_mammo_us": (4, dict(population="none_known", finding="mammo_us")),
    "v11_lump_then_us": (2, dict(population="none_known", finding="lump_then_us")),
    "v12_node_on_other_imaging": (4, dict(population="none_known", finding="other_imaging")),
    # needs_info
    "ask_size_absent": (3, dict(population="new_primary", size_form="absent", nodes="known")),
    "ask_size_t4": (1, dict(population="new_primary", size_form="T4", nodes="known")),
    "ask_size_ge2": (1, dict(population="new_primary", size_form="ge", nodes="known")),
    "ask_size_conflict": (2, dict(population="new_primary", size_form="conflict", nodes="known")),
    "ask_nodes_absent": (2, dict(population="new_primary", size_form="numeric", nodes="absent")),
    "ask_nodes_uncertain": (2, dict(population="new_primary", size_form="numeric", nodes="uncertain")),
    "ask_nodes_imaging_only": (2, dict(population="new_primary", size_form="numeric", nodes="imaging_neg_only")),
    "ask_nodes_examiners_disagree": (1, dict(population="new_primary", size_form="numeric", nodes="disagree")),
    "ask_nodes_other_side_only": (1, dict(population="new_primary", size_form="numeric",
                                          nodes="contralateral_only")),
    "ask_size_after_nac": (2, dict(population="nac", treatment="completed", size_form="absent", nodes="known")),
    "ask_nodes_after_nac": (1, dict(population="nac", treatment="completed", size_form="numeric",
                                    size_side="gt2", nodes="absent")),
    "ask_lump_side": (2, dict(population="none_known", finding="lump", lump_side="unknown")),
    # out_of_scope
    "oos_male": (3, dict(population="new_primary", sex="male", size_form="numeric", nodes="known")),
    "oos_screening": (2, dict(population="screening")),
    "oos_distant_metastases": (3, dict(population="new_primary", mets=True, size_form="numeric", nodes="known")),
    "oos_small_after_nac": (3, dict(population="nac", size_form="numeric", size_side="le2", nodes="known")),
    "oos_nac_monitoring": (1, dict(population="nac", treatment="ongoing", new_lump=False, size_form="numeric",
                                   size_side="gt2", nodes="known")),
    "oos_nac_lump_node_positive": (1, dict(population="nac", treatment="ongoing", new_lump=True,
                                           size_form="numeric", size_side="gt2", nodes="positive")),
    "oos_no_tissue_diagnosis": (3, dict(population="no_tissue")),
    "oos_neck_node": (2, dict(population="neck_node")),
    "oos_occult_primary": (2, dict(population="occult")),
}


def draw_size(d: Draw, side: Optional[str] = None) -> float:
    """A primary's size in cm (one decimal), with the 2 cm boundary drawn often."""
    side = side or d.choice(("le2", "gt2"))
    if side == "le2":
        tenths = d.weighted(((20, 3), (19, 1), (15, 2), (10, 2), (None, 12)))
        return (tenths or d.randint(6, 20)) / 10
    tenths = d.weighted(((21, 3), (25, 2), (30, 3), (40, 2), (None, 12)))
    return (tenths or d.randint(21, 95)) / 10


def t_for(size: float) -> str:
    return "T1" if size <= 2.0 else "T2" if size <= 5.0 else "T3"


def draw_scenario(d: Draw) -> Dict[str, Any]:
    kind = d.weighted([(k, w) for k, (w, _) in KINDS.items()])
    s: Dict[str, Any] = {"kind": kind, "sex": "female", "mets": False, "new_lump": None, "treatment": None,
                         "finding": None, "lump_side": None, "size": None, "size_form": None, "t_cat": None,
                         "nodes": None, "node_via": None, "past_history": False}
    s.update(KINDS[kind][1])
    if s["sex"] == "female" and d.chance(0.12):
        s["sex"] = None  # unstated: the assistant assumes female
    s["age"] = d.randint(28, 86)
    s["side"] = d.choice(("left", "right"))
    pop = s["population"]
    if pop in ("new_primary", "nac"):
        form = s["size_form"]
        if form == "comparison":
            s["size_form"] = d.choice(("gt", "le"))
        elif form == "T":
            s["size"] = draw_size(d)
            s["t_cat"] = t_for(s["size"])
        elif form in ("numeric", "conflict"):
            s["size"] = draw_size(d, s.pop("size_side", None))
        s.pop("size_side", None)
        if s["nodes"] == "known":
            s["nodes"] = d.choice(("positive", "negative"))
        if pop == "new_primary":
            s["treatment"] = d.weighted((("none", 5), ("unstated", 3), ("plan", 2)))
        elif s["treatment"] is None:
            s["treatment"] = d.choice(("ongoing", "completed"))
            if s["treatment"] == "ongoing":
                s["new_lump"] = d.chance(0.6)
        if s["nodes"] == "positive":
            if pop == "nac" or s["mets"]:
                s["node_via"] = d.choice(("palpable", "us", "biopsy", "cN"))
            else:
                s["node_via"] = d.weighted((("palpable", 5), ("us", 3), ("mammo", 1), ("mri", 1), ("ct", 1),
                                            ("pet", 1), ("cN", 2), ("supraclavicular", 1)))
        if s["nodes"] == "negative":
            s["node_via"] = d.choice(("exam", "exam", "cN", "exam_and_us"))
    if pop == "none_known":
        s["past_history"] = d.chance(0.15)
    return s


# --------------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------------

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def int_words(n: int, d: Draw) -> str:
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    if ones == 0:
        return TENS[tens]
    return TENS[tens] + d.choice(("-", " ")) + ONES[ones]


def fmt(v: float, d: Optional[Draw] = None, keep_zero: bool = False) -> str:
    if abs(v - round(v)) < 1e-9 and not keep_zero:
        return str(int(round(v)))
    return f"{v:.1f}"


NODE_MARK, CORTEX_MARK = ("\x01", "\x02"), ("\x03", "\x04")


class Ctx:
    """Rendering state: the drawer, the surface-form tags used, the style flags."""

    def __init__(self, d: Draw, s: Dict[str, Any]):
        self.d, self.s = d, s
        self.tags: set = set()
        self.style = "narrative"
        self.words = False    # dictation: numbers as words
        self.dx_stated = False  # the text says "new(ly diagnosed)" of the primary
        self.terse = False    # pager: abbreviations

    def tag(self, *names: str) -> None:
        self.tags.update(names)

    def pick(self, *options: str) -> str:
        return self.d.choice(options)

    # --- laterality -------------------------------------------------------------------------------
    def side(self, side: Optional[str] = None, short_ok: bool = True) -> str:
        side = side or self.s["side"]
        if short_ok and not self.words and (self.terse or self.d.chance(0.3)):
            self.tag("abbrev")
            return self.d.choice({"left": ("L", "L", "lt"), "right": ("R", "R", "rt")}[side])
        return side

    def other_side(self) -> str:
        return "right" if self.s["side"] == "left" else "left"

    # --- numbers ----------------------------------------------------------------------------------
    def cm_words(self, v: float) -> str:
        whole, tenth = int(v), int(round(v * 10)) % 10
        if tenth == 0:
            return int_words(whole, self.d)
        if tenth == 5 and whole >= 1 and self.d.chance(0.6):
            return f"{int_words(whole, self.d)} and a half"
        lead = int_words(whole, self.d) if whole or self.d.chance(0.5) else ""
        return (lead + " point " + ONES[tenth]).strip()

    def unit_cm(self) -> str:
        u = self.d.weighted((("cm", 8), ("centimetre", 1), ("centimetres", 1), ("centimeter", 1),
                             ("centimeters", 1)))
        if u != "cm":
            self.tag("cm_word")
        if "metre" in u:
            self.tag("british")
        return u

    def size(self, v: float, forms: Optional[Sequence[str]] = None, adjectival: bool = False,
             primary: bool = True) -> str:
        """A measurement of v cm in one of many surface forms (tagged only when it is the primary's)."""
        if not primary:
            kept, self.tags = self.tags, set()
            try:
                return self.size(v, forms, adjectival)
            finally:
                self.tags = kept
        d = self.d
        mm = int(round(v * 10))
        options = [("cm", 10), ("attached", 2), ("mm", 5), ("cm_word", 2), ("words_cm", 4), ("words_mm", 2),
                   ("dims", 5), ("by", 2), ("comma", 2), ("approx", 1), ("axes", 0 if adjectival else 2)]
        if forms is not None:
            options = [(f, w) for f, w in options if f in forms]
        if self.words:
            options = [(f, w) for f, w in options if f in ("words_cm", "words_mm", "by")] or options
        form = d.weighted(options)
        if form == "comma" and mm % 10 == 0:
            form = "cm"
        if form == "approx" and abs(v - 2.0) < 1.0:  # "about 2.5 cm" could be read as either side
            form = "cm"
        if form == "by" and not (mm % 10 == 0 and v >= 2):
            form = "dims"
        if form == "cm":
            self.tag("digits", "cm")
            if adjectival and d.chance(0.5):
                self.tag("hyphen_unit")
                return f"{fmt(v)}-cm"
            return f"{fmt(v, keep_zero=d.chance(0.2))} cm"
        if form == "attached":
            self.tag("digits", "cm", "unit_attached")
            return f"{fmt(v)}cm"
        if form == "mm":
            self.tag("digits", "mm")
            unit = d.weighted((("mm", 6), ("millimetres", 1), ("millimeters", 1)))
            if "metre" in unit:
                self.tag("british")
            if adjectival and unit == "mm" and d.chance(0.4):
                self.tag("hyphen_unit")
                return f"{mm}-mm"
            return f"{mm}{d.choice(('', ' ', ' '))}{unit}"
        if form == "cm_word":
            self.tag("digits")
            return f"{fmt(v)} {self.unit_cm()}"
        if form == "words_cm":
            self.tag("number_words", "cm")
            return f"{self.cm_words(v)} {self.unit_cm()}"
        if form == "words_mm":
            self.tag("number_words", "mm")
            return f"{int_words(mm, d)} {d.choice(('mm', 'millimetres', 'millimeters'))}"
        if form == "comma":
            self.tag("digits", "decimal_comma", "cm")
            return f"{fmt(v).replace('.', ',')} cm"
        if form == "approx":
            self.tag("digits", "cm", "approx")
            return f"{d.choice(('approx.', 'approximately', 'about', '~'))} {fmt(v)} cm"
        if form == "by":  # "three by two cm"
            other = d.randint(1, int(v) - 1) if v >= 2 else 1
            self.tag("dimensions", "by")
            if self.words or d.chance(0.5):
                self.tag("number_words")
                return f"{int_words(int(v), d)} by {int_words(other, d)} {d.choice(('cm', 'centimetres'))}"
            return f"{int(v)} by {other} cm"
        if form == "axes":  # "AP 1.8 cm, TR 2.2 cm, CC 1.6 cm": each dimension after its axis
            self.tag("dimensions", "axis_first")
            axes = d.shuffled(d.choice((("AP", "TR", "CC"), ("sag", "trans", "AP"), ("longitudinal", "transverse"))))
            others = [d.randint(max(1, min(3, mm - 1)), mm - 1) if mm > 1 else mm for _ in axes[1:]]
            values = d.shuffled([mm] + others)
            sep = d.choice((", ", "; ", " / "))
            colon = d.choice(("", ":"))
            return sep.join(f"{axis}{colon} {x / 10:.1f} cm" for axis, x in zip(axes, values))
        # dims
        self.tag("dimensions")
        n = d.choice((2, 3, 3))
        unit_mm = d.chance(0.35)
        others = [d.randint(max(1, min(3, mm - 1)), mm - 1) if mm > 1 else mm for _ in range(n - 1)]
        dims = [mm] + others
        if d.chance(0.25):
            dims = d.shuffled(dims)
            self.tag("dimensions_unordered")
        sep = d.weighted(((" x ", 6), ("x", 2), (" × ", 1), (" X ", 1)))
        if unit_mm:
            self.tag("mm")
            return sep.join(str(x) for x in dims) + d.choice((" mm", "mm"))
        self.tag("cm")
        return sep.join(f"{x / 10:.1f}" for x in dims) + d.choice((" cm", "cm"))

    def comparison(self, form: str) -> str:
        """A side of 2 cm: 'gt', 'le' or 'ge' (straddles the line)."""
        self.tag("comparison")
        options = {
            "gt": ("> 2 cm", ">2 cm", ">2cm", "over 2 cm", "more than 2 cm", "greater than 2 cm",
                   "larger than 2 cm", "> 20 mm", "bigger than 2 cm"),
            "le": ("< 2 cm", "<2 cm", "under 2 cm", "less than 2 cm", "≤ 2 cm", "≤2 cm", "smaller than 2 cm",
                   "< 20 mm", "2 cm or less", "2 cm or smaller"),
            "ge": ("≥ 2 cm", "≥2 cm", "2 cm or more", "2 cm or larger", "at least 2 cm"),
        }[form]
        text = self.d.choice(options)
        if self.d.chance(0.15) and any(ch in text for ch in "<>≤≥"):
            self.tag("entities")
            text = text.replace(">", "&gt;").replace("<", "&lt;").replace("≤", "&le;").replace("≥", "&ge;")
        return text

    # Node sizes and cortices are drawn eagerly inside option tuples; they are marked, and tagged in
    # render() only when the chosen words carry them.
    def node_size(self) -> str:
        """A lymph node's size (a distractor), drawn on either side of 2 cm."""
        v = self.d.randint(8, 35) / 10
        return NODE_MARK[0] + self.size(v, forms=("cm", "mm", "attached", "words_cm", "comma"),
                                        primary=False) + NODE_MARK[1]

    def cortex(self) -> str:
        mm = self.d.randint(4, 9)
        words = f"{ONES[mm]} mm" if self.words or self.d.chance(0.2) else f"{mm}{self.pick('', ' ')}mm"
        return CORTEX_MARK[0] + words + CORTEX_MARK[1]


# --- clause builders ------------------------------------------------------------------------------

def demo(c: Ctx) -> str:
    d, age, sex = c.d, c.s["age"], c.s["sex"]
    if c.words or d.chance(0.08):
        c.tag("age_words")
        a = int_words(age, d)
        noun = {"female": "woman", "male": "man", None: "patient"}[sex]
        art = "an" if a.startswith(("eight", "eleven")) else "a"
        return d.choice((f"{a}-year-old {noun}", f"{a} year old {noun}", f"{art} {a} year old {noun}"))
    if sex == "female":
        opts = (f"{age}F", f"{age} F", f"{age} yo F", f"{age} y/o female", f"{age}-year-old woman",
                f"{age} year old lady", f"F, {age}", f"{age}yo woman", f"Mrs. Smith, {age}", f"{age} yrs, female",
                f"{age}-year-old female", f"a woman of {age}", f"{age} yo woman", f"{age}yF")
    elif sex == "male":
        opts = (f"{age}M", f"{age} M", f"{age} yo M", f"{age} y/o male", f"{age}-year-old man", f"M, {age}",
                f"{age}yo man", f"Mr. Smith, {age}", f"{age}-year-old male")
    else:
        c.tag("sex_unstated")
        opts = (f"{age} yo", f"age {age}", f"pt aged {age}", f"{age}-year-old patient", f"{age} y/o pt")
    text = d.choice(opts)
    if any(a in text for a in ("yo", "y/o", f"{age}F", f"{age}M", "yF", "pt")):
        c.tag("abbrev")
    return text


def histology(c: Ctx) -> str:
    h = c.d.weighted((("IDC", 5), ("ILC", 1), ("invasive ductal carcinoma", 2), ("invasive lobular carcinoma", 1),
                      ("breast cancer", 3), ("invasive carcinoma NST", 1), ("carcinoma", 1)))
    if h in ("IDC", "ILC"):
        c.tag("abbrev")
    return h


def breast(c: Ctx) -> str:
    side = c.side()
    if c.terse and c.d.chance(0.2):
        c.tag("abbrev")
        return f"{side} brst"
    return f"{side} breast"


def lesion(c: Ctx) -> str:
    """Histology and side of the primary: "IDC left breast", "left breast cancer", "ILC of the R breast"."""
    h = histology(c)
    if h == "breast cancer":
        return f"{c.side()} breast cancer"
    b = breast(c)
    return c.d.choice((f"{h} {b}", f"{b} {h}", f"{h} of the {b}"))


def cap(s: str) -> str:
    """Capitalise a clause's first letter, but not in "cN0", "cT2", "s/p"-like tokens."""
    if not s or (len(s) > 1 and (s[1].isupper() or s[1] in "/0123456789")):
        return s
    return s[0].upper() + s[1:]


def primary_size_phrase(c: Ctx, adjectival: bool = False) -> Tuple[Optional[str], bool]:
    """(the size words for the primary or None when no size is given, whether they read well before the noun)."""
    s, d = c.s, c.d
    form = s["size_form"]
    if form == "numeric":
        kind = d.weighted((("plain", 14), ("multi_same", 2), ("older", 1), ("correction", 2)))
        if s["population"] == "nac" and kind == "older":
            kind = "plain"
        v = s["size"]
        if kind == "plain":
            return c.size(v, adjectival=adjectival), True
        if kind == "correction":
            c.tag("correction")
            wrong = draw_size(d, "gt2" if v <= 2.0 else "le2")
            marker = d.choice((", sorry, typo:", " - sorry, typo -", ", correction:", ", sorry, I mean"))
            return f"{c.size(wrong, forms=('cm', 'mm'))}{marker} {c.size(v, forms=('cm', 'mm'))}", True
        if kind == "older":
            c.tag("distractor_older_measurement")
            old = max(0.5, round(v - d.randint(3, 15) / 10, 1))
            year = d.randint(2019, 2025)
            return (f"{c.size(v, forms=('cm', 'mm', 'dims'))} (was {c.size(old, forms=('cm', 'mm'))} on a "
                    f"mammogram in {year}, since grown)"), False
        # several sizes of the primary on the same side of 2 cm: the largest stands
        c.tag("multi_size_same_side")
        lo_bound = 6 if v <= 2.0 else 21
        other = d.randint(lo_bound, int(round(v * 10))) / 10
        a, b = d.shuffled([(v, "US"), (other, d.choice(("mammography", "mammogram", "MRI", "DBT")))])
        return f"{c.size(a[0], forms=('cm', 'mm'))} on {a[1]} and {c.size(b[0], forms=('cm', 'mm'))} on {b[1]}", False
    if form == "conflict":
        c.tag("conflict_sizes")
        v = s["size"]
        other = draw_size(d, "gt2" if v <= 2.0 else "le2")
        m1, m2 = [d.choice(group) for group in d.shuffled([("US", "ultrasound"), ("MRI", "breast MRI"),
                                                             ("mammogram", "mammography", "DBT")])[:2]]
        return f"{c.size(v, forms=('cm', 'mm'))} on {m1}, {c.size(other, forms=('cm', 'mm'))} on {m2}", False
    if form in ("gt", "le", "ge"):
        return c.comparison(form), False
    return None, True


def t_phrase(c: Ctx) -> Optional[str]:
    form = c.s["size_form"]
    if form == "T":
        t = c.s["t_cat"]
        if t == "T1":
            t = c.d.choice(("T1", "T1c", "T1b", "T1c"))
        c.tag("t_category")
        return c.d.choice((f"c{t}", f"clinical {t}", f"c{t}", t))
    if form == "T4":
        c.tag("t_category")
        return c.d.choice(("cT4b with skin ulceration", "cT4d (inflammatory)", "T4b, skin involvement",
                           "clinical T4 (chest wall invasion)"))
    return None


def tumour_clause(c: Ctx) -> str:
    """The new primary: diagnosis words, histology, side, size (or T category / comparison)."""
    d = c.d
    shape = d.randint(0, 4)
    size, prenominal = primary_size_phrase(c, adjectival=shape == 0)
    if shape in (0, 4) and not prenominal:
        shape = d.choice((1, 2, 3))
    t = t_phrase(c)
    les = lesion(c)
    new_w = d.choice(("new", "newly diagnosed", "recently diagnosed", "new dx", "just biopsied", "biopsy-proven",
                      "newly dx'd"))
    # "new ..." states the diagnosis; "just biopsied" / "biopsy-proven" imply it (not checked as a fact)
    c.dx_stated = new_w not in ("just biopsied", "biopsy-proven")
    if size is None and t is None:
        return d.choice((f"{new_w} {les}", f"{les}, {new_w}"))
    if size is None:
        return d.choice((f"{new_w} {les}, {t}", f"{new_w} {t} {les}"))
    desc = size if t is None else f"{size}, {t}"
    if c.s["size_form"] in ("gt", "le", "ge") and shape in (0, 4):
        return d.choice((f"{new_w} {les} {desc}", f"{new_w} {les}, tumor {desc}"))
    if shape == 3 and d.chance(0.3):
        return f"{new_w} {les}, tumor size {desc}"
    return (f"{new_w} {desc} {les}", f"{new_w} {les} measuring {desc}", f"{new_w} {les}, {desc}",
            f"{new_w} {les}, size {desc}", f"{les} ({desc}), {new_w}")[shape]


def node_clause(c: Ctx, at_diagnosis: bool = False) -> Optional[str]:
    """The clinical nodal status of a new cancer (or at diagnosis, for the NAC rows)."""
    s, d = c.s, c.d
    nodes, via = s["nodes"], s["node_via"]
    when = d.choice((" at diagnosis", " at presentation", " before chemo", " pre-NAC", "")) if at_diagnosis else ""
    if at_diagnosis and when == "":
        when = " initially"
    if at_diagnosis and "NAC" in when:
        c.tag("abbrev")
    if c.words and via == "cN":
        via = "exam" if nodes == "negative" else "palpable"
    if nodes == "negative":
        c.tag("nodes_negative")
        if via == "cN":
            c.tag("abbrev")
            return d.choice((f"cN0{when}", f"clinically N0{when}", f"cN0{when}"))
        base = d.choice(("no palpable adenopathy", "no palpable axillary nodes", "axilla clinically negative",
                         "normal axillary exam", f"no palpable {c.side()} axillary LAD", "axillae clear on exam",
                         f"{c.side()} axilla negative on exam", "exam: no axillary lymphadenopathy",
                         "no palpable lymph nodes", "clinically node-negative"))
        if "LAD" in base:
            c.tag("abbrev")
        if via == "exam_and_us":
            c.tag("exam_and_imaging")
            base += d.choice(("; axillary US normal", ", US axilla unremarkable", " and no suspicious nodes on US"))
        return base + when
    if nodes == "positive":
        c.tag("nodes_positive", "node_via_" + via)
        side = c.side()
        if via == "palpable":
            if d.chance(0.4):
                ns = c.node_size()
                return d.choice((f"palpable {ns} {side} axillary node{when}", f"palpable {side} axillary LN {ns}{when}",
                                 f"{side} axillary node {ns}, palpable{when}"))
            return d.choice((f"palpable {side} axillary node{when}", f"{side} axillary LAD on exam{when}",
                             f"firm mobile node in the {side} axilla on exam{when}",
                             f"exam: palpable {side} axillary lymph node{when}", f"palpable {side} ax LN{when}"))
        if via == "us":
            return d.choice((f"US: suspicious {side} axillary node, cortex {c.cortex()}, effaced hilum{when}",
                             f"suspicious {side} axillary LN on ultrasound{when}",
                             f"axillary US{when}: {c.node_size()} {side} node with thickened cortex ({c.cortex()}), "
                             f"suspicious",
                             f"US{when}: {side} axillary node with cortex {c.cortex()} and increased color Doppler "
                             f"flow, suspicious"))
        if via == "mammo":
            return f"diagnostic mammogram: suspicious enlarged {side} axillary node{when}"
        if via == "mri":
            return d.choice((f"MRI: suspicious {side} axillary node{when}", f"suspicious {side} axillary LN on MRI"))
        if via == "ct":
            return f"staging CT: suspicious enlarged {side} axillary nodes, no distant disease"
        if via == "pet":
            return f"PET/CT: FDG-avid suspicious {side} axillary node, no distant disease"
        if via == "supraclavicular":
            c.tag("supraclavicular")
            return f"palpable {side} supraclavicular node"
        if via == "biopsy":
            return d.choice((f"biopsy-proven {side} axillary node metastasis{when} (clipped)",
                             f"node-positive{when}, FNA-proven {side} axillary LN, clip placed"))
        # cN
        c.tag("abbrev")
        return d.choice((f"cN1{when}", f"cN2{when}", f"clinically N1{when}", f"node-positive (cN1){when}"))
    if nodes == "uncertain":
        c.tag("nodes_uncertain")
        side = c.side()
        return d.choice((f"possible {side} axillary node", f"?LN {side} axilla", f"?{side} axillary node",
                         f"{side} axilla possibly a little full, can't tell whether there's a node",
                         f"equivocal {side} axillary node on exam", f"questionable palpable {side} axillary node"))
    if nodes == "imaging_neg_only":
        c.tag("nodes_imaging_only")
        return d.choice(("no enlarged axillary nodes seen on US", "axillary US unremarkable",
                         "MRI: no suspicious axillary nodes", "no suspicious axillary LN on ultrasound",
                         f"US {c.side()} axilla: normal nodes with fatty hila"))
    if nodes == "disagree":
        c.tag("nodes_examiners_disagree")
        side = c.side()
        return d.choice((f"the surgeon feels a {side} axillary node; the oncologist's exam finds none",
                         f"palpable {side} axillary node per the NP, not palpable on the surgeon's exam",
                         f"GP felt a {side} axillary node; breast surgeon's exam: "
                         f"no palpable nodes in the {side} axilla"))
    if nodes == "contralateral_only":
        c.tag("contralateral_negative_exam")
        return d.choice((f"no palpable {c.other_side()} axillary nodes",
                         f"{c.other_side()} axilla clinically negative",
                         f"normal {c.other_side()} axillary exam"))
    return None  # absent


def treatment_clause_new(c: Ctx) -> Optional[str]:
    tx, d = c.s["treatment"], c.d
    if tx == "none":
        c.tag("treatment_stated")
        t = d.choice(("no treatment yet", "untreated", "pre-treatment", "treatment-naive", "nothing started yet",
                      "no tx yet", "not yet treated", "before any treatment", "no therapy started"))
        if "tx" in t:
            c.tag("abbrev")
        return t
    if tx == "plan":
        c.tag("plan")
        return d.choice(("considering NAC", "NAC planned", "SLNB planned", "surgery scheduled next month",
                         "neoadjuvant chemotherapy to start next week", "to see the surgeon next week",
                         "MDT discussion pending", "lumpectomy + SLNB planned"))
    c.tag("treatment_unstated")
    return None


def distractors(c: Ctx, allowed: Sequence[str]) -> List[Tuple[str, str]]:
    """(section, text) of measurements that must not be read as the tumour size."""
    d, out = c.d, []
    n = d.weighted(((0, 4), (1, 4), (2, 3), (3, 1)))
    for name in d.shuffled(list(allowed))[:n]:
        c.tag("distractor_" + name)
        if name == "height_weight":
            txt = d.choice((f"Ht {d.randint(150, 180)} cm, Wt {d.randint(48, 110)} kg",
                            f"height {d.randint(150, 180)} cm, weight {d.randint(48, 110)} kg",
                            f"height 1.{d.randint(50, 80)} m, weight {d.randint(48, 110)} kg",
                            f"{d.randint(150, 180)} cm tall, {d.randint(48, 110)} kg"))
            out.append(("history", txt))
        elif name == "bmi":
            out.append(("history", f"BMI {d.randint(18, 41)}.{d.randint(0, 9)}"))
        elif name == "ki67":
            out.append(("pathology", d.choice((f"Ki-67 {d.randint(5, 80)}%", f"Ki67 = {d.randint(5, 80)} %",
                                               f"Ki-67 index {d.randint(5, 80)} %"))))
        elif name == "date":
            out.append(("history", d.choice((f"seen on {d.randint(1, 28):02d}/{d.randint(1, 12):02d}/2026",
                                             f"seen 2026-{d.randint(1, 11):02d}-{d.randint(1, 28):02d}",
                                             f"clinic {d.randint(1, 28)} Nov",
                                             f"referred {d.randint(1, 28)}.{d.randint(1, 12)}.2026"))))
        elif name == "distance":
            v = d.randint(10, 90) / 10
            out.append(("findings", d.choice((f"at {d.randint(1, 12)} o'clock, {fmt(v)} cm from the nipple",
                                              f"{fmt(v)} cm FN", f"{fmt(v)} cm from the nipple",
                                              f"{fmt(v)} cm below the inframammary crease"))))
        elif name == "depth":
            v = d.randint(5, 40) / 10
            out.append(("findings", d.choice((f"depth {fmt(v)} cm", f"{d.randint(5, 40)} mm deep to the skin",
                                              f"depth {int(v * 10)} mm"))))
        elif name == "receptors":
            out.append(("pathology", d.choice(("ER+/PR+, HER2 negative", "triple negative", "ER & PR positive, HER2-",
                                               "grade 2, ER positive, HER2 not amplified",
                                               "estrogen receptor positive, HER2 negative",
                                               f"ER {d.randint(1, 10) * 10}%, PR {d.randint(0, 10) * 10}%, HER2 1+"))))
    return out


# --- situation renderers: each returns [(section, clause), ...] ---------------------------------

def clauses_new_primary(c: Ctx) -> List[Tuple[str, str]]:
    s, d = c.s, c.d
    out = [("history|Patient", demo(c))]
    if c.style == "report" and s["size_form"] == "numeric" and d.chance(0.5):
        # A radiology report: the mass is measured in FINDINGS, the diagnosis is the biopsy's (PATHOLOGY).
        c.tag("report_split_diagnosis")
        size, _ = primary_size_phrase(c)
        side = c.side(short_ok=False)
        out.append(("findings|US", d.choice((
            f"US {side} breast: irregular hypoechoic mass at {d.randint(1, 12)} o'clock measuring {size}",
            f"{side} breast: spiculated mass, {size}", f"US {side} breast: irregular mass {size}"))))
        out.append(("pathology|Pathology", d.choice((
            f"core bx: {histology(c)} grade {d.randint(1, 3)}", f"US-guided core biopsy of the {side} breast mass: "
            f"{histology(c)}", f"core biopsy: invasive ductal carcinoma, grade {d.randint(1, 3)}",
            f"s/p US-guided core bx {d.randint(1, 9)} days ago: {histology(c)}"))))
    else:
        out.append(("findings|Diagnosis" if c.style == "report" else "history|Diagnosis", tumour_clause(c)))
    n = node_clause(c)
    if n:
        sec = "history" if s["node_via"] in ("palpable", "exam", "cN", None) else "findings"
        out.append((sec + "|Axilla", n))
    if s.get("mets"):
        c.tag("metastases")
        out.append(("impression", d.choice((
            "staging CT: liver metastases, biopsy-proven", "bone scan and biopsy confirm bone metastases",
            "known metastatic disease to the lungs (biopsy-proven)", "stage IV: biopsy-proven liver mets",
            "PET/CT shows widespread bone metastases, biopsy confirms metastatic breast carcinoma"))))
    t = treatment_clause_new(c)
    if t:
        out.append(("plan|Treatment", t))
    out += distractors(c, ("height_weight", "bmi", "ki67", "date", "distance", "depth", "receptors"))
    return out


def clauses_nac(c: Ctx) -> List[Tuple[str, str]]:
    s, d = c.s, c.d
    out = [("history|Patient", demo(c))]
    size, prenominal = primary_size_phrase(c)
    les = lesion(c)
    # The size is the one at diagnosis: said so ("at diagnosis", "pre-NAC"), or the size of the cancer the
    # chemotherapy is "for" (then the tumour follows the treatment).
    at = d.choice((" at diagnosis", " at presentation", " initially", " pre-NAC", ""))
    tumour_first = at != "" and d.chance(0.5)
    if size is None:
        tumour = les
    else:
        tumour = d.choice(((f"{size} {les}{at}",) if prenominal else ()) + (f"{les}, {size}{at}",
                                                                            f"{les} measuring {size}{at}"))
    if s["treatment"] == "ongoing":
        c.tag("cycles")
        k, total = d.randint(2, 4), d.choice((6, 8))
        reg = d.choice(("AC-T", "TCHP", "AC", "paclitaxel + carboplatin", "FEC-T"))
        tx = d.choice((f"currently on neoadjuvant {reg}, cycle {k} of {total}", f"mid-NAC ({k} of {total} cycles)",
                       f"done {k} of {total} cycles of neoadjuvant {reg}", f"on cycle {k} of neoadjuvant {reg}",
                       f"halfway through neoadjuvant chemotherapy ({reg})"))
        if "NAC" in tx or "AC-T" in tx:
            c.tag("abbrev")
        lead = d.choice(("for a", "for"))
        out.append(("history|Oncology", f"{tumour}; {tx}" if tumour_first else f"{tx} {lead} {tumour}"))
    else:
        total = d.choice((4, 6, 8))
        tx = d.choice(("completed neoadjuvant chemotherapy", f"completed {total} cycles of neoadjuvant TCHP",
                       "finished NAC last week, surgery next week", "post-NAC, surgery planned",
                       "s/p neoadjuvant AC-T, completed, awaiting surgery",
                       "has finished neoadjuvant chemo; lumpectomy next week"))
        if any(w in tx for w in ("NAC", "AC-T", "s/p", "TCHP")):
            c.tag("abbrev")
        if str(total) in tx:
            c.tag("cycles")
        out.append(("history|Oncology", f"{tumour}; {tx}" if tumour_first else f"{tx} for {tumour}"))
    n = node_clause(c, at_diagnosis=True)
    if n:
        out.append(("history|Axilla at diagnosis", n))
    if s["treatment"] == "ongoing":
        if s["new_lump"]:
            c.tag("new_lump")
            side = c.side()
            out.append(("history", d.choice((f"now a new palpable {side} axillary lump",
                                             f"she reports a new lump in the {side} axilla",
                                             f"new palpable {side} axillary mass on exam today",
                                             "now has a new palpable axillary lump on the same side"))))
        else:
            c.tag("no_new_lump")
            out.append(("history", d.choice(("no new lumps, exam stable", "no new axillary lump",
                                             "no new palpable axillary lump; tolerating chemo well"))))
    if (s["size"] is not None and s["size"] > 2.0 and d.chance(0.3)
            or s["kind"] == "ask_size_after_nac" and d.chance(0.5)):
        c.tag("distractor_residual_size")
        r = d.randint(3, 19) / 10
        rs = c.size(r, forms=("cm", "mm"), primary=False)
        if s["treatment"] == "completed":
            opts = (f"residual {rs} on post-NAC MRI", f"now {rs} on US", f"residual mass {rs} after chemo")
        else:
            opts = (f"now {rs} on US", f"mass has shrunk to {rs} on interim MRI", f"currently {rs} on US")
        out.append(("findings", d.choice(opts)))
    out += distractors(c, ("height_weight", "bmi", "ki67", "date", "receptors"))
    return out


def clauses_recurrence(c: Ctx) -> List[Tuple[str, str]]:
    d = c.d
    side = c.side()
    year = d.randint(2008, 2022)
    c.tag("recurrence")
    if d.chance(0.5):
        hist = d.choice((f"s/p {side} lumpectomy and RT for IDC in {year}",
                         f"hx {side} IDC {year}, lumpectomy + radiation, no current therapy"))
        now = d.choice((f"now biopsy-proven recurrence in the {side} breast",
                        f"new biopsy-proven local recurrence at the {side} lumpectomy site",
                        f"FNA-proven {side} axillary recurrence, newly diagnosed"))
    else:
        hist = d.choice((f"treated for {side} breast cancer in {year} (mastectomy)",
                         f"s/p {side} mastectomy for ILC {year}"))
        ns = c.size(d.randint(5, 30) / 10, forms=("cm", "mm"), primary=False)
        now = d.choice((f"core bx of a new {ns} {side} chest wall nodule: recurrent carcinoma",
                        f"biopsy-proven {side} chest wall recurrence",
                        f"FNA-proven {side} axillary recurrence, newly diagnosed"))
    out = [("history|Patient", demo(c)), ("history|History", hist), ("findings|Now", now)]
    if d.chance(0.5):
        out.append(("impression", "staging CT: no distant disease"))
    out += distractors(c, ("height_weight", "bmi", "date", "receptors"))
    return out


def no_known_cancer(c: Ctx) -> str:
    s, d = c.s, c.d
    if s["past_history"]:
        c.tag("past_cancer_history")
        y = d.randint(2005, 2016)
        return d.choice((f"{c.other_side()} breast cancer treated in {y} (lumpectomy and radiation), "
                         f"treatment completed, disease-free since",
                         f"hx {c.side()} IDC {y}, treatment finished {y + 1}, disease-free since"))
    return d.choice(("no history of breast cancer", "no known breast cancer", "no personal hx of breast ca",
                     "never had breast cancer", "no prior breast cancer"))


def clauses_none_known(c: Ctx) -> List[Tuple[str, str]]:
    s, d = c.s, c.d
    out = [("history", demo(c)), ("history", no_known_cancer(c))]
    f = s["finding"]
    side = c.side()
    lump_size = c.node_size() if d.chance(0.3) else None  # the lump's own size: not a tumour size
    ls = f"{lump_size} " if lump_size else ""
    if f in ("lump", "lump_then_us"):
        if s["lump_side"] == "bilateral":
            c.tag("bilateral")
            lump = d.choice(("new palpable lumps in both axillae", "bilateral axillary lumps, new, palpable",
                             "feels new lumps under both arms", "new palpable L and R axillary nodes",
                             f"palpable {ls}lumps in both axillae, new"))
        elif s["lump_side"] == "unknown":
            c.tag("side_unknown")
            lump = d.choice(("new palpable axillary lump(s), side(s) not documented",
                             "palpable axillary lumps, unclear whether one or both sides",
                             "new palpable axillary lumps - the referral doesn't say whether in one or both axillae"))
        else:
            lump = d.choice((f"new palpable {ls}lump in the {side} axilla",
                             f"feels a lump under her {side} arm x 3 weeks",
                             f"{side} axillary lump, palpable, new", f"new palpable {ls}{side} axillary mass"))
        out.append(("history", lump))
        if f == "lump_then_us":
            c.tag("lump_then_imaging")
            out.append(("findings", d.choice((
                f"US done: suspicious {c.side()} axillary node with cortex {c.cortex()}",
                f"diagnostic mammogram and US show a suspicious {c.side()} axillary node"))))
        elif d.chance(0.5):
            out.append(("history", d.choice(("no imaging yet", "not yet imaged", "no prior imaging"))))
    elif f == "mammo_us":
        c.tag("imaging_finding")
        out.append(("findings", d.choice((
            f"US shows a suspicious {side} axillary node (cortex {c.cortex()}, absent fatty hilum)",
            f"diagnostic mammogram: enlarged dense {side} axillary node, suspicious",
            f"suspicious {side} axillary LN on ultrasound",
            f"US: {ls}{side} axillary node, round, no hilum, suspicious"))))
    else:
        c.tag("imaging_finding")
        out.append(("findings", d.choice((
            f"incidental suspicious {side} axillary node on CT chest done for cough",
            f"MRI (done for implant check) shows a suspicious {side} axillary node",
            f"CT PE study: suspicious enlarged {ls}{side} axillary node",
            f"chest CT after a fall: suspicious {side} axillary lymph node"))))
    out += distractors(c, ("height_weight", "bmi", "date"))
    return out


def clauses_oos_other(c: Ctx) -> List[Tuple[str, str]]:
    s, d = c.s, c.d
    pop, side = s["population"], c.side()
    out = [("history", demo(c))]
    if pop == "screening":
        c.tag("screening")
        out.append(("history", d.choice((
            "asymptomatic, here for her routine screening mammogram; no lumps, no history of breast cancer",
            "due for annual screening mammography, no complaints, normal exam",
            "routine screening, no symptoms, no breast history"))))
        out.append(("history", d.choice(("does she need axillary imaging?", "any axillary imaging needed?", ""))))
    elif pop == "neck_node":
        c.tag("neck_node")
        out.append(("history", d.choice(("no history of cancer", "no known malignancy"))))
        out.append(("findings", d.choice((
            f"enlarged {side} cervical lymph node, axillae normal on exam",
            f"palpable {c.node_size()} node in the {side} neck, no axillary lumps",
            f"palpable node in the {side} groin, no axillary findings"))))
    elif pop == "no_tissue":
        c.tag("no_tissue_diagnosis")
        v = draw_size(d)
        mass = d.choice((f"{c.size(v)} hard mass in the {side} breast", f"{side} breast mass, {c.size(v)}"))
        nodes = d.choice((f"palpable {side} axillary nodes", f"two palpable {side} axillary nodes", ""))
        state = d.choice(("no imaging or biopsy yet", "biopsy pending", "not yet biopsied",
                          "clinical impression of carcinoma, no biopsy yet"))
        out.append(("history", ", ".join(x for x in (mass, nodes, state) if x)))
    elif pop == "occult":
        c.tag("occult_primary")
        out.append(("pathology", d.choice((
            f"{side} axillary node core bx: metastatic carcinoma consistent with breast primary",
            f"FNA of a palpable {side} axillary node: metastatic adenocarcinoma, ER+, breast origin"))))
        out.append(("findings", d.choice(("mammogram, US and breast MRI show no breast tumour (T0)",
                                          "no primary found in either breast on mammography, US or MRI"))))
    out += distractors(c, ("height_weight", "bmi", "date"))
    return out


# --- composition ------------------------------------------------------------------------------------

SECTIONS = (("history", "HISTORY"), ("findings", "FINDINGS"), ("impression", "IMPRESSION"),
            ("pathology", "PATHOLOGY"), ("plan", "PLAN"))

# Typos only in words that decide nothing.
TYPOS = {"patient": "patinet", "referred": "refered", "with": "wiht", "about": "abuot", "the": "teh",
         "and": "adn", "tolerating": "tolertaing", "husband": "husbnad", "options": "optoins", "her": "hre",
         "GP": "Gp", "advice": "advcie", "asking": "askign"}
BRITISH = {"tumor": "tumour", "centimeter": "centimetre", "millimeter": "millimetre", "estrogen": "oestrogen",
           "color": "colour", "hematoma": "haematoma", "anesthesia": "anaesthesia", "gynecology": "gynaecology"}
FILLERS = ("referred by her GP for advice", "patient and husband asking about options",
           "seen in the breast clinic today", "GP letter attached", "anxious, asking about the next steps",
           "hx of hypertension and diabetes", "she is otherwise well")
ABBREV = re.compile(r"\b(IDC|ILC|bx|LN|LAD|cN\d|NAC|AC-T|s/p|yo|y/o|\d+ ?[FM]|[FM], \d+|\d+yF|hx|dx|tx|FN|pt|"
                    r"NP|GP|SLNB|MDT|RT|NED|ax|Ht|Wt|BMI|FNA)\b")


def compose(c: Ctx, clauses: List[Tuple[str, str]]) -> str:
    d = c.d
    if d.chance(0.2):
        c.tag("filler")
        clauses = clauses + [("history", d.choice(FILLERS))]
    clauses = [(sec, txt) for sec, txt in clauses if txt]
    labels = {"history": "Hx", "findings": "Findings", "impression": "Impression", "pathology": "Path",
              "plan": "Plan"}
    labelled = [(sec.split("|")[1] if "|" in sec else labels[sec], txt) for sec, txt in clauses]
    clauses = [(sec.split("|")[0], txt) for sec, txt in clauses]
    if c.style == "report":
        c.tag("report_sections")
        parts = []
        if d.chance(0.5):  # every report here describes a biopsy-proven cancer
            clauses = clauses + [("impression", d.choice(("BI-RADS 6", "known biopsy-proven malignancy, BI-RADS 6")))]
        for key, title in SECTIONS:
            body = [t for sec, t in clauses if sec == key]
            if body:
                parts.append(f"{title}: " + ". ".join(cap(b) for b in body) + ".")
        return d.choice(("\n", " / ", "\n\n")).join(parts)
    if c.style == "template":
        c.tag("template")
        lines = [f"{label}: {t}" for label, t in labelled]
        return d.choice(("\n", " | ")).join(lines)
    texts = [t for _, t in clauses]
    if d.chance(0.35):
        c.tag("clause_order")
        head = texts[:1]
        rest = d.shuffled(texts[1:])
        texts = rest + head if d.chance(0.5) else head + rest
    if c.style == "pager":
        return d.choice((", ", "; ", " / ", ". ")).join(texts)
    return ". ".join(cap(t) for t in texts) + "."


def apply_surface(c: Ctx, text: str) -> str:
    d = c.d
    if d.chance(0.12):
        words = text.split(" ")
        idx = [i for i, w in enumerate(words) if w.lower() in TYPOS]
        if idx:
            i = d.choice(idx)
            words[i] = TYPOS[words[i].lower()]
            c.tag("typo")
            text = " ".join(words)
    if d.chance(0.25):
        new = text
        for us, gb in BRITISH.items():
            new = new.replace(us, gb)
        if new != text:
            c.tag("british")
            text = new
    elif "tumour" in text and d.chance(0.5):
        text = text.replace("tumour", "tumor")
    if d.chance(0.12):
        new = re.sub(r"&(?!(?:gt|lt|amp|le|ge|nbsp|#\d+);)", "&amp;", text)
        new = new.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        if d.chance(0.5):
            new = new.replace("≤", "&le;").replace("≥", "&ge;")
        if d.chance(0.5):
            new = new.replace(" cm", "&nbsp;cm", 1)
        if new != text:
            c.tag("entities")
            text = new
    return text


@dataclass
class GeneratedCase:
    text: str
    kind: str
    status: str
    variant: Optional[int]
    missing0: Optional[str]
    facts: Dict[str, Any]          # the facts the text states, as the contract writes them
    tags: Tuple[str, ...]
    scenario: Dict[str, Any] = field(repr=False, default_factory=dict)

    def describe(self) -> str:
        label = f"{self.status}" + (f" {self.variant}" if self.variant else "") + (
            f" ask {self.missing0}" if self.missing0 else "")
        return f"[{self.kind}] {label} | {self.text!r}"


def stated_facts(s: Dict[str, Any], dx_stated: bool = True) -> Dict[str, Any]:
    """The contract facts the rendered text states (checked by the tests)."""
    out: Dict[str, Any] = {}
    pop = s["population"]
    if s.get("sex") == "male":
        out["sex"] = "male"
    if pop in ("new_primary", "nac") and s["size_form"] == "numeric" and s["sex"] != "male":
        out["tumor_size_cm"] = s["size"]
    if pop in ("new_primary", "nac") and s["nodes"] in ("positive", "negative") and s["sex"] != "male" \
            and not s.get("mets") and not (pop == "nac" and s["treatment"] == "ongoing"):
        out["clinical_nodes"] = s["nodes"]
    if pop == "new_primary" and s["treatment"] == "none" and not s.get("mets") and s["sex"] != "male":
        out["treatment"] = "none"
    if pop == "nac" and oracle(s)[0] != OUT_OF_SCOPE:
        out["treatment"] = "neoadjuvant_ongoing" if s["treatment"] == "ongoing" else "neoadjuvant_completed"
    if pop == "new_primary" and not s.get("mets") and s["sex"] != "male" and dx_stated:
        out["diagnosis"] = "new_primary"
    if pop == "recurrence":
        out["diagnosis"] = "local_recurrence"
    if pop == "none_known" and not s["past_history"]:
        out["diagnosis"] = "none_known"
    if pop == "none_known" and s["finding"] == "lump" and s["lump_side"] in ("unilateral", "bilateral"):
        out["axillary_lump"] = s["lump_side"]
    return out


def render(d: Draw, s: Dict[str, Any]) -> Tuple[str, Tuple[str, ...], bool]:
    c = Ctx(d, s)
    pop = s["population"]
    styles = [("narrative", 5), ("pager", 4), ("dictation", 1)]
    if pop in ("new_primary", "nac", "recurrence"):
        styles += [("report", 2 if pop == "new_primary" else 1), ("template", 1)]
    c.style = d.weighted(styles)
    c.tag("style_" + c.style)
    c.terse = c.style == "pager"
    c.words = c.style == "dictation"
    builder = {"new_primary": clauses_new_primary, "nac": clauses_nac, "recurrence": clauses_recurrence,
               "none_known": clauses_none_known}.get(pop, clauses_oos_other)
    text = compose(c, builder(c))
    if NODE_MARK[0] in text:
        c.tag("distractor_node_size")
    if CORTEX_MARK[0] in text:
        c.tag("distractor_cortex")
    for mark in NODE_MARK + CORTEX_MARK:
        text = text.replace(mark, "")
    text = apply_surface(c, text)
    if ABBREV.search(text):
        c.tag("abbrev")
    return text, tuple(sorted(c.tags)), c.dx_stated


def generate(d: Draw) -> GeneratedCase:
    s = draw_scenario(d)
    status, variant, missing0 = oracle(s)
    text, tags, dx_stated = render(d, s)
    return GeneratedCase(text=text, kind=s["kind"], status=status, variant=variant, missing0=missing0,
                         facts=stated_facts(s, dx_stated), tags=tags, scenario=s)


def random_case(rng: random.Random) -> GeneratedCase:
    """One case from a plain random.Random (scripts/stress.py)."""
    return generate(RandomDraw(rng))


def cases():
    """A hypothesis strategy of GeneratedCase (the same generator, hypothesis' randomness)."""
    from hypothesis import strategies as st

    @st.composite
    def _cases(draw):
        return generate(HypothesisDraw(draw))

    return _cases()


# --------------------------------------------------------------------------------------------------
# Checking an answer against a generated case (shared by the test and the stress script)
# --------------------------------------------------------------------------------------------------

def check(case: GeneratedCase, result: Any) -> Tuple[List[str], bool]:
    """(what is wrong, unsafe?) for an Analysis `result` of case.text."""
    problems: List[str] = []
    got_variant = result.variant["number"] if result.variant else None
    unsafe = result.status == MATCHED and (case.status != MATCHED or got_variant != case.variant)
    if result.status != case.status:
        problems.append(f"status {result.status} != {case.status}")
    elif case.status == MATCHED and got_variant != case.variant:
        problems.append(f"variant {got_variant} != {case.variant}")
    elif case.status == NEEDS_INFO and (result.missing[:1] or [None])[0] != case.missing0:
        problems.append(f"missing {result.missing} != [{case.missing0}, ...]")
    for key, want in case.facts.items():
        got = result.facts.get(key)
        if key == "tumor_size_cm":
            if got is None or abs(float(got) - want) > 0.05:
                problems.append(f"tumor_size_cm {got} != {want}")
        elif got != want:
            problems.append(f"{key} {got} != {want}")
    return problems, unsafe
