/*
 * did.h
 *		Verification methods from stored DID documents and controller
 *		documents: did:web DIDs and https controller URLs whose documents the
 *		registry stored in credreg.did_document (credreg never fetches).
 */
#ifndef CREDREG_DID_H
#define CREDREG_DID_H

#include "crypto/crypto.h"
#include "json/json.h"

/*
 * Finds the verification method `vm` (a DID URL or URL with a fragment) in
 * doc, the document stored for `base` (vm without its fragment).  The
 * method is an object of verificationMethod, assertionMethod or
 * authentication whose id is vm, or the relative "#fragment" (Controlled
 * Identifiers 1.0 §2.2, DID Core §5.2).  Returns its key as text
 * (publicKeyMultibase, or publicKeyJwk as compact JSON) and its controller
 * (the method's controller, else the document's id, else base).
 * Failures: "key_unresolved" (no such method, no usable key member, a
 * document whose id is not base).  Never raises on the document's content.
 */
extern bool crdid_find_method(const CrJson *doc, const char *base, const char *vm,
							  char **key_text, const char **controller,
							  CredregFailure *failure);

/*
 * Resolves vm from credreg.did_document.  *stored is false when no
 * document is stored for vm's base (the caller tries other ways); when it
 * is true, the result says whether the method and its key were found.
 * The key belongs to the key cache (crkey_cached).
 */
extern bool crdid_resolve(const char *vm, const CrKey **key, const char **controller,
						  bool *stored, CredregFailure *failure);

#endif							/* CREDREG_DID_H */
