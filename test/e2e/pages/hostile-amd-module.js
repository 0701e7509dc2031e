// An anonymous AMD module, loaded by the page's loader: the only define() the page should see.
define([], function () {
	return {
		describe: function () {
			return 'cart module loaded';
		},
	};
});
