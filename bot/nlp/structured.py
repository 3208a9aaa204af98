"""Structured records pasted from an EHR, rewritten as the sentences a clinician would write, in place.

- FHIR JSON (a Bundle or one resource): each resource becomes one sentence ("Neoadjuvant chemotherapy completed.",
  "Primary tumour largest dimension: 1.7 cm."), its status in words (a Procedure "completed" or "in-progress", a
  ServiceRequest "active" is planned, a Condition "refuted" ruled out, "provisional" suspected); one entered in
  error says nothing. HL7 FHIR R4, https://hl7.org/fhir/R4/ (resource and status names).
- HL7 v2 segments: OBX "Label: value units." (not a result withdrawn: OBX-11 W, D, X), NTE its text, DG1
  "Diagnosis: text.", PR1 "text done.", PID the sex; header segments (MSH, PV1, ORC, EVN) say nothing
  clinical. HL7 v2.5 chapters 2, 6 and 7 (segment and field order).
- HL7 CDA (XML): a coded entry's name and value as "name: value unit.", a section's title as its heading, the
  narrative text as written, the other tags as space. HL7 CDA R2 (code/@displayName, value/@value, @unit).

Each edit replaces one resource or one segment, so a fact read from it quotes that resource or segment.
"""
from __future__ import annotations

import csv
import json
import re
from typing import Any, Dict, Iterator, List, Optional, Tuple

Edit = Tuple[int, int, str]

_RESOURCE_KEY = re.compile(r'"resource"\s*:\s*(?=\{)')
# Status words of FHIR R4 Procedure.status and ServiceRequest.status, as a note would say them.
_PROCEDURE_STATUS = {"completed": "completed", "in-progress": "ongoing", "preparation": "planned",
                     "not-done": "not done", "stopped": "stopped", "on-hold": "on hold"}
_REQUEST_STATUS = {"draft": "planned", "active": "planned", "on-hold": "planned", "completed": "done",
                   "revoked": "cancelled"}
_SEX = {"female": "female", "male": "male", "f": "female", "m": "male"}


def _object_end(text: str, start: int) -> Optional[int]:
    """The index after the JSON object that opens at text[start] ("{"), or None when it does not close."""
    depth, in_string, escaped = 0, False, False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            escaped = ch == "\\" and not escaped
            if ch == '"' and not escaped:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _text_of(concept: Any) -> str:
    """A CodeableConcept's words: its text, else its first coding's display (a plain string, as loose exports
    write it, is its own text)."""
    if isinstance(concept, str):
        return concept
    if not isinstance(concept, dict):
        return ""
    codings = concept.get("coding") or [{}]
    return str(concept.get("text") or (codings[0] if isinstance(codings[0], dict) else {}).get("display") or "")


def _value(resource: Dict[str, Any]) -> str:
    quantity = resource.get("valueQuantity")
    if isinstance(quantity, dict) and quantity.get("value") is not None:
        return f"{quantity['value']} {quantity.get('unit') or quantity.get('code') or ''}".strip()
    for key in ("valueString", "valueBoolean", "valueInteger", "conclusion"):
        if resource.get(key) is not None:
            return str(resource[key])
    return _text_of(resource.get("valueCodeableConcept"))


# A resource recorded in error says nothing; a Condition's verificationStatus qualifies it (FHIR R4
# condition-ver-status): refuted is ruled out, provisional or differential is suspected.
_IN_ERROR = frozenset({"entered-in-error", "cancelled"})
_VERIFICATION = {"refuted": "ruled out: {}", "provisional": "suspected {}", "differential": "possible {}",
                 "unconfirmed": "suspected {}"}


def _code_of(value: Any) -> str:
    """A status given as a code or as a CodeableConcept ({"coding": [{"code": "refuted"}]})."""
    if isinstance(value, dict):
        codings = value.get("coding") or [{}]
        first = codings[0] if isinstance(codings[0], dict) else {}
        return str(first.get("code") or value.get("text") or "").lower()
    return str(value or "").lower()


