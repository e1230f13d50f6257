// Gated stage moves (README, "Gated stage moves"): a move forward past
// unmet gates (the checkpoints of the stage it leaves neither done nor
// waived, the handoff into the next stage not accepted, the boxes needed
// by the next stage empty) is refused with the gates (409) unless it
// carries an override with a reason (400 without one); the override is
// in the history, on the project page and, while a checkpoint it passed
// over is not done, a risk (overridden_gate).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createProject, createPerson, assertError, historyOf,
    rowCount, dbValue, TODAY } from '../lib/fixtures.js';
import { signIn, postForm } from '../lib/security.js';

let srv, pm, session;

before(async () => {
	srv = await startApi({ HANDOFF_TODAY: TODAY });
	pm = await createPerson(srv, { role: 'pm' });
	await srv.account('gates-pm@example.com', 'pm', 'gates-pm-pass-1');
	session = await signIn(srv, 'gates-pm@example.com', 'gates-pm-pass-1');
});
after(async () => { await srv?.stop(); });

const stagePath = (p) => `/api/v1/projects/${p.id}/stage`;

// Everything before the data stage met: the framing checkpoint done,
// handoff A accepted, the boxes needed by data owned.
async function meetDataGates(p) {
	const ds = await createPerson(srv, { role: 'ds' });
	const swe = await createPerson(srv, { role: 'swe' });
	const framing = p.checkpoints.find((c) => c.stage === 'framing');
	for (const [m, path, body] of [
		['PATCH', `/api/v1/checkpoints/${framing.id}`,
		    { status: 'done', completed_on: TODAY }],
		['POST', `/api/v1/projects/${p.id}/handoffs/a/offer`,
		    { from_id: swe.id, to_id: ds.id }],
		// The test's account accepts for the receiver: with a reason.
		['POST', `/api/v1/projects/${p.id}/handoffs/a/accept`,
		    { reason: 'the receiver is away' }],
		['PUT', `/api/v1/projects/${p.id}/ownership/outcome_logging/ds`,
		    { person_id: ds.id }],
		['PUT', `/api/v1/projects/${p.id}/ownership/outcome_logging/swe`,
		    { person_id: swe.id }],
	]) {
		const r = await srv.api(m, path, body);
		assert.equal(r.status, 200, `${m} ${path}: ${r.text}`);
	}
	return framing;
}

test('a move past unmet gates is refused with the gates, in words and ' +
    'as data', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const r = await srv.api('POST', stagePath(p), { stage: 'data' });
	assertError(r, 409, 'stage');
	const gates = r.json.error.gates;
	assert.deepEqual(gates.map((g) => g.type),
	    ['checkpoint', 'handoff', 'box', 'box']);
	const framing = p.checkpoints.find((c) => c.stage === 'framing');
	assert.equal(gates[0].checkpoint_id, framing.id);
	assert.equal(gates[1].handoff, 'a');
	assert.deepEqual(gates.slice(2).map((g) => [g.responsibility, g.role]),
	    [['outcome_logging', 'ds'], ['outcome_logging', 'swe']]);
	assert.match(r.json.error.message, /^4 unmet gates before Data/);
	for (const g of gates)
		assert.ok(r.json.error.message.includes(g.text), g.text);
	assert.equal(gates[1].text, 'handoff A, "Framing to data", is not ' +
	    'accepted');
	// Nothing moved, nothing recorded.
	const d = (await srv.api('GET', `/api/v1/projects/${p.id}`)).json;
	assert.equal(d.stage, 'framing');
	assert.equal(d.version, 1);
	assert.equal((await historyOf(srv, p.id)).total, 1);

	// Moving back, or forward with every gate met, needs no override.
	await meetDataGates(p);
	const fwd = await srv.api('POST', stagePath(p), { stage: 'data' });
	assert.equal(fwd.status, 200, fwd.text);
	const back = await srv.api('POST', stagePath(p), { stage: 'framing' });
	assert.equal(back.status, 200, back.text);
	assert.equal(await rowCount(srv, 'stage_overrides',
	    `project_id = ${p.id}`), 0);
});

test('an override needs a reason, and a reason an override', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	for (const body of [
		{ stage: 'data', override: true },
		{ stage: 'data', override: true, reason: '   ' },
		{ stage: 'data', reason: 'urgent' },
	])
		assertError(await srv.api('POST', stagePath(p), body), 400,
		    'reason');
	assertError(await srv.api('POST', stagePath(p), { stage: 'data',
	    override: 'yes', reason: 'r' }), 400, 'override');
	assertError(await srv.api('POST', stagePath(p), { stage: 'data',
	    override: true, reason: '' }), 400, 'reason');
	assert.equal((await historyOf(srv, p.id)).total, 1);
});

