/*
 * competency.c
 *		Competency leaves and `concept` predicates: does an award's alignment
 *		reach the required concept (SEMANTICS.md §2.3)?
 *
 * This is the one place where the stack capability meets the taxonomy
 * capability (src/taxonomy/, its skillset and hierarchy/crosswalk closure).
 * Until that capability is merged, only identity is decided here: an
 * alignment whose URL equals the target.  When the rule's match policy would
 * also accept narrower or crosswalked evidence and an award carries some
 * other alignment, the answer depends on the taxonomy, so evaluation raises
 * feature_not_supported instead of guessing.
 */
#include "postgres.h"

#include "stack/stack_internal.h"

static bool
policy_needs_taxonomy(bool narrower, int max_hops, bool close, int ncrosswalk)
{
	return (narrower && max_hops != 0) || close || ncrosswalk != 0;
}

static void
needs_taxonomy(const char *target, const char *uri)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("matching alignment \"%s\" against competency \"%s\" needs the taxonomy closure, which is not available in this build",
					uri, target),
			 errhint("Set \"match\": {\"narrower\": false, \"crosswalk\": []} to match identical concepts only.")));
}

void
stack_competency_match(const StackNode *leaf, const StackItem *item,
					   StackCompetencyMatch *result)
{
	int			i;
	bool		other = false;
	const char *other_uri = NULL;

	result->matches = false;
	result->level = -1;
	result->path = NULL;
	for (i = 0; i < item->nalign; i++)
	{
		if (strcmp(item->align[i].uri, leaf->target_uri) == 0)
		{
			if (!result->matches || item->align[i].level > result->level)
			{
				result->matches = true;
				result->level = item->align[i].level >= 0 ? item->align[i].level : item->level;
				result->path = psprintf("%s (same concept)", leaf->target_uri);
			}
		}
		else
		{
			other = true;
			other_uri = item->align[i].uri;
		}
	}
	if (!result->matches && other &&
		policy_needs_taxonomy(leaf->m_narrower, leaf->m_max_hops, leaf->m_close,
							  leaf->ncrosswalk < 0 ? 1 : leaf->ncrosswalk))
		needs_taxonomy(leaf->target_uri, other_uri);
}

bool
stack_concept_match(const StackPred *pred, const StackItem *item)
{
	int			i;
	const char *other_uri = NULL;

	for (i = 0; i < item->nalign; i++)
	{
		if (strcmp(item->align[i].uri, pred->str) == 0)
			return true;
		other_uri = item->align[i].uri;
	}
	if (other_uri && policy_needs_taxonomy(pred->narrower, pred->max_hops, pred->close, 0))
		needs_taxonomy(pred->str, other_uri);
	return false;
}
