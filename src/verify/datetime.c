/*
 * datetime.c
 *		xsd:dateTime parsing without the server's locale- and
 *		DateStyle-dependent input routines: credentials carry one exact
 *		lexical form, and a verifier must read it the same way everywhere.
 */
#include "postgres.h"

#include <math.h>

#include "utils/datetime.h"

#include "verify/datetime.h"

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
	int			jday;
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
		mday > day_tab[isleap(year)][mon - 1] ||
		min > 59 || sec > 59)
		goto bad;
	if (hour > 23 && !(hour == 24 && min == 0 && sec == 0 && usec == 0))
		goto bad;

	jday = date2j(year, mon, mday);
	days = (int64) jday - POSTGRES_EPOCH_JDATE;
	t = ((days * 24 + hour) * 60 + min) * 60 + sec - tzsec;
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
	*result = (TimestampTz) floor((seconds - (double) ((POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY)) * USECS_PER_SEC);
	return true;
}

char *
timestamp_to_xsd(TimestampTz t)
{
	struct pg_tm tm;
	fsec_t		fsec;

	if (timestamp2tm(t, NULL, &tm, &fsec, NULL, NULL) != 0)
		return pstrdup("?");
	return psprintf("%04d-%02d-%02dT%02d:%02d:%02dZ",
					tm.tm_year, tm.tm_mon, tm.tm_mday,
					tm.tm_hour, tm.tm_min, tm.tm_sec);
}
