import * as z from '../../zod';

/**
 * Who the user is, as far as Conditional Access targeting goes: their object id, the groups
 * they belong to (transitively, as Entra evaluates group targeting) and their directory roles
 * by role template id (what policies store in includeRoles).
 * `groups`/`roles` undefined = not readable; `complete` false = Graph listed only one page.
 */
export type Membership = { groups: Set<string> | undefined; roles: Set<string> | undefined; complete: boolean };
export type Subject = { userId: string | null; membership: Membership | null };

const memberOfSchema = z.object({
  value: z.array(z.object({ '@odata.type': z.optional(z.string()), id: z.string(), roleTemplateId: z.nullish(z.string()) })),
  '@odata.nextLink': z.optional(z.string()),
});

/** GET /me/transitiveMemberOf as a Membership; null when the answer is not a list. */
export function membershipFromMemberOf(body: unknown): Membership | null {
  const parsed = memberOfSchema.safeParse(body);
  if (!parsed.success) return null;
  const groups = new Set<string>();
  const roles = new Set<string>();
  let rolesReadable = true;
  for (const entry of parsed.data.value) {
    const type = entry['@odata.type']?.toLowerCase();
    if (type === '#microsoft.graph.directoryrole') {
      // Without a role-reading permission Graph lists the role with its template id null.
      if (entry.roleTemplateId) roles.add(entry.roleTemplateId.toLowerCase());
      else rolesReadable = false;
    } else if (type === '#microsoft.graph.group') {
      groups.add(entry.id.toLowerCase());
    }
    // Administrative units and other directory objects are not Conditional Access targets.
  }
  return { groups, roles: rolesReadable ? roles : undefined, complete: parsed.data['@odata.nextLink'] === undefined };
}

/** Why memberships could not settle a group or role target, in words an admin can act on. */
export function membershipGap(membership: Membership | null): string {
  if (membership === null) return 'your group and role memberships could not be read';
  if (!membership.complete) return 'you belong to more groups than one page of Graph lists';
  if (membership.roles === undefined) {
    return 'Graph did not name your directory roles (the app registration lacks the RoleManagement.Read.Directory permission)';
  }
  return 'your group memberships could not be read';
}
