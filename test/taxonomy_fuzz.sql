-- pgTAP: mutation fuzzing of the skillset and skillquery text input.  Every
-- mutated literal either parses (and then round-trips through its output)
-- or fails with invalid_text_representation / program_limit_exceeded;
-- anything else (another error, a crash) fails the suite.
BEGIN;
SELECT plan(4);
SET search_path = credreg, public;
SELECT setseed(0.314);

CREATE FUNCTION pg_temp.mutate(s text) RETURNS text LANGUAGE sql VOLATILE AS $$
	SELECT CASE floor(random() * 4)::int
		WHEN 0 THEN overlay(s PLACING substr('{}:,&|!()>= 0123456789-x', 1 + floor(random() * 25)::int, 1)
							FROM 1 + floor(random() * greatest(length(s), 1))::int FOR 1)
		WHEN 1 THEN overlay(s PLACING substr('{}:,&|!()>= 0123456789-x', 1 + floor(random() * 25)::int, 1)
							FROM 1 + floor(random() * (length(s) + 1))::int FOR 0)
		WHEN 2 THEN left(s, floor(random() * length(s))::int)
		ELSE overlay(s PLACING '' FROM 1 + floor(random() * greatest(length(s), 1))::int FOR 1) END
$$;

CREATE FUNCTION pg_temp.fuzz(seed_values text[], typ text, rounds int) RETURNS TABLE (ok int, rejected int, other text)
LANGUAGE plpgsql AS $$
DECLARE
	s text; v text; back text;
	n_ok int := 0; n_bad int := 0;
BEGIN
	FOR i IN 1..rounds LOOP
		s := seed_values[1 + floor(random() * cardinality(seed_values))::int];
		FOR k IN 0..floor(random() * 3)::int LOOP
			s := pg_temp.mutate(s);
		END LOOP;
		BEGIN
			EXECUTE format('SELECT %L::credreg.%s::text', s, typ) INTO v;
			EXECUTE format('SELECT %L::credreg.%s::text', v, typ) INTO back;
			IF back IS DISTINCT FROM v THEN
				RETURN QUERY SELECT n_ok, n_bad, format('no round trip: %s -> %s -> %s', s, v, back);
				RETURN;
			END IF;
			n_ok := n_ok + 1;
		EXCEPTION
			WHEN invalid_text_representation OR program_limit_exceeded THEN
				n_bad := n_bad + 1;
			WHEN OTHERS THEN
				RETURN QUERY SELECT n_ok, n_bad, format('%s: %s (input %s)', SQLSTATE, SQLERRM, s);
				RETURN;
		END;
	END LOOP;
	RETURN QUERY SELECT n_ok, n_bad, NULL::text;
END $$;

CREATE TEMP TABLE r_set AS SELECT * FROM pg_temp.fuzz(
	ARRAY['{12:3,40:1,7}', '{}', '{2147483647:100,1}', '{ 5 : 2 , 6 }', '{1:0,2:99,3:100}'], 'skillset', 3000);
CREATE TEMP TABLE r_query AS SELECT * FROM pg_temp.fuzz(
	ARRAY['12 & (40 | 7>=3) & !9', '!(1 | 2) & 3>=100', '((1))', '1|2|3&4', '!!5>=0'], 'skillquery', 3000);
SELECT is((SELECT other FROM r_set), NULL, 'skillset: 3,000 mutated literals parse and round-trip or are rejected cleanly');
SELECT ok((SELECT ok > 100 AND rejected > 100 FROM r_set), 'skillset: the fuzzing reached both outcomes');
SELECT is((SELECT other FROM r_query), NULL, 'skillquery: 3,000 mutated literals parse and round-trip or are rejected cleanly');
SELECT ok((SELECT ok > 100 AND rejected > 100 FROM r_query), 'skillquery: the fuzzing reached both outcomes');

SELECT * FROM finish();
ROLLBACK;
