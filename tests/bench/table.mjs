// table.mjs RESULTS N...: the table of tests/bench/run.sh from its
// "KEY N VALUE" lines, one column per size, with the targets of the
// ratios measured within the run.  Exits 1 if a target was missed.
import { readFileSync } from 'node:fs';

const [file, ...sizes] = process.argv.slice(2);
const v = {};
for (const line of readFileSync(file, 'utf8').split('\n')) {
	const [key, n, value] = line.split(' ');
	if (key)
		(v[key] ??= {})[n] = Number(value);
}
const small = sizes[0];
const large = sizes[sizes.length - 1];
const rows = [];
let missed = 0;

function fmt(x, digits) {
	return x === undefined || Number.isNaN(x) ? '-' :
	    x.toFixed(digits);
}

// A figure for each size; target(n, value) says whether it is met (or
// undefined when there is no target at that size).
function row(label, values, digits, targetText, target) {
	const cells = sizes.map((n) => fmt(values(n), digits));
	let met = '';
	if (target) {
		const verdicts = sizes.map((n) => target(n, values(n)))
		    .filter((x) => x !== undefined);
		if (verdicts.length > 0) {
			met = verdicts.every(Boolean) ? 'met' : 'MISSED';
			missed += met === 'MISSED';
		}
	}
	rows.push([label, ...cells, targetText ?? '', met]);
}

const at = (key) => (n) => v[key]?.[n];
const ratio = (a, b) => (n) => v[a]?.[n] / v[b]?.[n];

row('GET /healthz, req/s', at('healthz'), 0);
row('GET /api/v1/people/{id} (one row), req/s', at('row'), 0);
row('  one row / healthz', ratio('row', 'healthz'), 2, '>= 0.60',
    (n, x) => x >= 0.60);
row('GET /api/v1/projects/{id}, req/s', at('doc'), 0);
row('  project JSON / one row', ratio('doc', 'row'), 2,
    `>= 0.50 at ${large}`, (n, x) => n === large ? x >= 0.50 : undefined);
row(`  project JSON / its figure at ${small}`,
    (n) => v.doc?.[n] / v.doc?.[small], 2, '>= 0.80 (flat)',
    (n, x) => n === small ? undefined : x >= 0.80);
row('GET /projects/{id} (page), req/s', at('page'), 0);
row('  project page / one row', ratio('page', 'row'), 2, '>= 0.40',
    (n, x) => x >= 0.40);
row('GET / (portfolio, first page), req/s', at('portfolio'), 0);
row('  portfolio / one row', ratio('portfolio', 'row'), 2, '>= 0.25',
    (n, x) => x >= 0.25);
for (const [what, label] of [['json', 'GET /api/v1/digest'],
    ['page', 'GET /digest'], ['md', 'GET /digest.md']]) {
	const key = `digest_${what}_ms`;
	row(`${label}, median ms`, at(key), 1,
	    '< 100 at 10000; <= 3x that at 100000', (n, x) => {
		if (n === '10000')
			return x < 100;
		if (n === '100000' && v[key]?.['10000'] !== undefined)
			return x <= 3 * v[key]['10000'];
		return undefined;
	});
	row('  made afresh (nothing kept), median ms',
	    at(`digest_made_${what}_ms`), 1, '', () => undefined);
}
row('checkpoint PATCH, 16 clients, writes/s with the ledger',
    at('writes_per_s'), 0, '>= 1000', (n, x) => x >= 1000);
row('  writes lost (taken - versions added)', at('writes_lost'), 0, '0',
    (n, x) => x === 0);
row('  writes refused or failed', at('writes_refused'), 0, '0',
    (n, x) => x === 0);
row('answers not 2xx under wrk (every route above)', at('non2xx'), 0, '0',
    (n, x) => x === 0);
row('kore workers that died (the server\'s log)', at('workers_died'), 0,
    '0', (n, x) => x === 0);
row('ledger catch-up, items/s', at('ledger_items_per_s'), 0);
row('kore PSS idle, MB', at('pss_idle'), 1);
row('kore PSS after the run, MB', at('pss_after'), 1);
row('  after - idle, MB', (n) => v.pss_after?.[n] - v.pss_idle?.[n], 1,
    '<= 64', (n, x) => x <= 64);

const head = ['figure', ...sizes.map((n) => `${n} projects`), 'target',
    ''];
const widths = head.map((h, i) => Math.max(h.length,
    ...rows.map((r) => String(r[i]).length)));
const line = (cells) => '| ' + cells.map((c, i) => i === 0 ?
    String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))
    .join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w, i) => (i === 0 ? ':' : '') +
    '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|') + '|');
for (const r of rows)
	console.log(line(r));
if (missed > 0) {
	console.log(`${missed} target(s) missed`);
	process.exit(1);
}
