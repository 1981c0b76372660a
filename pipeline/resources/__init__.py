"""Language resources shared by the stages: the pinned spaCy model and the gazetteers."""
