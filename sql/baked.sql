-- credreg.extract_baked: the credential baked into a PNG or SVG badge, for
-- 1EdTech's sample images (test/vectors/baked/SOURCE.md) and hand-made
-- malformed ones; exact errors.
SET search_path = credreg, public;
\set VERBOSITY default
\set ob20_png `base64 -w0 test/vectors/baked/simple-badge.png`
\set plain_png `base64 -w0 test/vectors/baked/robotics-badge.png`
\set json_png `base64 -w0 test/vectors/baked/simple-json.png`
\set jwt_png `base64 -w0 test/vectors/baked/simple-jwt.png`
\set jwt1_png `base64 -w0 test/vectors/baked/simple-jwt_v1.png`
\set json_svg `base64 -w0 test/vectors/openbadges-1edtech/validator-samples/ob30/simple-json.svg`
\set jwt_svg `base64 -w0 test/vectors/openbadges-1edtech/validator-samples/ob30/simple-jwt.svg`
\set jwt1_svg `base64 -w0 test/vectors/openbadges-1edtech/validator-samples/ob30/simple-jwt_v1.svg`
\set compressed `base64 -w0 test/vectors/baked/compressed-itxt.png`
\set two `base64 -w0 test/vectors/baked/two-credentials.png`
\set badcrc `base64 -w0 test/vectors/baked/bad-crc.png`
\set badzlib `base64 -w0 test/vectors/baked/bad-zlib.png`
\set truncated `base64 -w0 test/vectors/baked/truncated.png`

-- 1. The 1EdTech samples: OB 3.0 JSON (PNG and SVG), OB 3.0 JWS (PNG, and
-- SVG verify attributes), OB 2.0 hosted assertion JSON (PNG).
CREATE TEMP TABLE sample AS
SELECT name, extract_baked(decode(img, 'base64')) AS t FROM (VALUES
  ('simple-json.png', :'json_png'), ('simple-json.svg', :'json_svg'),
  ('simple-jwt.png', :'jwt_png'), ('simple-jwt.svg', :'jwt_svg'),
  ('simple-jwt_v1.png', :'jwt1_png'), ('simple-jwt_v1.svg', :'jwt1_svg'),
  ('ob20 simple-badge.png', :'ob20_png'), ('ob20 robotics-badge.png (not baked)', :'plain_png')) AS v(name, img);
SELECT name, length(t) AS chars, left(t, 1) AS starts,
       CASE WHEN left(t, 1) = '{' THEN t::jsonb->>'id'
            ELSE (credential_payload(t))->>'id' END AS credential_id,
       CASE WHEN left(t, 1) = '{' THEN t::jsonb->'type'
            ELSE (credential_payload(t))->'type' END AS type
  FROM sample ORDER BY name;
-- the PNG and the SVG of simple-json hold the same credential
SELECT (SELECT t::jsonb FROM sample WHERE name = 'simple-json.png') =
       (SELECT t::jsonb FROM sample WHERE name = 'simple-json.svg') AS same_credential;
-- what was baked is what credreg verifies: the JWS samples carry their RSA key in the header
SELECT name, (verify(t, '2026-06-01T00:00:00Z')).format, verify_proof(t, (convert_from(base64url_decode(split_part(t, '.', 1)), 'UTF8')::jsonb->'jwk')::text::pubkey) AS signature_ok
  FROM sample WHERE left(t, 3) = 'eyJ' ORDER BY name;

-- 2. PNG: a compressed iTXt is inflated; two badge chunks, a damaged CRC,
-- a bad zlib stream, a truncated file are errors.
SELECT extract_baked(decode(:'compressed', 'base64')) = (SELECT t FROM sample WHERE name = 'ob20 simple-badge.png') AS compressed_same;
SELECT extract_baked(decode(:'two', 'base64'));
SELECT extract_baked(decode(:'badcrc', 'base64'));
SELECT extract_baked(decode(:'badzlib', 'base64'));
SELECT extract_baked(decode(:'truncated', 'base64'));
SELECT extract_baked('\x89504e470d0a1a0a'::bytea);
SELECT extract_baked(convert_to('GIF89a', 'UTF8'));
SELECT extract_baked(''::bytea);

-- 3. SVG: comments, CDATA and attribute values never count as the element;
-- entities are decoded; content wins over verify; errors.
SELECT extract_baked(convert_to(s, 'UTF8')) FROM (VALUES
  ('<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><!-- <openbadges:credential verify="fake"/> --><openbadges:credential verify="eyJ&#x41;&amp;b&quot;&#65;"/></svg>'),
  ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<openbadges:credential verify=''no''/>">]><svg title="<openbadges:credential verify=&quot;no&quot;/>"><openbadges:assertion verify="https://example.org/a.json">  <![CDATA[{"a": "<&>"}]]> </openbadges:assertion></svg>'),
  ('<svg><openbadges:assertion verify=''https://example.org/a.json''></openbadges:assertion ></svg>'),
  ('<svg><openbadges:credential>{&quot;x&quot;: 1}</openbadges:credential></svg>'),
  ('<svg><![CDATA[<openbadges:credential verify="no"/>]]><g/></svg>')) AS v(s);
SELECT extract_baked(convert_to('<svg><openbadges:credential verify="a"/><openbadges:assertion verify="b"/></svg>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><openbadges:credential><![CDATA[{}]]>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><openbadges:credential/></svg>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><openbadges:credential verify=x/></svg>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><openbadges:credential verify="&bogus;"/></svg>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><openbadges:credential verify="&#xD800;"/></svg>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><openbadges:credential><b>x</b></openbadges:credential></svg>', 'UTF8'));
SELECT extract_baked(convert_to('<svg><!-- open', 'UTF8'));
SELECT extract_baked(convert_to('<html><openbadges:credential verify="a"/></html>', 'UTF8'));
SELECT extract_baked('\x3c73766720613d22ff222f3e'::bytea);
