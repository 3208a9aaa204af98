"""Follow-up answers: every topic for every variant, filled in from the knowledge base; the keyword fallback."""
import json
import re
from pathlib import Path

import pytest
import yaml

from bot import faq
from bot.kb import knowledge

SHARED = Path(__file__).resolve().parents[3] / "shared"
VARIANTS = sorted(knowledge().variants, key=lambda vid: knowledge().variants[vid].number)
MRI = "MRI breast without and with IV contrast"

# Our own phrasings, none of them in the dev set: the fallback must generalise beyond it.
OWN_PHRASINGS = [
    ("does the metal clip in her node ever come out?", "clip_tad"),
    ("how often does the sentinel node miss disease post-NAC?", "clip_tad"),
    ("imaging and pathology are at odds here", "discordant"),
    ("what usually trips trainees up?", "pitfalls"),
    ("and if the core came back with carcinoma in it?", "biopsy_positive"),
    ("Can MR imaging replace the axillary ultrasound?", "why_not_mri"),
    ("is breast MR enough to stage the nodes?", "why_not_mri"),
    ("should we get a PET-CT before the ultrasound?", "why_not_pet"),
    ("PET first?", "why_not_pet"),
    ("bx came back malignant, what's next", "biopsy_positive"),
    ("what if the FNA is positive", "biopsy_positive"),
    ("cytology was nondiagnostic, next step?", "biopsy_negative"),
    ("what if path comes back negative?", "biopsy_negative"),
    ("and if the sonogram is unremarkable?", "us_negative"),
    ("if the ultrasound is clean, can she skip sentinel node biopsy?", "us_negative"),
    ("what if the primary is only 15 mm?", "small_tumor"),
    ("is it different for smaller cancers?", "small_tumor"),
    ("she'll be getting preoperative chemotherapy anyway, why bother with the US?", "neoadjuvant"),
    ("what sonographic signs suggest nodal metastasis?", "suspicious_features"),
    ("is loss of the fatty hilum concerning?", "suspicious_features"),
    ("how many mSv is a CT chest abdomen pelvis?", "radiation"),
    ("is a fine needle aspirate adequate for the node?", "fna_vs_core"),
    ("what do I put on the radiology request?", "order_wording"),
    ("what is the point of placing a clip?", "clip_tad"),
    ("US looks benign but I can feel a hard node - what next?", "discordant"),
    ("what do residents often get wrong in this workup", "pitfalls"),
    ("is this only for women?", "scope"),
    ("am I legally required to follow these ratings?", "rating_meaning"),
]


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def test_topics_are_the_contracts() -> None:
    contract = shared_file("contract.md").read_text(encoding="utf-8")
    table = contract.split("FAQ topics", 1)[1]
    assert faq.TOPICS == tuple(re.findall(r"^\| `(\w+)` \|", table, flags=re.MULTILINE))


def test_the_file_is_read_once() -> None:
    assert faq.load(faq.FAQ_FILE) is faq.load(faq.FAQ_FILE)


@pytest.mark.parametrize("topic", faq.TOPICS)
def test_without_a_case_the_general_answer_invites_a_description(topic: str) -> None:
    ans = faq.answer(topic)
    entry = faq.load(faq.FAQ_FILE)[topic]
    assert (ans.topic, ans.variant) == (topic, None)
    assert ans.text.startswith(entry.answer)
    assert ans.text.endswith("I will answer for her ACR variant.")
    partial = faq.answer(topic, facts={"tumor_size_cm": 3.0, "clinical_nodes": None})
    assert partial.text.endswith("I can answer for its ACR variant.")


def test_a_case_out_of_scope_is_not_told_that_details_are_missing() -> None:
    text = faq.answer("order_wording", facts={"sex": "male", "age": 66, "clinical_nodes": "positive"}).text
    assert "missing details" not in text
    assert "no ACR variant" in text and "male" in text


def test_a_case_out_of_scope_hears_that_first_before_a_general_order_wording() -> None:
    first = faq.answer("order_wording", facts={"sex": "male", "age": 70, "clinical_nodes": "positive"}).text
    assert first.split("\n\n")[0].startswith("The current case has no ACR variant")
    assert "not a recommendation for this patient" in first.split("\n\n")[0]


@pytest.mark.parametrize("topic", faq.TOPICS)
@pytest.mark.parametrize("variant_id", VARIANTS)
def test_every_topic_answers_for_every_variant(topic: str, variant_id: str) -> None:
    ans = faq.answer(topic, variant_id)
    assert ans.variant == variant_id
    assert "{" not in ans.text and "}" not in ans.text
    assert ans.sources and all(key in knowledge().sources for key in ans.sources)
    footer = "Sources: " + "; ".join(knowledge().sources[key].short for key in ans.sources)
    assert ans.text.endswith(footer)


