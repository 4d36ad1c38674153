/**
 * Flow arcs as a MapLibre custom WebGL2 layer.
 *
 * Each arc is drawn from its two ends (Web Mercator), curvature, width in pixels, colour and
 * highlight state. The vertex shader evaluates the same quadratic Bézier as `src/geo/arcs.ts`
 * and extrudes it to a ribbon in screen space, so arcs stay glued to the map in pan, zoom,
 * rotate and pitch. Width tapers towards the destination (direction is readable without
 * animation); an optional flowing dash runs only when asked for.
 *
 * Chosen by measurement (`npx tsx bench/peers/probe.ts`; on a software GPU such as SwiftShader
 * the cost goes with triangles and interpolated values more than with pixels):
 * - Few segments, drawn curved: within one segment a quadratic Bézier is its chord plus a
 *   parabola, so the fragment shader measures each pixel's distance to the true curve, not to
 *   the chord. Segments may then be long: each arc gets 2–32 of them by its size on screen, the
 *   fewest that keep the curve within `maxBow` px of every chord (n pieces bow by
 *   |S − 2C + D| / 4n²) and turn its tangent by at most 20° each. They are chosen again when the
 *   map comes to rest in a new view, or mid-move when the zoom has changed by more than a level:
 *   a couple of milliseconds at 10,000 arcs, never on every frame.
 * - One draw call for all arcs, in their own order (so overlapping arcs stack as given): one
 *   triangle strip in which each arc has as many vertices as its segments need. Each vertex
 *   carries only which arc it belongs to and its place in that arc's strip; the vertex shader
 *   reads the arc from a texture (`texelFetch`). A highlight change rewrites one byte per arc.
 * - Nothing is interpolated across a triangle: colour, the segment's chord, bow and end widths
 *   are `flat`, and the fragment shader works from gl_FragCoord. Triangles take flat values from
 *   their last vertex (WebGL 2), which for both triangles of a segment lies at the segment's far
 *   end, so each vertex describes the segment that ends at its row.
 * - The curve is projected once per vertex (its three control points: the clip-space curve is the
 *   Bézier of the projected control points) and the ribbon's normal is the exact tangent's.
 * - Two programs: the dash only in the animated one.
 * - No depth test: MapLibre leaves a read-only one on for custom layers, but arcs are drawn in
 *   order over everything below them and nothing opaque is drawn above them (labels and circles
 *   come later, in the translucent pass), so it only cost a depth read per pixel.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { emptyArcs, type PackedArcs } from '../arcPack.ts';
import { DOT_STRETCH_FROM } from '../packUnmeasured.ts';

export interface ArcLayerOptions {
  id?: string;
  /** Segments per arc: 'auto' (default) for 2–32 by the arc's size on screen, or a fixed number (1–32). */
  segments?: number | 'auto';
  /** Width at the destination as a share of the width at the source. */
  taper?: number;
  /** Opacity of faded arcs. */
  fadedOpacity?: number;
  /**
   * With `segments: 'auto'`: how far, in device pixels, the curve may bow off a segment's chord
   * (the fragment shader draws the bow; more bow, fewer and longer segments).
   */
  maxBow?: number;
  /**
   * Dotted instead of solid (records with no figure in the measure): a dot every `period`
   * device px along the arc, lit over the share `on` of it. Not animated.
   */
  dotted?: { period: number; on: number };
}

export interface ArcLayer extends CustomLayerInterface {
  setArcs(arcs: PackedArcs): void;
  /** Rewrite only the highlight states (same length as the last `setArcs`). */
  setStates(state: Uint8Array): void;
  /** Flowing dashes; keeps the map repainting while on. */
  setAnimated(on: boolean): void;
}

/** Fewest and most segments per arc. */
export const MIN_SEGMENTS = 2;
export const MAX_SEGMENTS = 32;
/** Default `maxBow`, device px. */
export const DEFAULT_MAX_BOW = 1;
/** Largest turn of the tangent per segment, radians (20°): the shader's parabola stays exact to well under a pixel. */
export const MAX_TURN = 0.35;
/**
 * While the map moves, the segments are chosen again only when the zoom is this many levels away
 * from the one they were chosen for. Zooming in makes the curve bow further off the chords
 * (×2 per level), but the fragment shader draws the bow and the quads widen with it: that costs
 * pixels, not accuracy. At rest they are fitted to the view once more.
 */
