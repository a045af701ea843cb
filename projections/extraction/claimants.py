"""Claimants: the clean name of a speaker, and one key for all the names of one claimant.

A report names its speakers in many ways ("President Volodymyr Zelensky", "Zelensky",
"Ukraine's president Zelensky"; "Ukraine's military intelligence (GUR)", "HUR"). The extractor
keeps the words as written in `attribution` and puts the clean name in `claimant`
(`claimant_name`); the views group claimants across reports by `claimant_key`, so that an
analyst counting independent sources counts one agency once, whatever it was called.

Keys are built from words, not phrases: titles and articles drop, a person is known by the
surname, a country's adjective and possessive meet ("Ukrainian", "Ukraine's" -> ukraine), and
the alias table joins the names that share no words (GUR and Ukraine's military intelligence).
"""

from __future__ import annotations

import re
from functools import lru_cache

from projections.extraction.gazetteer import COUNTRIES, DEMONYMS

_WORD = re.compile(r"[\w'’.-]+")
_BRACKET = re.compile(r"\s*\([^()]*\)?")
# "figures compiled by X", "a statement from X", "data released by X", "The casualty figures,
# released by X": the source is X
_SOURCE_OF = re.compile(
    r"^(?:the |a |an |new |latest |official |)*(?:casualty |death |injury |civilian |army )?"
    r"(?:figures?|data|estimates?|statements?|reports?|"
    r"tally|tallies|count|assessments?|analysis|investigation|briefing|document)"
    r"(?:,? (?:compiled|released|published|issued|gathered|seen|provided|obtained))? (?:by|from) ",
    re.IGNORECASE,
)

# `The monitoring group's latest figures`: a count its owner gives is the owner's claim
_OWNED_COUNT = re.compile(
    r"['’]s? (?:new |latest |own |official |daily |weekly |monthly |updated )*"
    r"(?:casualty |death |injury |civilian )?"
    r"(?:figures?|data|estimates?|tally|tallies|count|counts|assessments?|statement)$",
    re.IGNORECASE,
)

# Words of titles and descriptions before a name: "Defence Minister Rustem Umerov".
TITLE_WORDS = frozenset(
    """the a an president prime minister ministers defence defense foreign interior information
    deputy acting former chief head spokesman spokeswoman spokesperson press secretary general
    lieutenant lt gen col colonel major maj commander governor regional mayor senator
    ambassador envoy adviser advisor secretary-general state chancellor king leader military
    army navy police official senior top vice-president vice mr mrs ms dr sheikh his her
    their its our""".split()
)
_SPOKES = frozenset("spokesman spokeswoman spokesperson representative".split())
# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = frozenset(
    """ministry ministries army forces force council observatory programme program agency
    service services staff command office organization organisation committee front group
    movement institute union nations cross crescent watch rights kitchen frontieres
    frontières borders department directorate guard guards police navy pentagon kremlin
    government administration authority authorities commission mission monitor tribunal
    court bureau network centre center red unicef unhcr who iom ocha unrwa nato news agency's
    intelligence military health humanitarian republic state states federation project
    society fund coalition alliance foundation initiative parliament assembly
    international""".split()
)
# A country's adjective and its possessive meet in one word of the key.
_COUNTRY = {
    "ukrainian": "ukraine",
    "ukraine's": "ukraine",
    "russian": "russia",
    "russia's": "russia",
    "moscow's": "russia",
    "kremlin": "russia",
    "british": "uk",
    "britain's": "uk",
    "britain": "uk",
    "uk's": "uk",
    "u.k.": "uk",
    "american": "us",
    "us": "us",
    "u.s.": "us",
    "washington's": "us",
    "israeli": "israel",
    "israel's": "israel",
    "south korean": "south korea",
    "korea's": "korea",
    "seoul's": "south korea",
    "sudanese": "sudan",
    "sudan's": "sudan",
    "syrian": "syria",
    "syria's": "syria",
    "iranian": "iran",
    "iran's": "iran",
    "french": "france",
    "france's": "france",
    "german": "germany",
    "germany's": "germany",
    "defense": "defence",
    "military's": "military",
    "army's": "army",
}


def _gazetteer_forms() -> dict[str, str]:
    """Every one-word country name, its possessive and its adjectives in the gazetteer
    (`Haitian`, `Mali's`, `Pakistani`) -> the country's key word, so that `the Malian army`
    and `Mali's army` meet without a line each in `_COUNTRY`. Acronyms stay out (`IDF` is
    an army, not Israel), and `_COUNTRY` keeps its own keys (`british` -> uk)."""
    forms: dict[str, str] = {}
    for actor, names in COUNTRIES.items():
        if " " in actor:
            continue
        key = actor.lower()
        for name in (*names, *DEMONYMS.get(actor, ())):
            if " " in name or name.isupper():
                continue
            forms[name.lower()] = key
            if name in names:
                forms[name.lower() + "'s"] = key
    return {w: k for w, k in forms.items() if w not in _COUNTRY}


