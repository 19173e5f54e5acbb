/** The session feature's JSON API: search, session documents, transcripts and experiment settings. */
@NullMarked
package io.sessionlens.session.web;

import org.jspecify.annotations.NullMarked;
