/*
 * did_resolve.c
 *		Verification methods resolved from credreg.did_document (see did.h).
 */
#include "postgres.h"

#include "did/did.h"
#include "did/stored_document.h"

bool
crdid_resolve(const char *vm, const CrKey **key, const char **controller,
			  bool *stored, CredregFailure *f)
{
	const char *hash = strchr(vm, '#');
	char	   *base;
	CrJson	   *doc;
	char	   *key_text;

	*stored = false;
	/* did:web DIDs and http(s) controller documents; the method needs a fragment */
	if (hash == NULL || hash == vm ||
		!(strncmp(vm, "did:web:", 8) == 0 || strncmp(vm, "https://", 8) == 0 ||
		  strncmp(vm, "http://", 7) == 0))
		return false;
	base = pnstrdup(vm, hash - vm);
	doc = cr_did_document(base);
	if (doc == NULL)
		return false;
	*stored = true;
	if (!crdid_find_method(doc, base, vm, &key_text, controller, f))
		return false;
	if (!crkey_cached(key_text, strlen(key_text), key, f))
		return credreg_fail(f, "key_unresolved", "verification method %s does not decode: %s",
							vm, f->message);
	return true;
}
