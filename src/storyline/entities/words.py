"""Word lists for entity finding: titles, organisation words, places, demonyms.

Countries come from ``pycountry`` (ISO 3166: names, official and common names, and the
names of US states and UK countries); the hand lists below only add what ISO does not
carry: everyday aliases ("U.S.", "Britain"), demonyms, large cities and regions, and the
words that mark a name as a person or an organisation.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import pycountry

__all__ = [
    "BRITISH_SPELLINGS",
    "CONNECTORS",
    "DEMONYMS",
    "FACILITY_LAST_WORDS",
    "FIRST_NAMES",
    "GPE_ALIASES",
    "HONORIFICS",
    "NAME_PARTICLES",
    "NOT_NAMES",
    "ORG_ALIASES",
    "ORG_FIRST_WORDS",
    "ORG_NAMES",
    "ORG_NOUNS",
    "ORG_WORDS",
    "OTHER_LAST_WORDS",
    "PERSON_NOUNS",
    "PERSON_TITLES",
    "PLACES",
    "PLACE_FIRST_WORDS",
    "PLACE_LAST_WORDS",
    "PLACE_NOUNS",
    "REGIONS",
    "american_spelling",
    "country_names",
    "demonym_country",
]

HONORIFICS: frozenset[str] = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady rev fr sen rep gov lt gen col maj capt sgt "
    "adm cmdr pres st".split()
)
"""Short forms before a person's name (with or without a full stop: "Mr", "Mr.")."""

PERSON_TITLES: frozenset[str] = frozenset(
    """president vice secretary minister prime chancellor premier ambassador envoy senator
    congressman congresswoman governor mayor king queen prince princess pope cardinal bishop
    general admiral colonel major captain lieutenant sergeant commander chief director
    spokesman spokeswoman spokesperson chairman chairwoman chair judge justice attorney
    leader deputy foreign defense defence state interior finance trade justice speaker
    representative officer official counterpart reporter correspondent editor analyst
    professor doctor coach manager founder ceo striker midfielder defender goalkeeper
    candidate nominee rabbi imam sheikh emir sultan dictator commissioner inspector
    superintendent detective police treasurer economist lawyer majority minority
    whip health education environment agriculture transport culture labour labor""".split()
)
"""Words of a title that may stand before a name ("Foreign Minister Sergei Lavrov")."""

FIRST_NAMES: frozenset[str] = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory frank alexander patrick raymond jack dennis
    jerry tyler aaron henry adam peter nathan zachary walter kyle harold carl jeremy keith
    roger gerald ethan arthur terry christian sean lawrence austin joe noah jesse albert
    bryan billy bruce willie jordan dylan alan ralph gabriel roy juan wayne eugene logan
    randy louis russell vincent philip bobby johnny bradley mick mike tom tim jim bob bill
    ben sam dan tony nick steve chris joe ted fred harry max luke oliver boris emmanuel
    angela vladimir sergei sergey dmitry mikhail ivan olga tatiana natalia anna maria mary
    patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen
    katherine kate catherine christine samantha debra rachel carolyn janet virginia heather
    diane julie joyce victoria kelly christina joan evelyn lauren judith megan cheryl
    andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean
    alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
    theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla
    jackie emma olivia ursula hillary nancy kamala theresa jacinda marine giorgia sanna
    mohammed muhammad ahmed ali hassan hussein omar abdul ibrahim yusuf mahmoud khalid
    recep bashar hamid jose carlos luis jorge pedro miguel antonio manuel francisco
    juan pablo diego javier fernando xi li wang zhang liu chen shinzo yoshihide moon
    kim park narendra rahul imran nawaz pierre jean francois jacques emmanuel marc
    hans klaus jurgen wolfgang olaf heiko giuseppe giovanni marco matteo mario""".split()
)
"""Common given names: a name starting with one is most likely a person's."""

NAME_PARTICLES: frozenset[str] = frozenset(
    "al el bin ibn abu van von der den de da di du la le dos das del bint".split()
)
"""Lower-case particles inside personal names ("Bashar al-Assad", "Ursula von der Leyen")."""

CONNECTORS: frozenset[str] = frozenset("of for on the".split())
"""Lower-case words allowed inside a longer name ("Bank of England")."""

