"""Gazetteer: surface forms of states and organisations, normalised to one actor name.

Why a table and not a model: the actor field must be deterministic and explainable, and the set
of parties in conflict reporting is small. To extend it, add a line to one of the tables below;
the kind (demonym, country, capital, org) only names the rule in a claim's `rules`.

Matching is case-sensitive on purpose: `US` is a country, `us` is a pronoun.
"""

from __future__ import annotations

from collections.abc import Sequence

# canonical actor -> demonyms (adjectives and plural nouns as written)
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Russia": ("Russian", "Russians"),
    "Ukraine": ("Ukrainian", "Ukrainians"),
    "North Korea": ("North Korean", "North Koreans", "DPRK"),
    # KCNA writes the south in lower case (`the south Korean puppet military`)
    "South Korea": ("South Korean", "South Koreans", "south Korean"),
    "United States": ("American", "Americans", "U.S.", "US"),
    "United Kingdom": ("British", "UK", "U.K.", "Briton", "Britons"),
    "China": ("Chinese", "PLA", "PLAN"),
    "Iran": ("Iranian", "Iranians"),
    "Israel": ("Israeli", "Israelis", "IDF", "Zionist"),
    "Belarus": ("Belarusian", "Belarusians", "Belarussian"),
    "Syria": ("Syrian", "Syrians"),
    "Turkey": ("Turkish",),
    "Poland": ("Polish",),
    "Germany": ("German", "Germans", "Bundeswehr"),
    "France": ("French",),
    "Italy": ("Italian", "Italians"),
    "Spain": ("Spanish",),
    "Netherlands": ("Dutch",),
    "Belgium": ("Belgian",),
    "Canada": ("Canadian", "Canadians"),
    "Australia": ("Australian", "Australians"),
    "Japan": ("Japanese",),
    "India": ("Indian",),
    "Pakistan": ("Pakistani",),
    "Afghanistan": ("Afghan",),
    "Iraq": ("Iraqi", "Iraqis"),
    "Lebanon": ("Lebanese",),
    "Yemen": ("Yemeni",),
    "Sudan": ("Sudanese",),
    "Ethiopia": ("Ethiopian",),
    "Eritrea": ("Eritrean",),
    "Georgia": ("Georgian",),
    "Armenia": ("Armenian", "Armenians"),
    "Azerbaijan": ("Azerbaijani", "Azeri"),
    "Moldova": ("Moldovan",),
    "Hungary": ("Hungarian",),
    "Romania": ("Romanian",),
    "Finland": ("Finnish",),
    "Sweden": ("Swedish",),
    "Norway": ("Norwegian",),
    "Denmark": ("Danish",),
    "Estonia": ("Estonian",),
    "Latvia": ("Latvian",),
    "Lithuania": ("Lithuanian",),
    "Czech Republic": ("Czech",),
    "Slovakia": ("Slovak",),
    "Bulgaria": ("Bulgarian",),
    "Greece": ("Greek",),
    "Serbia": ("Serbian", "Serb", "Serbs"),
    "Egypt": ("Egyptian",),
    "Jordan": ("Jordanian",),
    "Saudi Arabia": ("Saudi",),
    "Libya": ("Libyan",),
    "Mali": ("Malian",),
    "Nigeria": ("Nigerian",),
    "Somalia": ("Somali",),
    "Taiwan": ("Taiwanese",),
    "Myanmar": ("Burmese",),
    "Soviet Union": ("Soviet",),
    "Argentina": ("Argentine", "Argentinian"),
    "Kenya": ("Kenyan",),
    "Uganda": ("Ugandan",),
    "Rwanda": ("Rwandan",),
    "Burundi": ("Burundian",),
    "DR Congo": ("Congolese",),
    "Niger": ("Nigerien",),
    "Burkina Faso": ("Burkinabe", "Burkinabè"),
    "Chad": ("Chadian",),
    "South Sudan": ("South Sudanese",),
    "Bangladesh": ("Bangladeshi",),
    "Haiti": ("Haitian",),
    "Vietnam": ("Vietnamese",),
    "Colombia": ("Colombian",),
    "Mozambique": ("Mozambican",),
    "Cameroon": ("Cameroonian",),
    "Palestine": ("Palestinian", "Palestinians"),
    "Kuwait": ("Kuwaiti",),
    "Philippines": ("Filipino", "Filipinos", "Philippine"),
    "Indonesia": ("Indonesian",),
    "Thailand": ("Thai",),
    "Cambodia": ("Cambodian",),
    "Morocco": ("Moroccan",),
    "Algeria": ("Algerian",),
    "Liberia": ("Liberian",),
    "Benin": ("Beninese",),
    "Togo": ("Togolese",),
    "Malawi": ("Malawian",),
    "South Africa": ("South African",),
    "Sri Lanka": ("Sri Lankan",),
    "Cyprus": ("Cypriot",),
    "Iceland": ("Icelandic",),
    "Kosovo": ("Kosovar",),
    "Bosnia": ("Bosnian",),
}

