import { createLogoutRoute } from '@wholesail/web/routes/logout.server';
import { session } from '../lib/session.server';

/** POST logs out (back to /login); GET just goes home. */
const logout = createLogoutRoute(session);
export const action = logout.action;
export const loader = logout.loader;
