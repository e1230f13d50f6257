// The ownership matrix, PUT|DELETE /api/v1/projects/{id}/ownership/{key}/
// {role}, and the handoffs, POST /api/v1/projects/{id}/handoffs/{a|b|c|d}/
// offer and .../accept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, assertError, assertVersioned,
    asPerson, auditCount, auditOf, historyOf, stored, TODAY } from '../lib/fixtures.js';

let srv;
let ds;
let mle;
let swe;
let gone;

before(async () => {
	srv = await startApi();
	ds = await createPerson(srv, { name: 'Dee Scientist', role: 'ds' });
	mle = await createPerson(srv, { name: 'Em Engineer', role: 'mle' });
	swe = await createPerson(srv, { name: 'Sam Software', role: 'swe' });
	gone = await createPerson(srv, { name: 'Lee Left', role: 'mle',
	    active: false });
});
after(async () => { await srv?.stop(); });

const ref = (p) => ({ id: p.id, name: p.name, active: p.active });
const cellPath = (pid, key, role) =>
    `/api/v1/projects/${pid}/ownership/${key}/${role}`;
const handoffPath = (pid, key, what) =>
    `/api/v1/projects/${pid}/handoffs/${key}/${what}`;

async function getProject(id) {
	const r = await srv.api('GET', `/api/v1/projects/${id}`);
	assert.equal(r.status, 200, r.text);
	return stored(r.json);
}

function cellOf(doc, key, role) {
	return doc.ownership.find((r) => r.key === key)[role];
}

function handoffOf(doc, key) {
	return doc.handoffs.find((h) => h.key === key);
}

test('PUT ownership assigns a person: 200, ETag, the cell', async () => {
	const p = await createProject(srv);
	const r = await srv.api('PUT', cellPath(p.id, 'model_serving', 'mle'),
	    { person_id: mle.id }, { 'x-handoff-actor': 'pm-jo' });
	assertVersioned(r, 200, 2);
	assert.deepEqual(r.json, { project_id: p.id,
	    responsibility: 'model_serving', name: 'Model serving',
	    needed_by: 'production', role: 'mle', expected: true,
	    person: ref(mle), version: 2 });

	// The project document shows the box filled, nothing else changed.
	const doc = await getProject(p.id);
	assert.deepEqual(cellOf(doc, 'model_serving', 'mle'),
	    { expected: true, person: ref(mle), version: 2 });
	const others = (d) => d.ownership.map((row) => ({ ...row,
	    mle: row.key === 'model_serving' ? null : row.mle }));
	assert.deepEqual(others(doc), others(p));

	const h = await historyOf(srv, p.id);
	assert.equal(h.total, 2);
	assert.equal(h.entries[0].entity, 'ownership');
	assert.equal(h.entries[0].actor, 'pm-jo');
	assert.equal(await auditCount(srv,
	    auditOf('ownership', 'model_serving/mle') +
	    ` AND project_id = ${p.id}`), 1);
});

test('PUT ownership on a cell that is not expected works too', async () => {
	const p = await createProject(srv);
	const r = await srv.api('PUT', cellPath(p.id, 'problem_framing', 'swe'),
	    { person_id: swe.id });
	assertVersioned(r, 200, 2);
	assert.equal(r.json.expected, false);
	assert.deepEqual(r.json.person, ref(swe));
});

