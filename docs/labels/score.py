#!/usr/bin/env python3
"""score.py BINARY TAG NAME... : runs BINARY from each module root of the
labelled repository NAME (a clone at the labelled commit in $REPOS/NAME,
default /work/repos) and scores its unguarded-update and unchecked-result
findings against NAME.tsv beside this script. The findings are kept in
$OUT/NAME.TAG.json (default /tmp/labels-out), and read from there when
present."""
import json, os, re, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
REPOS = os.environ.get('REPOS', '/work/repos')
OUT = os.environ.get('OUT', '/tmp/labels-out')
os.makedirs(OUT, exist_ok=True)
binary, tag = sys.argv[1], sys.argv[2]
names = sys.argv[3:]
RULES = {'unguarded-update': 2, 'unchecked-result': 3}
tot = {r: [0, 0, 0, 0] for r in RULES}  # expected, tp, fp, fn
for name in names:
    tsv = os.path.join(HERE, f'{name}.tsv')
    lines = open(tsv).read().splitlines()
    m = re.search(r'module-roots\s+(.*)$', lines[0])
    roots = m.group(1).split() if m else ['.']
    repo = os.path.join(REPOS, name)
    labels = {}
    for l in lines:
        if l.startswith('#') or not l.strip():
            continue
        parts = l.split('\t')
        if len(parts) < 4:
            continue
        labels[parts[0].strip()] = parts
    cache = os.path.join(OUT, f'{name}.{tag}.json')
    if os.path.exists(cache):
        found = json.load(open(cache))
    else:
        found = []
        for r in roots:
            out = subprocess.run([binary, '-json', '-rules=unguarded-update,unchecked-result', './...'],
                                 cwd=os.path.join(repo, r), capture_output=True, text=True,
                                 env=dict(os.environ, GOFLAGS='-mod=mod')).stdout
            try:
                data = json.loads(out) if out.strip() else {}
            except Exception as e:
                print(name, r, 'bad json', e, out[:200]); data = {}
            for pkg, an in data.items():
                for d in an.get('mongocas', []) if isinstance(an, dict) else []:
                    f, line = d['posn'].rsplit(':', 2)[0], d['posn'].rsplit(':', 2)[1]
                    found.append([os.path.relpath(f, repo) + ':' + line, d['category'], d['message'][:160]])
        json.dump(found, open(cache, 'w'))
    print(f'== {name}')
    for rule, col in RULES.items():
        exp = {k for k, p in labels.items() if p[col].strip() == 'yes'}
        neg = {k for k, p in labels.items() if p[col].strip() not in ('yes', 'wrapper')}
        inwrap = {k for k, p in labels.items() if p[col].strip() == 'wrapper'}
        got = {f[0] for f in found if f[1] == rule}
        # A write in a session parameter's session is reported at the
        # calls that pass nil ("... the write it runs at FILE:LINE ..."):
        # that finding stands for the labelled write.
        atcaller = set()
        for f in found:
            m = re.search(r'the write it runs at ([^ :]+):(\d+) ', f[2]) if f[1] == rule else None
            if m:
                atcaller |= {k for k in exp if os.path.basename(k.rsplit(':', 1)[0]) == m.group(1) and k.rsplit(':', 1)[1] == m.group(2)}
        got |= atcaller
        tp, fn = exp & got, exp - got
        fp = got & neg
        unl = {f[0] for f in found if f[1] == rule} - set(labels)
        wr = got & inwrap
        tot[rule][0] += len(exp); tot[rule][1] += len(tp); tot[rule][2] += len(fp); tot[rule][3] += len(fn)
        print(f'  {rule}: expected {len(exp)} found {len(tp)} false(labelled no) {len(fp)} missed {len(fn)} unlabelled-findings {len(unl)} inside-wrappers {len(wr)}')
        for k in sorted(fp): print('     FP', k, labels[k][2:5])
        for k in sorted(fn): print('     FN', k, labels[k][4] if len(labels[k]) > 4 else '')
        for k in sorted(atcaller & exp): print('     FOUND-AT-CALLER', k)
        for k in sorted(unl): print('     UNLABELLED', k, [f[2] for f in found if f[0] == k][0])
print('TOTAL', tot)
