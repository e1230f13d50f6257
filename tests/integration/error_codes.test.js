// Every error code the server can send is in the README's list (section
// "Errors"), with its status, and the list names no code the server does
// not send.  The codes are read from the sources, where they are written
// once each: the literal codes of reply_error() and dberr_set() calls and
// of src/reply.c's canned answer, and the SQLSTATE table of src/dberr.c,
// which every state that sql/ raises must find a row in (a state without
// one would reach the client as 500 internal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TOP } from '../lib/harness.js';

const read = (p) => readFileSync(join(TOP, p), 'utf8');
const filesOf = (dir, ext) => readdirSync(join(TOP, dir))
    .filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`);

// code -> Set of statuses ('?' when the status is not a literal).
function codesInSources() {
	const codes = new Map();
	const add = (code, status) => {
		if (!codes.has(code))
			codes.set(code, new Set());
		codes.get(code).add(status);
	};
	for (const f of filesOf('src', '.c')) {
		const src = read(f);
		for (const m of src.matchAll(
		    /\b(?:reply_error|dberr_set)\(\s*[^,()]+,\s*([^,]+?),\s*"([a-z_]+)"/g))
			add(m[2], /^\d{3}$/.test(m[1]) ? m[1] : '?');
		// The sign-in's refusals, JSON or page (src/session.c).
		for (const m of src.matchAll(
		    /\blogin_refuse\(\s*[^,()]+,\s*[^,()]+,\s*(\d{3}),\s*"([a-z_]+)"/g))
			add(m[2], m[1]);
		for (const m of src.matchAll(/\\"code\\":\s*\\"([a-z_]+)\\"/g))
			add(m[1], '?');
	}
	for (const m of sqlstateMap())
		add(m.code, String(m.status));
	return codes;
}

// The rows of src/dberr.c's table: { prefix, status, code }.
function sqlstateMap() {
	const src = read('src/dberr.c');
	const table = src.slice(src.indexOf('sqlstate_map[] = {'));
	return [...table.slice(0, table.indexOf('\n};'))
	    .matchAll(/\{ "([0-9A-Z]{2,5})", (\d{3}), "([a-z_]+)"/g)]
	    .map((m) => ({ prefix: m[1], status: Number(m[2]), code: m[3] }));
}

// status -> code of the README's table.
function codesInReadme() {
	const readme = read('README.md');
	const at = readme.indexOf('The codes, every one the server can send');
	assert.ok(at > 0, 'the README has the list of codes');
	const section = readme.slice(at, readme.indexOf('\n## ', at));
	return new Map([...section.matchAll(
	    /^\| (\d{3}) \| `([a-z_]+)` \|/gm)].map((m) => [m[2], m[1]]));
}

test('every error code of src/ is in the README, with its status', () => {
	const sources = codesInSources();
	const readme = codesInReadme();
	assert.ok(sources.size >= 15, `codes found: ${[...sources.keys()]}`);
	for (const [code, statuses] of sources) {
		assert.ok(readme.has(code), `${code} is in the README's list`);
		for (const s of statuses) {
			if (s !== '?')
				assert.equal(readme.get(code), s,
				    `${code} is sent with ${s}`);
		}
	}
	for (const code of readme.keys())
		assert.ok(sources.has(code), `${code} of the README is sent`);
});

test('every SQLSTATE raised in sql/ has its row in src/dberr.c', () => {
	const map = sqlstateMap();
	const states = new Set();
	for (const f of filesOf('sql/api', '.sql').concat(filesOf('sql',
	    '.sql'))) {
		const text = read(f);
		for (const m of text.matchAll(
		    /(?:api\.fail\(|ERRCODE = )'([0-9A-Z]{5})'/g))
			states.add(m[1]);
	}
	assert.ok(states.has('HF404') && states.has('HF401'),
	    `states found: ${[...states]}`);
	for (const s of states) {
		const row = map.find((r) => s.startsWith(r.prefix));
		assert.ok(row, `${s} has a row in src/dberr.c`);
		assert.notEqual(row.code, 'internal', s);
	}
});
