// Requests generated from the OpenAPI description (GET /api/v1/openapi.json)
// by openapi-fuzzer-core, a generator nobody here wrote: for every route,
// wrong paths, methods the route does not take, and path, query and body
// values that break the schema one field at a time.  Each is sent as
// every role (viewer, member, pm, admin) and as nobody.  No answer may be
// a 5xx; run through Prism (tests/integration/run-proxy.sh, make test or
// make fuzz-api) every answer must also be one the description allows.
//
// The generator reads Swagger 2 (parameters with their type, one "body"
// parameter, #/definitions), so the description is handed over in that
// shape; the fake values it fills the other fields with (10 for an id)
// are replaced by ids that exist, so that a request gets past "no such
// project" to the field under test.
//
// HANDOFF_FUZZ_API_SECONDS bounds the run (default 60); with
// HANDOFF_FUZZ_API_ROUNDS > 1 (make fuzz-api) further rounds send the
// same requests with their other values drawn at random (seeded by
// HANDOFF_FUZZ_API_SEED, printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fuzz from 'openapi-fuzzer-core';
import { startServer } from '../lib/harness.js';
import { createPerson, createProject, createCheckpoint, unique }
    from '../lib/fixtures.js';

const SECONDS = Number(process.env.HANDOFF_FUZZ_API_SECONDS ?? 60);
const ROUNDS = Number(process.env.HANDOFF_FUZZ_API_ROUNDS ?? 1);
const SEED = Number(process.env.HANDOFF_FUZZ_API_SEED ??
    Math.floor(Math.random() * 2 ** 31));
const ROLES = ['viewer', 'member', 'pm', 'admin'];

let srv, doc;
const ids = {};

before(async () => {
	srv = await startServer();
	doc = (await srv.request('GET', '/api/v1/openapi.json',
	    { auth: false })).json;
	// What the path placeholders name, made by an admin who is not one
	// of the roles sending (their tokens stay valid throughout).
	const person = await createPerson(srv);
	const project = await createProject(srv);
	const checkpoint = await createCheckpoint(srv, project.id);
	const victim = await srv.api('POST', '/api/v1/users', {
		email: `${unique('victim')}@example.com`, name: 'Victim',
		role: 'member', password: 'correct horse battery 9',
	});
	assert.equal(victim.status, 201, victim.text);
	await srv.token(victim.json.email, 'member');
	const tokens = (await srv.api('GET',
	    `/api/v1/users/${victim.json.id}/tokens`)).json.tokens;
	Object.assign(ids, {
		person: person.id, project: project.id,
		checkpoint: checkpoint.id, user: victim.json.id,
		token: tokens[0].id, key: 'problem_framing', role: 'ds',
		handoff: 'a',
	});
});
after(async () => { await srv?.stop(); });

