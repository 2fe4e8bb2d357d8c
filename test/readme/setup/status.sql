-- README examples, section Status lists: credentials(c jsonb) whose
-- credentialStatus entries point at entries 5, 6 and 7 of the list the
-- section's first example stores.
CREATE TABLE credentials (c jsonb NOT NULL);
INSERT INTO credentials
SELECT jsonb_build_object('credentialStatus', jsonb_build_object(
		'type', 'BitstringStatusListEntry', 'statusPurpose', 'revocation',
		'statusListIndex', i::text,
		'statusListCredential', 'https://reg.example.edu/status/1'))
  FROM generate_series(5, 7) i;
