"""``--dask`` against ``--jobs``: whole cold builds, wall time, and the outputs compared (issue 13).

Usage (from the repository root, with ``pip install -e '.[dask]'``)::

    .venv/bin/python benchmarks/dask_bench.py                     # the seeds, then 1,000 files
    .venv/bin/python benchmarks/dask_bench.py --sizes 0,1000 --workers 2 --json dask.json
    .venv/bin/python benchmarks/dask_bench.py --sizes 1000 --against db76cca   # also --dask with git REF's digest

Size 0 means the seeds as they are; other sizes come from ``bench.py``'s corpus
builder (the development sets in ``../shared/bench`` when present).  Each build
is ``digest build CORPUS --quiet`` in a fresh process with an empty state store
(wall time, and the per-article stage's and story linking's own seconds):
``--jobs 1``, ``--jobs N`` and ``--dask --jobs N`` (a LocalCluster of N worker
processes, started and stopped inside the build, so its start-up is counted).
The outputs of every build are compared with ``--jobs 1``'s byte for byte, the
build time blanked.  No translation model is installed (an empty Argos folder).
``--against REF`` adds ``--dask --jobs N`` with the ``digest`` package of git
REF (first on ``PYTHONPATH``, which the workers inherit), in the same run: the
machine's load then weighs on both alike.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DEFAULT_DATA, SEEDS, compare_outputs, make_corpus, package_at, source_texts  # noqa: E402


BUILD = """
import json, resource, sys
from digest.cli import main
from digest import pipeline
real = pipeline.build
def build(settings, progress=None):
    report = real(settings, progress)
    print(json.dumps(report.stage_seconds))
    return report
pipeline.build = build
status = main(sys.argv[1:])
cpu = {name: round(usage.ru_utime + usage.ru_stime, 2) for name, usage in
       (("driver_cpu_s", resource.getrusage(resource.RUSAGE_SELF)),
        ("children_cpu_s", resource.getrusage(resource.RUSAGE_CHILDREN)))}
print(json.dumps(cpu))
sys.exit(status)
"""


def build(corpus: Path, out: Path, options: list[str], env: dict) -> dict:
    """Wall seconds of ``digest build`` in a fresh process, its per-article stage's and story
    linking's seconds, and the CPU seconds of the build's own process (where a LocalCluster's
    scheduler runs: the cost of each task shows there) and of its children (the workers)."""
    clock = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", BUILD, "build", str(corpus), "--out", str(out), "--quiet", *options],
                          env=env, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - clock
    *_, stage_line, cpu_line = proc.stdout.splitlines()
    stages = json.loads(stage_line)
    return {"seconds": round(wall, 2), "per_article_stages_s": round(stages["load+clean+detect+summarise"], 2),
            "link_s": round(stages["link"], 2), **json.loads(cpu_line)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="0,1000", help="corpus sizes, 0 for the seeds (default 0,1000)")
    parser.add_argument("--workers", type=int, default=2, help="processes for --jobs and the LocalCluster")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the development sets")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--against", metavar="REF", help="also run --dask with the digest package of git REF")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="digest-dask-bench-") as scratch:
        work = Path(scratch)
        env = dict(os.environ, ARGOS_PACKAGES_DIR=str(work / "argos"))
        envs = {}
        if args.against:
            before = package_at(args.against, work / "before")
            envs[f"--dask --jobs {args.workers} ({args.against})"] = dict(
                env, PYTHONPATH=os.pathsep.join(filter(None, [str(before), env.get("PYTHONPATH")])))
        texts, origin = source_texts(args.data)
        for size in map(int, args.sizes.split(",")):
            corpus = SEEDS if size == 0 else make_corpus(texts, size, work / f"in{size}")
            files = len([p for p in corpus.iterdir() if p.is_file()])
            modes = {"--jobs 1": ["--jobs", "1"], f"--jobs {args.workers}": ["--jobs", str(args.workers)],
                     f"--dask --jobs {args.workers}": ["--dask", "--jobs", str(args.workers)]}
            modes.update({label: ["--dask", "--jobs", str(args.workers)] for label in envs})
            row = {"files": files, "corpus": str(corpus) if size == 0 else origin, "load": os.getloadavg()[0]}
            reference = None
            for number, (label, options) in enumerate(modes.items()):
                out = work / f"out{size}" / str(number)
                row[label] = build(corpus, out, options, envs.get(label, env))
                if reference is None:
                    reference = out
                else:
                    row[label]["outputs"] = sorted(set(compare_outputs(reference, out).values()))
            results.append(row)
            print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