def _notes(resource: Dict[str, Any]) -> str:
    """A resource's notes (FHIR Annotation: [{"text": ...}], or a plain string), "; "-joined."""
    notes = resource.get("note")
    if isinstance(notes, (str, dict)):
        notes = [notes]
    said = [n.get("text") if isinstance(n, dict) else n for n in notes or []]
    return "; ".join(t.strip().rstrip(".") for t in said if isinstance(t, str) and t.strip())


def render_resource(resource: Dict[str, Any]) -> str:
    """One FHIR resource as a sentence, its notes in brackets inside it ("Tumor size: 3.0 cm (at diagnosis).": a
    note qualifies its own value); "" for one that says nothing clinical (a Bundle's own fields, a resource entered
    in error)."""
    said, notes = _render(resource), _notes(resource)
    if not said or not notes:
        return said
    return f"{said[:-1]} ({notes})." if said.endswith(".") else f"{said} ({notes})"


def _render(resource: Dict[str, Any]) -> str:
    kind = resource.get("resourceType")
    name = _text_of(resource.get("code")) or _text_of(resource.get("medicationCodeableConcept")) \
        or _text_of(resource.get("medication"))
    status = str(resource.get("status") or "")
    if status in _IN_ERROR or _code_of(resource.get("verificationStatus")) == "entered-in-error":
        return ""
    verification = _VERIFICATION.get(_code_of(resource.get("verificationStatus")))
    if verification and name:
        name = verification.format(name)
    if kind == "Patient":
        sex = _SEX.get(str(resource.get("gender") or "").lower())
        age = resource.get("age")  # not R4's (it has birthDate), but loose exports carry it
        said = ", ".join(p for p in (sex, f"{age} years old" if isinstance(age, int) else "") if p)
        return f"Patient: {said}." if said else ""
    if kind == "Condition":
        stage = resource.get("stage")
        stages = [stage] if isinstance(stage, str) else [
            _text_of(s.get("summary")) for s in stage or [] if isinstance(s, dict)]
        return ". ".join(p for p in [name] + stages if p) + "." if name or any(stages) else ""
    if kind in ("Procedure", "MedicationStatement", "MedicationRequest", "MedicationAdministration"):
        return f"{name} {_PROCEDURE_STATUS.get(status, status)}.".strip() if name else ""
    if kind == "ServiceRequest":
        return f"{name} {_REQUEST_STATUS.get(status, status)}.".strip() if name else ""
    value = _value(resource)
    if name and value:
        return f"{name}: {value}."
    return f"{name or value}." if name or value else ""


def _resources(text: str) -> Iterator[Tuple[int, int, Dict[str, Any]]]:
    """(start, end, resource) of each FHIR resource object in the text, in order."""
    for found in _RESOURCE_KEY.finditer(text):
        start = found.end()
        end = _object_end(text, start)
        if end is None:
            continue
        try:
            resource = json.loads(text[start:end])
        except ValueError:
            continue
        if isinstance(resource, dict) and "resourceType" in resource:
            yield start, end, resource


def fhir_edits(text: str) -> List[Edit]:
    """Edits that turn a pasted FHIR Bundle (or lone resource) into sentences; [] when the text holds none."""
    if '"resourceType"' not in text:
        return []
    found = list(_resources(text))
    if not found:
        start = text.find("{")
        end = _object_end(text, start) if start >= 0 else None
        try:
            resource = json.loads(text[start:end]) if end else None
        except ValueError:
            return []
        return [(start, end, render_resource(resource) + "\n")] if isinstance(resource, dict) and end else []
    edits: List[Edit] = []
    bundle_start = text.rfind("{", 0, found[0][0])
    bundle_start = text.find("{") if bundle_start < 0 else min(bundle_start, text.find("{"))
    bundle_end = _object_end(text, bundle_start) or found[-1][1]
    at = bundle_start
    for start, end, resource in found:
        edits.append((at, start, "\n"))  # the Bundle's wrapping: entry arrays, "resource" keys
        edits.append((start, end, render_resource(resource)))
        at = end
    edits.append((at, max(at, bundle_end), "\n"))
    return edits


