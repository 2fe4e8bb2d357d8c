/*
 * ecdsa_sd.h
 *		ecdsa-sd-2023 proof values (vc-di-ecdsa §3.5): the CBOR structures a
 *		derived proof carries, parsed without any cryptography (so the
 *		parser can be fuzzed on its own).
 */
#ifndef CREDREG_ECDSA_SD_H
#define CREDREG_ECDSA_SD_H

#include "credreg.h"
#include "json/json.h"
#include "lib/stringinfo.h"
#include "util/cbor.h"

/* The CBOR tags of the proof value headers 0xd9 0x5d 0x00 / 0x01 (§3.5.2, §3.5.7). */
#define ECDSA_SD_BASE_TAG		0x5d00
#define ECDSA_SD_DERIVED_TAG	0x5d01

/* P-256 Multikey: multicodec 0x1200 (varint 0x80 0x24), compressed point. */
#define P256_MULTIKEY_LEN	35

typedef struct CrEcdsaSdDerived
{
	const CrCbor *base_signature;
	const CrCbor *public_key;
	const CrCbor *signatures;	/* array of byte strings */
	int			nlabels;
	int		   *label_ids;		/* c14n<id> ... */
	char	  **labels;			/* ... is relabelled u<base64url> */
	int			nmandatory;
	int		   *mandatory;		/* indexes into the relabelled statements */
} CrEcdsaSdDerived;

/* A base proof value (§3.5.3): what the issuer gives the holder. */
typedef struct CrEcdsaSdBase
{
	const CrCbor *base_signature;
	const CrCbor *public_key;
	const CrCbor *hmac_key;		/* 32 bytes */
	const CrCbor *signatures;	/* array of byte strings */
	int			npointers;
	char	  **pointers;		/* mandatory JSON pointers, NUL-terminated */
} CrEcdsaSdBase;

/* True when the proof value starts with the base proof header 0xd9 0x5d 0x00. */
extern bool crdi_ecdsa_sd_is_base(const char *proof_value);

/* §3.5.3 parseBaseProofValue; code "malformed". */
extern bool crdi_ecdsa_sd_parse_base(const char *proof_value, CrEcdsaSdBase *b,
									 CredregFailure *failure);

/*
 * §3.5.8 parseDerivedProofValue with §3.5.6 decompressLabelMap: the
 * signature and key sizes checked, mandatory indexes strictly increasing.
 * Code: "malformed" (a base proof value too).
 */
extern bool crdi_ecdsa_sd_parse_derived(const char *proof_value, CrEcdsaSdDerived *d,
										CredregFailure *failure);

/*
 * ecdsa_sd.c: one canonical N-Quad with its _:c14n<N> labels replaced by
 * d's label map (outside literals); strcmp for qsort of char *.
 */
extern bool crdi_ecdsa_sd_relabel(const char *line, size_t len, const CrEcdsaSdDerived *d,
								  StringInfo out, CredregFailure *failure);
extern int	crdi_ecdsa_sd_cmp_str(const void *a, const void *b);
/* Every statement of canonical N-Quads relabelled with d's map, sorted (§3.4.1 steps 3, 4). */
extern bool crdi_ecdsa_sd_relabelled_statements(const StringInfoData *canonical,
												const CrEcdsaSdDerived *d, char ***stmts,
												int *nstmts, CredregFailure *failure);

/*
 * ecdsa_sd_base.c: the issuer's grouping of a document with a base proof
 * (§3.4.16 canonicalizeAndGroup with the HMAC label map of §3.4.4): the
 * relabelled, sorted statements, and in *d the label map, the indexes of
 * the statements the mandatory pointers select, and the proof's keys and
 * signatures, ready for the derived proof's checks.
 */
extern bool crdi_ecdsa_sd_base_groups(const CrJson *doc, const CrEcdsaSdBase *b,
									  CrEcdsaSdDerived *d, char ***stmts, int *nstmts,
									  CredregFailure *failure);

#endif							/* CREDREG_ECDSA_SD_H */
