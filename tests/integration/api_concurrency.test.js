// Concurrent writers: If-Match makes exactly one of them win; without it
// every write lands, one after the other, each with its audit entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, createCheckpoint,
    assertError, assertVersioned, asPerson, auditCount, auditOf, dbValue,
    unique }
    from '../lib/fixtures.js';

let srv;
let project;

before(async () => {
	srv = await startApi();
	project = await createProject(srv);
});
after(async () => { await srv?.stop(); });

const CLIENTS = 20;

function patchAll(id, makeBody, headers) {
	return Promise.all(Array.from({ length: CLIENTS }, (_, i) =>
	    srv.api('PATCH', `/api/v1/checkpoints/${id}`, makeBody(i),
		{ 'x-handoff-actor': `client-${i}`, ...headers })));
}

// Audit entries for one checkpoint, through the API (newest first).
async function apiAuditOf(checkpointId) {
	const r = await srv.api('GET',
	    `/api/v1/projects/${project.id}/history?limit=200`);
	assert.equal(r.status, 200);
	return r.json.entries.filter((e) => e.entity === 'checkpoint' &&
	    e.entity_id === String(checkpointId));
}

test(`${CLIENTS} concurrent PATCHes with the same If-Match: one wins`,
    async () => {
	const c = await createCheckpoint(srv, project.id);
	const got = await srv.api('GET', `/api/v1/checkpoints/${c.id}`);
	const etag = got.headers.get('etag');
	assert.equal(etag, '"1"');
	const auditsBefore = await apiAuditOf(c.id);
	assert.equal(auditsBefore.length, 1);

	const rs = await patchAll(c.id, (i) => ({ note: `note from ${i}` }),
	    { 'if-match': etag });
	const won = rs.filter((r) => r.status === 200);
	const lost = rs.filter((r) => r.status !== 200);
	assert.equal(won.length, 1, rs.map((r) => r.status).join(' '));
	assert.equal(lost.length, CLIENTS - 1);
	for (const r of lost)
		assertError(r, 412);
	assertVersioned(won[0], 200, 2);

	// The winner's change is what is stored, and nothing else happened.
	const winner = rs.indexOf(won[0]);
	const now = await srv.api('GET', `/api/v1/checkpoints/${c.id}`);
	assertVersioned(now, 200, 2);
	assert.equal(now.json.note, `note from ${winner}`);
	assert.deepEqual(now.json, won[0].json);

	const audits = await apiAuditOf(c.id);
	assert.equal(audits.length, auditsBefore.length + 1);
	assert.equal(audits[0].actor, `client-${winner}`);
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)), 2);
	assert.equal(await dbValue(srv, 'SELECT count(*) FROM ' +
	    `checkpoint_versions WHERE checkpoint_id = ${c.id}`), '2');
});

test(`${CLIENTS} concurrent PATCHes without If-Match all land`,
    async () => {
	const c = await createCheckpoint(srv, project.id);
	const rs = await patchAll(c.id, (i) => ({ note: `writer ${i}` }));
	for (const r of rs)
		assert.equal(r.status, 200, r.text);

	// Each write saw the one before it: versions 2..21, each once.
	const versions = rs.map((r) => r.json.version).sort((a, b) => a - b);
	assert.deepEqual(versions, Array.from({ length: CLIENTS },
	    (_, i) => i + 2));
	for (const r of rs)
		assert.equal(r.headers.get('etag'), `"${r.json.version}"`);

	// Last writer wins: the stored note is the one of version 21.
	const last = rs.find((r) => r.json.version === CLIENTS + 1);
	const now = await srv.api('GET', `/api/v1/checkpoints/${c.id}`);
	assertVersioned(now, 200, CLIENTS + 1);
	assert.equal(now.json.note, last.json.note);

	const audits = await apiAuditOf(c.id);
	assert.equal(audits.length, CLIENTS + 1);
	assert.deepEqual(audits.slice(0, CLIENTS).map((e) => e.actor).sort(),
	    Array.from({ length: CLIENTS }, (_, i) => `client-${i}`).sort());
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)),
	    CLIENTS + 1);
});

