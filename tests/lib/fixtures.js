// Fixtures for the API integration tests (tests/integration/api_*.test.js).
//
//   const srv = await startApi();           // own database, "today" pinned
//   const pm = await createPerson(srv, { role: 'pm' });
//   const project = await createProject(srv, { pm_id: pm.id });
//   assertError(r, 400, 'due_on');
//
// Expected values in the tests are computed from the inputs (addDays from
// the chosen kickoff), never copied from a server answer.

import assert from 'node:assert/strict';
import { createDatabase, psql, sleep, startServer } from './harness.js';

// "Today" for the server under test (HANDOFF_TODAY), a Monday; the kickoff
// used by most tests is two weeks earlier, the launch thirteen weeks after.
export const TODAY = '2026-03-16';
export const KICKOFF = '2026-03-02';
export const LAUNCH = '2026-06-01';

// The throwaway cluster of tests/lib/with-cluster.sh logs every statement
// (log_statement = 'all'), so that tests/integration/zz_sql_coverage.test.js
// can see the api.* functions PostgreSQL cannot count: LANGUAGE sql
// functions are not tracked with track_functions = 'pl', and the one-line
// ones are inlined into the statement that calls them.

// A server on a database of its own, with "today" pinned.
export async function startApi(env = {}) {
	const db = await createDatabase();
	return startServer({ db, env: { HANDOFF_TODAY: TODAY, ...env } });
}

// ISO date arithmetic in UTC, so that no time zone can shift a day.
export function addDays(iso, days) {
	assert.match(iso, /^\d{4}-\d{2}-\d{2}$/);
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

let seq = 0;

export function unique(prefix = 'x') {
	return `${prefix}${++seq}-${process.pid}`;
}

export async function createPerson(srv, fields = {}, headers) {
	const n = unique('p');
	const body = { name: `Person ${n}`, email: `${n}@example.com`,
	    role: 'ds', ...fields };
	const r = await srv.api('POST', '/api/v1/people', body, headers);
	assert.equal(r.status, 201, `create person: ${r.text}`);
	return r.json;
}

// Headers that act as person: an API token of an account with the
// person's email and the given role, linked to the person through
// PATCH /api/v1/users/{id} (accounts are people, sql/0028_me.sql).
export async function asPerson(srv, person, role = 'member') {
	const token = await srv.token(person.email, role);
	const list = await srv.api('GET', '/api/v1/users');
	assert.equal(list.status, 200, list.text);
	const u = list.json.users.find((x) =>
	    x.email.toLowerCase() === person.email.toLowerCase());
	if (u.person_id !== person.id) {
		const r = await srv.api('PATCH', `/api/v1/users/${u.id}`,
		    { person_id: person.id });
		assert.equal(r.status, 200, `link account: ${r.text}`);
	}
	return { authorization: `Bearer ${token}` };
}

export async function createProject(srv, fields = {}, headers) {
	let pmId = fields.pm_id;
	if (pmId === undefined)
		pmId = (await createPerson(srv, { role: 'pm' })).id;
	const body = { name: `Project ${unique()}`, pm_id: pmId,
	    kickoff_on: KICKOFF, target_launch_on: LAUNCH, ...fields };
	const r = await srv.api('POST', '/api/v1/projects', body, headers);
	assert.equal(r.status, 201, `create project: ${r.text}`);
	assert.ok(Array.isArray(r.json.risks), 'the document carries risks');
	return stored(r.json);
}

export async function createCheckpoint(srv, projectId, fields = {}) {
	const body = { stage: 'data', title: `Checkpoint ${unique()}`,
	    due_on: addDays(KICKOFF, 10), ...fields };
	const r = await srv.api('POST',
	    `/api/v1/projects/${projectId}/checkpoints`, body);
	assert.equal(r.status, 201, `create checkpoint: ${r.text}`);
	return r.json;
}

// The shared error format: {"error":{"code","message"[,"field"]}}.
// field: a string to require that field, null to require no field,
// undefined to not look.
export function assertError(r, status, field) {
	const what = `${r.status} ${r.text}` + (r.serverLog !== undefined &&
	    r.status !== status ? `\nthe server's log:\n${r.serverLog}` : '');
	assert.equal(r.status, status, what);
	assert.match(r.headers.get('content-type') ?? '',
	    /^application\/json/, what);
	assert.ok(r.json && typeof r.json === 'object', what);
	assert.deepEqual(Object.keys(r.json), ['error'], what);
	const e = r.json.error;
	assert.equal(typeof e.code, 'string', what);
	assert.ok(e.code.length > 0, what);
	assert.equal(typeof e.message, 'string', what);
	assert.ok(e.message.length > 0, what);
	// gates: a stage move refused for its unmet gates (409).
	for (const k of Object.keys(e))
		assert.ok(['code', 'message', 'field', 'gates'].includes(k),
		    what);
	if (field === null)
		assert.equal(e.field, undefined, what);
	else if (field !== undefined)
		assert.equal(e.field, field, what);
}

// Project documents (GET, and the answers to POST, PATCH and stage moves)
// carry the project's risks as of today, derived from the stored state
// (src/api_risks.c).  Comparisons of what is stored leave them out.
export function stored(doc) {
	const { risks, ...rest } = doc;
	return rest;
}

// A successful JSON answer with an ETag that is the document's version.
export function assertVersioned(r, status, version) {
	assert.equal(r.status, status, r.text);
	assert.match(r.headers.get('content-type') ?? '',
	    /^application\/json/);
	assert.equal(r.json.version, version, r.text);
	assert.equal(r.headers.get('etag'), `"${version}"`);
}

// Rows of the audit log, straight from the test's database.
export async function auditCount(srv, where = 'true') {
	return Number(await psql(`SELECT count(*) FROM audit_log WHERE ${where}`,
	    { db: srv.db }));
}

export function auditOf(entity, id) {
	return `entity = '${entity}' AND entity_id = '${String(id)
	    .replace(/'/g, "''")}'`;
}

// Rows in one of the history tables (project_versions, plan_versions,
// checkpoint_versions, checkpoint_slips, ...), straight from the database.
export async function rowCount(srv, table, where = 'true') {
	assert.match(table, /^[a-z_]+$/);
	return Number(await psql(`SELECT count(*) FROM ${table} WHERE ${where}`,
	    { db: srv.db }));
}

export async function dbValue(srv, sql) {
	return psql(sql, { db: srv.db });
}

// Everything in the audit log of a project, newest first, through the API.
export async function historyOf(srv, projectId) {
	const r = await srv.api('GET',
	    `/api/v1/projects/${projectId}/history?limit=200`);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

// A JSON body of exactly n bytes: {"name":"aaa..."}.
export function bodyOfSize(n, key = 'name') {
	const head = `{"${key}":"`;
	const tail = '"}';
	const fill = n - head.length - tail.length;
	assert.ok(fill >= 0);
	const s = head + 'a'.repeat(fill) + tail;
	assert.equal(Buffer.byteLength(s), n);
	return s;
}

export function rawJson(srv, method, path, text, headers = {}) {
	return srv.request(method, path, {
		body: Buffer.isBuffer(text) ? text : Buffer.from(text),
		headers: { 'content-type': 'application/json', ...headers },
	});
}

export { psql, sleep };
