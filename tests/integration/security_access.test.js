// The access-control matrix: every route and method of conf/handoff.conf
// that needs an account, as nobody, viewer, member, pm and admin.
//
// Each row names the least role the README's "Who may do what" gives the
// action.  Anonymous: 401 on the API and on form posts, a 303 to the
// sign-in page (and back) for a page.  Below the role: 403 and nothing
// written (no audit row).  At or above: the success status, with the audit
// row the change writes.  API routes are called with API tokens, pages with
// real sessions signed in through the /login form, their forms carrying
// the session's CSRF token; every request is one that would succeed for a
// role that may send it (fresh fixtures for each attempt).
//
// Where the README and the code tables (src/routes.c, src/page_*.c,
// src/accounts.c, src/session.c) disagree, a row says both (need: code,
// readme: README) and only the roles on which they agree are asserted:
//   GET /api/v1/users           code admin,  README viewer ("every GET of
//                               the API"; admin "manages" accounts)
//   GET /projects/new           code pm,     README viewer ("every page")
// A row whose body needs more than its route (least: a checkpoint's
// decision flag, the PM's to change on a route members may use) expects
// 403 below that role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOP } from '../lib/harness.js';
import { startApi, createPerson, createProject, createCheckpoint,
    unique, addDays, KICKOFF, TODAY } from '../lib/fixtures.js';
import { ROLES, LEVEL, FORM_TYPE, formBody, loginRedirect, signIn,
    assertJsonError, assertNoInjected, openSql } from '../lib/security.js';

let srv;
let sql;			// a psql session on the server's database
const sessions = {};		// role -> { cookie, csrf, email }
const tokens = {};		// role -> API token of the same account
const people = {};		// role -> the person that account is

const emailOf = (role) => `sec-${role}@example.com`;
const passwordOf = (role) => `sec-${role}-password`;

before(async () => {
	srv = await startApi();
	sql = openSql(srv);
	for (const role of ROLES) {
		// Accounts are people: made after the person of the same
		// email, the account is theirs (sql/0028_me.sql).
		people[role] = await createPerson(srv, { email: emailOf(role),
		    role: 'mle' });
		await srv.account(emailOf(role), role, passwordOf(role));
		tokens[role] = await srv.token(emailOf(role), role);
		sessions[role] = await signIn(srv, emailOf(role),
		    passwordOf(role));
	}
});
after(async () => {
	sql?.close();
	await srv?.stop();
});

const bearer = (role) => ({ authorization: `Bearer ${tokens[role]}` });

// Fixtures, made by the test's own admin (srv.api's default token).
async function project() {
	return createProject(srv);
}

async function projectWithPeople() {
	const p = await createProject(srv);
	const a = await createPerson(srv, { role: 'ds' });
	const b = await createPerson(srv, { role: 'mle' });
	return { p, a, b };
}

// Offered to who's person: only the receiver accepts (a PM or an admin
// for them, with a reason, which is another rule: the receiver's is the
// route's least access).
async function offered(who) {
	const { p, a, b } = await projectWithPeople();
	const r = await srv.api('POST', `/api/v1/projects/${p.id}/handoffs/a/offer`,
	    { from_id: a.id, to_id: people[who]?.id ?? b.id });
	assert.equal(r.status, 200, r.text);
	return p;
}

async function filledBox() {
	const { p, a } = await projectWithPeople();
	const r = await srv.api('PUT',
	    `/api/v1/projects/${p.id}/ownership/fallback/swe`,
	    { person_id: a.id });
	assert.equal(r.status, 200, r.text);
	return p;
}

// A token owned by who's account (the admin's for nobody), to revoke.
async function ownToken(who) {
	const r = await srv.request('POST', '/api/v1/tokens', {
		body: { name: 'to revoke' },
		headers: who === 'anonymous' ? {} : bearer(who) });
	assert.equal(r.status, 201, r.text);
	return r.json.id;
}

async function newUser() {
	const r = await srv.api('POST', '/api/v1/users', {
		email: `${unique('u')}@example.com`, name: 'Someone',
		role: 'viewer', password: 'matrix-password-1' });
	assert.equal(r.status, 201, r.text);
	return r.json.id;
}

// An endpoint that nothing is sent to (no weekly job in these tests).
async function newHook() {
	return Number(await sql.value(`INSERT INTO outbox_targets (channel,
	    name, url, events, secret, created_by) VALUES ('webhook',
	    'matrix', 'https://hooks.example.com/m', '{digest.weekly}',
	    'whsec_AAAA', 'test') RETURNING id`));
}

// A dead letter, for an admin to send again (due only later than the
// test's end: the retry window is a day).
async function deadLetter() {
	return Number(await sql.value(`INSERT INTO outbox (channel, target_id,
	    event, payload, dead_at, due_at) VALUES ('webhook', ${await
	    newHook()}, 'digest.weekly', '{}', now(), now()) RETURNING id`));
}