# canonical actor -> country names as written
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Russia": ("Russia", "Russian Federation"),
    "Ukraine": ("Ukraine",),
    "North Korea": ("North Korea",),
    "South Korea": ("South Korea",),
    "United States": ("United States", "America", "USA"),
    "United Kingdom": ("United Kingdom", "Britain", "Great Britain"),
    "China": ("China",),
    "Iran": ("Iran",),
    "Israel": ("Israel",),
    "Belarus": ("Belarus",),
    "Syria": ("Syria",),
    "Turkey": ("Turkey", "Türkiye"),
    "Poland": ("Poland",),
    "Germany": ("Germany",),
    "France": ("France",),
    "Japan": ("Japan",),
    "India": ("India",),
    "Pakistan": ("Pakistan",),
    "Iraq": ("Iraq",),
    "Lebanon": ("Lebanon",),
    "Yemen": ("Yemen",),
    "Sudan": ("Sudan",),
    "Ethiopia": ("Ethiopia",),
    "Armenia": ("Armenia",),
    "Azerbaijan": ("Azerbaijan",),
    "Moldova": ("Moldova",),
    "Egypt": ("Egypt",),
    "Taiwan": ("Taiwan",),
    "Canada": ("Canada",),
    "Italy": ("Italy",),
    "Hungary": ("Hungary",),
    "Romania": ("Romania",),
    "Finland": ("Finland",),
    "Sweden": ("Sweden",),
    "Myanmar": ("Myanmar", "Burma"),
    "Argentina": ("Argentina",),
    "Kenya": ("Kenya",),
    "Rwanda": ("Rwanda",),
    "Burundi": ("Burundi",),
    "DR Congo": (
        "DR Congo",
        "Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
    ),
    "Niger": ("Niger",),
    "Mali": ("Mali",),
    "Burkina Faso": ("Burkina Faso",),
    "Nigeria": ("Nigeria",),
    "Somalia": ("Somalia",),
    "Eritrea": ("Eritrea",),
    "Libya": ("Libya",),
    "South Sudan": ("South Sudan",),
    "Bangladesh": ("Bangladesh",),
    "Haiti": ("Haiti",),
    "Afghanistan": ("Afghanistan",),
    "Saudi Arabia": ("Saudi Arabia",),
    "Jordan": ("Jordan",),
    "Kuwait": ("Kuwait",),
    "Vietnam": ("Vietnam", "North Vietnam"),
    "Colombia": ("Colombia",),
    "Mozambique": ("Mozambique",),
    "Cameroon": ("Cameroon",),
    "Serbia": ("Serbia",),
    "Greece": ("Greece",),
    "Philippines": ("Philippines",),
    "Indonesia": ("Indonesia",),
    "Morocco": ("Morocco",),
    "Algeria": ("Algeria",),
    "Australia": ("Australia",),
    "Netherlands": ("Netherlands",),
    "Norway": ("Norway",),
    "Denmark": ("Denmark",),
    "Estonia": ("Estonia",),
    "Soviet Union": ("Soviet Union", "USSR"),
    "Palestine": ("Palestine",),
    "Sri Lanka": ("Sri Lanka",),
    "South Africa": ("South Africa",),
    "Chad": ("Chad",),
}