test('concurrent slips without If-Match: one ledger entry per write',
    async () => {
	const c = await createCheckpoint(srv, project.id,
	    { due_on: '2026-04-01' });
	const rs = await patchAll(c.id, (i) => ({
	    due_on: `2026-05-${String(i + 1).padStart(2, '0')}`,
	    reason: `reason ${i}` }));
	for (const r of rs)
		assert.equal(r.status, 200, r.text);
	const now = (await srv.api('GET', `/api/v1/checkpoints/${c.id}`)).json;
	assert.equal(now.version, CLIENTS + 1);
	assert.equal(now.slips.length, CLIENTS);
	// The ledger is a chain: each slip starts where the previous ended.
	assert.equal(now.slips[0].from_due_on, '2026-04-01');
	for (let i = 1; i < CLIENTS; i++)
		assert.equal(now.slips[i].from_due_on, now.slips[i - 1].to_due_on);
	assert.equal(now.slips[CLIENTS - 1].to_due_on, now.due_on);
	assert.equal(now.original_due_on, '2026-04-01');
});

test(`${CLIENTS} concurrent project PATCHes with the same If-Match`,
    async () => {
	const p = await createProject(srv);
	const rs = await Promise.all(Array.from({ length: CLIENTS }, (_, i) =>
	    srv.api('PATCH', `/api/v1/projects/${p.id}`, { name: `name ${i}` },
		{ 'if-match': '"1"' })));
	assert.equal(rs.filter((r) => r.status === 200).length, 1);
	assert.equal(rs.filter((r) => r.status === 412).length, CLIENTS - 1);
	const h = await srv.api('GET', `/api/v1/projects/${p.id}/history`);
	assert.equal(h.json.total, 2);
});

test(`${CLIENTS} concurrent creations with one email: one person`,
    async () => {
	const email = `${unique('same')}@example.com`;
	const rs = await Promise.all(Array.from({ length: CLIENTS }, (_, i) =>
	    srv.api('POST', '/api/v1/people', { name: `Twin ${i}`,
		email: i % 2 ? email.toUpperCase() : email, role: 'ds' })));
	const created = rs.filter((r) => r.status === 201);
	assert.equal(created.length, 1, rs.map((r) => r.status).join(' '));
	for (const r of rs.filter((x) => x.status !== 201))
		assertError(r, 409);
	assert.equal(await dbValue(srv, 'SELECT count(*) FROM people WHERE ' +
	    `lower(email) = lower('${email}')`), '1');
	assert.equal(await auditCount(srv,
	    auditOf('person', created[0].json.id)), 1);
});

test(`${CLIENTS} concurrent accepts of one handoff: one wins, the rest 409`,
    async () => {
	const p = await createProject(srv);
	const from = await createPerson(srv, { role: 'mle' });
	const to = await createPerson(srv, { role: 'swe' });
	const offer = await srv.api('POST',
	    `/api/v1/projects/${p.id}/handoffs/c/offer`,
	    { from_id: from.id, to_id: to.id });
	assertVersioned(offer, 200, 2);
	// The receiver, from every client at once.
	const as = await asPerson(srv, to);
	const rs = await Promise.all(Array.from({ length: CLIENTS }, () =>
	    srv.api('POST', `/api/v1/projects/${p.id}/handoffs/c/accept`,
	    undefined, as)));
	assert.equal(rs.filter((r) => r.status === 200).length, 1,
	    rs.map((r) => r.status).join(' '));
	for (const r of rs.filter((x) => x.status !== 200))
		assertError(r, 409);
	assert.equal(await auditCount(srv, `project_id = ${p.id} AND ` +
	    "entity = 'handoff' AND action = 'accept'"), 1);
});
