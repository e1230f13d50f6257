// What the ledger's design promises, seen from outside (the answers
// themselves are checked against the engine in oracle.test.js):
//
//  - one answer, one statement: a page or a document is read in one
//    statement, so from one snapshot, the caller's token checked inside
//    it (the cluster logs every statement: tests/lib/with-cluster.sh);
//  - two servers on one database never disagree: what one writes, the
//    other shows on the next read, dirty or not, and their ledger jobs
//    share the work without losing an item;
//  - however many items are dirty, a read computes them all;
//  - a database whose vocabulary is not the server's stops the server
//    with a message that names the difference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Server, createDatabase, eventually, psql, sleep, startServer }
    from '../lib/harness.js';
import { createCheckpoint, createPerson, createProject, TODAY }
    from '../lib/fixtures.js';

let a;
let b;
let project;

before(async () => {
	a = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	b = await startServer({ db: a.db, env: { HANDOFF_TODAY: TODAY } });
	const ds = await createPerson(a, { role: 'ds' });
	project = await createProject(a);
	await a.api('PUT', `/api/v1/projects/${project.id}/ownership/` +
	    'problem_framing/ds', { person_id: ds.id });
	await createCheckpoint(a, project.id);
});

after(async () => {
	await a?.stop();
	await b?.stop();
});

// The cluster's statement log, from the line that holds begin to the one
// that holds end (both test-made markers: a random UUID).  Cut out in SQL:
// the whole log of a suite's cluster is megabytes.
async function loggedBetween(begin, end) {
	assert.match(begin, /^[a-z]+ [0-9a-f-]{36}$/);
	assert.match(end, /^[a-z]+ [0-9a-f-]{36}$/);
	let text = '';
	await eventually(async () => {
		text = await psql(String.raw`SELECT CASE WHEN strpos(t,
		    '${end}') > 0 THEN substr(t, strpos(t, '${begin}'))
		    ELSE '' END FROM pg_read_file(
		    regexp_replace(current_setting('data_directory'),
		    '/[^/]+$', '') || '/log/postgresql.log') t`);
		return text.includes(end);
	}, 10000);
	return text.slice(0, text.lastIndexOf('\n', text.indexOf(end)));
}

