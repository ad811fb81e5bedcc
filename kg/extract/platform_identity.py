"""One platform under one key: a platform's short name is its full name without what opens it (a place, a
firm, an office: 杨浦|长阳创谷, 芯原|临港研发中心, 某县农业农村局|西瓜研究所), where one full name alone fits.

>>> from kg.types import EntityKey
>>> full, short = EntityKey.of("Platform", "云溪青禾实验室"), EntityKey.of("Platform", "青禾实验室")
>>> merge_platforms([full, short]) == {short: full}
True
>>> a, b = EntityKey.of("Platform", "云溪交通大学"), EntityKey.of("Platform", "青禾交通大学")
>>> merge_platforms([a, b, EntityKey.of("Platform", "交通大学")])
{}
"""
from __future__ import annotations

SHORT_NAME = 4  # characters a short name keeps at least: 研究所 alone names a kind


def merge_platforms(platforms: list) -> dict:
    """key -> the one fuller key whose name ends with this one's (more opens it), for names of four characters or more."""
    merged = {}
    for k in platforms:
        if len(k.name) < SHORT_NAME:
            continue
        fuller = [k2 for k2 in platforms if k2 != k and len(k2.name) > len(k.name) and k2.name.endswith(k.name)]
        if len(fuller) == 1:
            merged[k] = fuller[0]
    return merged
