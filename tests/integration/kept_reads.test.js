// The digest, a project's document, the portfolio page and a project's
// page kept whole (sql/api/98_kept.sql, kept.c): made once, kept
// in the database with the snapshot it was made from, and answered from
// there while no transaction that snapshot did not see has written a
// table it may depend on.  X-Handoff-Kept says how an answer came:
// "kept" (made, then kept), "hit" (the kept one), "copy" (the kept one,
// of which the worker held a copy: only its name came from the
// database), "made" (not kept).
//
// What must hold: a kept answer is byte for byte the one made afresh
// (the kept rows dropped) after any write, through either of two servers
// on the database or by hand in psql; the ledger's idle work ends none;
// the views, weeks, pages and days are kept apart; pruning keeps what is
// still true and refuses what it cannot vouch for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer, psql, sleep } from '../lib/harness.js';
import { signIn } from '../lib/security.js';

const TODAY = '2026-11-25';
// An answer of the kept text, whether its bytes came from the database.
const KEPT = /^(hit|copy)$/;
let srv, other;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
	other = await startServer({ db: srv.db, env: { HANDOFF_TODAY:
	    TODAY } });
	await signedIn(other);
	// The project with the most checkpoints: risks, owners, handoffs;
	// its page, and its document last.
	const id = await psql('SELECT project_id FROM checkpoints GROUP BY 1 ' +
	    'ORDER BY count(*) DESC, 1 LIMIT 1', { dsn: srv.dsn });
	VIEWS.push(`/projects/${id}`, `/api/v1/projects/${id}`);
});

// The harness makes a server's token at its first request, a write (of
// users and api_tokens) that ends what is kept: made before any read.
async function signedIn(server) {
	assert.equal((await server.api('GET', '/api/v1/session')).status, 200);
}

after(async () => {
	await other?.stop();
	await srv?.stop();
});

// The digest's views, the portfolio, and a project's page and document
// (added once seeded).
const VIEWS = ['/api/v1/digest', '/digest.md', '/digest.md?format=chat',
    '/digest', '/', '/?stage=framing&severity=high'];