# HL7 v2: one segment per line, fields split by "|", components by "^".
_WITHDRAWN = frozenset({"W", "D", "X"})  # OBX-11 result status: wrong (withdrawn), deleted, cannot be obtained
SILENT_SEGMENTS = ("MSH", "EVN", "PV1", "PV2", "ORC", "AL1", "PD1", "NK1")  # headers, visits, orders, allergies
SEGMENTS = SILENT_SEGMENTS + ("PID", "OBR", "OBX", "NTE", "DG1", "PR1")
_SEGMENT = re.compile(r"(?m)^(?:" + "|".join(SEGMENTS) + r")\|[^\n]*$")


def _component_text(field: str) -> str:
    """A field's words: the text component of a coded entry ("HX^History" -> "History"), else its components."""
    parts = [p for p in field.split("^") if p.strip()]
    if len(parts) >= 2 and re.fullmatch(r"[A-Z0-9_.-]{1,12}", parts[0]):
        return parts[1]
    return " ".join(parts)


def render_segment(line: str) -> str:
    """One HL7 v2 segment as a sentence ("" for a header segment)."""
    fields = line.split("|")
    kind = fields[0]
    field = lambda n: fields[n] if len(fields) > n else ""  # noqa: E731 - field n, "" when absent
    if kind in SILENT_SEGMENTS:
        return ""
    if kind == "PID":
        sex = _SEX.get(field(8).strip().lower())
        return f"Patient: {sex}." if sex else ""
    if kind == "OBX":
        if field(11).strip().upper() in _WITHDRAWN:
            return ""  # a result withdrawn or deleted (OBX-11 "W", "D", "X")
        label, value, units = _component_text(field(3)), _component_text(field(5)), _component_text(field(6))
        said = " ".join(p for p in (value, units) if p)
        return f"{label}: {said}." if label and said else (f"{said}." if said else "")
    if kind == "OBR":
        study = _component_text(field(4))
        return f"{study}:" if study else ""
    if kind == "NTE":
        return _component_text(field(3))
    if kind == "DG1":
        return f"Diagnosis: {_component_text(field(3)) or _component_text(field(4))}."
    if kind == "PR1":  # a procedure done (PR1-3 the procedure, PR1-5 its date)
        done = _component_text(field(3)) or _component_text(field(4))
        return f"{done} done." if done else ""
    return ""


def hl7_edits(text: str) -> List[Edit]:
    """Edits that turn each HL7 v2 segment line into a sentence; [] unless the text has two segments or more."""
    lines = list(_SEGMENT.finditer(text))
    if len(lines) < 2:
        return []
    return [(m.start(), m.end(), render_segment(m.group())) for m in lines]


_XML_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_XML_ATTRIBUTE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# Tags whose end closes a sentence: a section, its title (a heading), an entry, a paragraph or a list item.
_XML_BREAKS = frozenset({"section", "title", "entry", "observation", "paragraph", "item", "component", "text"})


def _xml_tag(m: "re.Match[str]") -> str:
    closing, name, self_closing = bool(m.group(1)), m.group(2).split(":")[-1].lower(), bool(m.group(4))
    attributes = {a.group(1).split(":")[-1]: a.group(2) if a.group(2) is not None else a.group(3)
                  for a in _XML_ATTRIBUTE.finditer(m.group(3) or "")}
    if name == "title" and closing:
        return ": "
    if name == "code" and attributes.get("displayName"):
        return f" {attributes['displayName']}: "
    if name == "value" or name.endswith("gendercode"):
        said = attributes.get("displayName") or " ".join(
            v for v in (attributes.get("value"), attributes.get("unit")) if v)
        return f" {said}. " if said else " "
    return ". " if (closing or self_closing) and name in _XML_BREAKS else " "


# What marks CDA: its elements and its coded attributes
_CDA = re.compile(r"<(?:ClinicalDocument|section|observation|entry|component|structuredBody)\b|\bdisplayName\s*=")


