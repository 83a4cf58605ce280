#!/usr/bin/env python3
"""Prints the shape of Vigil's code: file sizes (median, largest), the longest functions and the folder
include graph with its cycles. A developer's tool for the restructuring figures (docs/ARCHITECTURE.md);
the limits themselves are enforced by tst_layering."""
import os, re, statistics, sys, collections

ROOTS = ['models', 'widgets', 'app', 'sim']
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')

def files():
    for r in ROOTS:
        for dp, _, fn in os.walk(os.path.join(root, r)):
            for f in sorted(fn):
                if f.endswith(('.h', '.cpp')):
                    yield os.path.relpath(os.path.join(dp, f), root)

def strip(text):
    text = re.sub(r'//[^\n]*', '', text)
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    text = re.sub(r'R"(\w*)\(.*?\)\1"', '""', text, flags=re.S)
    text = re.sub(r'"(\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"'(\\.|[^'\\\n])'", "''", text)

def functions(path):
    """(name, lines) of every function body: a '{' whose header has a ')' and is not a control statement."""
    text = strip(open(os.path.join(root, path), encoding='utf-8').read())
    out, stack, header = [], [], ''
    line = 1
    for ch in text:
        if ch == '\n':
            line += 1
        if ch == '{':
            h = header.strip()
            is_fn = (')' in h and not re.search(r'\b(if|for|while|switch|catch|do|else)\b\s*\(?[^;]*$', h.split('\n')[-1])
                     and not any(kind == 'fn' for kind, _, _ in stack) and not h.endswith('='))
            names = re.findall(r'([~\w:]+)\s*\(', h)
            scoped = [n for n in names if '::' in n]
            name = scoped[0] if scoped else (names[0] if names else '?')
            stack.append(('fn' if is_fn else 'block', line, name))
            header = ''
        elif ch == '}':
            if stack:
                kind, start, name = stack.pop()
                if kind == 'fn':
                    out.append((name, line - start + 1))
            header = ''
        elif ch == ';':
            header = ''
        else:
            header += ch
    return out

def folder(path):
    parts = path.split('/')
    return parts[1] if parts[0] == 'models' else parts[0]

def includes(path):
    here = os.path.dirname(path)
    for m in re.finditer(r'^\s*#\s*include\s*"([^"]+)"', open(os.path.join(root, path), encoding='utf-8').read(), re.M):
        inc = m.group(1)
        cand = os.path.normpath(os.path.join(here, inc))
        if not os.path.exists(os.path.join(root, cand)):
            cand = os.path.normpath(os.path.join('models', inc))
        if os.path.exists(os.path.join(root, cand)):
            yield cand

all_files = list(files())
sizes = {f: sum(1 for _ in open(os.path.join(root, f), encoding='utf-8')) for f in all_files}
vals = sorted(sizes.values())
print(f'files: {len(vals)}  median {statistics.median(vals):.0f} lines  over 600: {sum(v > 600 for v in vals)}')
for f, n in sorted(sizes.items(), key=lambda kv: -kv[1])[:8]:
    print(f'  {n:5d} {f}')
fns = [(n, f, name) for f in all_files if f.endswith('.cpp') for name, n in functions(f)]
fns.sort(reverse=True)
print(f'functions: {len(fns)}  over 120 lines: {sum(n > 120 for n, _, _ in fns)}  over 60: {sum(n > 60 for n, _, _ in fns)}')
for n, f, name in fns[:int(os.environ.get("SHAPE_TOP", "10"))]:
    print(f'  {n:5d} {f} {name}')
graph = collections.defaultdict(set)
for f in all_files:
    for inc in includes(f):
        a, b = folder(f), folder(inc)
        if a != b:
            graph[a].add(b)
cycles = sorted({tuple(sorted((a, b))) for a in graph for b in graph[a] if a in graph.get(b, ())})
print('folder edges:', '; '.join(f'{a} -> {",".join(sorted(graph[a]))}' for a in sorted(graph)))
print(f'folder cycles (two-way): {len(cycles)}', ' '.join(f'{a}<->{b}' for a, b in cycles))
