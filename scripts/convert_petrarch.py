"""Convert the event-data community's dictionaries into Dateline's compact data files.

    .venv/bin/python scripts/convert_petrarch.py PETRARCH2_GIT_DIR PLOVER_GIT_DIR

Both arguments are bare git directories of `openeventdata/petrarch2` and `openeventdata/PLOVER`
(as the `fetch` tool brings them); files are read with `git show HEAD:path`, and the commit
read is written beside the data. Nothing of their code is copied: only the entries, parsed.

Writes into `src/dateline/nlp/events/data/`:
- `agents.json`: agent noun phrase -> PLOVER/CAMEO sector (Phoenix.agents.txt; "police" COP);
- `dateline/data/phoenix_actors.json.gz` (shared by the stages): name -> [[country, sector,
  from, to], ...] (Phoenix Countries, International and MilNonState actors; dates YYYY-MM-DD
  or null); gzip because the country file is large;
- `cameo_verbs.json`: verb -> PLOVER sense, and verb + object noun -> PLOVER sense, from the
  CAMEO verb dictionary (CAMEO.2.0.txt) through PLOVER's CAMEO2PLOVER-2021.txt mapping;
- `SOURCES.json`: origin repository, commit, paths and licence of each file.

Subsetting rules (stated so the data can be rebuilt and checked): agents keep single phrases
(substitution sets such as !PERSON! expanded; a code's first three letters, mapped to PLOVER's
sectors, others left out); verbs keep only the verb's own or its block's code (not the
non-specific 040, see NON_SPECIFIC) and patterns of one plain object word ("- * NOUN [code]"),
a verb's own pattern for a noun before one its block shares; CAMEO 01/02 (statements, appeals)
map to no PLOVER type and are left out, as the mapping does, except that a verb + object
pattern coded 01 (a public statement: "claim responsibility", "deny accusations", "express
condolences", "decline comment") is kept under `statements`, since it says that the verb,
whatever its block's code, reports no event with that object. Prepositional bodies of one
preposition ("- * (WITH)") or a preposition and one object ("- * (FOR HELP)") and subject-side
bodies of one word ("- GUNMEN *") are kept for the verb each pattern's comment names (see
`written_for`), subject-side ones not when coded with a mirror.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "dateline" / "nlp" / "events" / "data"
# The actors are read by the entity stage too, so they sit with the data every stage shares.
SHARED = OUT.parent.parent.parent / "data"
DICTS = "petrarch2/data/dictionaries"
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
# First three letters of a code that name a body above states, not a country.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR", "UAF", "REB", "ELI"})
CODE = re.compile(r"\[([A-Z0-9]+)\s*(?:(>|<)?(\d{6,8})(?:-(\d{6,8}))?)?\s*\]")


# The header of each file written (the project's rule: every word file says what it is for).
ABOUT = {
    "agents.json": (
        "Agent nouns (police, rebels, ministry...) and the PLOVER/CAMEO sector each "
        "names, converted from PETRARCH2's Phoenix.agents.txt (MIT) by "
        "scripts/convert_petrarch.py; origin and commit in SOURCES.json."
    ),
    "cameo_verbs.json": (
        "CAMEO verbs and verb+object patterns from PETRARCH2's CAMEO.2.0.txt (MIT), "
        "mapped to PLOVER types through PLOVER's CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, so "
        "this file is CC BY-SA 4.0), by scripts/convert_petrarch.py; origin in "
        "SOURCES.json."
    ),
    "SOURCES.json": (
        "Where the converted event dictionaries beside this file come from: repository, "
        "commit, paths and licence of each, and the script that converts them."
    ),
}


def show(git_dir: str, path: str) -> str:
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
    )
    return out.stdout.decode("utf-8", errors="replace")


def head(git_dir: str) -> str:
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "rev-parse", "HEAD"], check=True, capture_output=True
    )
    return out.stdout.decode().strip()


def phrase(raw: str) -> str:
    """ "POLICE_OFFICER_" -> "police officer": PETRARCH's underscores are spaces."""
    return " ".join(raw.replace("_", " ").lower().split())


def day(raw: str | None) -> str | None:
    """ "780427" -> "1978-04-27", "20070101" -> "2007-01-01" (two-digit years: 00-30 are 20xx,
    as the dictionaries were last edited in the 2010s)."""
    if not raw:
        return None
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year <= 30 else 1900 + year}{raw[2:]}"
    if len(raw) != 8:
        return None
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