_COUNTRY_FORMS = _gazetteer_forms()
# Names that share no words with the others of their claimant, in key form (see `_words`).
_ALIASES: dict[str, str] = {}


# the alias keys written as initials (`UN`, `RSF`): no person's surname (`Kim Jong Un`)
_INITIALS: set[str] = set()


def _alias(canonical: str, *names: str) -> None:
    key = " ".join(_words(canonical))
    for name in (canonical, *names):
        _ALIASES[" ".join(_words(name))] = key
        if name.replace(".", "").isupper():
            _INITIALS.add(" ".join(_words(name)))


def _words(name: str) -> list[str]:
    """The name's words, lower-cased, brackets out, country forms joined, articles dropped."""
    text = _BRACKET.sub(" ", name.replace("’", "'")).lower()
    text = text.replace("south korea's", "south korea").replace("south korean", "south korea")
    text = text.replace("north korea's", "north korea").replace("north korean", "north korea")
    words = []
    for w in _WORD.findall(text):
        w = w.strip(".-") if not w.endswith("u.s.") and w != "u.k." else w
        if not w or w in ("the", "a", "an", "'s"):
            continue
        if w in _COUNTRY:
            words.append(_COUNTRY[w])
            continue
        if w in _COUNTRY_FORMS:
            words.append(_COUNTRY_FORMS[w])
            continue
        if w.endswith("'s"):
            w = w[:-2]
        words.append(w)
    return words


_alias(
    "Ukraine's military intelligence (HUR)",
    "HUR",
    "GUR",
    "Ukraine's Defence Intelligence",
    "Defence Intelligence of Ukraine",
    "Ukraine's main intelligence directorate",
    "Ukraine's military intelligence agency",
    "Ukrainian military intelligence",
    "the military intelligence directorate of Ukraine",
    "Ukraine's defence intelligence agency",
)
_alias(
    "US Department of Defense",
    "the Pentagon",
    "US Defense Department",
    "Defense Department",
    "Department of Defense",
    "the US military",
    "the US defence ministry",
)
_alias(
    "South Korea's National Intelligence Service",
    "South Korea's NIS",
    "NIS",
    "National Intelligence Service",
    "South Korean intelligence",
    "South Korea's spy agency",
    "Seoul's spy agency",
    "South Korea's intelligence agency",
    "the South Korean spy agency",
)
_alias(
    "UK Ministry of Defence",
    "British defence ministry",
    "Britain's defence ministry",
    "the British Ministry of Defence",
    "the defence ministry in London",
    "UK Defence Intelligence",
    "British military intelligence",
    "Britain's defence intelligence",
    "British Defence Intelligence",
    "British intelligence",
)
_alias(
    "Russian Ministry of Defence",
    "Russia's defence ministry",
    "Russian defence ministry",
    "the defence ministry in Moscow",
    "Moscow's defence ministry",
)
_alias(
    "General Staff of the Armed Forces of Ukraine",
    "Ukraine's general staff",
    "Ukrainian general staff",
    "Ukraine's armed forces general staff",
    "the general staff in Kyiv",
)
_alias("UNHCR", "the UN refugee agency", "UN High Commissioner for Refugees", "UN refugee agency")
_alias("IOM", "International Organization for Migration", "the UN migration agency")
_alias("UNRWA", "the UN agency for Palestinian refugees", "UN Relief and Works Agency")
_alias(
    "OCHA", "the UN humanitarian office", "UN Office for the Coordination of Humanitarian Affairs"
)
_alias("MSF", "Medecins Sans Frontieres", "Médecins Sans Frontières", "Doctors Without Borders")
_alias("Syrian Observatory for Human Rights", "SOHR", "the Syrian Observatory", "the Observatory")
_alias("Institute for the Study of War", "ISW", "the ISW")
_alias("IISS", "International Institute for Strategic Studies", "the IISS")
_alias("RUSI", "Royal United Services Institute")
_alias("JNIM", "GSIM", "Jama'at Nusrat al-Islam wal-Muslimin")
_alias("JNIM", "Jamaat Nusrat al-Islam wal-Muslimin")
_alias("M23", "AFC/M23", "the AFC/M23", "March 23 Movement", "the March 23 Movement")
_alias("Sudanese Armed Forces", "SAF", "the SAF")
_alias("FARDC", "the FARDC")
_alias("Rapid Support Forces", "RSF", "the paramilitary Rapid Support Forces")
_alias(
    "Israel Defense Forces",
    "IDF",
    "the Israeli military",
    "Israel's military",
    "the Israeli army",
    "Israel's army",
)
_alias("Gaza health ministry", "Gaza's health ministry", "the health ministry in Gaza")
_alias(
    "ACLED",
    "Armed Conflict Location and Event Data Project",
    "Armed Conflict Location & Event Data",
)
_alias("UN human rights office", "OHCHR", "the UN human rights monitoring mission in Ukraine")
_alias("Zelensky", "Zelenskyy", "Zelenskiy")
_alias("IDMC", "Internal Displacement Monitoring Centre", "Internal Displacement Monitoring Center")
_alias("ICRC", "International Committee of the Red Cross", "the Red Cross")
_alias("UCDP", "Uppsala Conflict Data Program")
_alias("OCHA", "UN Office for the Coordination of Humanitarian Affairs (OCHA)")
# A capital that speaks is its government: `Kyiv puts the figure at …`, `Moscow says …` (only
# the bare name: `Kyiv's military administration` is the city's)
_alias("Russia", "Moscow", "the Russian government")
_alias("Ukraine", "Kyiv", "the Ukrainian government")
_alias("United States", "Washington", "the US government", "the United States", "US", "U.S.")
_alias("China", "Beijing", "the Chinese government")
_alias("North Korea", "Pyongyang")
_alias("Iran", "Tehran", "the Iranian government")
_alias("Ethiopia", "Addis Ababa", "the Ethiopian government")
_alias("Oryx", "the Oryx open-source group", "Oryx, the open-source intelligence group")
# bodies a report names by their initials or a short form as often as in full
_alias("United Nations", "UN", "U.N.")
_alias("Human Rights Watch", "HRW")
_alias("Amnesty International", "Amnesty")

