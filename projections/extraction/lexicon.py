"""Word lists that decide what a number counts.

Kept apart from the logic so that widening coverage is a one-line change. All entries are
lower-case; every set is a frozenset so membership is one hash lookup.
"""

from __future__ import annotations


def _w(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns for armed people and units: the figure counts troops unless a verb says otherwise.
TROOP_NOUNS = _w(
    """troops troop soldiers soldier servicemen serviceman servicemembers servicewomen personnel
    fighters forces force men reservists reservist conscripts conscript recruits mercenaries
    mercenary militants militant militiamen insurgents insurgent rebels rebel guerrillas
    paratroopers marines commandos officers generals commanders sailors pilots airmen
    infantrymen infantry volunteers guards peacekeepers instructors advisers advisors combatants
    jihadists gunmen snipers sappers gunners crews cadets draftees mobilised mobilized troopers
    operatives battalions brigades divisions regiments platoons squads btgs army armies contingent
    garrison legionnaires militia wagnerites contractors police gendarmes veterans deployment
    bandits auxiliaries reinforcements maoists naxals naxalites"""
)
# Units named in the singular: sized by an apposition (`the brigade, 2,500 strong,`) or
# standing for the subject an apposition sizes (`The Ethiopian division ..., about 7,000 men,`)
SINGULAR_UNITS = _w("brigade division battalion regiment unit column corps detachment battlegroup")
# Unit nouns that only count troops in a compound ("battalion tactical groups").
TROOP_COMPOUNDS = {("battalion", "groups"), ("tactical", "groups"), ("service", "members")}

# Nouns for people in general: the verb decides (killed, fled, ...), else the claim is "other".
PEOPLE_NOUNS = _w(
    """people person persons civilians civilian residents resident inhabitants children child
    kids minors women woman man individuals villagers citizens nationals workers journalists
    medics doctors nurses patients students passengers victims migrants families pilgrims
    protesters demonstrators ukrainians russians palestinians israelis gazans syrians
    sudanese lebanese yemenis afghans iraqis koreans teenagers boys girls babies infants
    elderly members relatives others staff employees pupils schoolchildren schoolgirls
    schoolboys teachers farmers traders herdsmen fishermen policemen policewomen
    shopkeepers porters customers chiefs worshippers motorists drivers miners pastors
    priests youths leaders elders businessmen councillors vendors bystanders pedestrians
    pastoralists shepherds herders vigilantes colleagues comrades britons filipinos"""
)

# Possessive determiners: `lost three of their own`, `killed a mother and her three children`.
POSSESSIVE_DETERMINERS = frozenset("its their our his her".split())

# Kin: what a person `lost` among them died (`lost two sons`, `lost 12 of our sons`), unlike
# soldiers a side lost, who may be wounded or captured (CONVENTIONS: casualties).
KIN_NOUNS = _w(
    """sons daughters brothers sisters husbands wives nephews nieces grandchildren grandsons
    granddaughters cousins uncles aunts fathers mothers"""
)

# Nouns that carry their own category.
CATEGORY_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        _w("deaths death fatalities fatality dead bodies corpses lives killed"), "killed"
    ),
    # the state-agency and ministry idiom for the dead (`70,117 martyrs and 170,999 injured`)
    **dict.fromkeys(_w("martyrs"), "killed"),
    **dict.fromkeys(_w("casualties casualty losses"), "casualties"),
    **dict.fromkeys(_w("wounded injured injuries"), "wounded"),
    **dict.fromkeys(_w("missing"), "missing"),
    # a casualty form's abbreviations (`KIA 4, WIA 11`; `kia` is also the Kachin army's,
    # which the gazetteer reads first as a name)
    **dict.fromkeys(_w("kia"), "killed"),
    **dict.fromkeys(_w("wia"), "wounded"),
    **dict.fromkeys(_w("mia"), "missing"),
    **dict.fromkeys(
        _w("prisoners prisoner pows pow captives hostages hostage detainees detainee"),
        "captured",
    ),
    **dict.fromkeys(
        _w("refugees refugee evacuees idps deportees displaced seekers returnees arrivals"),
        "displaced",
    ),
}