test('PUT ownership replaces, DELETE clears; If-Match is honoured',
    async () => {
	const p = await createProject(srv);
	const path = cellPath(p.id, 'on_call', 'swe');
	assertVersioned(await srv.api('PUT', path, { person_id: swe.id },
	    { 'if-match': '"1"' }), 200, 2);
	const replaced = await srv.api('PUT', path, { person_id: ds.id },
	    { 'if-match': '"2"' });
	assertVersioned(replaced, 200, 3);
	assert.deepEqual(replaced.json.person, ref(ds));

	// Stale: 412, the box keeps its person, no audit entry.
	const audits = await auditCount(srv, `project_id = ${p.id}`);
	assertError(await srv.api('PUT', path, { person_id: mle.id },
	    { 'if-match': '"2"' }), 412);
	assertError(await srv.api('DELETE', path, undefined,
	    { 'if-match': '"1"' }), 412);
	assert.deepEqual(cellOf(await getProject(p.id), 'on_call', 'swe'),
	    { expected: true, person: ref(ds), version: 3 });
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);
	assertError(await srv.api('PUT', path, { person_id: mle.id },
	    { 'if-match': '3' }), 400, 'If-Match');

	const cleared = await srv.api('DELETE', path, undefined,
	    { 'if-match': '"3"' });
	assertVersioned(cleared, 200, 4);
	assert.deepEqual(cleared.json, { project_id: p.id,
	    responsibility: 'on_call', name: 'On-call for model health',
	    needed_by: 'monitoring', role: 'swe', expected: true,
	    person: null, version: 4 });
	assert.deepEqual(cellOf(await getProject(p.id), 'on_call', 'swe'),
	    { expected: true, person: null, version: 4 });
	assert.equal(await auditCount(srv, `project_id = ${p.id}`),
	    audits + 1);
});

test('PUT ownership refuses inactive, unknown and malformed people',
    async () => {
	const p = await createProject(srv);
	const path = cellPath(p.id, 'model_registry', 'mle');
	for (const [body, field] of [
		[{ person_id: gone.id }, 'person_id'],
		[{ person_id: 999999 }, 'person_id'],
		[{ person_id: 9223372036854775807n }, 'person_id'],
		[{ person_id: 0 }, 'person_id'],
		[{ person_id: -2 }, 'person_id'],
		[{ person_id: String(mle.id) }, 'person_id'],
		[{ person_id: 2.5 }, 'person_id'],
		[{ person_id: null }, 'person_id'],
		[{}, 'person_id'],
		[{ person_id: mle.id, role: 'mle' }, 'role'],
	]) {
		const text = JSON.stringify(body, (k, v) =>
		    typeof v === 'bigint' ? `@@${v}@@` : v)
		    .replace(/"@@(\d+)@@"/g, '$1');
		const r = await srv.request('PUT', path, {
		    body: Buffer.from(text),
		    headers: { 'content-type': 'application/json' } });
		assertError(r, 400, field);
	}
	const doc = await getProject(p.id);
	assert.deepEqual(doc, p);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), 1);
});

test('ownership: unknown project, responsibility or role is 404',
    async () => {
	const p = await createProject(srv);
	for (const path of [
		cellPath(999999, 'model_serving', 'mle'),
		cellPath(0, 'model_serving', 'mle'),
		cellPath(p.id, 'no_such_row', 'mle'),
		cellPath(p.id, 'model_serving', 'pm'),
		cellPath(p.id, 'model_serving', 'cto'),
		cellPath(p.id, 'Model_Serving', 'mle'),
		cellPath(p.id, 'model_serving', 'MLE'),
		cellPath(p.id, 'model_serving', 'm'),
		`/api/v1/projects/${p.id}/ownership/model_serving`,
		`/api/v1/projects/${p.id}/ownership/model_serving/mle/x`,
	]) {
		assertError(await srv.api('PUT', path, { person_id: mle.id }),
		    404);
		assertError(await srv.api('DELETE', path), 404);
	}
	assert.deepEqual(await getProject(p.id), p);
});

test('ownership: wrong methods are 405 with Allow', async () => {
	const p = await createProject(srv);
	for (const m of ['GET', 'POST', 'PATCH']) {
		const r = await srv.api(m, cellPath(p.id, 'fallback', 'swe'),
		    m === 'GET' ? undefined : { person_id: swe.id });
		assertError(r, 405);
		assert.equal(r.headers.get('allow'), 'PUT, DELETE');
	}
	assert.deepEqual(await getProject(p.id), p);
});

