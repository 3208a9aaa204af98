"""Words in a script the readers cannot read (course.encounter): no variant is guessed around them."""
import pytest

import bot


@pytest.mark.parametrize("unread", ["病人是男性。", "Пациент мужского пола.", "المريض ذكر.", "Ο ασθενής είναι άνδρας.",
                                    "CT: 肝转移.", "המטופל זכר."])
def test_a_fact_in_an_unread_script_gives_no_variant(unread: str) -> None:
    result = bot.analyze(f"New R IDC 2.6 cm on core, palpable R axillary node, untreated. {unread}")
    assert (result.status, result.facts["encounter"]) == (bot.OUT_OF_SCOPE, "unread_script")
    assert "cannot read" in result.reasons[0]


@pytest.mark.parametrize("courtesy", ["Спасибо!", "감사합니다.", "谢谢", "ER-α positive."])
def test_a_courtesy_or_a_greek_symbol_is_no_unread_fact(courtesy: str) -> None:
    assert bot.analyze(f"New R IDC 2.6 cm on core, palpable R axillary node, untreated, 57F. {courtesy}").variant_id \
        == "axilla-6"
