"""Who asserts a figure: the speaker of a reporting verb, or the source of `according to`.

Speakers are found once per sentence (`speech_verbs.find_speakers`, linear in its tokens), then
each figure takes the nearest speaker whose clause governs it (`choice.choose`). The package
keeps one job per module:

- `speaker`: the `Speaker` record the finders fill and `choose` reads;
- `speech_verbs`: reporting verbs, and the one pass that finds every speaker of a sentence;
- `speaker_spans`: the words that name a speaker, before its verb or after it;
- `tag_reach`: how far a tag after what it reports reaches (closing, or a reporter's clause);
- `colon_sources`, `count_owners`, `by_agents`: sources without a verb of their own
  (`Zelensky:`, `Mediazona's count`, `the figure given by X`, `as reported by X`);
- `named_after`, `continued_quote`: sources of a sentence given by the one next to it (`The
  figure came from X` after it; a quote going on after `…," X said.` before it);
- `choice`: which speaker governs a figure, and why each other one does not (`lost`, which
  `--explain` shows with the phrases the finders refused);
- `words`: word lists more than one finder reads.
"""
