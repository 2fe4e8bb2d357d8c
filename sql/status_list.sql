-- Bitstring Status List: the registrar's functions over an encodedList.
SET search_path = credreg, public;
\set VERBOSITY default
-- Lists shorter than 131,072 entries warn when created; the warning is shown
-- once, under "Sizes".
SET client_min_messages = error;

-- The default list is the specification's example (all zero, 131,072 entries).
SELECT status_list_create() = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA' AS spec_example;
SELECT status_list_length(status_list_create()) AS entries,
       status_list_set_bits(status_list_create()) AS set_bits;

-- Round trips: set, get, clear; index 0 is the most significant bit of byte 0.
CREATE TEMP TABLE l AS
  SELECT status_list_set(status_list_set(status_list_set(status_list_set(
           status_list_create(), 0, true), 7, true), 8, true), 131071, true) AS list;
SELECT status_list_set_bits(list) FROM l;
SELECT i, status_list_get(list, i) FROM l, unnest(ARRAY[0, 1, 6, 7, 8, 9, 131070, 131071]) AS i;
-- The text after "u" is base64url of a gzip stream: it decodes to the magic bytes 1f 8b.
SELECT substr(encode(decode(rpad(translate(substr(status_list_create(16), 2), '-_', '+/'),
       (length(status_list_create(16)) + 2) / 4 * 4, '='), 'base64'), 'hex'), 1, 4) AS gzip_magic;
SELECT status_list_set(list, 0, true) = list AS idempotent,
       status_list_set(status_list_set(status_list_set(status_list_set(
         list, 0, false), 7, false), 8, false), 131071, false) = status_list_create() AS cleared
  FROM l;
-- Setting every bit of a small list and clearing them again.
WITH RECURSIVE s(i, list) AS (
  SELECT 0, status_list_create(16)
  UNION ALL
  SELECT i + 1, status_list_set(list, i, true) FROM s WHERE i < 16)
SELECT status_list_set_bits(list), status_list_get(list, 15) FROM s WHERE i = 16;

-- Many bits at once.
SELECT status_list_set_bits(status_list_set(status_list_create(), ARRAY[131071, 0, 94567, 0], true)) AS set_many,
       status_list_set_bits(status_list_set(status_list_set(status_list_create(), ARRAY[1, 2, 3], true),
                                            ARRAY[2], false)) AS cleared_one,
       status_list_set(status_list_create(), '{}'::int[], true) = status_list_create() AS empty_array;
SELECT status_list_set(status_list_create(), ARRAY[5, 131072], true);
SELECT status_list_set(status_list_create(), ARRAY[5, NULL], true);
SELECT status_list_set(status_list_create(), ARRAY[[5], [6]], true);

-- Multi-bit statuses (statusSize > 1): status i occupies bits i*size .. i*size+size-1.
SELECT status_list_set_bits(status_list_set_status(status_list_create(8, 2), 1, 2, 3)) AS bits_of_status_1,
       status_list_get_status(status_list_set_status(status_list_create(8, 2), 5, 2, 2), 5, 2) AS status_5,
       status_list_get_status(status_list_set_status(status_list_create(8, 2), 5, 2, 2), 4, 2) AS status_4,
       status_list_length(status_list_create(8, 2)) AS bits;
SELECT status_list_set_status(status_list_create(8), 0, 2, 4);
SELECT status_list_get_status(status_list_create(8), 0, 0);
SELECT status_list_get_status(status_list_create(8), 0, 17);
SELECT status_list_get_status(status_list_create(8), 4, 2);

-- StatusList2021's un-prefixed base64url is read too; what is written is always multibase.
SELECT status_list_get('H4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA', 23) AS legacy_bit_23,
       status_list_set('H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA', 5, false) AS rewritten;

-- Sizes.
SELECT status_list_create(0);
SELECT status_list_create(-8);
SELECT status_list_create(134217736);
SELECT status_list_create(100);
SELECT status_list_create(1, 2);
SELECT status_list_create(67108872, 2);
RESET client_min_messages;
SELECT status_list_length(status_list_create(100000)) AS short_list;
SET client_min_messages = error;
SELECT status_list_length(status_list_create(134217728)) AS largest_list;

-- Index out of range.
SELECT status_list_get(status_list_create(), 131072);
SELECT status_list_get(status_list_create(), -1);
SELECT status_list_set(status_list_create(64), 64, true);
SELECT status_list_get(status_list_create(), 2147483647);

-- Bad multibase / base64url.
SELECT status_list_get('', 0);
SELECT status_list_get('u', 0);
SELECT status_list_get('zH4sIAAAAAAAAA', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA=', 0);
SELECT status_list_get('uH4sIAAAAAAAAA+3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADC oPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA', 0);
SELECT status_list_get(E'uH4sI\u00e9', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAAA', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAAAB', 0);

-- Not gzip: plain text, a zlib (RFC 1950) stream, a raw deflate stream.
SELECT status_list_get('uaGVsbG8gd29ybGQsIHRoaXMgaXMgbm90IGd6aXA', 0);
SELECT status_list_get('ueJztwTEBAAAAwqD1T20MH6AAAAAAAAAAAAAAAAAAAACAtwFAAAAB', 0);
SELECT status_list_get('u7cExAQAAAMKg9U9tDB-gAAAAAAAAAAAAAAAAAAAAgLcB', 0);

-- Corrupt gzip: a flipped CRC byte, a truncated stream, a wrong length trailer, trailing garbage.
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYfSVKsAQAAA', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AQ', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsBQAAA', 0);
SELECT status_list_get('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAAAAAA', 0);
-- A gzip stream of nothing.
SELECT status_list_get('uH4sIAAAAAAAAAwMAAAAAAAAAAAA', 0);

-- Two gzip members are one list (RFC 1952 section 2.2).
CREATE FUNCTION pg_temp.bytes(t text) RETURNS bytea LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT decode(rpad(translate(substr(t, 2), '-_', '+/'), (length(t) + 2) / 4 * 4, '='), 'base64') $$;
CREATE FUNCTION pg_temp.text_of(b bytea) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT 'u' || rtrim(translate(replace(encode(b, 'base64'), E'\n', ''), '+/', '-_'), '=') $$;
SELECT status_list_length(pg_temp.text_of(pg_temp.bytes(status_list_create(131072)) ||
                                          pg_temp.bytes(status_list_set(status_list_create(16), 3, true)))) AS two_members,
       status_list_set_bits(pg_temp.text_of(pg_temp.bytes(status_list_create(131072)) ||
                                            pg_temp.bytes(status_list_set(status_list_create(16), 3, true)))) AS set_bits;

-- Zip bombs fail cleanly at 16 MiB: a 32 KB member that inflates to 32 MiB,
-- and two members (16 MiB + 2 bytes) that together pass the cap by two bytes.
\set bomb `cat test/vectors/status/gzip-bomb-32MiB.txt`
SELECT length(:'bomb') AS bomb_chars;
SELECT status_list_get(:'bomb', 0);
SELECT status_list_get(pg_temp.text_of(pg_temp.bytes(status_list_create(134217728)) ||
                                       pg_temp.bytes(status_list_create(16))), 0);
