#!/usr/bin/env python3
"""The real-projects gate (issue 11 item 2): builds every project in a corpus folder and holds each build to the bar.

usage: projects-gate.py [--corpus DIR] [--out DIR] [--table FILE.md] [--report-only [PROJECT:]CHECK,...]

For each project (a folder holding book.yml, myst.yml or _toc.yml) it runs `./book build PROJECT --out OUT/NAME/NAME.pdf`,
then checks:
  pdf        a PDF was written
  source     the build wrote nothing into the project folder (it is built where it lies, --out OUT/NAME/NAME.pdf)
  internal   no `internal-error` diagnostic
  coverage   ../shared/tools/coverage.py: at least 99.5% of the prose runs found and 0 lost passages
  refs       no `ref-unresolved` for a label the project defines (see defined_labels: a label is the project's own when
             its sources define it in one of MyST's, HTML's or LaTeX's ways, or it is the slug of one of its headings;
             any other label - another project's documentation, a web anchor, a typo - is counted and shown, not failed)
  math       `math-parse` failures at most 0.1% of the formulas (formulas counted in the sources: $...$, $$...$$,
             {math} directives and roles, \\begin{...} environments at the top level of Markdown, text/latex outputs),
             and no `math-unpainted` (a formula that kept its room on the page but painted fewer glyphs than it has)
  readback   the PDF reads back: every content stream parses, no unknown operator, no NaN/Infinity (check.ReadBack)
  glyphs     no glyph printed as '#' (`glyph-missing` count 0)
  trim       no text past the trim box (check.ReadBack: glyph runs against each page's trim box)
  pdfua      veraPDF's PDF/UA-1 profile finds no failed rule (scripts/verapdf.sh; veraPDF is a test-scope dependency)
  page-ends  no heading left alone at the foot of a page (check.PageEnds)
  widows     no paragraph broken across pages with a single line at the foot or the head of one
             (check.WidowsOrphans, on the tagged PDF's P elements)
  underfull  report only (issue 15): justified lines whose spaces FOP stretched beyond the style's word-spacing
             (check.LineStretch: ratio > 1), those TeX would call underfull (ratio > 2.15) and FOP's overfull lines
             (layout-overflow); never fails the gate
Each build's diagnostics are kept in OUT/NAME.log. Prints a line per project and check, writes the table (pages, seconds, coverage, diagnostics by rule id) when --table
is given, and exits 1 when a check fails that is not listed in --report-only (those are printed as REPORTED).
"""
import argparse, fcntl, json, os, pathlib, re, shutil, subprocess, sys, tempfile, time, unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent

# The gate's checks, in the order they print: each is one function of a project's result r -> (passed, detail),
# registered with @check(NAME). A check that needs its own measurement of the PDF (a validator, a count) registers a
# function with @measure that runs after the build and stores what it finds in r. report=True makes a check print
# REPORTED instead of failing (a count to watch, not a bar).
CHECKS = []      # (name, function, report)
MEASURES = []    # function(r, project, pdf, tools)


def check(name, report=False):
    def register(f):
        CHECKS.append((name, f, report))
        return f
    return register


def measure(f):
    MEASURES.append(f)
    return f
DIAG = re.compile(r'^(?:\S.*?: )?(error|warning|info): (.*) \[([A-Za-z0-9_.-]+)\]\s*$')
CONFIGS = ('book.yml', 'myst.yml', '_toc.yml')


def product_check(cls, pdf, *args):
    """Run one of the product's PDF checks (org.bookbuild.check.CLS) from the built jar on a PDF."""
    jar = ROOT / 'target' / 'bookbuild.jar'
    return subprocess.run(['java', '-Djava.awt.headless=true', '-cp', str(jar), 'org.bookbuild.check.' + cls, str(pdf),
                           *args], capture_output=True, text=True)


