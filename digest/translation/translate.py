"""The translate stage: non-English articles to English, offline, with Argos models.

Why not argostranslate's own ``translate()``: it splits text into paragraphs
and calls CTranslate2 once per paragraph with a batch limit of 32 *tokens*, so
a 30-sentence article costs dozens of tiny calls, and it splits sentences with
its own splitter (MiniSBD, which downloads a model on first use when the
package lacks one).  Here the package's own tokenizer and CTranslate2 model
are used directly: every sentence that needs one model, from every article,
goes through ``translate_batch`` together (sorted and batched by CTranslate2),
with the same decoding settings argostranslate uses.  Sentences come from the
project's own splitter, so a summary sentence and its translation stay
one-to-one, and nothing here can reach the network.

Translations are cached in the state store by (model package and version,
source text), so a second build of the same articles translates nothing.  What
is not cached goes through the model in fixed chunks of sentences, in this
process or on Dask workers (``--dask``): the same chunks either way, so where
they run never changes a translation.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..article import Article, Block, Translation
from ..text.language import language_name
from .models import InstalledModel, ModelError, find_model, install_hint

if TYPE_CHECKING:
    from ..store.state import StateStore

CACHE_NAMESPACE = "translation"
MAX_BATCH_SENTENCES = 32
# Sentences per translate_sentences call: a task of seconds on a Dask worker, and 16 of
# CTranslate2's batches, so batching still pays.  Fixed, so the batches a sentence meets
# (and, with a real model, the last digits of its scores) never depend on the workers.
CHUNK_SENTENCES = 512

_LOADED: dict[str, "LoadedModel"] = {}


@dataclass
class LoadedModel:
    """A model package loaded once per process: tokenizer plus CTranslate2 translator."""

    model: InstalledModel
    tokenizer: Any
    translator: Any
    target_prefix: str = ""
    beam_size: int = 4



def forget_loaded_models() -> None:
    _LOADED.clear()


def load_model(model: InstalledModel) -> LoadedModel:
    """Load a package's tokenizer and CTranslate2 model, once per process.

    Device, threads, compute type and beam size follow argostranslate's own
    settings (``ARGOS_DEVICE_TYPE``, ``ARGOS_INTRA_THREADS``, ``ARGOS_BEAM_SIZE``...).
    """
    key = f"{model.path}:{model.version}"
    if key in _LOADED:
        return _LOADED[key]
    import ctranslate2
    from argostranslate import package, settings

    pkg = package.Package(model.path)
    tokenizer = getattr(pkg, "tokenizer", None)
    if tokenizer is None:
        raise ModelError(f"{model.path}: the package has no sentencepiece.model or bpe.model")
    options: dict[str, Any] = {
        "device": settings.device,
        "inter_threads": settings.inter_threads,
        "intra_threads": settings.intra_threads,
    }
    if settings.compute_type != "auto":
        options["compute_type"] = settings.compute_type
    try:
        translator = ctranslate2.Translator(str(model.path / "model"), **options)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(f"{model.path}: cannot load the model ({exc}); reinstall it") from None
    loaded = LoadedModel(model, tokenizer, translator, getattr(pkg, "target_prefix", "") or "", settings.beam_size)
    _LOADED[key] = loaded
    return loaded


def translate_sentences(loaded: LoadedModel, sentences: list[str]) -> list[str]:
    """Translate sentences one-to-one in batched CTranslate2 calls.

    Decoding mirrors argostranslate's (beam search, length penalty 0.2,
    unknowns replaced, target prefix stripped) so results match what its
    ``translate()`` would give; only the batching differs.
    """
    if not sentences:
        return []
    try:
        tokens = [loaded.tokenizer.encode(sentence) for sentence in sentences]
        prefix = [[loaded.target_prefix]] * len(tokens) if loaded.target_prefix else None
        results = loaded.translator.translate_batch(
            tokens,
            target_prefix=prefix,
            max_batch_size=MAX_BATCH_SENTENCES,
            batch_type="examples",
            beam_size=loaded.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            replace_unknowns=True,
        )
        outputs = []
        for result in results:
            text = loaded.tokenizer.decode(result.hypotheses[0])
            if loaded.target_prefix and text.startswith(loaded.target_prefix):
                text = text[len(loaded.target_prefix):]
            outputs.append(text.strip())
    except (RuntimeError, ValueError, IndexError, OSError) as exc:
        raise ModelError(f"{loaded.model.path}: translation failed ({exc}); reinstall the model") from None
    return outputs


def translate_chunk(model: InstalledModel, sentences: list[str]) -> list[str]:
    """One chunk through ``model``, loaded once per process (the task Dask workers run: each
    worker keeps the model it loaded for the chunks after)."""
    if not model.path.is_dir():
        raise ModelError(f"{model.name} is not installed at {model.path} where it was to run: install it there too")
    return translate_sentences(load_model(model), sentences)


def _model_cache_id(model: InstalledModel) -> str:
    """The model and the decoding setting that shapes its outputs, without loading it: the
    driver of a Dask build looks its cache up but never translates itself."""
    from argostranslate import settings

    return f"{model.cache_id}/beam{settings.beam_size}"


def _cache_key(cache_id: str, text: str) -> str:
    return hashlib.sha256(f"{cache_id}\n{text}".encode("utf-8")).hexdigest()


@dataclass
class _Plan:
    """The sentences of one article to translate, grouped by output field."""

    article: Article
    title: list[str] = field(default_factory=list)
    standfirst: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    body: list[tuple[str, list[str]]] = field(default_factory=list)  # (block kind, sentences)

    def all_sentences(self) -> list[str]:
        out = self.title + self.standfirst + self.summary
        for _kind, sentences in self.body:
            out.extend(sentences)
        return out


def _plan(article: Article, full_text: bool) -> _Plan:
    from ..text.sentences import split_sentences

    lang = article.lang
    plan = _Plan(article)
    plan.title = [article.title.strip()] if article.title.strip() else []
    plan.standfirst = split_sentences(article.standfirst, lang) if article.standfirst else []
    plan.summary = [s for s in article.summary.sentences]
    if full_text:
        plan.body = [(block.kind, split_sentences(block.text, lang)) for block in article.blocks]
    return plan


def translate_texts(
    model: InstalledModel, texts: list[str], store: "StateStore | None" = None, executor=None
) -> tuple[dict[str, str], set[str]]:
    """Translations for ``texts``, from the cache where possible, the rest in chunks through
    ``executor.map`` (Dask workers) or in this process.

    Returns ``(text -> translation, the texts served from the cache)``.
    """
    unique = list(dict.fromkeys(t for t in texts if t.strip()))
    done: dict[str, str] = {}
    cache_id = _model_cache_id(model) if store is not None else ""
    if store is not None and unique:
        keys = {_cache_key(cache_id, text): text for text in unique}
        for key, value in store.get_many(CACHE_NAMESPACE, keys).items():
            done[keys[key]] = value
    hits = set(done)
    missing = [text for text in unique if text not in done]
    chunks = [missing[start:start + CHUNK_SENTENCES] for start in range(0, len(missing), CHUNK_SENTENCES)]
    translated = (executor.map if executor else map)(translate_chunk, [model] * len(chunks), chunks)
    fresh = dict(zip(missing, (sentence for chunk in translated for sentence in chunk)))
    done.update(fresh)
    if store is not None and fresh:
        store.put_many(CACHE_NAMESPACE, {_cache_key(cache_id, text): out for text, out in fresh.items()})
    return done, hits


def translate_articles(
    articles: list[Article],
    *,
    target: str = "en",
    full_text: bool = False,
    store: "StateStore | None" = None,
    executor=None,
) -> list[str]:
    """Set ``article.translation`` on every article; return warnings, one line each.

    Each model is loaded once (per Dask worker with an ``executor``) and all its
    sentences, across articles, go through it in batched runs.  An article whose model is missing or
    fails keeps its original text and says how to fix it; the others go on.
    """
    warnings: list[str] = []
    by_pair: dict[str, list[Article]] = {}
    for article in articles:
        if article.lang == target:
            article.translation = Translation(status="original", source_lang=article.lang, target_lang=target)
        elif not article.lang:
            article.translation = Translation(
                status="not-translated", target_lang=target, reason="the source language is unknown"
            )
            warnings.append(f"{article.source}: not translated: the source language is unknown")
        else:
            by_pair.setdefault(article.lang, []).append(article)

    for source_lang, group in by_pair.items():
        model = find_model(source_lang, target)
        if model is None:
            reason = f"no {language_name(source_lang)}→{language_name(target)} model installed"
            _mark_untranslated(group, source_lang, target, reason, install_hint(source_lang, target), warnings)
            continue
        try:
            plans = [_plan(article, full_text) for article in group]
            done, cached = translate_texts(model, [s for plan in plans for s in plan.all_sentences()], store, executor)
        except ModelError as exc:
            hint = f"{install_hint(source_lang, target)}  (or --file PATH to reinstall from a file)"
            _mark_untranslated(group, source_lang, target, str(exc), hint, warnings)
            continue
        for plan in plans:
            plan.article.translation = _assemble(plan, done, model, source_lang, target, cached)
    return warnings


def _mark_untranslated(group, source_lang, target, reason, hint, warnings) -> None:
    for article in group:
        article.translation = Translation(
            status="not-translated", source_lang=source_lang, target_lang=target, reason=reason, install_hint=hint
        )
        warnings.append(f"{article.source}: not translated: {reason}; run: {hint}")


def _join(sentences: list[str], done: dict[str, str]) -> str:
    return " ".join(done.get(s, s) for s in sentences if done.get(s, s))


def _assemble(plan: _Plan, done: dict[str, str], model: InstalledModel, source_lang: str, target: str,
              cached: set[str]) -> Translation:
    sentences = plan.all_sentences()
    return Translation(
        status="translated",
        source_lang=source_lang,
        target_lang=target,
        model=model.name,
        title=_join(plan.title, done),
        standfirst=_join(plan.standfirst, done),
        summary=[done.get(s, s) for s in plan.summary],
        body=[Block(kind, _join(parts, done)) for kind, parts in plan.body],
        segments=len(sentences),
        cache_hits=sum(1 for s in sentences if s in cached),
    )


def translate_text(text: str, from_code: str, to_code: str = "en") -> str:
    """Translate a plain text, keeping its paragraphs (for ``digest translate``)."""
    from ..text.sentences import split_sentences

    if from_code == to_code:
        return text
    model = find_model(from_code, to_code)
    if model is None:
        raise ModelError(
            f"no {language_name(from_code)}→{language_name(to_code)} model installed; "
            f"run: {install_hint(from_code, to_code)}"
        )
    paragraphs = [p for p in _paragraphs(text)]
    split = [split_sentences(p, from_code) for p in paragraphs]
    done, _cached = translate_texts(model, [s for sentences in split for s in sentences])
    return "\n\n".join(_join(sentences, done) for sentences in split)


def _paragraphs(text: str) -> list[str]:
    import re

    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
