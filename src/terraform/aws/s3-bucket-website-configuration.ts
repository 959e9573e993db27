// aws_s3_bucket_website_configuration: index_document, error_document, redirect_all_requests_to.
import { splitResource } from './split.js';
import { websiteOf } from './convert.js';

export const awsS3BucketWebsiteConfiguration = splitResource('aws_s3_bucket_website_configuration', 'Website', ['index_document', 'redirect_all_requests_to'], (a) => websiteOf(a, false));
