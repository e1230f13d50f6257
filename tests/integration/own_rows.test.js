// A project's own responsibility rows: POST /api/v1/projects/{id}/
// responsibilities adds one, DELETE .../responsibilities/{key} removes one
// (sql/api/40_ownership_handoffs.sql).  A row keeps the days it was added
// and removed on, so that past days keep the risks they had; removing a
// row gives its boxes to nobody on the day, and the holder's load falls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TODAY, addDays, assertError, createPerson, createProject,
    asPerson, historyOf, startApi } from '../lib/fixtures.js';

let srv;
let pid;

before(async () => {
	srv = await startApi();
	pid = (await createProject(srv)).id;
});
after(async () => { await srv?.stop(); });

const rows = (p) => `/api/v1/projects/${p}/responsibilities`;

async function doc(p = pid) {
	const r = await srv.api('GET', `/api/v1/projects/${p}`);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

async function risksOn(day, p = pid) {
	const r = await srv.api('GET', `/api/v1/projects/${p}/risks?as_of=${day}`);
	assert.equal(r.status, 200, r.text);
	return r.json.risks.filter((x) => x.kind === 'empty_owner')
	    .map((x) => `${x.subject.key} ${x.severity}`).sort();
}

async function box(p, key, role) {
	const row = (await doc(p)).ownership.find((o) => o.key === key);
	return row?.[role];
}

test('POST: a row of the project\'s own, its key made from its name, ' +
    'after the template\'s rows; recorded in the history', async () => {
	const before = (await doc()).ownership.length;
	const r = await srv.api('POST', rows(pid), { name: 'Data contract',
	    needed_by: 'data', expects_ds: true, expects_swe: true });
	assert.equal(r.status, 201, r.text);
	assert.deepEqual(r.json, { project_id: pid, key: 'data_contract',
	    name: 'Data contract', needed_by: 'data', expects_ds: true,
	    expects_mle: false, expects_swe: true, handoff: null,
	    assign_at_kickoff: false, added_on: TODAY, removed_on: null });

	const d = await doc();
	assert.equal(d.ownership.length, before + 1);
	const row = d.ownership.at(-1);
	assert.equal(row.key, 'data_contract');
	assert.equal(row.added_on, TODAY);
	assert.equal(row.ds.expected, true);
	assert.equal(row.mle.expected, false);
	assert.equal(row.ds.person, null);

	// The same name again: another key.
	const again = await srv.api('POST', rows(pid), { name: 'Data contract',
	    needed_by: 'production', expects_mle: true });
	assert.equal(again.status, 201, again.text);
	assert.equal(again.json.key, 'data_contract_2');

	// A name with nothing of a key in it still makes one.
	const odd = await srv.api('POST', rows(pid), { name: '«Ünïcode» 42',
	    needed_by: 'framing', expects_ds: true });
	assert.equal(odd.status, 201, odd.text);
	assert.match(odd.json.key, /^[a-z][a-z0-9_]{0,63}$/);

	const h = (await historyOf(srv, pid)).entries;
	const entry = h.find((e) => e.entity === 'responsibility' &&
	    e.entity_id === 'data_contract');
	assert.ok(entry, JSON.stringify(h.slice(0, 3)));
	assert.equal(entry.action, 'create');
	assert.equal(entry.subject, 'Data contract');
});

test('POST: bad input is a 400 naming the field; a taken key a 409; ' +
    'only a PM or an admin may', async () => {
	const ok = { name: 'Label audit', needed_by: 'data', expects_ds: true };
	for (const [body, field] of [
		[{ ...ok, name: undefined }, 'name'],
		[{ ...ok, name: '' }, 'name'],
		[{ ...ok, needed_by: 'someday' }, 'needed_by'],
		[{ ...ok, expects_ds: false }, 'expects_ds'],
		[{ ...ok, key: 'Bad Key' }, 'key'],
		[{ ...ok, key: '9lives' }, 'key'],
		[{ ...ok, handoff: 'x' }, 'handoff'],
		[{ ...ok, expects_mle: 'yes' }, 'expects_mle'],
		[{ ...ok, colour: 'red' }, 'colour'],
	])
		assertError(await srv.api('POST', rows(pid), body), 400, field);

	assertError(await srv.api('POST', rows(pid), { ...ok,
	    key: 'problem_framing' }), 409, 'key');
	assert.equal((await srv.api('POST', rows(999999), ok)).status, 404);

	const member = await asPerson(srv, await createPerson(srv));
	const r = await srv.api('POST', rows(pid), ok, member);
	assert.equal(r.status, 403, r.text);
	const del = await srv.api('DELETE', `${rows(pid)}/problem_framing`,
	    undefined, member);
	assert.equal(del.status, 403, del.text);
	assert.ok((await doc()).ownership.some((o) =>
	    o.key === 'problem_framing'));
});

test('an own row\'s boxes are boxes like the others: one at a time, and ' +
    'in the whole matrix\'s one save', async () => {
	const p = (await createProject(srv)).id;
	const ds = await createPerson(srv, { role: 'ds' });
	const swe = await createPerson(srv, { role: 'swe' });
	const r = await srv.api('POST', rows(p), { key: 'feature_store',
	    name: 'Feature store', needed_by: 'production', expects_ds: true,
	    expects_swe: true });
	assert.equal(r.status, 201, r.text);

	const put = await srv.api('PUT',
	    `/api/v1/projects/${p}/ownership/feature_store/ds`,
	    { person_id: ds.id });
	assert.equal(put.status, 200, put.text);

	const cell = await box(p, 'feature_store', 'swe');
	const save = await srv.api('PUT', `/api/v1/projects/${p}/ownership`,
	    { boxes: { 'feature_store/swe': { person_id: swe.id,
	    version: cell.version } } });
	assert.equal(save.status, 200, save.text);
	assert.equal((await box(p, 'feature_store', 'swe')).person.id, swe.id);

	// A box the project does not have is named; a key of another shape
	// is refused before any statement.
	assertError(await srv.api('PUT', `/api/v1/projects/${p}/ownership`,
	    { boxes: { 'no_such_row/ds': { person_id: ds.id, version: 1 } } }),
	    400, 'boxes.no_such_row/ds');
	assertError(await srv.api('PUT', `/api/v1/projects/${p}/ownership`,
	    { boxes: { 'Bad/ds': { person_id: ds.id, version: 1 } } }),
	    400, 'boxes');
});

test('DELETE: the row leaves the matrix, its boxes go to nobody, and it ' +
    'cannot be written to or removed again', async () => {
	const p = (await createProject(srv)).id;
	const ds = await createPerson(srv, { role: 'ds' });
	const put = await srv.api('PUT',
	    `/api/v1/projects/${p}/ownership/problem_framing/ds`,
	    { person_id: ds.id });
	assert.equal(put.status, 200, put.text);
	const mine = await asPerson(srv, ds);
	const me = async () => (await srv.api('GET', '/api/v1/me', undefined,
	    mine)).json;
	assert.ok(JSON.stringify(await me()).includes('"problem_framing"'));

	const del = await srv.api('DELETE', `${rows(p)}/problem_framing`);
	assert.equal(del.status, 204, del.text);
	assert.ok(!(await doc(p)).ownership.some((o) =>
	    o.key === 'problem_framing'));
	assert.ok(!JSON.stringify(await me()).includes('"problem_framing"'));

	const again = await srv.api('DELETE', `${rows(p)}/problem_framing`);
	assert.equal(again.status, 404, again.text);
	assert.match(again.json.error.message, /removed on/);
	assert.equal((await srv.api('PUT',
	    `/api/v1/projects/${p}/ownership/problem_framing/ds`,
	    { person_id: ds.id })).status, 404);
	// Its key stays taken: the history still names it.
	assertError(await srv.api('POST', rows(p), { key: 'problem_framing',
	    name: 'Again', needed_by: 'framing', expects_ds: true }), 409,
	    'key');

	const h = (await historyOf(srv, p)).entries;
	const entry = h.find((e) => e.entity === 'responsibility' &&
	    e.action === 'delete');
	assert.ok(entry, JSON.stringify(h.slice(0, 3)));
	assert.equal(entry.entity_id, 'problem_framing');
});

test('past days keep their risks: a row is read only on the days it was ' +
    'the project\'s', async () => {
	const p = (await createProject(srv)).id;
	const day0 = TODAY;
	const day1 = addDays(TODAY, 3);
	const day2 = addDays(TODAY, 8);

	// On day0 the template's rows only.
	const at0 = await risksOn(day0, p);
	assert.ok(at0.includes('problem_framing/ds critical'), at0.join());

	// Added on day1: absent before, an empty box from then on.
	await srv.restart({ HANDOFF_TODAY: day1 });
	const add = await srv.api('POST', rows(p), { key: 'label_audit',
	    name: 'Label audit', needed_by: 'framing', expects_swe: true });
	assert.equal(add.status, 201, add.text);
	const at1 = await risksOn(day1, p);
	assert.ok(at1.includes('label_audit/swe critical'), at1.join());
	assert.deepEqual(await risksOn(day0, p), at0);

	// Removed on day2, with a template row: both gone from then on,
	// both still there on the days before.
	await srv.restart({ HANDOFF_TODAY: day2 });
	for (const k of ['label_audit', 'problem_framing']) {
		const r = await srv.api('DELETE', `${rows(p)}/${k}`);
		assert.equal(r.status, 204, r.text);
	}
	const at2 = await risksOn(day2, p);
	assert.ok(!at2.some((x) => x.startsWith('label_audit/')), at2.join());
	assert.ok(!at2.some((x) => x.startsWith('problem_framing/')),
	    at2.join());
	assert.deepEqual(await risksOn(day1, p), at1);
	assert.deepEqual(await risksOn(day0, p), at0);
	// The project's own reading of today agrees with the portfolio's.
	const all = await srv.api('GET', '/api/v1/risks?limit=200');
	assert.equal(all.status, 200, all.text);
	assert.equal(all.json.total, all.json.counts.total);
	assert.ok(!all.json.risks.some((x) => x.project?.id === p &&
	    x.subject.key?.startsWith('label_audit/')), all.text);
	await srv.restart({ HANDOFF_TODAY: TODAY });
});

test('gates: an own row needed by the next stage is a gate while empty; a ' +
    'removed row is none', async () => {
	const p = (await createProject(srv)).id;
	const gateBoxes = async () => {
		const r = await srv.api('POST', `/api/v1/projects/${p}/stage`,
		    { stage: 'data' });
		assertError(r, 409, 'stage');
		return r.json.error.gates.filter((g) => g.type === 'box')
		    .map((g) => `${g.responsibility}/${g.role}`);
	};
	assert.deepEqual(await gateBoxes(),
	    ['outcome_logging/ds', 'outcome_logging/swe']);

	const add = await srv.api('POST', rows(p), { key: 'consent_review',
	    name: 'Consent review', needed_by: 'data', expects_mle: true });
	assert.equal(add.status, 201, add.text);
	assert.deepEqual(await gateBoxes(), ['outcome_logging/ds',
	    'outcome_logging/swe', 'consent_review/mle']);

	const del = await srv.api('DELETE', `${rows(p)}/outcome_logging`);
	assert.equal(del.status, 204, del.text);
	assert.deepEqual(await gateBoxes(), ['consent_review/mle']);
});
