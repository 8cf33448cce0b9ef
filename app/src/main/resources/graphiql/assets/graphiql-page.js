// In a file of its own rather than inline, so the page's Content-Security-Policy can forbid inline scripts.
(function () {
    // GraphiQL keeps tabs, query history, variables and headers (a login token) in localStorage by default; they
    // may hold personal data, so they live in this tab's memory only and are gone when it closes.
    var items = {};
    var memoryStorage = {
        getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
        setItem: function (key, value) { items[key] = String(value); },
        removeItem: function (key) { delete items[key]; },
        clear: function () { items = {}; },
        get length() { return Object.keys(items).length; }
    };
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
        storage: memoryStorage,
        shouldPersistHeaders: false,
        isHeadersEditorEnabled: true,
        defaultEditorToolsVisibility: true
    }));
})();
