"""Translation throughput: argostranslate's own ``translate()`` per paragraph vs digest's batched path.

Usage::

    .venv/bin/python benchmarks/translate_bench.py [--sentences 200] [--beam 4] [--workdir DIR]

No real model can be downloaded here, so the script builds one of realistic
size: a transformer-base (6+6 layers, d_model 512, 8 heads, FFN 2048, 32k
vocabulary, int8) with random weights, packaged as an ``.argosmodel`` with
the test fixture's code (tests/argos_fixture.py).  CTranslate2's cost depends
on the shapes and on how many tokens are decoded, not on the weights' values;
the output projection is wired so that every sentence decodes exactly
``--output-tokens`` tokens (random weights alone would run to the 256-token
limit), the same for both paths.

Both paths translate the same German sentences (the German seed's, cycled up
to ``--sentences``), grouped into paragraphs of ``--paragraph`` sentences:

* **argos per paragraph**: ``argostranslate.translate.translate(paragraph, "de", "en")``
  once per paragraph, as a caller of argostranslate's API would;
* **digest batched**: ``digest.translation.translate.translate_sentences`` once with every
  sentence (what ``translate_articles`` does for all articles of a language).

Both use the same beam size (argostranslate's ``ARGOS_BEAM_SIZE``, set by
``--beam``) and CTranslate2's default thread count.  Timings exclude model
loading (the first call of each path is made before the clock starts).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
GERMAN_SEED = next((ROOT / "seeds").glob("004_*.txt"))


def german_sentences(count: int) -> list[str]:
    from digest.text.sentences import split_sentences

    found = [s for s in split_sentences(GERMAN_SEED.read_text(encoding="utf-8"), "de") if len(s.split()) >= 6]
    return [found[i % len(found)] for i in range(count)]


def build_package(workdir: Path, output_tokens: int, vocab_size: int = 32000) -> Path:
    import json
    import zipfile

    import sentencepiece as spm

    from argos_fixture import TRAINING_LINES, build_sentence_splitter, build_transformer, train_sentencepiece

    archive = workdir / f"translate-de_en-base-{output_tokens}.argosmodel"
    if archive.exists():
        return archive
    package = workdir / "build" / "translate-de_en-base"
    lines = [line for path in sorted((ROOT / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sp_model = train_sentencepiece(lines + TRAINING_LINES, vocab_size=8000)
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocabulary = pieces + [f"<extra_{i}>" for i in range(vocab_size - len(pieces))]
    chain = ["<s>"] + [p for p in pieces[3:] if p.startswith("\u2581")][:output_tokens - 1] + ["</s>"]
    print(f"building transformer-base: vocabulary {len(vocabulary)} ({len(pieces)} SentencePiece pieces)...",
          file=sys.stderr)
    build_transformer(package / "model", vocabulary, chain, layers=6, heads=8, d_model=512, ffn=2048,
                      random_scale=0.02, quantization="int8", seed=1)
    (package / "sentencepiece.model").write_bytes(sp_model)
    (package / "minisbd").mkdir(exist_ok=True)
    (package / "minisbd" / "de.onnx").write_bytes(build_sentence_splitter("de"))
    (package / "metadata.json").write_text(json.dumps({
        "package_version": "bench", "argos_version": "1.0", "from_code": "de", "from_name": "German",
        "to_code": "en", "to_name": "English", "type": "translate", "links": []}), encoding="utf-8")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zipped:
        for path in sorted(package.rglob("*")):
            zipped.write(path, path.relative_to(package.parent).as_posix())
    return archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--paragraph", type=int, default=4, help="sentences per paragraph for the argos path")
    parser.add_argument("--beam", type=int, default=4, help="beam size for both paths (argostranslate's default: 4)")
    parser.add_argument("--output-tokens", type=int, default=40)
    parser.add_argument("--workdir", type=Path, help="keep the built model here (default: a temp folder)")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="translate-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    # argostranslate reads these at import: set them first.
    os.environ["ARGOS_PACKAGES_DIR"] = str(workdir / "packages")
    os.environ["ARGOS_BEAM_SIZE"] = str(args.beam)
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(workdir / variable.lower())

    archive = build_package(workdir, args.output_tokens)
    from argostranslate import translate as argos_translate

    from digest.translation.models import find_model, install_file
    from digest.translation.translate import load_model, translate_sentences

    install_file(archive)
    model = find_model("de", "en")
    sentences = german_sentences(args.sentences)
    paragraphs = [" ".join(sentences[i:i + args.paragraph]) for i in range(0, len(sentences), args.paragraph)]
    loaded = load_model(model)
    tokens_in = statistics.mean(len(loaded.tokenizer.encode(s)) for s in sentences)

    argos_translate.translate(paragraphs[0], "de", "en")  # load the model outside the clock
    translate_sentences(loaded, sentences[:2])

    start = time.perf_counter()
    for paragraph in paragraphs:
        argos_translate.translate(paragraph, "de", "en")
    argos_seconds = time.perf_counter() - start

    start = time.perf_counter()
    outputs = translate_sentences(loaded, sentences)
    batched_seconds = time.perf_counter() - start
    assert len(outputs) == len(sentences)
    # Every sentence must decode the same --output-tokens tokens, or the paths did unequal work.
    assert len(set(outputs)) == 1 and outputs[0] == argos_translate.translate(sentences[0], "de", "en"), outputs[:3]

    argos_rate, batched_rate = len(sentences) / argos_seconds, len(sentences) / batched_seconds
    size_mb = sum(f.stat().st_size for f in (model.path / "model").rglob("*") if f.is_file()) / 1e6
    print(f"model: transformer-base int8, {size_mb:.0f} MB; {len(sentences)} German sentences "
          f"({tokens_in:.0f} tokens in, {args.output_tokens} out, mean), beam {args.beam}, "
          f"{len(os.sched_getaffinity(0))} CPUs, device {os.environ.get('ARGOS_DEVICE_TYPE', 'cpu')}")
    print("| path | seconds | sentences/s |")
    print("|---|---|---|")
    print(f"| argostranslate translate(), one call per paragraph ({len(paragraphs)} paragraphs) "
          f"| {argos_seconds:.1f} | {argos_rate:.1f} |")
    print(f"| digest batched (translate_sentences, one call) | {batched_seconds:.1f} | {batched_rate:.1f} |")
    print(f"ratio: {batched_rate / argos_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
