/**
A response schema of the contract, compacted by src/api/generate-shapes.ts into src/api/shapes.ts:
`'s'` string, `'i'` integer, `'b'` boolean, `'a|b'` one of these strings, `[item]` an array of
items, `{ key: shape }` an object with these keys, where `key?` may also be absent or null. Extra
keys are allowed, so that a newer server does not break an older widget.
*/
export type Shape = string | Shape[] | { [key: string]: Shape };

/** Whether parsed JSON has the contract's shape. */
export const fits = (value: any, shape: Shape): boolean =>
	typeof shape == 'string'
		? shape == 'i'
			? Number.isInteger(value)
			: shape[1]
				? shape.split('|').includes(value)
				: typeof value == (shape == 's' ? 'string' : 'boolean')
		: Array.isArray(shape)
			? Array.isArray(value) && value.every((item) => fits(item, shape[0]))
			: // Parsed JSON objects are plain: this leaves out null, arrays and strings alike.
				value?.constructor == Object &&
				Object.keys(shape).every((key) => {
					const name = key.replace('?', '');
					return (name != key && value[name] == null) || fits(value[name], shape[key]);
				});