def sources(project):
    """Markdown text of every .md page and notebook markdown cell, plus the count of text/latex outputs."""
    texts, latex_outputs = [], 0
    for p in sorted(project.rglob('*')):
        if any(part.startswith('.') or part in ('_build', 'out') for part in p.relative_to(project).parts):
            continue
        if p.suffix == '.md':
            texts.append(p.read_text(encoding='utf-8', errors='replace'))
        elif p.suffix == '.ipynb':
            try:
                nb = json.loads(p.read_text(encoding='utf-8', errors='replace'))
            except ValueError:
                continue
            for c in nb.get('cells', []):
                src = c.get('source', '')
                src = ''.join(src) if isinstance(src, list) else str(src)
                if c.get('cell_type') == 'markdown':
                    texts.append(src)
                    md = c.get('metadata', {}) or {}
                    for k in ('label', 'name'):
                        if isinstance(md.get(k), str):
                            texts.append('(%s)=' % md[k])
                elif c.get('cell_type') == 'code':
                    for o in c.get('outputs', []) or []:
                        if 'text/latex' in (o.get('data') or {}):
                            latex_outputs += 1
                    texts.append('\n'.join(l for l in src.splitlines() if l.startswith('#|')))
    return texts, latex_outputs


FENCE = re.compile(r'^(\s*)(`{3,}|~{3,})(.*)$')


def split_code(text):
    """(prose, directive-fence info strings): code fences other than MyST directives are left out of the prose."""
    out, infos, fence = [], [], None
    for line in text.splitlines():
        m = FENCE.match(line)
        if fence:
            if m and m.group(2)[0] == fence[0] and len(m.group(2)) >= len(fence) and not m.group(3).strip():
                fence = None
            elif keep:
                out.append(line)
            continue
        if m:
            fence = m.group(2)
            info = m.group(3).strip()
            keep = info.startswith('{') and not info.startswith('{code')
            infos.append(info)
            continue
        out.append(line)
    return '\n'.join(out), infos


def slug(s):
    s = unicodedata.normalize('NFKD', s).lower()
    s = re.sub(r'[^\w\s-]', '', s)
    return re.sub(r'[\s]+', '-', s.strip())


def defined_labels(texts):
    """Labels the project defines explicitly ((label)= targets, :label:/:name: options, \\label{}, HTML id=, {#id}
    heading attributes, notebook cell labels) and the slugs of its headings that a Markdown link [](#slug) names.
    A heading's slug is an anchor for links, not a label for {ref} (Sphinx and mystmd agree), so {ref}`slug` alone
    does not make it the project's."""
    labels, slugs, linked = set(), set(), set()
    for t in texts:
        for rx in (r'^\s*\(([^()\s]+)\)=\s*$', r':(?:label|name):\s*(\S+)', r'\\label\{([^}]+)\}',
                   r'\bid\s*=\s*["\']([^"\']+)["\']', r'\{#([^}\s]+)\}', r'^#\|\s*label:\s*(\S+)'):
            labels.update(m.group(1) for m in re.finditer(rx, t, re.M))
        for m in re.finditer(r'^#{1,6}\s+(.+?)\s*#*\s*$', t, re.M):
            slugs.add(slug(m.group(1)))
        linked.update(m.group(1) for m in re.finditer(r'\]\(#([^)\s]+)\)', t))
    return {l.strip().lower() for l in labels} | {s for s in slugs if s in {x.lower() for x in linked}}


def formula_count(texts, latex_outputs):
    n = latex_outputs
    for t in texts:
        prose, infos = split_code(t)
        n += sum(1 for i in infos if i.startswith('{math}'))
        displays = re.findall(r'\$\$.+?\$\$', prose, flags=re.S)
        n += len(displays)
        rest = re.sub(r'\$\$.+?\$\$', ' ', prose, flags=re.S)
        rest = rest.replace('\\$', '')
        n += len(re.findall(r'(?<![\w$])\$[^$\n]+?\$(?!\w)', rest))
        n += len(re.findall(r'\{math\}`', rest))
        n += len(re.findall(r'^\s*\\begin\{(?:equation|align|gather|multline|eqnarray)\*?\}', rest, flags=re.M))
    return n


