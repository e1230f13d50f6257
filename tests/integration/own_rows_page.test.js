// A project's own responsibility rows from the project page: a PM adds
// one with the "Add a responsibility row" form and removes one with the
// row's "Remove this row" form (a ticked confirmation), as a browser would
// (session cookie, CSRF token, post/redirect/get).  The forms call
// api.responsibility_create and api.responsibility_delete, as the API does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TODAY, createPerson, createProject, historyOf, startApi }
    from '../lib/fixtures.js';
import { formFields, postForm, signIn } from '../lib/security.js';

const HOSTILE = '<b>"x"&</b>';
const ESCAPED = '&lt;b&gt;&quot;x&quot;&amp;&lt;/b&gt;';
let srv, pm, member, project;

before(async () => {
	srv = await startApi();
	await srv.account('rows-pm@example.com', 'pm', 'rows-pm-password');
	await srv.account('rows-member@example.com', 'member',
	    'rows-member-password');
	pm = await signIn(srv, 'rows-pm@example.com', 'rows-pm-password');
	member = await signIn(srv, 'rows-member@example.com',
	    'rows-member-password');
	project = await createProject(srv);
});
after(async () => { await srv?.stop(); });

async function page(session = pm) {
	const r = await srv.request('GET', `/projects/${project.id}`,
	    { auth: false, headers: { cookie: session.cookie } });
	assert.equal(r.status, 200, `GET /projects/${project.id}: ${r.status}`);
	return r.text;
}

async function rows() {
	const r = await srv.api('GET', `/api/v1/projects/${project.id}`);
	assert.equal(r.status, 200, r.text);
	return r.json.ownership;
}

test('the add form: a PM\'s, not a member\'s; a row added through it ' +
    'shows with its name escaped', async () => {
	const html = await page();
	assert.match(html, new RegExp('<details><summary>Add a responsibility ' +
	    `row</summary>\\n<form method="post" action="/projects/${
	    project.id}/responsibilities" id="form-resp-new">`));
	for (const name of ['name', 'needed_by', 'expects_ds', 'expects_mle',
	    'expects_swe', 'handoff', 'assign_at_kickoff'])
		assert.match(html, new RegExp(`id="resp-new-[a-z_]+" ` +
		    `name="${name}"`), name);
	assert.ok(html.includes('<option value="" selected>none</option>\n' +
	    '<option value="a">a: '), 'no handoff, or one by name');
	const mhtml = await page(member);
	assert.doesNotMatch(mhtml, /id="form-resp-new"/);
	assert.doesNotMatch(mhtml, /id="form-resp-[a-z0-9_]+-delete"/);

	const path = `/projects/${project.id}/responsibilities`;
	const fields = { name: HOSTILE, needed_by: 'data', expects_ds: 'true',
	    expects_swe: 'on', handoff: '' };
	const before = (await rows()).length;
	const refused = await postForm(srv, member, path, fields);
	assert.equal(refused.status, 403, refused.text.slice(0, 200));
	assert.equal((await rows()).length, before);

	// No role ticked: 400, the form open again with what was typed.
	const none = await postForm(srv, pm, path, { name: HOSTILE,
	    needed_by: 'data', handoff: '' });
	assert.equal(none.status, 400, none.text.slice(0, 200));
	assert.match(none.text, /<details open><summary>Add a responsibility row/);
	assert.match(none.text, /id="resp-new-expects_ds-error" role="alert">/);
	assert.ok(none.text.includes(`value="${ESCAPED}"`), 'typed, escaped');
	assert.equal((await rows()).length, before);

	const ok = await postForm(srv, pm, path, fields);
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'),
	    `/projects/${project.id}#ownership`);
	const list = await rows();
	assert.equal(list.length, before + 1);
	const row = list.at(-1);
	assert.equal(row.name, HOSTILE);
	assert.equal(row.needed_by, 'data');
	assert.equal(row.added_on, TODAY);
	assert.equal(row.handoff, null);
	assert.equal(row.ds.expected, true);
	assert.equal(row.mle.expected, false, 'unticked is false');
	assert.equal(row.swe.expected, true);

	const after = await page();
	assert.ok(!after.includes(HOSTILE), 'never unescaped');
	assert.ok(after.includes(`<tr id="resp-${row.key}"><th scope="row">${
	    ESCAPED}<p class="note">added on ${TODAY}</p>`), 'the row, escaped');
	assert.match(after, new RegExp(`id="form-resp-${row.key}-delete"`));
	// A template's row has no "added on".
	const first = list[0];
	assert.equal(first.added_on, null);
	assert.match(after, new RegExp(`<tr id="resp-${first.key}"><th ` +
	    'scope="row">[^<]*(?:<span class="muted">[^<]*</span>)?<details'));
});

