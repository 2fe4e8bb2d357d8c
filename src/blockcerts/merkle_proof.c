/*
 * merkle_proof.c
 *		Decoding a MerkleProof2019 proofValue (and a Blockcerts v2
 *		MerkleProof2017 signature) and walking its Merkle path (see
 *		blockcerts.h).  Pure: the libFuzzer harness test/fuzz/fuzz_merkle.c
 *		runs it on arbitrary input.
 *
 * The compressed form, as the Blockcerts fixtures carry it: the top item
 * is a list of [key, value] pairs (a CBOR map is accepted too); the value
 * of a hash or a transaction is a byte string holding a CBOR text item
 * (or the text item itself).
 */
#include "postgres.h"

#include "blockcerts/blockcerts.h"
#include "util/cbor.h"
#include "util/encoding.h"

/* Pairs of a compressed object: a map, or an array of 2-item arrays with an integer key. */
static bool
pair_at(const CrCbor *obj, size_t i, int64 *key, const CrCbor **value)
{
	const CrCbor *k;

	if (obj->kind == CRCBOR_MAP)
	{
		k = obj->items[2 * i];
		*value = obj->items[2 * i + 1];
	}
	else
	{
		const CrCbor *pair = obj->items[i];

		if (pair->kind != CRCBOR_ARRAY || pair->count != 2)
			return false;
		k = pair->items[0];
		*value = pair->items[1];
	}
	if (k->kind == CRCBOR_UINT && k->value <= PG_INT32_MAX)
		*key = (int64) k->value;
	else if (k->kind == CRCBOR_NEGINT && k->value < PG_INT32_MAX)
		*key = -1 - (int64) k->value;
	else
		return false;
	return true;
}

/* A step: a [key, value] array, or a map of exactly one pair. */
static bool
pair_of(const CrCbor *step, int64 *key, const CrCbor **value)
{
	CrCbor		wrapper;
	CrCbor	   *one = (CrCbor *) step;

	if (step->kind == CRCBOR_MAP)
		return step->count == 1 && pair_at(step, 0, key, value);
	if (step->kind != CRCBOR_ARRAY)
		return false;
	/* pair_at reads element i of a list of pairs: make a list of this one */
	memset(&wrapper, 0, sizeof(wrapper));
	wrapper.kind = CRCBOR_ARRAY;
	wrapper.count = 1;
	wrapper.items = &one;
	return pair_at(&wrapper, 0, key, value);
}

static bool
is_object(const CrCbor *v)
{
	return v->kind == CRCBOR_MAP || v->kind == CRCBOR_ARRAY;
}

/* A text value, either direct or wrapped in a byte string. */
static bool
text_value(const CrCbor *v, const uint8 **s, size_t *len)
{
	if (v->kind == CRCBOR_BYTES)
	{
		CrCbor	   *inner;
		CredregFailure ignored;

		if (!crcbor_decode(v->data, v->len, &inner, &ignored))
			return false;
		v = inner;
	}
	if (v->kind != CRCBOR_TEXT)
		return false;
	*s = v->data;
	*len = v->len;
	return true;
}