// The rows.  api: JSON API (tokens) or a page (sessions).  make(who) gives
// a fresh, valid request: { path, body (JSON object, or form fields) }, and
// for pages where a success redirects to.  ok: the success status.  audits:
// a success writes an audit row (every write but signing out does).
const ROUTES = [
	// Sessions and tokens: anyone signed in.
	{ route: '/api/v1/session', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/session' }) },
	{ route: '/api/v1/session', method: 'DELETE', need: 'viewer', api: true,
	    ok: 204, endsSession: true,
	    make: async () => ({ path: '/api/v1/session' }) },
	{ route: '/api/v1/tokens', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/tokens' }) },
	{ route: '/api/v1/tokens', method: 'POST', need: 'viewer', api: true,
	    ok: 201, audits: true,
	    make: async () => ({ path: '/api/v1/tokens',
		body: { name: 'matrix bot' } }) },
	{ route: '/api/v1/tokens/#token', method: 'DELETE', need: 'viewer', api: true,
	    ok: 200, audits: true,
	    make: async (who) => ({
		path: `/api/v1/tokens/${await ownToken(who)}` }) },

	// User accounts: admins.
	{ route: '/api/v1/users', method: 'GET', need: 'admin',
	    readme: 'viewer', api: true, ok: 200,
	    make: async () => ({ path: '/api/v1/users' }) },
	{ route: '/api/v1/users', method: 'POST', need: 'admin', api: true,
	    ok: 201, audits: true,
	    make: async () => ({ path: '/api/v1/users', body: {
		email: `${unique('nu')}@example.com`, name: 'New user',
		role: 'viewer', password: 'matrix-password-2' } }) },
	{ route: '/api/v1/users/#user', method: 'PATCH', need: 'admin', api: true,
	    ok: 200, audits: true,
	    make: async () => ({ path: `/api/v1/users/${await newUser()}`,
		body: { name: 'Renamed user' } }) },
	{ route: '/api/v1/users/#user/tokens', method: 'GET', need: 'admin',
	    api: true, ok: 200,
	    make: async () => ({ path: `/api/v1/users/${await newUser()}/tokens` }) },
	{ route: '/api/v1/users/#user/tokens', method: 'DELETE', need: 'admin',
	    api: true, ok: 200, audits: true,
	    make: async () => {
		const id = await newUser();
		await sql.value(`INSERT INTO api_tokens (user_id, name,
		    token_hash, prefix) VALUES (${id}, 'to revoke',
		    encode(sha256(convert_to('${unique('t')}', 'UTF8')),
		    'hex'), 'hf_xxxxxxx')`);
		return { path: `/api/v1/users/${id}/tokens` };
	    } },

	// The outbox: admins.
	{ route: '/api/v1/webhooks', method: 'GET', need: 'admin', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/webhooks' }) },
	{ route: '/api/v1/webhooks', method: 'POST', need: 'admin', api: true,
	    ok: 201, audits: true,
	    make: async () => ({ path: '/api/v1/webhooks', body: {
		name: 'matrix hook', url: 'https://hooks.example.com/matrix',
		events: 'digest.weekly' } }) },
	{ route: '/api/v1/webhooks/#webhook', method: 'DELETE', need: 'admin',
	    api: true, ok: 200, audits: true,
	    make: async () => ({ path: `/api/v1/webhooks/${await newHook()}` }) },
	{ route: '/api/v1/outbox', method: 'GET', need: 'admin', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/outbox' }) },
	{ route: '/api/v1/outbox/settings', method: 'POST', need: 'admin',
	    api: true, ok: 200, audits: true,
	    make: async () => ({ path: '/api/v1/outbox/settings',
		body: { allow_loopback: false } }) },
	{ route: '/api/v1/outbox/#message/retry', method: 'POST',
	    need: 'admin', api: true, ok: 200, audits: true,
	    make: async () => ({
		path: `/api/v1/outbox/${await deadLetter()}/retry` }) },

	// People.
	{ route: '/api/v1/people', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/people' }) },
	{ route: '/api/v1/people', method: 'POST', need: 'pm', api: true,
	    ok: 201, audits: true,
	    make: async () => ({ path: '/api/v1/people', body: {
		name: 'Added', email: `${unique('ap')}@example.com`,
		role: 'ds' } }) },
	{ route: '/api/v1/people/#person', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({
		path: `/api/v1/people/${(await createPerson(srv)).id}` }) },
	{ route: '/api/v1/people/#person', method: 'PATCH', need: 'pm', api: true,
	    ok: 200, audits: true, what: 'deactivate',
	    make: async () => ({
		path: `/api/v1/people/${(await createPerson(srv)).id}`,
		body: { active: false } }) },
	{ route: '/api/v1/people/#person/deactivation', method: 'GET',
	    need: 'viewer', api: true, ok: 200, make: async () => ({
		path: `/api/v1/people/${(await createPerson(srv)).id}/` +
		    'deactivation' }) },
	{ route: '/api/v1/people/#person/deactivation', method: 'POST',
	    need: 'pm', api: true, ok: 200, audits: true, what: 'deactivate',
	    make: async () => ({
		path: `/api/v1/people/${(await createPerson(srv)).id}/` +
		    'deactivation', body: { reassign: [] } }) },
	{ route: '/api/v1/people/#person/mail', method: 'GET', need: 'admin',
	    api: true, ok: 200, make: async () => ({
		path: `/api/v1/people/${(await createPerson(srv)).id}/mail` }) },
	{ route: '/api/v1/people/#person/mail', method: 'PATCH', need: 'admin',
	    api: true, ok: 200, audits: true, make: async () => ({
		path: `/api/v1/people/${(await createPerson(srv)).id}/mail`,
		body: { digest: 'mine' } }) },

	// Projects.
	{ route: '/api/v1/projects', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/projects' }) },
	{ route: '/api/v1/projects', method: 'POST', need: 'pm', api: true,
	    ok: 201, audits: true,
	    make: async () => ({ path: '/api/v1/projects', body: {
		name: `Kicked off ${unique('k')}`, kickoff_on: KICKOFF,
		target_launch_on: addDays(KICKOFF, 91),
		pm_id: (await createPerson(srv, { role: 'pm' })).id } }) },
	{ route: '/api/v1/projects/#project', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({
		path: `/api/v1/projects/${(await project()).id}` }) },
	{ route: '/api/v1/projects/#project', method: 'PATCH', need: 'pm', api: true,
	    ok: 200, audits: true, what: 'name, spec and plan',
	    make: async () => ({
		path: `/api/v1/projects/${(await project()).id}`,
		body: { name: 'Edited', spec: { fallback: 'rules' },
		    plan: { data: { end: addDays(KICKOFF, 27) } } } }) },
	{ route: '/api/v1/projects/#project/ownership', method: 'PUT',
	    need: 'member', api: true, ok: 200, audits: true,
	    make: async () => {
		const { p, a, b } = await projectWithPeople();
		return { path: `/api/v1/projects/${p.id}/ownership`,
		    body: { boxes: {
		    'problem_framing/ds': { person_id: a.id, version: 1 },
		    'model_serving/mle': { person_id: b.id, version: 1 } } } };
	    } },
	{ route: '/api/v1/projects/#project/ownership/copy', method: 'POST',
	    need: 'pm', api: true, ok: 200, audits: true,
	    make: async () => {
		const { p: from, a } = await projectWithPeople();
		const put = await srv.api('PUT', `/api/v1/projects/${from.id}/` +
		    'ownership/problem_framing/ds', { person_id: a.id });
		assert.equal(put.status, 200, put.text);
		return { path: `/api/v1/projects/${(await project()).id}/` +
		    'ownership/copy', body: { from_project_id: from.id } };
	    } },
	{ route: '/api/v1/projects/#project/responsibilities', method: 'POST',
	    need: 'pm', api: true, ok: 201, audits: true,
	    make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/` +
		    'responsibilities', body: { name: 'Data contract',
		    needed_by: 'data', expects_ds: true } }) },
	{ route: '/api/v1/projects/#project/responsibilities/:key',
	    method: 'DELETE', need: 'pm', api: true, ok: 204, audits: true,
	    make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/` +
		    'responsibilities/fallback' }) },
	{ route: '/api/v1/projects/#project/stage', method: 'POST', need: 'pm', api: true,
	    ok: 200, audits: true,
	    make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/stage`,
		body: { stage: 'data', note: 'moving on', override: true,
		    reason: 'gates later' } }) },
	{ route: '/api/v1/projects/#project/checkpoints', method: 'POST', need: 'pm',
	    api: true, ok: 201, audits: true,
	    make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/checkpoints`,
		body: { stage: 'data', title: 'Added checkpoint',
		    due_on: addDays(KICKOFF, 20) } }) },
	{ route: '/api/v1/projects/#project/history', method: 'GET', need: 'viewer',
	    api: true, ok: 200, make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/history` }) },
	{ route: '/api/v1/projects/#project/readiness', method: 'GET',
	    need: 'viewer', api: true, ok: 200, make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/readiness` }) },
	{ route: '/api/v1/projects/#project/readiness', method: 'PATCH',
	    need: 'member', api: true, ok: 200, audits: true,
	    make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/readiness`,
		body: { items: { rollback_tested: { answer: 'no' } } } }) },
	{ route: '/api/v1/projects/#project/risks', method: 'GET', need: 'viewer',
	    api: true, ok: 200, make: async () => ({
		path: `/api/v1/projects/${(await project()).id}/risks` }) },
	{ route: '/api/v1/risks', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/risks' }) },
	{ route: '/api/v1/digest', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/digest' }) },

	// My work: everyone's own; taking an empty box of one's role.
	{ route: '/api/v1/me', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/me' }) },
	{ route: '/api/v1/me/mail', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/me/mail' }) },
	{ route: '/api/v1/me/mail', method: 'PATCH', need: 'viewer',
	    api: true, ok: 200, audits: true, make: async () => ({
		path: '/api/v1/me/mail', body: { digest: 'mine' } }) },
	{ route: '/api/v1/projects/#project/ownership/:key/:role/take',
	    method: 'POST', need: 'member', api: true, ok: 200, audits: true,
	    make: async () => ({ path: `/api/v1/projects/${
		(await project()).id}/ownership/fallback/mle/take`,
		body: { note: 'mine' } }) },

	// Checkpoints: the team updates them, PMs add and delete them.
	{ route: '/api/v1/checkpoints/#checkpoint', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: `/api/v1/checkpoints/${
		(await createCheckpoint(srv, (await project()).id)).id}` }) },
	{ route: '/api/v1/checkpoints/#checkpoint', method: 'PATCH', need: 'member',
	    api: true, ok: 200, audits: true,
	    what: 'status, completion, note',
	    make: async () => ({ path: `/api/v1/checkpoints/${
		(await createCheckpoint(srv, (await project()).id)).id}`,
		body: { status: 'done', completed_on: TODAY,
		    note: 'finished' } }) },
	{ route: '/api/v1/checkpoints/#checkpoint', method: 'PATCH', need: 'member',
	    api: true, ok: 200, audits: true, what: 'due date and reason',
	    make: async () => ({ path: `/api/v1/checkpoints/${
		(await createCheckpoint(srv, (await project()).id)).id}`,
		body: { due_on: addDays(KICKOFF, 30),
		    reason: 'waiting for data' } }) },
	{ route: '/api/v1/checkpoints/#checkpoint', method: 'PATCH', need: 'member',
	    api: true, ok: 200, audits: true,
	    what: 'title, stage, owner, evidence',
	    make: async () => {
		const { p, a } = await projectWithPeople();
		const c = await createCheckpoint(srv, p.id);
		return { path: `/api/v1/checkpoints/${c.id}`, body: {
		    title: 'Retitled', stage: 'baseline', owner_id: a.id,
		    evidence_url: 'https://wiki.example.com/e' } };
	    } },
	{ route: '/api/v1/checkpoints/#checkpoint', method: 'PATCH', need: 'member',
	    least: 'pm', api: true, ok: 200, audits: true, what: 'decision',
	    make: async () => ({ path: `/api/v1/checkpoints/${
		(await createCheckpoint(srv, (await project()).id)).id}`,
		body: { decision: true } }) },
	{ route: '/api/v1/checkpoints/#checkpoint', method: 'DELETE', need: 'pm', api: true,
	    ok: 204, audits: true,
	    make: async () => ({ path: `/api/v1/checkpoints/${
		(await createCheckpoint(srv, (await project()).id)).id}` }) },

	// Ownership and handoffs: the team.
	{ route: '/api/v1/projects/#project/ownership/:key/:role', method: 'PUT', need: 'member', api: true,
	    ok: 200, audits: true,
	    make: async () => {
		const { p, a } = await projectWithPeople();
		return { path: `/api/v1/projects/${p.id}/ownership/fallback/swe`,
		    body: { person_id: a.id } };
	    } },
	{ route: '/api/v1/projects/#project/ownership/:key/:role', method: 'DELETE', need: 'member',
	    api: true, ok: 200, audits: true,
	    make: async () => ({ path: `/api/v1/projects/${
		(await filledBox()).id}/ownership/fallback/swe` }) },
	{ route: '/api/v1/projects/#project/handoffs/:handoff/offer', method: 'POST', need: 'member',
	    api: true, ok: 200, audits: true,
	    make: async () => {
		const { p, a, b } = await projectWithPeople();
		return { path: `/api/v1/projects/${p.id}/handoffs/a/offer`,
		    body: { from_id: a.id, to_id: b.id,
		    artifact_url: 'https://wiki.example.com/a' } };
	    } },
	{ route: '/api/v1/projects/#project/handoffs/:handoff/accept', method: 'POST', need: 'member',
	    api: true, ok: 200, audits: true,
	    make: async (who) => ({ path: `/api/v1/projects/${
		(await offered(who)).id}/handoffs/a/accept` }) },

	// The organisation's templates.
	{ route: '/api/v1/templates', method: 'GET', need: 'viewer', api: true,
	    ok: 200, make: async () => ({ path: '/api/v1/templates' }) },
	{ route: '/api/v1/templates', method: 'PUT', need: 'pm', api: true,
	    ok: 200, audits: true, what: 'role labels',
	    make: async () => ({ path: '/api/v1/templates',
		body: { role_labels: { ds: 'DS' } } }) },

	// Pages.
	{ route: '/', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/' }) },
	{ route: '/logout', method: 'POST', need: 'viewer', ok: 303,
	    endsSession: true,
	    make: async () => ({ path: '/logout', body: {},
		location: '/login' }) },
	{ route: '/tokens', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/tokens' }) },
	{ route: '/tokens', method: 'POST', need: 'viewer', ok: 200,
	    audits: true, make: async () => ({ path: '/tokens',
		body: { name: 'page token' } }) },
	{ route: '/tokens/#token/revoke', method: 'POST', need: 'viewer',
	    ok: 303, audits: true,
	    make: async (who) => ({
		path: `/tokens/${await ownToken(who)}/revoke`, body: {},
		location: '/tokens' }) },
	{ route: '/accounts', method: 'GET', need: 'admin', ok: 200,
	    make: async () => ({ path: '/accounts' }) },
	{ route: '/accounts/#user/unlock', method: 'POST', need: 'admin',
	    ok: 303, audits: true,
	    make: async () => {
		const id = await newUser();
		return { path: `/accounts/${id}/unlock`,
		    body: { unlock: 'true' },
		    location: `/accounts#user-${id}` };
	    } },
	{ route: '/accounts', method: 'POST', need: 'admin', ok: 303,
	    audits: true,
	    make: async () => ({ path: '/accounts',
		body: { email: `${unique('pa')}@example.com`,
		    name: 'Page account', role: 'viewer', person_id: '',
		    password: 'page-account-password' },
		location: /^\/accounts#user-[0-9]+$/ }) },
	{ route: '/accounts/#user/role', method: 'POST', need: 'admin',
	    ok: 303, audits: true,
	    make: async () => {
		const id = await newUser();
		return { path: `/accounts/${id}/role`,
		    body: { role: 'member', version: '1' },
		    location: `/accounts#user-${id}` };
	    } },
	{ route: '/accounts/#user/person', method: 'POST', need: 'admin',
	    ok: 303, audits: true,
	    make: async () => {
		const id = await newUser();
		const person = await createPerson(srv);
		return { path: `/accounts/${id}/person`,
		    body: { person_id: String(person.id), version: '1' },
		    location: `/accounts#user-${id}` };
	    } },
	{ route: '/accounts/#user/password', method: 'POST', need: 'admin',
	    ok: 303, audits: true,
	    make: async () => {
		const id = await newUser();
		return { path: `/accounts/${id}/password`,
		    body: { password: 'a-new-page-password', version: '1' },
		    location: `/accounts#user-${id}` };
	    } },
	{ route: '/accounts/#user/active', method: 'POST', need: 'admin',
	    ok: 303, audits: true,
	    make: async () => {
		const id = await newUser();
		return { path: `/accounts/${id}/active`,
		    body: { active: 'false', version: '1' },
		    location: `/accounts#user-${id}` };
	    } },
	{ route: '/templates', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/templates' }) },
	{ route: '/templates', method: 'POST', need: 'pm', ok: 303,
	    audits: true, what: 'role labels',
	    make: async () => {
		const t = await srv.api('GET', '/api/v1/templates');
		return { path: '/templates', body: { version:
		    String(t.json.version), label_ds: 'DS' },
		    location: '/templates' };
	    } },
	{ route: '/outbox', method: 'GET', need: 'admin', ok: 200,
	    make: async () => ({ path: '/outbox' }) },
	{ route: '/outbox/#message/retry', method: 'POST', need: 'admin',
	    ok: 303, audits: true,
	    make: async () => ({ path: `/outbox/${await deadLetter()}/retry`,
		body: {}, location: '/outbox?status=pending' }) },
	{ route: '/outbox/webhooks', method: 'POST', need: 'admin', ok: 200,
	    audits: true, make: async () => ({ path: '/outbox/webhooks',
		body: { name: 'form hook', channel: 'webhook',
		url: 'https://hooks.example.com/form',
		'risk.opened': 'on' } }) },
	{ route: '/outbox/webhooks/#webhook/delete', method: 'POST',
	    need: 'admin', ok: 303, audits: true,
	    make: async () => ({
		path: `/outbox/webhooks/${await newHook()}/delete`, body: {},
		location: '/outbox#endpoints-h' }) },
	{ route: '/projects/new', method: 'GET', need: 'pm',
	    readme: 'viewer', ok: 200,
	    make: async () => ({ path: '/projects/new' }) },
	{ route: '/projects/new', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => ({ path: '/projects/new', body: {
		name: `Kicked off by form ${unique('k')}`,
		pm_id: (await createPerson(srv, { role: 'pm' })).id,
		kickoff_on: KICKOFF, target_launch_on: addDays(KICKOFF, 91) },
		location: /^\/projects\/\d+$/ }) },
	{ route: '/people', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/people' }) },
	{ route: '/people', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => ({ path: '/people', body: { name: 'Form person',
		email: `${unique('fp')}@example.com`, role: 'swe' },
		location: /^\/people#person-\d+$/ }) },
	{ route: '/people/#person/active', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => {
		const id = (await createPerson(srv)).id;
		return { path: `/people/${id}/active`,
		    body: { active: 'false' },
		    location: `/people#person-${id}` };
	    } },
	{ route: '/people/#person/deactivate', method: 'GET', need: 'pm',
	    ok: 200, make: async () => ({
		path: `/people/${(await createPerson(srv)).id}/deactivate` }) },
	{ route: '/people/#person/deactivate', method: 'POST', need: 'pm',
	    ok: 303, audits: true,
	    make: async () => {
		const id = (await createPerson(srv)).id;
		return { path: `/people/${id}/deactivate`, body: {},
		    location: `/people/${id}/deactivate` };
	    } },
	{ route: '/people/threshold', method: 'POST', need: 'admin', ok: 303,
	    audits: true,
	    make: async () => ({ path: '/people/threshold',
		body: { value: '8' }, location: '/people#threshold' }) },
	{ route: '/digest', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/digest' }) },
	{ route: '/digest.md', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/digest.md' }) },
	{ route: '/portfolio.csv', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/portfolio.csv' }) },
	{ route: '/risks.csv', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: `/risks.csv?on=${TODAY}` }) },
	{ route: '/projects/#project/checkpoints.csv', method: 'GET',
	    need: 'viewer', ok: 200, make: async () => ({
		path: `/projects/${(await project()).id}/checkpoints.csv` }) },
	{ route: '/projects/#project/ownership.csv', method: 'GET',
	    need: 'viewer', ok: 200, make: async () => ({
		path: `/projects/${(await project()).id}/ownership.csv` }) },
	{ route: '/projects/#project', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: `/projects/${(await project()).id}` }) },
	{ route: '/projects/#project/model-card.md', method: 'GET', need: 'viewer',
	    ok: 200, make: async () => ({
		path: `/projects/${(await project()).id}/model-card.md` }) },
	{ route: '/projects/#project/readiness/:item', method: 'POST',
	    need: 'member', ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/readiness/on_call`,
		    body: { answer: 'yes',
		    evidence_url: 'https://wiki.example.com/on-call' },
		    location: `/projects/${id}#readiness-on_call` };
	    } },
	{ route: '/projects/#project/spec', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/spec`,
		    body: { decision: 'who gets the offer' },
		    location: `/projects/${id}#spec` };
	    } },
	{ route: '/projects/#project/stage', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/stage`,
		    body: { stage: 'data', note: 'labels usable',
			override: 'true', reason: 'gates later' },
		    location: `/projects/${id}#stage` };
	    } },
	{ route: '/projects/#project/edit', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => {
		const p = await project();
		return { path: `/projects/${p.id}/edit`,
		    body: { name: `Renamed ${p.id}`, pm_id: String(p.pm.id),
		    kickoff_on: p.kickoff_on,
		    target_launch_on: p.target_launch_on },
		    location: `/projects/${p.id}#edit` };
	    } },
	{ route: '/projects/#project/status', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/status`,
		    body: { status: 'paused', reason: 'budget review',
		    confirm: 'true' },
		    location: `/projects/${id}#edit` };
	    } },
	{ route: '/projects/#project/ownership', method: 'POST', need: 'member',
	    ok: 303, audits: true,
	    make: async () => {
		const { p, a } = await projectWithPeople();
		return { path: `/projects/${p.id}/ownership`,
		    body: { 'problem_framing/ds': String(a.id),
		    'v:problem_framing/ds': '1' },
		    location: `/projects/${p.id}#ownership` };
	    } },
	{ route: '/projects/#project/ownership-copy', method: 'POST', need: 'pm',
	    ok: 303, audits: true,
	    make: async () => {
		const { p: from, a } = await projectWithPeople();
		const put = await srv.api('PUT', `/api/v1/projects/${from.id}/` +
		    'ownership/problem_framing/ds', { person_id: a.id });
		assert.equal(put.status, 200, put.text);
		const id = (await project()).id;
		return { path: `/projects/${id}/ownership-copy`,
		    body: { from_project_id: String(from.id) },
		    location: `/projects/${id}#ownership` };
	    } },
	{ route: '/projects/#project/checkpoints/#checkpoint/status', method: 'POST', need: 'member',
	    ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		const c = await createCheckpoint(srv, id);
		return { path: `/projects/${id}/checkpoints/${c.id}/status`,
		    body: { status: 'done', completed_on: TODAY,
		    note: 'done it' },
		    location: `/projects/${id}#checkpoint-${c.id}` };
	    } },
	{ route: '/projects/#project/checkpoints/#checkpoint/due', method: 'POST', need: 'member',
	    ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		const c = await createCheckpoint(srv, id);
		return { path: `/projects/${id}/checkpoints/${c.id}/due`,
		    body: { due_on: addDays(KICKOFF, 33),
		    reason: 'vendor late' },
		    location: `/projects/${id}#checkpoint-${c.id}` };
	    } },
	{ route: '/projects/#project/checkpoints', method: 'POST', need: 'pm',
	    ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/checkpoints`,
		    body: { title: 'Labels audited', stage: 'data',
		    due_on: addDays(KICKOFF, 12) },
		    location: new RegExp(`^/projects/${id}#checkpoint-\\d+$`) };
	    } },
	{ route: '/projects/#project/checkpoints/#checkpoint/owner', method: 'POST',
	    need: 'member', ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		const c = await createCheckpoint(srv, id);
		return { path: `/projects/${id}/checkpoints/${c.id}/owner`,
		    body: { version: String(c.version), owner_id: '',
		    evidence_url: 'https://wiki.example.com/evidence' },
		    location: `/projects/${id}#checkpoint-${c.id}` };
	    } },
	{ route: '/projects/#project/checkpoints/#checkpoint/delete', method: 'POST',
	    need: 'pm', ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		const c = await createCheckpoint(srv, id);
		return { path: `/projects/${id}/checkpoints/${c.id}/delete`,
		    body: { version: String(c.version), confirm: 'true' },
		    location: `/projects/${id}#checkpoints` };
	    } },
	{ route: '/projects/#project/responsibilities', method: 'POST',
	    need: 'pm', ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/responsibilities`,
		    body: { name: 'Data contract', needed_by: 'data',
		    expects_ds: 'true' },
		    location: `/projects/${id}#ownership` };
	    } },
	{ route: '/projects/#project/responsibilities/:key/delete',
	    method: 'POST', need: 'pm', ok: 303, audits: true,
	    make: async () => {
		const id = (await project()).id;
		return { path: `/projects/${id}/responsibilities/fallback/delete`,
		    body: { confirm: 'true' },
		    location: `/projects/${id}#ownership` };
	    } },
	{ route: '/projects/#project/plan', method: 'POST', need: 'pm', ok: 303,
	    audits: true,
	    make: async () => {
		const p = await project();
		const data = p.stages.find((x) => x.key === 'data');
		return { path: `/projects/${p.id}/plan`,
		    body: { version: String(p.version),
		    'data.end': addDays(data.planned_end, 3) },
		    location: `/projects/${p.id}#plan` };
	    } },
	{ route: '/projects/#project/ownership/:key/:role', method: 'POST', need: 'member',
	    ok: 303, audits: true,
	    make: async () => {
		const { p, a } = await projectWithPeople();
		return { path: `/projects/${p.id}/ownership/fallback/swe`,
		    body: { person_id: a.id },
		    location: `/projects/${p.id}#resp-fallback` };
	    } },
	{ route: '/me', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/me' }) },
	{ route: '/me/mail', method: 'GET', need: 'viewer', ok: 200,
	    make: async () => ({ path: '/me/mail' }) },
	{ route: '/me/mail', method: 'POST', need: 'viewer', ok: 303,
	    audits: true, make: async () => ({ path: '/me/mail',
		body: { digest: 'none' }, location: '/me/mail' }) },
	{ route: '/projects/#project/ownership/:key/:role/take', method: 'POST',
	    need: 'member', ok: 303, audits: true,
	    make: async () => ({ path: `/projects/${
		(await project()).id}/ownership/fallback/mle/take`, body: {},
		location: '/me#open-boxes' }) },
	{ route: '/projects/#project/handoffs/:handoff/offer', method: 'POST', need: 'member',
	    ok: 303, audits: true,
	    make: async () => {
		const { p, a, b } = await projectWithPeople();
		return { path: `/projects/${p.id}/handoffs/a/offer`,
		    body: { from_id: a.id, to_id: b.id,
		    artifact_url: 'https://wiki.example.com/h' },
		    location: `/projects/${p.id}#handoff-a` };
	    } },
	{ route: '/projects/#project/handoffs/:handoff/accept', method: 'POST', need: 'member',
	    ok: 303, audits: true,
	    make: async (who) => {
		const id = (await offered(who)).id;
		return { path: `/projects/${id}/handoffs/a/accept`, body: {},
		    location: `/projects/${id}#handoff-a` };
	    } },
];

