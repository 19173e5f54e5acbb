/**
 * The pure trace model: what an MLflow trace is once read, whatever dialect it was written in.
 * No Spring, JPA, Vaadin or Jackson here (checked by ArchitectureTest).
 */
@NullMarked
package io.sessionlens.trace.model;

import org.jspecify.annotations.NullMarked;
