// Checkpoints: POST /api/v1/projects/{id}/checkpoints and
// GET|PATCH|DELETE /api/v1/checkpoints/{id}, with the slip ledger.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_USER } from '../lib/harness.js';
import { startApi, createPerson, createProject, createCheckpoint,
    assertError, assertVersioned, auditCount, auditOf, historyOf, rowCount,
    addDays,
    TODAY, KICKOFF } from '../lib/fixtures.js';

let srv;
let owner;
let inactive;
let project;

before(async () => {
	srv = await startApi();
	owner = await createPerson(srv, { name: 'Olu Owner', role: 'mle' });
	inactive = await createPerson(srv, { name: 'Ina Gone', role: 'ds',
	    active: false });
	project = await createProject(srv);
});
after(async () => { await srv?.stop(); });

const CP = '/api/v1/checkpoints';
const ref = (p) => ({ id: p.id, name: p.name, active: p.active });

async function getCheckpoint(id) {
	const r = await srv.api('GET', `${CP}/${id}`);
	assertVersioned(r, 200, r.json?.version);
	return r.json;
}

async function countOf(projectId) {
	const r = await srv.api('GET', `/api/v1/projects/${projectId}`);
	assert.equal(r.status, 200);
	return r.json.checkpoints.length;
}

// Audit entries, versions and slips of one checkpoint.
async function historyRows(id) {
	return [await auditCount(srv, auditOf('checkpoint', id)),
	    await rowCount(srv, 'checkpoint_versions', `checkpoint_id = ${id}`),
	    await rowCount(srv, 'checkpoint_slips', `checkpoint_id = ${id}`)];
}

function patch(id, body, headers) {
	return srv.api('PATCH', `${CP}/${id}`, body, headers);
}

test('POST /projects/{id}/checkpoints: 201, Location, ETag, the document',
    async () => {
	const body = { stage: 'data', title: 'Label quality audit',
	    due_on: addDays(KICKOFF, 17), owner_id: owner.id, decision: true,
	    evidence_url: 'https://wiki.example.com/label-audit',
	    note: 'sample 500 labels\nby hand' };
	const r = await srv.api('POST',
	    `/api/v1/projects/${project.id}/checkpoints`, body,
	    { 'x-handoff-actor': 'olu' });
	assertVersioned(r, 201, 1);
	const id = r.json.id;
	assert.ok(Number.isInteger(id) && id > 0);
	assert.equal(r.headers.get('location'), `${CP}/${id}`);
	assert.deepEqual(r.json, { id, project_id: project.id, stage: 'data',
	    title: body.title, due_on: body.due_on,
	    original_due_on: body.due_on, owner: ref(owner),
	    status: 'pending', completed_on: null, decision: true,
	    outcome: null, evidence_url: body.evidence_url, note: body.note,
	    version: 1, slips: [] });

	// GET, HEAD, and the project document all show it.
	assert.deepEqual(await getCheckpoint(id), r.json);
	const head = await srv.api('HEAD', `${CP}/${id}`);
	assert.equal(head.status, 200);
	assert.equal(head.text, '');
	assert.equal(head.headers.get('etag'), '"1"');
	const doc = (await srv.api('GET', `/api/v1/projects/${project.id}`))
	    .json;
	assert.equal(doc.checkpoints.length, 9);
	assert.deepEqual(doc.checkpoints.find((c) => c.id === id), r.json);
	const dues = doc.checkpoints.map((c) => c.due_on);
	assert.deepEqual(dues, [...dues].sort(), 'ordered by due date');

	const h = await historyOf(srv, project.id);
	assert.equal(h.entries[0].entity, 'checkpoint');
	assert.equal(h.entries[0].entity_id, String(id));
	assert.equal(h.entries[0].action, 'create');
	assert.equal(h.entries[0].actor, 'olu');
});

test('POST checkpoints: minimal body takes the defaults', async () => {
	const c = await createCheckpoint(srv, project.id, { stage: 'baseline',
	    title: 'Minimal', due_on: KICKOFF });
	const { id, ...rest } = c;
	assert.deepEqual(rest, { project_id: project.id, stage: 'baseline',
	    title: 'Minimal', due_on: KICKOFF, original_due_on: KICKOFF,
	    owner: null, status: 'pending', completed_on: null,
	    decision: false, outcome: null, evidence_url: null, note: null,
	    version: 1, slips: [] });
});

