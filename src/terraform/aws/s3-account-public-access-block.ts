// aws_s3_account_public_access_block: the account-level Block Public Access (every bucket of the account).
import { unknownConfigured } from '../plan-index.js';
import type { ResourceTranslator } from '../translator.js';
import { bpaFlags, BPA_ARGUMENTS } from './bpa.js';

export const awsS3AccountPublicAccessBlock: ResourceTranslator = {
  type: 'aws_s3_account_public_access_block',
  order: 1,
  translate(r, ctx) {
    const unknown = BPA_ARGUMENTS.find((a) => unknownConfigured(r, a));
    ctx.aws.setAccountBpa(r, unknown !== undefined ? 'unknown' : bpaFlags(r.after), unknown ?? '');
  },
};
