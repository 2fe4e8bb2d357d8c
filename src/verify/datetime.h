/*
 * datetime.h
 *		xsd:dateTime (XML Schema 1.1 Part 2 §3.3.7) as credentials write it:
 *		validFrom, validUntil, issuanceDate, expirationDate, proof created
 *		and expires.  Shared by jose/, dataint/ and verify/.
 */
#ifndef CREDREG_DATETIME_H
#define CREDREG_DATETIME_H

#include "credreg.h"

#include "datatype/timestamp.h"

/*
 * Parse YYYY-MM-DDThh:mm:ss[.fff...][Z|(+|-)hh:mm].  A value without a
 * timezone is read as UTC.  Years 0001-9999 only; 24:00:00 is the next
 * day's midnight.  False (code "malformed") on anything else.
 */
extern bool xsd_datetime_parse(const char *s, size_t len, TimestampTz *result,
							   const char *what, CredregFailure *failure);

/* A JWT NumericDate (seconds since the epoch, maybe fractional) as a timestamp. */
extern bool numericdate_to_timestamp(double seconds, TimestampTz *result);

/* Format a timestamp as xsd:dateTime in UTC, seconds precision ("...Z"). */
extern char *timestamp_to_xsd(TimestampTz t);

#endif							/* CREDREG_DATETIME_H */
