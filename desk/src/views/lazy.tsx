import { lazy, Suspense, type ComponentType } from 'react';

/** A view loaded only when it is first opened, so the first page carries none of its code. */
export function lazyView(load: () => Promise<{ default: ComponentType }>) {
  const View = lazy(load);
  return function LazyView() {
    return (
      <Suspense fallback={<p className="loading">Laddar …</p>}>
        <View />
      </Suspense>
    );
  };
}
