/**
JSON.stringify for request bodies, immune to `Array.prototype.toJSON` patched in by old libraries:
Prototype.js 1.6 makes arrays return a JSON *string*, so `{ events: [...] }` would go out as
`{"events":"[...]"}`. The replacer is called with the holder as `this`, so it can hand back the
raw array, which JSON.stringify then serialises as an array without asking its toJSON again.
Other toJSON methods (Date's) still apply.
*/
export function stringifyJson(value: unknown): string {
	return JSON.stringify(value, function (this: Record<string, unknown>, key: string, serialised: unknown) {
		const raw = this[key];
		return Array.isArray(raw) ? raw : serialised;
	});
}
