/*
 * bench/content-gate: the content gate's dictionary check (N7, N19) of a 20,000-character document against
 * a dictionary of 5,000 entries (serious errors, outdated expressions and leaders' titles, the starting
 * dictionary among them). Target (issue 19): under 20 ms per document. Prints the median and p95 of the
 * check, the time to compile the dictionary, and the ratio of the median to the target.
 *
 *   npm run bench:content-gate       (BENCH_ROUNDS=50)
 */
import { ContentGate, type GateEntry } from '../src/workflow/core/content-gate.js';
import { starterDictionary } from '../src/workflow/core/starter-dictionary.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 50);
const targetMs = 20;
const entryCount = 5000;
const documentLength = 20_000;

// A fixed pseudo-random sequence, so every run checks the same text against the same dictionary.
let seed = 19;
function next(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
// Characters from the first 2,500 of the CJK block, as varied as real prose; the dictionary's own words
// come from the same alphabet, so the automaton walks deep branches as it does on real text.
const word = (length: number) => Array.from({ length }, () => String.fromCharCode(0x4e00 + Math.floor(next() * 2500))).join('');

const entries: GateEntry[] = [...starterDictionary];
for (let i = entries.length; i < entryCount; i++) {
  const kind = i % 3 === 0 ? 'leader' : i % 3 === 1 ? 'outdated' : 'serious';
  if (kind === 'leader')
    entries.push({ kind, term: word(3), title: word(3), termStart: '2020-01-01', termEnd: '2024-12-31', source: '任免通知' });
  else if (kind === 'outdated')
    entries.push({ kind, term: word(5), replacement: word(5), retiredOn: '2021-01-01', source: '机构改革方案' });
  else entries.push({ kind, category: 'officialName', term: word(6), replacement: word(6), source: '规范名称' });
}

// Ordinary prose with a few entries planted in it, as a real draft with mistakes would have.
const planted = ['十三五规划', '中华人民共合国', '王建华局长', '国家卫生计生委'];
let text = '';
while (text.length < documentLength) text += `${word(30)}，${planted[Math.floor(next() * planted.length)]}${word(40)}。\n`;
text = text.slice(0, documentLength);

const compileStart = performance.now();
const gate = new ContentGate(entries);
const compileMs = performance.now() - compileStart;

for (let i = 0; i < 5; i++) gate.check(text, '2026-11-24'); // warm-up
const times: number[] = [];
let findings = 0;
for (let i = 0; i < rounds; i++) {
  const started = performance.now();
  findings = gate.check(text, '2026-11-24').length;
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
console.log(`内容审校词库基准：${gate.size} 个词条，文档 ${text.length} 字，${rounds} 次`);
console.log(`  编译词库 ${compileMs.toFixed(1)} ms`);
console.log(`  检查一篇：中位数 ${median.toFixed(2)} ms，p95 ${p95.toFixed(2)} ms，发现 ${findings} 处`);
console.log(`  中位数 / 目标 ${targetMs} ms = ${(median / targetMs).toFixed(2)}${median < targetMs ? '（达标）' : '（未达标）'}`);
