-- Privileges, as README section "Privileges" writes them down: what PUBLIC
-- may execute, read and change (from the catalog), then what each role of
-- the README's recipes can and cannot do, statement by statement.  Roles are
-- created inside the transaction, which is rolled back.
BEGIN;
SELECT plan(40);
SET LOCAL client_min_messages = warning;

-- Runs q as role r; 'ok', or the SQLSTATE it failed with.
CREATE FUNCTION pg_temp.as_role(r name, q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('SET LOCAL ROLE %I', r);
	BEGIN
		EXECUTE q;
	EXCEPTION WHEN OTHERS THEN
		RESET ROLE;
		RETURN SQLSTATE;
	END;
	RESET ROLE;
	RETURN 'ok';
END $$;

CREATE TEMP VIEW ext_member AS
SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = 'credreg';

-- PUBLIC, from the catalog.  The exceptions are deliberate, each for its
-- reason: the importers read server files; log_append and log_append_many
-- are SECURITY DEFINER (they write log_entry and log_subtree, which nobody
-- else may write, so that no one can store an arbitrary subtree hash) and so
-- are granted to the roles that may append; the *_impl functions are the SQL
-- bodies of functions taking a private key, called only through their C
-- entry points (which keep the key out of the server log); signing_key holds
-- private keys, readable by its owner alone.
SELECT set_eq(
	$$SELECT p.oid::regprocedure::text FROM pg_proc p JOIN ext_member m ON m.objid = p.oid
	   WHERE m.classid = 'pg_proc'::regclass AND NOT has_function_privilege('public', p.oid, 'EXECUTE')$$,
	ARRAY['credreg.import_esco(text)', 'credreg.import_onet(text)',
		  'credreg.import_esco_skills(text)', 'credreg.import_esco_occupations(text)',
		  'credreg.import_onet_content(text)', 'credreg.import_onet_occupations(text)',
		  'credreg.import_occupation_crosswalk(text)',
		  'credreg.taxonomy_read_file(text,boolean)', 'credreg.taxonomy_read_onet(text,text)',
		  'credreg.taxonomy_read_optional(text,boolean)', 'credreg.taxonomy_read_text(text)',
		  'credreg.taxonomy_snapshot_refresh()',
		  'credreg.log_append(bytea)', 'credreg.log_append_many(bytea[])',
		  'credreg.log_signed_head_impl(text)',
		  'credreg.status_list_update_impl(text,integer[],boolean,text,text,text)',
		  'credreg.status_list_revoke_impl(text,integer[],text,text)',
		  'credreg.status_list_suspend_impl(text,integer[],text,text)',
		  'credreg.status_list_reinstate_impl(text,integer[],text,text)'],
	'PUBLIC executes every function but those that read server files, append to the log or hold a key''s SQL body');
SELECT set_eq(
	$$SELECT p.oid::regprocedure::text FROM pg_proc p JOIN ext_member m ON m.objid = p.oid
	   WHERE m.classid = 'pg_proc'::regclass AND p.prosecdef$$,
	ARRAY['credreg.log_append(bytea)', 'credreg.log_append_many(bytea[])',
		  'credreg.registry_added()', 'credreg.registry_status_list_changed()',
		  'credreg.registry_issuer_changed()', 'credreg.registry_context_changed()',
		  'credreg.registry_taxonomy_changed()', 'credreg.registry_truncated()'],
	'no function is SECURITY DEFINER but the two that append to the Merkle log and the registry triggers that keep derived rows current');
SELECT set_eq(
	$$SELECT c.oid::regclass::text FROM pg_class c JOIN ext_member m ON m.objid = c.oid
	   WHERE m.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'v')
		 AND NOT has_table_privilege('public', c.oid, 'SELECT')$$,
	ARRAY['credreg.signing_key', 'credreg.credential', 'credreg.credential_status', 'credreg.learner',
		  'credreg.registrar_report'],
	'PUBLIC reads every table but signing_key (private keys) and the registry''s personal data');
