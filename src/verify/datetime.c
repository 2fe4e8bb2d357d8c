/*
 * datetime.c
 *		xsd:dateTime parsing without the server's locale- and
 *		DateStyle-dependent input routines: credentials carry one exact
 *		lexical form, and a verifier must read it the same way everywhere.
 */
#include "postgres.h"

#include <math.h>

#include "verify/datetime.h"

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

bool
xsd_datetime_parse(const char *s, size_t len, TimestampTz *result,
				   const char *what, CredregFailure *failure)
{
	int			year,
				mon,
				mday,
				hour,
				min,
				sec;
	int64		usec = 0;
	int			tzsec = 0;
	size_t		p;
	int64		days;
	int64		t;

	/* YYYY-MM-DDThh:mm:ss is 19 bytes; a longer year is out of range. */
	if (len < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
		s[13] != ':' || s[16] != ':' ||
		!digits(s, 4, &year) || !digits(s + 5, 2, &mon) ||
		!digits(s + 8, 2, &mday) || !digits(s + 11, 2, &hour) ||
		!digits(s + 14, 2, &min) || !digits(s + 17, 2, &sec))
		goto bad;
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
			goto bad;
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
				goto bad;
			tzsec = (tzh * 60 + tzm) * 60 * (s[p] == '-' ? -1 : 1);
			p += 6;
		}
		else
			goto bad;
	}
	if (year < 1 || mon < 1 || mon > 12 || mday < 1 ||
		mday > days_in_month(year, mon) ||
		min > 59 || sec > 59)
		goto bad;
	if (hour > 23 && !(hour == 24 && min == 0 && sec == 0 && usec == 0))
		goto bad;

	days = days_from_civil(year, mon, mday);
	t = ((days * 24 + hour) * 60 + min) * 60 + sec - tzsec - PG_EPOCH_OFFSET_SECS;
	*result = t * USECS_PER_SEC + usec;
	return true;

bad:
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

char *
timestamp_to_xsd(TimestampTz t)
{
	int64		secs = t / USECS_PER_SEC;
	int64		days,
				rem;
	int			y,
				m,
				d;

	if (t < 0 && t % USECS_PER_SEC != 0)
		secs--;					/* floor */
	secs += PG_EPOCH_OFFSET_SECS;
	days = secs / 86400;
	rem = secs % 86400;
	if (rem < 0)
	{
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	return psprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
					(int) (rem / 3600), (int) (rem / 60 % 60), (int) (rem % 60));
}