static int
hexval(uint8 c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Raw bytes wrapped in a byte string: the encoding of the earlier
 * Blockcerts v3.1 issuers (cert-verifier-js fixture mocknet-v3-valid), whose
 * hashes and transaction are CBOR byte strings inside the byte string
 * rather than hex text.
 */
static bool
wrapped_bytes(const CrCbor *v, const uint8 **s, size_t *len)
{
	CrCbor	   *inner;
	CredregFailure ignored;

	if (v->kind != CRCBOR_BYTES || !crcbor_decode(v->data, v->len, &inner, &ignored) ||
		inner->kind != CRCBOR_BYTES)
		return false;
	*s = inner->data;
	*len = inner->len;
	return true;
}

static bool
hash_value(const CrCbor *v, uint8 out[CR_SHA256_LEN])
{
	const uint8 *s;
	size_t		len;

	if (wrapped_bytes(v, &s, &len))
	{
		if (len != CR_SHA256_LEN)
			return false;
		memcpy(out, s, CR_SHA256_LEN);
		return true;
	}
	if (!text_value(v, &s, &len) || len != 2 * CR_SHA256_LEN)
		return false;
	for (int i = 0; i < CR_SHA256_LEN; i++)
	{
		int			hi = hexval(s[2 * i]),
					lo = hexval(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8) (hi << 4 | lo);
	}
	return true;
}

/* lds-merkle-proof-2019's blockchain keymap: chain codes, then network codes. */
static char *
chain_name(int64 chain, bool has_network, int64 network)
{
	const char *c;
	const char *n = NULL;

	switch (chain)
	{
		case 0:
			c = "btc";
			if (network == 1)
				n = "mainnet";
			else if (network == 3)
				n = "testnet";
			break;
		case 1:
			c = "eth";
			if (network == 1)
				n = "mainnet";
			else if (network == 3)
				n = "ropsten";
			else if (network == 4)
				n = "rinkeby";
			else if (network == 5)
				n = "goerli";
			else if (network == 11155111)
				n = "sepolia";
			break;
		case -1:
			return pstrdup("mocknet");
		default:
			return psprintf("chain%lld", (long long) chain);
	}
	if (!has_network)
		return pstrdup(c);
	return n != NULL ? psprintf("%s:%s", c, n) : psprintf("%s:%lld", c, (long long) network);
}

static bool
decode_anchor(const CrCbor *a, CrMerkleAnchor *anchor)
{
	bool		has_chain = false,
				has_network = false;
	int64		chain = 0,
				network = 0;
	const uint8 *tx = NULL;
	size_t		txlen = 0;

	if (!is_object(a))
		return false;
	for (size_t i = 0; i < a->count; i++)
	{
		int64		key;
		const CrCbor *v;

		if (!pair_at(a, i, &key, &v))
			return false;
		if (key == 0 && (v->kind == CRCBOR_UINT || v->kind == CRCBOR_NEGINT) && v->value < PG_INT32_MAX)
		{
			chain = v->kind == CRCBOR_UINT ? (int64) v->value : -1 - (int64) v->value;
			has_chain = true;
		}
		else if (key == 1 && (v->kind == CRCBOR_UINT || v->kind == CRCBOR_NEGINT) && v->value < PG_INT32_MAX)
		{
			network = v->kind == CRCBOR_UINT ? (int64) v->value : -1 - (int64) v->value;
			has_network = true;
		}
		else if (key >= 1 && text_value(v, &tx, &txlen))
			;					/* the transaction: the last text member */
		else if (key >= 1 && wrapped_bytes(v, &tx, &txlen) && txlen > 0 && txlen <= 64)
		{
			/* a transaction as raw bytes: named in hex, as chains name them */
			char	   *hex = palloc(2 * txlen + 1);

			for (size_t k = 0; k < txlen; k++)
				snprintf(hex + 2 * k, 3, "%02x", tx[k]);
			tx = (const uint8 *) hex;
			txlen = 2 * txlen;
		}
		else
			return false;
	}
	if (!has_chain || tx == NULL || txlen == 0 || memchr(tx, '\0', txlen) != NULL)
		return false;
	anchor->chain = chain_name(chain, has_network && chain != -1, network);
	anchor->transaction_id = pnstrdup((const char *) tx, txlen);
	return true;
}

bool
crbc_decode_proof_value(const char *text, size_t len, CrMerkleProof *proof, CredregFailure *f)
{
	uint8	   *raw;
	size_t		rawlen;
	CrCbor	   *top;
	bool		has_root = false,
				has_target = false;

	memset(proof, 0, sizeof(*proof));
	if (len < 2 || text[0] != 'z' || !base58btc_decode(text + 1, len - 1, &raw, &rawlen))
		return credreg_fail(f, "malformed", "MerkleProof2019 proofValue is not multibase base58btc");
	if (!crcbor_decode(raw, rawlen, &top, f))
		return credreg_fail(f, "malformed", "MerkleProof2019 proofValue: %s", f->message);
	if (!is_object(top))
		return credreg_fail(f, "malformed", "MerkleProof2019 proofValue is not a CBOR map");
	for (size_t i = 0; i < top->count; i++)
	{
		int64		key;
		const CrCbor *v;

		if (!pair_at(top, i, &key, &v))
			return credreg_fail(f, "malformed", "MerkleProof2019 proofValue has a member without an integer key");
		switch (key)
		{
			case 0:
				if (!hash_value(v, proof->merkle_root))
					return credreg_fail(f, "malformed", "MerkleProof2019 merkleRoot is not a SHA-256 hash in hex");
				has_root = true;
				break;
			case 1:
				if (!hash_value(v, proof->target_hash))
					return credreg_fail(f, "malformed", "MerkleProof2019 targetHash is not a SHA-256 hash in hex");
				has_target = true;
				break;
			case 2:
				if (v->kind != CRCBOR_ARRAY || v->count > CRBC_MAX_ANCHORS)
					return credreg_fail(f, "malformed", "MerkleProof2019 anchors is not a list of at most %d anchors",
										CRBC_MAX_ANCHORS);
				for (size_t a = 0; a < v->count; a++)
					if (!decode_anchor(v->items[a], &proof->anchors[proof->nanchors++]))
						return credreg_fail(f, "malformed", "MerkleProof2019 anchor %zu is not a chain and a transaction", a);
				break;
			case 3:
				if (v->kind != CRCBOR_ARRAY || v->count > CRBC_MAX_PATH)
					return credreg_fail(f, "malformed", "MerkleProof2019 path is not a list of at most %d steps",
										CRBC_MAX_PATH);
				for (size_t s = 0; s < v->count; s++)
				{
					const CrCbor *step = v->items[s];
					int64		side;
					const CrCbor *h;

					/* a step is one pair: [0, h] (left) or [1, h] (right), or a map of one */
					if (!pair_of(step, &side, &h) ||
						(side != 0 && side != 1) || !hash_value(h, proof->sibling[proof->npath]))
						return credreg_fail(f, "malformed", "MerkleProof2019 path step %zu is not a left or right SHA-256 hash", s);
					proof->left[proof->npath++] = side == 0;
				}
				break;
			default:
				return credreg_fail(f, "malformed", "MerkleProof2019 proofValue has the unknown member %lld",
									(long long) key);
		}
	}
	if (!has_root || !has_target)
		return credreg_fail(f, "malformed", "MerkleProof2019 proofValue lacks merkleRoot or targetHash");
	if (proof->nanchors == 0)
		return credreg_fail(f, "malformed", "MerkleProof2019 proofValue has no anchor");
	return true;
}

void
crbc_merkle_root(const CrMerkleProof *proof, uint8 root[CR_SHA256_LEN])
{
	uint8		h[CR_SHA256_LEN];

	memcpy(h, proof->target_hash, CR_SHA256_LEN);
	for (int i = 0; i < proof->npath; i++)
	{
		uint8		pair[2 * CR_SHA256_LEN];

		if (proof->left[i])
		{
			memcpy(pair, proof->sibling[i], CR_SHA256_LEN);
			memcpy(pair + CR_SHA256_LEN, h, CR_SHA256_LEN);
		}
		else
		{
			memcpy(pair, h, CR_SHA256_LEN);
			memcpy(pair + CR_SHA256_LEN, proof->sibling[i], CR_SHA256_LEN);
		}
		cr_sha256(pair, sizeof(pair), h);
	}
	memcpy(root, h, CR_SHA256_LEN);
}

/* ---- Blockcerts v2: MerkleProof2017 ---- */

/* A SHA-256 hash as 64 hex digits (MerkleProof2017 writes them so). */
static bool
hex32(const char *s, uint8 out[CR_SHA256_LEN])
{
	if (s == NULL || strlen(s) != 2 * CR_SHA256_LEN)
		return false;
	for (int i = 0; i < CR_SHA256_LEN; i++)
	{
		int			hi = hexval((uint8) s[2 * i]),
					lo = hexval((uint8) s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8) (hi << 4 | lo);
	}
	return true;
}

/* Blockcerts v2 chain names (cert-schema 2.0 merkleProof2017Schema) as v3 names them. */
static const char *
v2_chain_name(const char *chain)
{
	static const char *const names[][2] = {
		{"bitcoinMainnet", "btc:mainnet"}, {"bitcoinTestnet", "btc:testnet"},
		{"bitcoinRegtest", "btc:regtest"}, {"ethereumMainnet", "eth:mainnet"},
		{"ethereumRopsten", "eth:ropsten"}, {"ethereumRinkeby", "eth:rinkeby"},
		{"ethereumGoerli", "eth:goerli"}, {"ethereumSepolia", "eth:sepolia"},
		{"mockchain", "mocknet"},
	};

	/* an anchor without chain is on bitcoinMainnet (cert-verifier-js) */
	if (chain == NULL)
		return "btc:mainnet";
	for (int i = 0; i < lengthof(names); i++)
		if (strcmp(chain, names[i][0]) == 0)
			return names[i][1];
	return chain;
}

bool
crbc_decode_v2_signature(const CrJson *sig, CrMerkleProof *mp, CredregFailure *f)
{
	const CrJson *path = crjson_get(sig, "proof");
	const CrJson *anchors = crjson_get(sig, "anchors");

	memset(mp, 0, sizeof(*mp));
	if (!hex32(crjson_get_string(sig, "targetHash"), mp->target_hash) ||
		!hex32(crjson_get_string(sig, "merkleRoot"), mp->merkle_root))
		return credreg_fail(f, "malformed", "MerkleProof2017 targetHash and merkleRoot are SHA-256 hashes in hex");
	if (path != NULL && (path->kind != CRJ_ARRAY || path->count > CRBC_MAX_PATH))
		return credreg_fail(f, "malformed", "MerkleProof2017 proof is not a list of at most %d steps", CRBC_MAX_PATH);
	for (int i = 0; path != NULL && i < path->count; i++)
	{
		const CrJson *step = path->u.elems[i];
		const char *left = crjson_get_string(step, "left");
		const char *right = crjson_get_string(step, "right");

		if ((left == NULL) == (right == NULL) || step->count != 1 ||
			!hex32(left != NULL ? left : right, mp->sibling[i]))
			return credreg_fail(f, "malformed", "MerkleProof2017 proof step %d is not one left or right SHA-256 hash", i);
		mp->left[i] = left != NULL;
		mp->npath++;
	}
	if (anchors == NULL || anchors->kind != CRJ_ARRAY || anchors->count == 0 ||
		anchors->count > CRBC_MAX_ANCHORS)
		return credreg_fail(f, "malformed", "MerkleProof2017 anchors is not a list of 1 to %d anchors", CRBC_MAX_ANCHORS);
	for (int i = 0; i < anchors->count; i++)
	{
		const CrJson *a = anchors->u.elems[i];
		const char *tx = crjson_get_string(a, "sourceId");

		if (tx == NULL || tx[0] == '\0')
			return credreg_fail(f, "malformed", "MerkleProof2017 anchor %d has no sourceId (the transaction)", i);
		mp->anchors[i].chain = pstrdup(v2_chain_name(crjson_get_string(a, "chain")));
		mp->anchors[i].transaction_id = pstrdup(tx);
		mp->nanchors++;
	}
	return true;
}
