-- src/stack in a database that is not UTF8: rule text, jsonb awards,
-- stack_item rows and the output all meet in the model's UTF-8, so "café"
-- in a LATIN1 database matches and prints as "café" (it printed "cafÃ©" and
-- never matched when rule text was converted and the rest was not).  The
-- LATIN1 database is created here and reached through dblink.
SELECT plan(6);
CREATE EXTENSION IF NOT EXISTS dblink;
SELECT dblink_exec('dbname=' || current_database() || ' port=' || current_setting('port') ||
                   ' host=' || split_part(current_setting('unix_socket_directories'), ',', 1),
                   'DROP DATABASE IF EXISTS credreg_latin1');
SELECT dblink_exec('dbname=' || current_database() || ' port=' || current_setting('port') ||
                   ' host=' || split_part(current_setting('unix_socket_directories'), ',', 1),
                   'CREATE DATABASE credreg_latin1 TEMPLATE template0 ENCODING ''LATIN1'' LC_COLLATE ''C'' LC_CTYPE ''C''');
SELECT dblink_connect('latin1', 'dbname=credreg_latin1 port=' || current_setting('port') ||
                      ' host=' || split_part(current_setting('unix_socket_directories'), ',', 1));
SELECT dblink_exec('latin1', 'CREATE EXTENSION credreg');

SELECT is((SELECT v FROM dblink('latin1', $q$SELECT pg_encoding_to_char(encoding) FROM pg_database
                                            WHERE datname = current_database()$q$) AS t(v text)),
          'LATIN1', 'the remote database is LATIN1');
SELECT is((SELECT v FROM dblink('latin1', $q$SELECT '{"id": "r", "root": {"type": "items", "select": {"achievement": "café"}}}'::credreg.stackrule::text$q$) AS t(v text)),
          '{"id": "r", "root": {"type": "items", "select": {"achievement": "café"}, "minItems": 1}}',
          'stackrule_out prints café');
SELECT is((SELECT v FROM dblink('latin1', $q$SELECT credreg.stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"achievement": "café"}}}'::credreg.stackrule,
                                    '[{"id": "é1", "achievement": "café"}]'::jsonb, '2025-06-01')->'nodes'->0->>'assigned'$q$) AS t(v text)),
          '["é1"]', 'a text rule matches a jsonb award, and the explanation keeps é');
SELECT is((SELECT v FROM dblink('latin1', $q$SELECT credreg.stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"achievement": "café"}}}'::credreg.stackrule,
                                    ARRAY[ROW('é1', 'café', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::credreg.stack_item],
                                    '2025-06-01')->>'complete'$q$) AS t(v text)),
          'true', 'a text rule matches a stack_item row');
SELECT is((SELECT v FROM dblink('latin1', $q$SELECT credreg.stack_evaluate('{"id": "r", "root": {"type": "items", "select": {"achievement": "café"}}}'::jsonb::credreg.stackrule,
                                    '[{"id": "a", "achievement": "café"}]'::jsonb, '2025-06-01')->>'complete'$q$) AS t(v text)),
          'true', 'a jsonb rule matches too');
SELECT is((SELECT v FROM dblink('latin1', $q$SELECT achievement FROM credreg.next_best('{"id": "r", "root": {"type": "items", "select": {"tag": "x"}}}'::credreg.stackrule,
                                    '[]'::jsonb, '[{"achievement": "café", "tags": ["x"]}]'::jsonb, '2025-06-01')$q$) AS t(v text)),
          'café', 'next_best names the achievement in the database encoding');

SELECT dblink_disconnect('latin1');
SELECT dblink_exec('dbname=' || current_database() || ' port=' || current_setting('port') ||
                   ' host=' || split_part(current_setting('unix_socket_directories'), ',', 1),
                   'DROP DATABASE credreg_latin1');
SELECT * FROM finish();