SELECT is_empty(
	$$SELECT c.oid::regclass::text FROM pg_class c JOIN ext_member m ON m.objid = c.oid
	   WHERE m.classid = 'pg_class'::regclass
		 AND (has_table_privilege('public', c.oid, 'INSERT') OR has_table_privilege('public', c.oid, 'UPDATE')
			  OR has_table_privilege('public', c.oid, 'DELETE') OR has_table_privilege('public', c.oid, 'TRUNCATE')
			  OR has_table_privilege('public', c.oid, 'REFERENCES') OR has_table_privilege('public', c.oid, 'TRIGGER')
			  OR (c.relkind = 'S' AND has_sequence_privilege('public', c.oid, 'USAGE')))$$,
	'PUBLIC changes no table and draws from no sequence');
SELECT ok(has_schema_privilege('public', 'credreg', 'USAGE') AND NOT has_schema_privilege('public', 'credreg', 'CREATE'),
	'PUBLIC uses the schema and creates nothing in it');

-- The roles of the README's recipes.
CREATE ROLE credreg_priv_recruiter NOLOGIN;
CREATE ROLE credreg_priv_registrar NOLOGIN;
GRANT INSERT, UPDATE, DELETE ON credreg.trusted_issuer, credreg.issuer_key, credreg.status_list,
	credreg.context TO credreg_priv_registrar;
GRANT EXECUTE ON FUNCTION credreg.log_append(bytea), credreg.log_append_many(bytea[]) TO credreg_priv_registrar;
CREATE ROLE credreg_priv_importer NOLOGIN;
GRANT INSERT, UPDATE, DELETE ON credreg.framework, credreg.competency, credreg.competency_label,
	credreg.competency_relation, credreg.occupation_requirement TO credreg_priv_importer;
GRANT USAGE ON SEQUENCE credreg.competency_id_seq TO credreg_priv_importer;
GRANT EXECUTE ON FUNCTION credreg.import_esco(text), credreg.import_onet(text),
	credreg.import_esco_skills(text), credreg.import_esco_occupations(text),
	credreg.import_onet_content(text), credreg.import_onet_occupations(text),
	credreg.import_occupation_crosswalk(text),
	credreg.taxonomy_read_file(text, boolean), credreg.taxonomy_read_text(text),
	credreg.taxonomy_read_optional(text, boolean),
	credreg.taxonomy_read_onet(text, text) TO credreg_priv_importer;
GRANT pg_read_server_files TO credreg_priv_importer;
CREATE ROLE credreg_priv_owner NOLOGIN;
GRANT ALL ON ALL TABLES IN SCHEMA credreg TO credreg_priv_owner WITH GRANT OPTION;
GRANT ALL ON ALL SEQUENCES IN SCHEMA credreg TO credreg_priv_owner WITH GRANT OPTION;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA credreg TO credreg_priv_owner WITH GRANT OPTION;
GRANT pg_read_server_files TO credreg_priv_owner;

