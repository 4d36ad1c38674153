/**
 * Flow arcs as a MapLibre custom WebGL2 layer.
 *
 * Each arc is one instance: its two ends (Web Mercator), curvature, width in pixels, colour and
 * highlight state. The vertex shader evaluates the same quadratic Bézier as `src/geo/arcs.ts`
 * and extrudes it to a ribbon in screen space, so arcs stay glued to the map in pan, zoom,
 * rotate and pitch with no JavaScript per frame. Width tapers towards the destination (direction
 * is readable without animation); an optional flowing dash runs only when asked for.
 *
 * Chosen by measurement (see `npm run bench`): on a filter change only the instance buffers are
 * re-uploaded (no tiling of GeoJSON in a worker), and a highlight change rewrites one byte per arc.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';

export interface PackedArcs {
  count: number;
  /** sx, sy, tx, ty per arc, Web Mercator [0, 1]. */
  positions: Float32Array;
  curvature: Float32Array;
  /** Full width at the source end, CSS pixels. */
  width: Float32Array;
  /** RGBA per arc, straight alpha. */
  color: Uint8Array;
  /** 0 normal, 1 highlighted, 2 faded. */
  state: Uint8Array;
}

export const ARC_NORMAL = 0;
export const ARC_HIGHLIGHT = 1;
export const ARC_FADED = 2;

export function emptyArcs(): PackedArcs {
  return { count: 0, positions: new Float32Array(0), curvature: new Float32Array(0), width: new Float32Array(0), color: new Uint8Array(0), state: new Uint8Array(0) };
}

export interface ArcLayerOptions {
  id?: string;
  /** Segments per arc. */
  segments?: number;
  /** Width at the destination as a share of the width at the source. */
  taper?: number;
  /** Opacity of faded arcs. */
  fadedOpacity?: number;
}

export interface ArcLayer extends CustomLayerInterface {
  setArcs(arcs: PackedArcs): void;
  /** Rewrite only the highlight states (same length as the last `setArcs`). */
  setStates(state: Uint8Array): void;
  /** Flowing dashes; keeps the map repainting while on. */
  setAnimated(on: boolean): void;
}

const VS = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_segments;
uniform float u_taper;
uniform float u_pixel_ratio;
in vec2 a_seg;
in vec4 a_ends;
in float a_curv;
in float a_width;
in vec4 a_color;
in float a_state;
out vec4 v_color;
out float v_side;
out float v_half;
out float v_dist;
out float v_state;

vec2 bez(float t, vec2 s, vec2 c, vec2 d) { float u = 1.0 - t; return u * u * s + 2.0 * u * t * c + t * t * d; }
vec2 screen(vec4 p) { return p.xy / p.w * u_viewport * 0.5; }

