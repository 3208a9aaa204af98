"""The knowledge base against the reference (acr-imaging-of-the-axilla.md), and its validation errors."""
import re
import shutil
from pathlib import Path
from typing import Any, Callable, Dict

import pytest
import yaml

from bot import kb
from bot.kb import KNOWLEDGE, KnowledgeError, knowledge

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "acr-imaging-of-the-axilla.md"

US, CORE, FNA = "US axilla", "US-guided core biopsy axillary node", "US-guided FNA biopsy axillary node"
MG, DBT = "Mammography diagnostic", "Digital breast tomosynthesis diagnostic"
MRI, MRI_PLAIN, MBI = "MRI breast without and with IV contrast", "MRI breast without IV contrast", "Sestamibi MBI"
CT_C, CT_CC, CT_N = ("CT chest abdomen pelvis with IV contrast", "CT chest abdomen pelvis without and with IV contrast",
                     "CT chest abdomen pelvis without IV contrast")
PET = "FDG-PET/CT skull base to mid-thigh"
CT3 = (CT_C, CT_CC, CT_N)
UA, MBA, UNA = "Usually Appropriate", "May Be Appropriate", "Usually Not Appropriate"


def table(ua=(), mba=(), una=()) -> Dict[str, str]:
    return {**{p: UA for p in ua}, **{p: MBA for p in mba}, **{p: UNA for p in una}}


# Typed in from the reference by hand: an independent check of bot/knowledge/axilla.yml.
EXPECTED = {
    1: table([US], [DBT, MG], [MRI, MRI_PLAIN, MBI, *CT3, PET]),
    2: table([US], [], [DBT, MG, MRI, MRI_PLAIN, MBI, *CT3, PET]),
    3: table([], [US], [MRI, MRI_PLAIN, MBI, *CT3, PET]),
    4: table([US], [MRI], [MRI_PLAIN, MBI, *CT3, PET]),
    5: table([], [US, MRI], [MRI_PLAIN, MBI, *CT3, PET]),
    6: table([US], [MRI, CT_C, PET], [MRI_PLAIN, MBI, CT_CC, CT_N]),
    7: table([US], [], [DBT, MG, MRI, MRI_PLAIN, MBI, *CT3, PET]),
    8: table([], [US, MRI], [DBT, MG, MRI_PLAIN, MBI, *CT3, PET]),
    9: table([US], [MRI], [DBT, MG, MRI_PLAIN, MBI, *CT3, PET]),
    10: table([], [US, MRI, PET], [MRI_PLAIN, MBI, *CT3]),
    11: table([CORE, FNA], [MRI], [MRI_PLAIN, MBI, *CT3, PET]),
    12: table([US, DBT, MG], [CORE, FNA], []),
}
VARIANT_1_RATINGS = {US: 9, DBT: 4, MG: 4, MRI: 2, MRI_PLAIN: 1}
RRL = {US: "O", CORE: "O", FNA: "O", MG: "☢☢", DBT: "☢☢", MRI: "O", MRI_PLAIN: "O", MBI: "☢☢☢",
       CT_C: "☢☢☢☢", CT_CC: "☢☢☢☢", CT_N: "☢☢☢☢", PET: "☢☢☢☢"}


def test_twelve_variants() -> None:
    assert sorted(v.number for v in knowledge().variants.values()) == list(range(1, 13))
    assert all(vid == f"axilla-{v.number}" for vid, v in knowledge().variants.items())
    assert knowledge().topic == "Imaging of the Axilla"


@pytest.mark.parametrize("number", range(1, 13))
def test_variant_table_equals_the_reference(number: int) -> None:
    variant = knowledge().variants[f"axilla-{number}"]
    assert {r.procedure: r.category for r in variant.ratings} == EXPECTED[number]
    assert len(variant.ratings) == len(EXPECTED[number])          # no procedure rated twice
    assert variant.has_usually_appropriate is (UA in EXPECTED[number].values())


def test_ratings_only_for_variant_one() -> None:
    variants = knowledge().variants
    assert {r.procedure: r.rating for r in variants["axilla-1"].ratings if r.rating is not None} == VARIANT_1_RATINGS
    assert {r.procedure: r.median for r in variants["axilla-1"].ratings if r.median is not None} == VARIANT_1_RATINGS
    assert all(r.source == "acr-axilla-appendix" for r in variants["axilla-1"].ratings if r.rating is not None)
    others = [r for vid, v in variants.items() if vid != "axilla-1" for r in v.ratings]
    assert all(r.rating is None and r.median is None for r in others)


def test_every_row_has_a_known_source() -> None:
    sources = knowledge().sources
    assert {"acr-axilla-2022", "acr-axilla-appendix", "acr-axilla-portal", "seed-v6"} <= set(sources)
    for variant in knowledge().variants.values():
        for r in variant.ratings:
            assert r.source in sources, (variant.id, r.procedure)
        assert variant.order_source is None or variant.order_source in sources


