/** The import's JSON API: {@code POST /api/imports} and its error answers. */
@NullMarked
package io.sessionlens.importer.web;

import org.jspecify.annotations.NullMarked;