ORG_WORDS: frozenset[str] = frozenset(
    """inc corp corporation co ltd llc plc ag sa nv gmbh group holdings company companies
    bank council ministry department agency party university college school institute
    association committee commission organization organisation union federation league
    foundation fund army navy force forces corps court office service services front
    coalition alliance movement brigade brigades militia network airlines airways motors
    industries technologies systems post times news press journal tribune herald telegraph
    guardian observer broadcasting television radio club fc united reserve exchange board
    authority administration parliament assembly congress senate cabinet government
    observatory centre center centres centers hospital church mission society trust bureau watch
    securities capital partners media pictures records studios energy petroleum oil staff treasury
    engineering consulting consultancy consultants surveys rail railway railways logistics
    construction solutions analytics electric pharmaceuticals pharma insurance foods brands
    stores mining ventures labs laboratories robotics software therapeutics biotech
    advisors advisers brokers commodities air""".split()
)
"""Last words that make a capitalised name an organisation ("State Department")."""

ORG_FIRST_WORDS: frozenset[str] = frozenset(
    "bank university ministry department institute council committee college school centre center "
    "centres centers".split()
)
"""First words that make "X of Y" an organisation ("University of Oxford")."""

PLACE_LAST_WORDS: frozenset[str] = frozenset(
    """street st road rd lane avenue ave boulevard drive way square place row terrace crescent
    river valley lake mountain mountains mount hill hills bay island islands
    isle coast beach peninsula canal creek brook falls forest desert gulf sea ocean strait
    harbour harbor heights plain plains ridge glacier reservoir district county province
    borough township parish quarter neighbourhood neighborhood region territory oblast
    port park""".split()
)
"""Last words that make a capitalised name a place ("Tanner Street", "River Aldern")."""

FACILITY_LAST_WORDS: frozenset[str] = frozenset(
    """dam barrage bridge viaduct tunnel airport airfield aerodrome station terminal base
    stadium arena palace castle fortress tower towers prison jail penitentiary museum
    cathedral mosque temple synagogue basilica hotel mall pier lighthouse spillway
    pipeline refinery""".split()
)
"""Last words that make a capitalised name a facility, a structure built by people
("Kessling Dam", "Heathrow Airport", "Wembley Stadium"): typed FACILITY, not a place, so
counts of places leave them out. CoNLL's LOC type includes them (``evaluate.conll``)."""

PLACE_FIRST_WORDS: frozenset[str] = frozenset(
    "river lake mount mt cape fort port gulf isle".split()
)
"""First words that make a name a place ("River Aldern", "Lake Geneva", "Mount Kenya")."""

OTHER_LAST_WORDS: frozenset[str] = frozenset(
    """war wars cup championship championships olympics games festival prize award awards
    trophy rally marathon bill act treaty accord accords agreement protocol convention doctrine
    revolution flu influenza virus fever syndrome""".split()
)
"""Last words that make a name an event, law, prize or disease: OTHER ("Cold War", "Ryder
Cup", "Swine Flu")."""

BRITISH_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("isation", "ization"), ("isations", "izations"), ("centre", "center"), ("centres", "centers"),
    ("defence", "defense"), ("programme", "program"), ("labour", "labor"),
)
"""British word endings and words with their American spelling: one organisation is
written both ways ("World Health Organisation", "World Health Organization")."""

ORG_ALIASES: dict[str, str] = {
    "who": "World Health Organization",
    "un": "United Nations",
    "u.n.": "United Nations",
    "eu": "European Union",
    "e.u.": "European Union",
    "imf": "International Monetary Fund",
    "wto": "World Trade Organization",
    "iaea": "International Atomic Energy Agency",
    "ecb": "European Central Bank",
    "unhcr": "United Nations High Commissioner for Refugees",
}
"""Acronyms (lower case) named by their full name, as ``GPE_ALIASES`` names countries: a
story that writes only "WHO" and one that writes "World Health Organization" name one
organisation, under one name; the acronym stays among its written forms."""


