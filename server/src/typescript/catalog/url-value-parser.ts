import type { LibraryTable } from './model';
import { WEAK_REASONS } from '../../analysis/weak-sanitizers';

/**
 * url-value-parser (used by several metric middlewares) masks path segments that look like ids. What it
 * does not recognise passes through, so its output is still unbounded: a weak sanitizer.
 */
export const urlValueParser: LibraryTable = {
  id: 'url-value-parser',
  modules: ['url-value-parser'],
  typePackages: ['url-value-parser'],
  exports: { '*': 'url-value-parser:ParserClass', default: 'url-value-parser:ParserClass' },
  entities: {
    ParserClass: { construct: { returns: { entity: 'url-value-parser:Parser' } } },
    Parser: {
      members: { replacePathValues: { call: { propagates: [0], weak: WEAK_REASONS.regexMask } } },
    },
  },
};
