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
- `choice`: which speaker governs a figure;
- `words`: word lists more than one finder reads.
"""
