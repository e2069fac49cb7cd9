// The page of 'chainrule serve': the problem in an editor, answered as you type through the
// JSON API. Every piece of user or server text goes in as textContent (never as HTML); math is
// typeset by KaTeX, which escapes what it shows. Nothing is fetched from anywhere but this server.
'use strict';

const $ = (id) => document.getElementById(id);
const editor = $('source'), gutter = $('gutter');
const DEBOUNCE_MS = 300;
let timer = null, generation = 0, examples = [];

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function math(tex) {
  const box = el('div', 'math');
  if (window.katex) {
    katex.render(tex, box, { displayMode: true, throwOnError: false, output: 'html' });
  } else {
    box.textContent = tex;
  }
  return box;
}

async function api(endpoint, body) {
  const res = await fetch('/api/' + endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  let json = null;
  try { json = await res.json(); } catch (e) { json = { error: { kind: 'internal', message: 'the server sent no JSON (' + res.status + ')' } }; }
  return { status: res.status, body: json };
}

// ---- the editor: line numbers, and markers where errors are

function paintGutter(errorLines) {
  const lines = editor.value.split('\n').length;
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= lines; i++) {
    const ln = el('div', 'ln', String(i));
    ln.dataset.line = String(i);
    if (errorLines.has(i)) { ln.classList.add('error'); ln.title = errorLines.get(i); }
    frag.appendChild(ln);
  }
  gutter.replaceChildren(frag);
  gutter.scrollTop = editor.scrollTop;
}

let errorLines = new Map();
editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });
editor.addEventListener('input', () => { paintGutter(errorLines); schedule(); });

function goTo(line, col) {
  const lines = editor.value.split('\n');
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  at += Math.max(0, (col || 1) - 1);
  editor.focus();
  editor.setSelectionRange(at, at);
}

// ---- answers

function showErrors(error) {
  const list = $('errors');
  const all = error.all || [error];
  errorLines = new Map();
  list.replaceChildren();
  for (const p of all) {
    const li = el('li');
    if (p.line) {
      if (!errorLines.has(p.line)) errorLines.set(p.line, p.message);
      li.appendChild(el('span', 'where', 'line ' + p.line + (p.col ? ', column ' + p.col : '') + ': '));
      li.dataset.line = String(p.line);
      li.addEventListener('click', () => goTo(p.line, p.col));
      const src = editor.value.split('\n')[p.line - 1];
      if (src !== undefined && p.col) li.appendChild(el('pre', null, src + '\n' + ' '.repeat(p.col - 1) + '^'));
    }
    li.insertBefore(el('span', 'message', p.message), li.children[1] || null);
    list.appendChild(li);
  }
  paintGutter(errorLines);
  const status = $('status');
  status.className = 'bad';
  status.textContent = all.length === 1 ? '1 problem' : all.length + ' problems';
}

function clearErrors() {
  errorLines = new Map();
  $('errors').replaceChildren();
  paintGutter(errorLines);
}

function showShapes(body) {
  const tbody = $('shapes').tBodies[0];
  tbody.replaceChildren();
  for (const s of body.shapes) {
    const tr = el('tr');
    tr.appendChild(el('td', 'name', s.name));
    tr.appendChild(el('td', 'shape', s.shape.join(' x ')));
    tr.appendChild(el('td', 'from', s.origin + ', line ' + s.line));
    tbody.appendChild(tr);
  }
}

function space(shape) {
  const [r, c] = shape.map(String);
  if (r === '1' && c === '1') return '\\mathbb{R}';
  return c === '1' ? '\\mathbb{R}^{' + r + '}' : '\\mathbb{R}^{' + r + ' \\times ' + c + '}';
}

