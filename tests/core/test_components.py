"""The custom spaCy components, each on a blank pipeline with inline patterns and rules (as spaCy's and medspaCy's
own tests do), the checks of the rule files, and the labels the readers name against the lexicon."""
import ast
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
import spacy
import yaml
from spacy import attrs

from bot.nlp import components, pipeline, structured
from bot.nlp.components import CONTEXT_KEY, CUES_KEY, ContextRule

BOT = Path(__file__).resolve().parents[2] / "bot"


# ---------------------------------------------------------------- axilla_context

NEG = {"category": "NEGATED_EXISTENCE", "direction": "FORWARD", "max_scope": 7}


def context_nlp(patterns: Dict[str, List[str]], rules: List[Dict[str, Any]]):
    """spacy.blank("en") + span_ruler (phrases on NORM) + axilla_context with these rules."""
    nlp = spacy.blank("en")
    nlp.add_pipe("span_ruler", config={"spans_key": CUES_KEY, "phrase_matcher_attr": "NORM"}).add_patterns(
        [{"label": label, "pattern": p} for label, phrases in patterns.items() for p in phrases])
    nlp.add_pipe("axilla_context").add_rules(rules)
    return nlp


def cue(doc, label: str):
    (found,) = [c for c in doc._.cues if c.label == label]
    return found


def test_negation_reaches_forward():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    assert cue(nlp("no palpable axillary node"), "NODE").negated


def test_negation_stops_at_its_max_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG, "max_scope": 2}])
    assert not cue(nlp("no palpable mass in the axilla and a node"), "NODE").negated


def test_forward_negation_does_not_reach_back():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    assert not cue(nlp("a node and no mass"), "NODE").negated


def test_post_negation_reaches_back():
    nlp = context_nlp({"AXILLA": ["axilla"]}, [
        {"literal": "negative", "category": "NEGATED_EXISTENCE", "direction": "BACKWARD", "max_scope": 4}])
    assert cue(nlp("axilla negative"), "AXILLA").negated


def test_a_rule_modifies_only_its_allowed_types():
    nlp = context_nlp({"CANCER": ["idc"]}, [{"literal": "negative", "category": "NEGATED_EXISTENCE",
                                             "direction": "BACKWARD", "max_scope": 4, "allowed_types": ["NODE"]}])
    assert not cue(nlp("IDC negative"), "CANCER").negated


def test_pseudo_negation_is_no_negation():
    nlp = context_nlp({"CANCER": ["cancer"]}, [
        {"literal": "negative", "category": "NEGATED_EXISTENCE", "direction": "BIDIRECTIONAL", "max_scope": 4},
        {"literal": "triple negative", "category": "NEGATED_EXISTENCE", "direction": "PSEUDO"}])
    assert not cue(nlp("triple negative cancer"), "CANCER").negated


def test_a_pseudo_phrase_voids_only_its_own_category():
    nlp = context_nlp({"NAC": ["chemo"]}, [
        {"literal": "not", **NEG},
        {"literal": "had", "category": "TERMINATE", "direction": "TERMINATE"},
        {"literal": "not had", "category": "TERMINATE", "direction": "PSEUDO"}])
    assert cue(nlp("she has not had chemo"), "NAC").negated


def test_a_terminator_ends_the_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG},
                                           {"literal": "but", "category": "TERMINATE", "direction": "TERMINATE"}])
    assert not cue(nlp("no mass but a palpable node"), "NODE").negated


def test_clause_punctuation_ends_the_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG},
                                           {"literal": ",", "category": "TERMINATE", "direction": "TERMINATE"}])
    assert not cue(nlp("no mass, palpable node"), "NODE").negated


COMMA = {"literal": ",", "category": "TERMINATE", "direction": "TERMINATE"}


def test_a_negation_reaches_the_last_item_of_its_list_to_the_or():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG, "max_scope": 3}, COMMA])
    assert cue(nlp("no rash, fever, cough, or tender palpable node"), "NODE").negated


@pytest.mark.parametrize("text", ["no rash, fever, palpable node", "no rash, palpable node or so"])
def test_a_list_without_its_comma_and_or_is_no_list_for_a_negation(text: str):
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}, COMMA])
    assert not cue(nlp(text), "NODE").negated


