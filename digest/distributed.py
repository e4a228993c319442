"""``digest build --dask [ADDRESS]``: the per-article stages and translation on a Dask cluster.

Why Dask (``distributed``): users who outgrow one machine already run it, it
places tasks, replaces dead workers and reschedules their tasks itself, and
``Client.get_executor()`` is a :mod:`concurrent.futures` executor, so the
runner's own pool logic (a bounded window in flight, results in input order, a
file that kills workers run again alone) is shared unchanged: :class:`DaskPool`
only says how the executor starts and what a lost worker raises.

What travels: the driver (this process) reads, hashes and looks up every file
as without Dask, and sends only new or changed files' bytes, eight files to a
task (:attr:`DaskPool.batch`); a worker decodes, cleans, detects, summarises and
returns each file's slim record (``runner._process_file``).
Translation sends chunks of sentences not in the driver's translation cache;
each worker loads a model once (``translate.load_model`` keeps it per process)
and returns the translations.  The state store never leaves the driver.

Faults: a worker that dies loses only the tasks it held; the scheduler runs them
again elsewhere.  The LocalCluster started here allows one such failure per task
(``allowed-failures``); a scheduler at an ADDRESS uses its own setting.  A task
whose worker dies again fails with ``KilledWorker`` and the runner runs each of
its files alone in a process of its own on the driver, as ``--jobs`` does: only a
file that kills that process too is skipped, with the reason, so a file that
merely shared a task or a worker with a killer is never lost.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager

from .config import ConfigError, Settings
from .runner import _Pool

CONNECT_TIMEOUT = 10  # seconds to reach a scheduler at --dask ADDRESS before failing in one line
INSTALL_HINT = "pip install 'digest[dask]'"


class DaskPool(_Pool):
    """The runner's pool on a Dask client: tasks go to the cluster's workers."""

    # Files per task: a file is about 15 ms of work and Dask's cost per task (scheduling,
    # messages, serialising) is of the same order; Dask's guidance is tasks of 100 ms or more.
    batch = 8

    def __init__(self, client):
        from distributed import KilledWorker

        self.client = client
        self.LOST = (KilledWorker,)
        super().__init__(max(1, sum(client.nthreads().values())))

    def _start(self):
        return self.client.get_executor(pure=False)

    def _recover(self, batch) -> None:
        """Nothing to do: the scheduler has already replaced the dead worker, and the other
        tasks it held were rescheduled, not failed."""

    @property
    def translation_executor(self):
        return self

    def map(self, fn, *iterables) -> list:
        """``fn`` over the iterables on the workers, in order (translation chunks).  Workers
        that keep dying under a chunk fail its articles' translation, not the build."""
        from .translation.models import ModelError

        try:
            return list(self.executor.map(fn, *iterables))
        except self.LOST as exc:
            raise ModelError(f"Dask workers died while translating ({exc})") from None

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False)


@contextmanager
def dask_pool(settings: Settings):
    """A :class:`DaskPool` on the scheduler at ``settings.dask``, or on a LocalCluster of
    ``--jobs`` worker processes (one per core when ``--jobs`` is not given) when it is ``""``.

    The LocalCluster listens on 127.0.0.1 only and has no dashboard: nothing of a
    build is reachable from the network unless the user names a scheduler.
    """
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError(f"--dask needs Dask's distributed package: {INSTALL_HINT}") from None

    cluster = None
    if settings.dask:
        try:
            client = Client(settings.dask, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ConfigError(f"cannot reach the Dask scheduler at {settings.dask} "
                              f"within {CONNECT_TIMEOUT} s: {reason}") from None
    else:
        # Read by the scheduler as it starts, so it must be set around the cluster's creation.
        with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
            cluster = LocalCluster(
                n_workers=settings.jobs if settings.jobs > 1 else (os.cpu_count() or 1),
                threads_per_worker=1,  # the stages are pure Python: one process per core, not threads
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        client = Client(cluster, set_as_default=False)
    pool = DaskPool(client)
    try:
        yield pool
    finally:
        pool.shutdown()
        client.close()
        if cluster is not None:
            cluster.close()
