"""Typed relations between entity mentions (guidelines §3).

``candidates`` pairs mentions that may hold a relation, ``features`` and
``patterns`` describe a pair (``syntax`` holds the dependency-parse
constructions, ``triggers`` the trigger words grouped by meaning), ``model`` holds the checked scikit-learn
classifier, ``classify`` turns its probabilities into relations, ``train``
builds the model, ``baselines`` and ``benchmark`` compare it. Importing the
package registers the ``relations`` component.
"""

from textmine.stages.relations.component import RelationsComponent

__all__ = ["RelationsComponent"]