# canonical actor -> capitals or seats of government that stand for the state
CAPITALS: dict[str, tuple[str, ...]] = {
    "Russia": ("Moscow", "Kremlin"),
    "Ukraine": ("Kyiv", "Kiev"),
    "North Korea": ("Pyongyang",),
    "South Korea": ("Seoul",),
    "United States": ("Washington", "Pentagon", "White House"),
    "United Kingdom": ("London", "Downing Street", "Whitehall"),
    "China": ("Beijing",),
    "Iran": ("Tehran",),
    "Belarus": ("Minsk",),
    "Syria": ("Damascus",),
    "Turkey": ("Ankara",),
    "Poland": ("Warsaw",),
    "Germany": ("Berlin",),
    "France": ("Paris",),
    "Japan": ("Tokyo",),
    "Taiwan": ("Taipei",),
    "Israel": ("Jerusalem", "Tel Aviv"),
    "Sudan": ("Khartoum", "Port Sudan"),
    "Ethiopia": ("Addis Ababa",),
    "Eritrea": ("Asmara",),
    "Armenia": ("Yerevan",),
    "Azerbaijan": ("Baku",),
    "Rwanda": ("Kigali",),
    "DR Congo": ("Kinshasa",),
    "Burundi": ("Bujumbura",),
    "Kenya": ("Nairobi",),
    "Uganda": ("Kampala",),
    "India": ("New Delhi",),
    "Pakistan": ("Islamabad",),
    "Afghanistan": ("Kabul",),
    "Iraq": ("Baghdad",),
    "Lebanon": ("Beirut",),
    "Myanmar": ("Naypyitaw", "Naypyidaw"),
    "Mali": ("Bamako",),
    "Burkina Faso": ("Ouagadougou",),
    "Niger": ("Niamey",),
    "Nigeria": ("Abuja",),
    "Somalia": ("Mogadishu",),
    "Libya": ("Tripoli",),
    "Egypt": ("Cairo",),
    "Saudi Arabia": ("Riyadh",),
    "Georgia": ("Tbilisi",),
    "Cambodia": ("Phnom Penh",),
    "Thailand": ("Bangkok",),
    "Morocco": ("Rabat",),
    "Algeria": ("Algiers",),
    "Colombia": ("Bogota", "Bogotá"),
    "South Sudan": ("Juba",),
    "Chad": ("N'Djamena",),
    "Bangladesh": ("Dhaka",),
    "Philippines": ("Manila",),
    "Indonesia": ("Jakarta",),
    "Mozambique": ("Maputo",),
    "Cameroon": ("Yaounde", "Yaoundé"),
    "Serbia": ("Belgrade",),
    "Kosovo": ("Pristina",),
    "Moldova": ("Chisinau",),
    "Jordan": ("Amman",),
    "Sri Lanka": ("Colombo",),
    "Benin": ("Cotonou",),
    "Togo": ("Lome", "Lomé"),
}

