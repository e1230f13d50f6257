// People: GET|POST /api/v1/people, GET|PATCH /api/v1/people/{id}.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, createPerson, assertError, assertVersioned, auditCount,
    auditOf, unique } from '../lib/fixtures.js';

let srv;

before(async () => { srv = await startApi(); });
after(async () => { await srv?.stop(); });

const PEOPLE = '/api/v1/people';

// Everything the API knows about the people with these ids, via GET.
async function getPerson(id) {
	const r = await srv.api('GET', `${PEOPLE}/${id}`);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

async function listAll(query = '') {
	const r = await srv.api('GET', `${PEOPLE}?limit=200${query}`);
	assert.equal(r.status, 200, r.text);
	return r.json;
}

test('POST /people creates a person: 201, Location, ETag, the document',
    async () => {
	const body = { name: 'Ana Lima', email: `${unique('ana')}@example.com`,
	    role: 'pm' };
	const r = await srv.api('POST', PEOPLE, body);
	assertVersioned(r, 201, 1);
	assert.ok(Number.isInteger(r.json.id) && r.json.id > 0);
	assert.equal(r.headers.get('location'), `${PEOPLE}/${r.json.id}`);
	assert.deepEqual(r.json, { id: r.json.id, name: body.name,
	    email: body.email, role: 'pm', active: true, version: 1 });

	// The Location names the same person.
	const got = await srv.api('GET', r.headers.get('location'));
	assertVersioned(got, 200, 1);
	assert.deepEqual(got.json, r.json);
});

test('POST /people takes every role and an explicit active flag', async () => {
	for (const role of ['ds', 'mle', 'swe', 'pm']) {
		const p = await createPerson(srv, { role, active: false });
		assert.equal(p.role, role);
		assert.equal(p.active, false);
	}
});

test('POST /people writes one audit entry', async () => {
	const before = await auditCount(srv, "entity = 'person'");
	const p = await createPerson(srv);
	assert.equal(await auditCount(srv, auditOf('person', p.id)), 1);
	assert.equal(await auditCount(srv, "entity = 'person'"), before + 1);
});

test('GET /people/{id} and HEAD carry the ETag', async () => {
	const p = await createPerson(srv, { role: 'mle' });
	const r = await srv.api('GET', `${PEOPLE}/${p.id}`);
	assertVersioned(r, 200, 1);
	assert.deepEqual(r.json, p);

	const head = await srv.api('HEAD', `${PEOPLE}/${p.id}`);
	assert.equal(head.status, 200);
	assert.equal(head.text, '');
	assert.equal(head.headers.get('etag'), '"1"');
});

test('GET /people lists everyone with a total, filters and pages',
    async () => {
	const mine = [
		await createPerson(srv, { role: 'ds' }),
		await createPerson(srv, { role: 'mle' }),
		await createPerson(srv, { role: 'mle', active: false }),
		await createPerson(srv, { role: 'swe' }),
	];
	const all = await listAll();
	assert.deepEqual(Object.keys(all).sort(), ['people', 'total']);
	assert.equal(all.total, all.people.length);
	for (const p of mine)
		assert.deepEqual(all.people.find((q) => q.id === p.id), p);
	const ids = all.people.map((p) => p.id);
	assert.equal(new Set(ids).size, ids.length, 'no duplicates');

	// Filters select exactly the matching people.
	const inactive = await listAll('&active=false');
	assert.deepEqual(inactive.people.map((p) => p.id).sort((a, b) => a - b),
	    all.people.filter((p) => !p.active).map((p) => p.id)
		.sort((a, b) => a - b));
	assert.equal(inactive.total, inactive.people.length);
	assert.ok(inactive.people.some((p) => p.id === mine[2].id));

	const activeMle = await listAll('&active=true&role=mle');
	assert.deepEqual(activeMle.people.map((p) => p.id).sort((a, b) => a - b),
	    all.people.filter((p) => p.active && p.role === 'mle')
		.map((p) => p.id).sort((a, b) => a - b));
	assert.ok(activeMle.people.some((p) => p.id === mine[1].id));
	assert.ok(!activeMle.people.some((p) => p.id === mine[2].id));

	// Pages: limit and offset cut the same ordering, total stays.
	const n = all.total;
	assert.ok(n >= 4);
	const page = await srv.api('GET', `${PEOPLE}?limit=2&offset=1`);
	assert.equal(page.status, 200);
	assert.equal(page.json.total, n);
	assert.deepEqual(page.json.people, all.people.slice(1, 3));
	const past = await srv.api('GET', `${PEOPLE}?offset=${n}`);
	assert.equal(past.status, 200);
	assert.deepEqual(past.json, { people: [], total: n });
	const limit1 = await srv.api('GET', `${PEOPLE}?limit=1`);
	assert.deepEqual(limit1.json.people, all.people.slice(0, 1));

	const head = await srv.api('HEAD', PEOPLE);
	assert.equal(head.status, 200);
	assert.equal(head.text, '');
});

test('GET /people refuses bad query arguments, naming them', async () => {
	for (const [q, field] of [
		['active=yes', 'active'],
		['active=1', 'active'],
		['role=boss', 'role'],
		['role=DS', 'role'],
		['role=%FF', 'role'],
		['limit=0', 'limit'],
		['limit=201', 'limit'],
		['limit=-1', 'limit'],
		['limit=abc', 'limit'],
		['limit=1.5', 'limit'],
		['limit=99999999999999999999999', 'limit'],
		['offset=-1', 'offset'],
		['offset=1000001', 'offset'],
		['offset=x', 'offset'],
	]) {
		const r = await srv.api('GET', `${PEOPLE}?${q}`);
		assertError(r, 400, field);
	}
});

test('PATCH /people/{id} deactivates: 200, ETag "2", audit entry',
    async () => {
	const p = await createPerson(srv);
	const r = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { active: false });
	assertVersioned(r, 200, 2);
	assert.deepEqual(r.json, { ...p, active: false, version: 2 });
	assert.deepEqual(await getPerson(p.id), r.json);
	assert.equal(await auditCount(srv, auditOf('person', p.id)), 2);

	// And back.
	const back = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { active: true });
	assertVersioned(back, 200, 3);
	assert.equal(back.json.active, true);
});

