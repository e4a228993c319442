"""Scale benchmark: digest at 10, 100, 1,000 and 10,000 articles (issue 8).

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench.py                          # 10, 100, 1000
    .venv/bin/python benchmarks/bench.py --sizes 10,100,1000,10000 --json bench.json
    .venv/bin/python benchmarks/bench.py --sizes 100 --quick       # stages only, seconds

What it measures, always through the real code (``digest.pipeline``, the stage
functions and the renderers), each size in fresh subprocesses so the peak
memory (``ru_maxrss``) of one measurement is not inherited by the next:

* **stages** — load, clean, detect, summarise (per article), link, translate
  (batch), feed, email (HTML, text, MIME), PDF, digest.json: wall seconds,
  articles per second, and the process's peak RSS after each stage (VmHWM).
  This process holds every article at once, so its memory is an upper bound;
* **build** — ``digest.pipeline.build`` as ``digest build`` runs it: cold
  (empty state store), then again over the unchanged inputs (the per-article
  cache), then cold with ``--jobs 2``; the outputs of ``--jobs 1`` and
  ``--jobs 2`` are compared byte for byte after blanking the build time;
* **pdf** — pages and pages per second of the briefing, bounded (the default
  number of stories in full) and, up to ``--pdf-full-max`` articles, with every
  story in full as before;
* **startup** — ``digest --help`` wall time (best and median of 7);
* **peers** — our summariser against sumy's LexRank and our cleaner against
  jusText on the same texts: time ratios (ours / peer; below 1 is faster);

Profile one cold build with ``--profile N`` (cProfile, cumulative and own time).

The corpus: real texts only.  The development sets in ``../shared/bench``
(``--data``, or ``$DIGEST_BENCH_DATA``) when present — the 289 noisy page dumps
of ``clean-dev.jsonl`` and the 589 articles of ``summ-dev-*.jsonl`` (title line,
blank line, body) — else the articles in ``seeds/``.  Sizes beyond the number of
texts reuse them; copy *k* of a text gets ``(update k)`` appended to its longest
prose line, so each copy is a distinct file, cache key and article id (copies of
one text then look like one story reported many times, which the story linker
groups, as it would for a wire story).  The data is read from where it lies and
written only to a temporary folder, never into the project.

No translation model is used (``ARGOS_PACKAGES_DIR`` points at an empty
folder): the targets in issue 8 are for the pipeline without one.  Timings on a
shared machine are noisy; the JSON records the load average next to them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("DIGEST_BENCH_DATA", ROOT.parent / "shared" / "bench"))
SEEDS = ROOT / "seeds"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUTPUTS = ["feed.xml", "atom.xml", "digest.html", "digest.txt", "digest.eml", "briefing.pdf", "digest.json"]


def package_at(ref: str, folder: Path) -> Path:
    """The ``digest`` package as it was at git ``ref``, extracted into ``folder`` (returned):
    what a benchmark runs beside this tree to compare the two in the same run."""
    import io
    import tarfile

    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "digest"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


# --- corpus ----------------------------------------------------------------------


def source_texts(data: Path | None) -> tuple[list[tuple[str, str]], str]:
    """(name, text) of every real text available, and where they came from."""
    texts: list[tuple[str, str]] = []
    if data and (data / "clean-dev.jsonl").is_file():
        for record in _jsonl(data / "clean-dev.jsonl"):
            texts.append((record["id"], record["noisy_text"]))
        for path in sorted(data.glob("summ-dev-*.jsonl")):
            for record in _jsonl(path):
                texts.append((record["id"], f"{record.get('title', '').strip()}\n\n{record['text']}"))
        return texts, f"{data} (clean-dev + summ-dev)"
    for path in sorted(SEEDS.glob("*")):
        if path.suffix.lower() in {".txt", ".md", ".html", ".htm"}:
            texts.append((path.stem, path.read_text(encoding="utf-8", errors="replace")))
    return texts, f"{SEEDS} (the development sets were not found)"


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


_PROSE = re.compile(r"[^\W\d_]{2,}")


def vary(text: str, copy: int) -> str:
    """Copy ``copy`` (≥ 1) of a text: its longest prose line gets ``(update N)`` appended."""
    lines = text.split("\n")
    best = max(range(len(lines)), key=lambda i: len(_PROSE.findall(lines[i])))
    lines[best] = lines[best].rstrip() + f" (update {copy})"
    return "\n".join(lines)


def make_corpus(texts: list[tuple[str, str]], size: int, folder: Path, start: int = 0) -> Path:
    """Files ``start`` to ``size - 1`` of the corpus (``start``: add to a corpus made before)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, size):
        name, text = texts[i % len(texts)]
        copy = i // len(texts)
        body = vary(text, copy) if copy else text
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", name)[:40]
        (folder / f"{i:05d}_{safe}.txt").write_text(body, encoding="utf-8")
    return folder