# CAMEO agent codes that PLOVER's sectors (data/plover.json) name otherwise: CAMEO's MED is
# the media and HLH health, PLOVER's MED is health workers and JRN journalists; religions are
# REL; rights, environmental and other campaigners are civil society. Codes PLOVER has no
# sector for (RAD "radicals", SET "settlers" ...) are left out.
SECTOR_OF_CAMEO = {
    "MED": "JRN", "HLH": "MED", "CHR": "REL", "MUS": "REL", "JEW": "REL", "HIN": "REL",
    "BUD": "REL", "HRI": "SOC", "ENV": "SOC", "NGO": "SOC", "PPL": "CVL",
}  # fmt: skip
# The sectors Dateline codes (its PLOVER ontology file).
PLOVER_SECTORS = frozenset(
    json.loads((OUT.parent.parent.parent / "data" / "plover.json").read_text("utf-8"))["sectors"]
)


def plover_sector(cameo: str) -> str | None:
    """A CAMEO agent code's PLOVER sector ("HLH" -> "MED"), None where PLOVER has none."""
    sector = SECTOR_OF_CAMEO.get(cameo, cameo)
    return sector if sector in PLOVER_SECTORS else None


def convert_agents(text: str) -> dict[str, str]:
    """Agent phrases with their sector: "police" COP, "rebel" REB, "protester" OPP."""
    agents: dict[str, str] = {}
    # Substitution sets: "!PERSON! = MAN, MEN, ..." stands for each of its words.
    sets = {
        m.group(1): [w.strip() for w in m.group(2).split(",") if w.strip()]
        for m in re.finditer(r"^(![A-Z]+!)\s*=\s*(.+)$", text, flags=re.MULTILINE)
    }
    for raw in text.splitlines():
        line = strip_comment(raw)
        found = re.search(r"\[~([A-Z]{3})[A-Z]*\]", line)
        if not found or line.startswith(("!", "-")):
            continue
        body = line[: found.start()]
        plurals = re.search(r"\{([^}]*)\}", body)
        name = re.sub(r"\{[^}]*\}", "", body).strip()
        names = [name]
        for mark, words in sets.items():
            if mark in name:
                names = [name.replace(mark, f"_{w}_") for w in words]
        if any("!" in n for n in names):
            continue
        if plurals:
            names += [p for p in plurals.group(1).split() if "!" not in p]
        sector = plover_sector(found.group(1))
        for n in names:
            key = phrase(n)
            if key and sector and key not in agents:
                agents[key] = sector
    return agents


def _countries() -> frozenset[str]:
    """ISO 3166 alpha-3 codes (pycountry, as the project's lexicon uses), and Kosovo's XKX."""
    import pycountry  # the project's dependency: run this script with the project's venv

    return frozenset({c.alpha_3 for c in pycountry.countries} | {"XKX"})


COUNTRIES = _countries()
# CAMEO's own spellings of a few states: East Timor, Kosovo.
CAMEO_COUNTRIES = {"TMP": "TLS", "KSV": "XKX"}


def parse_code(match: re.Match[str]) -> list[str | None]:
    """ "[AFGGOV 780427-780430]" -> ["AFG", "GOV", "1978-04-27", "1978-04-30"]; a body above
    states ("IGOUNO", "NGO...") or a region ("MEAREB") has no country, and its sector is
    what kind of body it is."""
    code, side, first, second = match.groups()
    head = CAMEO_COUNTRIES.get(code[:3], code[:3])
    if head in NON_STATE:
        country, sector = None, head
    elif head in COUNTRIES:
        country, sector = head, code[3:6] or None
    else:
        country, sector = None, code[3:6] or None
    start, end = day(first), day(second)
    if side == "<":
        start, end = None, start
    return [country, sector, start, end]


def _keep(
    actors: dict[str, list[list[str | None]]], names: list[str], codes: list[list[str | None]]
) -> None:
    """Every name of one entry gets its codes; the first entry of a name wins."""
    for name in names:
        key = phrase(name)
        if key and codes and key not in actors:
            actors[key] = codes
    names.clear()


