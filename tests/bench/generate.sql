-- generate.sql: a portfolio of :n projects for the benchmarks, made through
-- the api.* functions so that every version, slip and audit row is the
-- real thing.  Each project: the templates, about half its boxes filled by
-- a pool of people, a stage or two, a completed checkpoint, a slip and an
-- offered handoff, dated over the ten weeks before :'today'.
SELECT set_config('bench.n', :'n', false);
SELECT set_config('bench.today', :'today', false);

DO $$
DECLARE
	n	int := current_setting('bench.n')::int;
	today	date := current_setting('bench.today')::date;
	people	bigint[];
	pid	bigint;
	doc	json;
	i	int;
	k	int;
	r	record;
	day	date;
BEGIN
	FOR i IN 1..60 LOOP
		people := people || (api.person_create(jsonb_build_object(
		    'actor', 'bench', 'today', today - 400, 'body',
		    jsonb_build_object('name', 'Person ' || i, 'email',
		    'p' || i || '@bench.example', 'role',
		    (ARRAY['ds', 'mle', 'swe', 'pm'])[1 + i % 4])))->>'id')::bigint;
	END LOOP;

	FOR i IN 1..n LOOP
		day := today - 70 + (i % 50);
		doc := api.project_create(jsonb_build_object('actor', 'bench',
		    'today', day, 'body', jsonb_build_object(
		    'name', 'Project ' || i, 'pm_id', people[4 + 4 * (i % 15)],
		    'kickoff_on', day, 'target_launch_on', day + 90,
		    'spec', jsonb_build_object('decision', 'd' || i,
		    'primary_metric', 'm', 'fallback',
		    CASE WHEN i % 3 = 0 THEN NULL ELSE 'f' END))));
		pid := (doc->>'id')::bigint;

		k := 0;
		FOR r IN SELECT key, role FROM responsibilities,
		    LATERAL (VALUES ('ds', expects_ds), ('mle', expects_mle),
			('swe', expects_swe)) AS e(role, expected)
		    WHERE project_id = pid AND expected ORDER BY position LOOP
			k := k + 1;
			CONTINUE WHEN (k + i) % 2 = 0;
			PERFORM api.ownership_put(jsonb_build_object('actor',
			    'bench', 'today', day + 1, 'path',
			    jsonb_build_object('project', pid, 'key', r.key,
			    'role', r.role), 'body', jsonb_build_object(
			    'person_id', people[1 + (i * 7 + k) % 60])));
		END LOOP;

		PERFORM api.project_stage(jsonb_build_object('actor', 'bench',
		    'today', day + 10, 'path', jsonb_build_object('project',
		    pid), 'body', jsonb_build_object('stage', 'data')));
		PERFORM api.checkpoint_patch(jsonb_build_object('actor',
		    'bench', 'today', day + 14, 'path', jsonb_build_object(
		    'checkpoint', (doc->'checkpoints'->0->>'id')::bigint),
		    'body', jsonb_build_object('status', 'done')));
		PERFORM api.checkpoint_patch(jsonb_build_object('actor',
		    'bench', 'today', day + 15, 'path', jsonb_build_object(
		    'checkpoint', (doc->'checkpoints'->2->>'id')::bigint),
		    'body', jsonb_build_object('due_on', day + 40,
		    'reason', 'bench slip')));
		IF i % 2 = 0 THEN
			PERFORM api.project_stage(jsonb_build_object('actor',
			    'bench', 'today', day + 30, 'path',
			    jsonb_build_object('project', pid), 'body',
			    jsonb_build_object('stage', 'baseline')));
		END IF;
		PERFORM api.handoff_offer(jsonb_build_object('actor', 'bench',
		    'today', day + 20, 'path', jsonb_build_object('project',
		    pid, 'handoff', 'b'), 'body', jsonb_build_object(
		    'from_id', people[1], 'to_id', people[2])));
	END LOOP;
END
$$;
