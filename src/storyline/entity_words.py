"""Word lists for entity finding: titles, organisation words, places, demonyms.

Countries come from ``pycountry`` (ISO 3166: names, official and common names, and the
names of US states and UK countries); the hand lists below only add what ISO does not
carry: everyday aliases ("U.S.", "Britain"), demonyms, large cities and regions, and the
words that mark a name as a person or an organisation.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

__all__ = [
    "CONNECTORS",
    "DEMONYMS",
    "GPE_ALIASES",
    "HONORIFICS",
    "NAME_PARTICLES",
    "NOT_NAMES",
    "ORG_FIRST_WORDS",
    "ORG_NAMES",
    "ORG_WORDS",
    "PERSON_TITLES",
    "PLACES",
    "REGIONS",
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
    superintendent detective police treasurer economist lawyer""".split()
)
"""Words of a title that may stand before a name ("Foreign Minister Sergei Lavrov")."""

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
    observatory centre center hospital church mission society trust bureau watch
    securities capital partners media pictures records studios energy petroleum oil staff treasury""".split()
)
"""Last words that make a capitalised name an organisation ("State Department")."""

ORG_FIRST_WORDS: frozenset[str] = frozenset(
    "bank university ministry department institute council committee college school".split()
)
"""First words that make "X of Y" an organisation ("University of Oxford")."""

ORG_NAMES: frozenset[str] = frozenset(
    """un u.n. nato eu e.u. opec who imf wto fbi cia nsa pentagon kremlin reuters ap afp bbc
    cnn nbc abc cbs fox msnbc isis isil daesh hezbollah hamas taliban nusra al-nusra
    al-qaeda al-qaida google apple amazon facebook twitter microsoft tesla boeing airbus
    interpol unicef unhcr iaea issg fifa uefa nasa sec fed gop ecb ft wsj nyt""".split()
) | {"united nations", "white house", "state department", "islamic state", "al qaeda",
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
    sep sept oct nov dec read watch click share advertisement photo file update updated
    breaking exclusive opinion analysis editing reporting writing additional related
    is are was were be been being has have had do does did will would shall should can
    could might must let let's don't can't won't isn't aren't wasn't weren't it's that's
    there's here's he's she's they're we're i'm you're i've we've they've""".split()
)
"""Capitalised only because they start a sentence or heading: never a name on their own."""


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every country name and alias (lower case) mapped to its canonical name.

    Built from pycountry's ISO 3166 countries (name, common and official names), the US
    states and UK countries among its subdivisions, then ``GPE_ALIASES`` on top.
    """
    names: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names[value.lower()] = canonical
                names[value.split(",")[0].lower()] = canonical
    for code in ("US", "GB"):
        for subdivision in pycountry.subdivisions.get(country_code=code) or ():
            if subdivision.type in ("State", "Country", "Nation", "Province"):
                names.setdefault(subdivision.name.lower(), subdivision.name)
    names.update(GPE_ALIASES)
    for canonical in set(GPE_ALIASES.values()):
        names[canonical.lower()] = canonical
    return names


def demonym_country(word: str) -> str | None:
    """The country a nationality word points to ("" for wider groups), ``None`` if not one."""
    return DEMONYMS.get(word.lower())