def test_a_negation_reaches_a_list_whose_last_two_items_share_one_comma():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG, "max_scope": 3}, COMMA])
    assert cue(nlp("no rash, tender skin or palpable node"), "NODE").negated
    assert not cue(nlp("no rash, palpable node or two"), "NODE").negated
    assert not cue(nlp("no rash, palpable node, unclear whether one or both"), "NODE").negated


@pytest.mark.parametrize("text", ["no rash - palpable node", "a woman with no history shows a node"])
def test_a_spaced_dash_or_a_studys_verb_ends_a_negations_scope(text: str):
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    assert not cue(nlp(text), "NODE").negated


def test_a_spaced_dash_ends_a_querys_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "query", "category": "POSSIBLE_EXISTENCE",
                                            "direction": "FORWARD", "max_scope": 7}])
    assert not cue(nlp("CT for query embolus - 2 cm node"), "NODE").uncertain


def test_a_line_break_ends_the_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    assert not cue(nlp("no mass\npalpable node"), "NODE").negated


def test_a_full_stop_ends_the_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    assert not cue(nlp("No mass. Palpable node."), "NODE").negated


def test_a_colon_right_after_the_phrase_does_not_end_the_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    assert cue(nlp("no: palpable node"), "NODE").negated


def test_a_field_colon_after_the_negated_words_ends_the_scope():
    nlp = context_nlp({"NODE": ["node"], "CANCER": ["cancer"]}, [{"literal": "no", **NEG}])
    doc = nlp("no history of cancer: palpable node")
    assert cue(doc, "CANCER").negated and not cue(doc, "NODE").negated


def test_field_negation_by_an_empty_answer():
    nlp = context_nlp({"NODE": ["nodes"]}, [
        {"literal": ": none", "category": "NEGATED_EXISTENCE", "direction": "BACKWARD", "max_scope": 6}])
    assert cue(nlp("Palpable nodes: none"), "NODE").negated


def test_a_field_s_empty_answer_reaches_back_to_its_own_field_only():
    nlp = context_nlp({"NODE": ["nodes"], "NSTAGE": ["cN"]}, [
        {"literal": ": none", "category": "NEGATED_EXISTENCE", "direction": "BACKWARD", "max_scope": 6}])
    doc = nlp("cN: 1 nodes: none")
    assert cue(doc, "NODE").negated and not cue(doc, "NSTAGE").negated


HISTORY = {"literal": "previously", "category": "HISTORICAL", "direction": "BIDIRECTIONAL",
           "max_scope": {"forward": 7, "backward": 10}}


def test_a_modifier_in_brackets_with_a_target_there_keeps_to_the_brackets():
    nlp = context_nlp({"NSTAGE": ["cN0", "cN1"]}, [HISTORY])
    doc = nlp("cN0 (cN1 previously)")
    assert [(c.text, c.historical) for c in doc._.cues] == [("cN0", False), ("cN1", True)]


def test_a_modifier_in_brackets_with_no_target_there_reaches_out():
    nlp = context_nlp({"NSTAGE": ["cN1"]}, [HISTORY])
    assert cue(nlp("cN1 (previously)"), "NSTAGE").historical


def test_uncertainty_reaches_back_as_far_as_its_backward_scope():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "possibly", "category": "POSSIBLE_EXISTENCE",
                                            "direction": "BIDIRECTIONAL", "max_scope": {"forward": 7, "backward": 4}}])
    assert cue(nlp("axillary node possibly"), "NODE").uncertain


def test_uncertainty_from_a_regex_pattern():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "?node", "pattern": r"\?(?=\w)",
                                            "category": "POSSIBLE_EXISTENCE", "direction": "FORWARD", "max_scope": 7}])
    assert cue(nlp("L axilla ?node"), "NODE").uncertain


def test_family():
    nlp = context_nlp({"CANCER": ["breast cancer"]}, [{"literal": "mother", "category": "FAMILY",
                                                       "direction": "BIDIRECTIONAL", "max_scope": 9}])
    assert cue(nlp("mother had breast cancer"), "CANCER").family


def test_plan():
    nlp = context_nlp({"NAC": ["nac"]}, [{"literal": "planned", "category": "HYPOTHETICAL",
                                          "direction": "BIDIRECTIONAL", "max_scope": 3}])
    assert cue(nlp("NAC planned"), "NAC").planned


def test_historical():
    nlp = context_nlp({"CANCER": ["idc"]}, [{"literal": "in 2015", "pattern": r"\bin (?:19|20)\d\d\b",
                                             "category": "HISTORICAL", "direction": "BIDIRECTIONAL",
                                             "max_scope": {"forward": 7, "backward": 10}, "allowed_types": ["CANCER"]}])
    assert cue(nlp("treated for IDC in 2015"), "CANCER").historical