# The words of Burmese personal names, which have no family name: no part of `Zaw Min Tun`
# stands for him (`Tun` is as much Kyaw Moe Tun's), so such a name's key is all of it.
_BURMESE_NAME_WORDS = frozenset(
    """aung kyaw min tun zaw win myint htun htut htoo thein soe maung khin hla naing thant myo
    nyein sein than thura moe zin lwin hlaing shwe nyunt wai thet phyo thaw htet kyi mya
    pyae thu tin oo nyi tint swe yee kyin ohn hlwan khaing zeya san suu""".split()
)


def _is_person(words: list[str]) -> bool:
    """Two to four capitalised words, none of them an organisation's: a person's name. A
    name's particles count as its words (`Abdel Fattah al-Burhan`, `Ursula von der Leyen`)."""
    if not 2 <= len(words) <= 5:
        return False
    named = 0
    for w in words:
        if w in _NAME_PARTICLES:
            continue
        if w[:3] in ("al-", "el-") and w[3:4].isupper():
            w = w[3:]
        if not w[0].isupper() or w.isupper() or w.lower() in ORG_WORDS or "'" in w or "’" in w:
            return False
        named += 1
    return 2 <= named <= 4


_NAME_PARTICLES = frozenset("al el bin ibn bint de da del der van von ul".split())


@lru_cache(maxsize=8192)  # speakers repeat across reports; the name is a pure function
def claimant_name(phrase: str) -> str:
    """The claimant a speaker written as `phrase` names, as the report names it: whom a
    pronoun or title stands for ("he [President Volodymyr Zelensky]" -> "President Volodymyr
    Zelensky"), without a bracketed acronym or a "figures compiled by", and of an appositive
    the part that is a person's name ("Olena Kovalenko, the regional governor of Kharkiv" ->
    "Olena Kovalenko"). Titles and articles stay: the views show this name, and
    `claimant_key` joins it with the claimant's other names."""
    text = _BRACKET.sub("", _referent(phrase)).strip(" ,")
    text = _SOURCE_OF.sub("", text) or text
    text = _OWNED_COUNT.sub("", text) or text  # `the group's latest figures` -> `the group`
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return phrase.strip()
    if len(parts) > 1:
        for part in parts:  # an appositive: the part that is a person's name
            words = part.split()
            tail = _capitalised_tail(words)
            if tail and _is_person(tail) and len(tail) == len(words):
                return " ".join(tail)
            titles = words[: len(words) - len(tail)]
            if tail and _is_person(tail) and all(w.lower() in _HONORIFICS for w in titles):
                return part  # `The director of Al-Awda hospital, Dr Mohammed Salha`
    return parts[0]


# titles a person's name carries in an appositive (`…, Dr Mohammed Salha,`): the part with
# them is the name, as the report names the person
_HONORIFICS = frozenset(
    "dr dr. mr mr. mrs mrs. ms ms. sheikh general gen gen. colonel col col. major maj lt".split()
)


def _bare_name(phrase: str) -> str:
    """The name without titles and descriptions, for the key: "Sudan's army spokesman Nabil
    Abdallah" -> "Nabil Abdallah", "Ukraine's president Zelensky" -> "Zelensky"."""
    words = claimant_name(phrase).split()
    tail = _capitalised_tail(words)
    if tail and len(tail) < len(words) and (_is_person(tail) or _titled(words, tail)):
        return " ".join(tail)
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words) or phrase.strip()


