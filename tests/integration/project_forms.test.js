// Issue 14 item 4, the project page's last API-only edits: adding and
// deleting a checkpoint, its owner and evidence link, and the stage plan.
// Each form is posted as a browser would (session cookie, CSRF token,
// post/redirect/get), and the API is read afterwards to see what changed.
// On the demo data, with accounts of each role (src/tools/seed.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { TOP, startServer } from '../lib/harness.js';
import { formFields, postForm, signIn } from '../lib/security.js';
import { addDays, createPerson, dbValue, historyOf, psql, rowCount }
    from '../lib/fixtures.js';

const TODAY = '2026-11-25';
const KICKOFF = '2026-11-02';
let srv, pm, member, viewer, project, ana;

before(async () => {
	srv = await startServer({ env: { HANDOFF_TODAY: TODAY } });
	await promisify(execFile)(join(TOP, 'src/tools/seed.sh'), [], {
		env: { ...process.env, DATABASE_URL: srv.dsn,
		    HANDOFF_TODAY: TODAY },
	});
	pm = await signIn(srv, 'maya@example.com', 'demo-pm-pass');
	member = await signIn(srv, 'ana@example.com', 'demo-member-pass');
	viewer = await signIn(srv, 'victor@example.com', 'demo-viewer-pass');
	const people = (await get('/api/v1/people?limit=200')).people;
	const maya = people.find((x) => x.email === 'maya@example.com');
	ana = people.find((x) => x.email === 'ana@example.com');
	const r = await srv.api('POST', '/api/v1/projects', {
	    name: 'Page forms project', pm_id: maya.id, kickoff_on: KICKOFF,
	    target_launch_on: '2027-02-01' });
	assert.equal(r.status, 201, r.text);
	project = r.json;
});

after(async () => { await srv?.stop(); });

async function get(path) {
	const r = await srv.api('GET', path);
	assert.equal(r.status, 200, `GET ${path}: ${r.text}`);
	return r.json;
}

async function page(path, session = pm) {
	const r = await srv.request('GET', path, { auth: false,
	    headers: { cookie: session.cookie } });
	assert.equal(r.status, 200, `GET ${path}: ${r.status}`);
	return r.text;
}

const checkpoints = async () =>
    (await get(`/api/v1/projects/${project.id}`)).checkpoints;

test('a PM adds a checkpoint from the page; a member and a viewer may not',
    async () => {
	const html = await page(`/projects/${project.id}`);
	assert.match(html, /<details><summary>Add a checkpoint<\/summary>\n<form method="post" action="\/projects\/\d+\/checkpoints" id="form-checkpoint-new">/);
	assert.doesNotMatch(await page(`/projects/${project.id}`, member),
	    /id="form-checkpoint-new"/);
	assert.doesNotMatch(await page(`/projects/${project.id}`, viewer),
	    /id="form-checkpoint-new"/);

	const path = `/projects/${project.id}/checkpoints`;
	const fields = { title: 'Labels audited', stage: 'data',
	    due_on: '2026-12-04', owner_id: String(ana.id),
	    decision: 'true' };
	const before = (await checkpoints()).length;
	for (const who of [member, viewer]) {
		const r = await postForm(srv, who, path, fields);
		assert.equal(r.status, 403, `${who.email}: ${r.status}`);
	}
	assert.equal((await checkpoints()).length, before);

	// A bad date: 400, the page again, the field named in words.
	const bad = await postForm(srv, pm, path, { ...fields,
	    due_on: '2026-13-01' });
	assert.equal(bad.status, 400, bad.text.slice(0, 200));
	assert.match(bad.text, /<p class="field-error" id="checkpoint-new-due_on-error" role="alert">Due must be a calendar date as YYYY-MM-DD<\/p>/);
	assert.doesNotMatch(bad.text, /due_on must/);
	assert.match(bad.text, /<details open><summary>Add a checkpoint/);
	assert.match(bad.text, /value="Labels audited"/, 'what was typed ' +
	    'is kept');
	assert.equal((await checkpoints()).length, before);

	const ok = await postForm(srv, pm, path, fields);
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	const list = await checkpoints();
	assert.equal(list.length, before + 1);
	const c = list.find((x) => x.title === 'Labels audited');
	assert.ok(c, JSON.stringify(list));
	assert.equal(ok.headers.get('location'),
	    `/projects/${project.id}#checkpoint-${c.id}`);
	assert.equal(c.stage, 'data');
	assert.equal(c.due_on, '2026-12-04');
	assert.equal(c.owner.id, ana.id);
	assert.equal(c.decision, true);
});

