#!/usr/bin/env python3
"""Rewrites a rule pack written before the rule language of issue 16 in the current language.

    scripts/migrate-pack.py my-pack.yaml [more.yaml ...]     (rewrites the files in place)

- 'label: neutral' becomes 'neutral: true'; 'label: <kind>' becomes 'kind: <kind>' (direction stays).
- A numbered 'priority: N' becomes the band the default packs moved that number to (10-29 backchannel,
  30-44 answer, 45-49 general, 50-54 specific (the default, so the line goes), 55-69 reversal, 70+ frame).
- Token tests that a macro of rules/common.yaml stands for are replaced by the macro ('[{word:/(?i)i/}]'
  becomes '$I'); the compiled pattern is the same text as before. The pack then needs rules/common.yaml
  loaded beside it, as it is with the default packs (with --only-rules, name common.yaml too).

Numbers inside one band no longer rank rules: where two rules of one band used to differ and can fire on
the same sentence, list the weaker under the stronger's 'overrides:'. The script names those pairs of each
file so that you can decide; check the result with 'changetalk rules check FILE'. Standard library only.
"""
import os
import re
import sys

COMMON = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'rules', 'common.yaml')
BANDS = [('backchannel', 30), ('answer', 45), ('general', 50), ('specific', 55), ('reversal', 70), ('frame', 10**9)]


def band(n):
    return next(name for name, below in BANDS if n < below)


def macros():
    """Macro bodies of rules/common.yaml, longest first, so that no macro eats part of a longer one."""
    out = []
    in_macros = False
    for line in open(COMMON, encoding='utf-8'):
        if re.match(r'^\S', line):
            in_macros = line.startswith('macros:')
            continue
        m = re.match(r"^  ([A-Z][A-Z0-9_]*):\s*'((?:[^']|'')*)'", line)
        if in_macros and m:
            out.append((m.group(2).replace("''", "'"), '$' + m.group(1)))
    return sorted(out, key=lambda p: -len(p[0]))


def migrate(path, bodies):
    lines = open(path, encoding='utf-8').read().split('\n')
    out, rule, numbers = [], None, {}
    for line in lines:
        m = re.match(r'^\s*- id:\s*(\S+)', line)
        if m:
            rule = m.group(1)
        m = re.match(r'^(\s*)label:\s*(\S+)\s*$', line)
        if m:
            out.append(m.group(1) + ('neutral: true' if m.group(2) == 'neutral' else 'kind: ' + m.group(2)))
            continue
        m = re.match(r'^(\s*)priority:\s*(-?\d+)\s*$', line)
        if m:
            n = int(m.group(2))
            numbers[rule] = n
            if band(n) != 'specific':
                out.append(m.group(1) + 'priority: ' + band(n))
            continue
        m = re.match(r"^(\s*(?:- )?tokens:\s*)'(.*)'\s*$", line)
        if m:
            text = m.group(2).replace("''", "'")
            for body, name in bodies:
                text = text.replace(body, name)
            line = m.group(1) + "'" + text.replace("'", "''") + "'"
        out.append(line)
    open(path, 'w', encoding='utf-8').write('\n'.join(out))
    by_band = {}
    for r, n in numbers.items():
        by_band.setdefault(band(n), []).append((n, r))
    for name, rules in by_band.items():
        if len({n for n, _ in rules}) > 1:
            ranked = ', '.join('%s (%d)' % (r, n) for n, r in sorted(rules, reverse=True))
            print('%s: band %s holds rules that were ranked by number: %s; add overrides where they can fire on the'
                  ' same sentence' % (path, name, ranked))


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    found = macros()
    for f in sys.argv[1:]:
        migrate(f, found)
