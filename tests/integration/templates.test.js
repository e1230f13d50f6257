// The organisation's templates: GET|PUT /api/v1/templates.  An edit makes
// a new version; a project made before keeps its own rows and records the
// version it was made from; a new project gets the current version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createProject, createPerson, assertError,
    assertVersioned, auditCount, dbValue, rowCount } from '../lib/fixtures.js';

let srv;

before(async () => { srv = await startApi(); });
after(async () => { await srv?.stop(); });

const PATH = '/api/v1/templates';

async function current() {
	const r = await srv.api('GET', PATH);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

const days = (s) => (Date.parse(s.planned_end) - Date.parse(s.planned_start))
    / 86400000 + 1;

test('GET: version 1 is the templates the release ships', async () => {
	const r = await srv.api('GET', PATH);
	assertVersioned(r, 200, 1);
	const t = r.json;
	assert.deepEqual(t.role_labels, { ds: 'DS', mle: 'MLE', swe: 'SWE' });
	assert.deepEqual(Object.keys(t.stages), ['framing', 'data',
	    'baseline', 'modelling', 'evaluation', 'production',
	    'monitoring']);
	assert.deepEqual(t.stages.data, { weeks: 2 });
	assert.equal(t.checkpoints.length, 8);
	assert.deepEqual(t.checkpoints[1], { title: 'Data exploration ' +
	    'findings and feasibility call (go / pivot / stop)',
	    stage: 'data', anchor: 'kickoff', week_offset: 2,
	    decision: true, readiness: false, handoff: 'a' });
	assert.equal(t.checkpoints.filter((c) => c.readiness).length, 1);
	assert.equal(t.responsibilities.length, 16);
	assert.deepEqual(t.responsibilities[13], { key: 'on_call',
	    name: 'On-call for model health', needed_by: 'monitoring',
	    expects_ds: false, expects_mle: true, expects_swe: true,
	    handoff: null, assign_at_kickoff: true });
	const p = await createProject(srv);
	assert.equal(p.template_version, 1);
});

test('PUT: a new project gets the edited template, an old one keeps its ' +
    'own', async () => {
	const old = await createProject(srv);
	const t = await current();
	const checkpoints = [...t.checkpoints.slice(0, 7), {
		title: 'Shadow launch reviewed', stage: 'production',
		anchor: 'launch', week_offset: -1, decision: true },
	    t.checkpoints[7]];
	const responsibilities = [...t.responsibilities.filter((r) =>
	    r.key !== 'ab_testing'), { key: 'label_audit',
	    name: 'Label quality audit', needed_by: 'data',
	    expects_ds: true, handoff: 'a' }];
	const audits = await auditCount(srv, "entity = 'templates'");
	const r = await srv.api('PUT', PATH, {
		role_labels: { ds: 'Research scientist' },
		stages: { data: { weeks: 4 } },
		checkpoints, responsibilities,
	}, { 'if-match': `"${t.version}"`, 'x-handoff-actor': 'tess' });
	assertVersioned(r, 200, t.version + 1);
	assert.equal(r.json.actor, 'tess');
	assert.deepEqual(r.json.role_labels, { ds: 'Research scientist',
	    mle: 'MLE', swe: 'SWE' });
	assert.deepEqual(r.json.stages.data, { weeks: 4 });
	assert.deepEqual(r.json.stages.baseline, t.stages.baseline);
	assert.equal(r.json.checkpoints.length, 9);
	assert.deepEqual(r.json.checkpoints[7], { title: 'Shadow launch ' +
	    'reviewed', stage: 'production', anchor: 'launch',
	    week_offset: -1, decision: true, readiness: false,
	    handoff: null });
	assert.deepEqual(r.json.responsibilities.at(-1), { key: 'label_audit',
	    name: 'Label quality audit', needed_by: 'data', expects_ds: true,
	    expects_mle: false, expects_swe: false, handoff: 'a',
	    assign_at_kickoff: false });
	assert.deepEqual(await current(), r.json, 'GET reads the new version');
	assert.equal(await auditCount(srv, "entity = 'templates' AND " +
	    `entity_id = '${r.json.version}' AND actor = 'tess'`), 1);
	assert.equal(await auditCount(srv, "entity = 'templates'"),
	    audits + 1);

	// The new project: the new rows, the new plan, its version.
	const fresh = await createProject(srv);
	assert.equal(fresh.template_version, r.json.version);
	assert.equal(fresh.checkpoints.length, 9);
	const shadow = fresh.checkpoints.find((c) =>
	    c.title === 'Shadow launch reviewed');
	assert.ok(shadow);
	assert.equal(shadow.due_on, '2026-05-25', 'a week before the launch');
	assert.equal(shadow.decision, true);
	const keys = fresh.ownership.map((o) => o.key);
	assert.ok(keys.includes('label_audit'));
	assert.ok(!keys.includes('ab_testing'));
	assert.equal(fresh.ownership.find((o) => o.key === 'label_audit').ds
	    .expected, true);
	const data = (p) => p.stages.find((s) => s.key === 'data');
	assert.ok(days(data(fresh)) > days(data(old)),
	    'four weeks of data exploration weigh more than two');

	// The old project: as it was, after the edit too.
	const again = await srv.api('GET', `/api/v1/projects/${old.id}`);
	assert.equal(again.json.template_version, 1);
	assert.deepEqual(again.json.checkpoints, old.checkpoints);
	assert.deepEqual(again.json.ownership, old.ownership);
	assert.deepEqual(again.json.stages, old.stages);

	// Its readiness review is still its version's (position 7).
	const rv = await srv.api('GET',
	    `/api/v1/projects/${old.id}/readiness`);
	assert.equal(rv.status, 200, rv.text);
	assert.equal(rv.json.review.checkpoint_id, old.checkpoints.find((c) =>
	    c.title.startsWith('Production readiness review')).id);

	// Its launch-anchored checkpoint follows its launch (version 1's
	// anchors), the new project's shadow launch follows its own.
	const moved = await srv.api('PATCH', `/api/v1/projects/${fresh.id}`,
	    { target_launch_on: '2026-06-15', reason: 'vendor late' });
	assert.equal(moved.status, 200, moved.text);
	assert.equal(moved.json.checkpoints.find((c) => c.id === shadow.id)
	    .due_on, '2026-06-08');
});

test('PUT: what the body leaves out is copied from the current version',
    async () => {
	const t = await current();
	const r = await srv.api('PUT', PATH, { role_labels: { swe: 'Product ' +
	    'engineer' } });
	assertVersioned(r, 200, t.version + 1);
	assert.deepEqual(r.json.checkpoints, t.checkpoints);
	assert.deepEqual(r.json.responsibilities, t.responsibilities);
	assert.deepEqual(r.json.stages, t.stages);
	assert.equal(r.json.role_labels.swe, 'Product engineer');
	assert.equal(r.json.role_labels.ds, t.role_labels.ds);
});

test('PUT: a stale If-Match is 412 and writes nothing', async () => {
	const t = await current();
	const versions = await rowCount(srv, 'template_versions');
	const r = await srv.api('PUT', PATH, { role_labels: { ds: 'X' } },
	    { 'if-match': `"${t.version - 1}"` });
	assertError(r, 412);
	assert.equal(await rowCount(srv, 'template_versions'), versions);
	assert.deepEqual(await current(), t);
});

test('PUT: a bad row is 400 naming the row and the field', async () => {
	const t = await current();
	const cp = t.checkpoints;
	const rs = t.responsibilities;
	const cases = [
		[{ checkpoints: [{ ...cp[0], stage: 'launch' }] },
		    'checkpoints[0].stage'],
		[{ checkpoints: [cp[0], { ...cp[1], title: '' }] },
		    'checkpoints[1].title'],
		[{ checkpoints: [cp[0], { ...cp[1], anchor: 'never' }] },
		    'checkpoints[1].anchor'],
		[{ checkpoints: [cp[0], { ...cp[1], surprise: 1 }] },
		    'checkpoints[1].surprise'],
		[{ checkpoints: [cp[0], { ...cp[1], handoff: 'z' }] },
		    'checkpoints[1].handoff'],
		[{ checkpoints: [{ ...cp[0], readiness: true },
		    { ...cp[1], readiness: true }] },
		    'checkpoints[1].readiness'],
		[{ checkpoints: [] }, 'checkpoints'],
		[{ checkpoints: 'all of them' }, 'checkpoints'],
		[{ responsibilities: [rs[0], rs[0]] }, 'responsibilities[1].key'],
		[{ responsibilities: [rs[0], { ...rs[1], key: 'Bad Key' }] },
		    'responsibilities[1].key'],
		[{ responsibilities: [{ ...rs[0], expects_ds: false,
		    expects_mle: false, expects_swe: false }] },
		    'responsibilities[0].expects_ds'],
		[{ responsibilities: [{ ...rs[0], needed_by: 'soon' }] },
		    'responsibilities[0].needed_by'],
		[{ stages: { data: { weeks: 0 } } }, 'stages.data.weeks'],
		[{ stages: { launch: { weeks: 1 } } }, 'stages.launch'],
		[{ role_labels: { ds: '' } }, 'role_labels.ds'],
		[{ role_labels: { pm: 'Boss' } }, 'role_labels.pm'],
	];
	const versions = await rowCount(srv, 'template_versions');
	for (const [body, field] of cases) {
		const r = await srv.api('PUT', PATH, body);
		assertError(r, 400, field);
	}
	assert.equal(await rowCount(srv, 'template_versions'), versions,
	    'nothing written');
});

test('access: a member reads the templates and cannot edit them',
    async () => {
	const t = await current();
	const member = { authorization: 'Bearer ' +
	    await srv.token('member@example.com', 'member') };
	const r = await srv.api('GET', PATH, undefined, member);
	assert.equal(r.status, 200, r.text);
	const w = await srv.api('PUT', PATH, { role_labels: { ds: 'Nope' } },
	    member);
	assertError(w, 403);
	assert.deepEqual(await current(), t);
	assert.equal(Number(await dbValue(srv,
	    "SELECT count(*) FROM template_versions WHERE label_ds = 'Nope'")),
	    0);
});

test('pages: the matrix and the people page show the organisation\'s ' +
    'role labels, escaped; the keys stay ds, mle and swe', async () => {
	const p = await createProject(srv);
	const ds = await createPerson(srv, { role: 'ds' });
	const r = await srv.api('PUT', PATH, { role_labels: {
	    ds: 'Research <scientist> & co', mle: 'ML engineer' } });
	assert.equal(r.status, 200, r.text);

	const page = await srv.api('GET', `/projects/${p.id}`);
	assert.equal(page.status, 200, page.text);
	assert.match(page.text, new RegExp('<th scope="col">Needed by</th>' +
	    '<th scope="col">Research &lt;scientist&gt; &amp; co</th>' +
	    '<th scope="col">ML engineer</th>' +
	    `<th scope="col">${r.json.role_labels.swe}</th></tr>`));
	assert.ok(!page.text.includes('<scientist>'));
	// The forms still post the keys.
	assert.match(page.text, new RegExp(`action="/projects/${p.id}/` +
	    'ownership/on_call/mle"'));

	const people = await srv.api('GET', '/people');
	assert.equal(people.status, 200, people.text);
	assert.match(people.text, new RegExp(`<tr id="person-${ds.id}">` +
	    '<th scope="row">[^<]*</th><td[^>]*>Research &lt;scientist&gt; ' +
	    '&amp; co</td>'));

	// The API keeps the keys.
	const doc = await srv.api('GET', `/api/v1/projects/${p.id}`);
	assert.ok('ds' in doc.json.ownership[0]);
	const person = await srv.api('GET', `/api/v1/people/${ds.id}`);
	assert.equal(person.json.role, 'ds');
});
