/**
 * Which renderer draws the map: WebGL (MapLibre) on a real GPU, 2D (Canvas) when WebGL 2 fails
 * or runs on a software rasteriser, where MapLibre's basemap alone costs more per frame than a
 * whole Canvas map. `renderer=webgl|2d` forces one. The choice is pure; `probeWebgl` is the one
 * DOM read it needs (imports nothing from MapLibre).
 */
import type { RendererChoice, RendererKind } from './renderer.ts';

export interface RendererProbe {
  /** Could a WebGL 2 context be created? */
  webgl2: boolean;
  /** WEBGL_debug_renderer_info's unmasked renderer, when readable. */
  rendererString: string | null;
}


/** Software rasterisers: SwiftShader (Chrome), llvmpipe/softpipe (Mesa), WARP (Windows). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|microsoft basic render driver|\bwarp\b/i;

export function isSoftwareRenderer(rendererString: string | null): boolean {
  return rendererString !== null && SOFTWARE.test(rendererString);
}

export function chooseRenderer({ forced, webgl2, rendererString }: RendererProbe & { forced: RendererKind | null }): RendererChoice {
  if (forced) return { kind: forced, reason: 'forced' };
  if (!webgl2) return { kind: '2d', reason: 'no-webgl' };
  if (isSoftwareRenderer(rendererString)) return { kind: '2d', reason: 'software-gl' };
  return { kind: 'webgl', reason: 'webgl' };
}

/** Create a throw-away WebGL 2 context, read its renderer string, and release it. */
export function probeWebgl(doc: Document = document): RendererProbe {
  let gl: WebGL2RenderingContext | null = null;
  try {
    gl = doc.createElement('canvas').getContext('webgl2', { failIfMajorPerformanceCaveat: false });
  } catch {
    gl = null;
  }
  if (!gl) return { webgl2: false, rendererString: null };
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const s = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return { webgl2: true, rendererString: typeof s === 'string' ? s : null };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
