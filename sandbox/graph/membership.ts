import { rolesOf } from '../state/membership';
import { stableGuid, type SandboxUser } from '../state/tenant';
import type { Caller, GraphContext } from './context';
import { isPageError, pageOf } from './paging';
import { denied, ok, type GraphReply, type RequestIds } from './reply';
import { contextWithSelect, isSelectError, parseSelect, project } from './select';

/** Display names of the role templates scenarios use; any other template is still served. */
const roleNames: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': 'Global Reader',
  '5d6b6bb7-de71-4623-b4af-96380a352509': 'Security Reader',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': 'Helpdesk Administrator',
};

const groupReaders = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const roleReaders = ['RoleManagement.Read.Directory', 'RoleManagement.Read.All', 'RoleManagement.ReadWrite.Directory', 'Directory.Read.All', 'Directory.ReadWrite.All'];

const groupProperties = ['id', 'deletedDateTime', 'classification', 'createdDateTime', 'description', 'displayName', 'groupTypes', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled', 'visibility'];
const roleProperties = ['id', 'deletedDateTime', 'description', 'displayName', 'roleTemplateId'];
const directoryObjectProperties = [...new Set([...groupProperties, ...roleProperties])];

/**
 * Without permission to read a member's type, Graph still lists it, with only its type and id
 * ("limited information"): every other property is null. An app that reads role template ids
 * with just User.Read sees roles it cannot name.
 */
function limited(entity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entity).map(([key, value]) => [key, key === '@odata.type' || key === 'id' ? value : null]));
}

function memberships(ctx: GraphContext, caller: Caller, user: SandboxUser): Record<string, unknown>[] {
  const canReadGroups = caller.hasAnyScope(...groupReaders);
  const canReadRoles = caller.hasAnyScope(...roleReaders);
  const groups = ctx.tenant.groupsOf(user).map((group) => {
    const entity = {
      '@odata.type': '#microsoft.graph.group',
      id: group.id,
      deletedDateTime: null,
      classification: null,
      createdDateTime: '2024-02-01T09:00:00Z',
      description: null,
      displayName: group.displayName,
      groupTypes: [],
      mail: null,
      mailEnabled: false,
      mailNickname: group.displayName.replace(/[^A-Za-z0-9]/g, ''),
      securityEnabled: true,
      visibility: null,
    };
    return canReadGroups ? entity : limited(entity);
  });
  const roles = rolesOf(user).map((template) => {
    const entity = {
      '@odata.type': '#microsoft.graph.directoryRole',
      // An activated role's object id differs per tenant; its template id is universal.
      id: stableGuid(`${ctx.tenant.id}/role/${template}`),
      deletedDateTime: null,
      description: null,
      displayName: roleNames[template] ?? 'Directory role',
      roleTemplateId: template,
    };
    return canReadRoles ? entity : limited(entity);
  });
  return [...groups, ...roles];
}

/** GET /{v}/me/transitiveMemberOf: groups (nested ones too) and directory roles, paged. */
export function transitiveMemberOf(ctx: GraphContext, ids: RequestIds, caller: Caller, version: string, user: SandboxUser, query: URLSearchParams): GraphReply {
  if (!caller.hasAnyScope('User.Read', 'User.ReadWrite', 'User.Read.All', ...groupReaders)) return denied(ids);
  const selection = parseSelect(query, 'microsoft.graph.directoryObject', directoryObjectProperties, ids);
  if (isSelectError(selection)) return selection;
  const all = memberships(ctx, caller, user);
  const page = pageOf(query, ids, { total: all.length, defaultSize: 100, maxSize: 999, path: `${ctx.base}/${version}/me/transitiveMemberOf` });
  if (isPageError(page)) return page;
  const body: Record<string, unknown> = { '@odata.context': `${ctx.base}/${version}/$metadata#${contextWithSelect('directoryObjects', selection)}` };
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body['value'] = all.slice(page.start, page.end).map((entity) => project(entity, selection));
  return ok(body);
}
