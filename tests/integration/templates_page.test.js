// The /templates page (src/page_templates.c, src/render_templates.c): the
// current template version as one form; one save is one new version
// through api.templates_put, with If-Match on the version drawn; rows
// added and removed; refusals on the page in words; read-only below PM.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, unique } from '../lib/fixtures.js';
import { signIn, postForm } from '../lib/security.js';

let srv, pm, member;

before(async () => {
	srv = await startApi();
	const n = unique('tp');
	const p = await createPerson(srv, { name: 'Tess Planner', role: 'pm',
	    email: `tess-${n}@example.com` });
	const m = await createPerson(srv, { name: 'Ned Member', role: 'ds',
	    email: `ned-${n}@example.com` });
	await srv.account(p.email, 'pm', 'tess-password-long');
	await srv.account(m.email, 'member', 'ned-password-long');
	pm = await signIn(srv, p.email, 'tess-password-long');
	member = await signIn(srv, m.email, 'ned-password-long');
});

after(async () => { await srv?.stop(); });

async function page(session, path = '/templates') {
	const r = await srv.request('GET', path, { auth: false,
	    headers: { cookie: session.cookie } });
	assert.equal(r.status, 200, r.text);
	return r.text;
}

const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// What a browser would send of the form "form-templates" as drawn.
function formOf(html) {
	const m = /<form method="post" action="\/templates" id="form-templates">([\s\S]*?)<\/form>/
	    .exec(html);
	assert.ok(m, 'the page has the templates form');
	const fields = {};
	for (const [, attrs] of m[1].matchAll(/<input ([^>]*)>/g)) {
		const name = /name="([^"]*)"/.exec(attrs)?.[1];
		const value = /value="([^"]*)"/.exec(attrs)?.[1] ?? '';
		if (name === undefined)
			continue;
		if (/type="checkbox"/.test(attrs)) {
			if (/ checked/.test(attrs))
				fields[name] = 'on';
		} else
			fields[name] = unescape(value);
	}
	for (const [, name, options] of m[1].matchAll(
	    /<select [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
		const sel = /<option value="([^"]*)" selected>/.exec(options) ??
		    /<option value="([^"]*)"/.exec(options);
		fields[name] = unescape(sel[1]);
	}
	return fields;
}

async function current() {
	const r = await srv.api('GET', '/api/v1/templates');
	assert.equal(r.status, 200);
	return r.json;
}

test('the page shows the current version, and is linked for PMs', async () => {
	const t = await current();
	const html = await page(pm);
	assert.match(html, /<a href="\/templates">Templates<\/a>/);
	assert.match(html, new RegExp(`This is version ${t.version},`));
	assert.match(html, new RegExp(`Save as version ${t.version + 1}`));
	const f = formOf(html);
	assert.equal(f.version, String(t.version));
	assert.equal(f.label_ds, t.role_labels.ds);
	assert.equal(f.weeks_data, String(t.stages.data.weeks));
	t.checkpoints.forEach((c, i) => {
		assert.equal(f[`cp.${i}.title`], c.title);
		assert.equal(f[`cp.${i}.stage`], c.stage);
		assert.equal(f[`cp.${i}.week_offset`], String(c.week_offset));
		assert.equal(f[`cp.${i}.decision`], c.decision ? 'on' :
		    undefined);
	});
	t.responsibilities.forEach((r, i) => {
		assert.equal(f[`rs.${i}.key`], r.key);
		assert.equal(f[`rs.${i}.needed_by`], r.needed_by);
		assert.equal(f[`rs.${i}.expects_swe`], r.expects_swe ? 'on' :
		    undefined);
	});
	assert.equal(f['cp.new.title'], '');
});

test('a member reads it but cannot save', async () => {
	const html = await page(member);
	assert.doesNotMatch(html, /<a href="\/templates">/);
	assert.doesNotMatch(html, /id="form-templates"/);
	assert.match(html, /Only a PM or an admin can change the templates/);
	assert.match(html, /<fieldset class="tmpl-read" disabled>/);
	const t = await current();
	const r = await postForm(srv, member, '/templates',
	    { version: String(t.version), label_ds: 'Nope' });
	assert.equal(r.status, 403);
	assert.equal((await current()).version, t.version);
});