test('PATCH /people/{id} changes name, email and role', async () => {
	const p = await createPerson(srv);
	const email = `${unique('new')}@example.org`;
	const r = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { name: 'Renamed Person', email, role: 'swe' });
	assertVersioned(r, 200, 2);
	assert.deepEqual(r.json, { id: p.id, name: 'Renamed Person', email,
	    role: 'swe', active: true, version: 2 });
	assert.deepEqual(await getPerson(p.id), r.json);
});

test('PATCH /people/{id} with the current If-Match succeeds', async () => {
	const p = await createPerson(srv);
	for (const tag of ['"1"', '"2"', '*']) {
		const r = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
		    { name: `Name ${tag}` }, { 'if-match': tag });
		assert.equal(r.status, 200, `${tag}: ${r.text}`);
	}
	assert.equal((await getPerson(p.id)).version, 4);
});

test('PATCH /people/{id} with a stale If-Match: 412, nothing changes',
    async () => {
	const p = await createPerson(srv);
	const ok = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { name: 'First writer' }, { 'if-match': '"1"' });
	assertVersioned(ok, 200, 2);
	const audits = await auditCount(srv, auditOf('person', p.id));

	const stale = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { name: 'Second writer', active: false }, { 'if-match': '"1"' });
	assertError(stale, 412);
	const now = await getPerson(p.id);
	assert.deepEqual(now, ok.json);
	assert.equal(await auditCount(srv, auditOf('person', p.id)), audits);

	// A version from the future is just as stale.
	const future = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { name: 'Future' }, { 'if-match': '"7"' });
	assertError(future, 412);
	assert.deepEqual(await getPerson(p.id), ok.json);
});

test('PATCH /people/{id} with a malformed If-Match: 400', async () => {
	const p = await createPerson(srv);
	for (const tag of ['1', 'abc', '"1" , "2"', '"-1"', '"x"', '"1',
	    '"99999999999"', 'W/1', '""']) {
		const r = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
		    { name: 'Never' }, { 'if-match': tag });
		assertError(r, 400, 'If-Match');
	}
	assert.deepEqual(await getPerson(p.id), p);
});

test('a duplicate email is 409, case-insensitively, and creates nothing',
    async () => {
	const p = await createPerson(srv);
	const before = (await listAll()).total;
	for (const email of [p.email, p.email.toUpperCase(),
	    p.email.replace(/^./, (c) => c.toUpperCase())]) {
		const r = await srv.api('POST', PEOPLE,
		    { name: 'Twin', email, role: 'ds' });
		assertError(r, 409);
	}
	assert.equal((await listAll()).total, before);

	// Taking someone else's email by PATCH is the same conflict.
	const other = await createPerson(srv);
	const r = await srv.api('PATCH', `${PEOPLE}/${other.id}`,
	    { email: p.email.toUpperCase() });
	assertError(r, 409);
	assert.deepEqual(await getPerson(other.id), other);

	// Changing the case of one's own email is no conflict.
	const own = await srv.api('PATCH', `${PEOPLE}/${p.id}`,
	    { email: p.email.toUpperCase() });
	assert.equal(own.status, 200, own.text);
	assert.equal(own.json.email, p.email.toUpperCase());
});