def test_phrases_are_matched_on_the_norm():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [[{"LOWER": "neg"}]], "attrs": {"NORM": "negative"}}])
    nlp.add_pipe("span_ruler", config={"spans_key": CUES_KEY, "phrase_matcher_attr": "NORM"}).add_patterns(
        [{"label": "AXILLA", "pattern": "axilla"}])
    nlp.add_pipe("axilla_context").add_rules([{"literal": "negative", "category": "NEGATED_EXISTENCE",
                                               "direction": "BACKWARD", "max_scope": 4}])
    assert cue(nlp("axilla neg"), "AXILLA").negated


def test_clauses_and_sentences_of_the_cues():
    nlp = context_nlp({"NODE": ["node"], "LUMP": ["lump"], "CANCER": ["idc"]},
                      [{"literal": "but", "category": "TERMINATE", "direction": "TERMINATE"}])
    doc = nlp("a node but a lump. IDC")
    assert [(c.label, c.clause, c.sentence) for c in doc._.cues] == [("NODE", 0, 0), ("LUMP", 1, 0), ("CANCER", 2, 1)]


def test_the_modifiers_are_kept_by_category():
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    doc = nlp("no node")
    assert [(s.text, s.label_) for s in doc.spans[CONTEXT_KEY]] == [("no", "NEGATED_EXISTENCE")]


def test_the_rules_survive_saving_and_loading(tmp_path):
    nlp = context_nlp({"NODE": ["node"]}, [{"literal": "no", **NEG}])
    nlp.to_disk(tmp_path)
    assert cue(spacy.load(tmp_path)("no node"), "NODE").negated


@pytest.mark.parametrize("change, problem", [
    ({"category": "NEGATED"}, "unknown category 'NEGATED'"),
    ({"direction": "AHEAD"}, "unknown direction 'AHEAD'"),
    ({"max_scope": -2}, "max_scope -2"),
    ({"max_scope": "seven"}, "max_scope is a number of tokens"),
    ({"max_scope": {"forward": 3, "backward": 1}}, "is for a BIDIRECTIONAL rule"),
    ({"direction": "TERMINATE"}, "a terminator's category is TERMINATE"),
    ({"allowed_types": "NODE"}, "allowed_types is a non-empty list"),
    ({"pattern": "(unclosed"}, "no regular expression"),
    ({"scope": 3}, "unknown key 'scope'"),
    ({"literal": ""}, "no literal"),
])
def test_a_bad_rule_is_refused_with_its_problem(change, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        ContextRule.from_dict({"literal": "no", **NEG, **change})


def test_the_component_names_the_bad_rule():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match=r"context rule 2 \('never'\): unknown category 'NEG'"):
        nlp.add_pipe("axilla_context").add_rules([{"literal": "no", **NEG}, {"literal": "never", **NEG,
                                                                             "category": "NEG"}])


def rule_file(tmp_path, monkeypatch, rules: List[Dict[str, Any]]) -> Path:
    (tmp_path / "lexicon.yml").write_text(yaml.safe_dump({"labels": {"NODE": ["node"]}, "regex": {}}))
    (tmp_path / "context.yml").write_text(yaml.safe_dump({"context_rules": rules}))
    monkeypatch.setattr(pipeline, "PATTERNS", tmp_path)
    return tmp_path / "context.yml"


def test_the_loader_names_the_file_the_rule_and_the_problem(tmp_path, monkeypatch):
    path = rule_file(tmp_path, monkeypatch, [{"literal": "no", **NEG}, {"literal": "never", **NEG, "max_scope": -1}])
    with pytest.raises(ValueError, match=re.escape(f"{path}: rule 2 ('never'): max_scope -1")):
        pipeline.context_rules()


def test_the_loader_refuses_a_target_label_the_lexicon_does_not_define(tmp_path, monkeypatch):
    rule_file(tmp_path, monkeypatch, [{"literal": "no", **NEG, "allowed_types": ["NODE", "NODES"]}])
    with pytest.raises(ValueError, match=r"rule 1 \('no'\): allowed_types NODES: no such label in lexicon.yml"):
        pipeline.context_rules()


