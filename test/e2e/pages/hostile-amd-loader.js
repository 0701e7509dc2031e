/*
A minimal AMD loader standing in for RequireJS on this test page: `define.amd` is set, so UMD
bundles register as modules instead of globals, and an anonymous `define()` from a script the
loader did not load is an error, as RequireJS reports it ("Mismatched anonymous define() module").
Every call is recorded on window.amdLog for the test.
*/
(function () {
	var log = (window.amdLog = { defines: [], mismatches: [], loaded: [] });
	var modules = {};
	var waiting = {};

	function load(id, done) {
		if (id in modules) return done(modules[id]);
		(waiting[id] = waiting[id] || []).push(done);
		if (waiting[id].length > 1) return;
		var script = document.createElement('script');
		script.src = id;
		script.setAttribute('data-requiremodule', id);
		document.head.appendChild(script);
	}

	function resolve(id, deps, factory) {
		var values = [];
		var count = deps.length;
		var finish = function () {
			modules[id] = typeof factory === 'function' ? factory.apply(null, values) : factory;
			log.loaded.push(id);
			(waiting[id] || []).forEach(function (done) {
				done(modules[id]);
			});
			delete waiting[id];
		};
		if (!count) return finish();
		deps.forEach(function (dep, i) {
			load(dep, function (value) {
				values[i] = value;
				if (--count === 0) finish();
			});
		});
	}

	window.define = function (name, deps, factory) {
		if (typeof name !== 'string') {
			factory = deps;
			deps = name;
			name = undefined;
		}
		if (!Array.isArray(deps)) {
			factory = deps;
			deps = [];
		}
		var script = document.currentScript;
		var id = name || (script && script.getAttribute('data-requiremodule'));
		log.defines.push({ name: name || null, script: script ? script.src : null });
		if (!id) {
			var message = 'Mismatched anonymous define() module: ' + String(factory).slice(0, 60);
			log.mismatches.push(script ? script.src : 'inline');
			throw new Error(message);
		}
		resolve(id, deps, factory);
	};
	window.define.amd = {};

	window.require = window.requirejs = function (deps, callback) {
		resolve('require-' + Math.random(), deps, function () {
			if (callback) callback.apply(null, arguments);
		});
	};
})();
