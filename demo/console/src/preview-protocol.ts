import type { PublicProgram } from './api';

/** The preview page asks for the draft when it starts. */
export interface PreviewReady {
	type: 'rewards-preview:ready';
}

/** The editor sends the public program of the draft (as the server rendered it) to the preview. */
export interface PreviewProgram {
	type: 'rewards-preview:program';
	program: PublicProgram;
	locale: string;
}

export type PreviewMessage = PreviewReady | PreviewProgram;

/** Where the preview's widget thinks its API is: never reached, the preview page answers it. */
export const PREVIEW_API_PATH = '/admin/preview-api';
export const PREVIEW_STORE_KEY = 'pk_preview';
