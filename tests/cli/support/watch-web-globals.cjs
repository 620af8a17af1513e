/* global process */
// Loaded with `node --require`: tells on stderr when a command first touches one of the globals
// behind which Node keeps its bundled fetch implementation (compiled on first touch, ~30 ms).
for (const name of ['Response', 'Headers', 'Request', 'fetch', 'FormData']) {
  const lazy = Object.getOwnPropertyDescriptor(globalThis, name);
  if (!lazy || !lazy.get) continue;
  let told = false;
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: lazy.enumerable,
    get() {
      if (!told) {
        told = true;
        process.stderr.write(`[web-globals] ${name} touched\n`);
      }
      return lazy.get.call(this);
    },
    set: lazy.set,
  });
}
