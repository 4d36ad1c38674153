import { describe, expect, it } from 'vitest';
import { chooseRenderer, isSoftwareRenderer } from '../../src/map/choose.ts';

describe('renderer choice', () => {
  const hw = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';
  it('takes WebGL on a real GPU', () => {
    expect(chooseRenderer({ forced: null, webgl2: true, rendererString: hw })).toEqual({ kind: 'webgl', reason: 'webgl' });
    expect(chooseRenderer({ forced: null, webgl2: true, rendererString: 'Apple M2' })).toEqual({ kind: 'webgl', reason: 'webgl' });
    // Renderer string masked: trust the GPU.
    expect(chooseRenderer({ forced: null, webgl2: true, rendererString: null }).kind).toBe('webgl');
  });
  it('takes 2D without WebGL 2', () => {
    expect(chooseRenderer({ forced: null, webgl2: false, rendererString: null })).toEqual({ kind: '2d', reason: 'no-webgl' });
  });
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Mesa softpipe',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Microsoft, WARP Direct3D11)',
  ])('takes 2D on the software renderer %s', (s) => {
    expect(isSoftwareRenderer(s)).toBe(true);
    expect(chooseRenderer({ forced: null, webgl2: true, rendererString: s })).toEqual({ kind: '2d', reason: 'software-gl' });
  });
  it('does not mistake words that contain "warp"', () => {
    expect(isSoftwareRenderer('Warpath GPU 9000')).toBe(false);
  });
  it('lets the forced renderer win', () => {
    expect(chooseRenderer({ forced: 'webgl', webgl2: true, rendererString: 'llvmpipe' })).toEqual({ kind: 'webgl', reason: 'forced' });
    expect(chooseRenderer({ forced: '2d', webgl2: true, rendererString: hw })).toEqual({ kind: '2d', reason: 'forced' });
  });
});