test('removing a row: only ticked, then gone from the page and in the ' +
    'history twice', async () => {
	const row = (await rows()).find((x) => x.name === HOSTILE);
	assert.ok(row);
	const path = `/projects/${project.id}/responsibilities/${row.key}/delete`;
	const refused = await postForm(srv, member, path, { confirm: 'true' });
	assert.equal(refused.status, 403);

	// Unticked: 400 at the box, the form drawn again, nothing removed.
	const unticked = await postForm(srv, pm, path, {});
	assert.equal(unticked.status, 400, unticked.text.slice(0, 200));
	assert.match(unticked.text, new RegExp(`<details class="cell-edit" ` +
	    'open><summary>Remove this row'));
	assert.match(unticked.text, new RegExp(`id="resp-${row.key}-delete-` +
	    'confirm-error" role="alert">'));
	assert.ok((await rows()).some((x) => x.key === row.key));

	const ok = await postForm(srv, pm, path, { confirm: 'true' });
	assert.equal(ok.status, 303, ok.text.slice(0, 300));
	assert.equal(ok.headers.get('location'),
	    `/projects/${project.id}#ownership`);
	assert.ok(!(await rows()).some((x) => x.key === row.key));
	const html = await page();
	assert.doesNotMatch(html, new RegExp(`id="resp-${row.key}"`));
	assert.doesNotMatch(html, new RegExp(`form-resp-${row.key}-delete`));

	// Both on the page's history, by name, escaped.
	const history = html.slice(html.indexOf('<section id="history"'));
	assert.ok(history.includes(`created ${ESCAPED}`), history.slice(0, 800));
	assert.ok(history.includes(`deleted ${ESCAPED}`), history.slice(0, 800));
	const h = (await historyOf(srv, project.id)).entries.filter((e) =>
	    e.entity === 'responsibility' && e.entity_id === row.key);
	assert.deepEqual(h.map((e) => e.action), ['delete', 'create']);

	// Again: the row is gone (404), nothing more in the history.
	const again = await postForm(srv, pm, path, { confirm: 'true' });
	assert.equal(again.status, 404);
});

// The whole matrix's one save takes every row the project has, its own
// too (the form's fields are whatever boxes the page drew).
test('the whole matrix form saves the box of a row of the project\'s own',
    async () => {
	const p = await createProject(srv);
	const add = await srv.api('POST',
	    `/api/v1/projects/${p.id}/responsibilities`, { key: 'data_contract',
	    name: 'Data contract', needed_by: 'data', expects_ds: true });
	assert.equal(add.status, 201, add.text);
	const who = await createPerson(srv, { role: 'ds' });

	const r = await srv.request('GET', `/projects/${p.id}`,
	    { auth: false, headers: { cookie: pm.cookie } });
	assert.equal(r.status, 200);
	const fields = formFields(r.text, 'form-matrix');
	assert.ok('data_contract/ds' in fields, Object.keys(fields).join());
	fields['data_contract/ds'] = String(who.id);
	const save = await postForm(srv, pm, `/projects/${p.id}/ownership`,
	    fields);
	assert.equal(save.status, 303, save.text.slice(0, 300));
	const doc = await srv.api('GET', `/api/v1/projects/${p.id}`);
	assert.equal(doc.json.ownership.find((x) => x.key === 'data_contract')
	    .ds.person?.id, who.id);
});