def _referent(name: str) -> str:
    """Whom a resolved pronoun or title stands for: "he [Zelensky]" -> "Zelensky"."""
    i = name.find("[")
    if i < 0:
        return name
    j = name.find("]", i)
    inner = name[i + 1 : j if j > i else len(name)].strip()
    return inner or name


def _capitalised_tail(words: list[str]) -> list[str]:
    """The run of capitalised words that ends the phrase (a name after its titles)."""
    i = len(words)
    while i > 0 and _name_word(words[i - 1]) and words[i - 1].lower() not in TITLE_WORDS:
        i -= 1
    while i < len(words) and words[i] in _NAME_PARTICLES:
        i += 1  # a name begins with its own word, not a particle
    return words[i:]


def _name_word(w: str) -> bool:
    """A word of a person's name: capitalised, a particle, or `al-` before a capital."""
    return w[:1].isupper() or w in _NAME_PARTICLES or (w[:3] in ("al-", "el-") and w[3:4].isupper())


def _titled(words: list[str], tail: list[str]) -> bool:
    """A single surname after a title: "Ukraine's president Zelensky", "General Syrskyi"."""
    if len(tail) != 1 or tail[0].isupper() or tail[0].lower() in ORG_WORDS:
        return False
    before = words[len(words) - len(tail) - 1].lower()
    return before in TITLE_WORDS


def claimant_key(name: str) -> str:
    """The key that all names of one claimant share: the alias table's for names it knows, a
    person's surname, else the clean name's words (articles dropped, country forms joined)."""
    name = _referent(name)
    words = _words(name)
    joined = " ".join(words)
    if joined in _ALIASES:
        return _ALIASES[joined]
    clean = _bare_name(name)
    cwords = _words(clean)
    cjoined = " ".join(cwords)
    if cjoined in _ALIASES:
        return _ALIASES[cjoined]
    acronym = _acronym(name)
    if acronym is not None:
        return _ALIASES.get(acronym, acronym)
    raw = clean.split()
    if _is_person(raw) and all(w in _BURMESE_NAME_WORDS for w in cwords):
        return " ".join(cwords)  # `Major General Zaw Min Tun` -> zaw min tun, not tun
    if _is_person(raw) or (len(raw) == 1 and clean != name.strip() and not raw[0].isupper()):
        surname = cwords[-1]
        return surname if surname in _INITIALS else _ALIASES.get(surname, surname)
    while len(cwords) > 1 and cwords[0] in TITLE_WORDS:
        cwords = cwords[1:]
    if len(cwords) > 2 and cwords[0] in ("for", "of") and words[0] in _SPOKES:
        return claimant_key(" ".join(cwords[1:]))  # a spokesman for X speaks for X
    out = " ".join(cwords)
    return _ALIASES.get(out, out)


_IN_BRACKETS = re.compile(r"\(([A-Z]{2,8})\)")
_KNOWN_AS = re.compile(r",? known as ([A-Z]{2,8})\b")


def _acronym(name: str) -> str | None:
    """The acronym an organisation's name goes by, in key form, so that a report that writes
    `Nigeria's National Emergency Management Agency (NEMA)` and one that writes `NEMA` count
    one claimant: the bracketed acronym when it spells the initials of the name's capitalised
    words (a possessive before the name is whose it is, no part of it); with no bracket, the
    initials of a body's name of four or more capitalised words and no possessive (`the
    Syrian Network for Human Rights` -> snhr), never of a person's name."""
    name = _referent(name)
    known = _KNOWN_AS.search(name)
    if known is not None:
        return known.group(1).lower()  # `The UN Mission in South Sudan, known as UNMISS`
    m = _IN_BRACKETS.search(name)
    words = _BRACKET.sub(" ", name).replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    possessive = any(w.endswith("'s") for w in words)
    caps = [w for w in words if w[:1].isupper() and not w.endswith("'s")]
    initials = "".join(w[0] for w in caps).upper()
    if m is not None:
        return m.group(1).lower() if m.group(1) == initials else None
    if possessive or len(caps) < 4 or len(caps) != len(initials) or _is_person(caps):
        return None
    tail = _capitalised_tail(words)
    if len(tail) < len(words) and _is_person(tail):
        return None  # `Pentagon spokesman Brig. Gen. Patrick Ryder`: a titled person
    if not any(w.lower() in ORG_WORDS for w in caps):
        return None
    return initials.lower()


def claimant_display(names: list[str]) -> str:
    """The name to show for a claimant known under `names` (as written): the longest one that
    is not a pronoun standing for another ("he [Zelensky]")."""
    if not names:
        return ""
    plain = [n for n in names if "[" not in n] or list(names)
    return max(plain, key=lambda n: (len(n), n))
