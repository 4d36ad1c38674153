import { describe, expect, it } from 'vitest';
import { heightMessages } from '../../src/embed/resizers.ts';
import { parseState } from '../../src/state/url.ts';
import { parseIncoming } from '../../src/embed/protocol.ts';

describe('height messages for existing resizers', () => {
  it('ours, Datawrapper\'s (id from embedId=) and AMP\'s, in whole pixels', () => {
    expect(heightMessages(560.2, 'dw-123')).toEqual([
      { source: 'jjj-transfer-map', type: 'resize', height: 561 },
      { 'datawrapper-height': { 'dw-123': 561 } },
      { sentinel: 'amp', type: 'embed-size', height: 561 },
    ]);
    expect(heightMessages(480, null)[1]).toEqual({ 'datawrapper-height': { 'jjj-transfer-map': 480 } });
  });

  it('embedId is a URL option (letters, digits, - and _), fixed by the iframe address', () => {
    expect(parseState('?embedId=Ab-1_2').state.embedId).toBe('Ab-1_2');
    expect(parseState('?embedId=<x>').notices).toEqual([expect.objectContaining({ param: 'embedId', reason: 'malformed' })]);
    expect(parseIncoming({ target: 'jjj-transfer-map', type: 'setState', state: { embedId: 'x', metric: 'firms' } }, 'https://a.example', null)).toEqual({ metric: 'firms' });
  });
});