test('an override with a reason moves and is recorded: history, page, ' +
    'risk until the gate is met', async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const framing = p.checkpoints.find((c) => c.stage === 'framing');
	const r = await srv.api('POST', stagePath(p), { stage: 'data',
	    note: 'kickoff done', override: true,
	    reason: 'the data team starts Monday' });
	assert.equal(r.status, 200, r.text);
	assert.equal(r.json.stage, 'data');

	const row = JSON.parse(await dbValue(srv, `SELECT json_build_object(
	    'reason', reason, 'from', from_stage, 'to', to_stage,
	    'on', effective_on, 'n', jsonb_array_length(gates))
	    FROM stage_overrides WHERE project_id = ${p.id}`));
	assert.deepEqual(row, { reason: 'the data team starts Monday',
	    from: 'framing', to: 'data', on: TODAY, n: 4 });

	const h = await historyOf(srv, p.id);
	const e = h.entries[0];
	assert.equal(e.action, 'stage_forward');
	assert.equal(e.after.override.reason, 'the data team starts Monday');
	assert.equal(e.after.override.gates.length, 4);
	// The override is in words, not a change of a field.
	assert.deepEqual(e.changes.map((c) => c.field), ['note', 'stage']);

	const page = await srv.request('GET', `/projects/${p.id}`,
	    { auth: false, headers: { cookie: session.cookie } });
	assert.equal(page.status, 200);
	assert.match(page.text, /moved to Data exploration with 4 unmet gates: checkpoint &quot;Framing signed off: every spec field filled&quot; is neither done nor waived; handoff A/);
	assert.match(page.text, /\(override: the data team starts Monday\)/);

	// The checkpoint passed over is a risk from the day of the override.
	const risks = (await srv.api('GET', `/api/v1/projects/${p.id}`)).json
	    .risks.filter((k) => k.kind === 'overridden_gate');
	assert.equal(risks.length, 1, JSON.stringify(risks));
	assert.equal(risks[0].since, TODAY);
	assert.match(risks[0].message, /moved to Data exploration on .* with 4 unmet gates/i);
	assert.match(risks[0].message, /"Framing signed off: every spec field filled"/);

	// Met: the risk is gone.
	const done = await srv.api('PATCH', `/api/v1/checkpoints/${framing.id}`,
	    { status: 'done', completed_on: TODAY });
	assert.equal(done.status, 200, done.text);
	const after = (await srv.api('GET', `/api/v1/projects/${p.id}`)).json
	    .risks.filter((k) => k.kind === 'overridden_gate');
	assert.deepEqual(after, []);
});

test('the stage form shows the unmet gates and takes the reason',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id });
	const get = async () => (await srv.request('GET', `/projects/${p.id}`,
	    { auth: false, headers: { cookie: session.cookie } })).text;
	let html = await get();
	assert.match(html, /<p id="stage-gates">4 unmet gates before Data exploration: moving forward needs an override with a reason.<\/p>/);
	assert.match(html, /<li>handoff A, &quot;Framing to data&quot;, is not accepted<\/li>/);
	assert.match(html, /name="override" value="true"/);
	assert.match(html, /name="reason"/);

	// Without the override: refused, the gates at the form.
	const no = await postForm(srv, session, `/projects/${p.id}/stage`,
	    { stage: 'data', note: '' });
	assert.equal(no.status, 409, no.text);
	assert.match(no.text, /Not saved: 4 unmet gates before Data exploration/);
	// With it and no reason: the reason is asked for.
	const bare = await postForm(srv, session, `/projects/${p.id}/stage`,
	    { stage: 'data', note: '', override: 'on', reason: '' });
	assert.equal(bare.status, 400, bare.text);
	assert.equal((await srv.api('GET', `/api/v1/projects/${p.id}`)).json
	    .stage, 'framing');
	const yes = await postForm(srv, session, `/projects/${p.id}/stage`,
	    { stage: 'data', note: '', override: 'on',
	    reason: 'sponsor <review> tomorrow' });
	assert.equal(yes.status, 303, yes.text);
	html = await get();
	assert.match(html, /\(override: sponsor &lt;review&gt; tomorrow\)/);
	assert.match(html, /<p id="stage-gates">/);
});
