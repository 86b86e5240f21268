import type { Plugin } from 'vite';

/**
 * The modules the first page needs: everything the entry (main.tsx) imports statically, directly or not (our code;
 * libraries of the first page stay in the entry chunk anyway). Rolldown's
 * automatic split cut them into ~20 small chunks because lazy pages share them; on a phone link with a 562 ms round
 * trip those cost more than their bytes. Filled at buildEnd, read by the chunk groups' `test` at generate time.
 */
export function bootModules(): { plugin: Plugin; has: (id: string) => boolean } {
  const boot = new Set<string>();
  const plugin: Plugin = {
    name: 'truongso-boot-modules',
    apply: 'build',
    buildEnd() {
      boot.clear();
      const pending = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      while (pending.length) {
        const id = pending.pop() as string;
        if (boot.has(id)) continue;
        boot.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, has: (id) => boot.has(id) };
}
