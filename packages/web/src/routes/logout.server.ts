import { redirect } from 'react-router';
import type { AppSession, BaseSessionViewer } from '../session.server';

/** The `action` and `loader` of an app's `/logout` route, for the app's session. */
export function createLogoutRoute(session: AppSession<BaseSessionViewer>) {
  /** Logging out changes state, so it is a POST; a GET just goes home. */
  async function action({ request }: { request: Request }) {
    return redirect('/login', { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
  }

  function loader() {
    return redirect('/');
  }

  return { action, loader };
}