// Every GET answers HEAD the same way (but /api/v1/session, whose Allow
// is "GET, POST, DELETE").
const MATRIX = ROUTES.flatMap((r) => r.method === 'GET' &&
    r.route !== '/api/v1/session' ? [r, { ...r, method: 'HEAD' }] : [r]);

const isRead = (row) => row.method === 'GET' || row.method === 'HEAD';
const label = (row) => `${row.method} ${row.route}` +
    (row.what ? ` (${row.what})` : '');

// The outcome for who: 'anon', 'forbidden', 'ok', or null when the README
// and the code disagree about this role.
function expected(row, who) {
	if (who === 'anonymous')
		return 'anon';
	const byCode = LEVEL[who] >= LEVEL[row.least ?? row.need];
	const byReadme = LEVEL[who] >= LEVEL[row.readme ?? row.least ??
	    row.need];
	if (byCode !== byReadme)
		return null;
	return byCode ? 'ok' : 'forbidden';
}

// Send row's request as who ('anonymous' or a role).  API routes with the
// role's token, pages with its session (and the session's CSRF token).
async function send(row, who, req, session) {
	const headers = {};
	let body;
	if (row.api) {
		if (who !== 'anonymous')
			Object.assign(headers, bearer(who));
		body = req.body;
	} else {
		const s = session ?? sessions[who];
		if (who !== 'anonymous')
			headers.cookie = s.cookie;
		if (!isRead(row)) {
			headers['content-type'] = FORM_TYPE;
			body = formBody({ ...req.body, ...(who !== 'anonymous' ?
			    { csrf: s.csrf } : {}) });
		}
	}
	return srv.request(row.method, req.path, { body, headers,
	    auth: false });
}

