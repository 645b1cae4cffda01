"""The published marts of a ccft warehouse, for a notebook.

Opens the release that the warehouse's publication pointer names (published/current.json) and makes
each mart of the internal audience a DuckDB view of its Parquet file, by its name in marts.md. The
warehouse is $CCFT_WAREHOUSE, or ../demo/warehouse (what `bin/ccft demo` makes).
"""
import json
import os
import pathlib

import duckdb

# NHS England's "Making Data Count" colours: special cause of improvement, of concern, common cause.
IMPROVEMENT = "#289de0"
CONCERN = "#fab428"
COMMON_CAUSE = "#7b7d7d"


def warehouse() -> pathlib.Path:
    default = pathlib.Path(__file__).resolve().parent.parent / "demo" / "warehouse"
    return pathlib.Path(os.environ.get("CCFT_WAREHOUSE", default))


def connect(root=None):
    """A DuckDB connection with a view per published mart, and the publication (run, as-at date)."""
    root = pathlib.Path(root) if root else warehouse()
    pointer = json.loads((root / "published" / "current.json").read_text())
    folder = root / "published" / "releases" / pointer["release"] / "internal" / "parquet"
    con = duckdb.connect()
    for file in sorted(folder.glob("*.parquet")):
        con.read_parquet(str(file)).create_view(file.stem)
    return con, pointer
