"""Many articles: ingesting them into the store, fetching from the web for the CLI, exporting,
the generated sample corpus and cross-article resolution. Adapters around the core."""
