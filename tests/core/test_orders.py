"""Order checks: procedure names as clinicians say them, mapped to the knowledge base; the check's payload."""
import shutil
from pathlib import Path

import pytest
import yaml

from bot import orders
from bot.kb import KNOWLEDGE, KnowledgeError, find_procedures, knowledge, load

PET = "FDG-PET/CT skull base to mid-thigh"
MRI = "MRI breast without and with IV contrast"


@pytest.mark.parametrize("text, names", [
    ("I'm going to order a PET/CT", [PET]),
    ("PET-CT?", [PET]), ("a PET for her", [PET]), ("FDG PET", [PET]),
    ("is a breast MRI OK for her?", [MRI]), ("contrast MRI", [MRI]),
    ("breast MRI without contrast", ["MRI breast without IV contrast"]),
    # a contrast qualifier around "breast MRI" names the protocol without contrast, never the contrast one
    ("would a noncontrast breast MRI do?", ["MRI breast without IV contrast"]),
    ("non-enhanced breast MRI instead", ["MRI breast without IV contrast"]),
    ("breast MRI w/o contrast for her", ["MRI breast without IV contrast"]),
    ("CT w/wo contrast?", ["CT chest abdomen pelvis without and with IV contrast"]),
    ("a plain CT of the chest, abdomen and pelvis", ["CT chest abdomen pelvis without IV contrast"]),
    ("MRI with and without contrast then", [MRI]),
    ("mammo", ["Mammography diagnostic"]), ("tomo", ["Digital breast tomosynthesis diagnostic"]),
    ("CT CAP", ["CT chest abdomen pelvis with IV contrast"]), ("MBI", ["Sestamibi MBI"]),
    ("can I skip the US?", ["US axilla"]), ("can you tell us", []),
    ("mammo then US", ["Mammography diagnostic", "US axilla"]),
])
def test_procedure_names_as_clinicians_say_them(text, names):
    assert find_procedures(text) == names


def test_every_alias_names_one_procedure_and_every_procedure_has_aliases():
    assert all(p.aliases for p in knowledge().procedures.values())


def test_the_loader_rejects_an_alias_of_two_procedures(tmp_path: Path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    data = yaml.safe_load((folder / "procedures.yml").read_text())
    data["Sestamibi MBI"]["aliases"].append("PET")
    (folder / "procedures.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(KnowledgeError, match=r"procedures\.yml: .*PET.*alias already names"):
        load(folder)


def test_the_loader_rejects_aliases_that_are_not_a_list(tmp_path: Path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    data = yaml.safe_load((folder / "procedures.yml").read_text())
    data["Sestamibi MBI"]["aliases"] = "MBI"
    (folder / "procedures.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(KnowledgeError, match="aliases"):
        load(folder)


def test_a_check_gives_the_rating_radiation_better_alternatives_and_source():
    check = orders.check(PET, "axilla-6")
    assert check["variant"] == "axilla-6" and check["procedure"] == PET
    assert check["category"] == knowledge().variants["axilla-6"].category_of(PET)
    assert check["rrl"] == knowledge().procedures[PET].rrl and check["source"] in knowledge().sources
    assert check["alternatives"][0] == {"procedure": "US axilla", "category": "Usually Appropriate",
                                        "rrl": "O"}
    assert "Rated better here: US axilla" in orders.text(check)


def test_without_a_case_the_check_asks_for_it():
    check = orders.check(PET, None)
    assert (check["variant"], check["category"], check["alternatives"]) == (None, None, [])
    assert "need the case first" in orders.text(check)


def test_a_procedure_the_variant_does_not_rate():
    rated = {r.procedure for r in knowledge().variants["axilla-1"].ratings}
    unrated = next(p for p in knowledge().procedures if p not in rated)
    check = orders.check(unrated, "axilla-1")
    assert check["category"] == orders.NOT_RATED and check["source"] is None
    assert "not rated" in orders.text(check)
