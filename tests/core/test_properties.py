"""Properties over arbitrary input: never a crash, never `matched` on an unknown deciding fact, deterministic."""
from typing import Any, Dict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bot
from bot.facts import ALLOWED
from bot.result import Analysis

FRAGMENTS = [
    "58F", "67M", "45 yo woman", "60 y/o female", "new", "newly diagnosed", "IDC", "breast cancer", "L breast",
    "R breast", "left", "right", "bilateral", "both sides", "3 cm", "1.5 cm", "2 cm", "20mm", "2.5 x 1.8 x 1.2 cm",
    "4-cm", "three centimeter", "cT2N1", "T1c", "T4", "cN0", "N2", "palpable", "axillary", "node", "LN", "?LN",
    "lump", "ax", "axila", "lymphnode", "no palpable adenopathy", "denies axillary lumps", "possible node",
    "suspicious node", "on mammogram", "on ultrasound", "utlrasound", "on MRI", "on PET/CT", "NAC", "AC-T cycle 3",
    "completed neoadjuvant chemotherapy", "NAC planned", "s/p lumpectomy", "local recurrence",
    "mother had breast cancer",
    "no history of breast cancer", "bone metastases", "screening", "surveillance", "sorry, typo:", "actually",
    "new patient", "larger than 2 cm", "2 cm or less", "cyst", "from nipple", "cm tall", "not", "no", "yes", "but",
    ",", ".", ";", "?", "\n",
]
clinical_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=25).map(" ".join)
any_text = st.one_of(st.text(max_size=300), clinical_text)
any_facts = st.fixed_dictionaries({
    "age": st.one_of(st.none(), st.integers(-5, 130)),
    "tumor_size_cm": st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([2.0, 2.01])),
    **{key: st.sampled_from((None,) + tuple(values)) for key, values in ALLOWED.items()},
})
# Modest and derandomized: a few seconds, and the same examples on every run (no flaky CI).
FAST = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])

def size_known(facts: Dict[str, Any], over_2cm: bool) -> bool:
    """The facts state the size class the variant needs (a T4 alone does not)."""
    size, t, over = facts["tumor_size_cm"], facts["t_category"], facts["tumor_over_2cm"]
    if size is not None:
        return (size > 2.0) is over_2cm
    if t in ("T1", "T2", "T3"):
        return (t != "T1") is over_2cm
    return over is over_2cm


def assumed(result: Analysis, *keys: str) -> bool:
    """The result states one of these assumptions (keys of bot/knowledge/reasons.yml)."""
    return bool(set(keys) & set(result.assumption_keys))


def check_safe(result: Analysis) -> None:
    """A recommendation only when every fact its variant depends on is known (or an assumption is stated)."""
    assert result.status in (bot.MATCHED, bot.NEEDS_INFO, bot.OUT_OF_SCOPE)
    if result.status != bot.MATCHED:
        assert result.variant is None and result.recommendations == []
        assert bool(result.missing) is (result.status == bot.NEEDS_INFO)
        return
    f, n = result.facts, result.variant["number"]
    assert result.missing == [] and result.recommendations
    assert f["sex"] != "male" and f["distant_metastases"] is not True and f["encounter"] is None
    assert f["sex"] == "female" or assumed(result, "sex_female")
    if n in (1, 2):
        assert f["axillary_lump"] == ("unilateral" if n == 1 else "bilateral")
        assert f["node_finding"] in (None, "palpable")
    if n in (1, 2, 11, 12):
        assert f["diagnosis"] == "none_known" or (f["diagnosis"] is None
                                                  and assumed(result, "none_known", "past_cancer_history"))
    if n in (11, 12):
        assert f["node_finding"] == ("mammography_or_us" if n == 11 else "other_imaging")
    if 3 <= n <= 9:
        assert size_known(f, over_2cm=n not in (3, 4))
        nodes = "positive" if n in (4, 6, 9) else "negative"
        assert f["clinical_nodes"] == nodes
    if 3 <= n <= 6:
        assert f["diagnosis"] == "new_primary" or (f["diagnosis"] is None and assumed(result, "new_primary"))
        assert f["treatment"] == "none" or (f["treatment"] is None and assumed(result, "no_treatment"))
    if n == 7:
        assert f["treatment"] == "neoadjuvant_ongoing" and f["new_lump_during_treatment"] is True
    if n in (8, 9):
        assert f["treatment"] == "neoadjuvant_completed"
    if n == 10:
        assert f["diagnosis"] == "local_recurrence"


@FAST
@given(any_text)
def test_analyze_is_safe(text: str) -> None:
    check_safe(bot.analyze(text))


@FAST
@given(any_text)
def test_analyze_is_deterministic(text: str) -> None:
    assert bot.analyze(text).to_dict() == bot.analyze(text).to_dict()


@FAST
@given(any_facts, st.lists(st.sampled_from(bot.FACT_KEYS), max_size=2))
def test_match_is_safe_on_any_facts(facts: Dict[str, Any], conflicts: list) -> None:
    result = bot.match(facts, conflicts=conflicts)
    check_safe(result)
    if result.status == bot.MATCHED:
        assert not conflicts or all(result.facts[key] is None for key in conflicts)


@FAST
@given(any_text, st.sampled_from((None,) + bot.ASK_ORDER + ("node_finding", "diagnosis", "treatment")))
def test_extract_gives_only_allowed_values(text: str, expecting: Any) -> None:
    ext = bot.extract(text, expecting=expecting)
    assert set(ext.facts) == set(bot.FACT_KEYS)
    for key, value in ext.stated.items():
        if key == "age":
            assert isinstance(value, int) and 0 < value < 120
        elif key == "tumor_size_cm":
            assert isinstance(value, float) and 0 < value <= 30
        else:
            assert value in ALLOWED[key], (key, value)
    assert set(ext.conflicts) <= set(bot.FACT_KEYS)