function showDerivatives(res) {
  const box = $('derivatives');
  box.replaceChildren();
  if (!res) { box.appendChild(el('p', 'empty', 'Add a line such as "derive L wrt W".')); return; }
  if (res.body.error) { box.appendChild(el('p', 'empty', res.body.error.message)); return; }
  for (const r of res.body.results) {
    const card = el('div', 'card derivative');
    const title = el('div', 'title', (r.kind === 'hessian' ? 'd²' + r.of + '/d' + r.wrt + '²' : 'd' + r.of + '/d' + r.wrt) + ' ');
    title.appendChild(el('span', 'kind', r.kind + ', ' + r.shape.join(' x ')));
    card.appendChild(title);
    // what a long answer repeats is named once (t1 = ...), each shown just before the first line that uses it
    const defs = r.definitions || [];
    const definitionsFor = (name, box) => {
      for (const d of defs) if (d.firstUsedBy === name) box.appendChild(math(d.latexName + ' = ' + d.latex + ' \\in ' + space(d.shape)));
    };
    if (r.steps && r.steps.length) {
      const steps = el('div', 'steps');
      steps.appendChild(el('div', 'label', 'by the chain rule, through the named intermediates:'));
      for (const s of r.steps) {
        definitionsFor(s.name, steps);
        steps.appendChild(math(s.latexName + ' = ' + s.latex + ' \\in ' + space(s.shape)));
      }
      card.appendChild(steps);
    }
    const used = new Set((r.steps || []).map(s => s.name));
    const answerDefs = defs.filter(d => !used.has(d.firstUsedBy));
    if (answerDefs.length) {
      const box = el('div', 'steps');
      box.appendChild(el('div', 'label', 'named once, as the answer repeats them:'));
      for (const d of answerDefs) box.appendChild(math(d.latexName + ' = ' + d.latex + ' \\in ' + space(d.shape)));
      card.appendChild(box);
    }
    card.appendChild(math(r.latexName + ' = ' + r.latex + ' \\in ' + space(r.shape)));
    if (defs.length) card.appendChild(el('pre', 'plain', defs.map(d => d.name + ' = ' + d.expression).join('\n')));
    card.appendChild(el('div', 'plain', r.expression));
    if (r.note) card.appendChild(el('div', 'plain', r.note));
    if (r.check) {
      const c = r.check;
      card.appendChild(el('div', 'check ' + (c.passed ? 'passed' : 'failed'),
        (c.passed ? 'numeric check: passed' : 'numeric check: FAILED') + ', max relative error '
          + c.maxRelError.toPrecision(2) + ' over ' + c.points + ' points'));
    }
    box.appendChild(card);
  }
}

// a line that is no declaration, definition, request or comment may be a bare expression
// (hessian(L, w)*v): /api/run answers it, simplified, as 'chainrule FILE' does; a line wrongly
// taken for one costs a request, nothing more
function mayHoldExpressions(source) {
  let depth = 0;
  for (const raw of source.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const open = depth > 0;
    for (const ch of line) { if ('([{'.includes(ch)) depth++; else if (')]}'.includes(ch)) depth = Math.max(0, depth - 1); }
    if (open || !line || line.startsWith('$') || line.startsWith('\\')) continue;
    if (/^(derive|claim|fun)\b/.test(line) || /^[^=]*:/.test(line) || /^[A-Za-z_]\w*\s*=/.test(line)) continue;
    return true;
  }
  return false;
}

function showExpressions(res) {
  const box = $('derivatives');
  if (!res || res.body.error || !res.body.expressions) return;
  if (box.querySelector('p.empty')) box.replaceChildren();
  for (const e of res.body.expressions) {
    const card = el('div', 'card expression');
    card.appendChild(el('div', 'title', 'line ' + e.line + ' '));
    const defs = e.definitions || [];
    if (defs.length) {
      const box = el('div', 'steps');
      box.appendChild(el('div', 'label', 'named once, as the expression repeats them:'));
      for (const d of defs) box.appendChild(math(d.latexName + ' = ' + d.latex + ' \\in ' + space(d.shape)));
      card.appendChild(box);
    }
    card.appendChild(math(e.latex + ' \\in ' + space(e.shape)));
    if (defs.length) card.appendChild(el('pre', 'plain', defs.map(d => d.name + ' = ' + d.expression).join('\n')));
    card.appendChild(el('div', 'plain', e.expression));
    box.appendChild(card);
  }
}

function showClaims(res) {
  const box = $('claims');
  box.replaceChildren();
  if (!res) { box.appendChild(el('p', 'empty', 'Add a line such as "claim d(L)/d(W) = ..." to have it checked.')); return; }
  if (res.body.error) { box.appendChild(el('p', 'empty', res.body.error.message)); return; }
  for (const c of res.body.claims) {
    const card = el('div', 'card claim verdict-' + c.verdict);
    const head = el('div', 'title');
    head.appendChild(el('span', 'verdict', c.verdict + (c.firstWrongStep ? ' (step ' + c.firstWrongStep + ')' : '')));
    head.appendChild(document.createTextNode(' line ' + c.line));
    card.appendChild(head);
    card.appendChild(el('div', 'claim-text', 'claim ' + c.text));
    // the first line in words; the values and the expected derivation under it, lined up in a fixed-width font
    const lines = c.message.split('\n');
    card.appendChild(el('p', 'message', lines[0]));
    if (lines.length > 1) card.appendChild(el('pre', 'message-detail', lines.slice(1).join('\n')));
    box.appendChild(card);
  }
}

// ---- as you type

// body[data-state] is idle once the page has answered what the editor holds (tests wait for it)
function schedule() {
  clearTimeout(timer);
  document.body.dataset.state = 'pending';
  timer = setTimeout(() => { timer = null; update(); }, DEBOUNCE_MS);
}