// Is this session still signed in?
async function stillSignedIn(session) {
	const r = await srv.request('GET', '/api/v1/session',
	    { headers: { cookie: session.cookie }, auth: false });
	return r.status === 200;
}

function assertAnonymous(row, req, r) {
	const what = `${label(row)} ${req.path} as nobody: ${r.status} ${r.text}`;
	if (!row.api && isRead(row)) {
		assert.equal(r.status, 303, what);
		assert.equal(r.headers.get('location'), loginRedirect(req.path),
		    what);
		return;
	}
	assert.equal(r.status, 401, what);
	assert.match(r.headers.get('www-authenticate') ?? '', /^Bearer/, what);
	if (row.api && row.method !== 'HEAD')
		assertJsonError(r, 401, { code: 'unauthenticated' });
	if (!row.api)
		assert.match(r.headers.get('content-type') ?? '', /^text\/html/,
		    what);
}

function assertForbidden(row, who, req, r) {
	const what = `${label(row)} ${req.path} as ${who}: ${r.status} ${r.text}`;
	assert.equal(r.status, 403, what);
	if (row.api && row.method !== 'HEAD')
		assertJsonError(r, 403, { code: 'forbidden' });
	if (!row.api)
		assert.match(r.headers.get('content-type') ?? '', /^text\/html/,
		    what);
	assert.equal(r.headers.get('set-cookie'), null, what);
}

