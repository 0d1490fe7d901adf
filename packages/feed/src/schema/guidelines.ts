import { arr, obj, optional, str } from '../internal/spec.js';
import { id, lt, number } from './common.js';

export const image = obj({ src: str({ url: 'rel', format: 'uri-reference' }), alt: lt });

export const guideline = obj({ id, number, title: lt, text: lt, image: optional(image) });

export const guidelines = arr(guideline, { ids: 'guidelines' });
