"""textmine: entities, dates, relations and metadata from academic articles on web pages."""

__version__ = "0.1.0"
