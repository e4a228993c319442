"""``digest build --dask``: the same outputs as ``--jobs 1``, and the faults a cluster brings.

Every cluster here is a LocalCluster of two worker processes on 127.0.0.1, one
thread each, no dashboard: small enough for CI, and real processes, so a worker
can die.  The assertions are on content (bytes of the outputs, the skipped file
and its reason), never on timing.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
from pathlib import Path

import pytest

from samples import GERMAN_SEED, SEEDS, mixed_corpus, output_bytes

distributed = pytest.importorskip("distributed")

from digest import pipeline, runner  # noqa: E402
from digest.cli import main  # noqa: E402
from digest.config import Settings  # noqa: E402

POISON = "Poison pill."


def output(folder: Path, name: str) -> bytes:
    return output_bytes(folder / name)


def test_dask_publishes_exactly_what_jobs_1_does_and_translates_on_the_workers(
    tmp_path, fixed_clock, argos_packages, tiny_argos_model  # noqa: F811
):
    """A LocalCluster of 2 workers started by the build itself; the German seed goes through
    the tiny test model on the workers, so the build's own process never loads it."""
    from argos_fixture import FIXED_TRANSLATION

    from digest.translation import translate

    assert main(["models", "install", "--file", str(tiny_argos_model)]) == 0
    inputs = mixed_corpus(tmp_path)
    one = pipeline.build(Settings(out=tmp_path / "jobs1", inputs=[inputs], quiet=True))
    translate.forget_loaded_models()
    dask = pipeline.build(Settings(out=tmp_path / "dask", inputs=[inputs], jobs=2, dask="", quiet=True))

    assert translate._LOADED == {}  # translated on the workers, not here
    german = [a for a in dask.articles if Path(a.source).name == GERMAN_SEED]
    assert german[0].translation.status == "translated" and german[0].translation.title == FIXED_TRANSLATION
    assert len(one.articles) >= 6 and dask.cache_hits == 0
    assert [str(p) for p in dask.problems] == [str(p) for p in one.problems]
    assert dask.warnings == one.warnings
    for name in pipeline.OUTPUT_NAMES:
        assert output(tmp_path / "dask", name) == output(tmp_path / "jobs1", name), name


class _PoisonOnWorkers(distributed.WorkerPlugin):
    """Makes every worker (and every worker the nanny starts again) die on the poison file,
    as a segfault or the kernel's OOM killer would end it."""

    def setup(self, worker):
        from digest import runner

        real = runner.process_article

        def crash_on_poison(article):
            if POISON in article.raw:
                os._exit(9)
            return real(article)

        runner.process_article = crash_on_poison


@pytest.mark.skipif(__import__("multiprocessing").get_start_method() != "fork",
                    reason="the file is run alone in a process of the driver: patching the parent only reaches it forked")
def test_a_file_that_kills_workers_is_skipped_alone_and_the_others_are_published(tmp_path, monkeypatch):
    """The poison kills one worker, is retried once on another, kills that too, and then
    kills the process it runs alone in: it alone is skipped, with the reason."""
    import cloudpickle
    import dask

    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, inputs / path.name)
    (inputs / "001a_poison.txt").write_text(f"{POISON}\n\nThis page makes the process that reads it die.\n")
    real = runner.process_article
    monkeypatch.setattr(runner, "process_article",
                        lambda article: os._exit(9) if POISON in article.raw else real(article))
    cloudpickle.register_pickle_by_value(__import__(__name__))  # the workers cannot import this test module
    try:
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster, distributed.Client(cluster, set_as_default=False) as client:
            client.register_plugin(_PoisonOnWorkers())
            report = pipeline.build(Settings(out=tmp_path / "out", inputs=[inputs], dask=cluster.scheduler_address,
                                             quiet=True))
    finally:
        cloudpickle.unregister_pickle_by_value(__import__(__name__))
    assert sorted(Path(a.source).name for a in report.articles) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [str(p) for p in report.problems] == [
        f"{inputs / '001a_poison.txt'}: the worker process died on this file "
        "(it crashed or was killed, perhaps for memory)"]


def test_an_unreachable_scheduler_is_one_line_and_exit_status_2(tmp_path, monkeypatch, capsys):
    from digest import distributed as digest_distributed

    monkeypatch.setattr(digest_distributed, "CONNECT_TIMEOUT", 2)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    assert main(["build", str(SEEDS), "--out", str(tmp_path / "out"), "--quiet", "--dask", address]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"digest: error: cannot reach the Dask scheduler at {address} within 2 s")
    assert "\n" not in error
    assert not (tmp_path / "out" / "digest.json").exists()


def test_without_distributed_dask_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if not installed
    assert main(["build", str(SEEDS), "--out", str(tmp_path / "out"), "--dask"]) == 2
    assert capsys.readouterr().err == (
        "digest: error: --dask needs Dask's distributed package: pip install 'digest[dask]'\n")
