/**
 * Internal to the session feature: keeps the session index current. {@link io.sessionlens.session.index.SessionIndexer}
 * writes the counts of the sessions an import touched, {@link io.sessionlens.session.index.SessionAnalysisRunner}
 * analyses sessions and stores the result, and {@link io.sessionlens.session.index.SessionAnalysisWorker} runs it in the
 * background. Decision records 005 and 008.
 */
@NullMarked
package io.sessionlens.session.index;

import org.jspecify.annotations.NullMarked;
