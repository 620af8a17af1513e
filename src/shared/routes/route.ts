import * as z from '../zod';

/**
 * The ways the app can connect a tool, as offered by policy and shown by the wizard. Separate
 * from SmtpMethod: the SMTP test only knows app-password and oauth; the bridge is a route
 * whose test is a login through the local listeners.
 */
export const connectRoutes = ['app-password', 'oauth', 'bridge'] as const;
export const connectRouteSchema = z.enum(connectRoutes);
export type ConnectRoute = z.infer<typeof connectRouteSchema>;

/** Every route, when no policy narrows them. */
export const defaultRoutesOffered: readonly ConnectRoute[] = connectRoutes;
