/**
 * Application ids Conditional Access policies name in conditions.applications
 * (https://learn.microsoft.com/entra/identity/conditional-access/concept-conditional-access-cloud-apps).
 * SMTP AUTH, with an app password or with OAuth, signs in to Exchange Online.
 */
export const exchangeOnlineAppId = '00000002-0000-0ff1-ce00-000000000000';

/**
 * Values that cover Exchange Online: every resource, the Office 365 suite (which includes
 * Exchange Online, https://learn.microsoft.com/entra/identity/conditional-access/reference-office-365-application-contents)
 * and Exchange Online itself.
 */
export const coversExchange = new Set(['all', 'office365', exchangeOnlineAppId]);

/** Well-known targets that are not Exchange Online: a policy on them alone does not touch mail. */
export const knownOtherApps: Record<string, string> = {
  '797f4846-ba00-4fd7-ba43-dac1f8f63013': 'Windows Azure Service Management API (Azure management)',
  '00000003-0000-0ff1-ce00-000000000000': 'Office 365 SharePoint Online',
  '00000003-0000-0000-c000-000000000000': 'Microsoft Graph',
  'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe': 'Microsoft Teams Services',
  '00000004-0000-0ff1-ce00-000000000000': 'Skype for Business Online',
  '0000000a-0000-0000-c000-000000000000': 'Microsoft Intune',
  microsoftadminportals: 'Microsoft Admin Portals',
  none: 'no application',
};
