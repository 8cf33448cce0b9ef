// In a file of its own rather than inline, so the page's Content-Security-Policy can forbid inline scripts.
// Headers typed into GraphiQL (a login token) stay in the tab: shouldPersistHeaders keeps them out of localStorage.
(function () {
    var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
    var root = ReactDOM.createRoot(document.getElementById('graphiql'));
    root.render(React.createElement(GraphiQL, {
        fetcher: fetcher,
        shouldPersistHeaders: false,
        isHeadersEditorEnabled: true,
        defaultEditorToolsVisibility: true
    }));
})();
