/*
 * datetime.c
 *		xsd:dateTime reading and writing without the server's locale-,
 *		DateStyle- and TimeZone-dependent routines: credentials carry one
 *		exact lexical form, and every part of credreg must read it the same
 *		way everywhere (the rules are in datetime.h).
 */
#include "postgres.h"

#include <math.h>

#include "util/datetime.h"

/*
 * Civil-calendar arithmetic of our own (proleptic Gregorian, days from
 * 1970-01-01), so that this file needs nothing from the backend and can be
 * linked into the fuzz harnesses.
 */
static int64
days_from_civil(int y, int m, int d)
{
	int64		era;
	int			yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (int) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64 z, int *y, int *m, int *d)
{
	int64		era;
	int			doe,
				yoe,
				doy,
				mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (int) (z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int) (yoe + era * 400) + (*m <= 2);
}

static int
days_in_month(int y, int m)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return mdays[m - 1] + (m == 2 && leap);
}

/* Seconds from the PostgreSQL epoch (2000-01-01) to the Unix epoch */
#define PG_EPOCH_OFFSET_SECS INT64CONST(946684800)

static bool
digits(const char *s, int n, int *value)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return true;
}

/*
 * XML Schema 1.1 Part 2 §3.3.7 (dateTime lexical mapping), with the
 * decisions of datetime.h: four-digit years 0001-9999, no timezone = UTC.
 */
bool
credreg_datetime_parse(const char *s, size_t len, int flags, TimestampTz *result)
{
	int			year,
				mon,
				mday = 1,
				hour = 0,
				min = 0,
				sec = 0;
	int64		usec = 0;
	int			tzsec = 0;
	size_t		p;
	int64		days;
	int64		t;

	if (len < 7 || s[4] != '-' || !digits(s, 4, &year) || !digits(s + 5, 2, &mon))
		return false;
	if (len == 7)
	{
		if (!(flags & CRDT_ALLOW_MONTH))
			return false;
		p = 7;
	}
	else if (len < 10 || s[7] != '-' || !digits(s + 8, 2, &mday))
		return false;
	else if (len == 10)
	{
		if (!(flags & CRDT_ALLOW_DATE))
			return false;
		p = 10;
	}
	else
	{
		/* YYYY-MM-DDThh:mm:ss is 19 bytes; a longer year is out of range. */
		if (len < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
			!digits(s + 11, 2, &hour) || !digits(s + 14, 2, &min) ||
			!digits(s + 17, 2, &sec))
			return false;
		p = 19;
		if (p < len && s[p] == '.')
		{
			int64		scale = 100000;
			size_t		start = ++p;

			while (p < len && s[p] >= '0' && s[p] <= '9')
			{
				usec += (s[p] - '0') * scale;	/* digits beyond microseconds are dropped */
				scale /= 10;
				p++;
			}
			if (p == start)
				return false;
		}
		if (p < len)
		{
			if (s[p] == 'Z' && p + 1 == len)
				p++;
			else if ((s[p] == '+' || s[p] == '-') && len - p == 6 && s[p + 3] == ':')
			{
				int			tzh,
							tzm;

				if (!digits(s + p + 1, 2, &tzh) || !digits(s + p + 4, 2, &tzm) ||
					tzm > 59 || tzh > 14 || (tzh == 14 && tzm != 0))
					return false;
				tzsec = (tzh * 60 + tzm) * 60 * (s[p] == '-' ? -1 : 1);
				p += 6;
			}
			else
				return false;
		}
	}
	if (p != len)
		return false;
	if (year < 1 || mon < 1 || mon > 12 || mday < 1 ||
		mday > days_in_month(year, mon) ||
		min > 59 || sec > 59)
		return false;
	if (hour > 23 && !(hour == 24 && min == 0 && sec == 0 && usec == 0))
		return false;

	days = days_from_civil(year, mon, mday);
	t = ((days * 24 + hour) * 60 + min) * 60 + sec - tzsec - PG_EPOCH_OFFSET_SECS;
	*result = t * USECS_PER_SEC + usec;
	return true;
}

bool
xsd_datetime_parse(const char *s, size_t len, TimestampTz *result,
				   const char *what, CredregFailure *failure)
{
	if (credreg_datetime_parse(s, len, 0, result))
		return true;
	return credreg_fail(failure, "malformed", "%s is not a valid xsd:dateTime: \"%.*s\"",
						what, (int) Min(len, 64), s);
}

bool
numericdate_to_timestamp(double seconds, TimestampTz *result)
{
	/* 0001-01-01 .. 9999-12-31, as xsd_datetime_parse allows */
	if (isnan(seconds) || seconds < -62135596800.0 || seconds > 253402300799.0)
		return false;
	*result = (TimestampTz) floor((seconds - (double) PG_EPOCH_OFFSET_SECS) * USECS_PER_SEC);
	return true;
}

/* Splits t into UTC calendar fields; *usec is the fraction of the second. */
static void
utc_fields(TimestampTz t, int *y, int *m, int *d, int *hh, int *mi, int *ss, int *usec)
{
	int64		secs = t / USECS_PER_SEC;
	int64		frac = t % USECS_PER_SEC;
	int64		days,
				rem;

	if (frac < 0)
	{
		frac += USECS_PER_SEC;	/* floor */
		secs--;
	}
	secs += PG_EPOCH_OFFSET_SECS;
	days = secs / 86400;
	rem = secs % 86400;
	if (rem < 0)
	{
		rem += 86400;
		days--;
	}
	civil_from_days(days, y, m, d);
	*hh = (int) (rem / 3600);
	*mi = (int) (rem / 60 % 60);
	*ss = (int) (rem % 60);
	*usec = (int) frac;
}

char *
timestamp_to_xsd(TimestampTz t)
{
	int			y,
				m,
				d,
				hh,
				mi,
				ss,
				us;

	utc_fields(t, &y, &m, &d, &hh, &mi, &ss, &us);
	return psprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mi, ss);
}

char *
timestamp_to_xsd_exact(TimestampTz t)
{
	int			y,
				m,
				d,
				hh,
				mi,
				ss,
				us;

	utc_fields(t, &y, &m, &d, &hh, &mi, &ss, &us);
	if (hh == 0 && mi == 0 && ss == 0 && us == 0)
		return psprintf("%04d-%02d-%02d", y, m, d);
	if (us == 0)
		return psprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mi, ss);
	{
		char		frac[8];
		int			n;

		snprintf(frac, sizeof(frac), "%06d", us);
		for (n = 6; frac[n - 1] == '0'; n--)
			;					/* shortest: no trailing zeros */
		frac[n] = '\0';
		return psprintf("%04d-%02d-%02dT%02d:%02d:%02d.%sZ", y, m, d, hh, mi, ss, frac);
	}
}

char *
timestamp_to_xsd_date(TimestampTz t)
{
	int			y,
				m,
				d,
				hh,
				mi,
				ss,
				us;

	utc_fields(t, &y, &m, &d, &hh, &mi, &ss, &us);
	return psprintf("%04d-%02d-%02d", y, m, d);
}
