import path from 'node:path';
import { displayPath, InputError, type Project, type Services, type Table } from '@regops/core';
import { readCsvTable } from '@regops/data';
import { inspectModel } from '@regops/model';

/** The data and model services of a local run: datasets read once and cached by name. */
export function createServices(project: Project): Services {
  const tables = new Map<string, Promise<Table>>();
  return {
    loadTable(name) {
      let t = tables.get(name);
      if (!t) {
        const ds = project.config.datasets[name];
        if (!ds)
          throw new InputError(`${project.configFile.display}: no dataset named "${name}" under datasets:`);
        const absPath = path.resolve(project.rootDir, ds.path);
        t = readCsvTable({
          name,
          absPath,
          path: ds.path,
          display: displayPath(absPath),
          delimiter: ds.delimiter,
          naValues: ds.na_values,
        });
        tables.set(name, t);
      }
      return t;
    },
    inspectModel: (relPath) => inspectModel(project.rootDir, relPath),
  };
}