test('one save: labels, weeks, a row added and a row removed in each ' +
    'table, one new version', async () => {
	const t = await current();
	const f = formOf(await page(pm));
	f.label_ds = 'Research lead';
	f.weeks_data = '3';
	f['cp.1.remove'] = 'on';
	f['cp.new.title'] = 'Shadow run <reviewed> & "signed"';
	f['cp.new.stage'] = 'production';
	f['cp.new.anchor'] = 'launch';
	f['cp.new.week_offset'] = '-1';
	f['cp.new.decision'] = 'on';
	f['rs.3.remove'] = 'on';
	f['rs.new.key'] = 'label_audit';
	f['rs.new.name'] = 'Label quality audit';
	f['rs.new.needed_by'] = 'data';
	f['rs.new.expects_ds'] = 'on';
	f['rs.new.handoff'] = 'a';
	const r = await postForm(srv, pm, '/templates', f);
	assert.equal(r.status, 303, r.text);
	assert.equal(r.headers.get('location'), '/templates');

	const n = await current();
	assert.equal(n.version, t.version + 1);
	assert.equal(n.role_labels.ds, 'Research lead');
	assert.equal(n.role_labels.mle, t.role_labels.mle);
	assert.deepEqual(n.stages.data, { weeks: 3 });
	assert.deepEqual(n.stages.framing, t.stages.framing);
	assert.deepEqual(n.checkpoints, [t.checkpoints[0],
	    ...t.checkpoints.slice(2), { title: 'Shadow run <reviewed> & ' +
	    '"signed"', stage: 'production', anchor: 'launch',
	    week_offset: -1, decision: true, readiness: false,
	    handoff: null }]);
	assert.deepEqual(n.responsibilities, [...t.responsibilities.slice(0,
	    3), ...t.responsibilities.slice(4), { key: 'label_audit',
	    name: 'Label quality audit', needed_by: 'data', expects_ds: true,
	    expects_mle: false, expects_swe: false, handoff: 'a',
	    assign_at_kickoff: false }]);

	// Drawn again: the hostile title escaped, the new label on the
	// roles of the responsibility rows.
	const html = await page(pm);
	assert.match(html, /Shadow run &lt;reviewed&gt; &amp; &quot;signed&quot;/);
	assert.doesNotMatch(html, /<reviewed>/);
	assert.match(html, /name="rs\.0\.expects_ds" checked> Research lead<\/label>/);
});

test('a stale save changes nothing and says so', async () => {
	const t = await current();
	const f = formOf(await page(pm));
	f.version = String(t.version - 1);
	f.label_swe = 'Backend';
	const r = await postForm(srv, pm, '/templates', f);
	assert.equal(r.status, 303);
	assert.equal(r.headers.get('location'), '/templates?changed=templates');
	assert.equal((await current()).version, t.version);
	assert.match(await page(pm, r.headers.get('location')),
	    /Someone else changed this while you were editing/);
});

test('a refused row is named in words, at its row, nothing lost',
    async () => {
	const t = await current();
	const f = formOf(await page(pm));
	f['cp.2.remove'] = 'on';
	f['cp.4.week_offset'] = 'soon';
	f.label_mle = 'Platform';
	let r = await postForm(srv, pm, '/templates', f);
	assert.equal(r.status, 400);
	// Row 4 of the list sent is row 5 of the page (row 3 removed).
	assert.match(r.text, /<p class="form-notice" id="templates-error" role="alert">Checkpoint 5, weeks from kickoff or launch: must be an integer<\/p>/);
	assert.match(r.text, /name="cp\.4\.week_offset" value="soon" min="-52" max="104" step="1" aria-invalid="true"/);
	assert.match(r.text, /name="label_mle" value="Platform"/);
	assert.match(r.text, /name="cp\.2\.remove" checked>/);

	// The database's own check (a key twice), on the row to add.
	const g = formOf(await page(pm));
	g['rs.new.key'] = t.responsibilities[0].key;
	g['rs.new.name'] = 'Twice';
	g['rs.new.needed_by'] = 'data';
	g['rs.new.expects_mle'] = 'on';
	r = await postForm(srv, pm, '/templates', g);
	assert.equal(r.status, 400);
	assert.match(r.text, /The new responsibility, key: is already in the list/);
	assert.match(r.text, /<details class="tmpl-add" open>/);

	// A row expecting no role; a stage too short.
	const h = formOf(await page(pm));
	delete h['rs.0.expects_ds'];
	delete h['rs.0.expects_mle'];
	delete h['rs.0.expects_swe'];
	r = await postForm(srv, pm, '/templates', h);
	assert.equal(r.status, 400);
	assert.match(r.text, /Responsibility 1, expected roles: must expect at least one role/);
	const s = formOf(await page(pm));
	s.weeks_production = '0';
	r = await postForm(srv, pm, '/templates', s);
	assert.equal(r.status, 400);
	assert.match(r.text, /Production[^<]*, weeks: must be between 1 and 52/);
	assert.equal((await current()).version, t.version);
});

test('without the CSRF token nothing is saved', async () => {
	const t = await current();
	const f = formOf(await page(pm));
	delete f.csrf;
	const r = await postForm(srv, pm, '/templates', f, { csrf: false });
	assert.equal(r.status, 403);
	assert.equal((await current()).version, t.version);
});
