/** The demo stories (bank, helpdesk, docs, travel), and how a scripted turn becomes a span tree with assessments. */
@NullMarked
package io.sessionlens.demodata.scenario;

import org.jspecify.annotations.NullMarked;
