"""Where a firm's name starts when the walk back from its type word meets a place: what stands
before the place (a function word, a park) is the sentence's or the firm's address, not its name."""
from __future__ import annotations

from kg.extract.firm_identity import COMMON_WORD
from kg.extract.names.cues import NAME_POS, PUNCT, CueIndex
from kg.extract.park_identity import city_or_province, leading_places
from kg.extract.segment import Token


def before_firm_place(cues: CueIndex, tokens: list[Token], i: int, start: int) -> bool:
    """法定代表人为|上海宝华企业集团有限公司: a word ending in a function character (人为, 即为) right before
    the place that opens a firm's own name (more than the place before the type word) is the sentence's; so is
    a facility word (基地, 工厂) before any word of the firm's own name."""
    tok, place = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.word in cues.words["firm_facilities"] and place is not None and place.start < start:
        return True  # 心连心某地基地|心连心公司, 绿色工厂|某某电缆科技有限公司: a facility (a caption, a title) before the name
    if place is None or not cues.is_place_token(place) or cues.is_place_token(tok):
        return False
    if tok.word in cues.words["glued_conjunctions"]:
        return True  # 苏州高新区与|华川集团: the conjunction joins the firm to what comes before
    if start - place.end < 2 or tok.pos in NAME_POS:
        return False
    return _clause_verb(tokens, i) or (tok.word[-1] in cues.words["cut_chars"] and len(tok.word) > 1)


def _clause_verb(tokens: list[Token], i: int) -> bool:
    """，服务|中国宝武, 接受审查调查|江西省…集团: a verb (or a verbal noun) that opens a clause, or follows another,
    before the place that opens a firm's name is the sentence's (中国石化销售|上海石油分公司 keeps its 销售); so is
    a noun right after a verb, its object (领取物资|江西某某药业)."""
    verbs = ("v", "vn")
    if tokens[i].pos == "n" and i > 0 and tokens[i - 1].pos == "v":
        return True  # 领取物资|江西某某药业: the object of the verb before, then the firm's place
    return tokens[i].pos in verbs and (i == 0 or tokens[i - 1].pos in verbs or not PUNCT.isdisjoint(tokens[i - 1].word))


def park_before_own_firm(cues: CueIndex, tok: Token, text: str, base: int, start: int, firm: bool = True) -> bool:
    """葛店开发区|湖北容百锂电材料有限公司, X产业园|荆州（武汉）离岸科创中心: a park's type word before a firm's
    or a platform's own name (a place, or for a firm a rare word, opens what follows) is where it is, not its
    name; 黄冈高新区招商服务公司 keeps its park."""
    if tok.word not in cues.lex.park_types:
        return False
    rest = text[tok.end - base:start - base]
    places, own = leading_places(rest.replace("（", "").replace("(", ""), cues.lex.regions)
    if places:
        return len(own) >= 2
    return firm and len(rest) >= 4 and cues.seg.frequency(rest[:2]) < COMMON_WORD and not rest.startswith(
        cues.lex.words("firm-kind-word"))


def body_before_own_platform(cues: CueIndex, tokens: list[Token], i: int, start: int) -> bool:
    """某某家庭服务社|上海某研究院, 某市志愿服务项目|山东某职业学院: a club's or a project's word right before the
    place that opens a platform's own name ends another item of a run-on list or caption, no part of the name."""
    place = tokens[i + 1] if i + 1 < len(tokens) else None
    return place is not None and place.start < start and cues.is_place_token(place) and \
        tokens[i].word.endswith(cues.lex.words("other-body-ending"))


PLACE_REACH = 6  # characters between a place and where the walk stopped, that the place still opens


def place_anchored_start(cues: CueIndex, tokens: list[Token], base: int, name_start: int, t_start: int) -> int:
    """江苏|景创|锂|能|新能源科技有限公司, 黑龙江|比|福金北药制药有限公司: the walk stopped at a word the
    segmenter made of a rare name's characters (能, 比), but a province or a city a few characters back opens
    the firm's legal name; the name starts there. Punctuation, 的, a boundary word or another park stops it."""
    i = next((k for k, t in enumerate(tokens) if t.start == name_start), None)
    if i is None or name_start == t_start:
        return name_start
    j, worded = i - 1, False
    while j >= 0 and name_start - tokens[j].start <= PLACE_REACH:
        tok = tokens[j]
        if cues.is_place_token(tok) and len(tok.word) >= 2 and not tok.word.endswith(tuple(cues.lex.park_types)):
            # 由|上海市|某某开发区发展总公司: a city or a province right before a name the walk's reach cut opens it
            region = city_or_province(tok.word, cues.lex.regions)
            return _city_before(cues, tokens, j) if (j < i - 1 and not worded) or region else name_start
        if not _glue(cues, tok) and not (_word_of_name(cues, tok) and j == i - 1):
            return name_start
        worded = worded or not _glue(cues, tok)
        j -= 1
    return name_start


