"""The ``bilat_ministers`` component: MINISTER mentions.

All words come from data: ``models/<lang>/ministers.toml`` (titles, honorifics, the words
around names), ``countries.toml`` and ``portfolios.toml`` through ``bilatextract.knowledge``.
The words are spaCy's tokens (``words``: hyphenated and apostrophe words joined, possessive
endings left out, as ``ministers.toml [words]`` says). The steps, per document:

1. **Titles**, tried only at the words the language's one-word patterns match (first words of
   titles, country prefixes, counterpart words: one set look-up per word in small letters) and at the words
   holding the head of a fused title (one pattern over the text): a title of the table ("Prime
   Minister", "Secretary of State"), a fused German compound ("Bundes|außen|minister|in",
   "US-Außenminister"), or a field written before a head ("Foreign Minister"); then an optional
   field phrase ("für Wirtschaft, Handel und Industrie", "for Foreign Affairs"), a ministry ("at
   the Federal Foreign Office"), a country ("of Japan"), and a second title joined by "und"/"and"
   ("Bundesaußenminister und Vizekanzler").
2. **Titled names**: a title before a name ("Außenminister Heiko Maas"; a plural title before a
   list: "Bundesministern Gabriel, Steinmeier") or after it behind a comma ("Mr. Taro Kono,
   Minister for Foreign Affairs"); counterparts ("seinem französischen Kollegen Jean-Yves Le
   Drian", "their Japanese counterparts, Foreign Minister Motegi and ...").
3. **Persons**: mentions with one family name are one person, whose country and portfolio
   come from the best cue among its mentions.
4. **Name-only mentions** of those persons ("Steinmeier betonte", "John Kerry"), and titles that
   count only before a known name ("Secretary Clinton").
5. **Who and which country**, in a fixed order: the mention's own words (a fused country, a
   nationality adjective, "of Japan", "Japans", the ministry named in the title, what the title
   implies); then office-holder knowledge (``holders``: the known person of that name in office in
   the document's years, which also gives the id in ``Minister.person``); then another mention of
   the same person; then the context (``country_source = "context"``): never the language of the
   text, but the side the text is written from (``[context]`` in the data), else a country named
   beside the person's first mention that is no destination or meeting place and that another
   minister of the same field does not already hold. Nothing -> None.

The package: ``model`` (titles, mentions, persons, word helpers), ``patterns`` (a language's data,
compiled), ``names`` (name conventions of models/common/names.toml), ``holders`` (office-holder
knowledge), ``titles``, ``names_doc``, ``persons`` and ``countries`` (the steps on one document),
``component`` (the spaCy factory ``bilat_ministers``), ``words`` (the words, from spaCy's tokens).
"""

from __future__ import annotations

from .component import MinistersComponent, make_ministers
from .model import name_key
from .patterns import Patterns

__all__ = ["MinistersComponent", "Patterns", "make_ministers", "name_key"]