def xml_edits(text: str) -> List[Edit]:
    """Edits that turn the tags of an HL7 CDA document or fragment into the words they hold; none for other
    text."""
    if not _CDA.search(text):
        return []  # HTML of a chat channel ("<p>", "<at>") is the normaliser's markup step's
    return [(m.start(), m.end(), _xml_tag(m)) for m in _XML_TAG.finditer(text)]


# A plain XML record of a form ("<age>48</age><size unit=\"mm\">45</size><axilla exam=\"negative\"/>"): each element
# with a value, or a self-closing one with attributes, a field of its own; the tags around them are dropped.
_ELEMENT = re.compile(r"<([A-Za-z][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?:/>|>([^<>]*)</\1\s*>)")
# The markup of chat channels and web pages: the normaliser's markup step reads it
_HTML = frozenset({"p", "br", "div", "span", "b", "i", "u", "em", "strong", "font", "a", "code", "pre", "s", "strike",
                   "del", "table", "tbody", "tr", "td", "th", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                   "at", "img", "hr", "blockquote", "sup", "sub", "small"})


def _element_line(m: "re.Match[str]") -> str:
    attributes = {a.group(1).split(":")[-1]: a.group(2) if a.group(2) is not None else a.group(3)
                  for a in _XML_ATTRIBUTE.finditer(m.group(2) or "")}
    unit = attributes.pop("unit", None) or attributes.pop("units", None)
    name = m.group(1).replace("_", " ")
    if m.group(3) is None:
        return " ".join(field_line(f"{name} {key}", value) for key, value in attributes.items()) or " "
    value = m.group(3).strip()
    qualifier = " ".join(attributes.values())
    return field_line(f"{name} {qualifier}".strip(), f"{value} {unit}" if unit else value) + "\n"


def element_edits(text: str) -> List[Edit]:
    """Edits that turn a plain XML record (two fields or more, no CDA) into "name: value." lines; [] otherwise."""
    if _CDA.search(text):
        return []
    fields = [m for m in _ELEMENT.finditer(text) if m.group(1).lower() not in _HTML]
    if len(fields) < 2:
        return []
    taken = [(m.start(), m.end()) for m in fields]
    wrappers = [(m.start(), m.end(), " ") for m in _XML_TAG.finditer(text) if m.group(2).lower() not in _HTML
                and not any(a <= m.start() < b for a, b in taken)]
    return sorted([(m.start(), m.end(), _element_line(m)) for m in fields] + wrappers)


# ---------------------------------------------------------------- SQL

# A row pasted as an SQL statement: INSERT INTO referrals (age, sex, dx) VALUES (61, 'F', 'new IDC').
_SQL_INSERT = re.compile(r"(?is)\binsert\s+into\s+[\w.\"`\[\]]+\s*\(([^()]*)\)\s*values\s*\((.*?)\)\s*;?"
                         r"(?=\s*(?:$|\n|insert\b))")


def sql_edits(text: str) -> List[Edit]:
    """Each INSERT statement as its columns and values, one "column: value." per line; a statement whose columns and
    values do not pair up is left as it is."""
    edits = []
    for m in _SQL_INSERT.finditer(text):
        columns = [c.strip().strip('"`[]') for c in m.group(1).split(",")]
        values = next(csv.reader([m.group(2)], quotechar="'", skipinitialspace=True), [])
        if len(columns) != len(values):
            continue
        lines = [field_line(column, value.strip()) for column, value in zip(columns, values)
                 if value.strip() and value.strip().lower() != "null"]
        edits.append((m.start(), m.end(), "\n".join(lines)))
    return edits


_UNIT_COLUMN = re.compile(r"(?i)(.+?)[_ ](mm|cm)")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def field_line(column: str, value: str) -> str:
    """A named value as a form's line, "column: value.", with the unit a name ends in given to its number
    ("tumour_cm", "3.3" -> "tumour: 3.3 cm."); underscores are spaces."""
    unit = _UNIT_COLUMN.fullmatch(column)
    if unit and _NUMBER.fullmatch(value):
        return f"{unit.group(1).replace('_', ' ')}: {value} {unit.group(2).lower()}."
    return f"{column.replace('_', ' ')}: {value}."