export const ZOOM_SLACK = 1;

export interface SegmentOptions {
  /** Largest bow of the curve off a segment's chord, device px. */
  maxBow: number;
  /** Largest turn of the tangent per segment, radians. */
  maxTurn?: number;
}

/**
 * Segments for each arc in the view `matrix` (Mercator → clip, column-major) on a drawing buffer
 * of `halfW`·2 × `halfH`·2 px: the fewest (MIN_SEGMENTS–MAX_SEGMENTS) that each bow at most
 * `maxBow` off their chord and turn the tangent at most `maxTurn`. Arcs with an end or the
 * control point behind the camera get MAX_SEGMENTS.
 */
export function segmentCounts(
  positions: Float32Array,
  curvature: Float32Array,
  count: number,
  matrix: ArrayLike<number>,
  halfW: number,
  halfH: number,
  { maxBow, maxTurn = MAX_TURN }: SegmentOptions,
  out = new Uint8Array(count),
): Uint8Array {
  const m0 = matrix[0]!, m1 = matrix[1]!, m3 = matrix[3]!, m4 = matrix[4]!, m5 = matrix[5]!, m7 = matrix[7]!, m12 = matrix[12]!, m13 = matrix[13]!, m15 = matrix[15]!;
  for (let i = 0; i < count; i++) {
    const sx = positions[i * 4]!, sy = positions[i * 4 + 1]!, tx = positions[i * 4 + 2]!, ty = positions[i * 4 + 3]!;
    const k = curvature[i]!;
    const cx = (sx + tx) / 2 + (ty - sy) * k;
    const cy = (sy + ty) / 2 - (tx - sx) * k;
    const sw = m3 * sx + m7 * sy + m15;
    const cw = m3 * cx + m7 * cy + m15;
    const tw = m3 * tx + m7 * ty + m15;
    if (!(sw > 1e-9 && cw > 1e-9 && tw > 1e-9)) {
      out[i] = MAX_SEGMENTS;
      continue;
    }
    const Sx = ((m0 * sx + m4 * sy + m12) / sw) * halfW, Sy = ((m1 * sx + m5 * sy + m13) / sw) * halfH;
    const Cx = ((m0 * cx + m4 * cy + m12) / cw) * halfW, Cy = ((m1 * cx + m5 * cy + m13) / cw) * halfH;
    const Dx = ((m0 * tx + m4 * ty + m12) / tw) * halfW, Dy = ((m1 * tx + m5 * ty + m13) / tw) * halfH;
    // n pieces bow by bend / 4n² off their chords (bend = |S − 2C + D| on screen).
    const bend = Math.hypot(Sx - 2 * Cx + Dx, Sy - 2 * Cy + Dy);
    // The tangent turns from (C − S) to (D − C), about turn / n per piece.
    const ax = Cx - Sx, ay = Cy - Sy, bx = Dx - Cx, by = Dy - Cy;
    const turn = Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
    const n = Math.max(Math.sqrt(bend / (4 * maxBow)), turn / maxTurn);
    out[i] = Math.min(MAX_SEGMENTS, Math.max(MIN_SEGMENTS, Math.ceil(n - 1e-9)));
  }
  return out;
}

/** Arcs per row of the textures (2 RGBA32F texels each in u_data, 1 byte in u_state). */
const ROW = 1024;

