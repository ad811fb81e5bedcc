"""``kg bench``: how fast parkkg is on a corpus (the measuring is in `kg.benchmark`), ending with one JSON line."""
from __future__ import annotations

import json
from pathlib import Path

import click


def register(main: click.Group) -> None:
    main.add_command(bench)


@click.command()
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=Path("seeds"), show_default=True,
              help="A folder, file or .jsonl corpus to measure on.")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="Measure on N documents spread over the corpus (default: all).")
@click.option("--scaling-docs", type=click.IntRange(min=1), default=100, show_default=True,
              help="Documents in the ×1 build of the scaling figure (×16 is 16 times as many).")
@click.option("--triples", "min_triples", type=click.IntRange(min=1000), default=1_000_000, show_default=True,
              help="Size of the generated graph the SPARQL timings run over.")
@click.option("--query-runs", type=click.IntRange(min=1), default=3, show_default=True,
              help="Timed runs per query on Oxigraph (rdflib runs each once).")
@click.option("--rdflib-budget", type=click.FloatRange(min=10), default=900, show_default=True,
              help="Seconds rdflib may spend parsing the big graph and running the queries.")
@click.option("--skip-sparql", is_flag=True, help="Skip the SPARQL part (the slowest).")
@click.option("--profile", "show_profile", is_flag=True,
              help="Also print a cProfile of one-process extraction (functions by own time).")
@click.option("--compare-segmenters", is_flag=True,
              help="Instead of timing: run the pipeline with each segmenter (rjieba, jieba) and list the mentions "
                   "they do not share.")
@click.option("--scale", type=click.IntRange(min=1), default=None, metavar="N",
              help="Instead: build the corpus and N copies of it whose places are other regions of the gazetteer "
                   "with 'kg build --stream --store', add 1,000 articles with 'kg update', query the store "
                   "(scale, scaling_Nx, peak_rss_mb_scale_1/N, update_1000_fraction, sparql_p50/p95_ms_scaled).")
def bench(corpus, sample, scaling_docs, min_triples, query_runs, rdflib_budget, skip_sparql, show_profile,
          compare_segmenters, scale):
    """Measure build speed, scaling, memory and SPARQL latency on a corpus.

    Prints the figures as it goes and ends with one JSON line (chars_per_s,
    jieba_chars_per_s, ratio_vs_jieba, scaling_16x, parallel_speedup_2,
    sparql_p50_ms_oxigraph, sparql_p50_ms_rdflib, peak_rss_mb, build_s, ...).
    Takes minutes on a full corpus; --sample and --skip-sparql make it quick.
    The pipeline segments with rjieba (KG_SEGMENTER=jieba for Python jieba);
    the jieba figure is always Python jieba's.

    \b
    Examples:
      kg bench --corpus news.jsonl
      kg bench --corpus news.jsonl --sample 300 --skip-sparql
      kg bench --corpus news.jsonl --sample 400 --compare-segmenters
      kg bench --corpus news.jsonl --scale 10
    """
    from kg.benchmark import BenchOptions, load_documents, run_bench

    if compare_segmenters:
        from kg.benchmark.segmenters import compare_segmenters as compare

        comparison = compare(load_documents(corpus, sample))
        for line in comparison.lines():
            click.echo(line)
        click.echo(json.dumps(comparison.summary(), ensure_ascii=False, sort_keys=True))
        return

    if scale:
        import tempfile

        from kg.benchmark.scale import scale_figures
        from kg.sources import default_jobs

        with tempfile.TemporaryDirectory(prefix="kg-bench-scale-") as tmp:
            figures = scale_figures(corpus, scale, Path(tmp), default_jobs(), query_runs, say=click.echo)
        click.echo(json.dumps(figures, ensure_ascii=False, sort_keys=True))
        return

    options = BenchOptions(corpus, sample, scaling_docs, min_triples, query_runs, rdflib_budget, skip_sparql,
                           show_profile)
    figures = run_bench(options, say=click.echo)
    click.echo(json.dumps(figures, ensure_ascii=False, sort_keys=True))