# What each answer says for its variant is checked by hand in test_faq_answers.py (not by re-running the
# templates' own substitution).


def test_why_not_mri_follows_the_variant() -> None:
    categories = {vid: knowledge().variants[vid].category_of(MRI) for vid in ("axilla-1", "axilla-5", "axilla-6")}
    assert categories == {"axilla-1": "Usually Not Appropriate", "axilla-5": "May Be Appropriate",
                          "axilla-6": "May Be Appropriate"}
    v1, v5, v6 = (faq.answer("why_not_mri", vid).text for vid in categories)
    assert f"{MRI} is Usually Not Appropriate" in v1
    assert f"{MRI} is May Be Appropriate" in v6 and "US axilla is Usually Appropriate" in v6
    assert "No procedure is Usually Appropriate" in v5 and "not a recommendation" in v5
    assert len({v1, v5, v6}) == 3


def test_case_dependent_answers_differ_where_the_case_does() -> None:
    assert "already 2 cm or less" in faq.answer("small_tumor", "axilla-3").text
    assert "over 2 cm" in faq.answer("small_tumor", "axilla-6").text
    assert "already on neoadjuvant chemotherapy" in faq.answer("neoadjuvant", "axilla-7").text
    assert "6.8%" in faq.answer("neoadjuvant", "axilla-9").text
    for topic in ("us_negative", "biopsy_positive", "biopsy_negative"):
        no_cancer = faq.answer(topic, "axilla-1").text
        assert "known" in no_cancer and no_cancer != faq.answer(topic, "axilla-6").text
    order = faq.answer("order_wording", "axilla-11").text
    assert knowledge().variants["axilla-11"].order_text in order


def test_scope_names_the_limits() -> None:
    text = faq.answer("scope").text
    assert "female patients" in text and "male patient is out of scope" in text
    assert '"Monitoring Response to Neoadjuvant Systemic Therapy for Breast Cancer"' in text


def test_figures_match_the_reference() -> None:
    text = " ".join(faq.answer(topic).text for topic in faq.TOPICS)
    for figure in ("88% vs 74%", "7.1% vs FNA 1.3%", "0.5% vs FNA 4.0%", "12.6%", "6.8%", "14.2%",
                   "thicker than 3 mm", "1 January 2024"):
        assert figure in text
    assert "legally required" in faq.answer("rating_meaning").text


def test_radiation_levels_agree_with_the_knowledge_base() -> None:
    levels = dict(re.findall(r"^- (O|☢+) \(([^)]*)\):", faq.answer("radiation").text, flags=re.MULTILINE))
    assert levels
    for name, procedure in knowledge().procedures.items():
        assert procedure.rrl in levels, name
        assert procedure.dose.split(" (")[0].replace("-", "–") == levels[procedure.rrl], name


def test_a_case_text_that_cannot_resolve_falls_back_to_the_general_answer(tmp_path, monkeypatch) -> None:
    data = yaml.safe_load(faq.FAQ_FILE.read_text(encoding="utf-8"))
    data["why_not_pet"]["by_variant"]["axilla-12"] = "PET/CT is {category:FDG-PET/CT skull base to mid-thigh}."
    path = tmp_path / "faq.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(faq, "FAQ_FILE", path)
    assert knowledge().variants["axilla-12"].category_of("FDG-PET/CT skull base to mid-thigh") is None
    assert faq.answer("why_not_pet", "axilla-12").text.startswith(data["why_not_pet"]["answer"].strip())


def _drop(data: dict, topic: str) -> None:
    del data[topic]


