"""What the text shows of a target, for the confidence model (`kg.extract.confidence`)."""
from __future__ import annotations

from kg.ontology import Lexicon
from kg.types import Target


def _feature_words(lexicon: Lexicon | None) -> tuple:
    if lexicon is None:
        from kg.ontology import load_lexicon

        lexicon = load_lexicon()
    return lexicon.words("goal-word"), lexicon.words("count-unit")


def target_features(result, target: Target, lexicon: Lexicon | None = None) -> dict:
    """What the text shows of a target, for the confidence model (`kg.extract.confidence`):
    is its park named in its sentence, does a goal word stand in its clause, does it have a
    deadline year, is its unit a count. The goal words and count units come from `lexicon`
    (the default ontology's when None)."""
    goal_words, count_units = _feature_words(lexicon)
    ev = target.evidence
    named_here = any(m.start >= ev.start and m.end <= ev.end and m.cls == "Park" and not m.generic
                     for m in result.mentions)
    first = min((m.start for m in result.mentions if m.cls == "Park" and not m.generic and m.name
                 and m.key_name in target.park), default=None)
    lead_end = result.sentences[1].end if len(result.sentences) > 1 else len(result.document.text)
    return {"bias": 1.0, "explicit": 1.0 if named_here else 0.0,
            "goal_in_clause": 1.0 if target.qualifier or any(w in ev.text for w in goal_words) else 0.0,
            "deadline_year": 1.0 if target.year else 0.0,
            "subject_in_lead": 1.0 if first is not None and first < lead_end else 0.0,
            "count_unit": 1.0 if target.unit in count_units else 0.0}