void main() {
  vec2 s = a_ends.xy;
  vec2 d = a_ends.zw;
  vec2 delta = d - s;
  vec2 c = (s + d) * 0.5 + vec2(delta.y, -delta.x) * a_curv;
  float t = a_seg.x / u_segments;
  float h = 1.0 / u_segments;
  vec4 p = u_matrix * vec4(bez(t, s, c, d), 0.0, 1.0);
  vec2 s0 = screen(u_matrix * vec4(bez(max(t - h, 0.0), s, c, d), 0.0, 1.0));
  vec2 s1 = screen(u_matrix * vec4(bez(min(t + h, 1.0), s, c, d), 0.0, 1.0));
  vec2 dir = s1 - s0;
  dir = length(dir) > 1e-6 ? normalize(dir) : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float w = a_width * u_pixel_ratio * mix(1.0, u_taper, t);
  if (a_state > 0.5 && a_state < 1.5) w += 1.5 * u_pixel_ratio;
  float half_w = w * 0.5 + 1.0;
  vec2 offset = nrm * a_seg.y * half_w;
  gl_Position = p + vec4(offset / (u_viewport * 0.5) * p.w, 0.0, 0.0);
  v_color = a_color;
  v_side = a_seg.y * half_w;
  v_half = w * 0.5;
  v_dist = t * length(screen(u_matrix * vec4(d, 0.0, 1.0)) - screen(u_matrix * vec4(s, 0.0, 1.0)));
  v_state = a_state;
}`;

const FS = `#version 300 es
precision highp float;
uniform float u_time;
uniform float u_animate;
uniform float u_faded;
in vec4 v_color;
in float v_side;
in float v_half;
in float v_dist;
in float v_state;
out vec4 frag;
void main() {
  float edge = clamp(v_half + 0.5 - abs(v_side), 0.0, 1.0);
  float a = v_color.a * edge;
  if (v_state > 1.5) a *= u_faded;
  else if (v_state > 0.5) a = edge;
  if (u_animate > 0.5) {
    float phase = fract((v_dist - u_time * 40.0) / 18.0);
    a *= phase < 0.55 ? 1.0 : 0.45;
  }
  frag = vec4(v_color.rgb * a, a);
}`;

function compile(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
  const sh = gl.createShader(type)!;
  gl.shaderSource(sh, src);
  gl.compileShader(sh);
  if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(`arc shader: ${gl.getShaderInfoLog(sh)}`);
  return sh;
}

export function createArcLayer(options: ArcLayerOptions = {}): ArcLayer {
  const segments = options.segments ?? 32;
  const taper = options.taper ?? 0.3;
  const faded = options.fadedOpacity ?? 0.12;
  let map: MapLibreMap | null = null;
  let gl: WebGL2RenderingContext | null = null;
  let program: WebGLProgram | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  const buffers: Record<'seg' | 'ends' | 'curv' | 'width' | 'color' | 'state', WebGLBuffer | null> = { seg: null, ends: null, curv: null, width: null, color: null, state: null };
  let uniforms: Record<string, WebGLUniformLocation | null> = {};
  let data: PackedArcs = emptyArcs();
  let dirty = true;
  let statesDirty = false;
  let animated = false;
  let start = performance.now();
  // WebGL context loss: MapLibre rebuilds its style but drops custom layers, so the layer adds
  // itself back (onAdd then makes fresh GL objects) before the layer that followed it.
  let nextId: string | null | undefined;
  let onRestored: (() => void) | null = null;

  const upload = () => {
    if (!gl) return;
    const put = (b: WebGLBuffer | null, arr: ArrayBufferView) => { gl!.bindBuffer(gl!.ARRAY_BUFFER, b); gl!.bufferData(gl!.ARRAY_BUFFER, arr, gl!.DYNAMIC_DRAW); };
    put(buffers.ends, data.positions);
    put(buffers.curv, data.curvature);
    put(buffers.width, data.width);
    put(buffers.color, data.color);
    put(buffers.state, data.state);
    dirty = false;
    statesDirty = false;
  };

  const layer: ArcLayer = {
    id: options.id ?? 'flow-arcs',
    type: 'custom',
    renderingMode: '2d',
    onAdd(m, context) {
      map = m;
      gl = context;
      if (!onRestored) {
        const readd = () => {
          if (!m.getLayer(layer.id)) m.addLayer(layer, nextId && m.getLayer(nextId) ? nextId : undefined);
        };
        onRestored = () => (m.isStyleLoaded() ? readd() : m.once('style.load', readd));
        m.on('webglcontextrestored', onRestored);
      }
      program = gl.createProgram()!;
      gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VS));
      gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FS));
      gl.linkProgram(program);
      if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`arc program: ${gl.getProgramInfoLog(program)}`);
      uniforms = Object.fromEntries(['u_matrix', 'u_viewport', 'u_segments', 'u_taper', 'u_pixel_ratio', 'u_time', 'u_animate', 'u_faded'].map((n) => [n, gl!.getUniformLocation(program!, n)]));
      for (const k of Object.keys(buffers) as Array<keyof typeof buffers>) buffers[k] = gl.createBuffer();
      // A triangle strip along the arc: (i, -1), (i, +1) for i = 0..segments.
      const seg = new Float32Array((segments + 1) * 4);
      for (let i = 0; i <= segments; i++) seg.set([i, -1, i, 1], i * 4);
      vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      const attr = (name: string, b: WebGLBuffer | null, size: number, type: number, normalized: boolean, divisor: number) => {
        const loc = gl!.getAttribLocation(program!, name);
        if (loc < 0) return;
        gl!.bindBuffer(gl!.ARRAY_BUFFER, b);
        gl!.enableVertexAttribArray(loc);
        gl!.vertexAttribPointer(loc, size, type, normalized, 0, 0);
        gl!.vertexAttribDivisor(loc, divisor);
      };
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.seg);
      gl.bufferData(gl.ARRAY_BUFFER, seg, gl.STATIC_DRAW);
      attr('a_seg', buffers.seg, 2, gl.FLOAT, false, 0);
      attr('a_ends', buffers.ends, 4, gl.FLOAT, false, 1);
      attr('a_curv', buffers.curv, 1, gl.FLOAT, false, 1);
      attr('a_width', buffers.width, 1, gl.FLOAT, false, 1);
      attr('a_color', buffers.color, 4, gl.UNSIGNED_BYTE, true, 1);
      attr('a_state', buffers.state, 1, gl.UNSIGNED_BYTE, false, 1);
      gl.bindVertexArray(null);
      dirty = true;
    },
    onRemove(m, context) {
      // MapLibre also removes the layers of a style it drops because the context was lost.
      if (onRestored && !context.isContextLost()) {
        m.off('webglcontextrestored', onRestored);
        onRestored = null;
      }
      for (const b of Object.values(buffers)) context.deleteBuffer(b);
      if (vao) context.deleteVertexArray(vao);
      if (program) context.deleteProgram(program);
      map = null;
      gl = null;
    },
    render(context: WebGL2RenderingContext, args: CustomRenderMethodInput) {
      if (nextId === undefined && map) {
        const order = map.getLayersOrder();
        nextId = order[order.indexOf(layer.id) + 1] ?? null;
      }
      if (!program || data.count === 0) return;
      if (dirty) upload();
      else if (statesDirty) {
        context.bindBuffer(context.ARRAY_BUFFER, buffers.state);
        context.bufferSubData(context.ARRAY_BUFFER, 0, data.state);
        statesDirty = false;
      }
      context.useProgram(program);
      context.bindVertexArray(vao);
      context.uniformMatrix4fv(uniforms.u_matrix!, false, args.defaultProjectionData.mainMatrix as Float32Array);
      context.uniform2f(uniforms.u_viewport!, context.drawingBufferWidth, context.drawingBufferHeight);
      context.uniform1f(uniforms.u_segments!, segments);
      context.uniform1f(uniforms.u_taper!, taper);
      context.uniform1f(uniforms.u_pixel_ratio!, window.devicePixelRatio || 1);
      context.uniform1f(uniforms.u_time!, (performance.now() - start) / 1000);
      context.uniform1f(uniforms.u_animate!, animated ? 1 : 0);
      context.uniform1f(uniforms.u_faded!, faded);
      context.enable(context.BLEND);
      context.blendFunc(context.ONE, context.ONE_MINUS_SRC_ALPHA);
      context.drawArraysInstanced(context.TRIANGLE_STRIP, 0, (segments + 1) * 2, data.count);
      context.bindVertexArray(null);
      if (animated) map?.triggerRepaint();
    },
    setArcs(arcs) {
      data = arcs;
      dirty = true;
      map?.triggerRepaint();
    },
    setStates(state) {
      if (state.length !== data.count) throw new Error(`setStates: ${state.length} states for ${data.count} arcs`);
      data = { ...data, state };
      statesDirty = true;
      map?.triggerRepaint();
    },
    setAnimated(on) {
      if (on === animated) return;
      animated = on;
      start = performance.now();
      map?.triggerRepaint();
    },
  };
  return layer;
}
