/*
 * baked.h
 *		Credentials baked into badge images: a PNG iTXt chunk (Open Badges
 *		2.0 keyword "openbadges", 3.0 keyword "openbadgecredential") or an SVG
 *		element <openbadges:assertion> (2.0) / <openbadges:credential> (3.0).
 *
 * Pure functions of the image bytes that never raise: they return false and
 * fill a CredregFailure with code
 *   image_unsupported   neither a PNG nor an SVG
 *   image_malformed     a PNG or SVG that breaks its own format where the
 *                       credential is read (truncated chunk, CRC mismatch of
 *                       a badge chunk, bad zlib stream, unterminated
 *                       element, text that is not UTF-8)
 *   baked_ambiguous     more than one baked credential
 * Work is linear in the image size; inflated text is bounded by
 * credreg.max_document_bytes.
 */
#ifndef CREDREG_BAKED_H
#define CREDREG_BAKED_H

#include "credreg.h"

/*
 * The baked credential: JSON text (a hosted assertion or a credential with
 * an embedded proof), a compact JWS, or an assertion URL, exactly as baked
 * (UTF-8, not NUL-terminated inside but with a NUL after).  *text is NULL
 * when the image is well-formed but carries no credential.
 */
extern bool cr_baked_extract(const uint8 *image, size_t len, char **text, size_t *textlen,
							 CredregFailure *failure);

/* The two formats, for callers that know which one they hold. */
extern bool cr_baked_png(const uint8 *image, size_t len, char **text, size_t *textlen,
						 CredregFailure *failure);
extern bool cr_baked_svg(const char *svg, size_t len, char **text, size_t *textlen,
						 CredregFailure *failure);

#endif							/* CREDREG_BAKED_H */