test('POST checkpoints: a due date before the kickoff needs a reason',
    async () => {
	const path = `/api/v1/projects/${project.id}/checkpoints`;
	const before = await countOf(project.id);
	const early = addDays(KICKOFF, -3);
	for (const extra of [{}, { reason: '   ' }]) {
		const r = await srv.api('POST', path, { stage: 'framing',
		    title: 'Too early', due_on: early, ...extra });
		assertError(r, 400, 'due_on');
	}
	assertError(await srv.api('POST', path, { stage: 'framing',
	    title: 'Too early', due_on: early, reason: '' }), 400, 'reason');
	assert.equal(await countOf(project.id), before);

	const r = await srv.api('POST', path, { stage: 'framing',
	    title: 'Back-dated review', due_on: early,
	    reason: 'the review happened before the formal kickoff' });
	assertVersioned(r, 201, 1);
	assert.equal(r.json.due_on, early);
	assert.equal(await countOf(project.id), before + 1);
});

test('POST checkpoints validates every field, naming it', async () => {
	const path = `/api/v1/projects/${project.id}/checkpoints`;
	const base = () => ({ stage: 'data', title: 'Valid',
	    due_on: addDays(KICKOFF, 7) });
	const cases = [
		[{ stage: undefined }, 'stage'],
		[{ stage: 'deploy' }, 'stage'],
		[{ title: undefined }, 'title'],
		[{ title: '' }, 'title'],
		[{ title: 'x'.repeat(301) }, 'title'],
		[{ title: 'ü'.repeat(301) }, 'title'],
		[{ title: 'two\nlines' }, 'title'],
		[{ due_on: undefined }, 'due_on'],
		[{ due_on: '2026-02-30' }, 'due_on'],
		[{ due_on: '2026-02-29' }, 'due_on'],
		[{ due_on: '2026-04-31' }, 'due_on'],
		[{ due_on: '0999-12-31' }, 'due_on'],
		[{ due_on: '2026-3-30' }, 'due_on'],
		[{ due_on: null }, 'due_on'],
		[{ owner_id: 999999 }, 'owner_id'],
		[{ owner_id: inactive.id }, 'owner_id'],
		[{ owner_id: 0 }, 'owner_id'],
		[{ owner_id: -1 }, 'owner_id'],
		[{ owner_id: String(owner.id) }, 'owner_id'],
		[{ decision: 'yes' }, 'decision'],
		[{ evidence_url: 'javascript:alert(1)' }, 'evidence_url'],
		[{ evidence_url: '//evil.example.com/x' }, 'evidence_url'],
		[{ evidence_url: 'https://' }, 'evidence_url'],
		[{ evidence_url: 'https://a b.example.com' }, 'evidence_url'],
		[{ note: 'n'.repeat(2001) }, 'note'],
		[{ note: 1 }, 'note'],
		[{ reason: 'r'.repeat(501) }, 'reason'],
		[{ status: 'done' }, 'status'],
		[{ project_id: project.id }, 'project_id'],
	];
	const before = await countOf(project.id);
	for (const [p, field] of cases) {
		const body = { ...base(), ...p };
		for (const k of Object.keys(p))
			if (p[k] === undefined)
				delete body[k];
		assertError(await srv.api('POST', path, body), 400, field);
	}
	assert.equal(await countOf(project.id), before, 'nothing was created');

	// The limits are characters: 300 of them, multi-byte, fit.
	const c = await createCheckpoint(srv, project.id,
	    { title: '✓'.repeat(300), note: '😀'.repeat(2000) });
	assert.equal(c.title, '✓'.repeat(300));
	assert.equal(c.note, '😀'.repeat(2000));

	// Unknown project: 404; the body is still checked first.
	assertError(await srv.api('POST', '/api/v1/projects/999999/checkpoints',
	    base()), 404);
});

test('PATCH /checkpoints/{id} changes fields: 200, ETag "2", audit entry',
    async () => {
	const c = await createCheckpoint(srv, project.id);
	const other = await createPerson(srv, { role: 'swe' });
	const r = await patch(c.id, { title: 'Renamed', stage: 'baseline',
	    owner_id: other.id, note: 'a note', evidence_url:
	    'http://example.com/e', decision: true });
	assertVersioned(r, 200, 2);
	assert.deepEqual(r.json, { ...c, title: 'Renamed', stage: 'baseline',
	    owner: ref(other), note: 'a note',
	    evidence_url: 'http://example.com/e', decision: true,
	    version: 2 });
	assert.deepEqual(await getCheckpoint(c.id), r.json);
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)), 2);

	// null clears what may be cleared.
	const cleared = await patch(c.id, { owner_id: null, note: null,
	    evidence_url: null });
	assertVersioned(cleared, 200, 3);
	assert.equal(cleared.json.owner, null);
	assert.equal(cleared.json.note, null);
	assert.equal(cleared.json.evidence_url, null);
});

