import { handOver, type MessageSource, type ReadyEvent } from './handOver';

class Host {
  public listeners: Array<(event: ReadyEvent) => void> = [];
  public addEventListener(type: 'message', listener: (event: ReadyEvent) => void): void {
    this.listeners.push(listener);
  }
  public removeEventListener(type: 'message', listener: (event: ReadyEvent) => void): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }
  public dispatch(event: ReadyEvent): void {
    this.listeners.forEach((l) => l(event));
  }
}

class Frame implements MessageSource {
  public posted: Array<{ message: unknown; targetOrigin: string }> = [];
  public postMessage(message: unknown, targetOrigin: string): void {
    this.posted.push({ message, targetOrigin });
  }
}

const ORIGIN = 'https://peerloop.example.org';
const session = { token: 'pl-session', expiresAt: '2026-12-04T12:00:00Z' };

describe('handOver', () => {
  it('posts the session to the exact PeerLoop origin once its frame is ready', () => {
    const host = new Host();
    const frame = new Frame();
    handOver(host, () => frame, session, ORIGIN);
    host.dispatch({ source: frame, origin: ORIGIN, data: { subject: 'peerloop.ready' } });
    expect(frame.posted).toEqual([
      { message: { subject: 'peerloop.session', ...session }, targetOrigin: ORIGIN }
    ]);
  });

  it('ignores other windows, other origins and other messages', () => {
    const host = new Host();
    const frame = new Frame();
    const stranger = new Frame();
    handOver(host, () => frame, session, ORIGIN);
    host.dispatch({ source: stranger, origin: ORIGIN, data: { subject: 'peerloop.ready' } });
    host.dispatch({ source: frame, origin: 'https://evil.example.net', data: { subject: 'peerloop.ready' } });
    host.dispatch({ source: frame, origin: ORIGIN, data: { subject: 'something-else' } });
    host.dispatch({ source: frame, origin: ORIGIN, data: null });
    expect(frame.posted).toEqual([]);
    expect(stranger.posted).toEqual([]);
  });

  it('stops listening when told', () => {
    const host = new Host();
    const frame = new Frame();
    const stop = handOver(host, () => frame, session, ORIGIN);
    stop();
    host.dispatch({ source: frame, origin: ORIGIN, data: { subject: 'peerloop.ready' } });
    expect(frame.posted).toEqual([]);
    expect(host.listeners).toHaveLength(0);
  });
});
