/**
 * The browser tests' `test`: on this machine WebGL runs in software (SwiftShader), where the app
 * chooses its 2D renderer (src/map/choose.ts). The tests of the WebGL path make the browser
 * report a graphics card instead — the renderer string is all the choice reads — so the same
 * URLs keep testing MapLibre. `test.use({ gpu: false })` leaves the machine as it is (the 2D
 * renderer's own tests, tests/e2e/renderer2d.spec.ts).
 */
import { test as base } from '@playwright/test';

export * from '@playwright/test';

/** Report a GPU in WEBGL_debug_renderer_info (UNMASKED_RENDERER_WEBGL = 0x9246). */
export function reportGpu(): void {
  for (const ctor of [globalThis.WebGL2RenderingContext, globalThis.WebGLRenderingContext]) {
    if (!ctor) continue;
    const get = ctor.prototype.getParameter;
    ctor.prototype.getParameter = function (this: WebGLRenderingContext, p: number) {
      return p === 0x9246 ? 'Test GPU (e2e: the WebGL path)' : get.call(this, p);
    } as typeof get;
  }
}

export const test = base.extend<{ gpu: boolean }>({
  gpu: [true, { option: true }],
  context: async ({ context, gpu }, use) => {
    if (gpu) await context.addInitScript(reportGpu);
    await use(context);
  },
});
