-- N-Quads parsing and canonical N-Quads serialization through credreg.rdfc.

-- Canonical form: one space between terms, xsd:string dropped, language
-- tags kept as written, lines sorted in code point order, final LF.
SELECT credreg.rdfc(E'<http://ex/s>\t<http://ex/p>   "b"^^<http://www.w3.org/2001/XMLSchema#string>.\n'
	'<http://ex/s> <http://ex/p> "a"@en-GB <http://ex/g> .   # a comment\n'
	'# a comment line\n\n'
	'<http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .');
-- Language tags with a base direction (RDF 1.2) are kept as written.
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "x"@ar-EG--rtl .\n');
-- Escapes in: ECHAR and UCHAR; out: ECHAR for BS HT LF FF CR " \, \u with
-- uppercase HEX for the other controls, DEL, U+FFFE and U+FFFF, and the
-- character itself for everything else (\' and \u00E9 become ' and é).
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "\\t\\b\\n\\r\\f\\"\\''\\\\ \\u0000\\u0007\\u000B\\u001F\\u007F \\u00E9\\U0001F600 \\uFFFE\\uFFFF" .\n');
-- UCHAR in an IRI is decoded.
SELECT credreg.rdfc(E'<http://ex/\\u00E9> <http://ex/p> <http://ex/\\U0001F600> .\n');
-- Duplicate quads are one quad (a dataset is a set); CR LF line ends.
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o> .\r\n<http://ex/s> <http://ex/p> <http://ex/o> .\r\n');
-- Blank nodes get canonical labels; the map gives them by input label.
SELECT credreg.rdfc(E'_:x <http://ex/p> _:y .\n_:y <http://ex/q> "v" _:g .\n');
SELECT credreg.rdfc_issued_identifiers(E'_:x <http://ex/p> _:y .\n_:y <http://ex/q> "v" _:g .\n');
-- A blank node label may contain dots, but not end with one: "_:d." is
-- the label d and the final dot, so the second statement has a stray IRI.
SELECT credreg.rdfc_issued_identifiers(E'_:a.b.c <http://ex/p> _:d.\n');
SELECT credreg.rdfc_issued_identifiers(E'_:a.b.c <http://ex/p> _:d.<http://ex/g>.\n');
-- Empty documents, and comments only.
SELECT credreg.rdfc('') = '' AS empty, credreg.rdfc(E'# nothing\n') = '' AS comment_only;
SELECT credreg.rdfc_issued_identifiers('');
-- A VERSION directive is accepted and ignored.
SELECT credreg.rdfc(E'VERSION "1.2"\n<http://ex/s> <http://ex/p> <http://ex/o> .\n');
-- The hash may be SHA-384 (names: sha256, sha-256, sha384, sha-384, any case).
SELECT credreg.rdfc(E'_:a <http://ex/p> _:b .\n_:b <http://ex/p> _:c .\n', 'sha384');
SELECT credreg.rdfc(E'_:a <http://ex/p> "x" .\n', 'SHA-256') = credreg.rdfc(E'_:a <http://ex/p> "x" .\n') AS same;

-- Errors, with line and column (SQLSTATE 22P02).
-- missing dot at the end of a document without a final EOL
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> "1"');
\echo :LAST_ERROR_SQLSTATE
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/p> <http://ex/o>\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex /o> .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o .\n');
SELECT credreg.rdfc(E'<s> <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "open .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "bad \\x escape" .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "bad \\u12G4" .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "surrogate \\uD800" .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "x"@ .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> "x"^^xsd:string .\n');
SELECT credreg.rdfc(E'<http://ex/\\u0020> <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'<http://ex/\\n> <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'_:-a <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'_a <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'"lit" <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'<http://ex/s> _:p <http://ex/o> .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o> "g" .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o> . <http://ex/s> <http://ex/p> <http://ex/o> .\n');
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <<( <http://ex/a> <http://ex/b> <http://ex/c> )>> .\n');
-- columns count characters, not bytes
SELECT credreg.rdfc(E'<http://ex/é> <http://ex/p> "é" x\n');

-- Hash argument.
SELECT credreg.rdfc(E'<http://ex/s> <http://ex/p> <http://ex/o> .\n', 'md5');
\echo :LAST_ERROR_SQLSTATE
SELECT credreg.rdfc_issued_identifiers('', 'sha512');
SELECT credreg.rdfc(NULL) IS NULL AS strict;

-- The work limit.
SET credreg.rdfc_max_work = 1;
SELECT credreg.rdfc(E'_:a <http://ex/p> _:b .\n_:b <http://ex/p> _:a .\n');
\echo :LAST_ERROR_SQLSTATE
RESET credreg.rdfc_max_work;
SELECT credreg.rdfc(E'_:a <http://ex/p> _:b .\n_:b <http://ex/p> _:a .\n');
-- A list of 100 identical items (a chain of blank nodes that all have the
-- same first degree hash) costs O(n^3); the limit refuses it (60 pass).
SELECT credreg.rdfc(string_agg(format('_:l%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "x" .
_:l%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> %s .', i, i,
	CASE WHEN i = 99 THEN '<http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>' ELSE '_:l' || (i + 1) END), E'\n'))
  FROM generate_series(0, 99) i;
-- The document size limit.
SET credreg.max_document_bytes = 1024;
SELECT credreg.rdfc(repeat(E'<http://ex/s> <http://ex/p> <http://ex/o> .\n', 30));
\echo :LAST_ERROR_SQLSTATE
RESET credreg.max_document_bytes;
