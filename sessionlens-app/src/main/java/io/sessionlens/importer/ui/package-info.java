/** The import page. */
@NullMarked
package io.sessionlens.importer.ui;

import org.jspecify.annotations.NullMarked;