async function update() {
  const source = editor.value;
  const mine = ++generation;
  document.body.dataset.state = 'working';
  updateShareLink(false);
  $('status').className = '';
  $('status').textContent = 'working…';
  document.querySelector('.results').classList.add('stale');
  try {
    const shapes = await api('shapes', { source });
    if (mine !== generation) return;
    if (shapes.body.error) {
      showErrors(shapes.body.error); // the answers below stay, greyed, until the problem reads again
      return;
    }
    clearErrors();
    showShapes(shapes.body);
    const derives = /^[ \t]*derive\b/m.test(source), claims = /^[ \t]*claim\b/m.test(source);
    const [d, c, l, x] = await Promise.all([
      derives ? api('derive', { source, steps: true, check: true }) : null,
      claims ? api('check', { source }) : null,
      api('latex', { source }),
      mayHoldExpressions(source) ? api('run', { source }) : null]);
    if (mine !== generation) return;
    for (const r of [d, c, l]) if (r && r.body.error && r.body.error.line) { showErrors(r.body.error); }
    showDerivatives(d);
    showExpressions(x);
    showClaims(c);
    $('latex').value = l.body.latex || '';
    if (!errorLines.size) {
      const n = d && d.body.results ? d.body.results.length : 0, m = c && c.body.claims ? c.body.claims.length : 0;
      $('status').textContent = 'shapes check' + (n ? '; ' + n + (n === 1 ? ' derivative' : ' derivatives') : '')
        + (m ? '; ' + m + (m === 1 ? ' claim' : ' claims') : '');
    }
  } catch (e) {
    if (mine === generation) { $('status').className = 'bad'; $('status').textContent = 'the server did not answer: ' + e.message; }
  } finally {
    if (mine === generation && !errorLines.size) document.querySelector('.results').classList.remove('stale');
    if (mine === generation && timer === null) document.body.dataset.state = 'idle';
  }
}

// ---- the problem in the URL's fragment: #src=<base64url of the UTF-8 text>

function encodeSource(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeSource(code) {
  const b64 = code.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - b64.length % 4) % 4));
  return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}

function shareUrl() {
  return location.origin + location.pathname + '#src=' + encodeSource(editor.value);
}

function updateShareLink(show) {
  const box = $('share-url');
  box.value = shareUrl();
  if (show) { box.hidden = false; box.select(); }
}

function fromFragment() {
  const m = /^#src=([A-Za-z0-9_-]*)$/.exec(location.hash);
  if (!m) return false;
  try { editor.value = decodeSource(m[1]); } catch (e) { return false; }
  return true;
}

$('share').addEventListener('click', async () => {
  history.replaceState(null, '', '#src=' + encodeSource(editor.value));
  updateShareLink(true);
  try { await navigator.clipboard.writeText(shareUrl()); $('status').textContent = 'link copied'; } catch (e) { /* shown in the box */ }
});

window.addEventListener('hashchange', () => { if (fromFragment()) { paintGutter(new Map()); update(); } });

// ---- LaTeX: copy, download the whole document

$('copy-latex').addEventListener('click', async () => {
  const t = $('latex');
  t.select();
  try { await navigator.clipboard.writeText(t.value); } catch (e) { document.execCommand('copy'); }
});

$('download-tex').addEventListener('click', async () => {
  const res = await api('latex', { source: editor.value, standalone: true });
  if (res.body.error) { showErrors(res.body.error); return; }
  download(res.body.latex, 'chainrule.tex', 'application/x-tex');
});

// ---- the backward pass as Python (SPEC §6), to download

for (const target of ['numpy', 'torch']) {
  $('download-' + target).addEventListener('click', async () => {
    const res = await api('codegen', { source: editor.value, target });
    if (res.body.error) {
      $('status').className = 'bad';
      $('status').textContent = res.body.error.message;
      return;
    }
    download(res.body.code, 'chainrule_' + target + '.py', 'text/x-python');
  });
}

function download(text, name, type) {
  const a = el('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

// ---- examples: the seed questions

$('examples').addEventListener('change', (e) => {
  const ex = examples.find((x) => x.name === e.target.value);
  if (!ex) return;
  editor.value = ex.source;
  editor.scrollTop = 0;
  paintGutter(new Map());
  update();
});

async function start() {
  try {
    const res = await fetch('/api/examples');
    examples = (await res.json()).examples;
  } catch (e) { examples = []; }
  const select = $('examples');
  for (const ex of examples) {
    const o = el('option', null, ex.title);
    o.value = ex.name;
    select.appendChild(o);
  }
  if (!fromFragment() && examples.length) {
    editor.value = examples[0].source;
    select.value = examples[0].name;
  }
  paintGutter(new Map());
  update();
}

start();