// viaToken: r was signed with an API token.  A token has no session to
// end, so signing out with one is refused (400) and the token stays valid.
function assertOk(row, who, req, r, viaToken = false) {
	const what = `${label(row)} ${req.path} as ${who}: ${r.status} ${r.text}`;
	if (viaToken && row.endsSession) {
		assert.equal(r.status, 400, what);
		if (row.api)
			assertJsonError(r, 400, { code: 'bad_request' });
		assert.match(r.text, /revoke the token instead/, what);
		assert.equal(r.headers.get('set-cookie'), null, what);
		assertNoInjected(r.headers, what);
		return;
	}
	assert.equal(r.status, row.ok, what);
	if (req.location instanceof RegExp)
		assert.match(r.headers.get('location') ?? '', req.location, what);
	else if (req.location !== undefined)
		assert.equal(r.headers.get('location'), req.location, what);
	assertNoInjected(r.headers, what);
}

for (const row of MATRIX) {
	test(`access: ${label(row)} needs ${row.need}`, async () => {
		for (const who of ['anonymous', ...ROLES]) {
			const outcome = expected(row, who);
			if (outcome === null)
				continue;	/* disputed: see DISPUTES */
			const req = await row.make(who);
			// A row that ends its session gets a session of its own.
			const session = !row.api && row.endsSession &&
			    who !== 'anonymous' ? await signIn(srv, emailOf(who),
			    passwordOf(who)) : undefined;
			const audit = await sql.auditCount();
			const r = await send(row, who, req, session);
			const after = await sql.auditCount();

			if (outcome === 'anon') {
				assertAnonymous(row, req, r);
				assert.equal(after, audit, `${label(row)}: nothing ` +
				    'written for nobody');
				continue;
			}
			if (outcome === 'forbidden') {
				assertForbidden(row, who, req, r);
				assert.equal(after, audit, `${label(row)} as ${who}: ` +
				    'no audit row');
				if (session !== undefined)
					assert.ok(await stillSignedIn(session));
				continue;
			}
			assertOk(row, who, req, r, row.api);
			if (row.audits)
				assert.ok(after > audit, `${label(row)} as ${who}: ` +
				    'the change is in the audit log');
			else
				assert.equal(after, audit, label(row));
			if (session !== undefined)
				assert.equal(await stillSignedIn(session), false,
				    `${label(row)} ended the session`);
		}
	});
}

