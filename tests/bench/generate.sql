-- generate.sql: a portfolio of :n projects for the benchmarks, as of the
-- day :'today' (psql -v n=10000 -v today=2026-11-23 -f generate.sql), into
-- a migrated database.
--
-- Set-based: each table is filled by one INSERT ... SELECT over the whole
-- portfolio, so 10,000 projects take seconds where calling the api.*
-- functions once per change took minutes.  What is written is what those
-- functions would have written for the same history of changes, row for
-- row (sql/api/20_projects.sql, 30_checkpoints.sql,
-- 40_ownership_handoffs.sql, 10_people.sql are the reference):
--
--  * every change leaves its current-state row, its *_versions row with
--    the day it takes effect, and its audit_log row recorded on the day it
--    was made, by the person who made it, with the record before and after;
--  * a project's creation is the templates applied on its created_on day
--    (plan, eight checkpoints, sixteen responsibilities with 48 empty
--    boxes, four handoffs never offered) and one audit row;
--  * checkpoint slips have their checkpoint_slips rows, stage moves their
--    stage_transitions rows, a completion takes effect from completed_on
--    (back-dated when recorded later), the project is snapshotted in
--    project_versions after every project change;
--  * the last version of anything equals its current state.
--
-- The portfolio is an organisation: teams of 5 to 10 people (about one
-- person per two projects: a PM, data scientists, ML engineers, software
-- engineers), each team running the projects of its size; a project's
-- boxes are filled from its own team, now and then from a neighbouring
-- team or from the few platform engineers everyone calls on.  Projects
-- start over the year before :'today' (a few are being set up to start
-- within two weeks), launch 8 to 30 weeks after kickoff, and move through
-- the stages at their own pace, most of them slower than planned; most
-- of those launched a month or two ago are shipped, a few projects are
-- paused or cancelled, some untouched for weeks.  Checkpoints are done (on
-- time, late, recorded late), slipped, missed, blocked or waived, and
-- reviewed monthly once in monitoring; handoffs are offered and accepted
-- around the stage they lead into, or left waiting; some spec answers are
-- never written.
--
-- Deterministic: every choice is a hash of the position of what it is
-- about (the i-th project, its k-th checkpoint...), never random(); the
-- same :n and :'today' give the same portfolio.  Ids continue from what
-- the database holds.
--
-- How: the history of every person, project, box, checkpoint and handoff
-- is first laid out in temporary tables (g_*), one row per change with
-- the state after it; the domain tables are then filled from those, with
-- the foreign keys and secondary indexes made again after the load.

\set ON_ERROR_STOP 1
\if :{?threshold}
\else
\set threshold 40
\endif
SET client_min_messages = warning;
SET work_mem = '256MB';
SET temp_buffers = '2GB';
SET maintenance_work_mem = '512MB';
SET synchronous_commit = off;
SET jit = off;
SET DateStyle = 'ISO';

BEGIN;

-- The ledger's triggers (sql/api/70_ledger.sql) would mark each item dirty
-- once per table loaded, and see each version row: every item is marked
-- once at the end instead.
ALTER TABLE project_versions DISABLE TRIGGER ledger_project_versions;
ALTER TABLE plan_versions DISABLE TRIGGER ledger_plan_versions;
ALTER TABLE handoff_versions DISABLE TRIGGER ledger_handoff_versions;
ALTER TABLE audit_log DISABLE TRIGGER ledger_audit_log;
ALTER TABLE responsibilities DISABLE TRIGGER ledger_responsibilities;
ALTER TABLE checkpoint_versions DISABLE TRIGGER ledger_checkpoint_versions;
ALTER TABLE ownership_versions DISABLE TRIGGER ledger_ownership_versions;
ALTER TABLE person_versions DISABLE TRIGGER ledger_person_versions;

-- Helpers --------------------------------------------------------------------

