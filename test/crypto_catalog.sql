-- crypto: catalog properties of the key functions, the pubkey type's
-- operator classes, and the pg_dump registration of the key tables.
BEGIN;
SELECT plan(16);
SET LOCAL search_path = credreg, public;

-- every function of the crypto and util fragments is marked deliberately
SELECT is(
	(SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text)
	   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
	  WHERE n.nspname = 'credreg'
		AND p.proname ~ '^(pubkey|verify_signature|sign_signature|base64url|base58btc|registered_key)'
		AND NOT (p.provolatile = 'i' AND p.proisstrict AND p.proparallel = 's')
		AND p.proname NOT IN ('sign_signature', 'registered_key')),
	NULL,
	'the pubkey, signature and encoding functions are IMMUTABLE STRICT PARALLEL SAFE');
SELECT cmp_ok(
	(SELECT count(*)::int FROM pg_proc p
	  WHERE p.pronamespace = 'credreg'::regnamespace
		AND p.proname ~ '^(pubkey|verify_signature|base64url|base58btc)'),
	'>=', 25, 'the check above covers the pubkey I/O, operator, form and encoding functions');
SELECT volatility_is('credreg', 'sign_signature', ARRAY['text', 'text', 'bytea'], 'volatile',
	'sign_signature is VOLATILE (ECDSA and PSS are randomized)');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'credreg.sign_signature(text,text,bytea)'::regprocedure),
	's', 'sign_signature is PARALLEL SAFE');
SELECT volatility_is('credreg', 'registered_key', ARRAY['text'], 'stable',
	'registered_key is STABLE (reads issuer_key)');
SELECT is((SELECT proparallel FROM pg_proc WHERE oid = 'credreg.registered_key(text)'::regprocedure),
	's', 'registered_key is PARALLEL SAFE');
SELECT ok((SELECT procost >= 1000 FROM pg_proc WHERE oid = 'credreg.verify_signature(credreg.pubkey,text,bytea,bytea)'::regprocedure),
	'verify_signature has a realistic COST');
SELECT is(
	(SELECT string_agg(proname || ':' || provolatile::text || proparallel::text, ',' ORDER BY proname)
	   FROM pg_proc WHERE pronamespace = 'credreg'::regnamespace
		AND proname IN ('key_cache_stats', 'key_cache_reset', 'keystore_cache_stats')),
	'key_cache_reset:vr,key_cache_stats:vr,keystore_cache_stats:vr',
	'the backend-local cache functions are VOLATILE PARALLEL RESTRICTED');
SELECT is(
	(SELECT count(*)::int FROM pg_proc p
	  WHERE p.pronamespace = 'credreg'::regnamespace
		AND (p.proname ~ '^(pubkey|key_cache|keystore|registered_key|verify_signature|sign_signature|base64url|base58btc)')
		AND obj_description(p.oid, 'pg_proc') IS NULL),
	0, 'every crypto function has a comment');

-- the type can be a primary key, a unique column, hashed and sorted
SELECT has_opclass('credreg', 'pubkey_ops', 'btree operator class pubkey_ops');
SELECT has_opclass('credreg', 'pubkey_hash_ops', 'hash operator class pubkey_hash_ops');
SELECT ok((SELECT opcdefault FROM pg_opclass WHERE opcname = 'pubkey_ops'), 'pubkey_ops is the default btree class');
SELECT ok((SELECT oprcanhash AND oprcanmerge FROM pg_operator
			WHERE oprname = '=' AND oprleft = 'credreg.pubkey'::regtype),
	'pubkey = supports hash and merge joins');

-- pg_dump keeps the rows of the registry tables
SELECT is(
	(SELECT array_agg(c::regclass::text ORDER BY c::regclass::text)
	   FROM pg_extension e, unnest(e.extconfig) c WHERE e.extname = 'credreg'
		AND c::regclass::text IN ('issuer_key', 'trusted_issuer', 'credreg.issuer_key', 'credreg.trusted_issuer')),
	ARRAY['issuer_key', 'trusted_issuer'],
	'issuer_key and trusted_issuer are registered with pg_extension_config_dump');

-- verification reads the tables as the caller: public keys are public
SELECT table_privs_are('credreg', 'issuer_key', 'public', ARRAY['SELECT'],
	'PUBLIC may read issuer_key');
SELECT table_privs_are('credreg', 'trusted_issuer', 'public', ARRAY['SELECT'],
	'PUBLIC may read trusted_issuer');

SELECT * FROM finish();
ROLLBACK;
