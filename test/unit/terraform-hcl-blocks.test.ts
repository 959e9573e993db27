// The .tf tokenizer that finds `resource "TYPE" "NAME" {` blocks: comments, strings, templates and heredocs that
// contain the same words are not blocks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceBlocks } from '../../src/terraform/hcl-blocks.js';

test('top-level blocks with their lines; nested and quoted look-alikes ignored', () => {
  const text = [
    '# resource "aws_s3_bucket" "a" {',
    '// resource "aws_s3_bucket" "b" {',
    '/* resource "aws_s3_bucket" "c" {',
    '   } */',
    'locals {',
    '  x = "resource \\"aws_s3_bucket\\" \\"d\\" { ${var.y} }"',
    '  resource = { a = 1 }',
    '}',
    'resource "aws_s3_bucket" "real" {',
    '  bucket = "x-${lookup(var.m, "k", "}")}"',
    '  policy = <<-EOT',
    '    resource "aws_s3_bucket" "e" {',
    '    }',
    '  EOT',
    '}',
    '',
    'resource "aws_s3_bucket_policy" "real" {',
    '  bucket = aws_s3_bucket.real.id',
    '}',
  ].join('\n');
  assert.deepEqual(resourceBlocks(text), [
    { type: 'aws_s3_bucket', name: 'real', line: 9 },
    { type: 'aws_s3_bucket_policy', name: 'real', line: 17 },
  ]);
});

test('a block opened on the next line is still found; an unterminated heredoc ends the file without a block', () => {
  assert.deepEqual(resourceBlocks('resource "google_storage_bucket" "b"\n{\n}\n'), [{ type: 'google_storage_bucket', name: 'b', line: 1 }]);
  assert.deepEqual(resourceBlocks('x = <<EOT\nresource "a" "b" {\n'), []);
});