-- A deterministic choice in [0, m) for key a under salt s.
CREATE FUNCTION pg_temp.h(a bigint, s bigint, m int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
	SELECT ((hashint8extended(a, s) & 2147483647) % m)::int
$$;

-- The wall clock of a change made on day d: in the working day, in the
-- order of o (the order of changes within a day), a few minutes apart.
CREATE FUNCTION pg_temp.at(d date, o int, k bigint) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
	SELECT ((d + time '08:30') + (o + pg_temp.h(k, 99, 300)) *
	    interval '1 minute') AT TIME ZONE 'UTC'
$$;

-- RFC 3339 in UTC, as api.ts().
CREATE FUNCTION pg_temp.ts(t timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- JSON is written as text and parsed once per record: jsonb_build_object()
-- looks the type of every argument up at every call, which makes it the
-- larger part of the cost of the audit log.  A string (or null), for the
-- texts of this file and of the templates, which hold no control
-- characters; a date (DateStyle is ISO, below).
CREATE FUNCTION pg_temp.js(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT coalesce('"' || replace(replace(p, '\', '\\'), '"', '\"') ||
	    '"', 'null')
$$;

CREATE FUNCTION pg_temp.jd(p date) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT coalesce('"' || p || '"', 'null')
$$;

-- A person as api.person_ref() showed them on day d.
CREATE FUNCTION pg_temp.ref(p_id bigint, p_name text, p_left date, d date)
RETURNS text LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN p_id IS NULL THEN 'null'
	    ELSE '{"id": ' || p_id || ', "name": ' || pg_temp.js(p_name) ||
	    ', "active": ' || (p_left IS NULL OR p_left > d) || '}' END
$$;

-- One of a team's people of a role (ids and leaving days in team order),
-- the k-th, or the team's first of that role (who never leaves) when the
-- k-th has left by day d: the API refuses an inactive person.
CREATE FUNCTION pg_temp.pick(ids bigint[], lefts date[], k int, d date)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN lefts[1 + k % cardinality(ids)] <= d THEN ids[1]
	    ELSE ids[1 + k % cardinality(ids)] END
$$;

-- Parameters and vocabulary --------------------------------------------------

CREATE TEMP TABLE g_conf ON COMMIT DROP AS
SELECT :n::int AS n, :'today'::date AS today,
    (SELECT coalesce(max(id), 0) FROM people) AS person0,
    (SELECT coalesce(max(id), 0) FROM projects) AS project0,
    (SELECT coalesce(max(id), 0) FROM checkpoints) AS checkpoint0,
    (SELECT coalesce(max(id), 0) FROM audit_log) AS audit0,
    ARRAY['Maya', 'Ana', 'Ben', 'Sofia', 'Omar', 'Lena', 'Priya', 'Tom',
	'Jonas', 'Aisha', 'Marco', 'Yuki', 'Elena', 'Kwame', 'Chloe', 'Ravi',
	'Ines', 'Lucas', 'Mei', 'Noah', 'Fatima', 'Diego', 'Hannah', 'Ivan',
	'Zara', 'Pedro', 'Nina', 'Samuel', 'Leila', 'Oscar', 'Amara', 'Felix',
	'Clara', 'Tariq', 'Julia', 'Hugo', 'Sara', 'Arjun', 'Eva', 'Mateo']
	AS first_names,
    ARRAY['Chen', 'Ruiz', 'Carter', 'Rossi', 'Haddad', 'Fischer', 'Nair',
	'Okafor', 'Berg', 'Khan', 'Silva', 'Tanaka', 'Novak', 'Mensah',
	'Dubois', 'Patel', 'Costa', 'Moreau', 'Wang', 'Kowalski', 'Ali',
	'Garcia', 'Schmidt', 'Petrov', 'Ahmed', 'Santos', 'Larsen', 'Cohen',
	'Rahman', 'Lindqvist', 'Osei', 'Weber', 'Martin', 'Aziz', 'Jansen',
	'Bauer', 'Lopez', 'Iyer', 'Horvat', 'Romero'] AS last_names,
    -- Topics: a name, the decision the model makes, its primary metric.
    ARRAY['Churn prediction', 'Card fraud flags', 'Demand forecast',
	'Search ranking', 'Ticket routing', 'Dynamic pricing', 'Lead scoring',
	'Home page recommendations', 'Credit limit model',
	'Delivery time estimates', 'Content moderation', 'Invoice matching',
	'Call volume forecast', 'Product categorisation',
	'Payment anomaly alerts', 'Send-time optimisation'] AS topics,
    ARRAY['Which subscribers get a retention offer',
	'Which card payments are held for review',
	'How much stock each store orders per week',
	'Which results come first for a query',
	'Which queue a support ticket goes to',
	'What price to quote for a new order',
	'Which leads sales calls first',
	'Which items the home page shows',
	'What credit limit a new customer gets',
	'What delivery date the checkout promises',
	'Which posts are hidden before review',
	'Which invoices are paid without a human check',
	'How many agents are scheduled per half hour',
	'Which category a new listing goes in',
	'Which payment anomalies page the on-call',
	'When each newsletter is sent to each reader'] AS decisions,
    ARRAY['Recall of 0.70 on next-month churners in the top decile',
	'Fraud caught at a 1 % review rate',
	'Weekly MAPE under 12 % per store and category',
	'NDCG@10 up 3 points on the judged set',
	'Tickets rerouted below 8 %',
	'Margin per order up 2 % at equal conversion',
	'Conversion of the top 20 % of leads doubled',
	'Click-through up 5 % in an A/B test',
	'Default rate unchanged at 10 % more volume',
	'90 % of deliveries within the promised day',
	'Precision of 0.95 on hidden posts',
	'Straight-through rate of 60 % at 0.5 % errors',
	'80 % of calls answered within 20 s',
	'Top-1 accuracy of 0.92 on new listings',
	'Fewer than 2 false pages a week',
	'Open rate up 1.5 points'] AS metrics,
    ARRAY['', ' (EU)', ' (US)', ' v2', ' for mobile',
	' for small business', ' (LATAM)', ' pilot',
	' for marketplace sellers', ' (APAC)', ' v3', ' for partners']
	AS variants,
    ARRAY['p99 latency under 100 ms',
	'No more than 2 % of good customers affected',
	'Explainable to the review team',
	'Retrained weekly within the batch window',
	'Runs on the existing CPU fleet',
	'No personal data beyond what billing holds'] AS constraints,
    ARRAY['A false positive: a good customer is blocked',
	'A false negative: the loss goes unnoticed',
	'Too high: we commit to more than we can deliver',
	'Too low: demand we could have served goes elsewhere',
	'A confident wrong answer shown to a customer',
	'A silent error that nobody reviews'] AS worse_errors,
    ARRAY['The rules in place today', 'Everyone gets the default',
	'Last week''s numbers', 'Send to the manual queue',
	'The most popular choice', 'Turn the feature off'] AS fallbacks,
    ARRAY['Weekly precision below 0.85 on audited samples',
	'Input drift (PSI) over 0.2 on any top feature',
	'Error rate up 20 % over two weeks',
	'Fallbacks over 5 % of requests in a day',
	'Business metric down 3 % week over week',
	'Labels arriving more than 10 days late'] AS triggers,
    ARRAY['The current rules engine',
	'Last year''s value for the same week',
	'Logistic regression on five features', 'Most popular first',
	'Random assignment', 'The analysts'' spreadsheet'] AS baselines,
    ARRAY['Waiting on data access', 'Labelling vendor is late',
	'Key person on leave', 'Scope grew after the review',
	'Blocked by the platform migration', 'Stakeholder review moved',
	'Found a leakage bug; rerunning', 'Holiday change freeze']
	AS slip_reasons,
    -- The note of a move into stage 2..7.
    ARRAY[NULL, 'Framing signed off', 'Data is usable', 'Baseline measured',
	'Model ready for sign-off', 'Signed off', 'Launched'] AS stage_notes,
    ARRAY['Signed off in the weekly review', 'See the linked document',
	'Done; follow-ups filed', 'Reviewed with the stakeholders']
	AS done_notes,
    ARRAY['Waiting on the platform team', 'Needs a security review first',
	'Data owner has not answered', 'Blocked on the vendor contract']
	AS blocked_notes,
    -- Checkpoints a team adds, two per stage 2..6.
    ARRAY['Label audit with the support team',
	'Data access approved by security',
	'Baseline reviewed with the analysts',
	'Leakage check on the training set',
	'Error analysis by customer segment', 'Feature store backfill done',
	'Bias audit reviewed', 'Business case signed by finance',
	'Load test at twice the peak', 'A week in shadow mode'] AS extra_titles;

-- People ---------------------------------------------------------------------

-- Teams of 5 to 10; a team of s people runs about 2 s projects.
CREATE TEMP TABLE g_team ON COMMIT DROP AS
SELECT team, size, (sum(size) OVER (ORDER BY team))::int - size AS first,
    count(*) OVER () AS nteams
FROM (SELECT t AS team, 5 + pg_temp.h(t, 1, 6) AS size
    FROM g_conf, generate_series(1, greatest(1, round(n / 15.0)::int)) t) s;
ANALYZE g_team;

-- Roles by place in the team: a PM, a data scientist, an ML engineer and a
-- software engineer in every team (those four never leave: they are who
-- takes over), then more of each.  Some 3 % of people have left.
CREATE TEMP TABLE g_person ON COMMIT DROP AS
SELECT p.idx, cf.person0 + p.idx AS id, p.team, p.pos, p.role, nm.name,
    lower(replace(nm.name, ' ', '.')) || '.' || p.idx || '@example.com'
	AS email,
    cf.today - 380 - pg_temp.h(p.idx, 7, 300) AS created_on,
    CASE WHEN p.pos >= 4 AND p.role <> 'pm' AND pg_temp.h(p.idx, 8, 100) < 6
	THEN cf.today - 1 - pg_temp.h(p.idx, 9, 150) END AS left_on
FROM g_conf cf,
LATERAL (SELECT t.first + pos + 1 AS idx, t.team, pos,
    (ARRAY['pm', 'ds', 'mle', 'swe', 'mle', 'ds', 'swe', 'mle', 'pm',
	'ds'])[pos + 1] AS role
    FROM g_team t, generate_series(0, t.size - 1) pos) p,
LATERAL (SELECT cf.first_names[1 + pg_temp.h(p.idx, 5,
	cardinality(cf.first_names))] || ' ' ||
    cf.last_names[1 + pg_temp.h(p.idx, 6, cardinality(cf.last_names))]
    AS name) nm;

CREATE UNIQUE INDEX ON g_person (id);
ANALYZE g_person;

CREATE TEMP TABLE g_roster ON COMMIT DROP AS
SELECT team, role, array_agg(id ORDER BY pos) AS ids,
    array_agg(left_on ORDER BY pos) AS lefts
FROM g_person GROUP BY team, role;
ANALYZE g_roster;

-- Projects -------------------------------------------------------------------

-- Dates: kickoff k over the year before today (4 % in the next two
-- weeks), created c a few days before it (or, for one in five, entered a
-- few days after; a day still to come is instead one of the three weeks
-- before today, so that no one day sees hundreds of projects made), launch
-- 8 to 30 weeks after kickoff; pace: how much longer than planned the
-- stages take.
CREATE TEMP TABLE g_p0 ON COMMIT DROP AS
SELECT i, cf.project0 + i AS id, gp.team, d.k,
    CASE WHEN x.c <= cf.today THEN x.c
	ELSE cf.today - pg_temp.h(i, 18, 21) END AS c,
    d.k + 7 * (8 + pg_temp.h(i, 14, 23)) AS launch,
    pg_temp.h(i, 15, 100) < 70 AS replans,
    0.9 + pg_temp.h(i, 17, 36) / 100.0 AS pace,
    pg_temp.h(i, 19, 100) < 4 AS pivots,
    1 + pg_temp.h(i, 40, cardinality(cf.topics)) AS topic
FROM g_conf cf CROSS JOIN LATERAL generate_series(1, cf.n) i
JOIN g_person gp ON gp.idx = (i - 1)::bigint *
    (SELECT count(*) FROM g_person) / cf.n + 1
CROSS JOIN LATERAL (SELECT cf.today - 365 + pg_temp.h(i, 10, 380) AS k) d
CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h(i, 11, 100) < 80
	THEN d.k - pg_temp.h(i, 12, 7)
	ELSE d.k + 1 + pg_temp.h(i, 13, 10) END AS c) x;
ANALYZE g_p0;

-- The plan of each stage: the template's (stages back to back from the
-- kickoff, default_weeks each) and the one most PMs make in their first
-- week, stretched so that production ends the day before the launch.
-- Then the day each stage is (or would be) entered: the work aims at the
-- launch whether or not the PM wrote the plan down, at the project's
-- pace, a day or two either way, one day apart at least.
CREATE TEMP TABLE g_stage ON COMMIT DROP AS
WITH s AS MATERIALIZED (
	SELECT p.i, st.key, st.position AS j,
	    (sum(st.default_weeks) OVER w - st.default_weeks)::int AS wb,
	    (sum(st.default_weeks) OVER w)::int AS we
	FROM g_p0 p, stages st
	WINDOW w AS (PARTITION BY p.i ORDER BY st.position)
), plan AS MATERIALIZED (
	SELECT s.i, s.key, s.j, p.k, p.c, p.pace,
	    p.k + 7 * s.wb AS tps, p.k + 7 * s.we - 1 AS tpe,
	    CASE WHEN s.j = 7 THEN p.launch
		ELSE p.k + round(s.wb * (p.launch - p.k) / 10.0)::int END AS rps,
	    CASE WHEN s.j = 7 THEN p.launch + 27
		ELSE p.k + round(s.we * (p.launch - p.k) / 10.0)::int - 1
		END AS rpe,
	    p.replans
	FROM s JOIN g_p0 p USING (i)
), raw AS MATERIALIZED (
	SELECT *, CASE WHEN j = 1 THEN least(k, c)
	    WHEN j = 2 THEN greatest(c + 1, k + round((rps - k) * pace)::int +
		pg_temp.h(i * 8 + j, 18, 5) - 2)
	    ELSE k + round((rps - k) * pace)::int +
		pg_temp.h(i * 8 + j, 18, 5) - 2 END AS e_raw
	FROM plan
)
SELECT i, key, j, tps, tpe, rps, rpe,
    j + max(e_raw - j) OVER (PARTITION BY i ORDER BY j) AS e
FROM raw;
ANALYZE g_stage;

-- A few projects pivot after the data exploration: back to framing, then
-- into data again, every later stage pushed back by as much.  Then how
-- each project ends up: cancelled (instead of entering the baseline),
-- shipped (three in four, a month or two into monitoring), paused, or
-- untouched since a day three to ten weeks ago (stale); its changes
-- happen up to day h.
CREATE TEMP TABLE g_project ON COMMIT DROP AS
WITH e AS MATERIALIZED (
	SELECT p.*, array_agg(s.e ORDER BY s.j) AS e0
	FROM g_p0 p JOIN g_stage s USING (i) GROUP BY p.i, p.id, p.team, p.k,
	    p.c, p.launch, p.replans, p.pace, p.pivots, p.topic
), pv AS MATERIALIZED (
	SELECT e.*,
	    CASE WHEN pivots THEN e0[2] + 4 + pg_temp.h(i, 27, 7) END AS pv1,
	    CASE WHEN pivots THEN e0[2] + 9 + pg_temp.h(i, 27, 7) +
		pg_temp.h(i, 28, 10) END AS pv2
	FROM e
), ee AS MATERIALIZED (
	SELECT pv.*, ARRAY(SELECT CASE WHEN j >= 3 AND pivots
	    THEN e0[j] + (pv2 - e0[2] + 1) ELSE e0[j] END
	    FROM generate_series(1, 7) j ORDER BY j) AS e
	FROM pv
), fate AS MATERIALIZED (
	SELECT ee.*, cf.today,
	    CASE WHEN pg_temp.h(i, 20, 100) < 4 AND e[3] - 1 <= cf.today
		THEN 'cancelled'
	    WHEN pg_temp.h(i, 21, 100) < 75 AND
		e[7] + 28 + pg_temp.h(i, 26, 28) <= cf.today THEN 'shipped'
	    WHEN pg_temp.h(i, 22, 100) < 5 AND cf.today - c > 10
		THEN 'paused'
	    END AS fate
	FROM ee, g_conf cf
), ended AS MATERIALIZED (
	SELECT fate.*,
	    CASE fate WHEN 'cancelled' THEN e[3] - 1
		WHEN 'shipped' THEN e[7] + 28 + pg_temp.h(i, 26, 28)
		WHEN 'paused' THEN c + 10 + pg_temp.h(i, 23, today - c - 10)
		END AS fate_on,
	    CASE WHEN fate IS NULL AND pg_temp.h(i, 24, 100) < 10 AND
		today - 21 - pg_temp.h(i, 25, 50) > c + 3
		THEN today - 21 - pg_temp.h(i, 25, 50) END AS quiet_on
	FROM fate
)
SELECT i, id, ended.team, k, c, launch, pace, pivots, topic, e, pv1, pv2,
    fate,
    fate_on, coalesce(fate_on, quiet_on, ended.today) AS h,
    replans AND c + 1 + pg_temp.h(i, 16, 6) <=
	coalesce(fate_on, quiet_on, ended.today) AS replanned,
    c + 1 + pg_temp.h(i, 16, 6) AS replan_on,
    r.ids[1 + pg_temp.h(i, 41, cardinality(r.ids))] AS pm_id,
    cf.topics[topic] || cf.variants[1 + pg_temp.h(i, 42,
	cardinality(cf.variants))] AS name
FROM ended JOIN g_roster r ON r.team = ended.team AND r.role = 'pm', g_conf cf;

CREATE UNIQUE INDEX ON g_project (i);
ANALYZE g_project;

-- Stage moves: into framing at the kickoff (with the creation), then one
-- forward move per stage entered by day h, with the pivot's move back and
-- forth.  A quarter of the moves carry no note.
CREATE TEMP TABLE g_trans ON COMMIT DROP AS
SELECT t.i, t.id, (row_number() OVER (PARTITION BY t.i ORDER BY t.day))::int
	AS tseq,
    t.from_stage, t.to_stage, t.day, t.note
FROM (
	SELECT i, id, NULL::text AS from_stage, 'framing' AS to_stage,
	    e[1] AS day, 'kickoff' AS note, h
	FROM g_project
	UNION ALL
	SELECT p.i, p.id, sf.key, st.key, p.e[st.position],
	    CASE WHEN pg_temp.h(p.i * 8 + st.position, 29, 100) >= 25
		THEN cf.stage_notes[st.position] END, p.h
	FROM g_project p CROSS JOIN stages st
	JOIN stages sf ON sf.position = st.position - 1 CROSS JOIN g_conf cf
	UNION ALL
	SELECT i, id, 'data', 'framing', pv1,
	    'Pivot: the outcome is not logged where we thought', h
	FROM g_project WHERE pivots
	UNION ALL
	SELECT i, id, 'framing', 'data', pv2,
	    'New label agreed with the business', h
	FROM g_project WHERE pivots
) t
WHERE t.day <= t.h;

CREATE INDEX ON g_trans (i, tseq);
ANALYZE g_trans;

-- The spec: what the PM wrote at creation (the decision and the metric
-- nearly always, the rest about half the time), and what most fill in
-- during framing, all at once; one answer in twelve is never written.
-- Answers 8 to 11 are the data audit's, written the same way.
CREATE TEMP TABLE g_spec ON COMMIT DROP AS
SELECT i, init, fin, spec_on, fin IS DISTINCT FROM init AND spec_on <= h
    AS filled
FROM (SELECT p.i, p.h, x.init, x.fin,
    p.c + pg_temp.h(p.i, 30, greatest(1, p.e[2] - p.c)) AS spec_on
FROM g_project p CROSS JOIN g_conf cf
CROSS JOIN LATERAL (
	SELECT array_agg(CASE WHEN pg_temp.h(p.i * 8 + f, 31, 100) < pr
		THEN txt END ORDER BY f) AS init,
	    array_agg(CASE WHEN pg_temp.h(p.i * 8 + f, 31, 100) < pr OR
		(pg_temp.h(p.i, 34, 100) < 85 AND
		pg_temp.h(p.i * 8 + f, 32, 100) >= 8) THEN txt END ORDER BY f)
		AS fin
	FROM (VALUES
	    (1, 95, cf.decisions[p.topic]),
	    (2, 90, cf.metrics[p.topic]),
	    (3, 55, cf.constraints[1 + pg_temp.h(p.i, 35, 6)]),
	    (4, 45, cf.worse_errors[1 + pg_temp.h(p.i, 36, 6)]),
	    (5, 50, cf.fallbacks[1 + pg_temp.h(p.i, 37, 6)]),
	    (6, 35, cf.triggers[1 + pg_temp.h(p.i, 38, 6)]),
	    (7, 50, cf.baselines[1 + pg_temp.h(p.i, 39, 6)]),
	    -- The data availability audit (sql/0030_audit.sql).
	    (8, 60, 'Logged in the events warehouse'),
	    (9, 50, (6 + pg_temp.h(p.i, 40, 30)) || ' months'),
	    (10, 40, 'Set by the operations team, a week late, about 5% ' ||
		'wrong'),
	    (11, 55, (1 + pg_temp.h(p.i, 41, 90)) || '00k rows')) v(f, pr, txt)
) x) s;

CREATE UNIQUE INDEX ON g_spec (i);
ANALYZE g_spec;

-- Every change of a project row, in order (o orders the changes of one
-- day, here and below): the creation, the replan, the spec, the stage
-- moves and the final status change; with the project as it is after
-- each, the version it gets and who made it (the PM).
CREATE TEMP TABLE g_pev ON COMMIT DROP AS
WITH ev AS MATERIALIZED (
	SELECT i, c AS day, 0 AS o, 'create' AS kind, NULL::int AS tseq
	FROM g_project
	UNION ALL
	SELECT i, replan_on, 10, 'replan', NULL FROM g_project
	WHERE replanned
	UNION ALL
	SELECT i, spec_on, 20, 'spec', NULL FROM g_spec WHERE filled
	UNION ALL
	SELECT i, day, 30, 'stage', tseq FROM g_trans WHERE tseq > 1
	UNION ALL
	SELECT i, fate_on, 90, 'status', NULL FROM g_project
	WHERE fate IS NOT NULL
), seq AS MATERIALIZED (
	SELECT ev.*, (row_number() OVER w)::int AS version,
	    (1 + count(tseq) OVER w)::int AS tcount,
	    bool_or(kind = 'spec') OVER w AS spec_done
	FROM ev
	WINDOW w AS (PARTITION BY i ORDER BY day, o ROWS UNBOUNDED PRECEDING)
)
SELECT seq.i, p.id, seq.day, seq.o, seq.kind, seq.version, seq.tseq,
    pg_temp.at(seq.day, seq.o, p.id) AS at, t.to_stage AS stage,
    CASE WHEN seq.kind = 'status' THEN p.fate ELSE 'active' END AS status,
    seq.spec_done, pm.email AS actor
FROM seq
JOIN g_project p ON p.i = seq.i
JOIN g_person pm ON pm.id = p.pm_id
JOIN g_trans t ON t.i = seq.i AND t.tseq = seq.tcount;

-- A project as api.project_json() shows it (its PM never leaves).
CREATE FUNCTION pg_temp.prj(p_id bigint, p_name text, p_pm bigint,
    p_pm_name text, p_status text, p_stage text, p_kickoff date,
    p_launch date, p_created date, p_at timestamptz, p_version int,
    s text[])
RETURNS text LANGUAGE sql STABLE AS $$
	SELECT '{"id": ' || p_id || ', "name": ' || pg_temp.js(p_name) ||
	    ', "pm": {"id": ' || p_pm || ', "name": ' || pg_temp.js(p_pm_name) ||
	    ', "active": true}, "status": ' || pg_temp.js(p_status) ||
	    ', "stage": ' || pg_temp.js(p_stage) ||
	    ', "kickoff_on": ' || pg_temp.jd(p_kickoff) ||
	    ', "target_launch_on": ' || pg_temp.jd(p_launch) ||
	    ', "created_on": ' || pg_temp.jd(p_created) ||
	    ', "updated_at": "' || pg_temp.ts(p_at) ||
	    '", "version": ' || p_version ||
	    ', "spec": {"decision": ' || pg_temp.js(s[1]) ||
	    ', "primary_metric": ' || pg_temp.js(s[2]) ||
	    ', "secondary_constraint": ' || pg_temp.js(s[3]) ||
	    ', "worse_error": ' || pg_temp.js(s[4]) ||
	    ', "fallback": ' || pg_temp.js(s[5]) ||
	    ', "monitoring_trigger": ' || pg_temp.js(s[6]) ||
	    ', "baseline": ' || pg_temp.js(s[7]) ||
	    ', "data_outcome_logged": ' || pg_temp.js(s[8]) ||
	    ', "data_history": ' || pg_temp.js(s[9]) ||
	    ', "data_label_quality": ' || pg_temp.js(s[10]) ||
	    ', "data_examples": ' || pg_temp.js(s[11]) || '}}'
$$;

-- Ownership: each expected box is filled as its stage comes near (the
-- framing and data boxes when the project is set up, the others about
-- two stages ahead), one in fourteen never.  Mostly by the project's main
-- person of the role in its team (a second one for a quarter of the
-- boxes), sometimes by someone of the next team, and the on-call,
-- monitoring, registry and latency boxes now and then by the platform
-- engineers of the team that heads every group of twenty.  Later, a few
-- boxes change hands or are emptied, and half the boxes of people who
-- leave are taken over by their team's first of the role.
CREATE TEMP TABLE g_box ON COMMIT DROP AS
SELECT p.i, p.id AS project_id, p.team, p.h, r.key, r.position AS rpos,
    x.role, x.ri, p.i * 64 + r.position * 3 + x.ri AS b,
    CASE WHEN st.position <= 2
	THEN p.c + pg_temp.h(p.i * 64 + r.position * 3 + x.ri, 43, 4)
	ELSE greatest(p.c, p.e[st.position - 2]) +
	    pg_temp.h(p.i * 64 + r.position * 3 + x.ri, 44, 10) END AS f,
    pg_temp.h(p.i * 4 + x.ri, 49, 1000) AS main,
    (x.role = 'mle' AND r.key IN ('monitoring_drift', 'on_call',
	'model_registry') OR x.role = 'swe' AND r.key IN ('on_call',
	'latency_budget')) AND
	pg_temp.h(p.i * 64 + r.position * 3 + x.ri, 46, 100) < 12 AS hub,
    pg_temp.h(p.i * 64 + r.position * 3 + x.ri, 47, 100) < 5 AS borrowed
FROM g_project p
CROSS JOIN responsibility_templates r
JOIN stages st ON st.key = r.needed_by
CROSS JOIN LATERAL (VALUES ('ds', 0, r.expects_ds), ('mle', 1, r.expects_mle),
    ('swe', 2, r.expects_swe)) x(role, ri, expected)
WHERE x.expected AND pg_temp.h(p.i * 64 + r.position * 3 + x.ri, 45, 100) >= 7;
ANALYZE g_box;

CREATE TEMP TABLE g_oev ON COMMIT DROP AS
WITH a AS MATERIALIZED (
	SELECT bx.*,
	    CASE WHEN bx.hub THEN hr.ids[1]
		WHEN bx.borrowed THEN pg_temp.pick(nr.ids, nr.lefts,
		    pg_temp.h(bx.b, 48, 1000), bx.f)
		ELSE pg_temp.pick(lr.ids, lr.lefts, bx.main +
		    CASE WHEN pg_temp.h(bx.b, 50, 100) < 25 THEN 1 ELSE 0 END,
		    bx.f) END AS p1,
	    CASE WHEN pg_temp.h(bx.b, 51, 100) < 6 AND
		bx.f + 14 + pg_temp.h(bx.b, 52, 40) <= bx.h
		THEN bx.f + 14 + pg_temp.h(bx.b, 52, 40) END AS f2,
	    lr.ids AS team_ids, lr.lefts AS team_lefts
	FROM g_box bx
	JOIN g_team t ON t.team = bx.team
	JOIN g_roster lr ON lr.team = bx.team AND lr.role = bx.role
	JOIN g_roster nr ON nr.team = bx.team % t.nteams + 1
	    AND nr.role = bx.role
	JOIN g_roster hr ON hr.team = (bx.team - 1) / 20 * 20 + 1
	    AND hr.role = bx.role
	WHERE bx.f <= bx.h
), b AS MATERIALIZED (
	SELECT a.*,
	    CASE WHEN a.f2 IS NOT NULL AND pg_temp.h(a.b, 53, 100) >= 25
		THEN pg_temp.pick(a.team_ids, a.team_lefts, a.main + 1 +
		    pg_temp.h(a.b, 54, 3), a.f2) END AS p2
	FROM a
), c AS MATERIALIZED (
	-- A change to the same person records nothing: no change.
	SELECT b.*, b.f2 IS NOT NULL AND b.p2 IS DISTINCT FROM b.p1 AS changed
	FROM b
), d AS MATERIALIZED (
	SELECT c.*, hp.left_on + 2 + pg_temp.h(c.b, 56, 12) AS f3
	FROM c LEFT JOIN g_person hp ON hp.id = CASE WHEN c.changed
	    THEN c.p2 ELSE c.p1 END
)
SELECT d.i, d.project_id, d.key, d.role, d.rpos, d.ri, v.seq, v.day,
    39 + v.seq AS o, v.person, v.old_person,
    pg_temp.at(v.day, 39 + v.seq, d.project_id) AS at
FROM d CROSS JOIN LATERAL (VALUES
    (1, d.f, d.p1, NULL::bigint),
    (2, CASE WHEN d.changed THEN d.f2 END, d.p2, d.p1),
    (3, CASE WHEN d.f3 <= d.h AND pg_temp.h(d.b, 55, 100) < 50
	THEN d.f3 END, d.team_ids[1],
	CASE WHEN d.changed THEN d.p2 ELSE d.p1 END)) v(seq, day, person,
	old_person)
WHERE v.day IS NOT NULL;

-- Checkpoints: the eight of the templates, created with the project; for
-- one project in four one the team adds when it nears that stage (with
-- its owner; one in eight of those is deleted again a few days later);
-- and, once in monitoring, a monthly review, added ten days or so before
-- it is due.  Then, each only if made by day h: the PM's replan moves the
-- template's dates to the stretched plan (a slip, with its reason), an
-- owner is named for half of the template ones, a slip (for one in ten,
-- and for most of those the team will clearly be late for; a third of
-- them slip again), and the end: done (on time, or for one in four up to
-- ten days late, once the project is in that stage; three in ten
-- recorded days later, with completed_on back-dated), waived, blocked
-- (recent ones), or never marked although its time has come (missed).
CREATE TEMP TABLE g_cp0 ON COMMIT DROP AS
SELECT p.i, p.id AS project_id, ct.position AS slot, ct.position AS template,
    ct.stage, st.position AS j, ct.title, ct.decision, p.c AS cday,
    CASE ct.anchor WHEN 'kickoff' THEN p.k + 7 * ct.week_offset
	ELSE p.launch + 7 * ct.week_offset END AS due0,
    CASE WHEN p.replanned AND ct.anchor = 'kickoff' AND ct.week_offset > 0
	THEN p.k + round(7 * ct.week_offset * (p.launch - p.k) / 70.0)::int
	END AS due_rp,
    NULL::int AS owner_role
FROM g_project p CROSS JOIN checkpoint_templates ct
JOIN stages st ON st.key = ct.stage
UNION ALL
SELECT p.i, p.id, 9, NULL, st.key, st.position,
    cf.extra_titles[2 * st.position - 3 + pg_temp.h(p.i, 58, 2)], false,
    x.cday, x.cday + 7 + pg_temp.h(p.i, 60, 14), NULL,
    (ARRAY[0, 0, 0, 0, 1, 2, 1])[st.position]
FROM g_project p CROSS JOIN g_conf cf
JOIN stages st ON st.position = 2 + pg_temp.h(p.i, 57, 5)
CROSS JOIN LATERAL (SELECT greatest(p.c, p.e[st.position] - 3 +
    pg_temp.h(p.i, 59, 6)) AS cday) x
WHERE pg_temp.h(p.i, 61, 100) < 25 AND x.cday <= p.h
UNION ALL
SELECT p.i, p.id, 9 + r, NULL, 'monitoring', 7,
    'Monitoring review, ' || to_char(p.e[7] + 28 * r, 'FMMonth YYYY'), false,
    p.e[7] + 28 * r - 8 - pg_temp.h(p.i * 32 + 9 + r, 84, 5),
    p.e[7] + 28 * r, NULL, 1
FROM g_project p CROSS JOIN generate_series(1, 14) r
WHERE p.e[7] + 28 * r - 8 - pg_temp.h(p.i * 32 + 9 + r, 84, 5) <= p.h;

ANALYZE g_cp0;

CREATE TEMP TABLE g_cp ON COMMIT DROP AS
WITH a AS MATERIALIZED (
	SELECT c0.*, cf.checkpoint0 + row_number() OVER (ORDER BY c0.cday,
	    c0.i, c0.slot) AS id, c0.i * 32 + c0.slot AS b, p.h, p.k,
	    p.e[c0.j] AS enter, p.team, p.fate, p.pivots, p.launch,
	    -- due_rp is set only when the replan was made, by day h.
	    CASE WHEN c0.due_rp <> c0.due0 THEN p.replan_on END AS r_on,
	    coalesce(c0.due_rp, c0.due0) AS due_r,
	    c0.slot = 9 AND pg_temp.h(c0.i * 32 + c0.slot, 82, 100) < 12
		AS dropped,
	    (ARRAY['pm', 'ds', 'ds', 'ds', 'mle', 'swe', 'mle'])[c0.j]
		AS role_for
	FROM g_cp0 c0 JOIN g_project p USING (i) CROSS JOIN g_conf cf
), owner AS MATERIALIZED (
	SELECT a.*,
	    CASE WHEN a.slot < 9 AND pg_temp.h(a.b, 62, 100) < 50 AND
		greatest(a.r_on, a.cday + 1 + pg_temp.h(a.b, 63, 10)) <= a.h
		THEN greatest(a.r_on, a.cday + 1 + pg_temp.h(a.b, 63, 10))
		END AS o_on,
	    pg_temp.pick(r.ids, r.lefts, pg_temp.h(a.i * 4 + coalesce(
		a.owner_role, CASE r.role WHEN 'ds' THEN 0 WHEN 'mle' THEN 1
		ELSE 2 END), 49, 1000), CASE WHEN a.slot < 9
		THEN greatest(a.r_on, a.cday + 1 + pg_temp.h(a.b, 63, 10))
		ELSE a.cday END) AS owner1,
	    CASE WHEN NOT a.dropped AND (pg_temp.h(a.b, 64, 100) < 10 OR
		a.enter > a.due_r - 3 AND pg_temp.h(a.b, 64, 100) < 60) AND
		greatest(a.cday, a.r_on, a.due_r - pg_temp.h(a.b, 65, 5)) <= a.h
		THEN greatest(a.cday, a.r_on, a.due_r - pg_temp.h(a.b, 65, 5))
		END AS s1,
	    -- A team that sees it will be late moves the date to when the
	    -- project should get there; others by a week or three.
	    greatest(a.due_r + 7 * (1 + pg_temp.h(a.b, 66, 3)),
		a.enter + 7 + pg_temp.h(a.b, 66, 14)) AS due1
	FROM a JOIN g_roster r ON r.team = a.team AND r.role = a.role_for
), slips AS MATERIALIZED (
	SELECT owner.*,
	    CASE WHEN s1 IS NOT NULL AND pg_temp.h(b, 67, 100) < 35 AND
		greatest(s1, due1 - pg_temp.h(b, 68, 4)) <= h
		THEN greatest(s1, due1 - pg_temp.h(b, 68, 4)) END AS s2,
	    due1 + 7 * (1 + pg_temp.h(b, 69, 2)) AS due2
	FROM owner
), due AS MATERIALIZED (
	-- An owner named after the first slip would be out of order: the
	-- slip's day comes from the due date, not from the owner's.
	SELECT slips.*,
	    CASE WHEN o_on > s1 THEN NULL ELSE o_on END AS o_day,
	    CASE WHEN s2 IS NOT NULL THEN due2 WHEN s1 IS NOT NULL THEN due1
		ELSE due_r END AS due_f,
	    (r_on IS NOT NULL)::int + (s1 IS NOT NULL)::int +
		(s2 IS NOT NULL)::int AS nslips
	FROM slips
), fin AS MATERIALIZED (
	SELECT due.*,
	    greatest(r_on, o_day, s1, s2) AS prior,
	    CASE WHEN dropped THEN 'deleted'
		WHEN pg_temp.h(b, 70, 100) < 3 THEN CASE WHEN enter <= h AND
		    due_f BETWEEN h - 30 AND h + 10 THEN 'blocked' ELSE 'done' END
		WHEN pg_temp.h(b, 70, 100) < 7 THEN 'forgotten'
		WHEN pg_temp.h(b, 70, 100) < 10 AND NOT decision THEN 'waived'
		ELSE 'done' END AS ending
	FROM due
), days AS MATERIALIZED (
	SELECT fin.*,
	    greatest(due_f + CASE WHEN pg_temp.h(b, 71, 100) < 25
		THEN 1 + pg_temp.h(b, 72, 10) ELSE -pg_temp.h(b, 73, 4) END,
		enter + 1, k, prior) AS comp,
	    greatest(cday, prior, enter, least(due_f, h) -
		pg_temp.h(b, 76, 6)) AS blocked_on,
	    cday + 2 + pg_temp.h(b, 83, 10) AS deleted_on
	FROM fin
)
SELECT days.*,
    CASE WHEN ending IN ('done', 'waived') AND comp <= cf.today AND
	greatest(comp + CASE WHEN pg_temp.h(b, 74, 100) < 30
	    THEN 1 + pg_temp.h(b, 75, 10) ELSE 0 END, cday, prior) <= h
	THEN greatest(comp + CASE WHEN pg_temp.h(b, 74, 100) < 30
	    THEN 1 + pg_temp.h(b, 75, 10) ELSE 0 END, cday, prior)
	WHEN ending = 'blocked' AND blocked_on <= h THEN blocked_on
	WHEN ending = 'deleted' AND deleted_on <= h THEN deleted_on
	END AS end_on,
    CASE WHEN slot >= 9 THEN owner1 END AS owner0,
    CASE WHEN decision AND ending = 'done' THEN
	CASE WHEN template = 2 AND fate = 'cancelled' THEN 'stop'
	    WHEN template = 2 AND pivots THEN 'pivot' ELSE 'go' END END
	AS outcome,
    CASE WHEN ending = 'done' AND pg_temp.h(b, 77, 100) < 50
	THEN 'https://wiki.example.com/projects/' || project_id ||
	    '/checkpoints/' || id END AS evidence_url,
    CASE WHEN ending = 'blocked' THEN cf.blocked_notes[1 + pg_temp.h(b, 78,
	cardinality(cf.blocked_notes))]
	WHEN ending IN ('done', 'waived') AND pg_temp.h(b, 79, 100) < 30
	THEN cf.done_notes[1 + pg_temp.h(b, 78, cardinality(cf.done_notes))]
	END AS note,
    'Dates moved to the plan for the launch on ' ||
	to_char(launch, 'YYYY-MM-DD') AS reason_r,
    cf.slip_reasons[1 + pg_temp.h(b, 80, cardinality(cf.slip_reasons))]
	AS reason1,
    cf.slip_reasons[1 + pg_temp.h(b, 81, cardinality(cf.slip_reasons))]
	AS reason2
FROM days CROSS JOIN g_conf cf;

CREATE UNIQUE INDEX ON g_cp (id);

-- A checkpoint as api.checkpoint_json() shows it: its fields (the
-- outcome, evidence and note only after its end), its owner and slip
-- ledger as JSON.  (Fields, not the g_cp row: a field of a row value is
-- found by walking the row from its start, at every use.)
CREATE FUNCTION pg_temp.cpj(p_id bigint, p_project bigint, p_stage text,
    p_title text, p_due date, p_due0 date, p_owner text, p_status text,
    p_completed date, p_decision boolean, p_outcome text, p_evidence text,
    p_note text, p_version int, p_slips text)
RETURNS text LANGUAGE sql STABLE AS $$
	SELECT '{"id": ' || p_id || ', "project_id": ' || p_project ||
	    ', "stage": ' || pg_temp.js(p_stage) ||
	    ', "title": ' || pg_temp.js(p_title) ||
	    ', "due_on": ' || pg_temp.jd(p_due) ||
	    ', "original_due_on": ' || pg_temp.jd(p_due0) ||
	    ', "owner": ' || p_owner ||
	    ', "status": ' || pg_temp.js(p_status) ||
	    ', "completed_on": ' || pg_temp.jd(p_completed) ||
	    ', "decision": ' || p_decision ||
	    ', "outcome": ' || pg_temp.js(p_outcome) ||
	    ', "evidence_url": ' || pg_temp.js(p_evidence) ||
	    ', "note": ' || pg_temp.js(p_note) ||
	    ', "version": ' || p_version || ', "slips": ' || p_slips || '}'
$$;

-- An entry of the slip ledger as api.checkpoint_json() shows it.
CREATE FUNCTION pg_temp.slip(p_from date, p_to date, p_reason text,
    p_on date, p_actor text, p_o int, p_project bigint)
RETURNS text LANGUAGE sql STABLE AS $$
	SELECT '{"from_due_on": ' || pg_temp.jd(p_from) ||
	    ', "to_due_on": ' || pg_temp.jd(p_to) ||
	    ', "reason": ' || pg_temp.js(p_reason) ||
	    ', "on": ' || pg_temp.jd(p_on) ||
	    ', "actor": ' || pg_temp.js(p_actor) ||
	    ', "at": "' || pg_temp.ts(pg_temp.at(p_on, p_o, p_project)) || '"}'
$$;

-- Every change of a checkpoint, in order, with the checkpoint after it.
-- The creation of a template checkpoint is the project's creation (no
-- audit row of its own); a completion takes effect on completed_on.
-- nslips: how many slips there are by then.
CREATE TEMP TABLE g_cev ON COMMIT DROP AS
WITH ev AS MATERIALIZED (
	SELECT cp.id, v.*,
	    (row_number() OVER (PARTITION BY cp.id ORDER BY v.seq))::int
		AS version
	FROM g_cp cp CROSS JOIN LATERAL (VALUES
	    (1, 'create', cp.cday, CASE WHEN cp.slot >= 9 THEN 45 ELSE 0 END,
		cp.cday, cp.owner0, cp.due0),
	    (2, 'slip', cp.r_on, 15, cp.r_on, NULL, cp.due_r),
	    (3, 'update', cp.o_day, 50, cp.o_day, cp.owner1, cp.due_r),
	    (4, 'slip', cp.s1, 51, cp.s1, NULL, cp.due1),
	    (5, 'slip', cp.s2, 52, cp.s2, NULL, cp.due2),
	    (6, CASE cp.ending WHEN 'deleted' THEN 'delete'
		WHEN 'forgotten' THEN NULL ELSE 'status_' || cp.ending END,
		cp.end_on, CASE WHEN cp.ending = 'deleted' THEN 65 ELSE 60 END,
		CASE WHEN cp.ending IN ('done', 'waived') THEN cp.comp
		ELSE cp.end_on END, NULL, cp.due_f))
	    v(seq, action, day, o, effective_on, owner_set, due)
	WHERE v.day IS NOT NULL AND v.action IS NOT NULL
), st AS MATERIALIZED (
	SELECT ev.id, ev.seq, ev.action, ev.day, ev.o, ev.effective_on,
	    ev.version, cp.project_id, cp.i, ev.due,
	    CASE WHEN ev.seq IN (2, 3) THEN (cp.r_on IS NOT NULL)::int
		WHEN ev.seq = 4 THEN (cp.r_on IS NOT NULL)::int + 1
		WHEN ev.seq = 5 THEN (cp.r_on IS NOT NULL)::int + 2
		WHEN ev.seq = 6 THEN cp.nslips ELSE 0 END AS nslips,
	    coalesce(ev.owner_set, CASE WHEN ev.seq > 3 OR ev.seq = 2 THEN
		CASE WHEN ev.seq > 3 AND cp.o_day IS NOT NULL THEN cp.owner1
		ELSE cp.owner0 END END) AS owner_id,
	    CASE WHEN ev.seq = 6 AND cp.ending IN ('done', 'waived', 'blocked')
		THEN cp.ending ELSE 'pending' END AS status,
	    CASE WHEN ev.seq = 6 AND cp.ending IN ('done', 'waived')
		THEN cp.comp END AS completed_on,
	    ev.seq = 6 AND cp.ending = 'deleted' AS deleted,
	    pg_temp.at(ev.day, ev.o, cp.project_id) AS at
	FROM ev JOIN g_cp cp USING (id)
), prev AS MATERIALIZED (
	-- What the audit row's record before needs: the version before.
	SELECT st.*, lag(due) OVER w AS due_before,
	    lag(owner_id) OVER w AS owner_before,
	    lag(nslips) OVER w AS nslips_before
	FROM st WINDOW w AS (PARTITION BY id ORDER BY seq)
)
SELECT st.*, CASE WHEN st.action IN ('status_done', 'status_waived',
	'status_blocked') AND (ow.left_on IS NULL OR ow.left_on > st.day)
	AND ow.email IS NOT NULL THEN ow.email ELSE pm.email END AS actor,
    CASE st.seq WHEN 2 THEN cp.reason_r WHEN 4 THEN cp.reason1
	WHEN 5 THEN cp.reason2 END AS reason
FROM prev st
JOIN g_cp cp ON cp.id = st.id
JOIN g_project p ON p.i = st.i
JOIN g_person pm ON pm.id = p.pm_id
LEFT JOIN g_person ow ON ow.id = st.owner_id;

-- Handoffs: offered in the days before the project enters the stage the
-- handoff leads into (A: SWE to DS, B: DS to MLE, C: MLE to SWE, D: SWE to
-- MLE, between the project's main people of those roles), accepted
-- within a week; one in twelve never offered, one in twelve left waiting,
-- one in sixteen offered again later (a new version), and that one maybe
-- accepted again.
CREATE TEMP TABLE g_ho ON COMMIT DROP AS
WITH a AS MATERIALIZED (
	SELECT p.i, p.id AS project_id, p.h, p.team, k.key, k.kidx, k.j,
	    p.i * 8 + k.kidx AS b, k.from_role, k.to_role, k.fi, k.ti,
	    greatest(p.c, p.e[k.j] - 1 - pg_temp.h(p.i * 8 + k.kidx, 81, 10))
		AS o1
	FROM g_project p CROSS JOIN (VALUES
	    ('a', 0, 2, 'swe', 'ds', 2, 0), ('b', 1, 5, 'ds', 'mle', 0, 1),
	    ('c', 2, 6, 'mle', 'swe', 1, 2), ('d', 3, 7, 'swe', 'mle', 2, 1))
	    k(key, kidx, j, from_role, to_role, fi, ti)
	WHERE pg_temp.h(p.i * 8 + k.kidx, 80, 100) >= 8
), b AS MATERIALIZED (
	SELECT a.*,
	    CASE WHEN pg_temp.h(b, 82, 100) >= 8
		THEN o1 + pg_temp.h(b, 83, 8) END AS a1
	FROM a
), c AS MATERIALIZED (
	SELECT b.*,
	    CASE WHEN a1 IS NOT NULL AND pg_temp.h(b, 84, 100) < 6
		THEN a1 + 5 + pg_temp.h(b, 85, 15) END AS o2
	FROM b
)
SELECT c.*,
    CASE WHEN o2 IS NOT NULL AND pg_temp.h(b, 86, 100) >= 30
	THEN o2 + 1 + pg_temp.h(b, 87, 5) END AS a2,
    pg_temp.pick(fr.ids, fr.lefts, pg_temp.h(i * 4 + fi, 49, 1000), o1)
	AS from1,
    pg_temp.pick(tr.ids, tr.lefts, pg_temp.h(i * 4 + ti, 49, 1000), o1)
	AS to1,
    pg_temp.pick(fr.ids, fr.lefts, pg_temp.h(i * 4 + fi, 49, 1000), o2)
	AS from2,
    pg_temp.pick(tr.ids, tr.lefts, pg_temp.h(i * 4 + ti, 49, 1000), o2)
	AS to2,
    'https://wiki.example.com/projects/' || project_id || '/handoff-' ||
	key AS url
FROM c
JOIN g_roster fr ON fr.team = c.team AND fr.role = c.from_role
JOIN g_roster tr ON tr.team = c.team AND tr.role = c.to_role
WHERE c.o1 <= c.h;

-- A handoff as api.handoff_json() shows it.
CREATE FUNCTION pg_temp.hoj(k handoff_kinds, p_from text, p_to text,
    p_url text, p_offered date, p_accepted date, p_version int)
RETURNS text LANGUAGE sql STABLE AS $$
	SELECT '{"key": ' || pg_temp.js(k.key) ||
	    ', "name": ' || pg_temp.js(k.name) ||
	    ', "from_label": ' || pg_temp.js(k.from_label) ||
	    ', "to_label": ' || pg_temp.js(k.to_label) ||
	    ', "leads_into": ' || pg_temp.js(k.leads_into) ||
	    ', "question": ' || pg_temp.js(k.question) ||
	    ', "from": ' || p_from || ', "to": ' || p_to ||
	    ', "artifact_url": ' || pg_temp.js(p_url) ||
	    ', "offered_on": ' || pg_temp.jd(p_offered) ||
	    ', "accepted_on": ' || pg_temp.jd(p_accepted) ||
	    ', "state": ' || CASE WHEN p_accepted IS NOT NULL
		THEN '"accepted"' WHEN p_offered IS NOT NULL THEN '"offered"'
		ELSE '"not_offered"' END ||
	    ', "version": ' || p_version || '}'
$$;

CREATE TEMP TABLE g_hev ON COMMIT DROP AS
WITH ev AS MATERIALIZED (
	SELECT ho.i, ho.project_id, ho.key, ho.kidx, v.*,
	    (1 + row_number() OVER (PARTITION BY ho.i, ho.key
		ORDER BY v.seq))::int AS version
	FROM g_ho ho CROSS JOIN LATERAL (VALUES
	    (1, 'offer', ho.o1, 70, ho.from1, ho.to1, ho.url, ho.o1,
		NULL::date),
	    (2, 'accept', ho.a1, 75, ho.from1, ho.to1, ho.url, ho.o1, ho.a1),
	    (3, 'offer', ho.o2, 77, ho.from2, ho.to2, ho.url || '-v2', ho.o2,
		NULL),
	    (4, 'accept', ho.a2, 78, ho.from2, ho.to2, ho.url || '-v2', ho.o2,
		ho.a2))
	    v(seq, action, day, o, from_id, to_id, url, offered_on,
		accepted_on)
	WHERE v.day <= ho.h
)
SELECT ev.*, pg_temp.at(ev.day, ev.o, ev.project_id) AS at,
    CASE WHEN ev.action = 'offer' THEN fp.email ELSE tp.email END AS actor
FROM ev
JOIN g_person fp ON fp.id = ev.from_id
JOIN g_person tp ON tp.id = ev.to_id;


-- People: each created a year or more ago; those who left deactivated on
-- their last day, by the first PM of their team (the PMs by an admin).
CREATE TEMP TABLE g_peev ON COMMIT DROP AS
SELECT gp.*, v.seq, v.day, v.action, v.active,
    pg_temp.at(v.day, 5, gp.id) AS at,
    CASE WHEN gp.id = r.ids[1] THEN 'admin@example.com'
	ELSE pm.email END AS actor
FROM g_person gp
JOIN g_roster r ON r.team = gp.team AND r.role = 'pm'
JOIN g_person pm ON pm.id = r.ids[1]
CROSS JOIN LATERAL (VALUES
    (1, gp.created_on, 'create', true),
    (2, gp.left_on, 'deactivate', false)) v(seq, day, action, active)
WHERE v.day IS NOT NULL;

-- The audit log's ids in the order the changes were made.
CREATE TEMP TABLE g_aid ON COMMIT DROP AS
SELECT src, i, sub, seq,
    cf.audit0 + row_number() OVER (ORDER BY day, at, src, i, sub, seq) AS aid
FROM (
	SELECT 1 AS src, idx AS i, 0 AS sub, seq, day, at FROM g_peev
	UNION ALL
	SELECT 2, i, 0, version, day, at FROM g_pev
	UNION ALL
	SELECT 3, i, rpos * 3 + ri, seq, day, at FROM g_oev
	UNION ALL
	SELECT 4, i, id, seq, day, at FROM g_cev
	WHERE seq > 1 OR o = 45
	UNION ALL
	SELECT 5, i, kidx, seq, day, at FROM g_hev
) k CROSS JOIN g_conf cf;

CREATE UNIQUE INDEX ON g_aid (src, i, sub, seq);
ANALYZE g_aid;

-- The domain tables ----------------------------------------------------------

-- As pg_restore does, the foreign keys and the secondary indexes of the
-- tables filled here are dropped for the load and made again after it:
-- one join per key checks every row, one sort per index builds it,
-- instead of a lookup and an index insertion per row.  (Primary keys and
-- unique constraints stay.)
CREATE TEMP TABLE g_tables ON COMMIT DROP AS
SELECT unnest(ARRAY['people', 'person_versions', 'projects',
    'project_versions', 'stage_plans', 'plan_versions', 'stage_transitions',
    'checkpoints', 'checkpoint_versions', 'checkpoint_slips',
    'responsibilities', 'ownership', 'ownership_versions', 'handoffs',
    'handoff_versions', 'audit_log']::regclass[]) AS tbl;

CREATE TEMP TABLE g_fk ON COMMIT DROP AS
SELECT conrelid::regclass AS tbl, conname, pg_get_constraintdef(oid) AS def
FROM pg_constraint
WHERE contype = 'f' AND conrelid IN (SELECT tbl FROM g_tables);

CREATE TEMP TABLE g_index ON COMMIT DROP AS
SELECT i.indexrelid::regclass AS idx, pg_get_indexdef(i.indexrelid) AS def
FROM pg_index i
WHERE i.indrelid IN (SELECT tbl FROM g_tables)
AND NOT EXISTS (SELECT 1 FROM pg_constraint c
    WHERE c.conindid = i.indexrelid);

DO $$
DECLARE
	r	record;
BEGIN
	FOR r IN SELECT * FROM g_fk LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl,
		    r.conname);
	END LOOP;
	FOR r IN SELECT * FROM g_index LOOP
		EXECUTE format('DROP INDEX %s', r.idx);
	END LOOP;
END
$$;

INSERT INTO people (id, name, email, role, active, version, created_at,
    updated_at)
OVERRIDING SYSTEM VALUE
SELECT id, name, email, role, left_on IS NULL,
    CASE WHEN left_on IS NULL THEN 1 ELSE 2 END,
    pg_temp.at(created_on, 5, id),
    pg_temp.at(coalesce(left_on, created_on), 5, id)
FROM g_person ORDER BY id;

INSERT INTO person_versions (person_id, actor, effective_on, active, name)
SELECT id, actor, day, active, name FROM g_peev ORDER BY day, at, id;

INSERT INTO projects (id, name, pm_id, kickoff_on, target_launch_on, status,
    stage, decision, primary_metric, secondary_constraint, worse_error,
    fallback, monitoring_trigger, baseline, data_outcome_logged,
    data_history, data_label_quality, data_examples, version, created_on,
    created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT p.id, p.name, p.pm_id, p.k, p.launch, l.status, l.stage,
    x.s[1], x.s[2], x.s[3], x.s[4], x.s[5], x.s[6], x.s[7], x.s[8], x.s[9],
    x.s[10], x.s[11], l.version, p.c,
    pg_temp.at(p.c, 0, p.id), l.at
FROM g_project p
JOIN (SELECT DISTINCT ON (i) * FROM g_pev ORDER BY i, version DESC) l
    USING (i)
JOIN g_spec sp USING (i)
CROSS JOIN LATERAL (SELECT CASE WHEN l.spec_done THEN sp.fin
    ELSE sp.init END AS s) x
ORDER BY p.id;

INSERT INTO project_versions (project_id, actor, effective_on, name, pm_id,
    status, stage, target_launch_on, decision, primary_metric,
    secondary_constraint, worse_error, fallback, monitoring_trigger,
    baseline, data_outcome_logged, data_history, data_label_quality,
    data_examples)
SELECT e.id, e.actor, e.day, p.name, p.pm_id, e.status, e.stage, p.launch,
    x.s[1], x.s[2], x.s[3], x.s[4], x.s[5], x.s[6], x.s[7], x.s[8], x.s[9],
    x.s[10], x.s[11]
FROM g_pev e JOIN g_project p USING (i) JOIN g_spec sp USING (i)
CROSS JOIN LATERAL (SELECT CASE WHEN e.spec_done THEN sp.fin
    ELSE sp.init END AS s) x
ORDER BY e.day, e.at, e.id;

INSERT INTO stage_plans (project_id, stage, planned_start, planned_end)
SELECT p.id, s.key,
    CASE WHEN p.replanned THEN s.rps ELSE s.tps END,
    CASE WHEN p.replanned THEN s.rpe ELSE s.tpe END
FROM g_project p JOIN g_stage s USING (i)
ORDER BY p.id, s.j;

INSERT INTO plan_versions (project_id, actor, stage, effective_on,
    planned_start, planned_end)
SELECT v.id, pm.email, v.key, v.day, v.ps, v.pe
FROM (
	SELECT p.id, p.pm_id, s.key, s.j, p.c AS day, 0 AS o, s.tps AS ps,
	    s.tpe AS pe
	FROM g_project p JOIN g_stage s USING (i)
	UNION ALL
	SELECT p.id, p.pm_id, s.key, s.j, p.replan_on, 10, s.rps, s.rpe
	FROM g_project p JOIN g_stage s USING (i)
	WHERE p.replanned
) v JOIN g_person pm ON pm.id = v.pm_id
ORDER BY v.day, v.o, v.id, v.j;

INSERT INTO stage_transitions (project_id, from_stage, to_stage, effective_on,
    actor, note, at)
SELECT t.id, t.from_stage, t.to_stage, t.day, pm.email, t.note,
    CASE WHEN t.tseq = 1 THEN pg_temp.at(p.c, 0, p.id)
	ELSE pg_temp.at(t.day, 30, p.id) END AS at
FROM g_trans t JOIN g_project p USING (i) JOIN g_person pm ON pm.id = p.pm_id
ORDER BY at, t.id;

INSERT INTO checkpoints (id, project_id, stage, title, due_on,
    original_due_on, owner_id, status, completed_on, decision, outcome,
    evidence_url, note, template, deleted_on, version, created_on,
    created_at, updated_at)
OVERRIDING SYSTEM VALUE
SELECT cp.id, cp.project_id, cp.stage, cp.title, l.due, cp.due0, l.owner_id,
    l.status, l.completed_on, cp.decision,
    CASE WHEN l.seq = 6 THEN cp.outcome END,
    CASE WHEN l.seq = 6 THEN cp.evidence_url END,
    CASE WHEN l.seq = 6 THEN cp.note END,
    cp.template, CASE WHEN l.deleted THEN l.day END, l.version, cp.cday,
    pg_temp.at(cp.cday, CASE WHEN cp.slot >= 9 THEN 45 ELSE 0 END,
	cp.project_id),
    l.at
FROM g_cp cp
JOIN (SELECT DISTINCT ON (id) * FROM g_cev ORDER BY id, seq DESC) l
    USING (id)
ORDER BY cp.id;

INSERT INTO checkpoint_versions (checkpoint_id, actor, effective_on, stage,
    title, status, due_on, completed_on, owner_id, deleted, outcome)
SELECT e.id, e.actor, e.effective_on, cp.stage, cp.title, e.status, e.due,
    e.completed_on, e.owner_id, e.deleted,
    CASE WHEN e.seq = 6 THEN cp.outcome END
FROM g_cev e JOIN g_cp cp USING (id)
ORDER BY e.day, e.at, e.id, e.seq;

INSERT INTO checkpoint_slips (checkpoint_id, from_due_on, to_due_on, reason,
    effective_on, actor, at)
SELECT cp.id, s.from_due, s.to_due, s.reason, s.day, pm.email,
    pg_temp.at(s.day, s.o, cp.project_id) AS at
FROM g_cp cp
JOIN g_project p USING (i)
JOIN g_person pm ON pm.id = p.pm_id
CROSS JOIN LATERAL (VALUES (cp.r_on, 15, cp.due0, cp.due_r, cp.reason_r),
    (cp.s1, 51, cp.due_r, cp.due1, cp.reason1),
    (cp.s2, 52, cp.due1, cp.due2, cp.reason2)) s(day, o, from_due, to_due,
    reason)
WHERE s.day IS NOT NULL
ORDER BY at, cp.id;

INSERT INTO responsibilities (project_id, key, position, name, needed_by,
    expects_ds, expects_mle, expects_swe, handoff)
SELECT p.id, t.key, t.position, t.name, t.needed_by, t.expects_ds,
    t.expects_mle, t.expects_swe, t.handoff
FROM g_project p CROSS JOIN responsibility_templates t
ORDER BY p.id, t.key;

INSERT INTO ownership (project_id, responsibility, role, person_id, version,
    updated_at)
SELECT p.id, t.key, r.role, l.person, 1 + coalesce(l.n, 0),
    coalesce(l.at, pg_temp.at(p.c, 0, p.id))
FROM g_project p CROSS JOIN responsibility_templates t
CROSS JOIN (VALUES ('ds'), ('mle'), ('swe')) r(role)
LEFT JOIN (
	SELECT i, key, role, count(*)::int AS n, max(at) AS at,
	    (array_agg(person ORDER BY seq DESC))[1] AS person
	FROM g_oev GROUP BY i, key, role
) l ON l.i = p.i AND l.key = t.key AND l.role = r.role
ORDER BY p.id, t.key, r.role;

INSERT INTO ownership_versions (project_id, actor, responsibility, role,
    effective_on, person_id)
SELECT e.project_id, pm.email, e.key, e.role, e.day, e.person
FROM g_oev e JOIN g_project p USING (i) JOIN g_person pm ON pm.id = p.pm_id
ORDER BY e.day, e.at, e.project_id, e.rpos, e.ri, e.seq;

INSERT INTO handoffs (project_id, key, from_id, to_id, artifact_url,
    offered_on, accepted_on, version, updated_at)
SELECT p.id, k.key, l.from_id, l.to_id, l.url, l.offered_on, l.accepted_on,
    coalesce(l.version, 1), coalesce(l.at, pg_temp.at(p.c, 0, p.id))
FROM g_project p CROSS JOIN handoff_kinds k
LEFT JOIN (SELECT DISTINCT ON (i, key) * FROM g_hev
    ORDER BY i, key, seq DESC) l ON l.i = p.i AND l.key = k.key
ORDER BY p.id, k.key;

INSERT INTO handoff_versions (project_id, actor, key, effective_on, from_id,
    to_id, offered_on, accepted_on)
SELECT project_id, actor, key, day, from_id, to_id, offered_on, accepted_on
FROM g_hev ORDER BY day, at, project_id, key, seq;

-- The audit log: one row per change above, as api.audit() writes it.
INSERT INTO audit_log (id, at, recorded_on, actor, project_id, entity,
    entity_id, action, before, after)
OVERRIDING SYSTEM VALUE
SELECT a.aid, e.at, e.day, e.actor, NULL, 'person', e.id::text, e.action,
    CASE WHEN e.seq = 2 THEN jsonb_build_object('id', e.id, 'name', e.name,
	'email', e.email, 'role', e.role, 'active', true, 'version', 1) END,
    jsonb_build_object('id', e.id, 'name', e.name, 'email', e.email,
	'role', e.role, 'active', e.active, 'version', e.seq)
FROM g_peev e JOIN g_aid a ON a.src = 1 AND a.i = e.idx AND a.sub = 0
    AND a.seq = e.seq;

INSERT INTO audit_log (id, at, recorded_on, actor, project_id, entity,
    entity_id, action, before, after)
OVERRIDING SYSTEM VALUE
SELECT a.aid, e.at, e.day, e.actor, e.id, 'project', e.id::text,
    CASE e.kind WHEN 'create' THEN 'create'
	WHEN 'stage' THEN CASE WHEN tf.position < tt.position
	    THEN 'stage_forward' ELSE 'stage_back' END
	ELSE 'update' END,
    CASE e.kind WHEN 'create' THEN NULL
	WHEN 'stage' THEN jsonb_build_object('stage', t.from_stage)
	ELSE pg_temp.prj(p.id, p.name, pm.id, pm.name, e.status_before,
	    e.stage_before, p.k, p.launch, p.c, e.at_before, e.version - 1,
	    CASE WHEN e.spec_before THEN sp.fin ELSE sp.init END)::jsonb END,
    CASE e.kind WHEN 'stage' THEN jsonb_build_object('stage', t.to_stage,
	    'note', t.note)
	ELSE pg_temp.prj(p.id, p.name, pm.id, pm.name, e.status, e.stage,
	    p.k, p.launch, p.c, e.at, e.version,
	    CASE WHEN e.spec_done THEN sp.fin ELSE sp.init END)::jsonb ||
	    CASE WHEN e.kind = 'replan' THEN jsonb_build_object('plan',
	    pl.plan) ELSE '{}' END END
FROM (SELECT g_pev.*,
    lag(status) OVER w AS status_before, lag(stage) OVER w AS stage_before,
    lag(at) OVER w AS at_before, lag(spec_done) OVER w AS spec_before
    FROM g_pev WINDOW w AS (PARTITION BY i ORDER BY version)) e
JOIN g_aid a ON a.src = 2 AND a.i = e.i AND a.sub = 0 AND a.seq = e.version
JOIN g_project p ON p.i = e.i
JOIN g_person pm ON pm.id = p.pm_id
JOIN g_spec sp ON sp.i = e.i
LEFT JOIN g_trans t ON e.kind = 'stage' AND t.i = e.i AND t.tseq = e.tseq
LEFT JOIN stages tf ON tf.key = t.from_stage
LEFT JOIN stages tt ON tt.key = t.to_stage
LEFT JOIN (SELECT s.i, jsonb_object_agg(s.key, jsonb_build_object('start',
    s.rps, 'end', s.rpe) ORDER BY s.j) AS plan
    FROM g_stage s JOIN g_project p USING (i) WHERE p.replanned
    GROUP BY s.i) pl ON e.kind = 'replan' AND pl.i = e.i;

INSERT INTO audit_log (id, at, recorded_on, actor, project_id, entity,
    entity_id, action, before, after)
OVERRIDING SYSTEM VALUE
SELECT a.aid, e.at, e.day, pm.email, e.project_id, 'ownership',
    e.key || '/' || e.role, CASE WHEN e.person IS NULL THEN 'clear'
	ELSE 'assign' END,
    ('{"person": ' || pg_temp.ref(op.id, op.name, op.left_on, e.day) ||
	'}')::jsonb,
    ('{"person": ' || pg_temp.ref(np.id, np.name, np.left_on, e.day) ||
	'}')::jsonb
FROM g_oev e
JOIN g_aid a ON a.src = 3 AND a.i = e.i AND a.sub = e.rpos * 3 + e.ri
    AND a.seq = e.seq
JOIN g_project p ON p.i = e.i
JOIN g_person pm ON pm.id = p.pm_id
LEFT JOIN g_person op ON op.id = e.old_person
LEFT JOIN g_person np ON np.id = e.person;

INSERT INTO audit_log (id, at, recorded_on, actor, project_id, entity,
    entity_id, action, before, after)
OVERRIDING SYSTEM VALUE
WITH slips AS (
	-- The slip ledger of each checkpoint, as JSON entries.
	SELECT cp.id, array_remove(ARRAY[
	    CASE WHEN cp.r_on IS NOT NULL THEN pg_temp.slip(cp.due0, cp.due_r,
		cp.reason_r, cp.r_on, pm.email, 15, cp.project_id) END,
	    CASE WHEN cp.s1 IS NOT NULL THEN pg_temp.slip(cp.due_r, cp.due1,
		cp.reason1, cp.s1, pm.email, 51, cp.project_id) END,
	    CASE WHEN cp.s2 IS NOT NULL THEN pg_temp.slip(cp.due1, cp.due2,
		cp.reason2, cp.s2, pm.email, 52, cp.project_id) END],
	    NULL) AS l
	FROM g_cp cp
	JOIN g_project p USING (i)
	JOIN g_person pm ON pm.id = p.pm_id
	WHERE cp.nslips > 0
)
SELECT a.aid, e.at, e.day, e.actor, e.project_id, 'checkpoint', e.id::text,
    e.action,
    -- Before the change: pending, not completed, the version before.
    CASE WHEN e.seq > 1 THEN pg_temp.cpj(cp.id, cp.project_id, cp.stage,
	cp.title, e.due_before, cp.due0,
	pg_temp.ref(ob.id, ob.name, ob.left_on, e.day), 'pending', NULL,
	cp.decision, NULL, NULL, NULL, e.version - 1,
	'[' || coalesce(array_to_string(sl.l[1:e.nslips_before], ', '), '') ||
	']')::jsonb END,
    CASE WHEN e.action <> 'delete' THEN pg_temp.cpj(cp.id, cp.project_id,
	cp.stage, cp.title, e.due, cp.due0,
	pg_temp.ref(ow.id, ow.name, ow.left_on, e.day), e.status,
	e.completed_on, cp.decision,
	CASE WHEN e.seq = 6 THEN cp.outcome END,
	CASE WHEN e.seq = 6 THEN cp.evidence_url END,
	CASE WHEN e.seq = 6 THEN cp.note END, e.version,
	'[' || coalesce(array_to_string(sl.l[1:e.nslips], ', '), '') ||
	']')::jsonb || CASE WHEN e.action = 'slip'
	THEN jsonb_build_object('reason', e.reason) ELSE '{}' END END
FROM g_cev e
JOIN g_aid a ON a.src = 4 AND a.i = e.i AND a.sub = e.id AND a.seq = e.seq
JOIN g_cp cp ON cp.id = e.id
LEFT JOIN g_person ow ON ow.id = e.owner_id
LEFT JOIN g_person ob ON ob.id = e.owner_before
LEFT JOIN slips sl ON sl.id = e.id;

INSERT INTO audit_log (id, at, recorded_on, actor, project_id, entity,
    entity_id, action, before, after)
OVERRIDING SYSTEM VALUE
SELECT a.aid, e.at, e.day, e.actor, e.project_id, 'handoff', e.key,
    e.action,
    pg_temp.hoj(k, pg_temp.ref(fb.id, fb.name, fb.left_on, e.day),
	pg_temp.ref(tb.id, tb.name, tb.left_on, e.day), e.url_before,
	e.offered_before, e.accepted_before, e.version - 1)::jsonb,
    pg_temp.hoj(k, pg_temp.ref(fp.id, fp.name, fp.left_on, e.day),
	pg_temp.ref(tp.id, tp.name, tp.left_on, e.day), e.url,
	e.offered_on, e.accepted_on, e.version)::jsonb
FROM (SELECT g_hev.*, lag(from_id) OVER w AS from_before,
    lag(to_id) OVER w AS to_before, lag(url) OVER w AS url_before,
    lag(offered_on) OVER w AS offered_before,
    lag(accepted_on) OVER w AS accepted_before
    FROM g_hev WINDOW w AS (PARTITION BY i, key ORDER BY seq)) e
JOIN g_aid a ON a.src = 5 AND a.i = e.i AND a.sub = e.kidx AND a.seq = e.seq
JOIN handoff_kinds k ON k.key = e.key
JOIN g_person fp ON fp.id = e.from_id
JOIN g_person tp ON tp.id = e.to_id
LEFT JOIN g_person fb ON fb.id = e.from_before
LEFT JOIN g_person tb ON tb.id = e.to_before;

DO $$
DECLARE
	r	record;
BEGIN
	FOR r IN SELECT * FROM g_index LOOP
		EXECUTE r.def;
	END LOOP;
	FOR r IN SELECT * FROM g_fk LOOP
		EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tbl,
		    r.conname, r.def);
	END LOOP;
END
$$;

-- Ids given above: the identities continue after them.
DO $$
BEGIN
	PERFORM setval(pg_get_serial_sequence(t, 'id'), m) FROM (VALUES
	    ('people', (SELECT max(id) FROM people)),
	    ('projects', (SELECT max(id) FROM projects)),
	    ('checkpoints', (SELECT max(id) FROM checkpoints)),
	    ('audit_log', (SELECT max(id) FROM audit_log))) v(t, m)
	WHERE m IS NOT NULL;
END
$$;

ALTER TABLE project_versions ENABLE TRIGGER ledger_project_versions;
ALTER TABLE plan_versions ENABLE TRIGGER ledger_plan_versions;
ALTER TABLE handoff_versions ENABLE TRIGGER ledger_handoff_versions;
ALTER TABLE audit_log ENABLE TRIGGER ledger_audit_log;
ALTER TABLE responsibilities ENABLE TRIGGER ledger_responsibilities;
ALTER TABLE checkpoint_versions ENABLE TRIGGER ledger_checkpoint_versions;
ALTER TABLE ownership_versions ENABLE TRIGGER ledger_ownership_versions;
ALTER TABLE person_versions ENABLE TRIGGER ledger_person_versions;

-- The organisation's own threshold: with about one person per two
-- projects, an engineer holds some twenty expected boxes on active
-- projects (the median), and a few (about one in twenty-five) more than
-- forty.  -v threshold=N sets another (the tests' small portfolios take
-- 8, so that someone is over it).  The trigger of settings marks every
-- item dirty for the ledger.
UPDATE settings SET value = :threshold WHERE key = 'overload_threshold';

COMMIT;

-- Statistics for the server's first queries (no query looks into the
-- audit log's records).
ANALYZE people, person_versions, projects, project_versions, stage_plans,
    plan_versions, stage_transitions, checkpoints, checkpoint_versions,
    checkpoint_slips, responsibilities, ownership, ownership_versions,
    handoffs, handoff_versions, audit_log (id, at, recorded_on, actor,
    project_id, entity, entity_id, action);
