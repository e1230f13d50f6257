// Issue 14, item 5: deactivating a person shows what would be left with
// nobody (the boxes they hold, the open checkpoints they own, the handoffs
// offered by or to them and not accepted yet, on projects that are not
// over) and gives each to someone else in the same step: one transaction,
// GET/POST /api/v1/people/{id}/deactivation and the page
// /people/{id}/deactivate.  A stale item changes nothing; the risks
// afterwards are the engine's: an item left is an empty box, one given
// away is not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, createCheckpoint,
    assertError, auditCount, stored } from '../lib/fixtures.js';
import { postForm, signIn } from '../lib/security.js';

let srv, pm;

before(async () => {
	srv = await startApi();
	await srv.account('dz-pm@example.com', 'pm', 'dz-pm-password');
	pm = await signIn(srv, 'dz-pm@example.com', 'dz-pm-password');
});

after(async () => { await srv?.stop(); });

const cellPath = (pid, key, role) =>
    `/api/v1/projects/${pid}/ownership/${key}/${role}`;

async function ok(method, path, body, status = 200) {
	const r = await srv.api(method, path, body);
	assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
	return r.json;
}

async function project(id) {
	return stored(await ok('GET', `/api/v1/projects/${id}`));
}

// The expected boxes of a role, in the matrix's order.
function expectedBoxes(doc, role) {
	return doc.ownership.filter((row) => row[role].expected)
	    .map((row) => row.key);
}

async function hold(pid, key, person) {
	return ok('PUT', cellPath(pid, key, 'ds'), { person_id: person.id });
}

async function offer(pid, key, from, to) {
	return ok('POST', `/api/v1/projects/${pid}/handoffs/${key}/offer`,
	    { from_id: from.id, to_id: to.id });
}

// A person who holds things in two live projects and one that is over,
// and what else there is around them.
async function world() {
	const leaving = await createPerson(srv, { name: 'Lou Leaving',
	    role: 'ds' });
	const taker = await createPerson(srv, { name: 'Tia Taker',
	    role: 'ds' });
	const other = await createPerson(srv, { name: 'Oz Other',
	    role: 'mle' });
	const p1 = await createProject(srv);
	const p2 = await createProject(srv);
	const p3 = await createProject(srv);
	const [k1, k2, k3] = expectedBoxes(p1, 'ds');
	await hold(p1.id, k1, leaving);
	await hold(p1.id, k2, leaving);
	await hold(p1.id, k3, taker);			// someone else's
	await hold(p2.id, k1, leaving);
	await hold(p3.id, k1, leaving);			// p3 is cancelled below
	const cp = await createCheckpoint(srv, p1.id, { owner_id: leaving.id });
	const cpBlocked = await createCheckpoint(srv, p2.id,
	    { owner_id: leaving.id });
	await ok('PATCH', `/api/v1/checkpoints/${cpBlocked.id}`,
	    { status: 'blocked', note: 'waiting' });
	const cpDone = await createCheckpoint(srv, p1.id,
	    { owner_id: leaving.id });
	await ok('PATCH', `/api/v1/checkpoints/${cpDone.id}`,
	    { status: 'done' });
	await createCheckpoint(srv, p1.id, { owner_id: taker.id });
	await offer(p1.id, 'a', leaving, other);	// by them
	await offer(p2.id, 'b', other, leaving);	// to them
	await offer(p1.id, 'c', other, leaving);	// accepted: not open
	await ok('POST', `/api/v1/projects/${p1.id}/handoffs/c/accept`,
	    { reason: 'accepted for them' });
	await ok('PATCH', `/api/v1/projects/${p3.id}`,
	    { status: 'cancelled', reason: 'stopped' });
	return { leaving, taker, other, p1, p2, p3, k1, k2, k3, cp,
	    cpBlocked };
}

const items = (d) => [...d.boxes, ...d.checkpoints, ...d.handoffs]
    .map((x) => x.item).sort();

