/*
 * status.h
 *		Bitstring Status List (W3C VC Bitstring Status List v1.0, and the
 *		older StatusList2021 it replaced): decoding and encoding an
 *		`encodedList`, reading and writing statuses, and checking a
 *		credential's `credentialStatus` entry against the status list
 *		credentials stored in credreg.status_list.
 *
 * Nothing here raises on bad input: functions return false and fill a
 * CredregFailure.  Only the SQL wrappers (bitstring.c, status_table.c) raise.
 */
#ifndef CREDREG_STATUS_H
#define CREDREG_STATUS_H

#include "credreg.h"

#include "datatype/timestamp.h"

/*
 * Hard cap on the size of an inflated bitstring: 16 MiB, that is
 * 134,217,728 one-bit entries (1,024 times the specification's default).
 * A constant rather than a GUC so that an encodedList decodes the same way
 * in every session; gzip compresses up to about 1000:1, so without a cap a
 * 16 KB encodedList could inflate to 16 MB and a 1 MB one to 1 GB.
 */
#define STATUS_LIST_MAX_BYTES	(16 * 1024 * 1024)
#define STATUS_LIST_MAX_ENTRIES ((int64) STATUS_LIST_MAX_BYTES * 8)

/*
 * The specification's minimum number of entries (Validate Algorithm step 2:
 * 131,072 unless an ecosystem specification sets another bound).  A list
 * whose length divided by statusSize is smaller fails with
 * STATUS_LIST_LENGTH_ERROR (step 9): status_check_entry reports it as
 * status_unavailable.
 */
#define STATUS_LIST_MIN_ENTRIES 131072

/* Largest statusSize accepted: statuses are read into a uint32. */
#define STATUS_MAX_STATUS_SIZE	16

/* A decoded bitstring: index 0 is the most significant bit of bits[0]. */
typedef struct StatusBitstring
{
	uint8	   *bits;
	size_t		nbytes;			/* the list has nbytes * 8 bits */
} StatusBitstring;

/*
 * Failure codes of the decoder: "malformed" (not multibase base64url, not
 * gzip, corrupt gzip, empty list) and "limit_exceeded" (inflates to more
 * than STATUS_LIST_MAX_BYTES).
 */
#define STATUS_FAIL_MALFORMED	"malformed"
#define STATUS_FAIL_LIMIT		"limit_exceeded"

/*
 * Decodes an encodedList: multibase 'u' + base64url without padding of a
 * gzip (RFC 1952) stream.  With allow_legacy, a string without the 'u'
 * prefix is read as the un-prefixed base64url of StatusList2021.  The
 * bitstring is palloc'd in the current memory context.
 */
extern bool status_bitstring_decode(const char *encoded, size_t len, bool allow_legacy,
									StatusBitstring *out, CredregFailure *failure);

/*
 * Strict base64url without padding (RFC 4648 section 5), for the encodedList
 * and for reading the payload of a JWS-secured status list credential.
 */
extern bool status_b64url_decode(const char *in, size_t len, uint8 **out, size_t *outlen,
								 CredregFailure *failure);

/* gzip + base64url + 'u': the encodedList of a bitstring (palloc'd). */
extern char *status_bitstring_encode(const uint8 *bits, size_t nbytes);

/*
 * Reads the status at `index` of a list of statuses of `status_size` bits
 * (bits index*status_size .. index*status_size + status_size - 1, the first
 * one most significant).  False when the status lies beyond the list.
 */
extern bool status_bitstring_read(const StatusBitstring *bs, int64 index, int status_size,
								  uint32 *value);

/* Writes a status; false when it lies beyond the list. */
extern bool status_bitstring_write(StatusBitstring *bs, int64 index, int status_size,
								   uint32 value);

/* What a credentialStatus entry says, as found by status_check_entry. */
typedef struct StatusOutcome
{
	bool		checked;		/* false: the purpose (refresh, or one this
								 * code does not know) does not affect
								 * validity and no list was consulted */
	const char *purpose;		/* the entry's statusPurpose */
	const char *list_url;		/* its statusListCredential */
	int64		index;			/* its statusListIndex */
	int			status_size;	/* its statusSize (1 by default) */
	uint32		value;			/* the status read from the list */
	const char *message;		/* statusMessage's message for value, or
								 * "set" / "unset" when the entry has none */
	const char *code;			/* NULL, or "revoked" / "suspended" when the
								 * status makes the credential not valid */
} StatusOutcome;

struct CrJson;

/*
 * Checks one credentialStatus entry (a JSON object of type
 * BitstringStatusListEntry or StatusList2021Entry) as of `as_of`.
 *
 * Returns true when the status was established: *out says what it is, and
 * out->code is "revoked" or "suspended" when a revocation or suspension
 * status is set (any non-zero status for statusSize > 1).  Purposes other
 * than revocation, suspension and message are not looked up
 * (out->checked = false).
 *
 * Returns false, with failure->code
 *   "malformed"           the entry itself is malformed (MALFORMED_VALUE_ERROR)
 *   "status_unavailable"  no stored list for its URL, the stored list does
 *                         not decode, is of the wrong type or purpose, is
 *                         outside its validity window at as_of, is shorter
 *                         than STATUS_LIST_MIN_ENTRIES statuses, or the index
 *                         lies beyond it; also an entry type this code does
 *                         not know
 * and *out filled as far as the entry could be read.
 *
 * Lists are read from credreg.status_list through a per-backend cache keyed
 * by URL and flushed whenever that table changes (in any backend), so a
 * million credentials that point at one list decode it once.  Never raises
 * on bad input; it reads the table through SPI on a cache miss.
 */
extern bool status_check_entry(const struct CrJson *entry, TimestampTz as_of,
							   StatusOutcome *out, CredregFailure *failure);

/*
 * Checks a credential's whole credentialStatus value (NULL when absent, one
 * entry object, or an array of them) as of `as_of`, for the verifier:
 *   - any entry revoked            -> true, *out is that entry, code "revoked"
 *   - else any entry suspended     -> true, *out is that entry, code "suspended"
 *   - else any entry not established -> false, *failure from the first such
 *                                    entry ("malformed" / "status_unavailable"),
 *                                    *out as far as that entry was read
 *   - else                         -> true, code NULL; *out is the first
 *                                    checked entry (out->checked = false when
 *                                    there was none, e.g. no credentialStatus)
 * Never raises on bad input.
 */
extern bool status_check_status(const struct CrJson *credential_status, TimestampTz as_of,
								StatusOutcome *out, CredregFailure *failure);

#endif							/* CREDREG_STATUS_H */