test('PATCH: a new due_on without a reason is refused, changing nothing',
    async () => {
	const c = await createCheckpoint(srv, project.id);
	const audits = await auditCount(srv, auditOf('checkpoint', c.id));
	for (const body of [
		{ due_on: addDays(c.due_on, 7) },
		{ due_on: addDays(c.due_on, 7), reason: '  ' },
		{ due_on: addDays(c.due_on, 7), title: 'and a title' },
	]) {
		assertError(await patch(c.id, body), 400, 'reason');
	}
	assertError(await patch(c.id, { due_on: addDays(c.due_on, 7),
	    reason: '' }), 400, 'reason');
	assertError(await patch(c.id, { due_on: addDays(c.due_on, 7),
	    reason: 'x'.repeat(501) }), 400, 'reason');
	assertError(await patch(c.id, { due_on: '2026-02-30',
	    reason: 'impossible' }), 400, 'due_on');
	assert.deepEqual(await getCheckpoint(c.id), c);
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)),
	    audits);
	assert.deepEqual(await historyRows(c.id), [1, 1, 0]);
});

test('PATCH: a moved due date lands in the slip ledger with its reason',
    async () => {
	const c = await createCheckpoint(srv, project.id,
	    { due_on: addDays(KICKOFF, 14) });
	const first = addDays(c.due_on, 7);
	const r = await patch(c.id, { due_on: first,
	    reason: 'labels arrive late' }, { 'x-handoff-actor': 'dana' });
	assertVersioned(r, 200, 2);
	assert.equal(r.json.due_on, first);
	assert.equal(r.json.original_due_on, c.due_on);
	assert.equal(r.json.slips.length, 1);
	const s = r.json.slips[0];
	assert.equal(s.from_due_on, c.due_on);
	assert.equal(s.to_due_on, first);
	assert.equal(s.reason, 'labels arrive late');
	assert.equal(s.on, TODAY);
	assert.equal(s.actor, 'dana');
	assert.match(s.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

	const second = addDays(first, -2);
	const r2 = await patch(c.id, { due_on: second,
	    reason: 'pulled in again' }, { 'if-match': '"2"' });
	assertVersioned(r2, 200, 3);
	assert.equal(r2.json.original_due_on, c.due_on);
	assert.deepEqual(r2.json.slips.map((x) => [x.from_due_on, x.to_due_on,
	    x.reason, x.actor]), [
		[c.due_on, first, 'labels arrive late', 'dana'],
		[first, second, 'pulled in again', DEFAULT_USER],
	]);
	assert.deepEqual(await getCheckpoint(c.id), r2.json);

	// The project document carries the same ledger.
	const doc = (await srv.api('GET', `/api/v1/projects/${project.id}`))
	    .json;
	assert.deepEqual(doc.checkpoints.find((x) => x.id === c.id), r2.json);
	// One audit entry, one version and one slip per change.
	assert.deepEqual(await historyRows(c.id), [3, 3, 2]);
});

test('PATCH: a due date before the kickoff needs a reason too', async () => {
	const c = await createCheckpoint(srv, project.id);
	const early = addDays(KICKOFF, -7);
	const bad = await patch(c.id, { due_on: early });
	assert.equal(bad.status, 400);
	assert.ok(['reason', 'due_on'].includes(bad.json.error.field),
	    bad.text);
	assert.deepEqual(await getCheckpoint(c.id), c);

	const ok = await patch(c.id, { due_on: early,
	    reason: 'agreed at the pre-kickoff meeting' });
	assertVersioned(ok, 200, 2);
	assert.equal(ok.json.due_on, early);
	assert.equal(ok.json.slips.length, 1);
});

test('PATCH: marking done defaults completed_on to today', async () => {
	const c = await createCheckpoint(srv, project.id);
	const r = await patch(c.id, { status: 'done' });
	assertVersioned(r, 200, 2);
	assert.equal(r.json.status, 'done');
	assert.equal(r.json.completed_on, TODAY);

	// Back to pending clears the date.
	const again = await patch(c.id, { status: 'pending' });
	assertVersioned(again, 200, 3);
	assert.equal(again.json.status, 'pending');
	assert.equal(again.json.completed_on, null);

	// Waived is a completion as well.
	const waived = await patch(c.id, { status: 'waived' });
	assert.equal(waived.json.completed_on, TODAY);
	const blocked = await patch(c.id, { status: 'blocked',
	    note: 'waiting on data access' });
	assert.equal(blocked.status, 200);
	assert.equal(blocked.json.status, 'blocked');
	assert.equal(blocked.json.completed_on, null);
});

test('PATCH: completed_on may be given, but not in the future or before ' +
    'the kickoff', async () => {
	const c = await createCheckpoint(srv, project.id);
	const past = addDays(TODAY, -4);
	const r = await patch(c.id, { status: 'done', completed_on: past });
	assertVersioned(r, 200, 2);
	assert.equal(r.json.completed_on, past);

	for (const [body, field] of [
		[{ completed_on: addDays(TODAY, 1) }, 'completed_on'],
		[{ status: 'done', completed_on: addDays(TODAY, 30) },
		    'completed_on'],
		[{ completed_on: addDays(KICKOFF, -1) }, 'completed_on'],
		[{ completed_on: '2026-02-30' }, 'completed_on'],
		[{ completed_on: null }, 'completed_on'],
		[{ status: 'finished' }, 'status'],
		[{ status: null }, 'status'],
	])
		assertError(await patch(c.id, body), 400, field);
	assert.deepEqual(await getCheckpoint(c.id), r.json);
	assert.deepEqual(await historyRows(c.id), [2, 2, 0]);

	// Today itself is fine; so is changing the date of a done checkpoint.
	const today = await patch(c.id, { completed_on: TODAY });
	assertVersioned(today, 200, 3);
	assert.equal(today.json.completed_on, TODAY);
	assert.equal(today.json.status, 'done');

	// A pending checkpoint has no completion date.
	const p = await createCheckpoint(srv, project.id);
	assertError(await patch(p.id, { completed_on: past }), 400,
	    'completed_on');
	assertError(await patch(p.id, { status: 'blocked',
	    completed_on: past }), 400, 'completed_on');
	assert.deepEqual(await getCheckpoint(p.id), p);
});

test('PATCH: an outcome only on a decision checkpoint', async () => {
	const plain = await createCheckpoint(srv, project.id);
	assert.equal(plain.decision, false);
	for (const outcome of ['go', 'pivot', 'stop'])
		assertError(await patch(plain.id, { outcome }), 400, 'outcome');
	assertError(await patch(plain.id, { decision: false, outcome: 'go' }),
	    400, 'outcome');
	assert.deepEqual(await getCheckpoint(plain.id), plain);

	// The template's week-2 feasibility call is a decision point.
	const feas = project.checkpoints[1];
	assert.equal(feas.decision, true);
	assertError(await patch(feas.id, { outcome: 'maybe' }), 400, 'outcome');
	const go = await patch(feas.id, { status: 'done', outcome: 'go' });
	assertVersioned(go, 200, 2);
	assert.equal(go.json.outcome, 'go');
	assert.equal(go.json.completed_on, TODAY);
	const cleared = await patch(feas.id, { outcome: null });
	assert.equal(cleared.status, 200);
	assert.equal(cleared.json.outcome, null);

	// Making a checkpoint a decision in the same request allows it.
	const made = await patch(plain.id, { decision: true, outcome: 'pivot' });
	assertVersioned(made, 200, 2);
	assert.equal(made.json.outcome, 'pivot');
});

test('PATCH: owners must exist and be active', async () => {
	const c = await createCheckpoint(srv, project.id);
	for (const [owner_id, field] of [[999999, 'owner_id'],
	    [inactive.id, 'owner_id'], [0, 'owner_id'], [-9, 'owner_id'],
	    [1.5, 'owner_id'], ['x', 'owner_id']])
		assertError(await patch(c.id, { owner_id }), 400, field);
	assert.deepEqual(await getCheckpoint(c.id), c);
	const r = await patch(c.id, { owner_id: owner.id });
	assertVersioned(r, 200, 2);
	assert.deepEqual(r.json.owner, ref(owner));
});

test('PATCH validates every field, naming it', async () => {
	const c = await createCheckpoint(srv, project.id);
	for (const [body, field] of [
		[{ title: '' }, 'title'],
		[{ title: null }, 'title'],
		[{ title: 'é'.repeat(301) }, 'title'],
		[{ stage: 'ops' }, 'stage'],
		[{ due_on: 'tomorrow', reason: 'x' }, 'due_on'],
		[{ decision: 'no' }, 'decision'],
		[{ evidence_url: 'ftp://example.com/x' }, 'evidence_url'],
		[{ note: 'n'.repeat(2001) }, 'note'],
		[{ original_due_on: KICKOFF }, 'original_due_on'],
		[{ slips: [] }, 'slips'],
		[{ version: 1 }, 'version'],
	])
		assertError(await patch(c.id, body), 400, field);
	assert.deepEqual(await getCheckpoint(c.id), c);
});

test('PATCH with a stale If-Match: 412 and nothing changes', async () => {
	const c = await createCheckpoint(srv, project.id);
	const ok = await patch(c.id, { note: 'first' }, { 'if-match': '"1"' });
	assertVersioned(ok, 200, 2);
	const audits = await auditCount(srv, auditOf('checkpoint', c.id));
	const stale = await patch(c.id, { note: 'second', status: 'done' },
	    { 'if-match': '"1"' });
	assertError(stale, 412);
	assert.deepEqual(await getCheckpoint(c.id), ok.json);
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)),
	    audits);
	assertError(await patch(c.id, { note: 'x' }, { 'if-match': 'v2' }),
	    400, 'If-Match');
	assertError(await patch(c.id, { due_on: addDays(c.due_on, 1),
	    reason: 'stale' }, { 'if-match': 'W/"1"' }), 412);
	assert.deepEqual(await getCheckpoint(c.id), ok.json);
});