test('an inactive owner shows as inactive in the matrix', async () => {
	const p = await createProject(srv);
	const leaver = await createPerson(srv, { role: 'ds' });
	const path = cellPath(p.id, 'offline_evaluation', 'ds');
	assertVersioned(await srv.api('PUT', path, { person_id: leaver.id }),
	    200, 2);
	const off = await srv.api('PATCH', `/api/v1/people/${leaver.id}`,
	    { active: false });
	assert.equal(off.status, 200);
	assert.deepEqual(cellOf(await getProject(p.id), 'offline_evaluation',
	    'ds').person, { id: leaver.id, name: leaver.name, active: false });
	// And cannot be given a new box.
	assertError(await srv.api('PUT', cellPath(p.id, 'problem_framing',
	    'ds'), { person_id: leaver.id }), 400, 'person_id');
});

test('offer then accept a handoff: 200, ETags, state and dates',
    async () => {
	const p = await createProject(srv);
	const url = 'https://git.example.com/notebooks/churn.ipynb';
	const offer = await srv.api('POST', handoffPath(p.id, 'b', 'offer'),
	    { from_id: ds.id, to_id: mle.id, artifact_url: url },
	    { 'x-handoff-actor': 'dee' });
	assertVersioned(offer, 200, 2);
	const o = offer.json;
	assert.equal(o.key, 'b');
	assert.deepEqual(o.from, ref(ds));
	assert.deepEqual(o.to, ref(mle));
	assert.equal(o.artifact_url, url);
	assert.equal(o.offered_on, TODAY);
	assert.equal(o.accepted_on, null);
	assert.equal(o.state, 'offered');
	assert.deepEqual(handoffOf(await getProject(p.id), 'b'), o);

	assert.equal(o.accepted_by, null);
	assert.equal(o.accept_reason, null);

	// The receiver accepts (the account that is Em Engineer).
	const accept = await srv.api('POST', handoffPath(p.id, 'b', 'accept'),
	    undefined, { ...await asPerson(srv, mle), 'if-match': '"2"' });
	assertVersioned(accept, 200, 3);
	assert.deepEqual(accept.json, { ...o, accepted_on: TODAY,
	    accepted_by: ref(mle), state: 'accepted', version: 3 });
	const doc = await getProject(p.id);
	assert.deepEqual(handoffOf(doc, 'b'), accept.json);
	// The other handoffs are untouched.
	for (const k of ['a', 'c', 'd'])
		assert.deepEqual(handoffOf(doc, k), handoffOf(p, k));

	const h = await historyOf(srv, p.id);
	assert.equal(h.total, 3);
	assert.deepEqual(h.entries.slice(0, 2).map((e) => [e.entity,
	    e.entity_id, e.actor]), [['handoff', 'b', mle.email],
	    ['handoff', 'b', 'dee']]);
	assert.equal(h.entries[0].actor_name, mle.name);
});

test('every handoff key can be offered and accepted', async () => {
	const p = await createProject(srv);
	for (const k of ['a', 'b', 'c', 'd']) {
		const o = await srv.api('POST', handoffPath(p.id, k, 'offer'),
		    { from_id: swe.id, to_id: ds.id, artifact_url: null });
		assertVersioned(o, 200, 2);
		assert.equal(o.json.key, k);
		assert.equal(o.json.artifact_url, null);
		const a = await srv.api('POST', handoffPath(p.id, k, 'accept'),
		    undefined, await asPerson(srv, ds));
		assertVersioned(a, 200, 3);
		assert.equal(a.json.state, 'accepted');
	}
});

