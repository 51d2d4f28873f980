"""Running the pipeline over many articles: one `process_shard` and the runners around it.

`process_shard(inputs, output)` is the whole unit of work and knows no framework: it loads
the model once per process and batches through `nlp.pipe`. The runners only decide where
shards run: in this process, in N local processes, or on a Dask cluster. None of them
writes to a store; their results go back to one writer (see `dateline.scale.ingestion`).
"""

from dateline.scale.runners import DaskRunner, InProcessRunner, LocalRunner, Runner, make_runner
from dateline.scale.shard import (
    JsonlOutput,
    ListOutput,
    ShardOutput,
    ShardResult,
    analyse_shard,
    process_shard,
)

__all__ = [
    "DaskRunner",
    "InProcessRunner",
    "JsonlOutput",
    "ListOutput",
    "LocalRunner",
    "Runner",
    "ShardOutput",
    "ShardResult",
    "analyse_shard",
    "make_runner",
    "process_shard",
]