def _city_before(cues: CueIndex, tokens: list[Token], j: int) -> int:
    """武汉|新华|扬…: a city or a province right before the place that opens the name opens it too."""
    while j > 0 and tokens[j - 1].end == tokens[j].start and cues.is_place_token(tokens[j - 1]) \
            and city_or_province(tokens[j - 1].word, cues.lex.regions):
        j -= 1
    return tokens[j].start


def _word_of_name(cues: CueIndex, tok: Token) -> bool:
    """四川|西部|陆海…, 武汉|攀升|鼎承…: a verb or a position word (no boundary) right before where the walk
    stopped may still be the firm's own, where a city or a province opens it."""
    return len(tok.word) >= 2 and tok.pos in ("v", "f") and tok.word not in cues.lex.boundaries \
        and tok.word not in cues.stop_words


def _glue(cues: CueIndex, tok: Token) -> bool:
    """A token that may stand inside a firm's name between its place and the rest: a single character
    that is no function word of the sentence (的, 在, 、), or a word that is no boundary of a name."""
    if tok.word in cues.type_words or tok.word in cues.lex.park_types or tok.word in cues.lex.generic or any(
            tok.word.endswith(s) for s in cues.lex.enterprise_legal_suffixes) or tok.word in cues.words["firm_facilities"]:
        return False  # 葛店开发区|湖北…, 中国上市公司|浙江…: another name or a kind before this one; 某地基地|…: a facility
    if len(tok.word) == 1:
        return (tok.word not in cues.words["cut_chars"] and tok.word not in cues.words["glued_conjunctions"]
                and tok.pos not in ("x?", "uj", "w", "c", "r", "f")
                and tok.word.isalnum())
    return tok.word not in cues.lex.boundaries and tok.word not in cues.stop_words and tok.pos in NAME_POS | {"n", "nz", "x?"}


SPLIT_CHARACTER_POS = frozenset({"f", "d", "zg", "ng", "n", "j", "b", "a"})  # 中, 都, 贝: a character of a name


def split_first_character(cues: CueIndex, tokens: list[Token], name_start: int, t_start: int) -> int:
    """在|中|触媒新材料有限公司, 江苏|中|苏节水设备有限公司: the segmenter split a legal name's first character off
    as a word of the sentence (a locative 中, an adverb 都), where the walk stopped. Right after a clause's
    opening (the sentence's start, punctuation, a function character, a boundary word, a verb) such a character
    is no word of the sentence: it opens the name, and so does a place right before it."""
    i = next((k for k, t in enumerate(tokens) if t.end == name_start), None)
    if i is None or name_start == t_start:
        return name_start
    tok = tokens[i]
    if len(tok.word) != 1 or tok.pos not in SPLIT_CHARACTER_POS or tok.word in cues.lex.boundaries \
            or tok.word in cues.words["cut_chars"] or tok.word in cues.words["glued_conjunctions"]:
        return name_start
    if i == 0:
        return tok.start
    before = tokens[i - 1]
    if cues.is_place_token(before) and len(before.word) >= 2 and not before.word.endswith(tuple(cues.lex.park_types)):
        return before.start
    opening = (not PUNCT.isdisjoint(before.word) or before.word in cues.words["cut_chars"]
               or before.word in cues.lex.boundaries or (before.pos == "v" and len(before.word) >= 2))
    return tok.start if opening else name_start


def firm_name_start(cues: CueIndex, tokens: list[Token], text: str, base: int, name_start: int, t_start: int,
                    t_end: int | None) -> int:
    """Where a firm's name starts after the walk: a split first character opens a legal name (…有限公司),
    then a place a few characters back."""
    if t_end is not None and text[:t_end - base].endswith(cues.words["company_suffixes"]):
        name_start = split_first_character(cues, tokens, name_start, t_start)
    return place_anchored_start(cues, tokens, base, name_start, t_start)
