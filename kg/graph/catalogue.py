"""The official catalogue of development zones as RDF, and read back as plain records.

``scripts/build_catalogue.py`` turns the catalogue CSVs (《中国开发区审核公告目录》2018 and the
国家级新区) into ``ontology/catalogue.ttl`` with :func:`generate_catalogue`; the project then
reads only that Turtle (`kg.ontology_read.zones_from_graph`), never the CSVs, at run time.

A zone is a ``pk:CatalogueZone`` (a record of official facts), not a ``pk:Park``: the ontology
folder is read beside every graph, so park-typed records would count as parks found in every
document. ``pk:zoneClass`` gives the park subclass of its type; a park of a graph that names the
zone points to it with ``pk:catalogueZone`` (see docs/catalogue.md).

>>> rows = parse_kfq_csv("序号,代码,开发区名称,省份,城市/区县,批准级别,开发区类型,批准时间,核准面积_公顷,主导产业\\n"
...                      "1,G111001,北京经济技术开发区,北京市,北京,国务院,经济技术开发区,1994.08,3980.0,汽车、电子信息\\n")
>>> z = rows[0]
>>> z.code, z.level, z.cls, z.approval, z.industries
('G111001', 'national', 'EconomicDevelopmentZone', '1994-08', ('汽车', '电子信息'))
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.errors import InputError
from kg.lexicon import Zone  # noqa: F401  (re-exported: the records the catalogue reads back into)

ZONE = "https://w3id.org/parkkg/zone/"
QUDT = "http://qudt.org/schema/qudt/"
UNIT = "http://qudt.org/vocab/unit/"
DATASET_KFQ = ZONE + "dataset/kfq2018"
DATASET_NEW_AREAS = ZONE + "dataset/national-new-areas"

# the catalogue's 开发区类型 -> the park subclass (ontology/parkkg.ttl)
TYPE_CLASSES = {
    "经济技术开发区": "EconomicDevelopmentZone",
    "高新技术产业开发区": "HighTechZone",
    "海关特殊监管区域": "SpecialCustomsSupervisionArea",
    "边境/跨境经济合作区": "BorderEconomicCooperationZone",
    "其他类型开发区": "OtherDevelopmentZone",
    "经济开发区": "ProvincialEconomicDevelopmentZone",
    "工业园区": "IndustrialPark",
    "国家级新区": "StateLevelNewArea",
}
LEVELS = {"国务院": "national", "省政府": "provincial"}
KFQ_COLUMNS = ("序号", "代码", "开发区名称", "省份", "城市/区县", "批准级别", "开发区类型", "批准时间",
               "核准面积_公顷", "主导产业")
NEW_AREA_COLUMNS = ("序号", "名称", "省份", "获批日期", "备注")
_NOT_INDUSTRIES = {"在建", ""}
_DATE = re.compile(r"^(\d{4})[.\-](\d{1,2})(?:[.\-]\d{1,2})?$")


@dataclass(frozen=True)
class CatalogueRow:
    """One zone as the source lists it."""

    iri: str
    code: str  # "" for the new areas, which have none
    name: str
    province: str
    city: str
    approved_by: str
    type_as_listed: str
    cls: str  # park subclass local name
    level: str  # national | provincial
    approval: str  # YYYY-MM (first date)
    approval_as_listed: str
    area_ha: str  # decimal as written, "" when none
    industries: tuple  # as listed, split on 、
    industries_as_listed: str
    dataset: str


def _year_month(text: str, where: str) -> str:
    m = _DATE.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InputError(f"{where}: approval date {text!r} is not YYYY.MM; fix the row in the CSV")
    return f"{m.group(1)}-{int(m.group(2)):02d}"


def split_industries(text: str) -> tuple:
    """The listed leading industries, split on 、 and cleaned of stray full stops.

    >>> split_industries("汽车、医药。、在建")
    ('汽车', '医药')
    """
    parts = (p.strip().strip("。.，,").strip() for p in re.split(r"[、，,；;]", text or ""))
    return tuple(p for p in parts if p not in _NOT_INDUSTRIES)


def _reader(text: str, columns: tuple, what: str):
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or tuple(rows[0].keys())[: len(columns)] != columns:
        found = ",".join(rows[0].keys()) if rows else "no rows"
        raise InputError(f"{what}: expected the columns {','.join(columns)}, found {found}; "
                         "pass the catalogue CSV as SOURCE.md describes it")
    return rows


def parse_kfq_csv(text: str) -> list[CatalogueRow]:
    """The rows of kfq2018.csv; zones sharing a code (S377018) get ``-2``, ``-3`` IRIs by name order."""
    rows = _reader(text, KFQ_COLUMNS, "kfq2018.csv")
    out, seen = [], {}
    for i, r in sorted(enumerate(rows), key=lambda ir: (ir[1]["代码"], ir[1]["开发区名称"], ir[0])):
        where = f"kfq2018.csv row {i + 2}"
        code, name = r["代码"].strip(), r["开发区名称"].strip()
        if not code or not name:
            raise InputError(f"{where}: no code or name; every zone needs both")
        kind = r["开发区类型"].strip()
        if kind not in TYPE_CLASSES:
            raise InputError(f"{where}: unknown zone type {kind!r}; add it to TYPE_CLASSES in kg/graph/catalogue.py")
        approved_by = r["批准级别"].strip()
        if approved_by not in LEVELS:
            raise InputError(f"{where}: unknown approval level {approved_by!r}; expected 国务院 or 省政府")
        seen[code] = seen.get(code, 0) + 1
        suffix = "" if seen[code] == 1 else f"-{seen[code]}"
        dates = r["批准时间"].strip()
        area = r["核准面积_公顷"].strip()
        if area:
            try:
                Decimal(area)
            except InvalidOperation:
                raise InputError(f"{where}: area {area!r} is not a number of hectares") from None
        out.append(CatalogueRow(ZONE + code + suffix, code, name, r["省份"].strip(), r["城市/区县"].strip(),
                                approved_by, kind, TYPE_CLASSES[kind], LEVELS[approved_by],
                                _year_month(dates.split("/")[0], where), dates, area,
                                split_industries(r["主导产业"]), r["主导产业"].strip(), DATASET_KFQ))
    return out


def parse_new_areas_csv(text: str) -> list[CatalogueRow]:
    """The rows of national_new_areas.csv (no code: the IRI is ``NNA`` + the running number)."""
    rows = _reader(text, NEW_AREA_COLUMNS, "national_new_areas.csv")
    out = []
    for i, r in enumerate(rows):
        where = f"national_new_areas.csv row {i + 2}"
        number = int(r["序号"])
        date = r["获批日期"].strip()
        out.append(CatalogueRow(f"{ZONE}NNA{number:02d}", "", r["名称"].strip(), r["省份"].strip(), "",
                                "国务院", "国家级新区", TYPE_CLASSES["国家级新区"], "national",
                                _year_month(date, where), date, "", (), "", DATASET_NEW_AREAS))
    return out


def match_industry(name: str, labels: dict) -> str:
    """The taxonomy concept of a listed industry: its label, else the longest label it ends with.

    >>> match_industry("钒钛新材料", {"新材料": "ind:nm"}), match_industry("在建", {"新材料": "ind:nm"})
    ('ind:nm', '')
    """
    if name in labels:
        return labels[name]
    for size in range(len(name) - 1, 1, -1):
        if name[-size:] in labels:
            return labels[name[-size:]]
    return ""


@dataclass(frozen=True)
class CatalogueCounts:
    zones: int
    national: int
    provincial: int
    new_areas: int
    industries_matched: int
    industries_unmatched: int
    provinces_unmatched: int


def generate_catalogue(kfq: list[CatalogueRow], new_areas: list[CatalogueRow], industry_labels: dict,
                       regions: dict, source_note: str = ""):
    """(rdflib graph, counts) of the catalogue; `industry_labels` and `regions` come from the lexicon."""
    from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, SKOS

    from kg.ontology import PK_NS

    PK, Q, U = Namespace(PK_NS), Namespace(QUDT), Namespace(UNIT)
    g = Graph()
    matched = unmatched = no_province = 0
    for row in kfq + new_areas:
        z = URIRef(row.iri)
        g.add((z, RDF.type, PK.CatalogueZone))
        g.add((z, PK.zoneClass, PK[row.cls]))
        g.add((z, SKOS.prefLabel, Literal(row.name, lang="zh")))
        g.add((z, RDFS.label, Literal(row.name, lang="zh")))
        if row.code:
            g.add((z, SKOS.notation, Literal(row.code)))
        g.add((z, PK.zoneLevel, Literal(row.level)))
        g.add((z, PK.approvedBy, Literal(row.approved_by, lang="zh")))
        g.add((z, PK.catalogueType, Literal(row.type_as_listed, lang="zh")))
        province = regions.get(row.province)
        if province:
            g.add((z, PK.inProvince, URIRef(province)))
        else:
            no_province += 1
        if row.city:
            g.add((z, PK.cityAsListed, Literal(row.city, lang="zh")))
        g.add((z, PK.approvalDate, Literal(row.approval, datatype=XSD.gYearMonth)))
        if "/" in row.approval_as_listed:
            g.add((z, PK.approvalDateAsListed, Literal(row.approval_as_listed)))
        if row.area_ha:
            area = URIRef(row.iri + "/area")
            g.add((z, PK.approvedArea, area))
            g.add((area, RDF.type, Q.QuantityValue))
            g.add((area, Q.numericValue, Literal(Decimal(row.area_ha), datatype=XSD.decimal)))
            g.add((area, Q.unit, U.HA))
        if row.industries_as_listed:
            g.add((z, PK.leadingIndustriesAsListed, Literal(row.industries_as_listed, lang="zh")))
        for name in row.industries:
            concept = match_industry(name, industry_labels)
            if concept:
                matched += 1
                g.add((z, PK.catalogueIndustry, URIRef(concept)))
            else:
                unmatched += 1
                g.add((z, PK.catalogueIndustryText, Literal(name, lang="zh")))
        g.add((z, PROV.wasDerivedFrom, URIRef(row.dataset)))
    national = sum(1 for r in kfq if r.level == "national")
    counts = CatalogueCounts(len(kfq), national, len(kfq) - national, len(new_areas), matched, unmatched,
                             no_province)
    for iri, title in ((DATASET_KFQ, "中国开发区审核公告目录(2018年版)"), (DATASET_NEW_AREAS, "国家级新区")):
        d = URIRef(iri)
        g.add((d, RDF.type, PROV.Entity))
        g.add((d, DCTERMS.title, Literal(title, lang="zh")))
    g.add((URIRef(DATASET_KFQ), DCTERMS.source, Literal(
        "国家发展改革委、科技部、国土资源部、住房城乡建设部、商务部、海关总署公告2018年第4号; machine-readable rows "
        "from github.com/kaiwulaw/china-industrial-zones-atlas data/enriched.csv, commit 358d79bb")))
    g.add((URIRef(DATASET_NEW_AREAS), DCTERMS.source, Literal("Chinese Wikipedia: 国家级新区")))
    g.add((URIRef(DATASET_KFQ), RDFS.comment, Literal(
        f"{counts.zones} zones ({counts.national} national, {counts.provincial} provincial); leading "
        f"industries: {counts.industries_matched} matched to the industry taxonomy, "
        f"{counts.industries_unmatched} kept as literals (pk:catalogueIndustryText)."
        + (f" {source_note}" if source_note else ""))))
    return g, counts