def convert_actors(texts: list[str]) -> dict[str, list[list[str | None]]]:
    """Each actor's names (the entry and its "+" synonyms) with its dated codes."""
    actors: dict[str, list[list[str | None]]] = {}
    for text in texts:
        names: list[str] = []
        codes: list[list[str | None]] = []
        for raw in text.splitlines():
            line = strip_comment(raw)
            if not line.strip():
                _keep(actors, names, codes)
                codes = []
                continue
            stripped = line.strip()
            found = list(CODE.finditer(stripped))
            if raw[:1] in {"\t", " "} and found:
                codes.extend(parse_code(m) for m in found)
                continue
            name = CODE.sub("", stripped).lstrip("+").strip()
            if not raw.startswith("+") and found:
                _keep(actors, names, codes)
                codes = [parse_code(m) for m in found]
            elif not raw.startswith("+") and names and codes and not found:
                _keep(actors, names, codes)  # a new entry whose codes follow on indented lines
                codes = []
            names.append(name)
        _keep(actors, names, codes)
    return actors


def plover_map(text: str) -> dict[str, str]:
    """CAMEO code -> "TYPE" or "TYPE/mode", from CAMEO2PLOVER-2021.txt."""
    table: dict[str, str] = {}
    for raw in text.splitlines():
        line = strip_comment(raw)
        found = re.match(r"^(\d+):\s*([A-Z]+)\s*,\s*([^,]*)", line)
        if found:
            mode = found.group(3).strip()
            table[found.group(1)] = found.group(2) + (f"/{mode}" if mode else "")
    return table


def plover_of(code: str, table: dict[str, str]) -> str | None:
    """A CAMEO code's PLOVER sense, falling back to its parent code (0314 -> 031 -> 03)."""
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


# A code as the dictionary writes it: "[040]", or "[042:043]", the code of the event and of
# its mirror ("visited" 042, "hosted" 043), of which the first is the verb's own.
_CODE = r"\[(\d+)(?::\d+)?\]"
# Block codes that say nothing of the block's other verbs: CAMEO's 040 "consult" heads the
# blocks of going somewhere ("leave", "walk out"), thinking ("consider", "weigh"),
# gathering ("join") and facing ("face", "confront"), and only a verb coded 040 itself
# consults; a block's specific code ("[190]" fight) is shared by its verbs.
NON_SPECIFIC = frozenset({"040"})
# Words that follow a verb as its particle in a pattern ("- * UP [154]": "build up").
PARTICLES = frozenset({"up", "down", "off", "out", "in", "away", "back", "over", "on"})


def synonym_sets(text: str) -> dict[str, list[str]]:
    """ "&CEASEFIRE" -> ["truce", "armistice", ...]: the noun sets patterns write as "&NAME"
    (a "&NAME" line followed by its "+WORD" lines), in words of one or two tokens."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = strip_comment(raw).strip()
        if re.fullmatch(r"&[A-Z_]+", line):
            current = sets.setdefault(line, [])
        elif current is not None and line.startswith("+"):
            word = phrase(line[1:].strip("_"))
            if word and len(word.split()) <= 2:
                current.append(word)
        else:
            current = None
    return sets


def pattern_objects(body: str, sets: dict[str, list[str]]) -> list[str]:
    """The object nouns a pattern's body ("* AID", "* {ARMS SHIPMENT}", "* &FOOD") names:
    one word, a compound of two, or a noun set by its name ("&food"). Longer or
    prepositional bodies give none (the events stage reads a verb's object by its head and
    one modifier)."""
    single = re.fullmatch(r"\*\s+([A-Z][A-Z-]*)", body)
    if single:
        return [single.group(1).lower()]
    compound = re.fullmatch(r"\*\s+\{([A-Z-]+ [A-Z-]+)\}", body)
    if compound:
        return [phrase(compound.group(1))]
    synonyms = re.fullmatch(r"\*\s+(&[A-Z_]+)", body)
    if synonyms and synonyms.group(1) in sets:
        return [synonyms.group(1).lower()]  # the set's name: `noun_sets` lists its words
    return []


# A prepositional body of one preposition ("* (TO)"), or of one preposition and its object
# ("* (FOR HELP)", "* (WITH {ARMS DEAL})", "* (TO &CEASEFIRE)"); a subject-side body of one
# subject word or noun set before the verb ("GUNMEN *", "&MILITARY *").
_PREP_ONLY = re.compile(r"\*\s+\(([A-Z]+)\)")
_PREP_OBJECT = re.compile(r"\*\s+\(([A-Z]+)\s+([A-Z][A-Z-]*|\{[A-Z-]+ [A-Z-]+\}|&[A-Z_]+)\)")
_SUBJECT = re.compile(r"([A-Z][A-Z-]*|&[A-Z_]+)\s+\*")


def written_for(raw: str, block: list[str]) -> list[str]:
    """The verbs of a block a pattern is read for: the one its comment names ("# RUSH"),
    when that is a verb of the block, else all of them. PETRARCH2 shares a pattern with the
    whole block, but its coders wrote each for one verb ("* (TO)" [visit] for "head", in a
    block with "order" and "lead"): the newer families are read for that verb only."""
    _, _, comment = raw.partition("#")
    named = phrase(comment.split(",")[0].strip().split(" ")[0]) if comment.strip() else ""
    return [named] if named in block else block


def _noun_of(raw: str, sets: dict[str, list[str]]) -> str | None:
    """A pattern's noun as the data keeps it: "help", "arms deal", "&ceasefire"."""
    if raw.startswith("&"):
        return raw.lower() if raw in sets else None
    return phrase(raw.strip("{}"))


