/*
 * fuzz_merkle.c
 *		libFuzzer harness for the bounded CBOR reader (src/util/cbor.c) and
 *		the MerkleProof2019 proofValue decoder built on it, and the
 *		Blockcerts v2 MerkleProof2017 signature decoder
 *		(src/blockcerts/merkle_proof.c).
 *
 * FUZZ_SOURCES: src/util/cbor.c src/blockcerts/merkle_proof.c src/util/encoding.c src/crypto/keys.c src/crypto/jwk.c src/crypto/sig.c src/json/parse.c src/json/tree.c src/json/jcs.c
 *
 * The first input byte chooses the mode; the rest is
 *   0: raw bytes given to crcbor_decode;
 *   1: raw bytes encoded base58btc with a 'z' prefix, then decoded as a
 *      proofValue (so the fuzzer reaches the CBOR and keymap layers);
 *   2: the bytes as proofValue text;
 *   3: the bytes as JSON text, decoded as a MerkleProof2017 signature.
 * Checked on every input:
 * - nothing raises; a refusal has the code "malformed" and a message;
 * - a decoded CBOR item's strings lie inside the input and its counts are
 *   bounded by the input's length;
 * - a decoded proof has at most CRBC_MAX_PATH steps and CRBC_MAX_ANCHORS
 *   anchors, each with a chain and a transaction, at least one anchor, and
 *   its Merkle root can be computed.
 */
#include "postgres.h"

#include "blockcerts/blockcerts.h"
#include "util/cbor.h"
#include "util/encoding.h"

#include "pg_shim.h"

typedef struct Case
{
	int			mode;
	const uint8 *data;
	size_t		size;
	bool		ok;
	CrCbor	   *item;
	CrMerkleProof proof;
	CredregFailure failure;
} Case;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz_merkle: %s\n", what);
	abort();
}

static void
check_item(const CrCbor *item, const uint8 *start, size_t size, int depth)
{
	if (depth > CRCBOR_MAX_DEPTH + 1)
		fail("an item nests deeper than the bound");
	switch (item->kind)
	{
		case CRCBOR_BYTES:
		case CRCBOR_TEXT:
			if (item->data < start || item->data + item->len > start + size)
				fail("a string points outside the input");
			break;
		case CRCBOR_ARRAY:
		case CRCBOR_MAP:
			{
				size_t		n = item->kind == CRCBOR_MAP ? item->count * 2 : item->count;

				if (n > size)
					fail("more items than input bytes");
				for (size_t i = 0; i < n; i++)
					check_item(item->items[i], start, size, depth + 1);
				break;
			}
		case CRCBOR_TAG:
			check_item(item->items[0], start, size, depth + 1);
			break;
		default:
			break;
	}
}

static void
run_case(void *arg)
{
	Case	   *c = arg;

	if (c->mode == 0)
	{
		c->ok = crcbor_decode(c->data, c->size, &c->item, &c->failure);
		if (c->ok)
			check_item(c->item, c->data, c->size, 0);
		return;
	}
	if (c->mode == 1)
	{
		StringInfoData s;

		initStringInfo(&s);
		appendStringInfoChar(&s, 'z');
		base58btc_append(&s, c->data, c->size);
		c->ok = crbc_decode_proof_value(s.data, s.len, &c->proof, &c->failure);
	}
	else if (c->mode == 2)
		c->ok = crbc_decode_proof_value((const char *) c->data, c->size, &c->proof, &c->failure);
	else
	{
		CrJson	   *sig = crjson_parse((const char *) c->data, c->size, &c->failure);

		c->ok = sig != NULL && crbc_decode_v2_signature(sig, &c->proof, &c->failure);
	}
	if (c->ok)
	{
		uint8		root[CR_SHA256_LEN];

		if (c->proof.npath < 0 || c->proof.npath > CRBC_MAX_PATH ||
			c->proof.nanchors < 1 || c->proof.nanchors > CRBC_MAX_ANCHORS)
			fail("a decoded proof is out of its bounds");
		for (int i = 0; i < c->proof.nanchors; i++)
			if (c->proof.anchors[i].chain == NULL || c->proof.anchors[i].transaction_id == NULL)
				fail("an anchor without chain or transaction");
		crbc_merkle_root(&c->proof, root);
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Case		c;

	if (size < 1 || size > 4096)
		return 0;
	memset(&c, 0, sizeof(c));
	c.mode = data[0] % 4;
	c.data = data + 1;
	c.size = size - 1;
	if (!pg_shim_run(run_case, &c))
		fail(pg_shim_last_error(NULL));
	if (!c.ok && (c.failure.code == NULL || c.failure.message == NULL ||
				  strcmp(c.failure.code, "malformed") != 0))
		fail("a refusal without the code malformed and a message");
	pg_shim_reset();
	return 0;
}
