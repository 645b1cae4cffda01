"""Runs every notebook here headless against a warehouse, as an analyst would re-run them.

    python run_notebooks.py --warehouse DIR --out DIR

Each notebook is executed top to bottom in a fresh kernel (nbclient); a cell that raises fails the run
(exit 1, naming the notebook and the cell). The executed copies, with their outputs and charts, are
written to --out, never over the notebooks themselves. Each must have drawn at least one chart.
"""
import argparse
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = pathlib.Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ["CCFT_WAREHOUSE"] = str(pathlib.Path(args.warehouse).resolve())
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for path in sorted(HERE.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(HERE)}})
        try:
            client.execute()
            charts = sum(1 for cell in notebook.cells if cell.cell_type == "code"
                         for output in cell.get("outputs", []) if "image/png" in output.get("data", {}))
            if charts == 0:
                raise RuntimeError("it drew no chart")
            print(f"{path.name}: {len(notebook.cells)} cells run, {charts} charts")
        except (CellExecutionError, RuntimeError) as e:
            failed += 1
            print(f"{path.name}: FAILED: {str(e).strip().splitlines()[-1] if str(e).strip() else e}", file=sys.stderr)
        nbformat.write(notebook, out / path.name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