// What the servers' ledger jobs send, on their own.
const JOB = /api\.(ledger_work|ledger_apply|vocabulary|outbox_claim|outbox_done|outbox_weekly|remind_daily)\(/;

// The statements a request made the server send, its background jobs'
// (the ledger's, the outbox's) left out (a, b and the test run one at a
// time; the jobs' work is their own).
async function statementsOf(srv, method, path, body) {
	const mark = randomUUID();
	await psql(`SELECT 'begin ${mark}'`, { db: a.db });
	const r = await srv.request(method, path, { body });
	assert.ok(r.status < 400, `${method} ${path}: ${r.status} ${r.text}`);
	await psql(`SELECT 'end ${mark}'`, { db: a.db });
	const log = await loggedBetween(`begin ${mark}`, `end ${mark}`);
	return [...log.matchAll(/(?:execute [^:\n]*|statement): ([^\n]*)/g)]
	    .map((m) => m[1])
	    .filter((s) => !s.includes(`begin ${mark}`) && !JOB.test(s));
}

// The reads kept whole once made (kept.c).
const KEPT = /digest|^\/api\/v1\/projects\/\d+$|^\/projects\/\d+$|^\/$/;

test('every read and write is one statement, the token checked inside it',
    async () => {
	const pid = project.id;
	const cid = (await a.api('GET', `/api/v1/projects/${pid}`)).json
	    .checkpoints[0].id;
	const asked = [
		['GET', `/api/v1/projects/${pid}`],
		['GET', `/api/v1/projects/${pid}/risks`],
		['GET', `/api/v1/projects/${pid}/history`],
		['GET', '/api/v1/projects'],
		['GET', '/api/v1/risks'],
		['GET', '/api/v1/digest'],
		['GET', '/api/v1/people'],
		['GET', `/api/v1/checkpoints/${cid}`],
		['GET', `/projects/${pid}`],
		['GET', '/'],
		['GET', '/people'],
		['GET', '/digest'],
		['GET', '/digest.md'],
		['PATCH', `/api/v1/checkpoints/${cid}`, { status: 'blocked' }],
		['PATCH', `/api/v1/projects/${pid}`, { name: 'Renamed' }],
	];
	for (const [method, path, body] of asked) {
		// The first request of a token may be the one that made it.
		await a.request('GET', '/api/v1/version');
		let sent = await statementsOf(a, method, path, body);
		// A digest, a project's document or page or the portfolio
		// made (not kept yet) is kept by a second statement
		// (sql/api/98_kept.sql); asked again, it is one (unless the
		// ledger's job wrote meanwhile, ending it: asked once more).
		for (let again = 0; again < 3 && method === 'GET' &&
		    sent.length === 2 && KEPT.test(path); again++) {
			assert.match(sent[1], /api\.kept_put\(/, path);
			sent = await statementsOf(a, method, path, body);
		}
		assert.equal(sent.length, 1, `${method} ${path} sent ` +
		    `${sent.length} statements:\n${sent.join('\n')}`);
		assert.match(sent[0], /api\.authorize\(/,
		    `${method} ${path}: the caller is checked in the statement`);
	}
});

test('what one server writes, the other shows on its next read',
    async () => {
	const p = await createProject(a);
	for (let i = 0; i < 12; i++) {
		const [writer, reader] = i % 2 === 0 ? [a, b] : [b, a];
		const due = `2026-03-${String(10 + i).padStart(2, '0')}`;
		const c = await createCheckpoint(writer, p.id, { due_on: due,
		    title: `Step ${i}` });
		// At once: the item is likely still dirty on the reader's side.
		const seen = await reader.api('GET', `/api/v1/projects/${p.id}`);
		assert.ok(seen.json.checkpoints.some((x) => x.id === c.id),
		    `checkpoint ${i} read through the other server`);
		const risks = (await reader.api('GET',
		    `/api/v1/projects/${p.id}/risks`)).json.risks;
		const missed = risks.some((r) => r.kind === 'missed_checkpoint' &&
		    r.subject.checkpoint.id === c.id);
		assert.equal(missed, due < TODAY, `checkpoint ${i} due ${due}`);
		const all = (await reader.api('GET', '/api/v1/risks?limit=200'))
		    .json.risks;
		assert.deepEqual(all.filter((r) => r.project.id === p.id),
		    risks.filter((r) => r.project?.id === p.id),
		    `the portfolio's risks and the project's agree (${i})`);
	}
	// Both jobs drained the ledger, and both servers agree on it.
	await eventually(async () => await psql('SELECT count(*) FROM ' +
	    'ledger_dirty', { db: a.db }) === '0', 30000);
	const [ra, rb] = await Promise.all([a, b].map((s) => s.api('GET',
	    '/api/v1/risks?limit=200')));
	assert.deepEqual(ra.json, rb.json);
});

test('more dirty projects than a read once held read the same as caught up',
    async () => {
	const pm = await createPerson(a, { role: 'pm' });
	for (let i = 0; i < 80; i++)
		await createProject(a, { pm_id: pm.id });
	await eventually(async () => await psql('SELECT count(*) FROM ' +
	    'ledger_dirty', { db: a.db }) === '0', 60000);
	const paths = ['/api/v1/risks?limit=200', '/api/v1/projects?limit=200',
	    '/api/v1/digest', '/'];
	const before = [];
	for (const path of paths)
		before.push((await a.request('GET', path)).text);
	// Every item dirty, leased so that no job takes them meanwhile.
	await psql(`INSERT INTO ledger_dirty (kind, item, claimed_until)
	    SELECT 'project', id, now() + interval '1 hour' FROM projects
	    UNION ALL
	    SELECT 'person', id, now() + interval '1 hour' FROM people`,
	    { db: a.db });
	// More dirty projects than a read's scratch once held (64).
	const dirty = Number(await psql('SELECT count(*) FROM ledger_dirty ' +
	    "WHERE kind = 'project'", { db: a.db }));
	assert.ok(dirty > 64, `${dirty} dirty projects`);
	for (const [i, path] of paths.entries()) {
		const r = await a.request('GET', path);
		assert.equal(r.status, 200, `${path}: ${r.text}`);
		assert.equal(r.text, before[i], path);
	}
	await psql('DELETE FROM ledger_dirty', { db: a.db });
});

test('a database whose vocabulary differs stops the server, saying how',
    async () => {
	const db = await createDatabase();
	await psql(`UPDATE vocabulary SET key = 'modeling'
	    WHERE kind = 'stage' AND key = 'modelling'`, { db });
	const srv = new Server({ db, env: { HANDOFF_TODAY: TODAY } });
	try {
		await srv.start();
	} catch {
		// It may stop before it ever answered.
	}
	const exit = await Promise.race([srv.exited, sleep(20000)
	    .then(() => null)]);
	assert.notEqual(exit, null, 'the server stopped');
	assert.match(srv.fullLog(), new RegExp('the database does not ' +
	    'match this server: stage 3 is "modeling" .* in the database ' +
	    'but "modelling" .* in this server; run the migrations of this ' +
	    'version \\(src/tools/migrate\\.sh\\)'));
	await srv.stop();
});

// Only the overload threshold makes everything dirty: a setting of the
// mail or the outbox left the whole portfolio to be computed from its
// facts by every read until the ledger had caught up again.
test('a setting other than the threshold leaves the ledger as it is',
    async () => {
	const dirty = 'SELECT count(*) FROM ledger_dirty';
	await eventually(async () => await psql(dirty, { db: a.db }) ===
	    '0', 30000, 100);
	// Each in one transaction with its count: the job cannot take the
	// rows in between.
	assert.equal(await psql(`UPDATE settings SET value = value
	    WHERE key IN ('reminder_due_days', 'outbox_allow_loopback');
	    ${dirty}`, { db: a.db }), '0');
	assert.notEqual(await psql(`UPDATE settings SET value = value
	    WHERE key = 'overload_threshold'; ${dirty}`, { db: a.db }),
	    '0', 'the threshold marks every project and person');
});