# canonical organisation -> names as written
ORGS: dict[str, tuple[str, ...]] = {
    "NATO": ("NATO", "Nato", "North Atlantic Treaty Organization"),
    "Wagner Group": ("Wagner", "Wagner Group", "PMC Wagner"),
    "European Union": ("EU", "European Union"),
    "United Nations": ("UN", "U.N.", "United Nations"),
    "UNHCR": ("UNHCR", "UN refugee agency", "U.N. refugee agency"),
    "OCHA": ("OCHA",),
    "UNICEF": ("UNICEF", "Unicef"),
    "World Health Organization": ("WHO", "World Health Organization"),
    "International Organization for Migration": ("IOM", "International Organization for Migration"),
    "ICRC": ("ICRC", "Red Cross", "International Committee of the Red Cross"),
    # armed wings and movements by their own names stand for the organisation
    "Hamas": ("Hamas", "Qassam Brigades", "al-Qassam Brigades", "Izz ad-Din al-Qassam Brigades"),
    "Hezbollah": ("Hezbollah",),
    "Houthis": ("Houthi", "Houthis", "Ansar Allah"),
    "Islamic State": ("Islamic State", "ISIS", "ISIL", "Daesh"),
    "Taliban": ("Taliban",),
    "Rapid Support Forces": ("Rapid Support Forces", "RSF"),
    "Africa Corps": ("Africa Corps",),
    # intelligence services and armed forces named by their acronyms stand for their state
    "Ukraine": ("HUR", "GUR", "SBU", "AFU", "ZSU"),
    "Russia": ("FSB", "GRU", "Rosgvardia", "Black Sea Fleet", "Baltic Fleet", "Northern Fleet"),
    "Myanmar": ("Tatmadaw",),
    # a state's armed forces by their own acronym or full name stand for the state, like the
    # Tatmadaw: `300 FARDC soldiers` are DR Congo's, `The SAF said it had shot down ...`
    "Sudan": ("SAF", "Sudanese Armed Forces"),
    "DR Congo": ("FARDC",),
    "Mali": ("FAMa",),
    "Somalia": ("SNA",),
    "Ethiopia": ("ENDF", "Ethiopian National Defense Force", "Ethiopian National Defence Force"),
    "Kenya": ("KDF",),
    "Uganda": ("UPDF",),
    "South Africa": ("SANDF", "South African National Defence Force"),
    "Philippines": ("Armed Forces of the Philippines",),
    "Islamic Jihad": ("Islamic Jihad", "Quds Brigades", "al-Quds Brigades", "Al-Quds Brigades"),
    "Hayat Tahrir al-Sham": ("Hayat Tahrir al-Sham", "HTS"),
    "Syrian Democratic Forces": ("Syrian Democratic Forces", "SDF"),
    "Islamic State Sahel": (
        "Islamic State Sahel",
        "ISSP",
        "IS Sahel",
        "Islamic State Sahel Province",
        "Islamic State in the Greater Sahara",
        "ISGS",
    ),
    "JNIM": (
        "JNIM",
        "GSIM",  # its French acronym
        "Jama'at Nusrat al-Islam wal-Muslimin",
        "Jamaat Nusrat al-Islam wal-Muslimin",
    ),
    "M23": ("M23", "AFC/M23", "March 23 Movement"),
    "Fano": ("Fano",),
    "TPLF": ("TPLF", "Tigray People's Liberation Front"),
    "Tigray Defence Forces": ("Tigray Defence Forces", "TDF"),
    "Oromo Liberation Army": ("Oromo Liberation Army", "OLA"),
    # `AA` alone is also anti-aircraft (`AA guns`): only with `group` is it the army
    "Arakan Army": ("Arakan Army", "AA group"),
    "Kachin Independence Army": ("Kachin Independence Army", "KIA"),
    "Karen National Union": ("Karen National Union", "KNU"),
    "Three Brotherhood Alliance": ("Three Brotherhood Alliance",),
    "Ta'ang National Liberation Army": ("Ta'ang National Liberation Army", "TNLA"),
    "Myanmar National Democratic Alliance Army": (
        "Myanmar National Democratic Alliance Army",
        "MNDAA",
    ),
    "al-Shabaab": ("al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab", "Shabaab"),
    "Boko Haram": ("Boko Haram",),
    "FARC": ("FARC",),
    "Tamil Tigers": ("Tamil Tigers", "Tamil Tiger", "LTTE", "Sea Tigers"),
    "Lashkar-e-Taiba": ("Lashkar-e-Taiba",),
    "Jaish-e-Mohammed": ("Jaish-e-Mohammed",),
    "Polisario Front": ("Polisario Front", "Polisario"),
    "UNIFIL": ("UNIFIL",),
    "Viv Ansanm": ("Viv Ansanm",),
    "World Central Kitchen": ("World Central Kitchen",),
}