test('the owner and evidence link: set by a member, shown as a link',
    async () => {
	const c = (await checkpoints()).find((x) => x.title ===
	    'Labels audited');
	const path = `/projects/${project.id}/checkpoints/${c.id}/owner`;
	const maya = (await get('/api/v1/people?limit=200')).people
	    .find((x) => x.email === 'maya@example.com');
	const url = 'https://wiki.example.com/labels?run=1&x=2';

	const refused = await postForm(srv, viewer, path, { version:
	    String(c.version), owner_id: String(maya.id), evidence_url: url });
	assert.equal(refused.status, 403);

	// Not a web address: 400, named in words.
	const bad = await postForm(srv, member, path, { version:
	    String(c.version), owner_id: String(maya.id),
	    evidence_url: 'javascript:alert(1)' });
	assert.equal(bad.status, 400, bad.text.slice(0, 200));
	assert.match(bad.text, new RegExp(`id="cp-${c.id}-owner-evidence_url-error" role="alert">Evidence link must be an http\\(s\\) URL`));

	const ok = await postForm(srv, member, path, { version:
	    String(c.version), owner_id: String(maya.id), evidence_url: url });
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'),
	    `/projects/${project.id}#checkpoint-${c.id}`);
	const now = await get(`/api/v1/checkpoints/${c.id}`);
	assert.equal(now.owner.id, maya.id);
	assert.equal(now.evidence_url, url);
	assert.equal(now.version, c.version + 1);

	const html = await page(`/projects/${project.id}`, viewer);
	assert.match(html, /<p class="evidence"><a href="https:\/\/wiki\.example\.com\/labels\?run=1&amp;x=2" rel="noopener noreferrer">Evidence<\/a><\/p>/);

	// The form drawn before: stale, back by GET with a message in words.
	const stale = await postForm(srv, member, path, { version:
	    String(c.version), owner_id: '', evidence_url: '' });
	assert.equal(stale.status, 303);
	assert.equal(stale.headers.get('location'),
	    `/projects/${project.id}?changed=cp-${c.id}-owner` +
	    `#checkpoint-${c.id}`);
	const back = await page(stale.headers.get('location'), member);
	assert.match(back, /Someone else changed this while you were editing/);
	assert.match(back, new RegExp(`<details open><summary>Owner and evidence link</summary>\\n<form method="post" action="${path}"`));
	assert.equal((await get(`/api/v1/checkpoints/${c.id}`)).owner.id,
	    maya.id, 'nothing was saved');

	// An empty owner is nobody, an empty link clears it.
	const clear = await postForm(srv, member, path, { version:
	    String(now.version), owner_id: '', evidence_url: '' });
	assert.equal(clear.status, 303, clear.text.slice(0, 300));
	const cleared = await get(`/api/v1/checkpoints/${c.id}`);
	assert.equal(cleared.owner, null);
	assert.equal(cleared.evidence_url, null);
});

