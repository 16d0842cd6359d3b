import { createSessionStorageFor } from '@wholesail/web/session.server';

/** Who is logged in, as the login mutation described them (kept for the layout; the token is the truth). */
export interface SessionViewer {
  id: string;
  name: string;
  roles: string[];
}

/** The console's login session, in the `__wholesail_console` cookie. */
export const session = createSessionStorageFor<SessionViewer>('console');
