"""The ``bilat_ministries`` component (MINISTRY mentions), in modules: ``patterns`` (one
language's patterns, compiled), ``candidates`` (where names start and what is found there),
``resolve`` (country, portfolio and id of each), ``component`` (the spaCy component)."""

from .component import MinistriesComponent, make_ministries
from .patterns import Candidate, PatternSet

__all__ = ["Candidate", "MinistriesComponent", "PatternSet", "make_ministries"]
