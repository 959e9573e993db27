// Legacy Office files (.xls, .doc, .ppt; OLE2 compound files, magic D0 CF 11 E0 A1 B1 1A E1). No well-kept reader
// that parses them safely is installed, so they are not decoded: a note names the file and the object counts as
// partly read (its content is unknown).
import { note } from '../note-messages.js';
import { isOle } from '../magic.js';
import { notDecoded, unread } from './common.js';
import type { FormatSpec } from './types.js';

export const oleFormat: FormatSpec = {
  id: 'ole',
  title: 'legacy Office (OLE2: .xls, .doc, .ppt): recognized, not decoded (partly read)',
  extensions: ['xls', 'doc', 'ppt', 'msg'],
  magic: isOle,
  nesting: 'leaf',
  depthLimited: true,
  async open(input, _sniff, env) {
    unread(env, note('ole'), true);
    await input.close();
    return notDecoded('binary', 'binary');
  },
};
