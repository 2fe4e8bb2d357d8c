-- credreg.pubkey_parse: keys without raising; a bulk load keeps the good
-- keys and says why each bad one was refused.
SET search_path = credreg, public;
CREATE TEMP TABLE incoming (n int, key_text text);
INSERT INTO incoming VALUES
  (1, 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6D'),
  (2, 'did:key:zDnaeyaV93nUYXS5NkkHb7RP4rn726DfZLHSwc2oXEmWcBgxk'),
  (3, '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'),
  (4, 'not a key'),
  (5, 'z6MkjFYgV5adu2L1GzBugy6tpBRW5W4CL2xNw7wWs3wpXL6'),
  (6, '{"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"}'),
  (7, '{"kty":"OKP","crv":"Ed25519","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}'),
  (8, 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq'),
  (9, '');
SELECT n, p.key, p.code, p.error FROM incoming, pubkey_parse(key_text) p ORDER BY n;
-- the same key as the type's input, for every key it accepts
SELECT count(*) AS same_as_cast FROM incoming, pubkey_parse(key_text) p WHERE p.key = key_text::pubkey AND n <= 3;
-- a bulk insert of the good keys, the bad ones reported instead
CREATE TEMP TABLE loaded AS SELECT n, (pubkey_parse(key_text)).key FROM incoming;
SELECT count(key) AS loaded, count(*) - count(key) AS refused FROM loaded;
SELECT pubkey_parse(NULL) IS NULL AS strict;