test('DELETE /checkpoints/{id}: 204, then gone; stale If-Match keeps it',
    async () => {
	const c = await createCheckpoint(srv, project.id);
	const before = await countOf(project.id);
	const audits = await auditCount(srv, auditOf('checkpoint', c.id));

	const stale = await srv.api('DELETE', `${CP}/${c.id}`, undefined,
	    { 'if-match': '"5"' });
	assertError(stale, 412);
	assert.deepEqual(await getCheckpoint(c.id), c);
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)),
	    audits);
	assertError(await srv.api('DELETE', `${CP}/${c.id}`, undefined,
	    { 'if-match': 'five' }), 400, 'If-Match');

	const r = await srv.api('DELETE', `${CP}/${c.id}`, undefined,
	    { 'if-match': '"1"', 'x-handoff-actor': 'cleaner' });
	assert.equal(r.status, 204);
	assert.equal(r.text, '');

	assertError(await srv.api('GET', `${CP}/${c.id}`), 404);
	assertError(await patch(c.id, { note: 'x' }), 404);
	assertError(await srv.api('DELETE', `${CP}/${c.id}`), 404);
	assert.equal(await countOf(project.id), before - 1);
	const h = await historyOf(srv, project.id);
	assert.equal(h.entries[0].entity, 'checkpoint');
	assert.equal(h.entries[0].entity_id, String(c.id));
	assert.equal(h.entries[0].actor, 'cleaner');
	assert.equal(h.entries[0].action, 'delete');
	assert.equal(await auditCount(srv, auditOf('checkpoint', c.id)),
	    audits + 1);
});

test('unknown, zero and negative checkpoint ids are 404', async () => {
	for (const id of ['999999', '0', '-3', 'abc', '1234567890123456789']) {
		assertError(await srv.api('GET', `${CP}/${id}`), 404);
		assertError(await patch(id, { note: 'x' }), 404);
		assertError(await srv.api('DELETE', `${CP}/${id}`), 404);
	}
	assertError(await srv.api('GET', CP), 404);
});

test('wrong methods on checkpoint routes: 405 with Allow', async () => {
	const c = await createCheckpoint(srv, project.id);
	for (const path of [`${CP}/${c.id}`, `${CP}/999999`]) {
		for (const m of ['POST', 'PUT']) {
			const r = await srv.api(m, path, {});
			assertError(r, 405);
			assert.equal(r.headers.get('allow'),
			    'GET, HEAD, PATCH, DELETE');
		}
	}
	assert.deepEqual(await getCheckpoint(c.id), c);
});
