// The organisation's role labels (PUT /api/v1/templates role_labels)
// wherever a role is shown to a person: the risk sentences of a project's
// risks, of the portfolio's and of the project document, the digest (page
// and Markdown), the project page's matrix and the model card.  The API's
// keys stay ds, mle and swe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, createProject, unique }
    from '../lib/fixtures.js';
import { signIn } from '../lib/security.js';

let srv, p, dana;

const LABELS = { ds: 'Data Scientist', mle: 'ML Platform', swe: 'Backend' };
// A box's sentence that still says our words.
const OURS = /obody (active )?on (DS|MLE|SWE)\b|\b(DS|MLE|SWE)(,| or) /;

before(async () => {
	srv = await startApi();
	dana = await createPerson(srv, { name: 'Dana Modeller', role: 'ds',
	    email: `dana-${unique('rl')}@example.com` });
	await srv.account(dana.email, 'member', 'dana-password-long');
	p = await createProject(srv);
	const r = await srv.api('PUT', `/api/v1/projects/${p.id}/ownership/` +
	    'feature_model_choice/ds', { person_id: dana.id });
	assert.equal(r.status, 200, r.text);
});

after(async () => { await srv?.stop(); });

// Where our words are still shown, for the message.
function assertNoOurs(text, what) {
	const m = OURS.exec(text);
	assert.equal(m, null, m === null ? '' : `${what}: ` +
	    text.slice(Math.max(0, m.index - 200), m.index + 80));
}

const boxes = (risks) => risks.filter((r) => r.kind === 'empty_owner');

test('before: the sentences say DS, MLE and SWE', async () => {
	const r = await srv.api('GET', `/api/v1/projects/${p.id}/risks`);
	assert.equal(r.status, 200, r.text);
	const ds = boxes(r.json.risks).find((x) => x.subject?.role === 'ds' ||
	    x.role === 'ds' || /on DS\b/.test(x.message));
	assert.ok(ds, JSON.stringify(r.json.risks.map((x) => x.message)));
	assert.match(ds.message, /obody on DS\b/);
});

test('after the labels are set, every sentence and page uses them',
    async () => {
	const t = await srv.api('GET', '/api/v1/templates');
	const put = await srv.api('PUT', '/api/v1/templates',
	    { role_labels: LABELS }, { 'if-match': `"${t.json.version}"` });
	assert.equal(put.status, 200, put.text);

	// A project's risks: the sentence says the label, the key stays.
	const r = await srv.api('GET', `/api/v1/projects/${p.id}/risks`);
	assert.equal(r.status, 200, r.text);
	const own = boxes(r.json.risks);
	assert.ok(own.length > 0);
	assert.ok(own.some((x) => /obody on Data Scientist\b/.test(x.message)),
	    own.map((x) => x.message).join('\n'));
	for (const x of own)
		assert.doesNotMatch(x.message, OURS);
	assert.ok(JSON.stringify(r.json).includes('"role":"ds"'),
	    'the key is still ds');

	// The project's document and the portfolio's risks.
	const doc = await srv.api('GET', `/api/v1/projects/${p.id}`);
	assert.ok(boxes(doc.json.risks).some((x) =>
	    /Data Scientist/.test(x.message)));
	for (const x of boxes(doc.json.risks))
		assert.doesNotMatch(x.message, OURS);
	const all = await srv.api('GET', '/api/v1/risks?limit=200');
	assert.equal(all.status, 200, all.text);
	assert.ok(boxes(all.json.risks).length > 0);
	for (const x of boxes(all.json.risks))
		assert.doesNotMatch(x.message, OURS);

	// The digest, as Markdown and as a page.
	const md = await srv.request('GET', '/digest.md');
	assert.equal(md.status, 200, md.text);
	assert.match(md.text, /obody on (Data Scientist|ML Platform|Backend)/);
	assertNoOurs(md.text, 'digest.md');
	const dg = await srv.request('GET', '/digest');
	assert.equal(dg.status, 200);
	assert.match(dg.text, /obody on (Data Scientist|ML Platform|Backend)/);
	assertNoOurs(dg.text, 'digest');

	// The project page: the matrix's columns and its risks.
	const page = await srv.request('GET', `/projects/${p.id}`);
	assert.equal(page.status, 200);
	assert.match(page.text, /<th scope="col">Data Scientist<\/th><th scope="col">ML Platform<\/th><th scope="col">Backend<\/th>/);
	assert.match(page.text, /data-label="ML Platform"/);
	assert.match(page.text, /obody on Data Scientist/);
	assertNoOurs(page.text, 'project page');

	// My work: Dana's role, her box and its project's risks.
	const session = await signIn(srv, dana.email, 'dana-password-long');
	const me = await srv.request('GET', '/me', { auth: false,
	    headers: { cookie: session.cookie } });
	assert.equal(me.status, 200, me.text);
	assert.match(me.text, /Dana Modeller, Data Scientist\./);
	assert.match(me.text, /Feature selection and model choice, Data Scientist/);
	assertNoOurs(me.text, 'my work');

	// The model card names the owner by the label of their column.
	const card = await srv.request('GET', `/projects/${p.id}/model-card.md`);
	assert.equal(card.status, 200, card.text);
	assert.match(card.text, /Feature selection and model choice, Data Scientist: Dana Modeller/);
	assert.doesNotMatch(card.text, /, DS: /);
});

test('a label of Markdown or HTML is text, not markup', async () => {
	const t = await srv.api('GET', '/api/v1/templates');
	const put = await srv.api('PUT', '/api/v1/templates',
	    { role_labels: { ds: '<b>*DS*</b>' } },
	    { 'if-match': `"${t.json.version}"` });
	assert.equal(put.status, 200, put.text);
	const page = await srv.request('GET', `/projects/${p.id}`);
	assert.match(page.text, /obody on &lt;b&gt;\*DS\*&lt;\/b&gt;/);
	assert.doesNotMatch(page.text, /<b>\*DS/);
	const card = await srv.request('GET', `/projects/${p.id}/model-card.md`);
	assert.ok(card.text.includes('Feature selection and model choice, ' +
	    '\\<b\\>\\*DS\\*\\</b\\>: Dana Modeller'), card.text);
	const md = await srv.request('GET', '/digest.md');
	assert.ok(md.text.includes('obody on \\<b\\>\\*DS\\*\\</b\\>'),
	    md.text);
	assert.doesNotMatch(card.text, /, <b>\*DS\*<\/b>:/);
});
