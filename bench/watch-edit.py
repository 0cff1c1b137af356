#!/usr/bin/env python3
"""Times what an author waits for in `book watch`: bench/watch-edit.py LAUNCHER PROJECT CHAPTER EDITS OUT.pdf

Starts `LAUNCHER watch PROJECT --out OUT.pdf`, waits for its first build, then EDITS times changes one paragraph of
CHAPTER (a word added to its first prose line), each time measuring from the moment the file is saved to the moment
the watch prints the status line of a build that wrote the PDF (the PDF is in place by then), and to the moment it
printed the status line of a preview, if it made one (the edited pages are in the PDF on show by then). Ends the watch
with SIGINT, as Ctrl-C does. Prints one line: key=value pairs (seconds); the median is what to quote.
WATCH_ARGS (environment) adds arguments to the watch, e.g. WATCH_ARGS=--timings; the watch's timing lines are then
printed on stderr, one per build."""
import os, re, signal, statistics, subprocess, sys, threading, time, queue

launcher, project, chapter, edits, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
path = os.path.join(project, chapter)
proc = subprocess.Popen([launcher, 'watch', project, '--out', out] + os.environ.get('WATCH_ARGS', '').split(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
lines = queue.Queue()
log = []
def pump():
    for raw in proc.stdout:
        line = raw.decode('utf-8', 'replace').rstrip('\n')
        log.append(line)
        if line.startswith('  timings:'):
            sys.stderr.write(line + '\n')
        lines.put((time.monotonic(), line))
threading.Thread(target=pump, daemon=True).start()

def wait_for(pred, timeout=900):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            t, line = lines.get(timeout=1)
        except queue.Empty:
            if proc.poll() is not None:
                break
            continue
        if pred(line):
            return t, line
    sys.stderr.write('watch-edit: no status line; the watch said:\n' + '\n'.join(log[-30:]) + '\n')
    proc.kill()
    sys.exit(1)

started = time.monotonic()
t, first = wait_for(lambda l: re.match(r'\[\d\d:\d\d:\d\d\] start: ', l) is not None)
first_build = t - started
waits, selfs, previews = [], [], []
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
    seen = []
    t, line = wait_for(lambda l: (base in l and ': preview of ' in l and seen.append(time.monotonic()) and False)
                       or (base in l and ': wrote ' in l))
    waits.append(t - saved)
    if seen:
        previews.append(seen[0] - saved)
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
      'preview_median=%s previews=%d' % (
    first_build, statistics.median(waits), min(waits), max(waits), statistics.median(selfs), len(waits),
    'yes' if clean else 'no', '%.2f' % statistics.median(previews) if previews else '-', len(previews)))
