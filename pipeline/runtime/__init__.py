"""Running the stages: the extractor, single runs, batches with worker processes, output files and database export."""