// A project page's person pickers: one list of the active people per
// page, each picker holding "Name (role) #id"; what is sent may be that,
// an id, or a name or an email typed in that names one active person.
test('a person picker takes a choice from the list, a name or an email; ' +
    'a name of nobody or of several is refused next to the field',
    async () => {
	const c = (await checkpoints()).find((x) => x.title ===
	    'Labels audited');
	const path = `/projects/${project.id}/checkpoints/${c.id}/owner`;
	const [zoe, zed] = [await createPerson(srv, { name: 'Zoe Quill',
	    role: 'swe' }), await createPerson(srv, { name: 'Zoe Quist',
	    role: 'ds' })];
	const html = await page(`/projects/${project.id}`);
	const list = /<datalist id="people">([\s\S]*?)<\/datalist>/.exec(html);
	assert.ok(list, 'the page lists its people');
	assert.equal(html.match(/<datalist/g).length, 1, 'once');
	assert.match(list[1], new RegExp(`<option value="Zoe Quill \\(swe\\) #${zoe.id}">`));
	const owner = async () => (await get(`/api/v1/checkpoints/${c.id}`));
	const send = async (text) => postForm(srv, member, path, { version:
	    String((await owner()).version), owner_id: text,
	    evidence_url: '' });

	// A choice from the list; then a unique start of a name, any case;
	// then an email; then an id.
	for (const [text, who] of [[`Zoe Quill (swe) #${zoe.id}`, zoe],
	    ['zoe quis', zed], [' ZOE QUILL ', zoe],
	    [zed.email.toUpperCase(), zed], [String(zoe.id), zoe]]) {
		const r = await send(text);
		assert.equal(r.status, 303, `${text}: ${r.text.slice(0, 300)}`);
		assert.equal((await owner()).owner.id, who.id, text);
	}
	// Two people begin so: refused, what was typed kept, nothing saved.
	const before = await owner();
	for (const [text, words] of [['Zoe Qu', 'More than one person is ' +
	    'named &quot;Zoe Qu&quot;: choose one from the list'],
	    ['Nobody Here', 'Nobody active is named &quot;Nobody Here&quot;: ' +
	    'choose someone from the list']]) {
		const r = await send(text);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.ok(r.text.includes(`id="cp-${c.id}-owner-owner_id-error" ` +
		    `role="alert">${words}</p>`),
		    r.text.match(/field-error[^\n]*/)?.[0]);
		assert.match(r.text, new RegExp(`<input id="cp-${c.id}-owner-` +
		    `owner" name="owner_id" type="text" list="people" ` +
		    `autocomplete="off" placeholder="nobody" value="${text}" ` +
		    'aria-invalid="true"'));
		assert.deepEqual(await owner(), before);
	}
	// Someone inactive is named by nobody active.
	const off = await srv.api('PATCH', `/api/v1/people/${zed.id}`,
	    { active: false });
	assert.equal(off.status, 200, off.text);
	assert.equal((await send('Zoe Quist')).status, 400);
	// A matrix box named by a name, in the one save.
	const doc = await get(`/api/v1/projects/${project.id}`);
	const fields = formFields(await page(`/projects/${project.id}`),
	    'form-matrix');
	const key = doc.ownership.find((row) => row.swe.expected &&
	    row.swe.person === null).key;
	fields[`${key}/swe`] = 'zoe quill';
	const saved = await postForm(srv, pm, `/projects/${project.id}/ownership`,
	    fields);
	assert.equal(saved.status, 303, saved.text.match(/field-error[^\n]*/g)?.join('\n'));
	assert.equal((await get(`/api/v1/projects/${project.id}`)).ownership
	    .find((row) => row.key === key).swe.person.id, zoe.id);
});