EQUIPMENT_NOUNS = _w(
    """tanks tank drones drone uavs uav missiles missile rockets rocket shells shell munitions
    munition bombs bomb grenades mines landmines aircraft jets jet warplanes warplane planes
    plane bombers helicopters helicopter choppers vehicles vehicle apcs ifvs bmps howitzers
    howitzer guns gun cannons launchers launcher mlrs ships ship vessels vessel warships
    warship boats boat submarines submarine frigates corvettes cruisers destroyers weapons weapon
    rifles mortars javelins stingers interceptors atacms himars patriots leopards abrams bradleys
    shaheds lancets iskanders kalibrs kinzhals gerans carriers ammunition projectiles technicals
    warheads decoys airplanes gunships fighter-bombers artillery radars mig migs sukhois humvees
    mraps btrs firearms"""
)
# Every noun that counts a kind of figure by itself.
COUNTED_NOUNS = TROOP_NOUNS | PEOPLE_NOUNS | EQUIPMENT_NOUNS | frozenset(CATEGORY_NOUNS)
# Nouns that count equipment only with a weapon word in the phrase ("air defence systems").
EQUIPMENT_IF_MODIFIED = _w(
    "systems system batteries battery pieces units items rounds sets trucks lorries arms"
)
WEAPON_MODIFIERS = _w(
    """air defence defense missile missiles artillery rocket anti-aircraft patriot himars radar
    weapons weapon equipment hardware ammunition armour armor military launch tank mortar
    combat strike anti-tank army small-arms small"""
)

# Counted things that make the number no figure claim at all.
NONCLAIM_NOUNS = _w(
    """seconds second minutes minute hours hour days day nights night weeks week months month
    years year decades decade centuries century percent pct km kilometres kilometers kilometre
    kilometer miles mile metres meters metre meter mm cm kg kilograms tonnes tons tonne ton
    hectares acres feet foot yards degrees mph knots sq square strikes strike airstrikes attacks
    attack raids raid assaults assault offensives operations operation sorties missions
    incidents clashes battles skirmishes engagements explosions blasts attempts waves times
    violations shellings bombardments barrages hits targets episodes cases crimes sanctions
    packages meetings visits sessions talks votes calls flights villages village towns town
    cities city settlements settlement regions region oblasts provinces districts areas
    territories countries country nations states bases base airfields airports ports bridges
    roads hospitals hospital clinics schools school homes houses buildings apartments blocks
    facilities sites plants factories refineries depots warehouses substations stations
    infrastructure positions trenches checkpoints camps shelters churches mosques fronts
    directions sectors organisations organizations groups clans tribes companies agencies ngos
    allies partners parties firms pages documents files interviews reports articles letters photos
    images videos testimonies statements accounts dollars euros pounds rubles roubles
    hryvnias hryvnia yuan yen rupees shekels usd eur points stories floors storeys kilotons
    megatons litres liters barrels gallons calories names laws decrees resolutions items
    questions languages streets lines projects contracts trips routes crossings parts steps
    rounds-of charges tests exercises drills posts outposts"""
)
# Units of measure: a number followed by one measures, it never counts ("155 mm shells").
UNIT_NOUNS = _w(
    """seconds second minutes minute hours hour days day nights night weeks week months month
    years year decades decade centuries century percent pct km kilometres kilometers kilometre
    kilometer miles mile metres meters metre meter mm cm kg kilograms tonnes tons tonne ton
    hectares acres feet foot yards degrees mph knots dollars euros pounds rubles roubles
    hryvnias hryvnia yuan yen rupees shekels usd eur kilotons megatons litres liters barrels
    gallons"""
)
# Nouns like "names" in "1,024 names of soldiers": the phrase after "of" is what is counted.
CONTAINER_NOUNS = _w("names bodies remains groups units pieces batches lists total number")