def american_spelling(word: str) -> str:
    """``word`` (lower case) in American spelling where ``BRITISH_SPELLINGS`` gives one.

    Example:
        >>> american_spelling("organisation"), american_spelling("centre"), american_spelling("bank")
        ('organization', 'center', 'bank')
    """
    for british, american in BRITISH_SPELLINGS:
        if word.endswith(british):
            return word[: len(word) - len(british)] + american
    return word

PLACE_NOUNS: frozenset[str] = frozenset(
    """village town city capital hamlet suburb district county province region state
    neighbourhood neighborhood borough township parish port island valley area""".split()
)
"""Lower-case nouns that name a kind of place: "the village of X", "the capital X",
"the X district"."""

ORG_NOUNS: frozenset[str] = frozenset(
    """company firm group consultancy agency charity bank insurer lender retailer carrier
    airline broadcaster newspaper publisher manufacturer maker producer operator provider
    startup supplier developer club team union party organisation organization network
    chain brand label studio fund""".split()
)
"""Lower-case nouns that name a kind of organisation: "the consultancy X", "X, a firm"."""

PERSON_NOUNS: frozenset[str] = frozenset(
    """man woman boy girl farmer resident teacher student worker mother father son
    daughter wife husband brother sister friend neighbour neighbor baker nurse
    scientist researcher writer author artist singer actor actress player athlete driver
    pilot activist campaigner veteran survivor victim witness member leader councillor
    councilor politician lawmaker legislator diplomat banker trader investor
    entrepreneur businessman businesswoman journalist photographer historian expert
    shopkeeper pensioner""".split()
) | frozenset(
    """spokesman spokeswoman spokesperson mayor judge minister president secretary
    senator governor ambassador envoy director chairman chairwoman officer official
    reporter correspondent editor analyst professor doctor coach manager founder ceo
    lawyer economist commissioner inspector detective""".split()
)
"""Lower-case nouns for a person, in apposition ("X, a dairy farmer") or before a name
("the retired judge X", "Brenfield's mayor, X")."""

ORG_NAMES: frozenset[str] = frozenset(
    """un u.n. nato eu e.u. opec who imf wto fbi cia nsa pentagon kremlin reuters ap afp bbc
    cnn nbc abc cbs fox msnbc isis isil daesh hezbollah hamas taliban nusra al-nusra
    al-qaeda al-qaida google apple amazon facebook twitter microsoft tesla boeing airbus
    interpol unicef unhcr iaea issg fifa uefa nasa sec fed gop ecb ft wsj nyt""".split()
) | {"jabhat al-nusra", "jabhat al nusra", "nusra front", "al-nusra front", "fateh al-sham",
     "jabhat fateh al-sham", "hayat tahrir al-sham", "united nations", "white house", "state department", "islamic state", "al qaeda",
     "security council", "european union", "associated press", "downing street",
     "supreme court", "wall street", "federal reserve", "red cross", "red crescent"}
"""Organisations known by a single word or acronym (lower case)."""

GPE_ALIASES: dict[str, str] = {
    "u.s.": "United States",
    "us": "United States",
    "u.s.a.": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "russia": "Russia",
    "russian federation": "Russia",
    "syria": "Syria",
    "syrian arab republic": "Syria",
    "iran": "Iran",
    "south korea": "South Korea",
    "north korea": "North Korea",
    "vietnam": "Vietnam",
    "taiwan": "Taiwan",
    "venezuela": "Venezuela",
    "bolivia": "Bolivia",
    "tanzania": "Tanzania",
    "moldova": "Moldova",
    "laos": "Laos",
    "czech republic": "Czechia",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
    "palestine": "Palestine",
    "ivory coast": "Côte d'Ivoire",
    "burma": "Myanmar",
    "uae": "United Arab Emirates",
    "vatican": "Holy See",
    "turkey": "Turkey",
    "türkiye": "Turkey",
    "wales": "Wales",
    "nsw": "New South Wales",
    "ny": "New York",
    "n.y.": "New York",
    "dc": "Washington",
    "d.c.": "Washington",
    "washington d.c.": "Washington",
}
"""Everyday names of places, lower case, mapped to one canonical name."""