test('an evidence link that is not a web address is never a link',
    async () => {
	const c = (await checkpoints()).find((x) => x.title ===
	    'Labels audited');
	// The API refuses one, but older data may hold it.
	await dbValue(srv, `UPDATE checkpoints SET evidence_url = ` +
	    `'javascript:alert("x")' WHERE id = ${c.id}`);
	const html = await page(`/projects/${project.id}`, viewer);
	assert.doesNotMatch(html, /href="javascript:/i);
	assert.match(html, /<p class="evidence">Evidence \(not a web link\): javascript:alert\(&quot;x&quot;\)<\/p>/);
	await dbValue(srv, `UPDATE checkpoints SET evidence_url = NULL ` +
	    `WHERE id = ${c.id}`);
});

test('a PM deletes a checkpoint with a ticked box; a stale page is told',
    async () => {
	const c = (await checkpoints()).find((x) => x.title ===
	    'Labels audited');
	const path = `/projects/${project.id}/checkpoints/${c.id}/delete`;
	assert.doesNotMatch(await page(`/projects/${project.id}`, member),
	    /id="form-cp-\d+-delete"/);
	const refused = await postForm(srv, member, path,
	    { version: String(c.version), confirm: 'true' });
	assert.equal(refused.status, 403);

	// Unticked: 400 at the box, nothing deleted.
	const unticked = await postForm(srv, pm, path,
	    { version: String(c.version) });
	assert.equal(unticked.status, 400, unticked.text.slice(0, 200));
	assert.match(unticked.text, new RegExp(`id="cp-${c.id}-delete-confirm-error" role="alert">`));
	assert.ok((await checkpoints()).some((x) => x.id === c.id));

	// Drawn from an older version: back by GET, in words.
	const stale = await postForm(srv, pm, path,
	    { version: String(c.version - 1), confirm: 'true' });
	assert.equal(stale.status, 303);
	assert.equal(stale.headers.get('location'),
	    `/projects/${project.id}?changed=cp-${c.id}-delete#checkpoints`);
	const back = await page(stale.headers.get('location'));
	assert.match(back, /Not saved: someone else changed this while you were editing/);
	assert.match(back, new RegExp(`<details open><summary>Delete</summary>\\n<form method="post" action="${path}"`));
	assert.ok((await checkpoints()).some((x) => x.id === c.id));

	const ok = await postForm(srv, pm, path,
	    { version: String(c.version), confirm: 'true' });
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'),
	    `/projects/${project.id}#checkpoints`);
	assert.ok(!(await checkpoints()).some((x) => x.id === c.id));
	const gone = await srv.api('GET', `/api/v1/checkpoints/${c.id}`);
	assert.equal(gone.status, 404);
	const h = await historyOf(srv, project.id);
	assert.ok(h.entries.some((e) => e.entity === 'checkpoint' &&
	    e.action === 'delete' && String(e.entity_id) === String(c.id)),
	    JSON.stringify(h.entries.slice(0, 3)));
});

test('a PM edits the stage plan in one save', async () => {
	const doc = await get(`/api/v1/projects/${project.id}`);
	const html = await page(`/projects/${project.id}`);
	assert.match(html, /<details id="plan"><summary>Edit the stage plan<\/summary>/);
	assert.doesNotMatch(await page(`/projects/${project.id}`, member),
	    /id="form-plan"/);
	// Every stage's dates, as stored.
	const fields = { version: String(doc.version) };
	for (const st of doc.stages) {
		assert.match(html, new RegExp(`<input type="date" id="plan-${st.key}-start" name="${st.key}.start" value="${st.planned_start}">`));
		fields[`${st.key}.start`] = st.planned_start;
		fields[`${st.key}.end`] = st.planned_end;
	}
	const path = `/projects/${project.id}/plan`;
	const data = doc.stages.find((s) => s.key === 'data');

	const refused = await postForm(srv, member, path,
	    { ...fields, 'data.end': '2026-12-31' });
	assert.equal(refused.status, 403);

	// A bad date: 400 naming the stage and end in words.
	const bad = await postForm(srv, pm, path,
	    { ...fields, 'data.end': '2026-02-30' });
	assert.equal(bad.status, 400, bad.text.slice(0, 200));
	assert.match(bad.text, /id="plan-plan\.data\.end-error" role="alert">Data exploration end must be a calendar date as YYYY-MM-DD<\/p>/);
	assert.match(bad.text, /<details id="plan" open>/);
	// An end before its start, from the database: in words too.
	const back = await postForm(srv, pm, path,
	    { ...fields, 'data.end': addDays(data.planned_start, -1) });
	assert.equal(back.status, 400, back.text.slice(0, 200));
	assert.match(back.text, /role="alert">Data exploration would end before it starts<\/p>/);
	assert.equal((await get(`/api/v1/projects/${project.id}`)).version,
	    doc.version, 'nothing was saved');

	const end = addDays(data.planned_end, 7);
	const versionsBefore = await rowCount(srv, 'plan_versions',
	    `project_id = ${project.id}`);
	const ok = await postForm(srv, pm, path, { ...fields,
	    'data.end': end });
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'), `/projects/${project.id}#plan`);
	const now = await get(`/api/v1/projects/${project.id}`);
	assert.equal(now.stages.find((s) => s.key === 'data').planned_end, end);
	for (const st of doc.stages.filter((s) => s.key !== 'data'))
		assert.deepEqual(now.stages.find((s) => s.key === st.key),
		    st, `${st.key} is as it was`);
	// Only the stage that changed is a new plan version.
	assert.equal(await rowCount(srv, 'plan_versions',
	    `project_id = ${project.id}`), versionsBefore + 1);
	assert.equal((await dbValue(srv, 'SELECT stage FROM plan_versions ' +
	    `WHERE project_id = ${project.id} ORDER BY id DESC LIMIT 1`))
	    .trim(), 'data');

	// The same form again, from the version before: stale, in words.
	const stale = await postForm(srv, pm, path, fields);
	assert.equal(stale.status, 303);
	assert.equal(stale.headers.get('location'),
	    `/projects/${project.id}?changed=plan#plan`);
	const page2 = await page(stale.headers.get('location'));
	assert.match(page2, /Not saved: someone else changed this while you were editing/);
	assert.equal((await get(`/api/v1/projects/${project.id}`)).stages
	    .find((s) => s.key === 'data').planned_end, end);
});