def test_the_loader_refuses_a_rule_given_twice(tmp_path, monkeypatch):
    rule_file(tmp_path, monkeypatch, [{"literal": "no", **NEG}, {"literal": "No", **NEG}])
    with pytest.raises(ValueError, match=r"rule 2 \('No'\): the same phrase, category and direction as rule 1"):
        pipeline.context_rules()


def test_the_lexicon_loader_refuses_a_regular_expression_among_the_phrases(tmp_path, monkeypatch):
    lexicon = {"labels": {"NODE": ["node", "(?i)\\bnodes?\\b"]}, "regex": {}}
    (tmp_path / "lexicon.yml").write_text(yaml.safe_dump(lexicon))
    monkeypatch.setattr(pipeline, "PATTERNS", tmp_path)
    with pytest.raises(ValueError, match=r"labels.NODE: .* is a regular expression: put it under regex"):
        pipeline.span_patterns()


def test_the_project_rules_load():
    rules = [ContextRule.from_dict(r) for r in pipeline.context_rules()]
    assert {r.category for r in rules} == set(components.CATEGORIES) - {"PSEUDO"}


# ---------------------------------------------------------------- regex_ruler

def regex_nlp(patterns: Dict[str, List[str]]):
    nlp = spacy.blank("en")
    nlp.add_pipe("regex_ruler").add_patterns(patterns)
    return nlp


def test_regex_ruler_marks_its_matches():
    doc = regex_nlp({"AGE_SEX": [r"\b\d{1,3}[FM]\b"]})("new IDC, 58F")
    assert [(s.text, s.label_) for s in doc.spans[CUES_KEY]] == [("58F", "AGE_SEX")]


def test_regex_ruler_widens_a_match_to_whole_tokens():
    doc = regex_nlp({"SIZE": [r"\d+\s*cm"]})("IDC 3cm.")
    assert [s.text for s in doc.spans[CUES_KEY]] == ["3cm"]


def test_regex_ruler_inline_flags_apply_to_their_own_pattern():
    doc = regex_nlp({"SIDE_LEFT": [r"\bL\b", r"(?i)\bleft\b"]})("LEFT breast, l axilla")
    assert [s.text for s in doc.spans[CUES_KEY]] == ["LEFT"]


def test_regex_ruler_keeps_the_spans_already_there():
    nlp = spacy.blank("en")
    nlp.add_pipe("span_ruler", config={"spans_key": CUES_KEY}).add_patterns([{"label": "CANCER", "pattern": "IDC"}])
    nlp.add_pipe("regex_ruler").add_patterns({"SIZE": [r"\d+ cm"]})
    doc = nlp("IDC 3 cm")
    assert [s.label_ for s in doc.spans[CUES_KEY]] == ["CANCER", "SIZE"]


def test_regex_ruler_reads_the_words_the_typo_component_mended():
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"palpable": "palpable"}, [])
    nlp.add_pipe("regex_ruler").add_patterns({"EXAM": [r"(?i)\bpalpable\s+node\b"]})
    doc = nlp("a palpabel node here")
    assert [(s.label_, s.text, s.start_char) for s in doc.spans[CUES_KEY]] == [("EXAM", "palpabel node", 2)]


def test_a_context_regex_reads_the_words_the_typo_component_mended():
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"without": "without"}, [])
    nlp.add_pipe("span_ruler", config={"spans_key": CUES_KEY}).add_patterns([{"label": "NODE", "pattern": "node"}])
    nlp.add_pipe("axilla_context").add_rules([{"literal": "without", "pattern": r"(?i)\bwithout\b", **NEG}])
    assert cue(nlp("witout a node"), "NODE").negated


# ---------------------------------------------------------------- typo_norms

def typo_nlp(known: List[str] = ()):
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"palpable": "palpable", "axillary": "axillary", "neoadjuvant":
                                               "neoadjuvant", "neoadj": "neoadjuvant", "nodal": "nodal"}, known)
    return nlp


def test_typo_norms_corrects_one_slip():
    assert [t.norm_ for t in typo_nlp()("palpabel node")][0] == "palpable"


def test_typo_norms_gives_the_norm_of_the_word_meant():
    assert typo_nlp()("neoadjuvent chemo")[0].norm_ == "neoadjuvant"


def test_typo_norms_leaves_known_words():
    assert typo_nlp(known=["palpables"])("palpables")[0].norm_ == "palpables"


def test_typo_norms_leaves_short_words():
    assert typo_nlp()("noda")[0].norm_ == "noda"


