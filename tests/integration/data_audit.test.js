// Kickoff's data availability audit (README, "The data availability
// audit"; issue 17 item 5): the four questions round-trip in the spec
// object, bad values are a 400 naming the field, edits are versioned in
// the history, an unanswered audit past data exploration is a
// data_audit_missing risk until answered, and the kickoff and spec forms
// ask and post them.  The day-by-day boundaries are in
// tests/unit/risk/audit.case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createProject, createPerson, assertError, historyOf,
    dbValue, unique } from '../lib/fixtures.js';
import { signIn, postForm } from '../lib/security.js';

const AUDIT = ['data_outcome_logged', 'data_history', 'data_label_quality',
    'data_examples'];
let srv, pm, session;

before(async () => {
	srv = await startApi();
	pm = await createPerson(srv, { role: 'pm' });
	await srv.account('audit-pm@example.com', 'pm', 'audit-pm-pass-1');
	session = await signIn(srv, 'audit-pm@example.com', 'audit-pm-pass-1');
});
after(async () => { await srv?.stop(); });

async function ok(method, path, body) {
	const r = await srv.api(method, path, body);
	assert.equal(r.status, 200, `${method} ${path}: ${r.text}`);
	return r.json;
}

const move = (p, to) => ok('POST', `/api/v1/projects/${p.id}/stage`,
    { stage: to, override: true, reason: 'gates later' });

async function auditRisks(p) {
	const r = await ok('GET', `/api/v1/projects/${p.id}/risks`);
	return r.risks.filter((k) => k.kind === 'data_audit_missing');
}

test('the audit round-trips in the spec; too long or not text is a 400',
    async () => {
	const p = await createProject(srv, { pm_id: pm.id, spec: {
	    decision: 'Hold a payment', data_outcome_logged: 'billing.disputes',
	    data_examples: '45k frauds' } });
	assert.equal(p.spec.data_outcome_logged, 'billing.disputes');
	assert.equal(p.spec.data_examples, '45k frauds');
	assert.equal(p.spec.data_history, null);
	assert.equal(p.spec.data_label_quality, null);
	for (const k of AUDIT)
		assert.ok(k in p.spec, k);

	const long = await srv.api('PATCH', `/api/v1/projects/${p.id}`,
	    { spec: { data_history: 'x'.repeat(2001) } });
	assertError(long, 400, 'spec.data_history');
	const num = await srv.api('PATCH', `/api/v1/projects/${p.id}`,
	    { spec: { data_label_quality: 7 } });
	assertError(num, 400, 'spec.data_label_quality');
	const bad = await srv.api('POST', '/api/v1/projects', {
	    name: unique('audit'), pm_id: pm.id, kickoff_on: '2026-03-02',
	    target_launch_on: '2026-06-01',
	    spec: { data_examples: ['many'] } });
	assertError(bad, 400, 'spec.data_examples');

	const r = await ok('PATCH', `/api/v1/projects/${p.id}`,
	    { spec: { data_history: 'Three years', data_examples: '' } });
	assert.equal(r.spec.data_history, 'Three years');
	assert.equal(r.spec.data_examples, null, '"" clears an answer');
	assert.equal(r.spec.data_outcome_logged, 'billing.disputes');
	const got = await ok('GET', `/api/v1/projects/${p.id}`);
	assert.equal(got.spec.data_history, 'Three years');

	// Versioned like the spec: the version row and the history.
	assert.equal(await dbValue(srv, 'SELECT data_history FROM ' +
	    `project_versions WHERE project_id = ${p.id} ` +
	    'ORDER BY id DESC LIMIT 1'), 'Three years');
	const h = await historyOf(srv, p.id);
	const fields = JSON.stringify(h);
	assert.match(fields, /spec\.data_history/);
	assert.match(fields, /spec\.data_examples/);
});

test('unanswered past data exploration: a risk naming the questions, ' +
    'gone when answered', async () => {
	const p = await createProject(srv, { pm_id: pm.id,
	    spec: { data_outcome_logged: 'Cancellations table' } });
	await move(p, 'data');
	assert.deepEqual(await auditRisks(p), [], 'in data exploration');
	await move(p, 'baseline');
	let [r, more] = await auditRisks(p);
	assert.ok(r, 'past data exploration, unanswered');
	assert.equal(more, undefined, 'one risk per project');
	assert.equal(r.severity, 'high');
	assert.equal(r.subject.key, 'audit');
	assert.equal(r.url, `/projects/${p.id}#spec`);
	assert.equal(r.actor.id, pm.id);
	assert.match(r.message, /^[^:]+: the data audit does not say how far back the data goes, how reliable the labels are and how many examples there are, and the project left Data exploration on \d{4}-\d\d-\d\d\.$/);

	await ok('PATCH', `/api/v1/projects/${p.id}`, { spec: {
	    data_history: '4 years', data_label_quality: 'Exact' } });
	[r] = await auditRisks(p);
	assert.match(r.message, /does not say how many examples there are, and/);
	await ok('PATCH', `/api/v1/projects/${p.id}`,
	    { spec: { data_examples: '1.1M subscribers' } });
	assert.deepEqual(await auditRisks(p), [], 'answered');
	// The digest reads the ledger: the answered audit is not there.
	const d = await ok('GET', '/api/v1/digest');
	assert.ok(!JSON.stringify(d).includes('data_audit_missing'));
});

test('the kickoff form asks the audit with hints and posts it',
    async () => {
	const page = await srv.request('GET', '/projects/new', { auth: false,
	    headers: { cookie: session.cookie } });
	assert.equal(page.status, 200);
	assert.match(page.text, /<legend>The data audit<\/legend>/);
	for (const k of AUDIT) {
		assert.match(page.text, new RegExp(`<p class="hint" id="k-${k}-hint">[^<]+</p>`), k);
		assert.match(page.text, new RegExp(`<textarea id="k-${k}" name="${k}" rows="2" aria-describedby="k-${k}-hint"`), k);
	}
	const name = unique('Kickoff audit');
	const r = await postForm(srv, session, '/projects/new', {
	    name, pm_id: pm.id, kickoff_on: '2026-03-02',
	    target_launch_on: '2026-06-01',
	    data_outcome_logged: 'In <the> events table',
	    data_history: '', data_label_quality: 'Agents type them',
	    data_examples: '250k' });
	assert.equal(r.status, 303, r.text);
	const id = Number(/\/projects\/(\d+)/.exec(r.headers.get('location'))[1]);
	const p = await ok('GET', `/api/v1/projects/${id}`);
	assert.equal(p.spec.data_outcome_logged, 'In <the> events table');
	assert.equal(p.spec.data_history, null);
	assert.equal(p.spec.data_label_quality, 'Agents type them');
	assert.equal(p.spec.data_examples, '250k');

	// The project page's spec form shows them, escaped, and saves them.
	const html = (await srv.request('GET', `/projects/${id}`, {
	    auth: false, headers: { cookie: session.cookie } })).text;
	assert.match(html, /<h3 id="data-audit">Data audit<\/h3>/);
	assert.match(html, /name="data_outcome_logged" rows="2"[^>]*>In &lt;the&gt; events table<\/textarea>/);
	const s = await postForm(srv, session, `/projects/${id}/spec`, {
	    version: String(p.version), data_history: '2 years' });
	assert.equal(s.status, 303, s.text);
	const after = await ok('GET', `/api/v1/projects/${id}`);
	assert.equal(after.spec.data_history, '2 years');
});
