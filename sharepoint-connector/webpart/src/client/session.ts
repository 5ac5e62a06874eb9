// The web part's conversation with PeerLoop: the Entra access token (sent by AadHttpClient) is
// exchanged for a PeerLoop session of the space bound to this page. The page's ids are hints that
// choose the space; PeerLoop takes the person from the token alone. A confirmation code from the
// web part's settings lets PeerLoop bind the page as a facilitator asked: PeerLoop reads the page
// through Microsoft Graph and binds it only if the page itself carries the code.

export interface PageIds {
  /** pageContext.site.id */
  siteId: string;
  /** pageContext.listItem.id: the page's item in the site's pages library */
  pageId: string;
  /** pageContext.web.absoluteUrl: where Graph finds the page's site */
  webUrl: string;
  /** pageContext.list.id: the site's pages library */
  listId: string;
  /** The code a facilitator's request gave, as the page's editor entered it; absent when none */
  confirmationCode?: string;
}

export interface PeerLoopSession {
  token: string;
  expiresAt: string;
  spaceId: number;
  spaceTitle: string;
  personName: string;
  frameUrl: string;
}

export type SessionOutcome =
  | { kind: 'ready'; session: PeerLoopSession }
  | { kind: 'not-configured' }
  | { kind: 'not-bound'; ids: PageIds }
  | { kind: 'unconfirmed'; detail: string }
  | { kind: 'api-not-approved'; detail: string }
  | { kind: 'no-entry'; reason: string; detail: string }
  | { kind: 'refused'; reason: string; detail: string }
  | { kind: 'failed'; detail: string };

/** What the web part needs of AadHttpClient: a JSON POST carrying the user's token. */
export interface JsonPoster {
  post(url: string, body: string): Promise<{ status: number; json(): Promise<unknown> }>;
}

/**
 * PeerLoop's base URL as the page owner typed it, normalised to end in a slash; undefined unless
 * it is https (or http on this machine, for a local trial).
 */
export function normaliseBaseUrl(raw: string | undefined): string | undefined {
  if (!raw) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return undefined;
  }
  if (url.search || url.hash || url.username || url.password) {
    return undefined;
  }
  return url.href.endsWith('/') ? url.href : url.href + '/';
}

/** The origin the session may be handed to: PeerLoop's own, and nothing else. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

interface Problem {
  reason?: string;
  detail?: string;
}

/** Entra's answers when the tenant has not approved the web part's request for PeerLoop's API. */
const NOT_APPROVED = /AADSTS65001|AADSTS500011|AADSTS650057|consent/i;

export async function requestSession(
  poster: JsonPoster,
  baseUrl: string | undefined,
  ids: PageIds
): Promise<SessionOutcome> {
  const base = normaliseBaseUrl(baseUrl);
  if (!base) {
    return { kind: 'not-configured' };
  }
  let answer: { status: number; json(): Promise<unknown> };
  try {
    answer = await poster.post(base + 'api/sharepoint/session', JSON.stringify(ids));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return NOT_APPROVED.test(detail) ? { kind: 'api-not-approved', detail } : { kind: 'failed', detail };
  }
  const body = ((await answer.json().catch(() => ({}))) || {}) as Problem & Partial<PeerLoopSession>;
  if (answer.status === 200 && typeof body.token === 'string' && typeof body.frameUrl === 'string') {
    if (originOf(body.frameUrl) !== originOf(base)) {
      return { kind: 'failed', detail: 'PeerLoop answered with a page on another origin' };
    }
    return { kind: 'ready', session: body as PeerLoopSession };
  }
  const reason = body.reason || 'http-' + answer.status;
  const detail = body.detail || '';
  switch (answer.status) {
    case 404:
      return reason === 'page-not-bound' ? { kind: 'not-bound', ids } : { kind: 'failed', detail };
    case 409:
      return reason === 'binding-unconfirmed' ? { kind: 'unconfirmed', detail } : { kind: 'failed', detail: detail || reason };
    case 403:
      return { kind: 'no-entry', reason, detail };
    case 401:
      return { kind: 'refused', reason, detail };
    default:
      return { kind: 'failed', detail: detail || reason };
  }
}