def run_project(project, out, corpus_tools):
    """Builds the project where it lies (the corpus is read-only input: with --out the build writes its PDF and its
    caches into OUT/NAME/ and nothing into the project, which the 'source' check holds)."""
    name = project.name
    pdf = out / name / (name + '.pdf')
    if (out / name).exists():
        shutil.rmtree(out / name)
    (out / name).mkdir(parents=True)
    before = snapshot(project)
    t0 = time.time()
    p = subprocess.run([str(ROOT / 'book'), 'build', str(project), '--out', str(pdf)],
                       capture_output=True, text=True)
    seconds = time.time() - t0
    (out / (name + '.log')).write_text(p.stderr, encoding='utf-8')
    written = sorted(set(snapshot(project).items()) - set(before.items()))
    rules, unresolved = {}, []
    lines = p.stderr.splitlines()
    for line in lines:
        m = DIAG.match(line)
        if not m:
            continue
        sev, msg, rule = m.groups()
        if sev == 'info':
            continue
        rules[rule] = rules.get(rule, 0) + 1
        if rule == 'ref-unresolved':
            lm = re.search(r"reference to '([^']*)'", msg)
            if lm:
                unresolved.append(lm.group(1))
    r = {'name': name, 'seconds': seconds, 'rules': rules, 'status': p.returncode, 'pdf': pdf.exists(),
         'written': [f for f, _ in written]}
    texts, latex_outputs = sources(project)
    defined = defined_labels(texts)
    own = [l for l in unresolved if l.strip().lstrip('#').lower() in defined]
    r['refs_own'] = own
    r['refs_foreign'] = [l for l in unresolved if l not in own]
    r['formulas'] = formula_count(texts, latex_outputs)
    r['math_failed'] = rules.get('math-parse', 0)
    r['math_unpainted'] = rules.get('math-unpainted', 0)
    if not r['pdf']:
        r['tail'] = '\n'.join(lines[-5:])
        return r
    for m in MEASURES:
        m(r, project, pdf, corpus_tools)
    return r


def snapshot(project):
    """Every file and folder of the project with its modification time (to see what a build wrote there)."""
    return {str(p.relative_to(project)): p.stat().st_mtime_ns for p in project.rglob('*')}


BIBKEY = re.compile(r'@\w+\{\s*([^,\s]+)\s*,')


def citation_source(project, dest):
    """coverage.py takes roles ({cite}`key`) for generated text but reads Pandoc's and mystmd's citations ([@key],
    @key [p. 3]) as prose, so a citation printed as "Nocedal and Wright [1]" counted as lost words. The measured copy
    (config, Markdown and notebooks only) has each citation of a key the project's .bib files hold in role form; the
    text around it is unchanged. Returns dest, or the project itself when it cites nothing that way."""
    keys = set()
    for b in project.rglob('*.bib'):
        keys.update(BIBKEY.findall(b.read_text(encoding='utf-8', errors='replace')))
    if not keys:
        return project
    key = r'(?:\{[^{}]+\}|[\w](?:[\w]|[:.#$%&+?<>~/-](?=\w))*)'
    group = re.compile(r'\[[^\[\]]*?(?<![\w])-?@(' + key + r')[^\[\]]*\]')
    narrative = re.compile(r'(?<![\w@.\[])@(' + key + r')(?:\s\[[^\[\]@]+\])?')
    def role(m):
        return '{cite}`%s`' % m.group(1) if m.group(1).strip('{}') in keys else m.group(0)
    changed = False
    for p in project.rglob('*'):
        rel = p.relative_to(project)
        if any(part.startswith('.') or part in ('_build', 'out') for part in rel.parts) or not p.is_file():
            continue
        if p.suffix not in ('.md', '.ipynb', '.yml', '.yaml', '.bib'):
            continue
        t = p.read_text(encoding='utf-8', errors='replace')
        if p.suffix in ('.md', '.ipynb'):
            u = narrative.sub(role, group.sub(role, t))
            changed |= u != t
            t = u
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        (dest / rel).write_text(t, encoding='utf-8')
    if not changed:
        shutil.rmtree(dest, ignore_errors=True)
        return project
    return dest