// A reference of the description, followed.
function deref(x) {
	while (x?.$ref !== undefined) {
		x = x.$ref.replace(/^#\//, '').split('/')
		    .reduce((o, k) => o[k], doc);
	}
	return x;
}

// A JSON Schema of 3.1 as Swagger 2 writes it: one type (the first that
// is not null), references followed, one branch of a oneOf or anyOf.
function swaggerSchema(s, depth = 0) {
	s = deref(s) ?? {};
	const alt = s.oneOf ?? s.anyOf;
	if (alt !== undefined && depth < 8)
		return swaggerSchema(alt.find((x) => deref(x).type !== 'null') ??
		    alt[0], depth + 1);
	const out = { ...s };
	if (Array.isArray(s.type))
		out.type = s.type.find((t) => t !== 'null');
	if (s.properties !== undefined && depth < 8)
		out.properties = Object.fromEntries(Object.entries(
		    s.properties).map(([k, v]) => [k, swaggerSchema(v,
		    depth + 1)]));
	if (s.items !== undefined && depth < 8)
		out.items = swaggerSchema(s.items, depth + 1);
	return out;
}

function swaggerOf(d) {
	const paths = {};
	const definitions = {};
	for (const [route, item] of Object.entries(d.paths)) {
		paths[route] = {};
		for (const [method, op] of Object.entries(item)) {
			if (typeof op !== 'object' || op.responses === undefined)
				continue;
			const parameters = [...(item.parameters ?? []),
			    ...(op.parameters ?? [])].map(deref)
			    .filter((p) => p.in === 'path' || p.in === 'query')
			    .map((p) => ({ name: p.name, in: p.in,
			    ...swaggerSchema(p.schema) }));
			const body = deref(op.requestBody)?.content?.[
			    'application/json']?.schema;
			if (body !== undefined) {
				const name = `${method} ${route}`;
				definitions[name] = swaggerSchema(body);
				parameters.push({ name: 'body', in: 'body',
				    schema: { $ref: `#/definitions/${name}` } });
			}
			paths[route][method] = { parameters };
		}
	}
	return { basePath: '', paths, definitions };
}

// A small seeded generator (mulberry32), so that a failing round can be
// sent again.
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

const ODD = ['', ' ', '0', '-1', '1e309', 'null', '{}', '[]', 'é',
    '\u202e', '%00', '../..', 'a'.repeat(300), '2026-02-30', '9'.repeat(25),
    "'; --", '<script>', 'true'];

function randomValue(rnd) {
	const r = rnd();
	if (r < 0.3)
		return ODD[Math.floor(rnd() * ODD.length)];
	if (r < 0.5)
		return Math.floor(rnd() * 2 ** 40) - 2 ** 20;
	if (r < 0.6)
		return null;
	if (r < 0.7)
		return rnd() < 0.5;
	return 'x'.repeat(Math.floor(rnd() * 40));
}

// The request of one generated case, with ids that exist where the
// generator put its fake ones; in later rounds one more value drawn at
// random.
function requestOf(spec, rnd) {
	const { method, path, pathParams = {}, queryParams = {}, body } =
	    spec.request;
	const concrete = path.replace(/\{([a-z_]+)\}/g, (m, name) => {
		let v = pathParams[name];
		if (v === undefined || v === 10 || v === name || v === 'STRING')
			v = ids[name] ?? v;
		return encodeURIComponent(String(v));
	});
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(queryParams))
		q.append(k, typeof v === 'object' ? JSON.stringify(v) :
		    String(v));
	let b = body;
	if (rnd !== undefined && b !== null && typeof b === 'object' &&
	    !Array.isArray(b)) {
		const keys = Object.keys(b);
		if (keys.length > 0)
			b = { ...b, [keys[Math.floor(rnd() * keys.length)]]:
			    randomValue(rnd) };
	}
	return { method: method.toUpperCase(), path: concrete +
	    (q.size > 0 ? `?${q}` : ''), body: b };
}

test('generated requests: no 5xx, every answer described', async () => {
	const specs = fuzz.swagger(swaggerOf(doc));
	const ops = new Set(specs.map((s) => `${s.request.method} ` +
	    s.request.path));
	assert.ok(specs.length > 100, `only ${specs.length} requests made`);
	const headers = { anonymous: null };
	for (const role of ROLES)
		headers[role] = 'Bearer ' + await srv.token(
		    `fuzz-${role}@example.com`, role);

	const t0 = Date.now();
	const statuses = {};
	const failures = [];
	let sent = 0;
	let stopped = false;
	console.log(`api fuzz: seed ${SEED}, ${ROUNDS} round(s), ` +
	    `${SECONDS} s at most`);
	for (let round = 0; round < ROUNDS && !stopped; round++) {
		const rnd = round === 0 ? undefined : random(SEED + round);
		for (const spec of specs) {
			if (Date.now() - t0 > SECONDS * 1000) {
				stopped = true;
				break;
			}
			const req = requestOf(spec, rnd);
			for (const [who, auth] of Object.entries(headers)) {
				const opts = { body: req.body, auth: auth !== null,
				    headers: auth !== null ?
				    { authorization: auth } : {} };
				// An object or array goes as JSON through the
				// proxy; a bare value (null, 10, "") as the
				// bytes of its JSON, which the harness sends to
				// kore directly.
				if (req.body !== undefined && (req.body === null ||
				    typeof req.body !== 'object')) {
					opts.body = Buffer.from(JSON.stringify(
					    req.body));
					opts.headers['content-type'] =
					    'application/json';
				}
				let r;
				try {
					r = await srv.request(req.method, req.path,
					    opts);
				} catch (e) {
					failures.push(`${who} ${req.method} ` +
					    `${req.path}: ${e.message}`);
					continue;
				}
				sent++;
				statuses[r.status] = (statuses[r.status] ?? 0) + 1;
				if (r.status >= 500)
					failures.push(`${who} ${req.method} ` +
					    `${req.path} ${JSON.stringify(req.body)}: ` +
					    `${r.status} ${r.text}`);
			}
		}
	}
	const secs = ((Date.now() - t0) / 1000).toFixed(1);
	console.log(`api fuzz: ${ops.size} operations, ${specs.length} ` +
	    `generated requests, ${sent} sent in ${secs} s` +
	    `${stopped ? ' (stopped at the time bound)' : ''}; statuses ` +
	    JSON.stringify(statuses));
	assert.deepEqual(failures.slice(0, 20), [],
	    `${failures.length} failures (seed ${SEED})`);
	assert.ok(sent >= Math.min(specs.length, 200),
	    `only ${sent} requests answered`);
});