def test_typo_norms_leaves_words_two_slips_away():
    assert typo_nlp()("plapabel")[0].norm_ == "plapabel"


def test_typo_norms_swaps_two_letters_of_a_short_word_back():
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"lump": "lump", "left": "left"}, [])
    assert [t.norm_ for t in nlp("ulmp lfet")] == ["lump", "left"]


@pytest.mark.parametrize("scanned, meant", [("rnammograrn", "mammogram"), ("firrn", "firm")])
def test_typo_norms_reads_an_m_that_text_recognition_misread_as_rn(scanned: str, meant: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"mammogram": "mammogram", "firm": "firm"}, [])
    assert nlp(scanned)[0].norm_ == meant


def test_typo_norms_mends_a_short_word_by_no_other_slip():
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"left": "left"}, [])
    assert nlp("lift")[0].norm_ == "lift"  # a substitution away: another real word


def test_typo_norms_reads_a_word_written_without_its_vowels():
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"palpable": "palpable", "lump": "lump", "lamp": "lamp"}, [])
    assert [t.norm_ for t in nlp("plpbl lmp")] == ["palpable", "lmp"]  # "lmp": lump or lamp, left as written


def test_typo_norms_leaves_two_consonants_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("typo_norms").add_vocabulary({"node": "node"}, [])
    assert nlp("nd")[0].norm_ == "nd"


# ---------------------------------------------------------------- the labels the readers name

_READERS = sorted((BOT / "nlp").glob("*.py")) + [BOT / "intake.py"]


def _lexicon() -> Dict[str, Any]:
    return yaml.safe_load((BOT / "nlp" / "patterns" / "lexicon.yml").read_text())


def _not_labels() -> set:
    """Upper-case strings of the code that are no labels: spaCy attributes, Unicode forms, section names, the
    context rules' own vocabulary, HL7 segment names."""
    sections = set(re.findall(r"[A-Z]{2,}", " ".join(_lexicon()["regex"].get("SECTION", []))))
    return set(attrs.IDS) | {"NFC", "NFD", "NFKC", "NFKD"} | sections | set(components.CATEGORIES) \
        | set(components.DIRECTIONS) | set(structured.SEGMENTS)


def _named_in_code() -> Dict[str, List[str]]:
    """Upper-case string constants of the readers ("NODE_NEG"), with the files naming them; not prefixes ("CTX_")
    nor TNM values ("T0")."""
    named: Dict[str, List[str]] = {}
    for path in _READERS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.fullmatch(r"[A-Z][A-Z0-9_]*[A-Z0-9]", node.value) \
                    and not re.fullmatch(r"[cpy]?[TNM](?:[0-4X]|IS)[A-D]?", node.value):
                named.setdefault(node.value, []).append(path.name)
    return named


def test_every_label_the_readers_name_is_in_the_lexicon():
    lexicon = _lexicon()
    defined = set(lexicon["labels"]) | set(lexicon["regex"])
    unknown = {label: files for label, files in _named_in_code().items()
               if label not in defined and label not in _not_labels()}
    assert not unknown, f"labels named in the code but not defined in lexicon.yml: {unknown}"


def test_every_lexicon_label_is_read():
    lexicon = _lexicon()
    unread = sorted((set(lexicon["labels"]) | set(lexicon["regex"])) - set(_named_in_code()))
    assert not unread, f"lexicon.yml labels no reader reads: {unread}"


def test_the_context_rules_modify_lexicon_labels_only():
    lexicon = _lexicon()
    defined = set(lexicon["labels"]) | set(lexicon["regex"])
    targets = {t for rule in pipeline.context_rules() for t in rule.get("allowed_types", ())}
    assert targets and targets <= defined



def test_typo_norms_leaves_a_protected_real_word_that_is_one_slip_from_a_vocabulary_word():
    assert typo_nlp()("palpables")[0].norm_ == "palpable"  # unprotected: mended
    assert typo_nlp(known=["palpables"])("palpables")[0].norm_ == "palpables"


@pytest.mark.parametrize("word", ["symptomatic", "gender", "finishes", "soon", "medical", "bother", "misses"])
def test_the_pipeline_leaves_english_words_that_are_one_slip_from_a_lexicon_word(word: str):
    assert pipeline.parse(f"the {word} here")[1].norm_ == word


def test_english_yml_is_the_list_pyspellchecker_gives():
    from scripts import english_words

    assert english_words.PATH.read_text() == english_words.text(), "run: python -m scripts.english_words"