@measure
def coverage(r, project, pdf, tools):
    """../shared/tools/coverage.py: prose runs of the sources found in the PDF, lost passages."""
    measured = citation_source(project, pdf.parent / 'coverage-source')
    cov = subprocess.run([sys.executable, str(tools / 'coverage.py'), str(measured), str(pdf)],
                         capture_output=True, text=True)
    m = re.search(r'coverage: ([\d.]+)% of (\d+) runs in (\d+) passages; (\d+) passages lost', cov.stdout)
    r['coverage'] = float(m.group(1)) if m else None
    r['lost'] = int(m.group(4)) if m else None
    r['lost_lines'] = [l for l in cov.stdout.splitlines() if l.startswith('LOST')][:10]
    if not m:
        r['coverage_error'] = (cov.stdout + cov.stderr)[-400:]


@measure
def read_back(r, project, pdf, tools):
    """check.ReadBack, the product's one read-back check: content streams, .notdef glyphs, text past the trim."""
    h = product_check('ReadBack', pdf)
    hm = re.search(r'pages=(\d+) streams=(\d+) stream-faults=(\d+) past-trim=(\d+)', h.stdout)
    if hm:
        r['pages'], r['streams'], r['stream_faults'], r['past_trim'] = map(int, hm.groups())
    else:
        r['pages'] = r['streams'] = None
        r['stream_faults'] = r['past_trim'] = -1
    r['health_details'] = [l.strip() for l in h.stdout.splitlines() if l.startswith('  ')][:10] or [h.stderr[-300:]]


@measure
def line_stretch(r, project, pdf, tools):
    """check.LineStretch: justified lines stretched beyond the style's word-spacing, and those TeX calls underfull."""
    ls = product_check('LineStretch', pdf, '--show', '3')
    lm = re.search(r'lines=(\d+) stretched=(\d+) underfull=(\d+)', ls.stdout)
    r['stretch'] = tuple(map(int, lm.groups())) if lm else None
    r['stretch_worst'] = [l.strip() for l in ls.stdout.splitlines() if l.startswith('  ')]


@check('pdf')
def check_pdf(r):
    return r['pdf'], 'PDF written' if r['pdf'] else 'no PDF (exit %d): %s' % (r['status'], r.get('tail', ''))


@check('source')
def check_source(r):
    w = r.get('written', [])
    return not w, 'nothing written into the project folder' if not w else 'wrote into the project: ' + ', '.join(w[:5])


@check('internal')
def check_internal(r):
    ie = r['rules'].get('internal-error', 0)
    return ie == 0, '%d internal-error' % ie


@check('coverage')
def check_coverage(r):
    cov, lost = r.get('coverage'), r.get('lost')
    return (cov is not None and cov >= 99.5 and lost == 0,
            'coverage %s%%, %s lost' % (cov, lost) + ('' if not r.get('lost_lines') else ': ' + '; '.join(r['lost_lines'][:3]))
            + (r.get('coverage_error', '')))


@check('refs')
def check_refs(r):
    own = r['refs_own']
    return (not own, '%d unresolved references to labels the project defines%s; %d to other labels'
            % (len(own), (' (' + ', '.join(sorted(set(own))[:8]) + ')') if own else '', len(r['refs_foreign'])))


@check('math')
def check_math(r):
    f, failed, unpainted = r['formulas'], r['math_failed'], r.get('math_unpainted', 0)
    return (failed <= 0.001 * max(f, 1) and unpainted == 0,
            '%d of %d formulas fail (%.2f%%), %d painted short' % (failed, f, 100.0 * failed / max(f, 1), unpainted))