const VS = (dash: false | 'flow' | 'dotted') => `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform vec2 u_half_viewport;
uniform float u_taper;
uniform float u_pixel_ratio;
uniform float u_faded;
uniform highp sampler2D u_data;
uniform highp sampler2D u_state;
// Which arc this vertex belongs to (bits 12–31), the arc's segments n − 1 (bits 7–11) and the
// vertex's place in the arc's strip (bits 0–6): its first vertex repeated, (i, -1), (i, +1) for
// i = 0..n, its last vertex repeated (the repeats make the zero-area triangles that join the
// arcs into one strip).
in uint a_ref;
flat out vec4 v_color;
flat out vec4 v_line;
flat out vec4 v_curve;
${dash ? 'flat out vec2 v_dash;' : ''}

vec4 bez(float t, vec4 S, vec4 C, vec4 D) { float u = 1.0 - t; return u * u * S + 2.0 * u * t * C + t * t * D; }
vec2 win(vec4 p) { return (p.xy / p.w + 1.0) * u_half_viewport; }

void main() {
  int k = int(a_ref >> 12u);
  int segs = int((a_ref >> 7u) & 31u) + 1;
  float n = float(segs);
  int v = clamp(int(a_ref & 127u) - 1, 0, 2 * segs + 1);
  float state = floor(texelFetch(u_state, ivec2(k & ${ROW - 1}, k >> ${Math.log2(ROW)}), 0).r * 255.0 + 0.5);
  ivec2 at = ivec2((k & ${ROW - 1}) << 1, k >> ${Math.log2(ROW)});
  vec4 ends = texelFetch(u_data, at, 0);
  vec4 q = texelFetch(u_data, at + ivec2(1, 0), 0);
  float curv = q.x;
  float width = q.y;
  int rgb = int(q.z);
  vec4 color = vec4(float(rgb >> 16), float((rgb >> 8) & 255), float(rgb & 255), q.w) / 255.0;
  vec2 seg = vec2(float(v >> 1), (v & 1) == 0 ? -1.0 : 1.0);
  vec2 s = ends.xy;
  vec2 d = ends.zw;
  vec2 delta = d - s;
  vec2 c = (s + d) * 0.5 + vec2(delta.y, -delta.x) * curv;
  // The matrix is linear in homogeneous coordinates: the clip-space curve is the Bézier of the
  // projected control points, and its derivative that of their differences.
  vec4 S = u_matrix * vec4(s, 0.0, 1.0);
  vec4 C = u_matrix * vec4(c, 0.0, 1.0);
  vec4 D = u_matrix * vec4(d, 0.0, 1.0);
  float h = 1.0 / n;
  float t = seg.x / n;
  float u = 1.0 - t;
  vec4 p = u * u * S + 2.0 * u * t * C + t * t * D;
  vec4 dp = u * (C - S) + t * (D - C);
  // Screen-space tangent: d(xy / w) ∝ xy' w − xy w'.
  vec2 dir = (dp.xy * p.w - p.xy * dp.w) * u_half_viewport;
  dir = dot(dir, dir) > 1e-12 ? normalize(dir) : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x) * seg.y;
  float scale = width * u_pixel_ratio;
  float extra = 0.0;
  float alpha = color.a;
  if (state > 1.5) alpha *= u_faded;
  else if (state > 0.5) { alpha = 1.0; extra = 1.5 * u_pixel_ratio; }
  // Out to where the anti-aliasing ramp ends, ½ px past the edge, and on the side the curve bows
  // to, past its bow off the segments' chords (the same for every segment of the arc).
  vec2 toward = win(C) * 2.0 - win(S) - win(D);
  float bow = length(toward) * h * h * 0.25;
  float reach = (scale * mix(1.0, u_taper, t) + extra) * 0.5 + 0.5 + (dot(nrm, toward) > 0.0 ? bow * 1.1 + 0.1 : 0.0);
  gl_Position = p + vec4(nrm * reach / u_half_viewport * p.w, 0.0, 0.0);
  // The segment that ends at this row (the first one, for row 0): its chord in window pixels,
  // how far the curve bows off it, and its half widths (plus the ½ px ramp) at both ends.
  float ta = seg.x > 0.5 ? t - h : 0.0;
  float tb = seg.x > 0.5 ? t : h;
  vec2 A = win(bez(ta, S, C, D));
  vec2 B = win(bez(tb, S, C, D));
  vec2 M = win(bez((ta + tb) * 0.5, S, C, D));
  vec2 ab = B - A;
  float len = length(ab);
  ab = len > 1e-6 ? ab / len : dir;
  v_line = vec4(A, -ab.y, ab.x);
  v_curve = vec4(
    (scale * mix(1.0, u_taper, ta) + extra) * 0.5 + 0.5,
    (scale * mix(1.0, u_taper, tb) + extra) * 0.5 + 0.5,
    4.0 * dot(M - (A + B) * 0.5, v_line.zw),
    len > 1e-6 ? 1.0 / len : 0.0);
  v_color = vec4(color.rgb * alpha, alpha);
  ${dash ? `// Dash phase: distance along the arc as t × its chord on screen, as before.
  float chord = length(win(D) - win(S));
  // Wide arcs stretch the pattern (../packUnmeasured.ts dotStretch; the flowing dashes keep theirs).
  v_dash = vec2(ta * chord, (tb - ta) * chord)${dash === 'dotted' ? ` / max(1.0, scale / ${DOT_STRETCH_FROM.toFixed(2)})` : ''};` : ''}
}`;

