"""Looking at extractions: the self-contained HTML review page of ``textmine show``."""
