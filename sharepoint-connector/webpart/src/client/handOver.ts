// Hands the session to PeerLoop's framed page: only when that frame, on PeerLoop's exact origin,
// says it is ready, and only to that origin, so the token never reaches another window.

export interface MessageSource {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface ReadyEvent {
  source: unknown;
  origin: string;
  data: unknown;
}

export interface MessageTarget {
  addEventListener(type: 'message', listener: (event: ReadyEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: ReadyEvent) => void): void;
}

export interface Handed {
  token: string;
  expiresAt: string;
}

/** Starts listening; returns what stops it (when the web part is disposed or re-rendered). */
export function handOver(
  host: MessageTarget,
  frame: () => MessageSource | undefined,
  session: Handed,
  peerloopOrigin: string
): () => void {
  const listener = (event: ReadyEvent): void => {
    const target = frame();
    const data = event.data as { subject?: string } | null;
    if (!target || event.source !== target || event.origin !== peerloopOrigin) {
      return;
    }
    if (!data || data.subject !== 'peerloop.ready') {
      return;
    }
    target.postMessage(
      { subject: 'peerloop.session', token: session.token, expiresAt: session.expiresAt },
      peerloopOrigin
    );
  };
  host.addEventListener('message', listener);
  return () => host.removeEventListener('message', listener);
}
