// The shapes of what a live scan adds to any provider's snapshot: probe results (src/probe.ts) and sample outcomes
// (src/data/sample.ts), validated on --input so that a hand-edited or damaged snapshot is one clear line (exit 2)
// instead of a crash in a renderer. Objects are loose: keys a later kumoscan adds are kept, not refused.
import { z } from 'zod';
import { CLASS_NAMES } from '../reports/appi/labels.js';
import { DETECTOR_NAMES } from './data/detect/detector-names.js';

const count = z.number().int().nonnegative();
const tri = z.boolean().nullable();

const probeAnswer = z.looseObject({ url: z.string(), status: z.number().nullable(), error: z.string().optional() });

export const probeResultShape = z.looseObject({
  at: z.iso.datetime({ offset: true }),
  list: probeAnswer.optional(),
  object: probeAnswer.extend({ key: z.string() }).optional(),
  observed: z.looseObject({ read: tri, list: tri }),
});

// Names the renderers look up: an unknown one is refused here rather than shown as "undefined".
const detector = z.enum(Object.keys(DETECTOR_NAMES) as [string, ...string[]]);
const appiClass = z.enum(Object.keys(CLASS_NAMES) as [string, ...string[]]);

const detection = z.looseObject({ type: detector, confidence: z.enum(['high', 'low']), count, masked: z.array(z.string()), objects: count });

export const dataProfileShape = z.looseObject({
  sampled: z.looseObject({ objects: count, bytes: count, skipped: z.array(z.looseObject({ key: z.string(), reason: z.string() })) }),
  objectsListed: count,
  listingComplete: z.boolean(),
  personalData: z.boolean(),
  classes: z.array(appiClass),
  detections: z.array(detection),
  persons: z.looseObject({
    sampled: count,
    estimate: z.looseObject({ low: count, high: count, basis: z.string() }),
    declared: count.optional(),
    over1000: z.boolean(),
  }),
  examples: z.array(z.looseObject({ key: z.string(), types: z.array(detector) })),
  declared: z.looseObject({ categories: z.array(detector), by: z.array(z.string()) }).optional(),
  // Per object with personal data, its persons (masked key): joined with access logs to count who was read.
  personalObjects: z.array(z.looseObject({ key: z.string(), persons: count })).optional(),
});

export const sampleOutcomeShape = z.looseObject({ profile: dataProfileShape.nullable(), error: z.string().optional() });
