"""Train a tiny model inside the suite, save it, load it the way users do, and see it find a name.

Needs the hanlp extra (torch); skipped cleanly without it. The corpus is a few
hundred synthetic sentences the test writes itself; training takes seconds.
"""
from __future__ import annotations

import json
import random

import pytest

pytest.importorskip("hanlp")

from click.testing import CliRunner  # noqa: E402

from kg.cli import main  # noqa: E402
from kg.extract.hanlp_ner import STAGE, hanlp_recognizers  # noqa: E402
from kg.ner.train import METADATA, TrainSettings, train_ner  # noqa: E402
from kg.pipeline import prepare  # noqa: E402
from kg.text.readers import RawDocument  # noqa: E402
from kg.text.sentences import split_sentences  # noqa: E402

PARKS = ["苏州高新区", "无锡经开区", "江阴高新区", "常州经开区"]
FIRMS = ["迈为股份有限公司", "青禾科技有限公司", "华星光电有限公司"]
LABS = ["太湖实验室", "姑苏实验室"]
FRAMES = ["{p}引进了{f}。", "{f}落户{p}。", "{p}与{l}签署合作协议。", "{l}在{p}揭牌成立。",
          "今年以来，{p}新增{f}等企业。", "记者从{p}获悉，{f}项目开工。", "{p}依托{l}发展集成电路产业。"]
TINY = TrainSettings(epochs=12, embed=32, hidden=32, batch_size=16, lr=0.01, patience=12, seed=7)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """30 documents of 10 synthetic sentences each."""
    folder = tmp_path_factory.mktemp("corpus")
    rnd = random.Random(3)
    for d in range(30):
        lines = [rnd.choice(FRAMES).format(p=rnd.choice(PARKS), f=rnd.choice(FIRMS), l=rnd.choice(LABS))
                 for _ in range(10)]
        (folder / f"doc{d:02d}.txt").write_text("".join(lines), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def model_dir(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("models") / "tiny"
    report = train_ner([corpus], out, settings=TINY, classes=("Park", "Enterprise", "Platform"))
    assert report.documents == 30 and report.train_sentences > 200
    assert set(report.labels) == {"Park", "Enterprise", "Platform"}
    # the CRF decodes the right axis: the held-out sentences come back (hanlp's unfixed CRF scores 0.0)
    assert report.dev.f1 > 0.5
    return out


def test_saved_folder_holds_a_hanlp_model(model_dir):
    assert (model_dir / "config.json").is_file() and (model_dir / "model.pt").is_file()
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    assert config["classpath"] == "kg.ner.model.ParkNER"
    meta = json.loads((model_dir / METADATA).read_text(encoding="utf-8"))
    assert meta["classes"] == ["Park", "Enterprise", "Platform"]
    assert not list(model_dir.parent.glob(".tiny.tmp-*"))  # trained aside, moved into place


def test_loaded_model_finds_a_name_it_was_trained_on(model_dir, lexicon):
    [recognizer] = hanlp_recognizers(str(model_dir), lexicon, required=True)  # the --ner code path
    doc = prepare(RawDocument("t", "据了解，无锡经开区举行了签约仪式。", "t.txt"))
    found = recognizer.mentions(doc.id, doc.text, split_sentences(doc.id, doc.text))
    assert ("无锡经开区", "Park") in {(m.surface, m.cls) for m in found}
    assert all(m.stage == STAGE and doc.text[m.start:m.end] == m.surface for m in found)


def test_cli_train_then_build_with_the_model(corpus, tmp_path):
    runner = CliRunner()
    out = tmp_path / "model"
    result = runner.invoke(main, ["train-ner", "--corpus", str(corpus), "-o", str(out), "--limit", "5",
                                  "--epochs", "1", "--classes", "Park,Enterprise", "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "config.json").is_file()
    text = tmp_path / "in.txt"
    text.write_text("青禾科技有限公司落户江阴高新区。", encoding="utf-8")
    result = runner.invoke(main, ["build", str(text), "-o", str(tmp_path / "graph"), "--no-html", "-q",
                                  "--ner", str(out), "--no-cache", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "江阴高新区" in (tmp_path / "graph" / "graph.ttl").read_text(encoding="utf-8")


def test_cli_rejects_unknown_classes(corpus, tmp_path):
    result = CliRunner().invoke(main, ["train-ner", "--corpus", str(corpus), "-o", str(tmp_path / "m"),
                                       "--classes", "Park,City"])
    assert result.exit_code == 2 and "--classes" in result.output
