/*
 * ecdsa_sd.h
 *		ecdsa-sd-2023 proof values (vc-di-ecdsa §3.5): the CBOR structures a
 *		derived proof carries, parsed without any cryptography (so the
 *		parser can be fuzzed on its own).
 */
#ifndef CREDREG_ECDSA_SD_H
#define CREDREG_ECDSA_SD_H

#include "credreg.h"
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

/*
 * §3.5.8 parseDerivedProofValue with §3.5.6 decompressLabelMap: the
 * signature and key sizes checked, mandatory indexes strictly increasing.
 * Codes: "malformed"; "unsupported_format" for a base proof.
 */
extern bool crdi_ecdsa_sd_parse_derived(const char *proof_value, CrEcdsaSdDerived *d,
										CredregFailure *failure);

#endif							/* CREDREG_ECDSA_SD_H */
