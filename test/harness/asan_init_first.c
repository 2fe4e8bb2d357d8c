/*
 * Preloaded after libasan when the server runs with a SANITIZE=1 build
 * (cluster.sh): makes AddressSanitizer initialize before any other library's
 * constructor runs.
 *
 * PostgreSQL's binaries are not instrumented, so ASan initializes lazily, on
 * the first malloc.  In the server that first malloc comes from a library
 * constructor (libgpg-error's bindtextdomain, p11-kit's newlocale) while
 * glibc holds a locale lock; ASan's start-up resolves its interceptors with
 * dlsym, whose error path translates a message under the same lock, and the
 * lock is left broken: the next locale call hangs (`postgres -V` never
 * returns).  Linked with -z initfirst, this object's constructor runs before
 * every other object's, so its malloc starts ASan with no lock held.
 */
#include <stdlib.h>

__attribute__((constructor)) static void
start_asan_first(void)
{
	/* volatile: the compiler may otherwise drop a malloc that is freed at once */
	void	   *volatile p = malloc(1);

	free(p);
}