// The page lists the first 200 active people by name in its selects; with
// more, someone the project names sorts past them.  Every select must still
// show who it holds, or the whole matrix saved as drawn would empty boxes.
test('with more people than a select lists, each select shows who it ' +
    'holds, and the matrix saved as drawn changes nothing', async () => {
	await psql(`INSERT INTO people (name, email, role)
	    SELECT format('Aardvark %s', lpad(i::text, 3, '0')),
		format('aardvark%s@example.com', i), 'ds'
	    FROM generate_series(1, 210) i`, { dsn: srv.dsn });
	const zed = await createPerson(srv, { name: 'Zz Holder', role: 'ds' });
	const doc = await get(`/api/v1/projects/${project.id}`);
	const key = doc.ownership.find((row) => row.ds.expected).key;
	const put = await srv.api('PUT',
	    `/api/v1/projects/${project.id}/ownership/${key}/ds`,
	    { person_id: zed.id });
	assert.equal(put.status, 200, put.text);
	const c = (await checkpoints())[0];
	const owned = await srv.api('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { owner_id: zed.id }, { 'if-match': `"${c.version}"` });
	assert.equal(owned.status, 200, owned.text);

	const html = await page(`/projects/${project.id}`);
	const pickers = [...html.matchAll(
	    /<input id="([^"]+)" name="[^"]+"[^>]* list="people"[^>]* value="([^"]*)"/g)];
	const holding = pickers.filter(([, , value]) =>
	    value === `Zz Holder (ds) #${zed.id}`);
	const ids = holding.map(([, id]) => id);
	// The box's own form, the whole matrix's, the checkpoint's owner.
	assert.ok(ids.includes(`m-${key}-ds`), ids.join(' '));
	assert.ok(ids.includes(`cell-${key}-ds-person`), ids.join(' '));
	assert.ok(ids.some((id) => id.endsWith('-owner')), ids.join(' '));

	// The whole matrix, posted as a browser would send it untouched.
	const fields = formFields(html, 'form-matrix');
	const r = await postForm(srv, pm, `/projects/${project.id}/ownership`,
	    fields);
	assert.equal(r.status, 303, r.text.slice(0, 300));
	const after = await get(`/api/v1/projects/${project.id}`);
	assert.equal(after.ownership.find((row) => row.key === key).ds.person?.id,
	    zed.id);
	assert.deepEqual(after.ownership, doc.ownership.map((row) =>
	    row.key !== key ? row : after.ownership.find((x) => x.key === key)));
});
