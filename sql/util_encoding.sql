-- Byte encodings: base64url (RFC 4648 section 5, no padding, strict) and
-- base58btc (Bitcoin alphabet), through their SQL wrappers.
SET search_path = credreg, public;

-- RFC 4648 section 10 test vectors (base64url without the padding)
SELECT s, base64url_encode(convert_to(s, 'UTF8')) AS encoded,
       convert_from(base64url_decode(base64url_encode(convert_to(s, 'UTF8'))), 'UTF8') = s AS round_trip
  FROM unnest(ARRAY['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar']) s;
-- the URL-safe alphabet: 62 is '-', 63 is '_'
SELECT base64url_encode('\xfbff'::bytea) AS url_safe, base64url_decode('-_8') AS decoded;
-- every byte value at every offset and length up to 768 bytes: the same as
-- PostgreSQL's base64 with the URL-safe alphabet and no padding, and back
WITH bytes AS (SELECT string_agg(set_byte('\x00'::bytea, 0, i % 256), '' ORDER BY i) AS b
                 FROM generate_series(0, 1023) i),
     cases AS (SELECT substr(b, 1 + n % 256, n) AS b FROM bytes, generate_series(0, 768) n)
SELECT count(*) AS cases,
       count(*) FILTER (WHERE base64url_encode(b) = translate(encode(b, 'base64'), E'+/=\n', '-_')) AS same_as_base64,
       count(*) FILTER (WHERE base64url_decode(base64url_encode(b)) = b) AS round_trips
  FROM cases;
-- strictness: padding, the standard alphabet, whitespace, a lone trailing
-- character, and non-zero trailing bits are all rejected
SELECT base64url_decode('Zm8=');
SELECT base64url_decode('Zg==');
SELECT base64url_decode('+/8');
SELECT base64url_decode('Zm9v YmFy');
SELECT base64url_decode('Zm9vY');
SELECT base64url_decode('Zh');
SELECT base64url_decode('Zm9');
SELECT base64url_decode(repeat('A', 60) || '!');

-- base58btc: the examples of draft-msporny-base58; leading zero bytes are '1's
SELECT base58btc_encode(convert_to('Hello World!', 'UTF8')) AS hello,
       base58btc_encode('\x0000287fb4cd'::bytea) AS leading_zeros,
       base58btc_encode(convert_to('The quick brown fox jumps over the lazy dog.', 'UTF8')) AS fox,
       base58btc_encode('\x0000'::bytea) AS zeros, base58btc_encode(''::bytea) AS empty;
SELECT base58btc_decode('2NEpo7TZRRrLZSi2U') = convert_to('Hello World!', 'UTF8') AS hello,
       base58btc_decode('11233QC4') AS leading_zeros, base58btc_decode('11') AS zeros;
-- random bytes round-trip
SELECT count(*) FILTER (WHERE base58btc_decode(base58btc_encode(b)) = b) AS round_trips
  FROM (SELECT '\x0000'::bytea || sha256(i::text::bytea) || substr(sha512(i::text::bytea), 1, i % 40) AS b
          FROM generate_series(1, 200) i) s;
-- characters outside the alphabet (0, O, I, l) and non-ASCII
SELECT base58btc_decode('2NEpo7TZRRrLZSi20');
SELECT base58btc_decode('O');
SELECT base58btc_decode('I');
SELECT base58btc_decode('l');
SELECT base58btc_decode('é');
-- the quadratic conversion is bounded
SELECT base58btc_decode(repeat('z', 4097));