// The sessions of the matrix are still usable: no row ended them.
test('access: the roles\' own sessions survived the matrix', async () => {
	for (const role of ROLES)
		assert.ok(await stillSignedIn(sessions[role]), role);
});

// README: members update checkpoints, but whether one is a decision is
// the PM's (the member row of "Who may do what" does not list it).
test('access: a member may not change a checkpoint\'s decision flag',
    async () => {
	const p = await project();
	const c = await createCheckpoint(srv, p.id);
	const url = `/api/v1/checkpoints/${c.id}`;
	const as = (role, body) => srv.request('PATCH', url, { body,
	    headers: bearer(role), auth: false });

	const refused = await as('member', { decision: true, note: 'go' });
	assertJsonError(refused, 403, { code: 'forbidden',
	    field: 'decision' });
	assert.match(refused.json.error.message, /PM/);
	const now = await srv.api('GET', url);
	assert.equal(now.json.decision, false);
	assert.equal(now.json.note, null, 'nothing of the refused change');
	assert.equal(now.json.version, c.version);

	// The flag sent as it is changes nothing and is no refusal.
	const same = await as('member', { decision: false, note: 'ok' });
	assert.equal(same.status, 200, same.text);
	// A PM sets it; the member may then record the outcome, not undo it.
	const pm = await as('pm', { decision: true });
	assert.equal(pm.status, 200, pm.text);
	assert.equal(pm.json.decision, true);
	assert.equal((await as('member', { outcome: 'go' })).status, 200);
	assertJsonError(await as('member', { decision: false }), 403,
	    { code: 'forbidden', field: 'decision' });
	assert.equal((await as('admin', { decision: false })).status, 200);
});

