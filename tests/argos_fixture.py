"""A tiny but valid Argos Translate package, built at test time.

Real Argos models cannot be downloaded on the development and CI machines (no
internet), and binaries do not belong in git, so the tests build a complete
``.argosmodel`` from scratch in well under a second:

* a SentencePiece model trained on a few self-written German and English lines;
* a one-layer CTranslate2 Transformer built from numpy arrays with
  CTranslate2's own spec API, its weights wired so that *every* input decodes
  to :data:`FIXED_TRANSLATION` (deterministic, and fast: no 256-token
  gibberish from random weights);
* ``minisbd/de.onnx``, a sub-kilobyte sentence splitter in MiniSBD's format,
  so that argostranslate's own ``translate()`` never downloads one;
* ``metadata.json``.

The translations are nonsense by design: tests assert on the plumbing (which
model, one translation per sentence, caching, no network), not on language.

:func:`build_transformer` is shared with ``benchmarks/translate_bench.py``,
which builds a transformer-base-sized model with random weights the same way.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np

FIXED_TRANSLATION = "This is a test translation."
PACKAGE_VERSION = "0.1"
PACKAGE_FOLDER = "translate-de_en-tiny"

TRAINING_LINES = [
    "Luxemburg will sich im Bereich der Künstlichen Intelligenz positionieren.",
    "Mehr als 7.000 Gäste aus 57 Ländern werden in den Hallen der Luxexpo erwartet.",
    "Es ist bereits die zweite Ausgabe der Veranstaltung.",
    "Die Regierung hat eine strategische Partnerschaft unterzeichnet.",
    "Das Unternehmen eröffnet Büros in Luxemburg und schafft neue Arbeitsplätze.",
    "Der Mensch bleibt unersetzbar, sagte der Premierminister.",
    "Am Rande der Veranstaltung wurde ein Kredit von 15 Millionen Euro vergeben.",
    "Die Daten sollen in Europa kontrolliert werden.",
    "Neben den Bühnen werden rund 100 Informationsstände geboten.",
    "Die dritte Ausgabe der Konferenz ist bereits in der Planung.",
    "Wir stehen an der Schwelle einer neuen Ära.",
    "Ein großer Teil der Zukunft hängt an innovativen Technologien.",
    "Das Spin-Off hat eine Art Karte für Satelliten entwickelt.",
    "Spezialisiert ist das Unternehmen auf die Erkennung von Gefahren.",
    "Frieden unterstrich, dass man der KI offen gegenüberstehen müsse.",
    "Die Bank investiert in Rechenzentren und Forschung.",
    "Über die Grenzen hinaus werden Kontakte geknüpft.",
    "Die Gäste kommen aus Wirtschaft, Politik und Wissenschaft.",
    "Luxembourg wants to position itself in artificial intelligence.",
    "More than 7,000 guests from 57 countries are expected at Luxexpo.",
    "This is already the second edition of the event.",
    "The government has signed a strategic partnership.",
    "The company opens offices in Luxembourg and creates new jobs.",
    "Humans remain irreplaceable, said the prime minister.",
    "A loan of 15 million euros was granted on the sidelines of the event.",
    "The data should be controlled in Europe.",
    "This is a test translation.",
    "The third edition of the conference is already being planned.",
    "We stand on the threshold of a new era.",
    "A large part of the future depends on innovative technologies.",
    "The spin-off has developed a kind of map for satellites.",
    "The bank invests in data centres and research.",
    "Contacts are made across borders.",
    "Guests come from business, politics and science.",
    "Bonjour, le gouvernement investit dans la recherche.",
    "Les données doivent être contrôlées en Europe.",
    "¿Qué? «Zitat» – „Anführung“ … 0123456789 % € $ / ( ) : ; ! ?",
]


def train_sentencepiece(lines: list[str], vocab_size: int = 300, whole_pieces: list[str] = ()) -> bytes:
    """Return a serialized SentencePiece model trained on ``lines``.

    ``whole_pieces`` become single pieces (user-defined symbols), which lets
    the fixture pick a target sentence whose pieces are all distinct.
    ``normalization_rule_name="identity"`` keeps the model at a few KB (the
    default NFKC rules add ~240 KB); ``hard_vocab_limit=False`` lets a small
    corpus yield fewer pieces than asked for.
    """
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        minloglevel=2,
        user_defined_symbols=list(whole_pieces),
    )
    return model.getvalue()


def sentencepiece_pieces(model_bytes: bytes) -> list[str]:
    """All pieces of a SentencePiece model, in id order (0-2: <unk>, <s>, </s>)."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model_bytes)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_transformer(
    out_dir: Path,
    vocabulary: list[str],
    chain: list[str],
    *,
    layers: int = 1,
    heads: int = 2,
    d_model: int = 0,
    ffn: int = 0,
    random_scale: float = 0.0,
    quantization: str | None = None,
    seed: int = 0,
) -> Path:
    """Write a CTranslate2 Transformer whose decoder follows ``chain``.

    Decoding starts at ``<s>``; the output projection maps the embedding of
    each chain token to the next one, so every input decodes to
    ``chain[1:-1]`` followed by ``</s>``.  Attention and feed-forward weights
    are zero (``random_scale=0``) or small random values: a residual stream
    dominated by the previous token's embedding keeps the chain intact, while
    the model still does all the arithmetic of its size (the benchmark needs
    realistic cost and a realistic output length, not meaning).
    """
    rng = np.random.default_rng(seed)
    import ctranslate2

    index = {piece: i for i, piece in enumerate(vocabulary)}
    if len(set(chain)) != len(chain):
        raise ValueError(f"chain tokens must be distinct: {chain}")
    d_model = d_model or max(16, len(chain) + 2)
    if d_model < len(chain):
        raise ValueError("d_model must be at least the chain length")
    d_model += d_model % heads
    ffn = ffn or 2 * d_model
    vocab_size = len(vocabulary)

    def small(*shape: int) -> np.ndarray:
        if random_scale == 0:
            return np.zeros(shape, dtype=np.float32)
        return (rng.standard_normal(shape) * random_scale).astype(np.float32)

    embeddings = small(vocab_size, d_model)
    projection = np.zeros((vocab_size, d_model), dtype=np.float32)
    for position, token in enumerate(chain):
        embeddings[index[token], position] = 50.0  # times sqrt(d) in the model
        if position + 1 < len(chain):
            projection[index[chain[position + 1]], position] = 20.0

    spec = ctranslate2.specs.TransformerSpec.from_config((layers, layers), heads)

    def fill(scope: str, layer: object) -> None:
        for name in list(vars(layer)):
            value = getattr(layer, name)
            if isinstance(value, ctranslate2.specs.model_spec.LayerSpec):
                fill(f"{scope}/{name}", value)
            elif isinstance(value, list) and value and isinstance(value[0], ctranslate2.specs.model_spec.LayerSpec):
                for i, sub in enumerate(value):
                    fill(f"{scope}/{name}_{i}", sub)
            elif value is None:
                setattr(layer, name, weight_for(f"{scope}/{name}"))

    def weight_for(path: str) -> np.ndarray:
        if path.endswith("layer_norm/gamma"):
            return np.ones(d_model, dtype=np.float32)
        if path.endswith("layer_norm/beta"):
            return np.zeros(d_model, dtype=np.float32)
        if "embeddings" in path:
            return embeddings
        if path.endswith("projection/weight"):
            return projection
        if "self_attention/linear_0" in path:
            return small(3 * d_model, d_model)
        if "/attention/linear_1" in path:
            return small(2 * d_model, d_model)
        if "ffn/linear_0" in path:
            return small(ffn, d_model)
        if "ffn/linear_1" in path:
            return small(d_model, ffn)
        return small(d_model, d_model)

    fill("", spec)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)  # save() does not create it
    spec.save(str(out_dir))
    return out_dir