test('the preview lists exactly what the person holds across projects',
    async () => {
	const w = await world();
	const d = await ok('GET',
	    `/api/v1/people/${w.leaving.id}/deactivation`);
	assert.equal(d.person.id, w.leaving.id);
	assert.deepEqual(items(d), [
		`box/${w.p1.id}/${w.k1}/ds`, `box/${w.p1.id}/${w.k2}/ds`,
		`box/${w.p2.id}/${w.k1}/ds`,
		`checkpoint/${w.cp.id}`, `checkpoint/${w.cpBlocked.id}`,
		`handoff/${w.p1.id}/a/from`, `handoff/${w.p2.id}/b/to`,
	].sort());
	const b = d.handoffs.find((h) => h.key === 'b');
	assert.equal(b.side, 'to');
	assert.equal(b.other.id, w.other.id);
	// Who may take it: active people other than them.
	assert.ok(d.people.some((p) => p.id === w.taker.id));
	assert.ok(!d.people.some((p) => p.id === w.leaving.id));
	// Nothing changed by looking.
	assert.equal((await ok('GET', `/api/v1/people/${w.leaving.id}`))
	    .active, true);

	// The page shows the same items, each with its select, the person's
	// role first; and the people page leads there.
	const r = await srv.request('GET', `/people/${w.leaving.id}/deactivate`,
	    { auth: false, headers: { cookie: pm.cookie } });
	assert.equal(r.status, 200, r.text.slice(0, 300));
	const names = [...r.text.matchAll(/<select id="to-[^"]*" name="to:([^"]*)">/g)]
	    .map((m) => m[1]).sort();
	assert.deepEqual(names, items(d));
	assert.match(r.text, /<optgroup label="DS">\n<option value="\d+">Tia Taker \(ds\)/);
	const people = await srv.request('GET', '/people', { auth: false,
	    headers: { cookie: pm.cookie } });
	assert.match(people.text, new RegExp(`href="/people/${w.leaving.id}` +
	    '/deactivate">Deactivate'));
	assertError(await srv.api('GET', '/api/v1/people/999999/deactivation'),
	    404);
});

test('a stale item changes nothing: 412 in the API, the page says so in ' +
    'words', async () => {
	const w = await world();
	const d = await ok('GET',
	    `/api/v1/people/${w.leaving.id}/deactivation`);
	const box = (key, pid) => d.boxes.find((x) =>
	    x.item === `box/${pid}/${key}/ds`);
	// Someone changes the p2 box meanwhile (and gives it back).
	await hold(w.p2.id, w.k1, w.taker);
	await hold(w.p2.id, w.k1, w.leaving);
	const audits = await auditCount(srv);
	const reassign = [
		{ item: box(w.k1, w.p1.id).item, version:
		    box(w.k1, w.p1.id).version, person_id: w.taker.id },
		{ item: `checkpoint/${w.cp.id}`, version: w.cp.version,
		    person_id: w.taker.id },
		{ item: box(w.k1, w.p2.id).item, version:
		    box(w.k1, w.p2.id).version, person_id: w.taker.id },
	];
	const r = await srv.api('POST',
	    `/api/v1/people/${w.leaving.id}/deactivation`, { reassign },
	    { 'if-match': `"${d.person.version}"` });
	assertError(r, 412);
	assert.match(r.json.error.message, /changed by someone else/);
	assert.equal(await auditCount(srv), audits, 'nothing was written');
	const after = await ok('GET',
	    `/api/v1/people/${w.leaving.id}/deactivation`);
	assert.deepEqual(items(after), items(d));
	assert.equal(after.person.active, true);
	assert.equal(after.person.version, d.person.version);
	assert.equal((await project(w.p1.id)).ownership.find((x) =>
	    x.key === w.k1).ds.person.id, w.leaving.id);

	// Bad input: 400 at the field; someone inactive cannot take it.
	assertError(await srv.api('POST',
	    `/api/v1/people/${w.leaving.id}/deactivation`,
	    { reassign: [{ item: 'box/x', version: 1, person_id: 1 }] }),
	    400, 'reassign[0].item');
	assertError(await srv.api('POST',
	    `/api/v1/people/${w.leaving.id}/deactivation`,
	    { reassign: [{ ...reassign[0], person_id: w.leaving.id }] }),
	    400, 'reassign[0].person_id');
	assertError(await srv.api('POST',
	    `/api/v1/people/${w.leaving.id}/deactivation`,
	    { reassign: [{ item: reassign[0].item }] }), 400,
	    'reassign[0].version');

	// The page's form with the stale version: back to the preview by
	// GET, which says in words that something changed.
	const form = { version: String(d.person.version) };
	for (const x of reassign) {
		form[`to:${x.item}`] = String(x.person_id);
		form[`v:${x.item}`] = String(x.version);
	}
	const p = await postForm(srv, pm, `/people/${w.leaving.id}/deactivate`,
	    form);
	assert.equal(p.status, 303, p.text.slice(0, 300));
	assert.equal(p.headers.get('location'),
	    `/people/${w.leaving.id}/deactivate?changed=deactivate`);
	const g = await srv.request('GET', p.headers.get('location'),
	    { auth: false, headers: { cookie: pm.cookie } });
	assert.match(g.text, /<p class="form-notice" role="alert">Someone else changed this while you were editing/);
	assert.equal(await auditCount(srv), audits);
	assert.equal((await ok('GET', `/api/v1/people/${w.leaving.id}`))
	    .active, true);
});

test('confirming moves what was given away and deactivates, in one step; ' +
    'the risks are the engine\'s', async () => {
	const w = await world();
	const d = await ok('GET',
	    `/api/v1/people/${w.leaving.id}/deactivation`);
	const risksOf = async (pid) => (await ok('GET',
	    `/api/v1/projects/${pid}/risks`)).risks;
	const emptyBox = (risks, key) => risks.some((r) =>
	    r.kind === 'empty_owner' && r.subject.responsibility.key === key &&
	    r.subject.role === 'ds');
	let risks = await risksOf(w.p1.id);
	assert.ok(!emptyBox(risks, w.k1) && !emptyBox(risks, w.k2),
	    'held by someone active: no empty box');

	const item = (prefix) => [...d.boxes, ...d.checkpoints,
	    ...d.handoffs].find((x) => x.item.startsWith(prefix));
	const give = [item(`box/${w.p1.id}/${w.k1}/`),
	    item(`checkpoint/${w.cp.id}`), item(`handoff/${w.p2.id}/b/`)];
	const form = { version: String(d.person.version) };
	for (const x of give) {
		form[`to:${x.item}`] = String(w.taker.id);
		form[`v:${x.item}`] = String(x.version);
	}
	// Left as they are: an empty choice is not sent as a change.
	const left = item(`box/${w.p1.id}/${w.k2}/`);
	form[`to:${left.item}`] = '';
	form[`v:${left.item}`] = String(left.version);
	const audits = await auditCount(srv);
	const r = await postForm(srv, pm, `/people/${w.leaving.id}/deactivate`,
	    form);
	assert.equal(r.status, 303, r.text.slice(0, 500));
	assert.equal(r.headers.get('location'),
	    `/people/${w.leaving.id}/deactivate`);
	// Three changes and the deactivation, each audited.
	assert.equal(await auditCount(srv), audits + 4);
	assert.equal(await auditCount(srv, `entity = 'person' AND ` +
	    `entity_id = '${w.leaving.id}' AND action = 'deactivate'`), 1);

	const person = await ok('GET', `/api/v1/people/${w.leaving.id}`);
	assert.equal(person.active, false);
	const p1 = await project(w.p1.id);
	const cell = (doc, key) => doc.ownership.find((x) => x.key === key).ds;
	assert.equal(cell(p1, w.k1).person.id, w.taker.id);
	assert.equal(cell(p1, w.k2).person.id, w.leaving.id, 'left as it was');
	const cp = await ok('GET', `/api/v1/checkpoints/${w.cp.id}`);
	assert.equal(cp.owner.id, w.taker.id);
	const p2 = await project(w.p2.id);
	const b = p2.handoffs.find((h) => h.key === 'b');
	assert.equal(b.to.id, w.taker.id);
	assert.equal(b.state, 'offered', 'still waiting for its receiver');

	// What is left is still theirs, so nobody's: the page says how much.
	const g = await srv.request('GET', r.headers.get('location'),
	    { auth: false, headers: { cookie: pm.cookie } });
	assert.match(g.text, /Lou Leaving is not active\. Still theirs, and so nobody's for the risks: 2 boxes, 1 open checkpoint, 1 handoff not accepted yet\./);

	// The engine: the box left is empty, the one given away is not.
	risks = await risksOf(w.p1.id);
	assert.ok(emptyBox(risks, w.k2), 'the box left is an empty box');
	assert.ok(!emptyBox(risks, w.k1), 'the box given away is held');
	assert.ok(emptyBox(await risksOf(w.p2.id), w.k1));

	// Deactivating someone inactive: 409.
	assertError(await srv.api('POST',
	    `/api/v1/people/${w.leaving.id}/deactivation`, {}), 409);
});

test('the API does it too, with nothing to give away', async () => {
	const lone = await createPerson(srv);
	const d = await ok('GET', `/api/v1/people/${lone.id}/deactivation`);
	assert.deepEqual(items(d), []);
	const r = await ok('POST', `/api/v1/people/${lone.id}/deactivation`,
	    { reassign: [] });
	assert.equal(r.person.active, false);
	assert.equal(r.reassigned, 0);
});
