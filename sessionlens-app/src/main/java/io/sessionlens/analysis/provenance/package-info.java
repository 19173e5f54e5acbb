/**
 * Claim provenance: the facts an answer states (a value with its meaning), traced to where they first appeared and
 * what that source was — a user message, a tool result, a retrieved document, or nowhere.
 */
@NullMarked
package io.sessionlens.analysis.provenance;

import org.jspecify.annotations.NullMarked;
