// aws_s3_bucket_server_side_encryption_configuration: rule { apply_server_side_encryption_by_default, bucket_key_enabled }.
import { splitResource } from './split.js';
import { blocks, encryptionOf } from './convert.js';

export const awsS3BucketSseConfiguration = splitResource('aws_s3_bucket_server_side_encryption_configuration', 'Encryption', ['rule'], (a) => encryptionOf(blocks(a.rule)));