@check('readback')
def check_readback(r):
    sf = r.get('stream_faults', -1)
    return sf == 0, '%s content streams, %d faults%s' % (r.get('streams'), sf, '' if sf == 0 else ': ' + '; '.join(
        d for d in r['health_details'] if not d.startswith('past-trim'))[:300])


@check('glyphs')
def check_glyphs(r):
    g = r['rules'].get('glyph-missing', 0)
    return g == 0, '%d glyph-missing' % g


@check('trim')
def check_trim(r):
    pt = r.get('past_trim', -1)
    return pt == 0, '%d glyph runs past the trim%s' % (pt, '' if pt == 0 else ': ' + '; '.join(
        d for d in r['health_details'] if d.startswith('past-trim'))[:300])


@measure
def pdfua(r, project, pdf, tools):
    """veraPDF, PDF/UA-1 profile, on the whole book (issue 15 acceptance 1); its time is printed with the verdict."""
    t0 = time.time()
    v = subprocess.run(['bash', str(ROOT / 'scripts' / 'verapdf.sh'), str(pdf)], capture_output=True, text=True)
    r['ua_seconds'] = time.time() - t0
    m = re.search(r'veraPDF ua1: (\d+) failed rules', v.stdout)
    r['ua_failed'] = int(m.group(1)) if m else -1
    r['ua_details'] = [l.strip() for l in v.stdout.splitlines() if l.startswith('  ')][:5] or [(v.stdout + v.stderr)[-300:]]


@check('pdfua')
def check_pdfua(r):
    n = r.get('ua_failed', -1)
    return n == 0, 'veraPDF PDF/UA-1: %d failed rules (%.0f s)%s' % (
        n, r.get('ua_seconds', 0), '' if n == 0 else ': ' + '; '.join(r['ua_details'])[:400])


@measure
def page_ends(r, project, pdf, tools):
    """check.PageEnds: headings (found through their bookmarks) with no text under them on their page."""
    h = product_check('PageEnds', pdf)
    m = re.search(r'headings=(\d+) stranded=(\d+)', h.stdout)
    r['headings'], r['stranded'] = map(int, m.groups()) if m else (None, -1)
    r['stranded_lines'] = [l.strip() for l in h.stdout.splitlines() if l.startswith('  ')][:5] or [h.stderr[-300:]]


@check('page-ends')
def check_page_ends(r):
    n = r.get('stranded', -1)
    return n == 0, '%d of %s headings end their page%s' % (n, r.get('headings'), '' if n == 0 else ': ' + '; '.join(
        r['stranded_lines'])[:300])


@measure
def widows_orphans(r, project, pdf, tools):
    """check.WidowsOrphans: paragraphs (P elements of the tagged PDF) broken with a single line on one side."""
    h = product_check('WidowsOrphans', pdf)
    m = re.search(r'paragraphs=(\d+) broken=(\d+) widows=(\d+) orphans=(\d+)', h.stdout)
    r['paragraphs'], r['broken'], r['widows'], r['orphans'] = map(int, m.groups()) if m else (None, None, -1, -1)
    r['single_lines'] = [l.strip() for l in h.stdout.splitlines() if l.startswith('  ')][:5] or [h.stderr[-300:]]


@check('widows')
def check_widows(r):
    w, o = r.get('widows', -1), r.get('orphans', -1)
    return (w == 0 and o == 0, '%d widows, %d orphans among %s paragraphs broken across pages (of %s)%s' % (
        w, o, r.get('broken'), r.get('paragraphs'), '' if w == 0 and o == 0 else ': ' + '; '.join(r['single_lines'])[:300]))


@check('underfull', report=True)
def check_underfull(r):
    st, over = r.get('stretch'), r['rules'].get('layout-overflow', 0)
    if st is None:
        return False, 'not measured'
    return (st[2] == 0 and over == 0, '%d of %d adjusted lines stretched beyond the style, %d underfull, %d overfull%s'
            % (st[1], st[0], st[2], over, ('; worst: ' + ' | '.join(r['stretch_worst'])) if st[1] else ''))