# --- measurements inside a fresh process -------------------------------------------


def _peak_mb() -> float:
    """Peak resident memory of this process so far (VmHWM; ru_maxrss where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1024 / 1024


def _maxrss_mb(who: int) -> float:
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(who).ru_maxrss * scale / 1024 / 1024


def pdf_pages(data: bytes) -> int:
    try:
        import io

        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(data)).pages)
    except ImportError:
        return len(re.findall(rb"/Type\s*/Page\b", data))


def worker_stages(corpus: Path, work: Path, pdf_full_max: int) -> dict:
    """Every stage on its own over the whole corpus, with the real stage functions."""
    from datetime import datetime, timezone

    from digest.article import DropArticle
    from digest.briefing import Briefing
    from digest.text.clean import clean_article
    from digest.config import BUILTIN_TEMPLATES
    from digest.publish.feed import render_feed
    from digest.text.language import detect_language
    from digest.ingest.load import LoadProblem, find_inputs, load_file
    from digest.publish.mail import build_message, render_html, render_text
    from digest.publish import pdf as pdf_module
    from digest.publish.digest_json import digest_json
    from digest.store.state import StateStore
    from digest.analysis.stories import link_stories
    from digest.analysis.summarize import summarize_article
    from digest.translation.translate import translate_articles

    stages: dict[str, dict] = {}
    counts: dict[str, int] = {}

    def timed(name: str, count: int, func):
        clock = time.perf_counter()
        value = func()
        seconds = time.perf_counter() - clock
        stages[name] = {"seconds": seconds, "items": count, "peak_mb": round(_peak_mb(), 1)}
        return value

    baseline = _peak_mb()
    paths = [p for p in find_inputs([corpus]) if not isinstance(p, LoadProblem)]
    # Warm-up, timed apart: the first article pays for lazy imports (dateparser, py3langid's
    # model, stemmers) and the first PDF for WeasyPrint's fonts.  A build pays this once.
    clock = time.perf_counter()
    from digest.runner import _process_or_reason

    first = load_file(paths[0]) if paths else None
    if first is not None and not isinstance(first, LoadProblem):
        warm, _ = _process_or_reason(first)
        if warm is not None:
            pdf_module.render_pdf(Briefing(title="warm-up", created=datetime.now(timezone.utc), articles=[warm],
                                           templates=[BUILTIN_TEMPLATES]))
    stages["warm-up (imports, fonts)"] = {"seconds": time.perf_counter() - clock, "items": 1,
                                          "peak_mb": round(_peak_mb(), 1)}
    loaded = timed("load", len(paths), lambda: [load_file(p) for p in paths])
    articles = [a for a in loaded if not isinstance(a, LoadProblem)]
    dropped: dict[str, int] = {}

    def each(stage):
        def run():
            kept = []
            for article in articles:
                try:
                    stage(article)
                    kept.append(article)
                except DropArticle as exc:
                    reason = str(exc).split(":")[0][:60]
                    dropped[reason] = dropped.get(reason, 0) + 1
                except Exception as exc:  # the pipeline drops such an article too ("... failed: ...")
                    reason = f"{stage.__name__} failed: {type(exc).__name__}: {exc}"[:120]
                    dropped[reason] = dropped.get(reason, 0) + 1
            return kept
        return run

    n = len(articles)
    articles = timed("clean", n, each(clean_article))

    def detect(article):
        detect_language(article)
        article.id = article.stable_id()

    articles = timed("detect", len(articles), each(detect))
    articles = timed("summarise", len(articles), each(summarize_article))
    unique = {}
    for article in articles:
        article.raw = ""
        unique.setdefault(article.id, article)
    counts["duplicates"] = len(articles) - len(unique)
    articles = list(unique.values())
    timed("link", len(articles), lambda: link_stories(articles))
    store = StateStore(work / "state.sqlite")
    timed("translate", len(articles), lambda: translate_articles(articles, store=store))
    articles.sort(key=lambda a: a.source)
    articles.sort(key=lambda a: a.sort_moment, reverse=True)  # as the build orders them
    briefing = Briefing(title="Benchmark Briefing", created=datetime.now(timezone.utc).replace(microsecond=0),
                        articles=articles, templates=[BUILTIN_TEMPLATES])
    timed("render feed", len(articles), lambda: render_feed(briefing, store=store))
    html = timed("render email html", len(articles), lambda: render_html(briefing))
    text = timed("render email text", len(articles), lambda: render_text(briefing))
    timed("render email mime", len(articles), lambda: build_message(briefing, html, text).as_bytes())
    pdf = timed("render pdf", len(articles), lambda: pdf_module.render_pdf(briefing))
    stages["render pdf"]["pages"] = pdf_pages(pdf)
    timed("digest.json", len(articles), lambda: digest_json(briefing, [], []))
    if len(articles) <= pdf_full_max:
        full = timed("render pdf (all in full)", len(articles), lambda: _render_pdf_all(pdf_module, briefing))
        stages["render pdf (all in full)"]["pages"] = pdf_pages(full)
    store.close()
    counts.update(files=len(paths), loaded=n, published=len(articles), dropped=sum(dropped.values()),
                  stories_linked=sum(1 for a in articles if a.related))
    return {"stages": stages, "counts": counts, "drop_reasons": dropped, "baseline_mb": round(baseline, 1),
            "peak_mb": round(_peak_mb(), 1)}


def _render_pdf_all(pdf_module, briefing) -> bytes:
    """The PDF with every story in full (the layout before the compact list)."""
    import inspect

    if "full_stories" in inspect.signature(pdf_module.render_pdf).parameters:
        return pdf_module.render_pdf(briefing, full_stories=None)
    return pdf_module.render_pdf(briefing)


def worker_build(corpus: Path, out: Path, jobs: int) -> dict:
    """``digest build`` as the CLI runs it (``digest.pipeline.build``)."""
    from digest.config import Settings
    from digest.pipeline import build

    settings = Settings(out=out, inputs=[corpus], jobs=jobs, quiet=True)
    load_before = os.getloadavg()[0]
    clock = time.perf_counter()
    report = build(settings)
    seconds = time.perf_counter() - clock
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        # CPU seconds of this process and of its (finished) pool workers: with the wall time they
        # show whether --jobs had the cores to itself.
        "cpu_s": me.ru_utime + me.ru_stime,
        "children_cpu_s": children.ru_utime + children.ru_stime,
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "seconds": seconds,
        "stage_seconds": report.stage_seconds,
        "cache_hits": report.cache_hits,
        "files": report.files,
        "published": len(report.articles),
        "skipped": len(report.problems),
        "peak_mb": round(_maxrss_mb(resource.RUSAGE_SELF), 1),
        "children_peak_mb": round(_maxrss_mb(resource.RUSAGE_CHILDREN), 1),
    }


def worker_profile(corpus: Path, out: Path, jobs: int, limit: int) -> dict:
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    result = worker_build(corpus, out, jobs)
    profiler.disable()
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(limit)
    stream.write("\n--- by own time ---\n")
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(limit)
    result["profile"] = stream.getvalue()
    return result


# --- peers ------------------------------------------------------------------------


class _SumyTokenizer:
    """sumy's documents, split with digest's own sentence splitter (no NLTK data download):
    the comparison is of the ranking, on identical sentences."""

    def __init__(self, lang: str):
        from digest.text.sentences import split_sentences

        self.language = {"de": "german", "fr": "french"}.get(lang, "english")
        self.lang = lang
        self._split = split_sentences

    def to_sentences(self, paragraph: str) -> list[str]:
        return self._split(paragraph, self.lang)

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"[^\W_]+", sentence)


def peers(data: Path | None, limit: int) -> dict:
    """Time ratios against sumy LexRank (summariser) and jusText (cleaner), same inputs.

    Each side runs once on the first text before the clock starts (imports,
    stop lists, stemmers), then over the first ``limit`` texts.
    """
    result: dict = {}
    if not data or not (data / "clean-dev.jsonl").is_file():
        return {"skipped": "the development sets are not available"}
    summ = []
    for path in sorted(data.glob("summ-dev-*.jsonl")):
        summ.extend(_jsonl(path))
    summ = summ[:limit]
    try:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words

        from digest.analysis.summarize import summarize_text

        summarizers = {}

        def lexrank(record, n):
            lang = record.get("lang", "en")
            tokenizer = _SumyTokenizer(lang)
            if lang not in summarizers:
                summarizers[lang] = LexRankSummarizer(Stemmer(tokenizer.language))
                summarizers[lang].stop_words = get_stop_words(tokenizer.language)
            paragraphs = [p for p in re.split(r"\n\s*\n", record["text"]) if p.strip()]
            document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in tokenizer.to_sentences(p)])
                                            for p in paragraphs])
            return summarizers[lang](document, n)

        def ours_summary(record, n):
            return summarize_text(record["text"], lang=record.get("lang", "en"), title=record.get("title"),
                                  sentences=n)

        result["summariser_vs_lexrank"] = _race(summ, ours_summary, lexrank, "lexrank_s",
                                                lambda r: int(r.get("n_sents") or 3))
    except ImportError as exc:
        result["summariser_vs_lexrank"] = {"skipped": f"sumy not installed ({exc.name}): pip install -e '.[bench]'"}
    pages = _jsonl(data / "clean-dev.jsonl")[:limit]
    try:
        from html import escape

        import justext

        from digest.text.clean import clean_text

        stoplists = {"en": justext.get_stoplist("English"), "de": justext.get_stoplist("German")}

        def jus(record, _):
            # As the shared scorer feeds it: each line of the dump wrapped in <p>.
            html = "<html><body>" + "".join(f"<p>{escape(line)}</p>" for line in record["noisy_text"].split("\n")
                                            if line.strip()) + "</body></html>"
            paragraphs = justext.justext(html, stoplists.get(record.get("lang"), stoplists["en"]))
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        def ours_clean(record, _):
            return clean_text(record["noisy_text"], record.get("lang"))

        result["cleaner_vs_justext"] = _race(pages, ours_clean, jus, "justext_s", lambda r: 0)
    except ImportError as exc:
        result["cleaner_vs_justext"] = {"skipped": f"jusText not installed ({exc.name}): pip install -e '.[bench]'"}
    return result


def _race(records: list[dict], ours, peer, peer_key: str, arg) -> dict:
    if not records:
        return {"skipped": "no texts"}
    ours(records[0], arg(records[0]))
    peer(records[0], arg(records[0]))
    ours_s = peer_s = 0.0
    for record in records:  # alternate, so a burst of load on the machine hits both sides alike
        clock = time.perf_counter()
        ours(record, arg(record))
        ours_s += time.perf_counter() - clock
        clock = time.perf_counter()
        peer(record, arg(record))
        peer_s += time.perf_counter() - clock
    return {"texts": len(records), "ours_s": ours_s, peer_key: peer_s, "ratio": ours_s / peer_s if peer_s else None}


# --- the driver -------------------------------------------------------------------


def _env(argos_dir: Path, code: Path) -> dict:
    env = dict(os.environ)
    env["ARGOS_PACKAGES_DIR"] = str(argos_dir)
    env["PYTHONPATH"] = str(code) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_worker(kind: str, args: list[str], env: dict, timeout: float | None) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        result_path = Path(handle.name)
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", kind, "--result", str(result_path), *args]
    try:
        proc = subprocess.run(command, env=env, timeout=timeout, capture_output=True, text=True)
        if proc.returncode != 0:
            return {"error": f"exit {proc.returncode}: {proc.stderr.strip()[-600:]}"}
        return json.loads(result_path.read_text())
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    finally:
        result_path.unlink(missing_ok=True)


def startup(env: dict, runs: int = 7) -> dict:
    """``digest --help`` wall time, the console script of the venv when there is one."""
    digest = Path(sys.executable).with_name("digest")
    command = [str(digest), "--help"] if digest.exists() else [sys.executable, "-m", "digest", "--help"]
    times = []
    for _ in range(runs):
        clock = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - clock)
    bare = []
    for _ in range(runs):  # the interpreter alone, to tell our share from Python's
        clock = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, capture_output=True, check=True)
        bare.append(time.perf_counter() - clock)
    return {"command": " ".join(command), "best_s": min(times), "median_s": statistics.median(times),
            "python_alone_best_s": min(bare)}


_VOLATILE = [
    (re.compile(rb"\d\d:\d\d:\d\d"), b"hh:mm:ss"),  # build and first-seen times of day
    (re.compile(rb"^(Message-ID|Date): .*$", re.M), rb"\1: -"),
    (re.compile(rb"={15}\d+=="), b"=boundary="),  # MIME boundaries are random
    (re.compile(rb"/(CreationDate|ModDate) \([^)]*\)"), rb"/\1 ()"),
    (re.compile(rb"/ID \[<[0-9a-fA-F]+> <[0-9a-fA-F]+>\]"), b"/ID []"),
]


def normalised(data: bytes) -> bytes:
    """An output with what legitimately differs between two builds blanked (times, boundaries)."""
    for pattern, replacement in _VOLATILE:
        data = pattern.sub(replacement, data)
    return data


def compare_outputs(a: Path, b: Path) -> dict:
    verdict = {}
    for name in OUTPUTS:
        left, right = (a / name).read_bytes(), (b / name).read_bytes()
        if left == right:
            verdict[name] = "identical"
        elif normalised(left) == normalised(right):
            verdict[name] = "identical except build time"
        else:
            verdict[name] = "DIFFERENT"
    return verdict


def measure_size(size: int, texts, args, work: Path, env: dict) -> dict:
    corpus = make_corpus(texts, size, work / f"corpus-{size}")
    entry: dict = {"articles": size}
    if args.no_stages:
        entry["stages"] = {}
    else:
        entry["stages"] = run_worker("stages", ["--corpus", str(corpus), "--out", str(work / f"stages-{size}"),
                                            "--pdf-full-max", str(args.pdf_full_max)], env, args.timeout)
        _progress(f"{size}: stages done")
    if args.quick:
        return entry
    cold = run_worker("build", ["--corpus", str(corpus), "--out", str(work / f"j1-{size}"), "--jobs", "1"],
                      env, args.timeout)
    warm = run_worker("build", ["--corpus", str(corpus), "--out", str(work / f"j1-{size}"), "--jobs", "1"],
                      env, args.timeout)
    entry["build_cold"], entry["build_warm"] = cold, warm
    # The morning as it goes: NEW_ARTICLES more files arrive and the briefing is rebuilt
    # (over a copy of the first build's folder and state, which the --jobs check compares).
    shutil.copytree(work / f"j1-{size}", work / f"new-{size}")
    make_corpus(texts, size + NEW_ARTICLES, corpus, start=size)
    entry["build_new"] = run_worker("build", ["--corpus", str(corpus), "--out", str(work / f"new-{size}"),
                                              "--jobs", "1"], env, args.timeout)
    make_corpus_trim(corpus, size)
    shutil.rmtree(work / f"new-{size}", ignore_errors=True)
    _progress(f"{size}: builds done")
    if size in args.jobs_sizes:
        entry["build_jobs2"] = run_worker("build", ["--corpus", str(corpus), "--out", str(work / f"j2-{size}"),
                                                    "--jobs", "2"], env, args.timeout)
        if cold and "error" not in cold and "error" not in entry["build_jobs2"]:
            entry["jobs_outputs"] = compare_outputs(work / f"j1-{size}", work / f"j2-{size}")
        _progress(f"{size}: jobs 2 done")
    shutil.rmtree(corpus, ignore_errors=True)
    return entry


NEW_ARTICLES = 10


def make_corpus_trim(folder: Path, size: int) -> None:
    """Back to the first ``size`` files (the --jobs comparison builds the corpus as measured cold)."""
    for path in sorted(folder.glob("*.txt"))[size:]:
        path.unlink()


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the table ----------------------------------------------------------------------


def table(results: dict) -> str:
    lines = []
    sizes = results["sizes"]
    stage_names: list[str] = []
    for entry in sizes.values():
        for name in entry.get("stages", {}).get("stages", {}):
            if name not in stage_names:
                stage_names.append(name)
    header = f"{'stage':28}" + "".join(f"{size + ' art.':>24}" for size in sizes)
    lines.append("Per stage: seconds · articles/s · peak RSS MB (stage-by-stage process, all articles in memory)")
    lines.append(header)
    for name in stage_names:
        row = f"{name:28}"
        for entry in sizes.values():
            stage = entry.get("stages", {}).get("stages", {}).get(name)
            if not stage:
                row += f"{'-':>24}"
                continue
            rate = stage["items"] / stage["seconds"] if stage["seconds"] else float("inf")
            row += f"{stage['seconds']:>9.2f}s {rate:>7.0f}/s {stage['peak_mb']:>5.0f}"
        lines.append(row)
    for name in ("render pdf", "render pdf (all in full)"):
        cells = []
        for size, entry in sizes.items():
            stage = entry.get("stages", {}).get("stages", {}).get(name)
            if stage and stage.get("pages"):
                cells.append(f"{size}: {stage['pages']} pages, {stage['pages'] / stage['seconds']:.1f} pages/s")
        if cells:
            lines.append(f"{name}: " + "; ".join(cells))
    lines.append("")
    lines.append("digest build (pipeline.build):")
    lines.append(f"{'articles':>9} {'published':>9} {'cold s':>8} {'ms/art':>7} {'per-art s':>9} {'peak MB':>8} "
                 f"{'warm s':>7} {'speed-up':>8} {'+10 new s':>9} {'j2 per-art s':>12} {'j2 gain':>7} {'j2 outputs':>12}")
    for size, entry in sizes.items():
        cold, warm, j2 = entry.get("build_cold", {}), entry.get("build_warm", {}), entry.get("build_jobs2", {})
        if not cold or "error" in cold:
            if cold:
                lines.append(f"{size:>9} {cold['error'][:100]}")
            continue
        per = cold["stage_seconds"].get("load+clean+detect+summarise", 0)
        row = (f"{size:>9} {cold['published']:>9} {cold['seconds']:>8.1f} {1000 * cold['seconds'] / int(size):>7.1f} "
               f"{per:>9.1f} {cold['peak_mb']:>8.0f}")
        if warm and "error" not in warm:
            row += f" {warm['seconds']:>7.1f} {cold['seconds'] / warm['seconds']:>7.1f}x"
        else:
            row += f" {'-':>7} {'-':>8}"
        new = entry.get("build_new", {})
        row += f" {new['seconds']:>9.1f}" if new and "error" not in new else f" {'-':>9}"
        if j2 and "error" not in j2:
            per2 = j2["stage_seconds"].get("load+clean+detect+summarise", 0)
            same = entry.get("jobs_outputs", {})
            ok = "same" if same and all(v != "DIFFERENT" for v in same.values()) else "DIFFER"
            row += f" {per2:>12.1f} {per / per2 if per2 else 0:>6.2f}x {ok:>12}"
        lines.append(row)
    if results.get("startup"):
        s = results["startup"]
        lines.append(f"\n`digest --help`: best {s['best_s']:.3f} s, median {s['median_s']:.3f} s "
                     f"(python -c pass: {s.get('python_alone_best_s', 0):.3f} s)")
    peer = results.get("peers", {})
    for key, label in (("summariser_vs_lexrank", "summariser vs sumy LexRank"), ("cleaner_vs_justext",
                                                                                  "cleaner vs jusText")):
        item = peer.get(key)
        if item and "ratio" in item:
            count = item.get("texts")
            ours = [v for k, v in item.items() if k == "ours_s"][0]
            theirs = [v for k, v in item.items() if k.endswith("_s") and k != "ours_s"][0]
            lines.append(f"{label}: ours {ours:.2f} s, peer {theirs:.2f} s on {count} texts -> ratio {item['ratio']:.2f}")
        elif item:
            lines.append(f"{label}: {item.get('skipped')}")
    lines.append(f"\nmachine: {results['machine']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes, comma-separated (default 10,100,1000)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the development sets (default ../shared/bench)")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed afterwards)")
    parser.add_argument("--jobs-sizes", default="100,1000", help="sizes at which --jobs 2 is compared (default 100,1000)")
    parser.add_argument("--pdf-full-max", type=int, default=100,
                        help="also render the PDF with every story in full up to this many articles (default 100)")
    parser.add_argument("--peers", type=int, default=300, help="texts for the peer comparison (0: skip)")
    parser.add_argument("--quick", action="store_true", help="stage timings only (no builds)")
    parser.add_argument("--no-stages", action="store_true", help="skip the stage-by-stage process (builds only)")
    parser.add_argument("--hash-seed", help="PYTHONHASHSEED for every measured process (default: random, as "
                        "for users; fix it to tell set-order nondeterminism from other differences)")
    parser.add_argument("--live", action="store_true",
                        help="run the working tree's code (default: a snapshot of digest/ taken at start)")
    parser.add_argument("--timeout", type=float, default=None, help="seconds allowed per measurement process")
    parser.add_argument("--profile", type=int, metavar="N", help="only profile one cold build of N articles (cProfile)")
    # worker mode (internal)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        args.out.mkdir(parents=True, exist_ok=True)
        if args.worker == "stages":
            result = worker_stages(args.corpus, args.out, args.pdf_full_max)
        elif args.worker == "build":
            result = worker_build(args.corpus, args.out, args.jobs)
        elif args.worker == "peers":
            result = peers(args.data, args.jobs)
        elif args.worker == "profile":
            result = worker_profile(args.corpus, args.out, args.jobs, 45)
        else:
            parser.error(f"unknown worker {args.worker}")
        args.result.write_text(json.dumps(result))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.jobs_sizes = {int(s) for s in args.jobs_sizes.split(",") if s.strip()}
    texts, origin = source_texts(args.data)
    if not texts:
        print("bench: no texts found (neither the development sets nor seeds/)", file=sys.stderr)
        return 2
    scratch = args.work or Path(tempfile.mkdtemp(prefix="digest-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    argos = scratch / "no-models"
    argos.mkdir(exist_ok=True)
    code = ROOT
    if not args.live:  # measure one version of the code even while the working tree changes
        code = scratch / "code"
        shutil.rmtree(code, ignore_errors=True)
        for part in ("digest",):  # the templates live inside the package
            shutil.copytree(ROOT / part, code / part, ignore=shutil.ignore_patterns("__pycache__"))
    env = _env(argos, code)
    if args.hash_seed is not None:
        env["PYTHONHASHSEED"] = str(args.hash_seed)
    results: dict = {
        "corpus": f"{len(texts)} real texts from {origin}; larger sizes reuse them with '(update k)' appended "
                  "to the longest line of copy k",
        "machine": f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start, Python "
                   f"{sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}",
        "sizes": {},
    }
    try:
        if args.profile:
            corpus = make_corpus(texts, args.profile, scratch / f"corpus-{args.profile}")
            result = run_worker("profile", ["--corpus", str(corpus), "--out", str(scratch / "profile"),
                                            "--jobs", "1"], env, args.timeout)
            print(result.get("profile") or result)
            return 0
        results["startup"] = startup(env)
        if args.peers:
            results["peers"] = run_worker("peers", ["--data", str(args.data), "--jobs", str(args.peers),
                                                    "--out", str(scratch / "peers")], env, args.timeout)
            _progress("peers done")
        for size in sizes:
            results["sizes"][str(size)] = measure_size(size, texts, args, scratch, env)
            results["machine"] += f"; load {os.getloadavg()[0]:.1f} after {size}"
            if args.json:
                args.json.write_text(json.dumps(results, indent=2) + "\n")
    finally:
        if not args.work:
            shutil.rmtree(scratch, ignore_errors=True)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
