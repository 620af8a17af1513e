import { globalAdministratorRole, type Group } from '../scenario/schema';

type Member = { upn: string; id: string; isAdmin: boolean; roles?: string[] | undefined };

const isMember = (entry: string, key: { upn: string; id: string }): boolean =>
  entry.toLowerCase() === key.upn.toLowerCase() || entry.toLowerCase() === key.id.toLowerCase();

/** Every group the user is in, directly or through nested groups (cycles are harmless). */
export function transitiveGroups(groups: readonly Group[], user: Member): Group[] {
  const found = new Set(groups.filter((group) => group.members.some((entry) => isMember(entry, user))).map((group) => group.id.toLowerCase()));
  let grew = found.size > 0;
  while (grew) {
    grew = false;
    for (const group of groups) {
      if (found.has(group.id.toLowerCase())) continue;
      if (group.members.some((entry) => found.has(entry.toLowerCase()))) {
        found.add(group.id.toLowerCase());
        grew = true;
      }
    }
  }
  return groups.filter((group) => found.has(group.id.toLowerCase()));
}

/** Directory roles by template id; an admin with no list given is a Global Administrator. */
export function rolesOf(user: Member): string[] {
  return user.roles ?? (user.isAdmin ? [globalAdministratorRole] : []);
}