test('access: what each row did, checked in the database', async () => {
	// A member's token changes a checkpoint's status and the audit log
	// names the member; the viewer's attempts (all of the matrix) left no
	// trace but their own API tokens and their own mail preferences.
	const p = await project();
	const c = await createCheckpoint(srv, p.id);
	const refused = await srv.request('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { body: { status: 'blocked' }, headers: bearer('viewer'),
	    auth: false });
	assert.equal(refused.status, 403);
	assert.equal((await srv.api('GET', `/api/v1/checkpoints/${c.id}`))
	    .json.status, 'pending');
	const done = await srv.request('PATCH', `/api/v1/checkpoints/${c.id}`,
	    { body: { status: 'blocked' }, headers: bearer('member'),
	    auth: false });
	assert.equal(done.status, 200, done.text);
	const h = await srv.api('GET', `/api/v1/projects/${p.id}/history?limit=1`);
	assert.equal(h.json.entries[0].actor, emailOf('member'));
	assert.equal(Number(await sql.value(
	    `SELECT count(*) FROM audit_log WHERE actor = '${emailOf('viewer')}' ` +
	    "AND entity NOT IN ('token', 'mail_prefs')")), 0);
	assert.equal(Number(await sql.value(
	    `SELECT count(*) FROM audit_log WHERE actor = '${emailOf('viewer')}' ` +
	    `AND entity = 'mail_prefs' AND entity_id <> '${people.viewer.id}'`)),
	    0);
});

// CSRF: a write with a session cookie must carry the session's token
// (X-CSRF-Token for the API, the csrf field for a form); a token-signed
// write needs none.
const WRITES = ROUTES.filter((r) => !isRead(r));

for (const row of WRITES) {
	test(`csrf: ${label(row)} with a session needs its CSRF token`,
	    async () => {
		const who = 'admin';
		const mine = row.endsSession ? await signIn(srv, emailOf(who),
		    passwordOf(who)) : sessions[who];
		const other = sessions.pm;	/* a valid token, not ours */
		const req = await row.make(who);
		const audit = await sql.auditCount();

		for (const csrf of [undefined, '', 'x'.repeat(43), other.csrf,
		    mine.csrf.slice(0, -1), mine.csrf + 'x',
		    mine.csrf.toLowerCase() === mine.csrf ?
		    mine.csrf.toUpperCase() : mine.csrf.toLowerCase()]) {
			let r;
			if (row.api) {
				const headers = { cookie: mine.cookie };
				if (csrf !== undefined)
					headers['x-csrf-token'] = csrf;
				r = await srv.request(row.method, req.path,
				    { body: req.body, headers, auth: false });
			} else {
				const fields = { ...req.body };
				if (csrf !== undefined)
					fields.csrf = csrf;
				r = await srv.request(row.method, req.path, {
				    body: formBody(fields), auth: false,
				    headers: { cookie: mine.cookie,
				    'content-type': FORM_TYPE } });
			}
			const what = `${label(row)} csrf=${JSON.stringify(csrf)}: ` +
			    `${r.status} ${r.text.slice(0, 200)}`;
			if (row.api && csrf === '' && r.status === 400 &&
			    r.text === '') {
				// Kore itself refuses a header with an empty
				// value (a bare 400) before the module sees it.
			} else {
				assert.equal(r.status, 403, what);
				if (row.api)
					assertJsonError(r, 403, { code: 'csrf' });
			}
			assert.equal(await sql.auditCount(), audit, what);
			assert.ok(await stillSignedIn(mine), what);
		}

		// The same request with the right token goes through ...
		let r;
		if (row.api) {
			r = await srv.request(row.method, req.path, { body: req.body,
			    headers: { cookie: mine.cookie,
			    'x-csrf-token': mine.csrf }, auth: false });
		} else {
			r = await srv.request(row.method, req.path, {
			    body: formBody({ ...req.body, csrf: mine.csrf }),
			    headers: { cookie: mine.cookie,
			    'content-type': FORM_TYPE }, auth: false });
		}
		assertOk(row, who, req, r);
		if (row.audits)
			assert.ok(await sql.auditCount() > audit, label(row));

		// ... and so does a fresh one signed with a token, with no
		// CSRF token at all (but signing out: see assertOk()).
		const again = await row.make(who);
		const before = await sql.auditCount();
		const t = await srv.request(row.method, again.path, {
		    body: row.api ? again.body : formBody(again.body),
		    headers: { ...bearer(who), ...(row.api ? {} :
		    { 'content-type': FORM_TYPE }) }, auth: false });
		assertOk(row, who, again, t, true);
		if (row.audits)
			assert.ok(await sql.auditCount() > before, label(row));
	});
}

test('csrf: a token from a form cannot be replayed as a bearer, nor a ' +
    'session id as a CSRF token', async () => {
	const s = sessions.pm;
	const asBearer = await srv.request('GET', '/api/v1/session', {
	    headers: { authorization: `Bearer ${s.csrf}` }, auth: false });
	assert.equal(asBearer.status, 401);
	const sid = s.cookie.split('=')[1];
	const audit = await sql.auditCount();
	const r = await srv.request('POST', '/api/v1/people', {
	    body: { name: 'N', email: `${unique('c')}@example.com`,
	    role: 'ds' }, headers: { cookie: s.cookie, 'x-csrf-token': sid },
	    auth: false });
	assert.equal(r.status, 403);
	assert.equal(await sql.auditCount(), audit);
});

