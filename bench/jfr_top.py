#!/usr/bin/env python3
"""Where the CPU samples of a JFR recording go (Python 3 standard library only).

    bench/jfr_top.py RECORDING.jfr [--alloc] [--threads REGEX] [--under TEXT] [--top N] [--package PREFIX]
                     [--callees TEXT] [--count TEXT]... [--category LABEL=TEXT[|TEXT...]]...

With --alloc, where the allocated bytes go instead: the jdk.ObjectAllocationSample events, each
counted with its weight (bytes), same reports.

Reads the jdk.ExecutionSample events (through the JDK's `jfr print --json --stack-depth 64`) of the
threads whose name matches REGEX (default: every thread) and prints
  - self: the methods on top of the stack, with their share of the samples;
  - inclusive: the methods anywhere in the stack (once per sample), with their share;
  - first PREFIX frame: for each sample, the innermost frame whose class starts with PREFIX
    (default "org.longbox."), i.e. which of the application's methods the time is spent under.
--under keeps only the samples with a frame containing TEXT (e.g. "BookFiles.page").
--callees TEXT also prints what the first (outermost) frame containing TEXT calls, per sample.
--count TEXT (repeatable) also prints the share of the samples with a frame containing TEXT.
--category LABEL=TEXT (repeatable, in order) puts each sample in the first category one of whose
texts (separated by |) a frame contains, else in "other", and prints the shares: a breakdown that
adds up to 100%.
A TEXT that starts with "=" must be the whole frame (class.method), e.g. "=org.longbox.media.SafeXml.parse".
Recordings made with bench/library.sh BENCH_JFR=1 use settings=profile (a sample every 10 ms per
running thread), so a 15 s run on 2 cores gives a few thousand samples: shares are good to +-2 points.
"""
import argparse
import collections
import json
import re
import subprocess
import sys


def frames_of(event):
    trace = event["values"].get("stackTrace") or {}
    out = []
    for f in trace.get("frames") or []:
        m = f.get("method") or {}
        cls = ((m.get("type") or {}).get("name") or "?").replace("/", ".")
        out.append(f"{cls}.{m.get('name', '?')}")
    return out


def thread_of(event):
    t = event["values"].get("sampledThread") or event["values"].get("eventThread") or {}
    return t.get("javaName") or t.get("osName") or "?"


def matches(text, frame):
    return frame == text[1:] if text.startswith("=") else text in frame


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("recording")
    ap.add_argument("--alloc", action="store_true", help="allocation samples (bytes) instead of CPU samples")
    ap.add_argument("--threads", default="", help="regex on the thread name")
    ap.add_argument("--under", default="", help="keep samples with a frame containing this text")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--package", default="org.longbox.")
    ap.add_argument("--callees", default="", help="print the callees of the frame containing this text")
    ap.add_argument("--count", action="append", default=[], help="print the share of samples with this text")
    ap.add_argument("--category", action="append", default=[], help="LABEL=TEXT[|TEXT...], first match wins")
    args = ap.parse_args()

    event_type = "jdk.ObjectAllocationSample" if args.alloc else "jdk.ExecutionSample"
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", event_type,
                          args.recording], check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    pattern = re.compile(args.threads)
    samples = []
    threads = collections.Counter()
    for e in events:
        name = thread_of(e)
        if not pattern.search(name):
            continue
        fr = frames_of(e)
        if not fr or (args.under and not any(matches(args.under, f) for f in fr)):
            continue
        w = int(e["values"].get("weight") or 0) if args.alloc else 1
        samples.append((fr, w))
        threads[re.sub(r"[-_ ]?\d+$", "-N", name)] += w
    total = sum(w for _, w in samples)
    unit = "bytes" if args.alloc else "samples"
    print(f"{args.recording}: {len(events)} {event_type} events, {len(samples)} kept, {total} {unit}"
          f"{' (%.1f MiB)' % (total / 1048576) if args.alloc else ''}"
          f" (threads /{args.threads}/{', under ' + repr(args.under) if args.under else ''})")
    if total == 0:
        return 1
    print("threads: " + ", ".join(f"{n} {c}" for n, c in threads.most_common(6)))

    def fmtw(c):
        return f"{c / 1048576:8.1f} MiB" if args.alloc else f"{c:6d}"

    def show(title, counter):
        print(f"\n{title}")
        for name, c in counter.most_common(args.top):
            print(f"  {100.0 * c / total:5.1f}%  {fmtw(c)}  {name}")

    self_ = collections.Counter()
    for fr, w in samples:
        self_[fr[0]] += w
    show("self (top frame):", self_)
    inclusive = collections.Counter()
    for fr, w in samples:
        for f in set(fr):
            inclusive[f] += w
    show("inclusive (anywhere in the stack):", inclusive)
    first = collections.Counter()
    for fr, w in samples:
        first[next((f for f in fr if f.startswith(args.package)), f"(no {args.package} frame)")] += w
    show(f"innermost {args.package} frame:", first)
    if args.callees:
        callees = collections.Counter()
        for fr, w in samples:
            hits = [i for i, f in enumerate(fr) if matches(args.callees, f)]
            if hits:
                i = hits[-1]  # frames are innermost first: the last hit is the outermost
                callees[fr[i - 1] if i > 0 else "(self)"] += w
        show(f"called by the outermost frame containing {args.callees!r} (share of all kept samples):", callees)
    if args.count:
        print("\ncounts (share of the kept samples with a frame containing the text):")
        for text in args.count:
            c = sum(w for fr, w in samples if any(matches(text, f) for f in fr))
            print(f"  {100.0 * c / total:5.1f}%  {fmtw(c)}  {text}")
    if args.category:
        cats = []
        for spec in args.category:
            label, _, texts = spec.partition("=")
            cats.append((label, texts.split("|")))
        shares = collections.Counter()
        for fr, w in samples:
            shares[next((label for label, texts in cats if any(matches(t, f) for t in texts for f in fr)), "other")] += w
        print("\nbreakdown (first matching category):")
        for label in [c[0] for c in cats] + ["other"]:
            print(f"  {100.0 * shares[label] / total:5.1f}%  {fmtw(shares[label])}  {label}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # | head
        sys.exit(0)
