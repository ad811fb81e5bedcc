"""scripts/catalogue_links.py: counts the parks of a JSONL corpus that link to the catalogue, samples links."""
from __future__ import annotations

import json


def test_counts_and_a_seeded_sample(tmp_path, capsys, load_script):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "a", "text": "北京经开区聚焦汽车产业。"}, {"id": "b", "text": "常熟氢能源汽车产业园聚焦氢能产业。"}]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    tsv, pairs = tmp_path / "s.tsv", tmp_path / "p.tsv"
    script = load_script("catalogue_links")
    assert script.main([str(corpus), "--seed", "3", "--tsv", str(tsv), "--pairs", str(pairs)]) == 0
    out = capsys.readouterr().out
    assert "park entities (per document): 2" in out and "linked to the catalogue: 1 (50.0%)" in out
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("doc_id\tmention\tlinked_zone") and lines[1].split("\t")[:4] == [
        "a", "北京经开区", "北京经济技术开发区", "G111001"]
    assert pairs.read_text(encoding="utf-8").splitlines()[1] == "1\t北京经开区\t北京经济技术开发区\tname"
