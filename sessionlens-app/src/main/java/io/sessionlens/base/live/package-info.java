/**
 * Live updates between teammates: a feature says "this changed" on a topic once its transaction commits; pages that show
 * it subscribe (through {@code base.ui.Live}) and refresh over Vaadin server push. Topics are names only; subscribers
 * read what changed from the database.
 */
@NullMarked
package io.sessionlens.base.live;

import org.jspecify.annotations.NullMarked;