test('accepting a handoff not offered, or twice, is 409', async () => {
	const p = await createProject(srv);
	const audits = await auditCount(srv, `project_id = ${p.id}`);
	assertError(await srv.api('POST', handoffPath(p.id, 'c', 'accept')),
	    409);
	assert.deepEqual(await getProject(p.id), p);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);

	assert.equal((await srv.api('POST', handoffPath(p.id, 'c', 'offer'),
	    { from_id: mle.id, to_id: swe.id })).status, 200);
	const first = await srv.api('POST', handoffPath(p.id, 'c', 'accept'),
	    undefined, await asPerson(srv, swe));
	assertVersioned(first, 200, 3);
	const twice = await srv.api('POST', handoffPath(p.id, 'c', 'accept'),
	    undefined, await asPerson(srv, swe));
	assertError(twice, 409);
	assert.deepEqual(handoffOf(await getProject(p.id), 'c'), first.json);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`),
	    audits + 2);
});

test('offering a handoff validates people and fields', async () => {
	const p = await createProject(srv);
	const path = handoffPath(p.id, 'a', 'offer');

	// From a person to themselves.
	const self = await srv.api('POST', path,
	    { from_id: ds.id, to_id: ds.id });
	assert.equal(self.status, 400, self.text);
	assertError(self, 400);
	assert.ok(['from_id', 'to_id'].includes(self.json.error.field),
	    self.text);

	for (const [body, field] of [
		[{ from_id: gone.id, to_id: mle.id }, 'from_id'],
		[{ from_id: ds.id, to_id: gone.id }, 'to_id'],
		[{ from_id: 999999, to_id: mle.id }, 'from_id'],
		[{ from_id: ds.id, to_id: 999999 }, 'to_id'],
		[{ from_id: 0, to_id: mle.id }, 'from_id'],
		[{ from_id: ds.id, to_id: -1 }, 'to_id'],
		[{ from_id: ds.id }, 'to_id'],
		[{ to_id: mle.id }, 'from_id'],
		[{ from_id: null, to_id: mle.id }, 'from_id'],
		[{ from_id: String(ds.id), to_id: mle.id }, 'from_id'],
		[{ from_id: ds.id, to_id: mle.id, artifact_url: 'notebook' },
		    'artifact_url'],
		[{ from_id: ds.id, to_id: mle.id,
		    artifact_url: `https://x.example.com/${'a'.repeat(2000)}` },
		    'artifact_url'],
		[{ from_id: ds.id, to_id: mle.id, note: 'hi' }, 'note'],
	])
		assertError(await srv.api('POST', path, body), 400, field);
	assert.deepEqual(await getProject(p.id), p);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), 1);
});

test('handoffs: a stale If-Match is 412 and changes nothing', async () => {
	const p = await createProject(srv);
	const offer = handoffPath(p.id, 'd', 'offer');
	const accept = handoffPath(p.id, 'd', 'accept');
	assertVersioned(await srv.api('POST', offer,
	    { from_id: mle.id, to_id: swe.id }, { 'if-match': '"1"' }), 200, 2);
	const snapshot = handoffOf(await getProject(p.id), 'd');
	const audits = await auditCount(srv, `project_id = ${p.id}`);

	assertError(await srv.api('POST', offer, { from_id: ds.id,
	    to_id: swe.id }, { 'if-match': '"1"' }), 412);
	assertError(await srv.api('POST', accept, undefined,
	    { 'if-match': '"1"' }), 412);
	assert.deepEqual(handoffOf(await getProject(p.id), 'd'), snapshot);
	assert.equal(await auditCount(srv, `project_id = ${p.id}`), audits);
	assertError(await srv.api('POST', accept, undefined,
	    { 'if-match': 'W/2' }), 400, 'If-Match');
});

test('handoffs: unknown project or key is 404', async () => {
	const p = await createProject(srv);
	const body = { from_id: ds.id, to_id: mle.id };
	for (const [pid, key] of [[999999, 'a'], [0, 'a'], [p.id, 'e'],
	    [p.id, 'A'], [p.id, 'ab'], [p.id, '1']]) {
		assertError(await srv.api('POST', handoffPath(pid, key,
		    'offer'), body), 404);
		assertError(await srv.api('POST', handoffPath(pid, key,
		    'accept')), 404);
	}
	assertError(await srv.api('POST',
	    `/api/v1/projects/${p.id}/handoffs/a/reject`, body), 404);
	assert.deepEqual(await getProject(p.id), p);
});

test('handoffs: wrong methods are 405 with Allow', async () => {
	const p = await createProject(srv);
	for (const what of ['offer', 'accept']) {
		for (const m of ['GET', 'PUT', 'PATCH', 'DELETE']) {
			const r = await srv.api(m, handoffPath(p.id, 'a', what),
			    m === 'GET' ? undefined : {});
			assertError(r, 405);
			assert.equal(r.headers.get('allow'), 'POST');
		}
	}
	assert.deepEqual(await getProject(p.id), p);
});