/**
 * Coverage from the pixel's distance to the curve: within a segment a quadratic Bézier is its
 * chord plus a parabola, y = 4·bow·τ(1 − τ) over the chord's x = τ·len. The distance is taken
 * straight across the chord: with at most MAX_TURN per segment the parabola's slope stays under
 * tan(10°), and the error under 1.6 % of the distance.
 */
const FS = (animate: boolean, dotted?: { period: number; on: number }) => `#version 300 es
precision highp float;
${animate ? 'uniform float u_time;\n' : ''}${animate || dotted ? 'flat in vec2 v_dash;' : ''}
flat in vec4 v_color;
flat in vec4 v_line;
flat in vec4 v_curve;
out vec4 frag;
void main() {
  vec2 q = gl_FragCoord.xy - v_line.xy;
  float tau = dot(q, vec2(v_line.w, -v_line.z)) * v_curve.w;
  float y = dot(q, v_line.zw) - v_curve.z * tau * (1.0 - tau);
  float a = clamp(mix(v_curve.x, v_curve.y, tau) - abs(y), 0.0, 1.0);
  ${animate ? 'a *= fract((v_dash.x + tau * v_dash.y - u_time * 40.0) / 18.0) < 0.55 ? 1.0 : 0.45;' : ''}
  ${dotted ? `a *= fract((v_dash.x + tau * v_dash.y) / ${dotted.period.toFixed(1)}) < ${dotted.on.toFixed(3)} ? 1.0 : 0.0;` : ''}
  frag = v_color * a;
}`;

const UNIFORMS = ['u_matrix', 'u_half_viewport', 'u_taper', 'u_pixel_ratio', 'u_faded', 'u_time', 'u_data', 'u_state'] as const;
type Program = { program: WebGLProgram; uniforms: Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null> };

function compile(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
  const sh = gl.createShader(type)!;
  gl.shaderSource(sh, src);
  gl.compileShader(sh);
  if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(`arc shader: ${gl.getShaderInfoLog(sh)}`);
  return sh;
}

function link(gl: WebGL2RenderingContext, animate: boolean, dotted?: ArcLayerOptions['dotted']): Program {
  const program = gl.createProgram()!;
  const vs = compile(gl, gl.VERTEX_SHADER, VS(dotted ? 'dotted' : animate ? 'flow' : false));
  const fs = compile(gl, gl.FRAGMENT_SHADER, FS(animate && !dotted, dotted));
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  // The same location in both programs, so one vertex array serves both.
  gl.bindAttribLocation(program, 0, 'a_ref');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`arc program: ${gl.getProgramInfoLog(program)}`);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  return { program, uniforms: Object.fromEntries(UNIFORMS.map((n) => [n, gl.getUniformLocation(program, n)])) as Program['uniforms'] };
}

/** Rows of ROW arcs needed for `n` arcs. */
const rows = (n: number) => Math.max(1, Math.ceil(n / ROW));
/** Most arcs one layer draws (20 bits of a vertex's reference). */
export const MAX_ARCS = 2 ** 20;