BROKEN = {
    "unknown topic id": (lambda d: d.update(why_not_ct=d["why_not_mri"]), "why_not_ct", "unknown topic id"),
    "missing topic": (lambda d: _drop(d, "radiation"), "radiation", "missing"),
    "unknown source": (lambda d: d["clip_tad"]["sources"].append("lancet-1999"), "clip_tad", "lancet-1999"),
    "unknown variant": (lambda d: d["why_not_mri"]["by_variant"].update({"axilla-13": "x"}), "why_not_mri",
                        "axilla-13"),
    "unknown procedure": (lambda d: d["why_not_pet"]["by_variant"].update({"axilla-6": "{category:PET/MRI}"}),
                          "why_not_pet", "unknown procedure 'PET/MRI'"),
    "unknown placeholder": (lambda d: d["scope"].update(by_variant={"axilla-1": "{age}"}), "scope",
                            "unknown placeholder {age}"),
    "placeholder in general answer": (lambda d: d["pitfalls"].update(answer="{variant_title}"), "pitfalls",
                                      "cannot hold placeholders"),
    "bad regex": (lambda d: d["discordant"]["keywords"].append("(unclosed"), "discordant", "bad keyword regex"),
    "empty-matching regex": (lambda d: d["radiation"]["keywords"].append("x?"), "radiation", "matches empty"),
    "missing field": (lambda d: d["neoadjuvant"].pop("sources"), "neoadjuvant", "'sources' is missing"),
    "unknown field": (lambda d: d["scope"].update(anwser="typo"), "scope", "unknown field"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_malformed_file_names_the_file_entry_and_problem(case: str, tmp_path) -> None:
    break_it, entry, problem = BROKEN[case]
    data = yaml.safe_load(faq.FAQ_FILE.read_text(encoding="utf-8"))
    break_it(data)
    path = tmp_path / f"{case.replace(' ', '_')}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(faq.FaqError) as error:
        faq.load(path)
    assert str(path) in str(error.value) and f"entry '{entry}'" in str(error.value)
    assert problem in str(error.value)


def test_unknown_topic_or_variant_is_refused() -> None:
    with pytest.raises(ValueError):
        faq.answer("why_not_ct")
    with pytest.raises(ValueError):
        faq.answer("scope", "axilla-13")


def test_detect_topic_on_the_dev_set() -> None:
    rows = [json.loads(line) for line in shared_file("eval", "dev", "faq.jsonl").read_text().splitlines() if line]
    hits = sum(faq.detect_topic(row["message"]) == row["expect_topic"] for row in rows)
    assert hits / len(rows) >= 0.9


@pytest.mark.parametrize("message,topic", OWN_PHRASINGS)
def test_detect_topic_on_other_phrasings(message: str, topic: str) -> None:
    assert faq.detect_topic(message) == topic


@pytest.mark.parametrize("message", ["thanks!", "ok", "hello there", "what's the weather tomorrow?"])
def test_detect_topic_is_silent_without_a_topic(message: str) -> None:
    assert faq.detect_topic(message) is None


@pytest.mark.parametrize("message, wording", [
    ("how should the indication read on her US request?", True),
    ("help me phrase the mammogram order", True),
    ("I'm going to order a PET/CT", False),
    ("is a breast MRI ok for her?", False),
])
def test_a_question_about_an_orders_words_is_told_from_an_order_check(message: str, wording: bool) -> None:
    assert faq.asks_wording(message) is wording


def _words(text: str, procedures) -> list:
    """Lowercase words without punctuation; procedure names are vocabulary, not prose, so they go."""
    text = text.lower()
    for name in procedures:
        text = text.replace(name.lower(), " ")
    return re.sub(r"[^\w%]+", " ", text).split()


def test_no_sentence_is_copied_from_the_seed_article() -> None:
    procedures = sorted(knowledge().procedures, key=len, reverse=True)
    seed = " ".join(_words(" ".join(p.read_text(encoding="utf-8") for p in shared_file("seed").glob("*.txt")),
                           procedures))
    copied = set()
    for topic in faq.TOPICS:
        for variant_id in [None, *VARIANTS]:
            words = _words(faq.answer(topic, variant_id).text, procedures)
            copied.update(" ".join(words[i:i + 8]) for i in range(len(words) - 7)
                          if f" {' '.join(words[i:i + 8])} " in f" {seed} ")
    assert not copied


@pytest.mark.parametrize("text, topic", [
    ("UA or MBA - which is stronger?", "rating_meaning"),
    ("any slip-ups I should know about", "pitfalls"),
    ("histology or cytology, which one?", "fna_vs_core"),
    ("should we core it or aspirate, if the node looks suspicious?", "fna_vs_core"),
])
def test_the_keywords_know_terse_and_synonym_phrasings(text, topic):
    assert faq.detect_topic(text) == topic


@pytest.mark.parametrize("question", ["¿y por qué no una resonancia?", "et une IRM, non ?", "perché non la risonanza?"])
def test_magnetic_resonance_named_in_another_language_is_the_mri_question(question):
    assert faq.detect_topic(question) == "why_not_mri"


@pytest.mark.parametrize("question", ["She feels normal on exam, the MRI calls the node abnormal, and the core was "
                                      "benign: which result do we trust?",
                                      "nothing felt, US looks suspicious, FNA benign - how should we square this?"])
def test_an_exam_imaging_and_biopsy_that_disagree_are_the_discordance_question(question):
    assert faq.detect_topic(question) == "discordant"


@pytest.mark.parametrize("message", ["could we use it for a woman whose cancer has spread to the liver?",
                                     "would this help for a man, or for a lady with lymphoma?"])
def test_whether_the_tool_may_be_used_for_someone_is_the_scope_question(message: str) -> None:
    assert faq.detect_topic(message) == "scope"
