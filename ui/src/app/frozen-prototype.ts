// Lets Preact 10 run with Tauri's `app.security.freezePrototype: true` (tauri.conf.json), which
// runs `Object.freeze(Object.prototype)` before any of our scripts (docs/security.md §2, F9).
//
// What breaks without this. Preact gives every vnode an own `constructor: undefined` property
// (diff() ignores objects without it, against JSON injection) and copies vnodes into a fresh `{}`
// with its `assign()` helper, `for (k in src) dst[k] = src[k]`:
//   - renderComponent(), on every state update (useState, useReducer, setState):
//     `assign({}, component._vnode)`;
//   - cloneNode(), on the children of a component that returns an unkeyed `<>…</>`:
//     `assign({}, child)`.
// With Object.prototype frozen, its `constructor` is read-only, and assigning `constructor` to an
// object that inherits it is refused (the "override mistake"); in strict code that throws
//   TypeError: Cannot assign to read only property 'constructor' of object '#<Object>'
// The first screen renders, then the first state update throws and the window stays on
// "Opening QR Desk…". Preact fixed this in 11 (preactjs/preact#5195: the copy starts from
// `{ constructor: marker }`); 10.29.8, the last 10.x, still has it.
//
// The workaround, through Preact's public option hooks (node_modules stays as installed):
//   1. `options.vnode` (every new vnode) and `options.diffed` (every vnode Preact has rendered,
//      including the ones it re-creates internally without `options.vnode`) make the
//      `constructor` marker non-enumerable, so `assign()` skips it instead of throwing.
//   2. renderComponent() passes its copy to `options.vnode` straight away; the same hook puts the
//      marker back on it, so diff() still accepts it.
//   3. cloneNode() has no hook after it: its copy would lose the marker and diff() would drop it
//      without a word. It only runs when a render returns a vnode whose type is Preact's own
//      `Fragment`, so `options.vnode` gives fragments an identical component instead
//      (`props => props.children`, what `Fragment` is), which Preact renders like a nested
//      fragment, in place, without cloning.
// main.tsx installs it before the first render in every build (the app and `npm run dev`), frozen
// or not, so one code path runs everywhere. frozen-prototype.test.ts freezes Object.prototype and
// checks each of the three steps and the app's screens. Remove this file when Preact is upgraded
// to 11: that test's two "without the workaround" cases will then fail and say so.

import { Fragment, options, type ComponentChildren, type VNode } from "preact";

/** Stands in for Preact's `Fragment`: renders its children, and is never cloned (see above). */
export function FrozenSafeFragment(props: { children?: ComponentChildren }): ComponentChildren {
  return props.children;
}

const isEnumerable = (o: object, key: string) => Object.prototype.propertyIsEnumerable.call(o, key);

function hideMarker(vnode: VNode): void {
  Object.defineProperty(vnode, "constructor", { value: undefined, writable: true, enumerable: false, configurable: true });
}

let installed = false;

/** Installs the hooks; call before the first render. Safe to call more than once. */
export function installFrozenPrototypeSupport(): void {
  if (installed) return;
  installed = true;
  const prevVnode = options.vnode;
  options.vnode = (vnode) => {
    hideMarker(vnode);
    if (vnode.type === Fragment) vnode.type = FrozenSafeFragment;
    prevVnode?.(vnode);
  };
  const prevDiffed = options.diffed;
  options.diffed = (vnode) => {
    if (isEnumerable(vnode, "constructor")) hideMarker(vnode);
    prevDiffed?.(vnode);
  };
}