export function createArcLayer(options: ArcLayerOptions = {}): ArcLayer {
  const fixed = typeof options.segments === 'number' ? Math.min(MAX_SEGMENTS, Math.max(1, Math.round(options.segments))) : 0;
  const taper = options.taper ?? 0.3;
  const faded = options.fadedOpacity ?? 0.12;
  const maxBow = options.maxBow ?? DEFAULT_MAX_BOW;
  let map: MapLibreMap | null = null;
  let gl: WebGL2RenderingContext | null = null;
  let programs: { plain: Program; animated: Program } | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  let refBuffer: WebGLBuffer | null = null;
  const textures: Record<'data' | 'state', WebGLTexture | null> = { data: null, state: null };
  let data: PackedArcs = emptyArcs();
  /** Segments of each arc, and scratch for the next choice. */
  let segments = new Uint8Array(0);
  let next = new Uint8Array(0);
  /** Per vertex: arc << 12 | (segments − 1) << 7 | place in the arc's strip. Kept between calls. */
  let refs = new Uint32Array(0);
  let vertices = 0;
  /** The view the segments were chosen for. */
  let fit = { zoom: NaN, pitch: 0, halfW: 0, halfH: 0, where: '' };
  let dirty = true;
  let statesDirty = false;
  let animated = false;
  let start = performance.now();
  // WebGL context loss: MapLibre rebuilds its style but drops custom layers, so the layer adds
  // itself back (onAdd then makes fresh GL objects) before the layer that followed it.
  let nextId: string | null | undefined;
  let onRestored: (() => void) | null = null;
  const drawn = () => Math.min(data.count, MAX_ARCS);

  const uploadStates = (g: WebGL2RenderingContext) => {
    const tex = new Uint8Array(rows(drawn()) * ROW);
    tex.set(data.state.subarray(0, drawn()));
    g.bindTexture(g.TEXTURE_2D, textures.state);
    g.texImage2D(g.TEXTURE_2D, 0, g.R8, ROW, rows(drawn()), 0, g.RED, g.UNSIGNED_BYTE, tex);
  };

  /** The arcs in their own order, two texels each (ends; curvature, width, RGB as one integer, alpha). */
  const uploadArcs = (g: WebGL2RenderingContext) => {
    const n = drawn();
    if (n < data.count) console.warn(`arc layer: drawing the first ${n} of ${data.count} arcs`);
    const { positions, curvature, width, color } = data;
    const tex = new Float32Array(rows(n) * ROW * 8);
    for (let i = 0; i < n; i++) {
      const f = i * 8;
      tex[f] = positions[i * 4]!;
      tex[f + 1] = positions[i * 4 + 1]!;
      tex[f + 2] = positions[i * 4 + 2]!;
      tex[f + 3] = positions[i * 4 + 3]!;
      tex[f + 4] = curvature[i]!;
      tex[f + 5] = width[i]!;
      tex[f + 6] = (color[i * 4]! << 16) | (color[i * 4 + 1]! << 8) | color[i * 4 + 2]!;
      tex[f + 7] = color[i * 4 + 3]!;
    }
    g.bindTexture(g.TEXTURE_2D, textures.data);
    g.texImage2D(g.TEXTURE_2D, 0, g.RGBA32F, ROW * 2, rows(n), 0, g.RGBA, g.FLOAT, tex);
  };

  /**
   * Choose each arc's segments; if any changed (or after `setArcs`), rewrite the vertex list:
   * every arc in its own order (so arcs overlap as before), each with as many vertices as its
   * segments need, all in one strip and one draw call.
   */
  const rebucket = (g: WebGL2RenderingContext, matrix: ArrayLike<number>, halfW: number, halfH: number, force: boolean) => {
    const n = drawn();
    if (next.length !== n) {
      next = new Uint8Array(n);
      segments = new Uint8Array(n);
    }
    if (fixed) next.fill(fixed);
    else segmentCounts(data.positions, data.curvature, n, matrix, halfW, halfH, { maxBow }, next);
    let same = !force;
    for (let i = 0; same && i < n; i++) same = next[i] === segments[i];
    if (same) return;
    [segments, next] = [next, segments];
    let total = 0;
    for (let i = 0; i < n; i++) total += 2 * segments[i]! + 4;
    if (refs.length < total) refs = new Uint32Array(Math.ceil(total * 1.25));
    let p = 0;
    for (let i = 0; i < n; i++) {
      const m = segments[i]!;
      const head = (i << 12) | ((m - 1) << 7);
      for (let v = 0, end = 2 * m + 4; v < end; v++) refs[p++] = head | v;
    }
    vertices = total;
    g.bindBuffer(g.ARRAY_BUFFER, refBuffer);
    g.bufferData(g.ARRAY_BUFFER, refs, g.DYNAMIC_DRAW, 0, total);
    uploadStates(g);
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
      programs = { plain: link(gl, false, options.dotted), animated: options.dotted ? link(gl, false, options.dotted) : link(gl, true) };
      for (const k of Object.keys(textures) as Array<keyof typeof textures>) {
        const t = (textures[k] = gl.createTexture());
        gl.bindTexture(gl.TEXTURE_2D, t);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      }
      refBuffer = gl.createBuffer();
      vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, refBuffer);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribIPointer(0, 1, gl.UNSIGNED_INT, 0, 0);
      gl.bindVertexArray(null);
      dirty = true;
    },
    onRemove(m, context) {
      // MapLibre also removes the layers of a style it drops because the context was lost.
      if (onRestored && !context.isContextLost()) {
        m.off('webglcontextrestored', onRestored);
        onRestored = null;
      }
      context.deleteBuffer(refBuffer);
      for (const t of Object.values(textures)) context.deleteTexture(t);
      if (vao) context.deleteVertexArray(vao);
      if (programs) {
        context.deleteProgram(programs.plain.program);
        context.deleteProgram(programs.animated.program);
      }
      programs = null;
      map = null;
      gl = null;
    },
    render(context: WebGL2RenderingContext, args: CustomRenderMethodInput) {
      if (nextId === undefined && map) {
        const layers = map.getLayersOrder();
        nextId = layers[layers.indexOf(layer.id) + 1] ?? null;
      }
      if (!programs || data.count === 0) return;
      const matrix = args.defaultProjectionData.mainMatrix;
      const halfW = context.drawingBufferWidth / 2;
      const halfH = context.drawingBufferHeight / 2;
      const zoom = map ? map.getZoom() : 0;
      const pitch = map ? map.getPitch() : 0;
      const moving = map ? map.isMoving() : false;
      // Under perspective (pitch) the bend also depends on where the arc is: refit at rest.
      const where = pitch > 0 && map ? `${map.getCenter().toArray()},${map.getBearing()}` : '';
      if (dirty) uploadArcs(context);
      if (
        dirty ||
        (!fixed &&
          (Math.abs(zoom - fit.zoom) > ZOOM_SLACK ||
            Math.abs(pitch - fit.pitch) > 10 ||
            halfW !== fit.halfW ||
            halfH !== fit.halfH ||
            (!moving && (zoom !== fit.zoom || pitch !== fit.pitch || where !== fit.where))))
      ) {
        rebucket(context, matrix, halfW, halfH, dirty);
        dirty = false;
        fit = { zoom, pitch, halfW, halfH, where };
      }
      if (statesDirty) {
        uploadStates(context);
        statesDirty = false;
      }
      const { program, uniforms } = animated ? programs.animated : programs.plain;
      context.useProgram(program);
      context.bindVertexArray(vao);
      context.activeTexture(context.TEXTURE1);
      context.bindTexture(context.TEXTURE_2D, textures.state);
      context.activeTexture(context.TEXTURE0);
      context.bindTexture(context.TEXTURE_2D, textures.data);
      context.uniform1i(uniforms.u_data, 0);
      context.uniform1i(uniforms.u_state, 1);
      context.uniformMatrix4fv(uniforms.u_matrix, false, matrix as Float32Array);
      context.uniform2f(uniforms.u_half_viewport, halfW, halfH);
      context.uniform1f(uniforms.u_taper, taper);
      context.uniform1f(uniforms.u_pixel_ratio, window.devicePixelRatio || 1);
      context.uniform1f(uniforms.u_faded, faded);
      if (animated) context.uniform1f(uniforms.u_time, (performance.now() - start) / 1000);
      context.enable(context.BLEND);
      context.blendFunc(context.ONE, context.ONE_MINUS_SRC_ALPHA);
      context.disable(context.DEPTH_TEST);
      context.drawArrays(context.TRIANGLE_STRIP, 0, vertices);
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