def verdicts(r):
    """check -> (passed, detail, report): every registered check, or only 'pdf' when no PDF was written."""
    v = {}
    for name, f, report in CHECKS:
        if not r['pdf'] and name != 'pdf':
            continue
        ok, detail = f(r)
        v[name] = (ok, detail, report)
    return v


def table(results):
    rows = ['| project | pages | seconds | coverage | lost | formulas (failed) | gate | diagnostics by rule id (errors and warnings) |',
            '|---|---|---|---|---|---|---|---|']
    for r in results:
        v = verdicts(r)
        failed = [c for c, _, report in CHECKS if c in v and not v[c][0] and not report]
        diags = ', '.join('%s %d' % (k, n) for k, n in sorted(r['rules'].items(), key=lambda kv: (-kv[1], kv[0])))
        rows.append('| %s | %s | %.0f | %s | %s | %d (%d) | %s | %s |' % (
            r['name'], r.get('pages', '-'), r['seconds'], '%.1f%%' % r['coverage'] if r.get('coverage') is not None else '-',
            r.get('lost', '-'), r['formulas'], r['math_failed'], 'pass' if not failed else 'fails: ' + ', '.join(failed),
            diags or '-'))
    return '\n'.join(rows) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', default=str(ROOT.parent / 'shared' / 'corpus' / 'projects'))
    ap.add_argument('--tools', default=None, help='folder of coverage.py (default: CORPUS/../../tools)')
    ap.add_argument('--out', default=os.path.join(tempfile.gettempdir(), 'projects-gate'),
                    help='build folder (default: $TMPDIR/projects-gate); a second run on the same folder waits')
    ap.add_argument('--table', default=None)
    ap.add_argument('--report-only', default='',
                    help='checks printed but not failed, comma-separated: CHECK (every project) or PROJECT:CHECK')
    ap.add_argument('--only', default='', help='project names, comma-separated')
    a = ap.parse_args()
    corpus = pathlib.Path(a.corpus).resolve()
    tools = pathlib.Path(a.tools).resolve() if a.tools else corpus.parent.parent / 'tools'
    out = pathlib.Path(a.out)
    # two runs on one folder overwrote each other's PDFs mid-check: the second now waits for the first
    out.parent.mkdir(parents=True, exist_ok=True)
    lock = open(str(out) + '.lock', 'w')
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print('projects-gate: another run is using %s; waiting for it' % out, flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)
    out.mkdir(parents=True, exist_ok=True)
    report_only = {c for c in a.report_only.split(',') if c}
    projects = [p for p in sorted(corpus.iterdir()) if p.is_dir() and any((p / c).exists() for c in CONFIGS)]
    if a.only:
        projects = [p for p in projects if p.name in a.only.split(',')]
    if not projects:
        print('projects-gate: no projects in %s' % corpus)
        return 1
    results, failures = [], []
    for p in projects:
        r = run_project(p, out, tools)
        results.append(r)
        for c, (ok, detail, report) in verdicts(r).items():
            reported = report or c in report_only or '%s:%s' % (r['name'], c) in report_only
            state = 'ok' if ok else ('REPORTED' if reported else 'FAIL')
            print('%-36s %-9s %-8s %s' % (r['name'], c, state, detail), flush=True)
            if not ok and not reported:
                failures.append('%s: %s' % (r['name'], c))
    t = table(results)
    print(t)
    if a.table:
        pathlib.Path(a.table).write_text(t, encoding='utf-8')
    if failures:
        print('projects-gate: FAILED: ' + ', '.join(failures))
        return 1
    print('projects-gate: all %d projects hold the gate%s' % (
        len(results), '' if not report_only else ' (reported only: %s)' % ', '.join(sorted(report_only))))
    return 0


if __name__ == '__main__':
    sys.exit(main())
