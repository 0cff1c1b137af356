#!/usr/bin/env python3
"""Times what an author waits for in `book watch`: bench/watch-edit.py LAUNCHER PROJECT CHAPTER EDITS OUT.pdf

Starts `LAUNCHER watch PROJECT --out OUT.pdf`, waits for its first build, then EDITS times changes one paragraph of
CHAPTER (a word added to its first prose line), each time measuring from the moment the file is saved to the moment
the watch prints the status line of a build that wrote the PDF (the PDF is in place by then), and to the moment it
printed the status line of a preview, if it made one (the edited pages are in the PDF on show by then). Ends the watch
with SIGINT, as Ctrl-C does. Prints one line: key=value pairs (seconds); the median is what to quote.
preview_cpu_median is the CPU time the watch's JVM spent (all threads, JIT and GC too) from the save to the preview:
on a busy two-core machine wall time varies with the neighbours, this does much less.
WATCH_ARGS (environment) adds arguments to the watch, e.g. WATCH_ARGS=--timings; the watch's timing lines are then
printed on stderr, one per build."""
import os, re, signal, statistics, subprocess, sys, threading, time, queue

launcher, project, chapter, edits, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
path = os.path.join(project, chapter)
proc = subprocess.Popen([launcher, 'watch', project, '--out', out] + os.environ.get('WATCH_ARGS', '').split(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
each = bool(os.environ.get('WATCH_EDIT_EACH'))
lines = queue.Queue()
log = []
TICK = os.sysconf('SC_CLK_TCK')
def cpu():
    """CPU seconds the watch's JVM has used so far (all its threads: JIT and GC as well as the build's own)."""
    try:
        f = open('/proc/%d/stat' % proc.pid).read().rsplit(')', 1)[1].split()
        return (int(f[11]) + int(f[12])) / TICK
    except (OSError, IndexError, ValueError):
        return float('nan')
def threads():
    """CPU seconds per thread name of the watch's JVM (for WATCH_EDIT_EACH's breakdown)."""
    out = {}
    try:
        for t in os.listdir('/proc/%d/task' % proc.pid):
            try:
                raw = open('/proc/%d/task/%s/stat' % (proc.pid, t)).read()
            except OSError:
                continue
            name = raw[raw.index('(') + 1:raw.rindex(')')]
            f = raw.rsplit(')', 1)[1].split()
            out[name] = out.get(name, 0) + (int(f[11]) + int(f[12])) / TICK
    except OSError:
        pass
    return out
def pump():
    for raw in proc.stdout:
        line = raw.decode('utf-8', 'replace').rstrip('\n')
        log.append(line)
        if line.startswith('  timings:'):
            sys.stderr.write(line + '\n')
        lines.put((time.monotonic(), line, cpu(), threads() if each and ': preview of ' in line else None))
threading.Thread(target=pump, daemon=True).start()

def wait_for(pred, timeout=900):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            t, line, c, th = lines.get(timeout=1)
        except queue.Empty:
            if proc.poll() is not None:
                break
            continue
        if pred((t, line, c, th)):
            return t, line
    sys.stderr.write('watch-edit: no status line; the watch said:\n' + '\n'.join(log[-30:]) + '\n')
    proc.kill()
    sys.exit(1)

started = time.monotonic()
t, first = wait_for(lambda e: re.match(r'\[\d\d:\d\d:\d\d\] start: ', e[1]) is not None)
first_build = t - started
waits, selfs, previews, cpus = [], [], [], []
base = os.path.basename(chapter)
for n in range(edits):
    text = open(path, encoding='utf-8').read().split('\n')
    fm = text[0].strip() == '---'
    for i, l in enumerate(text):
        if fm:
            if i > 0 and l.strip() == '---':
                fm = False
            continue
        s = l.strip()
        if s and s[0].isalpha() and not s.startswith(('#', ':', '`', '(', '$', '|', '-', '*', '>')):
            text[i] = l + ' Edited %d.' % n
            break
    open(path, 'w', encoding='utf-8').write('\n'.join(text))
    saved = time.monotonic()
    cpu0 = cpu()
    th0 = threads() if each else None
    seen = []
    t, line = wait_for(lambda e: (base in e[1] and ': preview of ' in e[1] and seen.append(e) and False)
                       or (base in e[1] and ': wrote ' in e[1]))
    waits.append(t - saved)
    if seen:
        previews.append(seen[0][0] - saved)
        cpus.append(seen[0][2] - cpu0)
        if each:
            d = {k: v - th0.get(k, 0) for k, v in seen[0][3].items()}
            sys.stderr.write('edit %d: preview %.2f s, cpu %.2f s (%s)\n' % (n, seen[0][0] - saved, seen[0][2] - cpu0,
                ', '.join('%s %.2f' % (k, v) for k, v in sorted(d.items(), key=lambda x: -x[1]) if v >= 0.02)))
    m = re.search(r' in ([\d.]+) s;', line)
    selfs.append(float(m.group(1)) if m else float('nan'))
    time.sleep(0.5)
proc.send_signal(signal.SIGINT)
try:
    proc.wait(timeout=120)
except subprocess.TimeoutExpired:
    proc.kill()
time.sleep(0.2)
clean = bool(log) and log[-1] == 'book watch: stopped' and not any('\tat ' in l for l in log)
print('first_build=%.2f edit_median=%.2f edit_min=%.2f edit_max=%.2f build_median=%.2f edits=%d clean_stop=%s '
      'preview_median=%s previews=%d preview_cpu_median=%s' % (
    first_build, statistics.median(waits), min(waits), max(waits), statistics.median(selfs), len(waits),
    'yes' if clean else 'no', '%.2f' % statistics.median(previews) if previews else '-', len(previews),
    '%.2f' % statistics.median(cpus) if cpus else '-'))
