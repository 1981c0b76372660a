"""textmine: entities, dates, relations and metadata from academic articles on web pages.

The Python API, for notebooks and programs::

    import textmine
    extractor = textmine.load()                      # the models load once (a few seconds)
    doc = extractor("Text of an article ...")        # or a Document, or pathlib.Path("page.html")
    [(e.text, e.label) for e in doc.entities]
    spacy_doc = doc.to_spacy()                       # entities as doc.ents; back: Document.from_spacy(spacy_doc)

:func:`load` takes the CLI's options (``ner``, ``min_confidence``, ...);
:class:`Extractor` also offers ``pipe()`` over many inputs. Importing
textmine loads no model.
"""

__version__ = "0.1.0"

from textmine.document import Document, Entity, Relation, Segment  # noqa: E402
from textmine.runtime.extract import ExtractConfig, Extractor, load  # noqa: E402
from textmine.stages.ingest import UnreadableInput  # noqa: E402

__all__ = ["Document", "Entity", "ExtractConfig", "Extractor", "Relation", "Segment", "UnreadableInput", "load", "__version__"]
