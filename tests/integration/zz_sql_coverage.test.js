// SQL coverage: every function in schema "api" ran at least once across the
// integration suite.  Named zz_ so that it runs last (node --test runs the
// files in alphabetical order, one at a time).
//
// Evidence, summed over the databases of the test cluster (each test file
// clones its own database from the template, statistics are per database):
//
//  1. pg_stat_user_functions.  The test cluster runs with
//     track_functions = 'pl': every PL/pgSQL function call is counted.
//  2. The statement log.  LANGUAGE sql functions are not counted with 'pl',
//     and the one-line ones are inlined into the statement that calls them,
//     so the entry points the server calls directly in SQL (api.person_list,
//     api.ownership_put, ...) are found in the statements the cluster logs
//     (tests/lib/with-cluster.sh sets log_statement for the whole cluster).
//  3. Helpers called only internally count as called when a function that
//     ran calls them (its body names them), transitively.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { psql, sleep } from '../lib/harness.js';

const TEMPLATE = process.env.HANDOFF_TEST_TEMPLATE;

async function apiFunctions() {
	const out = await psql(`SELECT coalesce(json_agg(json_build_object(
	    'name', p.proname, 'lang', l.lanname, 'src', p.prosrc)
	    ORDER BY p.proname), '[]') FROM pg_proc p
	    JOIN pg_namespace n ON n.oid = p.pronamespace
	    JOIN pg_language l ON l.oid = p.prolang
	    WHERE n.nspname = 'api'`, { db: TEMPLATE });
	return JSON.parse(out);
}

async function testDatabases() {
	const out = await psql("SELECT datname FROM pg_database " +
	    "WHERE datname LIKE 't\\_%' AND datallowconn ORDER BY 1");
	return out === '' ? [] : out.split('\n');
}

// Calls per api function, summed over every test database.
async function callCounts(dbs) {
	const calls = new Map();
	for (const db of dbs) {
		const out = await psql('SELECT funcname, calls FROM ' +
		    "pg_stat_user_functions WHERE schemaname = 'api'", { db });
		for (const line of out === '' ? [] : out.split('\n')) {
			const [name, n] = line.split('|');
			calls.set(name, (calls.get(name) ?? 0) + Number(n));
		}
	}
	return calls;
}

// Backends flush their statistics at exit and at least every second or
// so while running: wait until two readings agree.
async function settledCallCounts(dbs) {
	let last = await callCounts(dbs);
	for (let i = 0; i < 10; i++) {
		await sleep(1200);
		const now = await callCounts(dbs);
		const same = now.size === last.size &&
		    [...now].every(([k, v]) => last.get(k) === v);
		last = now;
		if (same)
			break;
	}
	return last;
}

// api.* functions named in SELECT statements that reached the server (its
// log; see logStatements in tests/lib/fixtures.js).  Only statements that
// start with SELECT: the CREATE FUNCTION statements of sql/api/, loaded by
// every migrate, name every function without calling any.
async function loggedFunctions() {
	const out = await psql(String.raw`SELECT DISTINCT f[1]
	    FROM regexp_matches(pg_read_file(
		regexp_replace(current_setting('data_directory'), '/[^/]+$', '')
		|| '/log/postgresql.log'),
		'(?:execute [^:\n]*|statement): (SELECT [^\n]*)', 'g') AS s,
	    regexp_matches(s[1], 'api\.([a-z_0-9]+)\s*\(', 'g') AS f
	    ORDER BY 1`);
	return new Set(out === '' ? [] : out.split('\n'));
}

function callees(src) {
	const names = new Set();
	for (const m of src.matchAll(/\bapi\.([a-z_][a-z0-9_]*)\s*\(/g))
		names.add(m[1]);
	return names;
}

test('every function in schema api was called by the suite', async (t) => {
	const functions = await apiFunctions();
	assert.ok(functions.length > 0, 'schema api has no functions');
	const byName = new Map(functions.map((f) => [f.name, f]));

	const dbs = await testDatabases();
	assert.ok(dbs.length > 0, 'no test databases: run the whole suite');
	const calls = await settledCallCounts(dbs);
	const logged = await loggedFunctions();

	// Sanity: both sources of evidence are alive.
	assert.ok((calls.get('person_create') ?? 0) > 0,
	    'pg_stat_user_functions counted nothing: is track_functions on?');
	assert.ok(logged.has('person_list'),
	    'no api.* statement in the server log: is log_statement set?');

	const why = new Map();
	for (const [name, n] of calls)
		if (n > 0 && byName.has(name))
			why.set(name, `${n} calls`);
	for (const name of logged)
		if (byName.has(name) && !why.has(name))
			why.set(name, 'sent by the server');
	const queue = [...why.keys()];
	while (queue.length > 0) {
		const caller = queue.shift();
		for (const name of callees(byName.get(caller).src)) {
			if (byName.has(name) && !why.has(name)) {
				why.set(name, `called by ${caller}`);
				queue.push(name);
			}
		}
	}

	const never = functions.filter((f) => !why.has(f.name))
	    .map((f) => `api.${f.name} (${f.lang})`);
	t.diagnostic(`${functions.length} api functions; ` +
	    `${functions.length - never.length} called across ${dbs.length} ` +
	    'databases');
	for (const f of functions)
		t.diagnostic(`api.${f.name}: ${why.get(f.name) ?? 'NEVER'}`);
	assert.deepEqual(never, [], `never called: ${never.join(', ')}`);
});
