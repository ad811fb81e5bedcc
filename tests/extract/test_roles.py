"""Industry roles alone: the role word closing or opening an enumeration, list items not counted as distance."""
from __future__ import annotations

from kg.extract.roles import industry_role
from kg.types import Mention, Sentence

TRIGGERS = {"主导产业": "hasLeadingIndustry", "未来产业": "hasFutureIndustry"}


def _industry(text, surface):
    at = text.index(surface)
    return Mention("d", at, at + len(surface), surface, "Industry", "test")


def _role(text, surface, others=()):
    s = Sentence("d", 0, len(text), text, 0)
    items = [_industry(text, w) for w in (surface, *others)]
    return industry_role(s, items[0], items, TRIGGERS)


def test_a_role_word_closing_the_list_gives_every_item_its_role():
    text = "做强集成电路、人工智能两大主导产业。"
    assert _role(text, "集成电路", ["人工智能"]) == "hasLeadingIndustry"


def test_each_list_gets_its_own_role_word():
    text = "做强集成电路等主导产业和量子信息等未来产业。"
    assert _role(text, "量子信息", ["集成电路"]) == "hasFutureIndustry"


def test_a_role_word_in_another_clause_gives_none():
    assert _role("发展集成电路，打造主导产业。", "集成电路") == ""