// Everything else needs an account; these do not.
test('access: the public routes answer without an account', async () => {
	for (const [method, path, status] of [
		['GET', '/login', 200], ['HEAD', '/login', 200],
		['GET', '/healthz', 200], ['GET', '/api/v1/version', 200],
		['GET', '/assets/style.css', 200],
		['GET', '/assets/favicon.svg', 200],
		// The unsubscribe link's token is its only credential: none
		// is a 400, a forged one a 403 (unsubscribe.test.js).
		['GET', '/unsubscribe', 400],
		['GET', `/unsubscribe?t=1.${'0'.repeat(64)}`, 403],
		['POST', `/unsubscribe?t=1.${'0'.repeat(64)}`, 403],
	]) {
		const r = await srv.request(method, path, { auth: false });
		assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
		assert.equal(r.headers.get('set-cookie'), null);
	}
	// Signing in is public; a wrong password is 401 with no session.
	const r = await srv.request('POST', '/api/v1/session', { auth: false,
	    body: { email: emailOf('viewer'), password: 'wrong-password-0' } });
	assertJsonError(r, 401, { code: 'login_failed' });
});

// GET /metrics needs no role but a place or a scope (ACCESS_METRICS): the
// loopback reads it, anyone else only with a token of the "metrics" scope
// (made and refused elsewhere in tests/integration/metrics.test.js).  This
// server trusts no proxy, so a request that says X-Forwarded-For is not
// the loopback's: every role's credentials are refused there.
const SCOPED = [{ method: 'GET', route: '/metrics' }];

test('access: GET /metrics: the loopback, or the metrics scope', async () => {
	const away = { 'x-forwarded-for': '198.51.100.8' };
	for (const who of ['anonymous', ...ROLES]) {
		const h = who === 'anonymous' ? {} : bearer(who);
		const local = await srv.request('GET', '/metrics', { auth: false,
		    headers: h });
		assert.equal(local.status, 200, `${who} on the loopback`);
		const r = await srv.request('GET', '/metrics', { auth: false,
		    headers: { ...h, ...away } });
		if (who === 'anonymous')
			assertJsonError(r, 401, { code: 'unauthenticated' });
		else
			assertJsonError(r, 403, { code: 'forbidden' });
	}
	const s = await srv.request('GET', '/metrics', { auth: false,
	    headers: { cookie: sessions.admin.cookie, ...away } });
	assertJsonError(s, 403, { code: 'forbidden' });
});

// A calendar feed needs no role but a key (ACCESS_FEED): a token of the
// "feed" scope naming that feed, sent as ?key= (calendar applications
// send no header).  Every role's session or token is refused (401: only
// ?key= counts there), and as ?key= an ordinary token is refused for its
// scope (403); a feed key reads only its feed (tests/integration/
// exports.test.js covers the rest).
const FEEDS = [
	{ method: 'GET', route: '/feeds/portfolio', path: () => '/feeds/portfolio',
	    feed: () => 'portfolio' },
	{ method: 'GET', route: '/feeds/projects/#project',
	    path: (p) => `/feeds/projects/${p.id}`, feed: (p) => `project:${p.id}` },
	{ method: 'GET', route: '/feeds/people/#person',
	    path: (p) => `/feeds/people/${p.pm.id}`, feed: (p) => `person:${p.pm.id}` },
];

test('access: calendar feeds: their own key, nothing else', async () => {
	const p = await project();
	for (const f of FEEDS) {
		const path = f.path(p);
		const anon = await srv.request('GET', path, { auth: false });
		assertJsonError(anon, 401, { code: 'unauthenticated' });
		for (const who of ROLES) {
			const t = await srv.request('GET', path, { auth: false,
			    headers: bearer(who) });
			assertJsonError(t, 401, { code: 'unauthenticated' });
			const s = await srv.request('GET', path, { auth: false,
			    headers: { cookie: sessions[who].cookie } });
			assertJsonError(s, 401, { code: 'unauthenticated' });
			const k = await srv.request('GET', `${path}?key=` +
			    tokens[who], { auth: false });
			assertJsonError(k, 403, { code: 'forbidden' });
		}
		const made = await srv.request('POST', '/api/v1/tokens', {
		    body: { name: 'calendar', scope: 'feed', feed: f.feed(p) },
		    headers: bearer('viewer') });
		assert.equal(made.status, 201, made.text);
		const ok = await srv.request('GET', `${path}?key=${made.json.token}`,
		    { auth: false });
		assert.equal(ok.status, 200, `${path}: ${ok.text}`);
		for (const g of FEEDS.filter((x) => x !== f)) {
			const no = await srv.request('GET', `${g.path(p)}?key=` +
			    made.json.token, { auth: false });
			assertJsonError(no, 403, { code: 'forbidden' });
		}
	}
});

// The table must not fall behind the routes: every route and method of
// src/routes.c (the one place routes are declared) that needs an account
// has a row, and the row's least role is the one the route declares.
test('access: the matrix covers every route and method', () => {
	const src = readFileSync(join(TOP, 'src/routes.c'), 'utf8');
	const methods = new Map([...src.matchAll(
	    /static const struct route_method (\w+)\[\] = \{([^}]*)\};/g)]
	    .map((m) => [m[1], [...m[2].matchAll(
	    /M\((\w+), ACCESS_(\w+),/g)].map((x) => ({ method: x[1],
	    access: x[2].toLowerCase() }))]));
	const routes = [...src.matchAll(/ROUTE(?:_LAG)?\("([^"]+)",\s*(\w+)\)/g)]
	    .flatMap((m) => methods.get(m[2]).map((x) => ({ route: m[1],
	    ...x })));
	assert.ok(routes.length > 45, 'routes found in src/routes.c');
	for (const r of routes) {
		if (r.access === 'public')
			continue;
		if (r.access === 'metrics') {
			assert.ok(SCOPED.some((x) => x.route === r.route &&
			    x.method === r.method), `${r.method} ${r.route}`);
			continue;
		}
		if (r.access === 'feed') {
			assert.ok(FEEDS.some((x) => x.route === r.route &&
			    x.method === r.method), `${r.method} ${r.route}`);
			continue;
		}
		const rows = ROUTES.filter((x) => x.route === r.route &&
		    x.method === r.method);
		assert.ok(rows.length > 0, `a row for ${r.method} ${r.route}`);
		for (const row of rows)
			assert.equal(row.need, r.access,
			    `${r.method} ${r.route} needs ${r.access}`);
	}
	// And no row for a route that does not exist.
	for (const row of [...ROUTES, ...SCOPED, ...FEEDS])
		assert.ok(routes.some((r) => r.route === row.route &&
		    r.method === row.method), `${row.method} ${row.route} exists`);
});