REGIONS: frozenset[str] = frozenset(
    name.strip() for name in """europe, asia, africa, americas, antarctica, oceania, arctic, middle east,
    latin america, north america, south america, central america, west bank, gaza,
    gaza strip, balkans, caucasus, crimea, donbas, kashmir, tibet, xinjiang, kurdistan,
    scandinavia, persian gulf, mediterranean, pacific, atlantic, caribbean, sahel, siberia,
    eastern europe, western europe, southeast asia, east asia, south asia, central asia,
    horn of africa, north africa, west africa, east africa, golan heights""".split(",")
)
"""Regions of the world (lower case)."""

PLACES: frozenset[str] = frozenset(
    name.strip() for name in """washington, new york, london, paris, berlin, moscow, beijing, tokyo, rome, madrid,
    brussels, geneva, vienna, ankara, istanbul, tehran, baghdad, damascus, aleppo, homs,
    idlib, raqqa, mosul, kabul, islamabad, karachi, delhi, new delhi, mumbai, dhaka,
    bangkok, jakarta, manila, seoul, pyongyang, taipei, shanghai, hong kong, singapore,
    sydney, melbourne, canberra, auckland, ottawa, toronto, montreal, vancouver,
    mexico city, havana, caracas, bogota, lima, santiago, buenos aires, brasilia,
    sao paulo, rio de janeiro, cairo, tripoli, tunis, algiers, rabat, lagos, abuja,
    nairobi, addis ababa, johannesburg, cape town, pretoria, kinshasa, khartoum, riyadh,
    jeddah, doha, dubai, abu dhabi, muscat, sanaa, amman, beirut, jerusalem, tel aviv,
    kiev, kyiv, minsk, warsaw, prague, budapest, bucharest, sofia, athens, belgrade,
    zagreb, stockholm, oslo, copenhagen, helsinki, dublin, edinburgh, lisbon, amsterdam,
    the hague, frankfurt, munich, hamburg, milan, zurich, los angeles, chicago, houston,
    boston, san francisco, miami, atlanta, seattle, dallas, philadelphia, detroit, denver,
    phoenix, las vegas, new orleans, natanz, riga, vilnius, tallinn, baku, tbilisi,
    yerevan, tashkent, almaty, astana, bishkek, hanoi, ho chi minh city, phnom penh,
    yangon, kathmandu, colombo, sochi, st petersburg, wuhan, shenzhen, guangzhou,
    hiroshima, osaka, kyoto, manchester, liverpool, glasgow, belfast, cardiff, lyon,
    marseille, barcelona, naples, venice, florence, krakow, odessa, kharkiv, donetsk,
    luhansk, benghazi, misrata, basra, kirkuk, erbil, fallujah, ramadi, tikrit, kandahar,
    herat, peshawar, lahore, gaza city, ramallah, hebron, haifa, sinai""".split(",")
)
"""Large cities and places in the news (lower case)."""