// What a page says apart from who reads it and when (the forms' CSRF
// token, and the random part of their Idempotency-Keys, 43 characters).
function body(r) {
	return r.text.replace(/name="csrf" value="[^"]*"/g, 'csrf')
	    .replace(/name="_idem" value="[A-Za-z0-9_-]{43}-/g, '_idem');
}

async function read(path, via = srv) {
	const r = await via.api('GET', path);
	assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 300)}`);
	return { how: r.headers.get('x-handoff-kept'), text: body(r) };
}

// The answer made afresh: every kept one (of every view) dropped first.
async function fresh(path, via = srv) {
	await psql('DELETE FROM kept_reads', { dsn: srv.dsn });
	const r = await read(path, via);
	assert.equal(r.how, 'kept', `${path}: made afresh and kept`);
	return r.text;
}

async function ledgerCaughtUp() {
	for (let i = 0; i < 100; i++) {
		if (await psql('SELECT count(*) FROM ledger_dirty',
		    { dsn: srv.dsn }) === '0')
			return;
		await sleep(100);
	}
	assert.fail('the ledger did not catch up in 10 s');
}

test('each view is made and kept once, then answered kept, through ' +
    'either server, while the ledger idles', async () => {
	await ledgerCaughtUp();
	for (const path of VIEWS) {
		const made = await fresh(path);
		const again = await read(path);
		assert.match(again.how, KEPT, path);
		assert.equal(again.text, made, path);
		// The other server reads what this one kept.
		const there = await read(path, other);
		assert.match(there.how, KEPT, `${path} on the other server`);
		assert.equal(there.text, made);
	}
	// Every view kept at once (fresh() dropped the others' each time);
	// then a second and more of the ledger's ticks (four a second in
	// each worker of each server) write nothing a kept answer depends on.
	const kept = new Map();
	for (const path of VIEWS)
		kept.set(path, (await read(path)).text);
	await sleep(1500);
	for (const path of VIEWS) {
		const r = await read(path);
		assert.match(r.how, KEPT, `${path} after idle`);
		assert.equal(r.text, kept.get(path));
	}

	// Another week, another page, another view: other keys.
	assert.equal((await read('/api/v1/digest?week=2026-W47')).how, 'kept');
	assert.equal((await read('/api/v1/digest?limit=2')).how, 'kept');
	assert.match((await read('/api/v1/digest?limit=2')).how, KEPT);
	assert.match((await read('/api/v1/digest')).how, KEPT);
});

// Each server has two workers.  A worker copies a kept text the first
// time the database sends it (a hit) and names its copies when it asks,
// so from its second read on only the name comes back ("copy"): six
// reads reach one worker twice at least.
async function reads(path, n = 6, via = srv) {
	const r = [];
	for (let i = 0; i < n; i++)
		r.push(await read(path, via));
	return r;
}

test('a worker answers its copy of a kept text while that text is still ' +
    'true, and not once after a write, whichever server wrote', async () => {
	const page = VIEWS.find((p) => p.startsWith('/projects/'));
	const doc = VIEWS.at(-1);
	await ledgerCaughtUp();
	for (const path of [page, doc, '/', '/digest.md']) {
		const made = await fresh(path);
		const seen = await reads(path);
		for (const r of seen) {
			assert.match(r.how, KEPT, path);
			assert.equal(r.text, made, path);
		}
		assert.ok(seen.some((r) => r.how === 'copy'),
		    `${path}: ${seen.map((r) => r.how)}`);
	}
	// Both workers of this server hold a copy of the document now.  A
	// write through the other server ends it: no copy answers for it,
	// and the new text is copied in its turn.
	const was = (await srv.api('GET', doc)).json;
	const w = await other.api('PATCH', doc, { name: `${was.name} copied` },
	    { 'if-match': `"${was.version}"` });
	assert.equal(w.status, 200, w.text);
	await ledgerCaughtUp();
	const now = await reads(doc);
	assert.doesNotMatch(now[0].how, KEPT, 'the copies ended');
	for (const r of now) {
		assert.equal(JSON.parse(r.text).name, `${was.name} copied`);
		assert.equal(r.text, now[0].text);
	}
	assert.ok(now.some((r) => r.how === 'copy'), `${now.map((r) => r.how)}`);
	assert.equal(now[0].text, await fresh(doc));
	// And back, by hand in psql this time.
	const id = Number(doc.split('/').at(-1));
	await psql(`UPDATE projects SET name = '${was.name.replace(/'/g, "''")}'
	    WHERE id = ${id}`, { dsn: srv.dsn });
	const back = await reads(doc, 3);
	assert.doesNotMatch(back[0].how, KEPT);
	for (const r of back)
		assert.equal(JSON.parse(r.text).name, was.name);
	await ledgerCaughtUp();
});

test('a project\'s document kept: its version is the ETag, its risks ' +
    'are of the day, a write to another project ends it', async () => {
	const path = VIEWS.at(-1);
	await ledgerCaughtUp();
	const made = await fresh(path);
	const hit = await srv.api('GET', path);
	assert.match(hit.headers.get('x-handoff-kept'), KEPT);
	assert.equal(hit.headers.get('etag'), `"${hit.json.version}"`);
	assert.deepEqual(hit.json, JSON.parse(made));
	assert.ok(Array.isArray(hit.json.risks), 'with its risks');
	// A rename of another project (the document does not show it) ends
	// it all the same: what is kept is ended by any write.
	const id = Number(path.split('/').at(-1));
	const others = (await srv.api('GET',
	    '/api/v1/projects?status=all&limit=100')).json.projects
	    .filter((x) => x.id !== id);
	const r = await other.api('PATCH', `/api/v1/projects/${others[0].id}`,
	    { name: `${others[0].name}.` });
	assert.equal(r.status, 200, r.text);
	assert.doesNotMatch((await read(path)).how, KEPT);
	// Its own write: a new version, and the ETag follows it.
	const w = await other.api('PATCH', path, { name: `${hit.json.name}.` },
	    { 'if-match': `"${hit.json.version}"` });
	assert.equal(w.status, 200, w.text);
	// Its ledger work ends what is kept too: done first.
	await ledgerCaughtUp();
	const after = await srv.api('GET', path);
	assert.equal(after.headers.get('etag'), `"${hit.json.version + 1}"`);
	assert.equal(after.json.name, `${hit.json.name}.`);
	assert.match((await srv.api('GET', path)).headers.get('x-handoff-kept'),
	    KEPT);
	// A project that is not there: 404, as before.
	const gone = await srv.api('GET', '/api/v1/projects/999999');
	assert.equal(gone.status, 404, gone.text);
	// The writes' ledger work, done before the next test keeps anything.
	await ledgerCaughtUp();
});

// A page's forms: the CSRF token and Idempotency-Key each carries.
function secrets(html) {
	const forms = html.match(/<form method="post"/g)?.length ?? 0;
	const csrf = [...html.matchAll(/name="csrf" value="([^"]*)"/g)]
	    .map((m) => m[1]);
	const idem = [...html.matchAll(
	    /name="_idem" value="([A-Za-z0-9_-]{43})-[^"]*"/g)].map((m) => m[1]);
	return { forms, csrf: new Set(csrf), ncsrf: csrf.length,
	    idem: new Set(idem), nidem: idem.length };
}

test('a page is kept for each account, and each answer carries the ' +
    'reader\'s CSRF token and Idempotency-Keys of its own', async () => {
	const path = VIEWS.find((p) => p.startsWith('/projects/'));
	await ledgerCaughtUp();
	const pm = await signIn(srv, 'maya@example.com', 'demo-pm-pass');
	const viewer = await signIn(srv, 'victor@example.com',
	    'demo-viewer-pass');
	await ledgerCaughtUp();
	const as = async (who, p = path, via = srv) => {
		const r = await via.request('GET', p, { auth: false,
		    headers: { cookie: who.cookie } });
		assert.equal(r.status, 200, `${p}: ${r.text.slice(0, 300)}`);
		assert.doesNotMatch(r.text, /\u0001/, 'no mark left');
		return { how: r.headers.get('x-handoff-kept'), text: r.text };
	};
	await psql('DELETE FROM kept_reads', { dsn: srv.dsn });
	const first = await as(pm);
	assert.equal(first.how, 'kept');
	const hit = await as(pm, path, other);
	assert.match(hit.how, KEPT, 'the other server answers it kept');
	assert.equal(body({ text: hit.text }), body({ text: first.text }));
	for (const r of [first, hit]) {
		const s = secrets(r.text);
		assert.ok(s.forms > 20, `a page of many forms: ${s.forms}`);
		// Every form (and the sign-out one) with the reader's token.
		assert.deepEqual([...s.csrf], [pm.csrf]);
		assert.equal(s.ncsrf, s.forms);
		// One random part for the page, in every form but sign-out.
		assert.equal(s.idem.size, 1);
		assert.equal(s.nidem, s.forms - 1);
	}
	assert.notDeepEqual([...secrets(first.text).idem],
	    [...secrets(hit.text).idem], 'each answer draws its own');
	// Another account has a page of its own: a viewer sees no forms
	// but signing out, and the PM's page is still kept.
	const seen = await as(viewer);
	assert.equal(seen.how, 'kept');
	assert.equal(secrets(seen.text).forms, 1);
	assert.deepEqual([...secrets(seen.text).csrf], [viewer.csrf]);
	assert.match((await as(viewer)).how, KEPT);
	assert.match((await as(pm)).how, KEPT);
	// Their pages in turn, until each worker holds copies of both under
	// one ask (the key before who asks is added): each reader is
	// answered their own, never the copy of the other's.
	const hows = [];
	for (let i = 0; i < 4; i++) {
		for (const [who, mine] of [[pm, first], [viewer, seen]]) {
			const r = await as(who);
			hows.push(r.how);
			assert.equal(body({ text: r.text }), body({ text: mine.text }));
			assert.deepEqual([...secrets(r.text).csrf], [who.csrf]);
		}
	}
	assert.ok(hows.includes('copy'), `${hows}`);
	// The portfolio's body is one for all: the viewer's first read of
	// it is a hit of what the PM's made, in the viewer's chrome.
	const mine = await as(pm, '/');
	assert.equal(mine.how, 'kept');
	const theirs = await as(viewer, '/');
	assert.match(theirs.how, KEPT);
	assert.match(theirs.text, new RegExp(`value="${viewer.csrf}"`));
	// A page sent back to a form that lost a race is not kept.
	const stale = await as(pm, `${path}?changed=plan`);
	assert.equal(stale.how, null);
	assert.match(stale.text, /someone else changed this/);
	// A value that looks like a mark is never filled in: the API takes
	// no control character, but a name put in by hand may hold one.
	const id = Number(path.split('/').at(-1));
	await psql(`UPDATE projects SET name = name || E' \\001csrf\\001' ` +
	    `WHERE id = ${id}`, { dsn: srv.dsn });
	const marked = await as(pm);
	assert.equal(marked.how, 'kept');
	assert.match(marked.text, / \ufffdcsrf\ufffd/);
	assert.equal(secrets(marked.text).ncsrf, secrets(marked.text).forms);
	assert.deepEqual([...secrets(marked.text).csrf], [pm.csrf]);
	await psql(`UPDATE projects SET name = left(name, -7) WHERE id = ${id}`,
	    { dsn: srv.dsn });
	await ledgerCaughtUp();
});

test('a server of another day makes its own', async () => {
	const later = await startServer({ db: srv.db, env: { HANDOFF_TODAY:
	    '2026-11-26' } });
	try {
		await signedIn(later);
		await ledgerCaughtUp();
		const today = await fresh('/api/v1/digest');
		// The same week, as of the next day: made, not today's.
		const r = await read('/api/v1/digest', later);
		assert.equal(r.how, 'kept');
		assert.notEqual(r.text, today);
		assert.match((await read('/api/v1/digest')).how, KEPT);
	} finally {
		await later.stop();
	}
});

test('a write through the other server ends what is kept', async () => {
	const path = '/api/v1/digest';
	await fresh(path);
	const list = await srv.api('GET', '/api/v1/projects?limit=1');
	const p = list.json.projects[0];
	const r = await other.api('PATCH', `/api/v1/projects/${p.id}`,
	    { name: `${p.name} (renamed)` });
	assert.equal(r.status, 200, r.text);
	const after = await read(path);
	assert.doesNotMatch(after.how, KEPT);
	assert.equal(after.text, await fresh(path));
});

test('a hand edit in psql ends what is kept', async () => {
	const path = '/digest.md';
	assert.doesNotMatch(await fresh(path), /by hand/);
	await psql('UPDATE projects SET name = name || \' by hand\' WHERE ' +
	    "status = 'active'", { dsn: srv.dsn });
	const after = await read(path);
	assert.doesNotMatch(after.how, KEPT);
	assert.match(after.text, /by hand/);
	assert.equal(after.text, await fresh(path));
});

// Writes of the kinds a team makes, through one server or the other,
// each followed by reads of every view: what is answered is what is made
// afresh.  The kept rows of each view are dropped only after the view
// was read, so a kept answer that a write should have ended is caught.
test('after random writes every answer is the one made afresh', async () => {
	let seed = 7;
	const random = () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
	const pick = (list) => list[Math.floor(random() * list.length)];
	const day = (n) => {
		const d = new Date(`${TODAY}T00:00:00Z`);
		d.setUTCDate(d.getUTCDate() + n);
		return d.toISOString().slice(0, 10);
	};
	const projects = (await srv.api('GET',
	    '/api/v1/projects?status=all&limit=100')).json.projects;
	const people = (await srv.api('GET', '/api/v1/people?limit=100'))
	    .json.people;
	const checkpoints = [];
	for (const p of projects) {
		const doc = await srv.api('GET', `/api/v1/projects/${p.id}`);
		for (const c of doc.json.checkpoints)
			checkpoints.push(c.id);
	}
	const hows = new Map();
	for (let i = 0; i < 24; i++) {
		const via = i % 2 === 0 ? srv : other;
		const p = pick(projects);
		let r;
		switch (i % 6) {
		case 0:
			r = await via.api('PATCH',
			    `/api/v1/checkpoints/${pick(checkpoints)}`,
			    { status: 'done', completed_on: day(-3 - i % 5) });
			break;
		case 1:
			r = await via.api('PATCH',
			    `/api/v1/checkpoints/${pick(checkpoints)}`,
			    { due_on: day(i % 9 - 2), reason: 'slipped' });
			break;
		case 2:
			r = await via.api('PATCH', `/api/v1/projects/${p.id}`,
			    { status: pick(['paused', 'active']) });
			break;
		case 3:
			r = await via.api('POST', `/api/v1/projects/${p.id}/stage`,
			    { stage: pick(['data', 'modelling', 'production']),
			    override: true, reason: 'moving on' });
			break;
		case 4:
			r = await via.api('PATCH', `/api/v1/people/` +
			    `${pick(people).id}`, { name: `Renamed ${i}` });
			break;
		default:
			r = await via.api('PUT', `/api/v1/projects/${p.id}/` +
			    'ownership/training_pipeline/mle', { person_id:
			    pick(people).id });
		}
		assert.ok(r.status < 500, `write ${i}: ${r.status} ${r.text}`);
		for (const path of VIEWS) {
			const got = await read(path, pick([srv, other]));
			hows.set(got.how, (hows.get(got.how) ?? 0) + 1);
			assert.equal(got.text, await fresh(path),
			    `${path} after write ${i}`);
		}
	}
	// Both ways were taken: kept answers were read and ended.
	assert.ok(hows.get('kept') > 0, [...hows].join());
});

test('pruning keeps what is still true and refuses an older snapshot',
    async () => {
	const path = '/api/v1/digest';
	// The writes of the test before leave the ledger work that its job
	// does a moment later, and that work ends what is kept (rightly: the
	// digest reads the ledger): done first, so the hit below is one.
	await ledgerCaughtUp();
	const made = await fresh(path);
	// Twice, each as if the one before were long past: the horizon
	// moves to where the first one saw the oldest transaction.
	for (let i = 0; i < 2; i++) {
		await psql('UPDATE kept_horizon SET next_at = now() - ' +
		    "interval '1 minute'", { dsn: srv.dsn });
		await psql('SELECT api.kept_prune()', { dsn: srv.dsn });
	}
	const r = await read(path);
	assert.match(r.how, KEPT);
	assert.equal(r.text, made);
	// A snapshot from before the horizon cannot be vouched for.
	assert.equal(await psql("SELECT api.kept_put('{\"key\": \"x\", " +
	    "\"snap\": \"3:3:\", \"body\": \"old\"}')", { dsn: srv.dsn }),
	    'false');
	assert.equal(await psql("SELECT count(*) FROM kept_reads WHERE " +
	    "key = 'x'", { dsn: srv.dsn }), '0');
	// The rows below the horizon are gone, and every kept snapshot is
	// at or above it.
	assert.equal(await psql('SELECT count(*) FROM read_changes WHERE ' +
	    'xid < (SELECT xid FROM kept_horizon)', { dsn: srv.dsn }), '0');
	assert.equal(await psql('SELECT count(*) FROM kept_reads WHERE ' +
	    'pg_snapshot_xmin(snap) < (SELECT xid FROM kept_horizon)',
	    { dsn: srv.dsn }), '0');
	assert.notEqual(await psql('SELECT xid FROM kept_horizon',
	    { dsn: srv.dsn }), '0');
	// A write after pruning still ends it.
	await psql("UPDATE people SET name = name || '.' WHERE id = " +
	    '(SELECT min(id) FROM people)', { dsn: srv.dsn });
	assert.doesNotMatch((await read(path)).how, KEPT);
});

// A table that is not tracked ends no kept answer when written; so the
// list of untracked tables must name only machinery, and every table it
// does not name must carry the trigger (a table added by a later
// migration included, since migrate makes the triggers again).
test('every table but the listed machinery marks its writes', async () => {
	const untracked = (await psql(
	    "SELECT array_to_string(api.kept_untracked(), ' ')",
	    { dsn: srv.dsn })).split(' ');
	const rows = (await psql(
	    'SELECT c.relname || \':\' || EXISTS (SELECT 1 FROM pg_trigger g ' +
	    "WHERE g.tgrelid = c.oid AND g.tgname = 'read_changed') " +
	    'FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ' +
	    "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') " +
	    'ORDER BY 1', { dsn: srv.dsn })).split('\n');
	const tables = new Map(rows.map((r) => {
		const [name, has] = r.split(':');
		return [name, has === 'true'];
	}));
	for (const name of untracked) {
		assert.ok(tables.has(name), `untracked ${name} is no table`);
		assert.equal(tables.get(name), false, `${name} is tracked`);
	}
	for (const name of ['projects', 'project_versions', 'people',
	    'checkpoints'])
		assert.equal(tables.get(name), true, `${name} is not tracked`);
	const loose = [...tables].filter(([name, has]) =>
	    !has && !untracked.includes(name)).map(([name]) => name);
	assert.deepEqual(loose, [], 'tables neither tracked nor listed');
});

// A dump of another cluster (or of before backup.sh left these rows out)
// brings a horizon and kept snapshots in that cluster's transaction ids,
// which mean nothing here: with a horizon far ahead nothing would be kept
// until this cluster's ids got there, and an answer kept from such a
// snapshot would look true whatever is written here.  The migrate that
// follows a restore starts both afresh.
test('a migrate starts what is kept afresh, as after a restore from ' +
    'another cluster', async () => {
	const path = '/api/v1/digest';
	await ledgerCaughtUp();
	await fresh(path);
	const far = BigInt(await psql('SELECT pg_current_xact_id()',
	    { dsn: srv.dsn })) + 1000000n;
	await psql(`UPDATE kept_horizon SET xid = '${far}', next = '${far}'`,
	    { dsn: srv.dsn });
	await psql(`UPDATE kept_reads SET snap = '${far}:${far}:', ` +
	    "body = 'kept elsewhere'", { dsn: srv.dsn });
	await promisify(execFile)(join(TOP, 'src/tools/migrate.sh'), [],
	    { env: { ...process.env, DATABASE_URL: srv.dsn } });
	assert.equal(await psql('SELECT count(*) FROM kept_reads',
	    { dsn: srv.dsn }), '0');
	await ledgerCaughtUp();
	const made = await read(path);
	assert.equal(made.how, 'kept', 'kept again after the migrate');
	const hit = await read(path, other);
	assert.match(hit.how, KEPT);
	assert.equal(hit.text, made.text);
	await psql("UPDATE people SET name = name || '!' WHERE id = " +
	    '(SELECT min(id) FROM people)', { dsn: srv.dsn });
	const after = await read(path);
	assert.doesNotMatch(after.how, KEPT);
	assert.equal(after.text, await fresh(path));
});