def build_sentence_splitter(lang: str = "de") -> bytes:
    """A MiniSBD-compatible ONNX model marking ``. ! ?`` as sentence ends.

    MiniSBD feeds character ids (``units`` [B,T]) and features (``features``
    [B,T,F]) and reads per-character class scores (0 inside a token, 1 token
    end, 2 sentence end).  A ``Gather`` from a small score table is all that
    format needs; the vocabulary and config travel as metadata, as in real
    MiniSBD models.
    """
    import onnx
    from onnx import TensorProto, helper

    units = ["<PAD>", "<UNK>", " ", ".", "!", "?"]
    scores = np.zeros((len(units), 5), dtype=np.float32)
    scores[:, 0] = 1.0
    scores[units.index(" "), 1] = 2.0
    for mark in ".!?":
        scores[units.index(mark), 2] = 3.0
    table = helper.make_tensor("scores", TensorProto.FLOAT, scores.shape, scores.flatten().tolist())
    graph = helper.make_graph(
        [helper.make_node("Gather", ["scores", "units"], ["logits"], axis=0)],
        "tiny_sbd",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "T"]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "T", "F"]),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "T", 5])],
        [table],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(units)}, "_id2unit": units}
    config = {"feat_funcs": [], "batch_size": 32, "max_seqlen": 1000}
    for key, value in {"lang_code": lang, "config": json.dumps(config),
                       "vocab": json.dumps(vocab), "lexicon": "null"}.items():
        model.metadata_props.append(onnx.StringStringEntryProto(key=key, value=value))
    onnx.checker.check_model(model)
    return model.SerializeToString()


def build_argosmodel(out_path: Path, *, from_code: str = "de", to_code: str = "en",
                     version: str = PACKAGE_VERSION, folder: str = PACKAGE_FOLDER) -> Path:
    """Build the tiny package and zip it as ``out_path`` (one top-level folder)."""
    work = out_path.parent / (out_path.stem + "-build")
    package = work / folder
    # One piece per word: the decoder chain must visit each piece only once.
    words = ["\u2581" + word for word in FIXED_TRANSLATION.rstrip(".").split()] + ["."]
    sp_model = train_sentencepiece(TRAINING_LINES, whole_pieces=words)
    vocabulary = sentencepiece_pieces(sp_model)
    import sentencepiece as spm

    target = spm.SentencePieceProcessor(model_proto=sp_model).encode(FIXED_TRANSLATION, out_type=str)
    build_transformer(package / "model", vocabulary, ["<s>", *target, "</s>"])
    (package / "sentencepiece.model").write_bytes(sp_model)
    (package / "minisbd").mkdir()
    (package / "minisbd" / f"{from_code}.onnx").write_bytes(build_sentence_splitter(from_code))
    names = {"de": "German", "en": "English", "fr": "French"}
    metadata = {
        "package_version": version, "argos_version": "1.0",
        "from_code": from_code, "from_name": names.get(from_code, from_code),
        "to_code": to_code, "to_name": names.get(to_code, to_code),
        "type": "translate", "links": [],
    }
    (package / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package.rglob("*")):
            archive.write(path, path.relative_to(work).as_posix())
    return out_path
