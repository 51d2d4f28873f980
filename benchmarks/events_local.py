"""Event types on our own sentences in the held-out judges' styles: type P/R/F1, per style,
and recall and precision on the four ACLED classes.

    python benchmarks/events_local.py [--show] [--first]
    python benchmarks/events_local.py --wire [--show]

The gold (`tests/fixtures/events_local/sentences.jsonl`, written for this project, CC0) gives,
per sentence, its style (`wire`: datelined wire copy with "officials said"; `acled`: one-line
incident summaries; `headline`: title case; `passive`: agentless or by-phrase passives;
`none`: statements, forecasts, hypotheticals and negated acts) and its one PLOVER type or
null. They were written before the system's output on them was looked at, so the first figure
is an honest estimate of the held-out judges (issue 14), and every later figure is tuned.

Scoring follows the judges' one event per sentence: per sentence, the distinct types the
record's events carry are the predictions; the gold type among them is a true positive and
every other type a false positive. `--first` keeps only the sentence's first event (issue 14's
idea of one type per sentence). The ACLED figure is over the sentences whose gold is ASSAULT,
PROTEST, COERCE or AGREE: recall of those, and precision of every type predicted on them.

`--wire` scores two more sets (`wire.jsonl`, set A: 63 sentences, 66 events; `wire_b.jsonl`,
set B: 32 sentences, 29 events, written after set A's fixes; both CC0, each labelled and
committed before the system was run on it): wire copy with datelines, two acts in two clauses,
passives, "X's forces", ministries and agents of a named country, titles with names, offices
without a person. Each gold event has its type and its source and target codes (country and
sector, "RUS MIL"; a body above states is "IGO"). It is scored the way the judges' `score.py
events` scores: an event's countries are the `country` of the entities its actor and recipient
refer to; mirrored events of one type merge into one reciprocal event, events of one type on one
trigger merge their countries; then per sentence one-to-one greedy matching. `type` needs the
same type; `dyad_dir` also the same source and the same target country sets.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from dateline import analyze
from dateline.facade import to_record

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "events_local"
ACLED = ("ASSAULT", "PROTEST", "COERCE", "AGREE")


def load() -> list[dict[str, str | None]]:
    """The gold sentences, in file order."""
    lines = (FIXTURE / "sentences.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def predict(text: str, first: bool) -> list[str]:
    """The distinct types the record codes in `text`, in sentence order."""
    types: list[str] = []
    for event in analyze(text).events:
        if event.type not in types:
            types.append(event.type)
    return types[:1] if first else types


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score(show: bool, first: bool) -> dict[str, Counter[str]]:
    """Counts per group ('all', each style, 'acled4', each gold type's recall)."""
    counts: dict[str, Counter[str]] = {}
    for gold in load():
        want, style = gold["type"], str(gold["style"])
        got = predict(str(gold["text"]), first)
        hit = want is not None and want in got
        groups = ["all", style] + (["acled4"] if want in ACLED else [])
        for group in groups:
            c = counts.setdefault(group, Counter())
            c["tp"] += hit
            c["fp"] += len(got) - hit
            c["fn"] += want is not None and not hit
        per_type = counts.setdefault(f"type:{want}", Counter())
        per_type["n"] += 1
        per_type["hit"] += hit
        if show and (len(got) > hit or (want is not None and not hit)):
            print(f"{gold['id']} [{style}] gold={want} got={got}: {gold['text']}")
    return counts


NON_STATE = {"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"}
Dyad = tuple[str, frozenset[str], frozenset[str]]


def countries(codes: list[str | None]) -> frozenset[str]:
    """The country part of CAMEO-style codes ("RUS MIL" -> RUS), bodies above states dropped."""
    out = {str(c)[:3] for c in codes if c and str(c)[:3] not in NON_STATE}
    return frozenset(out)


def predicted_dyads(text: str) -> list[tuple[Dyad, tuple[int, int]]]:
    """The record's events as (type, actor countries, recipient countries), with the trigger."""
    record = to_record(analyze(text))
    country = {e["id"]: e.get("country") for e in record["entities"]}
    out: list[tuple[Dyad, tuple[int, int]]] = []
    for ev in record["events"]:
        a = countries([country.get(ev["actor"] or "")])
        r = countries([country.get(ev["recipient"] or "")])
        out.append(((str(ev["type"]), a, r), (ev["trigger"]["start"], ev["trigger"]["end"])))
    return out


def merged(events: list[tuple[Dyad, tuple[int, int]]]) -> list[Dyad]:
    """score.py's two merges: A->B with B->A of one type is one reciprocal event; one type on
    one trigger is one event with the union of the countries."""
    out: list[Dyad] = []
    used: set[int] = set()
    for i, ((t, a, r), _) in enumerate(events):
        if i in used:
            continue
        for j in range(i + 1, len(events)):
            (t2, a2, r2), _ = events[j]
            if j not in used and t2 == t and a and r and a2 == r and r2 == a:
                a, r = a | r, frozenset()
                used.add(j)
                break
        events[i] = ((t, a, r), events[i][1])
    by_key: dict[tuple[str, tuple[int, int]], int] = {}
    for i, ((t, a, r), span) in enumerate(events):
        if i in used:
            continue
        if (t, span) in by_key:
            k = by_key[(t, span)]
            out[k] = (t, out[k][1] | a, out[k][2] | r)
            continue
        by_key[(t, span)] = len(out)
        out.append((t, a, r))
    return out


def match(gold: list[Dyad], got: list[Dyad], dyad: bool) -> int:
    """One-to-one greedy matches in gold order (type only, or type and both country sets)."""
    free, hits = list(got), 0
    for g in gold:
        for p in free:
            if p[0] == g[0] and (not dyad or (p[1], p[2]) == (g[1], g[2])):
                free.remove(p)
                hits += 1
                break
    return hits


def _wire_gold() -> list[dict[str, Any]]:
    """Both wire sets' gold, each line marked with its set: `wire.jsonl` (set A, the one the
    sixth stop's fixes were made from) and `wire_b.jsonl` (set B, written and labelled after
    those fixes, before the system was run on it: the honest figure for them)."""
    out: list[dict[str, Any]] = []
    for name, label in (("wire.jsonl", "set A"), ("wire_b.jsonl", "set B")):
        lines = (FIXTURE / name).read_text("utf-8").splitlines()
        out += [dict(json.loads(line), set=label) for line in lines if line.strip()]
    return out


def score_wire(show: bool) -> None:
    """Type and dyad_dir P/R/F1 on the wire set, overall and per style."""
    counts: dict[str, Counter[str]] = {}
    for gold in _wire_gold():
        want = [(e["type"], countries(e["source"]), countries(e["target"])) for e in gold["events"]]
        got = merged(predicted_dyads(gold["text"]))
        for group in ("all", gold["set"], gold["style"]):
            c = counts.setdefault(group, Counter())
            c["gold"] += len(want)
            c["pred"] += len(got)
            c["type"] += match(want, got, False)
            c["dyad"] += match(want, got, True)
        if show and (match(want, got, True) < len(want) or len(got) > len(want)):
            print(f"{gold['id']} gold={fmt(want)} got={fmt(got)}: {gold['text']}")
    for group, c in counts.items():
        tp = prf(c["type"], c["pred"] - c["type"], c["gold"] - c["type"])
        dy = prf(c["dyad"], c["pred"] - c["dyad"], c["gold"] - c["dyad"])
        print(
            f"{group:10s} type P {tp[0]:.3f} R {tp[1]:.3f} F1 {tp[2]:.3f}  dyad_dir F1 {dy[2]:.3f}"
            f"  (gold {c['gold']}, pred {c['pred']})"
        )
    print("command: python benchmarks/events_local.py --wire")


def fmt(dyads: list[Dyad]) -> str:
    """Dyads as TYPE:A>B for --show."""
    return " ".join(f"{t}:{','.join(sorted(a))}>{','.join(sorted(r))}" for t, a, r in dyads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every wrong sentence")
    parser.add_argument("--first", action="store_true", help="keep only the first event")
    parser.add_argument("--wire", action="store_true", help="score the wire set with dyads")
    args = parser.parse_args()
    if args.wire:
        score_wire(args.show)
        return
    counts = score(args.show, args.first)
    for group in ["all", "wire", "acled", "headline", "passive", "none", "acled4"]:
        c = counts.get(group, Counter())
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{group:9s} type P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {c['tp']} fp {c['fp']})")
    recalls = []
    for name in ACLED:
        c = counts.get(f"type:{name}", Counter())
        recalls.append(f"{name} {c['hit']}/{c['n']}")
    print("recall: " + ", ".join(recalls))
    print("command: python benchmarks/events_local.py" + (" --first" if args.first else ""))


if __name__ == "__main__":
    main()