-- a status list, a taxonomy and a credential to read
INSERT INTO credreg.status_list (url, credential)
VALUES ('https://priv.example.edu/status/1',
		credreg.sign(credreg.status_list_credential('https://priv.example.edu/status/1', 'revocation',
			credreg.status_list_create(), 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
			'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-jcs-2022',
			'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'));
INSERT INTO credreg.framework (key, name) VALUES ('privtest', 'Privileges test');
INSERT INTO credreg.competency (framework, uri, code, label, kind)
VALUES ('privtest', 'urn:priv:a', 'a', 'A', 'skill'), ('privtest', 'urn:priv:b', 'b', 'B', 'skill');
INSERT INTO credreg.competency_relation (src, dst, kind)
SELECT credreg.competency_id('urn:priv:a'), credreg.competency_id('urn:priv:b'), 'broader';
CREATE TEMP TABLE cred AS
SELECT credreg.sign(jsonb_build_object('@context', jsonb_build_array('https://www.w3.org/ns/credentials/v2'),
		'type', jsonb_build_array('VerifiableCredential'),
		'issuer', 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
		'credentialSubject', jsonb_build_object('id', 'urn:learner:1'),
		'credentialStatus', jsonb_build_object('type', 'BitstringStatusListEntry',
			'statusPurpose', 'revocation', 'statusListIndex', '3',
			'statusListCredential', 'https://priv.example.edu/status/1')),
	'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq', 'eddsa-jcs-2022',
	'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2') AS c;
GRANT SELECT ON cred TO PUBLIC;
SELECT credreg.ingest(c) FROM cred;

-- recruiter (read-only: PUBLIC's privileges and nothing more)
SELECT is(pg_temp.as_role('credreg_priv_recruiter',
	$q$DO $d$ BEGIN ASSERT (SELECT (credreg.verify(c)).status = 'active' FROM cred); END $d$$q$),
	'ok', 'recruiter verifies, status list read');
SELECT is(pg_temp.as_role('credreg_priv_recruiter',
	$q$DO $d$ BEGIN ASSERT credreg.skills(ARRAY['urn:priv:a'], ARRAY[2]) OPERATOR(credreg.@>) credreg.skills(ARRAY['urn:priv:a'])
		AND credreg.closure(credreg.skills(ARRAY['urn:priv:a'])) OPERATOR(credreg.@>) credreg.skills(ARRAY['urn:priv:b'])
		AND (credreg.match(credreg.skills(ARRAY['urn:priv:a']), credreg.skills(ARRAY['urn:priv:b'])) ->> 'score')::float8 = 1; END $d$$q$),
	'ok', 'recruiter matches over the taxonomy');
SELECT is(pg_temp.as_role('credreg_priv_recruiter',
	$$SELECT credreg.stack_evaluate('{"id": "r", "root": {"type": "items", "id": "x", "select": {"tag": "t"}}}'::credreg.stackrule, '[]'::jsonb)$$),
	'ok', 'recruiter evaluates stacks');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', 'SELECT count(*) FROM credreg.trusted_issuer, credreg.issuer_key, credreg.status_list, credreg.context, credreg.competency_label'),
	'ok', 'recruiter reads the registry tables');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$INSERT INTO credreg.trusted_issuer (issuer) VALUES ('did:example:x')$$),
	'42501', 'recruiter cannot add a trusted issuer');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$UPDATE credreg.status_list SET credential = credential$$),
	'42501', 'recruiter cannot change a status list');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$DELETE FROM credreg.context WHERE NOT builtin$$),
	'42501', 'recruiter cannot remove a context');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$INSERT INTO credreg.competency (framework, uri, label, kind) VALUES ('privtest', 'urn:priv:c', 'C', 'skill')$$),
	'42501', 'recruiter cannot change the taxonomy');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$SELECT credreg.import_esco('/nonexistent')$$),
	'42501', 'recruiter cannot import');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$SELECT credreg.taxonomy_read_text('/etc/hostname')$$),
	'42501', 'recruiter cannot read server files');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$CREATE TABLE credreg.mine (x int)$$),
	'42501', 'recruiter cannot create objects in the schema');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$TRUNCATE credreg.competency_relation$$),
	'42501', 'recruiter cannot truncate');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$SELECT credreg.log_append(sha256('priv leaf'))$$),
	'42501', 'recruiter cannot append to the Merkle log');

-- registrar: trust list, keys, status lists, contexts
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$INSERT INTO credreg.trusted_issuer (issuer) VALUES ('did:example:priv')$$),
	'ok', 'registrar adds a trusted issuer');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$INSERT INTO credreg.issuer_key (key_id, issuer, public_key) VALUES ('https://priv.example.edu/k', 'did:example:priv', 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')$$),
	'ok', 'registrar adds a key');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$UPDATE credreg.trusted_issuer SET revoked_at = now() WHERE issuer = 'did:example:priv'$$),
	'ok', 'registrar revokes an issuer');
