// Reads LaTeX strings, one JSON string a line, on standard input; renders each with KaTeX
// (throwOnError: true) and prints one line for each: "ok", or "error: <KaTeX's message>".
// Run from the folder where `npm ci` installed katex (see install.sh).
'use strict';
const katex = require('katex');
const readline = require('readline');

const lines = readline.createInterface({ input: process.stdin, terminal: false });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  let latex;
  try {
    latex = JSON.parse(line);
  } catch (e) {
    console.log('error: not a JSON string: ' + line);
    return;
  }
  try {
    katex.renderToString(latex, { throwOnError: true, displayMode: true, strict: 'error' });
    console.log('ok');
  } catch (e) {
    console.log('error: ' + String(e.message).replace(/\s+/g, ' '));
  }
});
