// Personal-data detectors (PERSONAL-DATA.md): the public API for decoding (src/data/decode), `kumoscan classify`
// and sampling. Pure TypeScript, no I/O. Rules and decisions: docs/personal-data-detectors.md.
export { Classifier, classifyFileName, profileResource, estimatePersons, PersonLedger, classesOf, WARMUP_ROWS, type ClassifierOptions, type DetectionEvent, type ResourceContext } from './classifier.js';
export { DETECTOR_ORDER, APPI_ORDER } from './appi-classes.js';
export { isValidMyNumber, myNumberCheckDigit, isValidCorporateNumber, corporateCheckDigit, luhnValid, luhnCheckDigit, gs1Valid } from './check-digits.js';
export { maskChars, maskEmail, maskName, maskKey, saltedHash, newSalt } from './mask.js';
export { normalizeText } from './normalize.js';
export { idDocumentOf, isImagePath, type IdDocumentKind } from './id-document.js';
export { WINDOW } from './context.js';
