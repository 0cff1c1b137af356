#!/usr/bin/env python3
"""Writes a long book made of the sample book's chapters repeated: bench/genbook.py SAMPLE_DIR OUT_DIR COPIES

The front matter, appendix and back matter appear once; the parts (the `toc:` list of book.yml) appear COPIES times.
Copy n >= 2 lives in chapters-c<n>/ (beside chapters/, so relative paths to figures/ still hold) with every label the
chapters define renamed <label>-c<n>, in definitions and references alike, so the long book has no duplicate labels
and each copy's cross-references stay inside that copy. Only the standard library; no YAML module needed."""
import os, re, shutil, sys

src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(dst, ignore_errors=True)
os.makedirs(dst)
for name in os.listdir(src):
    p = os.path.join(src, name)
    if name in ('out', 'target', 'src', 'bench', 'docs', 'scripts', 'styles') or name.startswith('.'):
        continue
    if os.path.isfile(p) and not name.endswith(('.yml', '.yaml', '.bib')):
        continue
    (shutil.copytree if os.path.isdir(p) else shutil.copy2)(p, os.path.join(dst, name))

yml = open(os.path.join(src, 'book.yml'), encoding='utf-8').read()
m = re.search(r'^toc:\n((?:[ \t].*\n|\n)*)', yml, re.M)
toc = m.group(1).rstrip('\n') + '\n'
files = re.findall(r'file:\s*(\S+)', toc)

label_def = re.compile(r'^\((?P<a>[\w.:-]+)\)=|:(?:label|name):\s*(?P<b>[\w.:-]+)|\\label\{(?P<c>[\w.:-]+)\}', re.M)
labels = set()
for f in files:
    for mm in label_def.finditer(open(os.path.join(src, f), encoding='utf-8').read()):
        labels.add(mm.group('a') or mm.group('b') or mm.group('c'))
# a label inside the punctuation MyST and TeX put around it: (x)=  {ref}`x`  <x>  #x  \ref{x}  \label{x}, or after
# :label: / :name: -- never a word of prose that happens to equal a label
alts = '|'.join(sorted(map(re.escape, labels), key=len, reverse=True))
pattern = re.compile(r'(?:(?<=[(`<#{])|(?<=:label: )|(?<=:name: ))(' + alts + r')(?=[)`>}\s"\\,]|$)', re.M) \
    if labels else None

new_toc = toc
for n in range(2, copies + 1):
    folder = 'chapters-c%d' % n
    os.makedirs(os.path.join(dst, folder), exist_ok=True)
    part = toc
    for f in files:
        text = open(os.path.join(src, f), encoding='utf-8').read()
        if pattern:
            text = pattern.sub(lambda mm: mm.group(1) + '-c%d' % n, text)
        target = os.path.join(folder, os.path.basename(f))
        open(os.path.join(dst, target), 'w', encoding='utf-8').write(text)
        part = part.replace('file: ' + f, 'file: ' + target)
    part = re.sub(r'(- title:\s*)(.*)', lambda mm: mm.group(1) + mm.group(2) + ' (%d)' % n, part)
    new_toc += part
yml = yml[:m.start(1)] + new_toc + yml[m.end(1):]
yml = re.sub(r'^title:\s*(.*)$', lambda mm: 'title: ' + mm.group(1) + ' (x%d)' % copies, yml, count=1, flags=re.M)
open(os.path.join(dst, 'book.yml'), 'w', encoding='utf-8').write(yml)
