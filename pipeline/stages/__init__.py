"""The extractor's stages, in the order they run: ingest, segment, ner, dates, canonical, metadata, relations.

Each stage is a component (``Document -> Document``) registered by name in
:mod:`textmine.components`; ``ingest`` turns files into Documents before them.
"""