# The prepositions a prepositional body starts with ("* (GUNFIRE)" is a noun in brackets).
PREPOSITIONS = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "by",
        "despite",
        "during",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "outside",
        "over",
        "past",
        "since",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "until",
        "upon",
        "via",
        "with",
        "within",
        "without",
    ]
)


def prepositional(body: str, sets: dict[str, list[str]]) -> tuple[str, str | None] | None:
    """ "* (TO)" -> ("to", None); "* (FOR HELP)" -> ("for", "help"); None for other bodies."""
    only = _PREP_ONLY.fullmatch(body)
    if only:
        prep = only.group(1).lower()
        return (prep, None) if prep in PREPOSITIONS else None
    with_object = _PREP_OBJECT.fullmatch(body)
    if with_object and with_object.group(1).lower() in PREPOSITIONS:
        noun = _noun_of(with_object.group(2), sets)
        return (with_object.group(1).lower(), noun) if noun else None
    return None


def subject_side(body: str, sets: dict[str, list[str]]) -> str | None:
    """ "&MILITARY *" -> "&military", "GUNMEN *" -> "gunmen"; None for other bodies."""
    found = _SUBJECT.fullmatch(body)
    return _noun_of(found.group(1), sets) if found else None


def convert_verbs(text: str, table: dict[str, str]) -> dict[str, dict[str, object]]:
    """Verbs and verb + object patterns of the CAMEO dictionary, as PLOVER senses."""
    verbs: dict[str, str] = {}
    objects: dict[str, dict[str, str]] = {}
    written: dict[str, dict[str, str]] = {}  # object patterns whose comment names their verb
    statements: dict[str, set[str]] = {}
    by_prep: dict[str, dict[str, str]] = {}
    by_subject: dict[str, dict[str, str]] = {}
    sets = synonym_sets(text)
    block: list[str] = []
    block_code: str | None = None
    for raw in text.splitlines():
        line = strip_comment(raw).strip()
        header = re.match(r"^---\s+(\S+)\s+\[([0-9-]+)\]", line)
        if header:
            block, block_code = [], header.group(2) if header.group(2) != "---" else None
            continue
        if not line or line.startswith(("&", "!")):
            continue
        pattern = re.match(r"^-\s+(.+?)\s+" + _CODE + r"$", line)
        if pattern:
            body, sense = pattern.group(1).strip(), plover_of(pattern.group(2), table)
            particle = re.fullmatch(r"\*\s+([A-Z]+)", body)
            prep, subject = prepositional(body, sets), subject_side(body, sets)
            if ":" in line.rsplit("[", 1)[-1]:
                # a code with its mirror ("&PKO * [0861:074]"): which side's act the first
                # half is depends on whose subject the pattern names, so it is not read
                subject = None
            for verb in written_for(raw, block) if sense and (prep or subject) else ():
                if prep and prep[1] is None:
                    verbs.setdefault(f"{verb} {prep[0]}", sense)  # "talk with"
                elif prep:
                    by_prep.setdefault(verb, {}).setdefault(f"{prep[0]} {prep[1]}", sense)
                elif subject:
                    by_subject.setdefault(verb, {}).setdefault(subject, sense)
            named = written_for(raw, block)
            for verb in block:
                if sense and particle and particle.group(1).lower() in PARTICLES:
                    verbs.setdefault(f"{verb} {particle.group(1).lower()}", sense)
                    continue  # "- * UP": the phrasal verb "build up", not an object "up"
                for noun in pattern_objects(body, sets):
                    if sense:
                        # the pattern written for this verb, else the first of its block's
                        into = written if named == [verb] and len(block) > 1 else objects
                        into.setdefault(verb, {}).setdefault(noun, sense)
                    elif pattern.group(2).startswith("01"):
                        statements.setdefault(verb, set()).add(noun)
            continue
        if line.startswith("-"):
            continue
        entry = re.match(r"^\+?([A-Z][A-Z_]*)\s*(?:\{[^}]*\})?\s*(?:\[([0-9:-]+)\])?", line)
        if not entry:
            continue
        verb = phrase(entry.group(1))
        block.append(verb)
        own = (entry.group(2) or "").split(":")[0]
        inherited = block_code if block_code not in NON_SPECIFIC else None
        code = own if own and own != "---" else inherited
        sense = plover_of(code, table) if code else None
        if sense and verb not in verbs:
            verbs[verb] = sense
    for verb, nouns in written.items():
        objects[verb] = {**objects.get(verb, {}), **nouns}
    used = {noun for nouns in objects.values() for noun in nouns if noun.startswith("&")}
    used |= {n.split(" ", 1)[1] for nouns in by_prep.values() for n in nouns if " &" in n}
    used |= {noun for nouns in by_subject.values() for noun in nouns if noun.startswith("&")}
    return {
        "noun_sets": {name.lower(): sets[name] for name in sorted(sets) if name.lower() in used},
        "verbs": dict(sorted(verbs.items())),
        "object_senses": dict(sorted(objects.items())),
        "statements": {verb: sorted(nouns) for verb, nouns in sorted(statements.items())},
        "prep_senses": dict(sorted(by_prep.items())),
        "subject_senses": dict(sorted(by_subject.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__)
        return 2
    petrarch, plover = argv[1], argv[2]
    OUT.mkdir(parents=True, exist_ok=True)
    agents = convert_agents(show(petrarch, f"{DICTS}/Phoenix.agents.txt"))
    actors = convert_actors([show(petrarch, f"{DICTS}/{name}") for name in ACTOR_FILES])
    table = plover_map(show(plover, "CAMEO2PLOVER-2021.txt"))
    verbs = convert_verbs(show(petrarch, f"{DICTS}/CAMEO.2.0.txt"), table)
    agents_out = {"_about": ABOUT["agents.json"], **agents}
    verbs_out = {"_about": ABOUT["cameo_verbs.json"], **verbs}
    (OUT / "agents.json").write_text(json.dumps(agents_out, indent=0, sort_keys=True) + "\n")
    (OUT / "cameo_verbs.json").write_text(json.dumps(verbs_out, indent=0) + "\n")
    blob = json.dumps(actors, separators=(",", ":"), sort_keys=True).encode("utf-8")
    (SHARED / "phoenix_actors.json.gz").write_bytes(gzip.compress(blob, mtime=0))
    sources = {
        "_about": ABOUT["SOURCES.json"],
        "petrarch2": {
            "repository": "https://github.com/openeventdata/petrarch2",
            "commit": head(petrarch),
            "paths": [
                f"{DICTS}/{n}" for n in ("Phoenix.agents.txt", *ACTOR_FILES, "CAMEO.2.0.txt")
            ],
            "licence": "MIT (LICENSE.petrarch2 beside this file)",
            "outputs": ["agents.json", "cameo_verbs.json", "../../../data/phoenix_actors.json.gz"],
        },
        "PLOVER": {
            "repository": "https://github.com/openeventdata/PLOVER",
            "commit": head(plover),
            "paths": ["CAMEO2PLOVER-2021.txt"],
            "licence": "CC BY-SA 4.0 (the CAMEO-to-PLOVER mapping inside cameo_verbs.json)",
        },
        "script": "scripts/convert_petrarch.py",
    }
    (OUT / "SOURCES.json").write_text(json.dumps(sources, indent=1) + "\n")
    (OUT / "LICENSE.petrarch2").write_text(show(petrarch, "LICENSE"))
    counts = Counter({"agents": len(agents), "actors": len(actors)})
    counts.update(verbs=len(verbs["verbs"]), verb_objects=len(verbs["object_senses"]))
    counts.update(verb_statements=len(verbs["statements"]))
    counts.update(verb_preps=sum(len(v) for v in verbs["prep_senses"].values()))  # type: ignore[attr-defined]
    counts.update(verb_subjects=sum(len(v) for v in verbs["subject_senses"].values()))  # type: ignore[attr-defined]
    print(dict(counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
