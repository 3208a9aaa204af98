"""The intake decision as a table: (intent, confidence, text, extraction, requested slot, pending message,
known facts) -> continue / answer / correct / new case / ask / clear / other / scope. No tracker, no Rasa."""
from dataclasses import replace
from typing import Any, Optional

import pytest

import bot
from bot import intake
from bot.facts import Extraction, empty

CASE_6 = {**empty(), "sex": "female", "age": 58, "diagnosis": "new_primary", "tumor_size_cm": 3.0,
          "clinical_nodes": "positive", "node_finding": "palpable", "axillary_lump": "unilateral",
          "treatment": "none"}
NEEDS_SIZE = {**CASE_6, "tumor_size_cm": None}


def ext(corrected: bool = False, new_case: bool = False, side: Optional[str] = None, cues=(),
        **facts: Any) -> Extraction:
    """A hand-built reading of a message (what bot.extract would return)."""
    return Extraction(facts={**empty(), **facts}, corrected=corrected, new_case=new_case, side=side,
                      cues=tuple(cues))


ROWS = [
    # id, intent, confidence, text, extraction, requested, pending, known, known side, alone scope -> kind
    ("first message starts the case", "describe_case", 0.95, "58F new 3 cm IDC L breast, palpable L node",
     ext(sex="female", age=58, diagnosis="new_primary", tumor_size_cm=3.0, clinical_nodes="positive",
         side="left"), None, None, {}, None, (), intake.CONTINUE),
    ("an answer to the size question", "inform", 0.9, "3.5 cm", ext(tumor_size_cm=3.5), "tumor_size_cm",
     None, NEEDS_SIZE, "left", (), intake.ANSWER),
    ("an answer the classifier took for a follow-up", "faq_biopsy_positive", 0.7,
     "she was node positive at diagnosis, FNA positive", ext(clinical_nodes="positive"), "clinical_nodes",
     None, {**CASE_6, "clinical_nodes": None}, "left", (), intake.ANSWER),
    ("a follow-up question is not an answer", "faq_why_not_mri", 0.95, "why not an MRI?", ext(),
     "tumor_size_cm", None, NEEDS_SIZE, "left", (), intake.OTHER),
    ("a follow-up question after the answer", "faq_why_not_pet", 0.95, "why not PET/CT?", ext(), None, None,
     CASE_6, "left", (), intake.OTHER),
    ("a correction word corrects", "correct", 0.9, "sorry, I meant 1.8",
     ext(corrected=True, tumor_size_cm=1.8), None, None, CASE_6, "left", (), intake.CORRECT),
    ("a short correction without the word", "inform", 0.8, "it's 1.8 cm", ext(tumor_size_cm=1.8), None,
     None, CASE_6, "left", (), intake.CORRECT),
    # fault 1: another side, "new ... IDC", another nodal status, no size: a new case, not a merge
    ("fault 1: another side with a new description", "describe_case", 0.95,
     "new R breast IDC, no palpable adenopathy, untreated",
     ext(diagnosis="new_primary", clinical_nodes="negative", treatment="none", side="right"), None, None,
     CASE_6, "left", (), intake.NEW_CASE),
    ("a case intent on a message without one word the core reads", "inform", 0.9, "zqx vlorpt", ext(),
     "clinical_nodes", None, NEEDS_SIZE, "left", (), intake.OTHER),
    ("a question whether men are covered is the scope follow-up", "nlu_fallback", 0.5, "are men covered too?",
     ext(sex="male"), None, None, CASE_6, "left", ("male",), intake.OTHER),
    ("a result stated tersely after the answer is its follow-up", "inform", 0.9, "FNA of the node: benign",
     ext(cues=("NODE", "BIOPSY")), None, None, CASE_6, "left", (), intake.OTHER),
    ("a result stated tersely while a question waits stays the case's", "inform", 0.9, "FNA of the node: benign",
     ext(cues=("NODE", "BIOPSY")), "tumor_size_cm", None, NEEDS_SIZE, "left", (), intake.CONTINUE),
    ("a side alone states nothing new", "inform", 0.9, "it's the right side", ext(side="right"), None,
     None, CASE_6, "left", (), intake.CONTINUE),
    ("a different age in a partial message is asked about", "describe_case", 0.95,
     "62F, 1.2 cm, palpable L node", ext(sex="female", age=62, tumor_size_cm=1.2, clinical_nodes="positive",
                                          side="left"), None, None, CASE_6, "left", (), intake.ASK),
    ("a whole description of a patient of another age is a new case", "describe_case", 0.95,
     "78 yo woman, new R breast IDC on core biopsy, no palpable nodes, no treatment",
     ext(sex="female", age=78, diagnosis="new_primary", clinical_nodes="negative", treatment="none",
         side="right"), None, None, CASE_6, "left", (), intake.NEW_CASE),
    # fault 3: the words say it is another patient
    ("fault 3: 'different pt' starts a new case", "describe_case", 0.95,
     "ok different pt: 68F, new 2.2 cm R breast IDC with a palpable R axillary node, untreated",
     ext(new_case=True, sex="female", age=68, diagnosis="new_primary", tumor_size_cm=2.2,
         clinical_nodes="positive", treatment="none", side="right"), None, None, CASE_6, "left", (),
     intake.NEW_CASE),
    ("the same patient described again (same age) corrects the case", "describe_case", 0.95,
     "58F, new 3 cm IDC left breast, palpable left axillary node, no treatment yet",
     ext(sex="female", age=58, diagnosis="new_primary", tumor_size_cm=3.0, clinical_nodes="positive",
         axillary_lump="unilateral", treatment="none", side="left"), None, None,
     {**CASE_6, "treatment": "post_surgery", "axillary_lump": "bilateral"}, "bilateral", (), intake.CORRECT),
    ("a whole description without an age that changes a complete case is asked about", "describe_case", 0.95,
     "new L breast IDC 1.2 cm, no palpable nodes, untreated",
     ext(diagnosis="new_primary", tumor_size_cm=1.2, clinical_nodes="negative", treatment="none", side="left"),
     None, None, CASE_6, "left", (), intake.ASK),
    ("'new patient' alone clears", "new_patient", 0.95, "new patient", ext(new_case=True), None, None,
     CASE_6, "left", (), intake.CLEAR),
    ("'next pt:' with a case, classified as a follow-up", "faq_scope", 0.55,
     "next pt: 50F new 1 cm L breast IDC, cN0", ext(new_case=True, age=50, diagnosis="new_primary",
                                                     tumor_size_cm=1.0, clinical_nodes="negative"),
     None, None, CASE_6, "left", (), intake.NEW_CASE),
    # the pending question "another patient or a correction?"
    ("'new patient' answers the pending question", "new_patient", 0.95, "new patient", ext(new_case=True),
     None, "62F new 1.2 cm L breast IDC", CASE_6, "left", (), intake.NEW_CASE),
    ("'yes' answers its first reading", "inform", 0.5, "yes", ext(), None, "62F new 1.2 cm L breast IDC",
     CASE_6, "left", (), intake.NEW_CASE),
    ("'same patient' answers its second reading", "inform", 0.5, "same patient", ext(), None,
     "62F new 1.2 cm L breast IDC", CASE_6, "left", (), intake.CORRECT),
    ("'no' answers its second reading", "inform", 0.5, "no", ext(), None, "62F new 1.2 cm L breast IDC",
     CASE_6, "left", (), intake.CORRECT),
    ("'correction' answers its second reading", "correct", 0.9, "correction", ext(corrected=True), None,
     "62F new 1.2 cm L breast IDC", CASE_6, "left", (), intake.CORRECT),
    # fault 2: a further description while the question waits: the latest one is asked about
    ("fault 2: a further description replaces the pending one", "describe_case", 0.95,
     "45F, 2.5 cm, no palpable nodes", ext(sex="female", age=45, tumor_size_cm=2.5, clinical_nodes="negative"),
     None, "62F, 1.2 cm, palpable L node", CASE_6, "left", (), intake.ASK),
    ("fault 2: a further whole description while the question waits is a new case", "describe_case", 0.95,
     "45F new 2.5 cm R breast IDC, no palpable nodes, no tx",
     ext(sex="female", age=45, diagnosis="new_primary", tumor_size_cm=2.5, clinical_nodes="negative",
         treatment="none", side="right"), None, "62F, 1.2 cm, palpable L node", CASE_6, "left", (),
     intake.NEW_CASE),
    ("an unclear reply asks again", "inform", 0.4, "hmm", ext(), None, "62F new 1.2 cm L breast IDC", CASE_6,
     "left", (), intake.ASK),
    ("a question while the question waits is answered", "faq_why_not_mri", 0.95, "why not MRI?", ext(), None,
     "62F new 1.2 cm L breast IDC", CASE_6, "left", (), intake.OTHER),
    # scope: a man, screening, a neck node, mid-conversation
    ("a man mid-conversation is another patient, out of scope", "describe_case", 0.9,
     "60M with a palpable L axillary lump", ext(sex="male", age=60, axillary_lump="unilateral"), None, None,
     CASE_6, "left", ("male",), intake.NEW_CASE),
    ("a man asked about as a follow-up", "faq_scope", 0.8, "what about a 60M with a palpable axillary node?",
     ext(sex="male", age=60, clinical_nodes="positive"), None, None, CASE_6, "left", ("male",),
     intake.NEW_CASE),
    ("a neck node with an age is another patient", "describe_case", 0.8, "45F with a palpable neck node",
     ext(sex="female", age=45, encounter="unrelated", cues=("NODE", "PALPABLE")), None, None, CASE_6, "left",
     ("unrelated",), intake.NEW_CASE),
    ("a screening question", "out_of_scope", 0.8, "should she have a screening mammogram?",
     ext(sex="female", encounter="screening"), None, None, CASE_6, "left", ("screening",), intake.SCOPE),
    ("a question about the guidance's population stays a follow-up", "faq_scope", 0.9,
     "is this for male patients too?", ext(sex="male"), None, None, CASE_6, "left", ("male",), intake.OTHER),
    ("a screening question classified as a follow-up", "faq_why_not_mri", 0.7,
     "should she have a screening MRI instead?", ext(sex="female", encounter="screening"), None, None, CASE_6,
     "left", ("screening",), intake.SCOPE),
    ("an unrelated follow-up is no patient", "faq_rating_meaning", 0.9, "usually appropriate, meaning?",
     ext(encounter="unrelated"), None, None, CASE_6, "left", ("unrelated",), intake.OTHER),
    # a correction the classifier took for a follow-up question
    ("a correction of the sex, classified as a scope question", "faq_scope", 0.8,
     "forgot to mention: he's a man", ext(corrected=True, sex="male"), None, None, CASE_6, "left", ("male",),
     intake.CORRECT),
    ("a correction of the treatment, classified as a follow-up", "faq_neoadjuvant", 0.9,
     "sorry, that was at diagnosis; she has now finished neoadjuvant chemo",
     ext(corrected=True, treatment="neoadjuvant_completed"), None, None, CASE_6, "left", (), intake.CORRECT),
    ("a question with a correction word is still a question", "faq_why_not_mri", 0.9,
     "sorry, why not MRI?", ext(corrected=True), None, None, CASE_6, "left", (), intake.OTHER),
    # the node question answered for the case's side while another side's node is named too
    ("an answer that names the case's side and the other", "inform", 0.9,
     "nothing felt in the left axilla; there is a palpable right one",
     ext(clinical_nodes="negative", side="right", cues=("SIDE_LEFT", "SIDE_RIGHT")), "clinical_nodes", None,
     {**CASE_6, "clinical_nodes": None}, "left", (), intake.ANSWER),
    # a pasted report of a patient to begin with, ending in a question the classifier took for a follow-up
    ("a first message describing a patient, with its question", "faq_small_tumor", 0.8,
     "Specimen: core biopsy, left breast\nDiagnosis: invasive lobular carcinoma\nPatient: 71 yo woman\nAxilla?",
     ext(sex="female", age=71, diagnosis="new_primary"), None, None, {}, None, (), intake.CONTINUE),
    ("a first general question names no patient", "faq_small_tumor", 0.9,
     "does a 2 cm tumour count as small?", ext(tumor_size_cm=2.0), None, None, {}, None, (), intake.OTHER),
    # news of the case with its question: the finding is the case's, a plan is what the question is about
    ("a new finding of the case beside its question", "faq_suspicious_features", 0.8,
     "Update - the scan is done: a round node without its hilum. Next?",
     ext(clinical_nodes="positive", node_finding="mammography_or_us"), None, None,
     {**CASE_6, "clinical_nodes": None, "node_finding": None}, "left", (), intake.CONTINUE),
    # an earlier patient named again: not the case held, whose answers would be the wrong patient's
    ("an earlier patient's fact alone does not start a case", "inform", 0.9,
     "back to the first patient: she has a palpable node", ext(clinical_nodes="positive"), None, None, CASE_6,
     "left", (), intake.OTHER),
    ("a plan beside its question stays the question", "faq_neoadjuvant", 0.9,
     "she will start NAC regardless - is the axillary US still needed?", ext(treatment="neoadjuvant_ongoing"),
     None, None, CASE_6, "left", (), intake.OTHER),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_the_intake_decision_table(row) -> None:
    _, intent, confidence, text, extraction, requested, pending, known, side, scope, kind = row
    decision = intake.decide(intent, confidence, text, extraction, requested=requested, pending=pending,
                             known=known, known_side=side, alone_scope=scope)
    assert decision.kind == kind, decision


def test_the_latest_pending_description_is_the_one_kept() -> None:
    latest = "45F, 2.5 cm, no palpable nodes"
    decision = intake.decide("describe_case", 0.95, latest,
                             ext(sex="female", age=45, tumor_size_cm=2.5, clinical_nodes="negative"),
                             pending="62F new 1.2 cm L breast IDC", known=CASE_6, known_side="left")
    assert (decision.kind, decision.pending) == (intake.ASK, latest)
    answered = intake.decide("new_patient", 0.95, "new patient", ext(new_case=True), pending=latest,
                             known=CASE_6, known_side="left")
    assert (answered.kind, answered.text) == (intake.NEW_CASE, latest)


@pytest.mark.parametrize("text, reply", [
    ("yes", "new"), ("yep, new one", "new"), ("new", "new"), ("another one", "new"), ("new patient", "new"),
    ("no", "correction"), ("same", "correction"), ("same patient", "correction"), ("correction", "correction"),
    ("it's a correction", "correction"), ("hmm", None), ("why not MRI", None),
])
def test_replies_to_the_pending_question_come_from_the_lexicon(text: str, reply: Optional[str]) -> None:
    assert intake.pending_reply(text) == reply


@pytest.mark.parametrize("text, question", [
    ("why not an MRI?", True), ("is a breast MRI OK for her", True), ("what if the biopsy is negative", True),
    ("should I order a PET", True), ("3.5 cm", False), ("no palpable nodes", False),
    ("she was node positive at diagnosis", False),
    ("L breast IDC\nSize: 2.2 cm\nNext step: ?", False), ("L breast IDC 2.2 cm, next step?", True),
    ("explain the ratings", True), ("list the signs of an abnormal node", True), ("listed as BI-RADS 5", False),
])
def test_questions_are_recognised_by_the_lexicon_words(text: str, question: bool) -> None:
    assert intake.is_question(text) is question


def test_no_regex_for_yes_no_is_left_in_the_actions() -> None:
    from pathlib import Path
    source = (Path(__file__).resolve().parents[2] / "actions" / "case.py").read_text()
    assert "_YES" not in source and "_NO =" not in source and "re.compile" not in source
    state = (Path(__file__).resolve().parents[2] / "actions" / "case_state.py").read_text()
    assert "re.compile" not in state


def test_the_side_comes_from_the_core_or_its_cues() -> None:
    assert intake.side_of(ext(side="left")) == "left"
    assert intake.side_of(ext(cues=("SIDE_RIGHT",))) == "right"
    assert intake.side_of(ext(cues=("SIDE_LEFT", "SIDE_RIGHT"))) == "bilateral"
    assert intake.side_of(ext()) is None


def test_readings_give_the_facts_of_both_answers() -> None:
    message = ext(age=62, tumor_size_cm=1.2)
    both = intake.readings(CASE_6, message)
    assert both["new"]["age"] == 62 and both["new"]["clinical_nodes"] is None
    assert both["correction"]["age"] == 62 and both["correction"]["clinical_nodes"] == "positive"


def test_scope_of_names_the_rule_of_the_message_alone() -> None:
    import bot
    assert intake.scope_of(bot.extract("55M with a palpable L axillary lump")) == ("male",)
    assert intake.scope_of(bot.extract("58F new 3 cm IDC, palpable L node, no tx")) == ()


def test_against_makes_a_size_on_the_other_side_of_2_cm_a_contradiction() -> None:
    ext = bot.against({"tumor_size_cm": 1.8}, bot.extract("the MRI says 2.4 cm"))
    assert ext.conflicts == ("tumor_size_cm",) and ext.stated.get("tumor_size_cm") is None


def test_against_leaves_a_size_on_the_same_side_alone() -> None:
    assert bot.against({"tumor_size_cm": 2.4}, bot.extract("the MRI says 2.9 cm")).stated["tumor_size_cm"] == 2.9


def test_against_keeps_a_node_suspicious_on_imaging_over_a_later_negative_exam() -> None:
    known = {"clinical_nodes": "positive", "node_finding": "mammography_or_us"}
    ext = bot.against(known, bot.extract("no palpable axillary nodes on exam"))
    assert ext.conflicts == () and ext.stated.get("clinical_nodes") is None


def test_against_makes_two_exams_that_disagree_a_contradiction() -> None:
    known = {"clinical_nodes": "positive", "node_finding": "palpable"}
    assert bot.against(known, bot.extract("no palpable axillary nodes on exam")).conflicts == ("clinical_nodes",)


def test_against_keeps_a_new_diagnosis_when_a_message_says_there_was_no_earlier_cancer() -> None:
    ext = bot.against({"diagnosis": "new_primary"}, bot.extract("no prior history of breast cancer, node palpable"))
    assert ext.stated.get("diagnosis") is None and ext.stated["clinical_nodes"] == "positive"


def test_a_fact_beside_a_no_does_not_answer_the_pending_question() -> None:
    assert intake.pending_reply("no nodes", with_facts=True) is None
    assert intake.pending_reply("nope, she is 44", "correct", with_facts=True) is None
    assert intake.pending_reply("new patient, no nodes", with_facts=True) == "new"
    decision = intake.decide("inform", 0.9, "no palpable nodes", ext(clinical_nodes="negative"),
                             pending="44F, 1.1 cm IDC", known=CASE_6, known_side="left")
    assert (decision.kind, decision.pending) == (intake.ASK, "44F, 1.1 cm IDC\nno palpable nodes")


def test_a_statement_of_two_case_facts_is_a_case_message_whatever_the_intent() -> None:
    decision = intake.decide("faq_small_tumor", 0.9, "new IDC, at least 2 cm, cN0",
                             ext(diagnosis="new_primary", clinical_nodes="negative"))
    assert decision.kind == intake.CONTINUE
    question = intake.decide("faq_small_tumor", 0.9, "new IDC, cN0: does 2 cm matter?",
                             ext(diagnosis="new_primary", clinical_nodes="negative"))
    assert question.kind == intake.OTHER


def test_a_question_after_but_without_a_comma_is_its_own_part() -> None:
    assert intake.statement_part("she has no nodes but why not PET?") == (0, "she has no nodes")


def test_a_reported_question_is_a_question() -> None:
    assert intake.is_question("the patient asks whether the clear biopsy means she is fine")
    assert not intake.is_question("the biopsy was clear")


def test_a_message_naming_another_patient_than_the_case_s_is_asked_about_or_answered_aside() -> None:
    named = replace(ext(tumor_size_cm=1.5), patient="b")
    decision = intake.decide("correct", 0.95, "patient B: the size is 1.5 cm", named, known=CASE_6,
                             known_side="left", known_patient="a")
    assert (decision.kind, decision.why) == (intake.ASK, intake.OTHER_NAMED)
    question = intake.decide("faq_why_not_pet", 0.95, "back to patient B, why not PET?", replace(ext(), patient="b"),
                             known=CASE_6, known_side="left", known_patient="a")
    assert (question.kind, question.why) == (intake.OTHER, intake.OTHER_NAMED)
    same = intake.decide("correct", 0.95, "patient A: the size is 1.5 cm", replace(ext(tumor_size_cm=1.5), patient="a"),
                         known=CASE_6, known_side="left", known_patient="a")
    assert same.kind == intake.CORRECT


def test_named_patients_a_whole_description_of_another_is_a_new_case_and_the_case_s_own_name_is_its_own() -> None:
    other = replace(ext(sex="female", age=70, diagnosis="new_primary", tumor_size_cm=1.0, clinical_nodes="negative",
                        treatment="none"), patient="b")
    decision = intake.decide("describe_case", 0.95, "Mrs B: 70F new 1 cm IDC, cN0, untreated", other, known=CASE_6,
                             known_side="left", known_patient="a")
    assert (decision.kind, decision.why) == (intake.NEW_CASE, intake.OTHER_NAMED)
    own = replace(ext(clinical_nodes="negative"), patient="a")
    decision = intake.decide("inform", 0.9, "patient A: node not palpable after all", own, pending="Pt B: 70F 1 cm",
                             known=CASE_6, known_side="left", known_patient="a")
    assert decision.kind == intake.CORRECT and decision.text == "patient A: node not palpable after all"


@pytest.mark.parametrize("text", ["new 1.9 cm IDC, cN0; ? abnormal node on the mammogram", "L IDC 2 cm (?mets on CT)"])
def test_a_query_mark_before_a_word_is_the_notes_possibly_not_a_question(text: str) -> None:
    assert not intake.is_question(text)


@pytest.mark.parametrize("text", ["her twin sister, 51, has a new R IDC 2 cm too", "his daughter (29) was diagnosed "
                                  "with a left breast cancer last week, no nodes"])
def test_a_relative_s_own_case_is_asked_about_as_another_patient(text: str) -> None:
    decision = intake.decide("describe_case", 0.9, text, ext(clinical_nodes="negative"), known=CASE_6,
                             known_side="left")
    assert (decision.kind, decision.pending) == (intake.ASK, text)


def test_a_relative_s_history_in_the_case_is_no_other_patient() -> None:
    decision = intake.decide("inform", 0.9, "her mother had breast cancer at 60", ext(), known=CASE_6,
                             known_side="left")
    assert decision.kind != intake.ASK


@pytest.mark.parametrize("text", ["nouvelle patiente", "neuer Patient", "clear everything", "begin again"])
def test_new_patient_words_in_other_languages_and_reset_words_start_a_new_case(text: str) -> None:
    assert intake.pending_reply(text) == "new"


@pytest.mark.parametrize("text, question", [
    ("perhaps a small node? difficult exam", False), ("possibly something firm in the axilla?", False),
    ("maybe an MRI?", True), ("maybe a node? and why not PET?", True),
])
def test_a_hedged_finding_closed_by_a_question_mark_is_doubt_not_a_question(text: str, question: bool) -> None:
    assert intake.is_question(text) is question


@pytest.mark.parametrize("label, text", [("bed 12", "Bed 14: new L IDC 1.5 cm, untreated, cN0"),
                                         ("case 1", "Case 2 - new L IDC 1.5 cm, untreated, cN0"),
                                         ("mrn 5561203", "MRN 5561877: new L IDC 1.5 cm, untreated, cN0")])
def test_a_description_under_another_ward_label_or_record_number_is_a_new_patient(label: str, text: str) -> None:
    found = bot.extract(text)
    decision = intake.decide("describe_case", 0.9, text, found, known=CASE_6, known_side="left", known_patient=label)
    assert decision.kind == intake.NEW_CASE and found.patient != label


def test_whether_the_tool_may_be_used_for_a_man_is_a_question_not_a_male_patient() -> None:
    text = "could we use it for a man with breast cancer, or for someone on chemotherapy?"
    decision = intake.decide("faq_scope", 0.9, text, bot.extract(text), alone_scope=("male",))
    assert decision.kind == intake.OTHER


@pytest.mark.parametrize("text", ["back to the first patient - why not PET for her?",
                                  "about the previous lady: what if her US is normal?"])
def test_a_follow_up_about_an_earlier_patient_is_said_to_be_not_the_case_s(text: str) -> None:
    decision = intake.decide("faq_why_not_pet", 0.9, text, bot.extract(text), known=CASE_6, known_side="left")
    assert (decision.kind, decision.why) == (intake.OTHER, intake.OTHER_NAMED)