# Words after which a number is a time, age, page, designation, ... (token before the number).
DESIGNATION_WORDS = _w(
    """article resolution unit route highway flight building block section chapter paragraph
    gate level grade class type model mark mk phase stage no nr number page item point line
    platform terminal act clause annex protocol format covid"""
)
MONTHS = _w(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
WEEKDAYS = _w("monday tuesday wednesday thursday friday saturday sunday")
CURRENCY_SYMBOLS = frozenset("$€£¥₽₴₹")
TIME_SUFFIXES = _w("am pm gmt utc bst cet est hrs h")
PERCENT_WORDS = _w("percent pct percentage per")
UNIT_COMPOUNDS = _w(  # "a 1,000-kilometre front", "a 30-day ceasefire"
    """year month week day hour minute second night decade km kilometre kilometer kilometres
    mile metre meter mm cm kg ton tonne point storey story page member nation country
    square km2 inch foot"""
)
TROOP_COMPOUND_WORDS = _w("strong man")  # "a 1,000-strong force", "a 500-man unit"

# Words that end a noun phrase after a number.
NP_STOP = _w(
    """of in on at to from by with near into onto across along over under since during after
    before for against among between through toward towards within without around about per
    including like as than via the a an this that these those each every last next which who
    whom whose it they he she we them their its his her our is are was were be been being had
    have has will would could can may might should must shall do does did and or but nor yet
    so while when where if because though although reportedly allegedly already still also now
    then only just even later earlier again overnight daily more less too very not no there
    here whether what according up down out off back today yesterday tonight"""
)

# Verbs (and participles) that give people nouns their category, within the clause.
VERB_CATEGORY: dict[str, str] = {
    **dict.fromkeys(
        _w(
            """killed kill kills killing died die dies dying dead perished slain murdered
            massacred executed drowned beheaded lynched martyred succumbed behead beheads beheading
            massacre massacres slaughtered slaughter slaughters execute executes martyrdom"""
        ),
        "killed",
    ),
    **dict.fromkeys(_w("wounded wounding injured injuring injure wound hurt"), "wounded"),
    **dict.fromkeys(_w("missing disappeared vanished unaccounted trapped"), "missing"),
    **dict.fromkeys(
        _w(
            """captured capture capturing surrendered surrender surrendering detained
            detaining abducted kidnapped imprisoned arrested seized abduct abducts abducting
            kidnap kidnaps kidnapping detain detains arrests arresting"""
        ),
        "captured",
    ),
    **dict.fromkeys(
        _w(
            """fled flee flees fleeing displaced displacing evacuated evacuating uprooted
            deported relocated expelled expelling"""
        ),
        "displaced",
    ),
    **dict.fromkeys(
        _w("lost losing lose losses eliminated eliminating neutralised neutralized"),
        "casualties",
    ),
}
# Verbs that mean captured only in a prisoner exchange ("returned 95 servicemen") or a release
# of people someone held ("freed 12 soldiers it had held": `clause_verbs._held_after`).
EXCHANGE_VERBS = _w("returned repatriated released freed handed swapped exchanged")
EXCHANGE_CONTEXT = _w(
    "exchange exchanges swap swaps captivity prisoner prisoners pows captive custody"
)
# Words after a number that precede the counted noun ("5,000 more soldiers").
NP_PRE_MODIFIERS = _w("more additional extra other fresh further")

# Verbs that make a count of people a count of fighters ("10,000 North Koreans were deployed").
TROOP_VERBS = _w(
    """deployed deploy deploying sent stationed trained training mobilised mobilized
    mobilising mobilizing mobilise mobilize drafted conscripted enlisted recruited fighting
    serving served massed amassed dispatched"""
)
RECRUIT_VERBS = _w("recruited recruiting recruit enlisted enlisting pardoned joined")
# Words at which the search for a verb stops: a new clause begins.
CLAUSE_STOP = _w(
    """; : when while but after before because since where although though whereas unless
    until ( —"""
)
# the nouns of a supply of arms, and the verbs of a relative clause that lists what it holds
# (`a new package for Kyiv that includes 12 Bradleys`)
AID_NOUNS = _w(
    "package packages tranche tranches aid shipment shipments consignment delivery deliveries"
)
AID_INCLUDE_VERBS = _w("includes include included contains contain comprises")

# The categories that say what befell people (as against troops, displaced, equipment …): a
# part, a breakdown or a clause's status verb carries one of these over to another figure.
FATE_CATEGORIES = _w("killed wounded casualties missing captured")
# `cost the attackers 2,000 men`: a verb whose object is the side that paid
COST_VERBS = _w("cost costs costing")
# auxiliaries of a perfect (`had put`, `have fled`)
PERFECT_AUX = _w("have has had")
# finite auxiliaries that open a clause's verb (`were killed`, `had fled`)
FINITE_AUX = _w("have has had were was are is")
# the same, with `remain`: a clause that keeps its own state (`15 were still missing`)
STATE_AUX = FINITE_AUX | _w("remain remained")
