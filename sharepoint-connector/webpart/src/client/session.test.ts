import { normaliseBaseUrl, requestSession, type JsonPoster } from './session';

const ids = {
  siteId: '4f2c1a8e-0b5d-4c3e-9a7f-1d2e3f4a5b6c',
  pageId: '12',
  webUrl: 'https://contoso.sharepoint.com/sites/learning',
  listId: 'b8d3e5f1-2a4c-4e6b-8d0f-1a3c5e7f9b2d'
};

function answering(status: number, body: unknown, sent: string[] = []): JsonPoster {
  return {
    post: (url: string, payload: string) => {
      sent.push(url + ' ' + payload);
      return Promise.resolve({ status, json: () => Promise.resolve(body) });
    }
  };
}

function failing(message: string): JsonPoster {
  return { post: () => Promise.reject(new Error(message)) };
}

describe('normaliseBaseUrl', () => {
  it('accepts https and adds the trailing slash', () => {
    expect(normaliseBaseUrl(' https://peerloop.example.org/tool ')).toBe('https://peerloop.example.org/tool/');
  });
  it('accepts http only on this machine', () => {
    expect(normaliseBaseUrl('http://localhost:8080')).toBe('http://localhost:8080/');
    expect(normaliseBaseUrl('http://peerloop.example.org')).toBeUndefined();
  });
  it('refuses what is not a plain base URL', () => {
    expect(normaliseBaseUrl(undefined)).toBeUndefined();
    expect(normaliseBaseUrl('peerloop')).toBeUndefined();
    // eslint-disable-next-line no-script-url
    expect(normaliseBaseUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseBaseUrl('https://peerloop.example.org/?x=1')).toBeUndefined();
    expect(normaliseBaseUrl('https://user:pw@peerloop.example.org/')).toBeUndefined();
  });
});

describe('requestSession', () => {
  it('posts the page ids to the session endpoint and takes the session', async () => {
    const sent: string[] = [];
    const session = {
      token: 'pl-session',
      expiresAt: '2026-12-04T12:00:00Z',
      spaceId: 7,
      spaceTitle: 'Onboarding cohort',
      personName: 'Adele Vance',
      frameUrl: 'https://peerloop.example.org/sharepoint/frame'
    };
    const outcome = await requestSession(answering(200, session, sent), 'https://peerloop.example.org', ids);
    expect(outcome).toEqual({ kind: 'ready', session });
    expect(sent).toEqual(['https://peerloop.example.org/api/sharepoint/session ' + JSON.stringify(ids)]);
  });

  it('refuses a frame on another origin than PeerLoop', async () => {
    const outcome = await requestSession(
      answering(200, { token: 't', frameUrl: 'https://evil.example.net/frame' }),
      'https://peerloop.example.org',
      ids
    );
    expect(outcome.kind).toBe('failed');
  });

  it('asks for configuration before calling anything', async () => {
    const sent: string[] = [];
    expect(await requestSession(answering(200, {}, sent), '', ids)).toEqual({ kind: 'not-configured' });
    expect(sent).toEqual([]);
  });

  it('tells the page owner the page is not bound, with its ids', async () => {
    const outcome = await requestSession(
      answering(404, { reason: 'page-not-bound', detail: 'This page is not linked' }),
      'https://peerloop.example.org',
      ids
    );
    expect(outcome).toEqual({ kind: 'not-bound', ids });
  });

  it('sends the confirmation code with the page and says when the page does not carry it', async () => {
    const sent: string[] = [];
    const withCode = { ...ids, confirmationCode: 'PLB-7K3M-Q9TZ-4WXC-8HJN' };
    const outcome = await requestSession(
      answering(409, { reason: 'binding-unconfirmed', detail: 'The page does not carry this code' }, sent),
      'https://peerloop.example.org',
      withCode
    );
    expect(outcome).toEqual({ kind: 'unconfirmed', detail: 'The page does not carry this code' });
    expect(sent).toEqual(['https://peerloop.example.org/api/sharepoint/session ' + JSON.stringify(withCode)]);
  });

  it('recognises API access not yet approved in the tenant', async () => {
    const outcome = await requestSession(
      failing("AADSTS65001: The user or administrator has not consented to use the application"),
      'https://peerloop.example.org',
      ids
    );
    expect(outcome.kind).toBe('api-not-approved');
  });

  it('passes on refusals with their reason', async () => {
    expect(
      await requestSession(
        answering(401, { reason: 'entra-token-audience', detail: 'not meant for PeerLoop' }),
        'https://peerloop.example.org',
        ids
      )
    ).toEqual({ kind: 'refused', reason: 'entra-token-audience', detail: 'not meant for PeerLoop' });
    expect(
      await requestSession(
        answering(403, { reason: 'not-in-site-group', detail: 'Only members' }),
        'https://peerloop.example.org',
        ids
      )
    ).toEqual({ kind: 'no-entry', reason: 'not-in-site-group', detail: 'Only members' });
  });

  it('reports a network failure', async () => {
    expect((await requestSession(failing('Failed to fetch'), 'https://peerloop.example.org', ids)).kind).toBe(
      'failed'
    );
  });
});
