// The README's API examples are tests: every ```http request block is sent
// in order to a fresh server (HANDOFF_TODAY pinned so dates are stable), and
// the ```http response block after it must match what comes back.
//
// Matching is by shape, so the README can abbreviate: an object matches when
// every key it shows matches (the server may send more keys); an array
// matches element by element, and a trailing "..." element allows more
// elements; "..." as any other value matches anything; keys named "at" or
// "updated_at" only need an RFC 3339 UTC timestamp.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';

export const README_TODAY = '2026-11-23';

let srv;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: README_TODAY } });
});
after(async () => { await srv?.stop(); });

function parseExamples(markdown) {
	const blocks = [];
	const re = /^```(http|http-response)\n([\s\S]*?)^```$/gm;
	let m;
	while ((m = re.exec(markdown)) !== null)
		blocks.push({ kind: m[1], text: m[2], line:
		    markdown.slice(0, m.index).split('\n').length });

	const examples = [];
	for (let i = 0; i < blocks.length; i++) {
		if (blocks[i].kind !== 'http')
			continue;
		const resp = blocks[i + 1];
		assert.ok(resp && resp.kind === 'http-response',
		    `README line ${blocks[i].line}: a request without a response`);
		examples.push({ req: parseRequest(blocks[i]),
		    resp: parseResponse(resp), line: blocks[i].line });
		i++;
	}
	return examples;
}

function splitHead(text) {
	const at = text.indexOf('\n\n');
	return at === -1 ? [text.trim(), ''] :
	    [text.slice(0, at).trim(), text.slice(at + 2).trim()];
}

function parseRequest(block) {
	const [head, body] = splitHead(block.text);
	const [first, ...lines] = head.split('\n');
	const [method, path] = first.split(' ');
	const headers = {};
	for (const l of lines) {
		const c = l.indexOf(':');
		headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
	}
	return { method, path, headers, body: body === '' ? undefined : body };
}

function parseResponse(block) {
	const [head, body] = splitHead(block.text);
	const [first, ...lines] = head.split('\n');
	const status = Number(first.split(' ')[1]);
	const headers = {};
	for (const l of lines) {
		const c = l.indexOf(':');
		headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
	}
	return { status, headers, body: body === '' ? undefined :
	    JSON.parse(body) };
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function match(want, got, where) {
	if (want === '...')
		return;
	if (Array.isArray(want)) {
		assert.ok(Array.isArray(got), `${where}: expected an array`);
		const open = want.length > 0 && want[want.length - 1] === '...';
		const items = open ? want.slice(0, -1) : want;
		if (open)
			assert.ok(got.length >= items.length,
			    `${where}: expected at least ${items.length} items`);
		else
			assert.equal(got.length, items.length,
			    `${where}: number of items`);
		items.forEach((w, i) => match(w, got[i], `${where}[${i}]`));
		return;
	}
	if (want !== null && typeof want === 'object') {
		assert.ok(got !== null && typeof got === 'object' &&
		    !Array.isArray(got), `${where}: expected an object`);
		for (const [k, w] of Object.entries(want)) {
			assert.ok(k in got, `${where}.${k}: missing`);
			if ((k === 'at' || k === 'updated_at') &&
			    typeof w === 'string')
				assert.match(got[k], TIMESTAMP, `${where}.${k}`);
			else
				match(w, got[k], `${where}.${k}`);
		}
		return;
	}
	assert.deepEqual(got, want, where);
}

test('every API example in the README holds', async () => {
	const readme = readFileSync(join(TOP, 'README.md'), 'utf8');
	const examples = parseExamples(readme);
	assert.ok(examples.length >= 10, 'the README documents the API');

	// $TOKEN in the README is an API token of Maya, a PM.
	const token = await srv.token('maya@example.com', 'pm');
	for (const ex of examples) {
		const where = `README line ${ex.line}: ${ex.req.method} ` +
		    ex.req.path;
		const headers = {};
		for (const [k, v] of Object.entries(ex.req.headers))
			headers[k] = v.replace('$TOKEN', token);
		const r = await srv.request(ex.req.method, ex.req.path, {
			headers, body: ex.req.body, auth: false,
		});
		assert.equal(r.status, ex.resp.status, `${where}: ${r.text}`);
		for (const [h, v] of Object.entries(ex.resp.headers))
			assert.equal(r.headers.get(h), v, `${where}: ${h}`);
		if (ex.resp.body !== undefined)
			match(ex.resp.body, r.json, where);
		else
			assert.equal(r.text, '', `${where}: no body`);
	}
});