# States a military junta rules, and the armed groups that fight each one: `junta soldiers`
# names no state itself, so it takes the one its sentence names (`the Arakan Army captured
# 300 junta soldiers` -> Myanmar). A sentence naming none, or two of them, gives no actor.
JUNTA_STATES: dict[str, tuple[str, ...]] = {
    "Myanmar": (
        "Myanmar",
        "Arakan Army",
        "Kachin Independence Army",
        "Karen National Union",
        "Three Brotherhood Alliance",
        "Ta'ang National Liberation Army",
        "Myanmar National Democratic Alliance Army",
    ),
    "Mali": ("Mali",),
    "Burkina Faso": ("Burkina Faso",),
    "Niger": ("Niger",),
}
# actor named by a gazetteer hit -> the junta state it stands for or fights
JUNTA_OF: dict[str, str] = {
    actor: state for state, actors in JUNTA_STATES.items() for actor in actors
}

# Organisations of ORGS that field no fighters of their own: an alliance, the UN and its
# agencies, aid bodies. A description of an armed group (`the group`) never means one of them,
# and their people are never a side's troops.
UNARMED_ORGS = frozenset(
    (
        "NATO",
        "European Union",
        "United Nations",
        "UNHCR",
        "OCHA",
        "UNICEF",
        "World Health Organization",
        "International Organization for Migration",
        "ICRC",
        "UNIFIL",
        "World Central Kitchen",
    )
)

KINDS: tuple[tuple[str, dict[str, tuple[str, ...]]], ...] = (
    ("demonym", DEMONYMS),
    ("country", COUNTRIES),
    ("capital", CAPITALS),
    ("org", ORGS),
)


def _build_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First word -> [(words, actor, kind)], longest first, so lookup is one dict access."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for kind, table in _tables():
        for actor, forms in table.items():
            for form in _with_plurals(kind, forms):
                words = tuple(_split(form))
                index.setdefault(words[0], []).append((words, actor, kind))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def _tables() -> tuple[tuple[str, dict[str, tuple[str, ...]]], ...]:
    """The tables, plus the states the demonym table names under their own name when the
    country table leaves them out: a state whose adjective is known (`Cambodian`) is named as
    often by its name (`Cambodia said 13 of its soldiers ...`), and one missing line there made
    `its` and the clause's subject find no side at all."""
    unnamed = {a: (a,) for a in DEMONYMS if a not in COUNTRIES}
    return (*KINDS, ("country", unnamed))


def _with_plurals(kind: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """A demonym ending in -an or -i also names people as a plural noun (`Afghans`,
    `Somalis`, `Kenyans`, `South Africans`), unless the table lists the plural already."""
    if kind != "demonym":
        return forms
    extra = tuple(f + "s" for f in forms if f.endswith(("an", "i")) and f + "s" not in forms)
    return forms + extra


def _split(form: str) -> list[str]:
    """Split a surface form the way the tokenizer does (`U.S.` -> `U . S .`, `M23` -> `M 23`)."""
    out: list[str] = []
    word = ""
    for ch in form:
        if ch.isalnum() or (ch == "'" and word):
            if word and word[-1].isalpha() and ch.isdigit():
                out.append(word)  # letters then digits are two tokens
                word = ""
            word += ch
            continue
        if word:
            out.append(word)
            word = ""
        if not ch.isspace():
            out.append(ch)
    if word:
        out.append(word)
    return out


_INDEX = _build_index()


# first word -> [(words, (actor, kind, n_tokens, surface))]: the answer is built once
_HITS = {
    first: [(words, (actor, kind, len(words), " ".join(words))) for words, actor, kind in entries]
    for first, entries in _INDEX.items()
}
# Every first word of an entry: a token not in it starts no match (a set test, not a call).
FIRST_WORDS = frozenset(_INDEX)


def match_at(texts: Sequence[str], i: int) -> tuple[str, str, int, str] | None:
    """Longest gazetteer entry starting at token `i`: (actor, kind, n_tokens, surface) or None."""
    entries = _HITS.get(texts[i])
    if not entries:
        return None
    n = len(texts)
    for words, hit in entries:
        k = hit[2]
        if k == 1:
            return hit  # the first word matched already
        if i + k <= n and tuple(texts[i : i + k]) == words:
            return hit
    return None


def lookup(name: str) -> str | None:
    """Normalise a name as written (`North Korean`, `Moscow`) to its actor, or None."""
    words = _split(name)
    hit = match_at(words, 0) if words else None
    return hit[0] if hit and hit[2] == len(words) else None
