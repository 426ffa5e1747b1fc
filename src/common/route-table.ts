interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

interface ExpressApp {
  router?: { stack: RouterLayer[] };
}

/**
 * Methods that some registered route answers for `path`, read from Express's router, so that a
 * known path asked with the wrong method answers 405 with an Allow header instead of 404. A route
 * that takes the very method that found nothing is middleware mounted on every method: not counted.
 */
export function allowedMethods(app: ExpressApp, path: string, method: string): string[] {
  const methods = new Set<string>();
  for (const layer of app.router?.stack ?? []) {
    if (!layer.route || !layer.match(path)) continue;
    if (layer.route.methods._all || layer.route.methods[method.toLowerCase()]) continue;
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  return [...methods].sort();
}