SELECT is(pg_temp.as_role('credreg_priv_registrar',
	$$UPDATE credreg.status_list SET credential = credreg.sign(credreg.status_list_credential(url, 'revocation',
		credreg.status_list_set(encoded_list, 3, true), issuer), 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq',
		'eddsa-jcs-2022', 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')
	  WHERE url = 'https://priv.example.edu/status/1'$$),
	'ok', 'registrar signs and stores a status list');
SELECT is((SELECT (credreg.verify(c)).status FROM cred), 'revoked', 'the registrar''s revocation is seen');
SELECT is((SELECT status FROM credreg.credential), 'revoked',
	'and the registry''s stored verdict follows, though the registrar has no right on credreg.credential');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', 'SELECT count(*) FROM credreg.credential'),
	'42501', 'recruiter cannot read stored credentials (personal data) unless granted');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$INSERT INTO credreg.context (url, document) VALUES ('https://priv.example.edu/ctx', '{"@context": {}}')$$),
	'ok', 'registrar adds a context');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$DELETE FROM credreg.context WHERE url = 'https://www.w3.org/ns/credentials/v2'$$),
	'42501', 'registrar cannot remove a builtin context (the trigger refuses)');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$INSERT INTO credreg.framework (key, name) VALUES ('mine', 'Mine')$$),
	'42501', 'registrar cannot change the taxonomy');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$SELECT credreg.import_onet('/nonexistent')$$),
	'42501', 'registrar cannot import');
SELECT is(pg_temp.as_role('credreg_priv_registrar', $$SELECT credreg.log_append_many(ARRAY[sha256('priv leaf')])$$),
	'ok', 'registrar appends to the Merkle log (SECURITY DEFINER: it cannot write the tables itself)');

-- importer: the taxonomy tables and the importers
SELECT is(pg_temp.as_role('credreg_priv_importer',
	$$SELECT credreg.import_case('{"CFDocument": {"identifier": "d1", "uri": "urn:case:priv", "title": "Doc"},
		"CFItems": [{"identifier": "i1", "uri": "urn:case:priv:i1", "fullStatement": "Item one"}]}', 'privcase')$$),
	'ok', 'importer imports a CASE package');
SELECT is(pg_temp.as_role('credreg_priv_importer', $$SELECT credreg.import_esco('relative/path')$$),
	'22023', 'importer may call import_esco (which refuses a relative path)');
SELECT is(pg_temp.as_role('credreg_priv_importer', $$INSERT INTO credreg.trusted_issuer (issuer) VALUES ('did:example:imp')$$),
	'42501', 'importer cannot add a trusted issuer');
SELECT is(pg_temp.as_role('credreg_priv_importer', $$UPDATE credreg.status_list SET credential = credential$$),
	'42501', 'importer cannot change a status list');

-- registry owner: everything on the data, and grants it on
SELECT is(pg_temp.as_role('credreg_priv_owner', $$INSERT INTO credreg.trusted_issuer (issuer) VALUES ('did:example:owner')$$),
	'ok', 'owner adds a trusted issuer');
SELECT is(pg_temp.as_role('credreg_priv_owner', $$INSERT INTO credreg.competency (framework, uri, label, kind) VALUES ('privtest', 'urn:priv:o', 'O', 'skill')$$),
	'ok', 'owner changes the taxonomy');
SELECT is(pg_temp.as_role('credreg_priv_owner', $$SELECT credreg.import_esco('relative/path')$$),
	'22023', 'owner may import');
SELECT is(pg_temp.as_role('credreg_priv_owner', $$GRANT INSERT ON credreg.context TO credreg_priv_recruiter$$),
	'ok', 'owner grants a privilege on');
SELECT is(pg_temp.as_role('credreg_priv_recruiter', $$INSERT INTO credreg.context (url, document) VALUES ('https://priv.example.edu/ctx2', '{"@context": {}}')$$),
	'ok', 'and the grantee uses it');
SELECT is(pg_temp.as_role('credreg_priv_owner', $$DROP TABLE credreg.context$$),
	'42501', 'owner cannot drop the extension''s tables');

SELECT * FROM finish();
ROLLBACK;
