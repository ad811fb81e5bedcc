"""Short forms of an industry's name: the annotation guide keys an industry by the fullest name the
document uses, its obvious short form an alias (文创 of 文化创意, 石化 of 石油化工)."""
from __future__ import annotations


def abbreviates(labels: dict, short: str, name: str) -> bool:
    """`short` is the short form of `name`: both label one taxonomy concept (`labels`: label -> concept), and
    the short one is made of the long one's characters in order from its first, not a cut of it (光伏 is no
    short form of 光伏发电, 医药 none of 生物医药: narrower or broader names of one concept stay apart).

    >>> labels = {"文创": "c1", "文化创意": "c1", "光伏": "c2", "光伏发电": "c2"}
    >>> abbreviates(labels, "文创", "文化创意"), abbreviates(labels, "光伏", "光伏发电")
    (True, False)
    """
    concept = labels.get(short)
    chars = iter(name)
    return concept is not None and concept == labels.get(name) and short[:1] == name[:1] \
        and not name.startswith(short) and all(ch in chars for ch in short)
