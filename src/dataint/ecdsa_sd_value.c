/*
 * ecdsa_sd_value.c
 *		ecdsa-sd-2023 derived proof values (see ecdsa_sd.h).
 */
#include "postgres.h"

#include <limits.h>
#include <string.h>

#include "dataint/ecdsa_sd.h"
#include "util/encoding.h"

static bool
is_bytes(const CrCbor *c, size_t len)
{
	return c->kind == CRCBOR_BYTES && (len == 0 || c->len == len);
}

bool
crdi_ecdsa_sd_parse_derived(const char *proof_value, CrEcdsaSdDerived *d, CredregFailure *f)
{
	uint8	   *bytes;
	size_t		len;
	CrCbor	   *top;
	const CrCbor *a;
	const CrCbor *map;
	const CrCbor *idx;

	/* step 1: multibase base64url-no-pad */
	if (proof_value[0] != 'u' ||
		!base64url_decode(proof_value + 1, strlen(proof_value + 1), &bytes, &len))
		return credreg_fail(f, "malformed", "an ecdsa-sd-2023 proofValue is multibase base64url (u...)");
	if (!crcbor_decode(bytes, len, &top, f))
		return credreg_fail(f, "malformed", "ecdsa-sd-2023 proofValue: %s", f->message);
	if (top->kind != CRCBOR_TAG ||
		(top->value != ECDSA_SD_DERIVED_TAG && top->value != ECDSA_SD_BASE_TAG))
		return credreg_fail(f, "malformed", "the ecdsa-sd-2023 proofValue does not start with 0xd9 0x5d 0x00 or 0x01");
	if (top->value == ECDSA_SD_BASE_TAG)
		return credreg_fail(f, "malformed", "the ecdsa-sd-2023 proof value is a base proof, not a derived one");
	/* step 2: [baseSignature, publicKey, signatures, labelMap, mandatoryIndexes] */
	a = top->items[0];
	if (a->kind != CRCBOR_ARRAY || a->count != 5)
		return credreg_fail(f, "malformed", "an ecdsa-sd-2023 derived proof value is an array of 5 items");
	d->base_signature = a->items[0];
	d->public_key = a->items[1];
	d->signatures = a->items[2];
	map = a->items[3];
	idx = a->items[4];
	if (!is_bytes(d->base_signature, 64) || !is_bytes(d->public_key, P256_MULTIKEY_LEN) ||
		d->public_key->data[0] != 0x80 || d->public_key->data[1] != 0x24 ||
		d->signatures->kind != CRCBOR_ARRAY || map->kind != CRCBOR_MAP || idx->kind != CRCBOR_ARRAY)
		return credreg_fail(f, "malformed",
							"ecdsa-sd-2023 derived proof value: a 64-byte signature, a P-256 Multikey, an array of signatures, a label map and an array of indexes expected");
	for (size_t i = 0; i < d->signatures->count; i++)
		if (!is_bytes(d->signatures->items[i], 64))
			return credreg_fail(f, "malformed", "an ecdsa-sd-2023 statement signature is not 64 bytes");

	/* §3.5.6: c14n<key> -> u<base64url(value)> */
	d->nlabels = map->count;
	d->label_ids = palloc(sizeof(int) * Max(map->count, 1));
	d->labels = palloc(sizeof(char *) * Max(map->count, 1));
	for (size_t i = 0; i < map->count; i++)
	{
		const CrCbor *k = map->items[2 * i];
		const CrCbor *v = map->items[2 * i + 1];

		if (k->kind != CRCBOR_UINT || k->value > INT_MAX || !is_bytes(v, 0))
			return credreg_fail(f, "malformed", "an ecdsa-sd-2023 label map entry is not integer -> bytes");
		d->label_ids[i] = (int) k->value;
		d->labels[i] = psprintf("u%s", base64url_encode(v->data, v->len));
	}
	d->nmandatory = idx->count;
	d->mandatory = palloc(sizeof(int) * Max(idx->count, 1));
	for (size_t i = 0; i < idx->count; i++)
	{
		if (idx->items[i]->kind != CRCBOR_UINT || idx->items[i]->value > INT_MAX ||
			(i > 0 && idx->items[i]->value <= (uint64) d->mandatory[i - 1]))
			return credreg_fail(f, "malformed", "ecdsa-sd-2023 mandatory indexes are not increasing integers");
		d->mandatory[i] = (int) idx->items[i]->value;
	}
	return true;
}

bool
crdi_ecdsa_sd_is_base(const char *proof_value)
{
	/* base64url of 0xd9 0x5d 0x00 */
	return strncmp(proof_value, "u2V0A", 5) == 0;
}

bool
crdi_ecdsa_sd_parse_base(const char *proof_value, CrEcdsaSdBase *b, CredregFailure *f)
{
	uint8	   *bytes;
	size_t		len;
	CrCbor	   *top;
	const CrCbor *a;
	const CrCbor *ptrs;

	if (proof_value[0] != 'u' ||
		!base64url_decode(proof_value + 1, strlen(proof_value + 1), &bytes, &len))
		return credreg_fail(f, "malformed", "an ecdsa-sd-2023 proofValue is multibase base64url (u...)");
	if (!crcbor_decode(bytes, len, &top, f))
		return credreg_fail(f, "malformed", "ecdsa-sd-2023 proofValue: %s", f->message);
	if (top->kind != CRCBOR_TAG || top->value != ECDSA_SD_BASE_TAG)
		return credreg_fail(f, "malformed", "the ecdsa-sd-2023 base proofValue does not start with 0xd9 0x5d 0x00");
	/* step 4: [baseSignature, publicKey, hmacKey, signatures, mandatoryPointers] */
	a = top->items[0];
	if (a->kind != CRCBOR_ARRAY || a->count != 5)
		return credreg_fail(f, "malformed", "an ecdsa-sd-2023 base proof value is an array of 5 items");
	b->base_signature = a->items[0];
	b->public_key = a->items[1];
	b->hmac_key = a->items[2];
	b->signatures = a->items[3];
	ptrs = a->items[4];
	if (!is_bytes(b->base_signature, 64) || !is_bytes(b->public_key, P256_MULTIKEY_LEN) ||
		b->public_key->data[0] != 0x80 || b->public_key->data[1] != 0x24 ||
		!is_bytes(b->hmac_key, 32) || b->signatures->kind != CRCBOR_ARRAY || ptrs->kind != CRCBOR_ARRAY)
		return credreg_fail(f, "malformed",
							"ecdsa-sd-2023 base proof value: a 64-byte signature, a P-256 Multikey, a 32-byte HMAC key, an array of signatures and an array of JSON pointers expected");
	for (size_t i = 0; i < b->signatures->count; i++)
		if (!is_bytes(b->signatures->items[i], 64))
			return credreg_fail(f, "malformed", "an ecdsa-sd-2023 statement signature is not 64 bytes");
	b->npointers = ptrs->count;
	b->pointers = palloc(sizeof(char *) * Max(ptrs->count, 1));
	for (size_t i = 0; i < ptrs->count; i++)
	{
		const CrCbor *t = ptrs->items[i];

		if (t->kind != CRCBOR_TEXT || t->len == 0 || t->data[0] != '/' ||
			memchr(t->data, '\0', t->len) != NULL)
			return credreg_fail(f, "malformed", "an ecdsa-sd-2023 mandatory pointer is not a JSON pointer");
		b->pointers[i] = pnstrdup((const char *) t->data, t->len);
	}
	return true;
}