def test_titles_are_the_acrs() -> None:
    assert REFERENCE.exists(), f"{REFERENCE} is not available: the reference needs ../shared"
    text = REFERENCE.read_text(encoding="utf-8")
    titles = {int(n): " ".join(t.split()) for n, t in re.findall(r"^(\d+)\. \*\*(.+?)\*\*", text, re.M | re.S)}
    assert len(titles) == 12
    assert {v.number: v.title for v in knowledge().variants.values()} == titles


def test_procedures_and_radiation_levels() -> None:
    assert {name: p.rrl for name, p in knowledge().procedures.items()} == RRL


def test_variant_six_order_wording() -> None:
    order = knowledge().variants["axilla-6"].order_text.lower()
    assert "axillary ultrasound" in order and "biopsy" in order
    assert knowledge().variants["axilla-6"].order_source == "seed-v6"


def test_category_of() -> None:
    v6 = knowledge().variants["axilla-6"]
    assert v6.category_of(US) == UA and v6.category_of(CORE) is None


def test_loaded_once() -> None:
    assert knowledge() is knowledge()


# ---------------------------------------------------------------- validation errors

@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the knowledge files to break."""
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def edit(folder: Path, name: str, change: Callable[[Any], None]) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def variant(number: int) -> Callable[[Any], Dict[str, Any]]:
    return lambda data: next(v for v in data["variants"] if v["number"] == number)


def row(number: int, procedure: str) -> Callable[[Any], Dict[str, Any]]:
    return lambda data: next(r for r in variant(number)(data)["ratings"] if r["procedure"] == procedure)


DEFECTS = {
    "unknown procedure": ("axilla.yml", lambda d: row(3, US)(d).update(procedure="US elbow"),
                          ["variant 3", "US elbow", "unknown procedure"]),
    "unknown category": ("axilla.yml", lambda d: row(3, US)(d).update(category="Perfect"),
                         ["variant 3", "category"]),
    "unknown source": ("axilla.yml", lambda d: row(4, US)(d).update(source="nowhere-2020"),
                       ["variant 4", "nowhere-2020"]),
    "unknown feature": ("axilla.yml", lambda d: variant(5)(d)["when"].update(colour="blue"),
                        ["variant 5", "colour"]),
    "bad feature value": ("axilla.yml", lambda d: variant(5)(d)["when"].update(size="huge"),
                          ["variant 5", "size", "huge"]),
    "duplicate variant": ("axilla.yml", lambda d: variant(4)(d).update(number=3), ["variant 3", "twice"]),
    "missing title": ("axilla.yml", lambda d: variant(7)(d).pop("title"), ["variant 7", "title"]),
    "rating above 9": ("axilla.yml", lambda d: row(1, US)(d).update(rating=10), ["variant 1", "rating"]),
    "rating below 1": ("axilla.yml", lambda d: row(1, MG)(d).update(median=0), ["variant 1", "median"]),
    "bad order source": ("axilla.yml", lambda d: variant(6)(d).update(order_source="blog"), ["variant 6", "blog"]),
    "procedure without rrl": ("procedures.yml", lambda d: d[MBI].pop("rrl"), [MBI, "rrl"]),
    "source without citation": ("sources.yml", lambda d: d["seed-v6"].pop("citation"), ["seed-v6", "citation"]),
    "scope rule unknown feature": ("scope.yml", lambda d: next(r for r in d["rules"] if r["id"] == "male")["when"]
                                   .update(weather="rain"), ["male", "weather"]),
}


@pytest.mark.parametrize("defect", DEFECTS)
def test_a_defect_names_the_file_and_the_entry(folder: Path, defect: str) -> None:
    name, change, words = DEFECTS[defect]
    edit(folder, name, change)
    with pytest.raises(KnowledgeError) as raised:
        kb.load(folder)
    message = str(raised.value)
    assert message.startswith(f"{name}: ")
    for word in words:
        assert word in message, message
    assert "\n" not in message


@pytest.mark.parametrize("name", ["axilla.yml", "sources.yml", "procedures.yml", "scope.yml"])
def test_malformed_yaml(folder: Path, name: str) -> None:
    (folder / name).write_text("variants: [\n  - {number: 1, title: 'open\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"^{re.escape(name)}: "):
        kb.load(folder)


def test_a_missing_file(folder: Path) -> None:
    (folder / "procedures.yml").unlink()
    with pytest.raises(KnowledgeError, match=r"^procedures\.yml: "):
        kb.load(folder)


def test_a_row_without_source_is_not_shown(folder: Path) -> None:
    edit(folder, "axilla.yml", lambda d: row(2, MBI)(d).pop("source"))
    loaded = kb.load(folder)
    v2 = loaded.variants["axilla-2"]
    assert v2.category_of(MBI) is None
    assert {r.procedure for r in v2.ratings} == set(EXPECTED[2]) - {MBI}
    assert loaded.variants["axilla-3"].category_of(MBI) == UNA


def test_the_unbroken_copy_loads_the_same(folder: Path) -> None:
    assert kb.load(folder) == knowledge()