test('POST /people validates every field, naming it', async () => {
	const ok = () => ({ name: 'Valid Name',
	    email: `${unique('v')}@example.com`, role: 'ds' });
	const cases = [
		[{ name: undefined }, 'name'],
		[{ name: null }, 'name'],
		[{ name: '' }, 'name'],
		[{ name: 5 }, 'name'],
		[{ name: ['a'] }, 'name'],
		[{ name: 'two\nlines' }, 'name'],
		[{ name: 'tab\there' }, 'name'],
		[{ name: 'a'.repeat(201) }, 'name'],
		[{ name: 'é'.repeat(201) }, 'name'],
		[{ name: '😀'.repeat(201) }, 'name'],
		[{ email: undefined }, 'email'],
		[{ email: 'not-an-email' }, 'email'],
		[{ email: 'a@b' }, 'email'],
		[{ email: 'two@@example.com' }, 'email'],
		[{ email: 'sp ace@example.com' }, 'email'],
		[{ email: 42 }, 'email'],
		[{ email: `${'a'.repeat(250)}@example.com` }, 'email'],
		[{ role: undefined }, 'role'],
		[{ role: 'boss' }, 'role'],
		[{ role: 'DS' }, 'role'],
		[{ role: null }, 'role'],
		[{ active: 'yes' }, 'active'],
		[{ active: 1 }, 'active'],
		[{ active: null }, 'active'],
		[{ nickname: 'x' }, 'nickname'],
		[{ id: 5 }, 'id'],
		[{ version: 1 }, 'version'],
	];
	const before = (await listAll()).total;
	for (const [patch, field] of cases) {
		const body = { ...ok(), ...patch };
		for (const k of Object.keys(patch))
			if (patch[k] === undefined)
				delete body[k];
		const r = await srv.api('POST', PEOPLE, body);
		assertError(r, 400, field);
	}
	assert.equal((await listAll()).total, before, 'nothing was created');
});

test('names count characters, not bytes: 200 multi-byte characters fit',
    async () => {
	for (const name of ['é'.repeat(200), '😀'.repeat(200), 'a'.repeat(200),
	    '名'.repeat(200)]) {
		const r = await srv.api('POST', PEOPLE, { name,
		    email: `${unique('mb')}@example.com`, role: 'swe' });
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.name, name);
		assert.equal((await getPerson(r.json.id)).name, name);
	}
});

test('PATCH /people/{id} validates its fields too', async () => {
	const p = await createPerson(srv);
	for (const [body, field] of [
		[{ name: '' }, 'name'],
		[{ name: null }, 'name'],
		[{ name: 'é'.repeat(201) }, 'name'],
		[{ email: 'nope' }, 'email'],
		[{ role: 'cto' }, 'role'],
		[{ active: 'false' }, 'active'],
		[{ active: null }, 'active'],
		[{ colour: 'red' }, 'colour'],
		[{ name: 'Fine', shoe_size: 42 }, 'shoe_size'],
	]) {
		const r = await srv.api('PATCH', `${PEOPLE}/${p.id}`, body);
		assertError(r, 400, field);
	}
	assert.deepEqual(await getPerson(p.id), p);
	assert.equal(await auditCount(srv, auditOf('person', p.id)), 1);
});

test('unknown, zero, negative and malformed person ids are 404',
    async () => {
	for (const id of ['999999', '0', '-1', 'abc', '1.5',
	    '1234567890123456789', '999999999999999999']) {
		const g = await srv.api('GET', `${PEOPLE}/${id}`);
		assertError(g, 404);
		const p = await srv.api('PATCH', `${PEOPLE}/${id}`,
		    { name: 'x' });
		assertError(p, 404);
	}
});

test('wrong methods on people routes: 405 with Allow', async () => {
	const p = await createPerson(srv);
	for (const m of ['PUT', 'PATCH', 'DELETE']) {
		const r = await srv.api(m, PEOPLE, {});
		assertError(r, 405);
		assert.equal(r.headers.get('allow'), 'GET, HEAD, POST');
	}
	for (const path of [`${PEOPLE}/${p.id}`, `${PEOPLE}/999999`]) {
		for (const m of ['POST', 'PUT', 'DELETE']) {
			const r = await srv.api(m, path, {});
			assertError(r, 405);
			assert.equal(r.headers.get('allow'), 'GET, HEAD, PATCH');
		}
	}
	assert.deepEqual(await getPerson(p.id), p);
});
