/**
 * The one way to read a subject's own event log: {@link com.matchmaking.app.history.SubjectHistory} reads the events
 * of one aggregate (a member, a staff account, an introduction, a leak case) decrypted and in order, and folds them
 * with a {@link com.matchmaking.app.history.HistoryView} the feature that needs the answer declares beside its own
 * code. Nothing here knows a feature: the package depends on Axon only.
 */
package com.matchmaking.app.history;
