"""Language resources shared by the stages: the pinned spaCy model, the gazetteers, and where the trained models are."""

from textmine.resources.locations import models_dir

__all__ = ["models_dir"]
