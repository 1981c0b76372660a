"""Registry of named pipeline components, in the manner of spaCy's factories.

A component is a callable ``Document -> Document`` that does one thing
(segmenting, finding entities, normalising dates, ...). It may also offer
``pipe(docs, batch_size)`` to process a stream in batches. Components are
looked up by name and built from keyword settings, so the extractor is
configured, not hard-wired.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Protocol

from textmine.document import Document


class Component(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


ComponentFactory = Callable[..., Component]

_FACTORIES: dict[str, ComponentFactory] = {}


def register(name: str) -> Callable[[ComponentFactory], ComponentFactory]:
    """Class or function decorator: make a component buildable by ``name``."""

    def decorate(factory: ComponentFactory) -> ComponentFactory:
        _FACTORIES[name] = factory
        return factory

    return decorate


def create(name: str, **settings: Any) -> Component:
    if name not in _FACTORIES:
        known = ", ".join(sorted(_FACTORIES)) or "none"
        raise KeyError(f"unknown component {name!r}; known components: {known}")
    return _FACTORIES[name](**settings)


def registered() -> list[str]:
    return sorted(_FACTORIES)


def pipe_component(component: Component, docs: Iterable[Document], batch_size: int) -> Iterator[Document]:
    """Run a component over a stream, in batches when it supports them."""
    pipe = getattr(component, "pipe", None)
    if pipe is not None:
        yield from pipe(docs, batch_size=batch_size)
    else:
        for doc in docs:
            yield component(doc)
