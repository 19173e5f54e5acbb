/** {@code GET /api/overview} and its CSV. */
@NullMarked
package io.sessionlens.overview.web;

import org.jspecify.annotations.NullMarked;