DEMONYMS: dict[str, str] = {
    "american": "United States", "british": "United Kingdom", "english": "United Kingdom",
    "scottish": "United Kingdom", "welsh": "United Kingdom", "french": "France",
    "german": "Germany", "dutch": "Netherlands", "swiss": "Switzerland",
    "spanish": "Spain", "greek": "Greece", "turkish": "Turkey", "polish": "Poland",
    "danish": "Denmark", "swedish": "Sweden", "finnish": "Finland", "irish": "Ireland",
    "chinese": "China", "japanese": "Japan", "vietnamese": "Vietnam", "thai": "Thailand",
    "filipino": "Philippines", "iraqi": "Iraq", "saudi": "Saudi Arabia", "yemeni": "Yemen",
    "afghan": "Afghanistan", "pakistani": "Pakistan", "israeli": "Israel",
    "kuwaiti": "Kuwait", "qatari": "Qatar", "omani": "Oman", "emirati": "United Arab Emirates",
    "bangladeshi": "Bangladesh", "lebanese": "Lebanon", "sudanese": "Sudan",
    "portuguese": "Portugal", "norwegian": "Norway", "belgian": "Belgium",
    "ukrainian": "Ukraine", "russian": "Russia", "syrian": "Syria", "iranian": "Iran",
    "korean": "South Korea", "taiwanese": "Taiwan", "kurdish": "Kurdistan", "kurd": "Kurdistan",
    "kurds": "Kurdistan", "palestinian": "Palestine", "arab": "", "european": "",
    "african": "", "asian": "", "western": "", "latino": "", "hispanic": "", "soviet": "",
    "muslim": "", "christian": "", "jewish": "", "sunni": "", "shia": "", "shiite": "",
    "catholic": "", "islamic": "", "democrat": "", "democratic": "", "republican": "",
    "brazilian": "Brazil", "mexican": "Mexico", "canadian": "Canada", "indian": "India",
    "egyptian": "Egypt", "libyan": "Libya", "nigerian": "Nigeria", "kenyan": "Kenya",
    "ethiopian": "Ethiopia", "australian": "Australia", "italian": "Italy",
    "austrian": "Austria", "hungarian": "Hungary", "czech": "Czechia", "slovak": "Slovakia",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia", "croatian": "Croatia",
    "jordanian": "Jordan", "tunisian": "Tunisia", "moroccan": "Morocco",
    "algerian": "Algeria", "venezuelan": "Venezuela", "colombian": "Colombia",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
    "peruvian": "Peru", "cuban": "Cuba", "belarusian": "Belarus", "georgian": "Georgia",
    "armenian": "Armenia", "azerbaijani": "Azerbaijan", "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan", "indonesian": "Indonesia", "malaysian": "Malaysia",
    "singaporean": "Singapore", "zealander": "New Zealand", "new zealander": "New Zealand",
    "south african": "South Africa", "north korean": "North Korea",
    "south korean": "South Korea", "saudis": "Saudi Arabia", "americans": "United States",
    "russians": "Russia", "israelis": "Israel", "palestinians": "Palestine",
    "syrians": "Syria", "iranians": "Iran", "europeans": "", "arabs": "",
}
"""Nationality words (lower case) mapped to their country ("" for wider groups)."""

NOT_NAMES: frozenset[str] = frozenset(
    """a an the this that these those there here it its he she they we you i his her their
    our my your but and or so yet if when while after before since as at in on by for with
    from to of into about over under during between among against despite although though
    because however meanwhile moreover still also then thus now today yesterday tomorrow
    tonight earlier later once what which who whom whose where why how all any some many
    most more much few several each every both either neither no not none nor one two three
    four five six seven eight nine ten first second third last next new other another such
    only even just already again instead perhaps maybe asked said says told according
    under-secretary yes well oh please thank thanks sources officials witnesses police
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec read watch click share advertisement photo file update updated tv
    breaking exclusive opinion analysis editing reporting writing additional related
    is are was were be been being has have had do does did will would shall should can
    could might must let let's don't can't won't isn't aren't wasn't weren't it's that's
    there's here's he's she's they're we're i'm you're i've we've they've""".split()
)
"""Capitalised only because they start a sentence or heading: never a name on their own."""


SUBDIVISION_COUNTRIES = ("US", "GB", "AU", "CA", "IN")
"""Countries whose states and provinces are named on their own in the news."""
SUBDIVISION_TYPES = frozenset({"State", "Country", "Nation", "Province", "Territory"})


def _plain(name: str) -> str:
    """``name`` without accents ("Tamil Nādu" -> "Tamil Nadu"), as English news spells it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every country name and alias (lower case) mapped to its canonical name.

    Built from pycountry's ISO 3166 countries (name, common and official names), the states,
    provinces and territories of ``SUBDIVISION_COUNTRIES`` (accents dropped), then
    ``GPE_ALIASES`` on top.
    """
    names: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.lower()] = canonical
                names[value.split(",")[0].lower()] = canonical
    for code in SUBDIVISION_COUNTRIES:
        for subdivision in pycountry.subdivisions.get(country_code=code) or ():
            if subdivision.type in SUBDIVISION_TYPES:
                name = _plain(subdivision.name.split(" [")[0])
                names.setdefault(name.lower(), name)
    names.update(GPE_ALIASES)
    for canonical in set(GPE_ALIASES.values()):
        names[canonical.lower()] = canonical
    return names


def demonym_country(word: str) -> str | None:
    """The country a nationality word points to ("" for wider groups), ``None`` if not one.

    Plurals count too: "Kuwaitis" -> "Kuwait"."""
    key = word.lower()
    found = DEMONYMS.get(key)
    if found is None and key.endswith("s"):
        found = DEMONYMS.get(key[:-1])
    return found
