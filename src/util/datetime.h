/*
 * datetime.h
 *		The one reader and writer of xsd:dateTime in credreg (XML Schema 1.1
 *		Part 2 §3.3.7, the lexical form the VC Data Model 2.0 §4.9 requires):
 *		credential validFrom / validUntil / issuanceDate / expirationDate,
 *		proof created / expires, status list validity, stack rule filters
 *		and stack award dates.
 *
 * Never DateStyle- or TimeZone-dependent, so a value means the same instant
 * in every session.  Decided once for everything:
 *   - a value without a timezone is UTC;
 *   - years 0001-9999 only (VC DM 2.0 §4.9 requires four-digit years; a
 *     status list and a credential therefore accept the same dates);
 *   - 24:00:00 is the next day's midnight;
 *   - fractional seconds beyond microseconds are dropped.
 * No backend calls, so the file links into the fuzz harnesses.
 */
#ifndef CREDREG_DATETIME_H
#define CREDREG_DATETIME_H

#include "credreg.h"

#include "datatype/timestamp.h"

/* Lexical forms accepted besides the full dateTime (flags of credreg_datetime_parse). */
#define CRDT_ALLOW_DATE		0x01	/* YYYY-MM-DD: that day's midnight UTC */
#define CRDT_ALLOW_MONTH	0x02	/* YYYY-MM: the month's first midnight UTC */

/*
 * Parses YYYY-MM-DDThh:mm:ss[.fff...][Z|(+|-)hh:mm] (and the shorter forms
 * flags allow).  False on anything else; never raises.
 */
extern bool credreg_datetime_parse(const char *s, size_t len, int flags, TimestampTz *result);

/* The full dateTime form, or false with failure code "malformed" naming `what`. */
extern bool xsd_datetime_parse(const char *s, size_t len, TimestampTz *result,
							   const char *what, CredregFailure *failure);

/*
 * A JWT NumericDate (seconds since the epoch, maybe fractional) as a
 * timestamp; false outside the years credreg_datetime_parse accepts.
 */
extern bool numericdate_to_timestamp(double seconds, TimestampTz *result);

/* xsd:dateTime in UTC, seconds precision ("...Z"). */
extern char *timestamp_to_xsd(TimestampTz t);

/*
 * Shortest exact form in UTC: "YYYY-MM-DD" for a midnight, else
 * "YYYY-MM-DDThh:mm:ss[.ffffff]Z".  Reads back to the same instant with
 * CRDT_ALLOW_DATE.
 */
extern char *timestamp_to_xsd_exact(TimestampTz t);

/* The UTC calendar date of t, "YYYY-MM-DD". */
extern char *timestamp_to_xsd_date(TimestampTz t);

#endif							/* CREDREG_DATETIME_H */
